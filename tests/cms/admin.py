"""Helpers for CMS tests (importable by test modules; conftest.py is not)."""

from __future__ import annotations

import logging
import time

import pytest

logger = logging.getLogger(__name__)

# Transactional (live server, threads): the database is flushed afterwards, and conftest.py's serialized
# rollback restores what the migrations and the tiny catalog put there.
LIVE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def login(page, base: str, username: str, password: str) -> None:
    """Log in to the Wagtail admin at ``base`` in a Playwright page."""
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def srinagar(language_code: str):
    from chinar_cms.districts.models import District

    key = District.objects.get(locale__language_code="en", slug="srinagar").translation_key
    return District.objects.get(locale__language_code=language_code, translation_key=key)


def leave(page) -> None:
    """Leave an edit view, giving the server time to release its editing session first.

    Leaving sends a beacon that deletes the session (a write), which Playwright cannot await; the live
    server's in-memory SQLite fails a read made meanwhile ("database table is locked"). A beacon that
    failed leaves nothing in flight, so after a few seconds the test goes on regardless.
    """
    from django.db import OperationalError
    from wagtail.admin.models import EditingSession

    page.goto("about:blank")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(0.2)
        try:
            if not EditingSession.objects.exists():
                return
        except OperationalError:  # the release is being written
            continue
    logger.warning("leaving the edit view did not release its editing session")


def queued_hooks():
    """The build-hook deliveries on the task queue, oldest first."""
    from chinar_cms.buildhook.hook import deliver_build_hook
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=deliver_build_hook.module_path).order_by("enqueued_at")


def run_hook_worker() -> None:
    """One run of the real task worker over what is due (`db_worker --batch`), as a new worker process would.

    The worker installs its own SIGINT/SIGTERM/SIGQUIT handlers (``sys.exit``) and, in batch mode, leaves
    them: in the test process they would outlive the test and turn a later signal, or a forked build
    worker's, into a SystemExit far from here. They are put back as they were."""
    import signal

    from django.core.management import call_command

    kept = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--backend", "db", "--queue-name", "buildhook", "--batch", "--no-startup-delay",
                     "--no-reload", verbosity=0)
    finally:
        for sig, handler in kept.items():
            signal.signal(sig, handler)


def make_hooks_due() -> None:
    """Move every waiting delivery's time to now (a test does not wait out the window or the backoff)."""
    from datetime import timedelta

    from django.utils import timezone

    queued_hooks().filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))
