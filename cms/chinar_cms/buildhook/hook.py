"""The build hook: publishing asks for a site rebuild without ever making the editor wait.

``request_build`` only writes (or joins) a pending ``BuildRequest`` row after the publishing
transaction commits; ``deliver_due`` POSTs the due ones to ``CHINAR_BUILD_HOOK_URL``. Delivery runs
in a background thread of the CMS process (``CHINAR_BUILD_HOOK_THREAD``) or from cron with
``manage.py send_build_hooks``. A failing hook is logged and retried with exponential backoff
(``CHINAR_BUILD_HOOK_RETRY`` seconds, doubled each time) up to ``CHINAR_BUILD_HOOK_MAX_ATTEMPTS``.
"""

from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.request
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone

from .models import BuildRequest

log = logging.getLogger(__name__)

_wake = threading.Event()
_worker: threading.Thread | None = None
_worker_lock = threading.Lock()


def request_build(reason: str) -> None:
    """Ask for a rebuild soon; joins the pending request if there is one. Safe inside transactions."""
    if not settings.CHINAR_BUILD_HOOK_URL:
        return
    transaction.on_commit(lambda: _enqueue(reason))


def _enqueue(reason: str) -> None:
    with transaction.atomic():
        pending = (
            BuildRequest.objects.select_for_update()
            .filter(sent_at__isnull=True, gave_up_at__isnull=True)
            .order_by("due_at")
            .first()
        )
        if pending is None:
            BuildRequest.objects.create(
                due_at=timezone.now() + timedelta(seconds=settings.CHINAR_BUILD_HOOK_WINDOW), reasons=reason
            )
        else:
            pending.events += 1
            if len(pending.reasons) < 4000:
                pending.reasons += "\n" + reason
            pending.save(update_fields=["events", "reasons"])
    if settings.CHINAR_BUILD_HOOK_THREAD:
        ensure_worker()
        _wake.set()


def _post(url: str) -> None:
    req = urllib.request.Request(url, data=b"{}", method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=settings.CHINAR_BUILD_HOOK_TIMEOUT) as resp:  # noqa: S310
        resp.read()


def deliver_due(now: datetime | None = None) -> int:
    """POST every due request; returns how many were delivered. Failures are logged and rescheduled."""
    url = settings.CHINAR_BUILD_HOOK_URL
    if not url:
        return 0
    now = now or timezone.now()
    delivered = 0
    due_ids = list(
        BuildRequest.objects.filter(sent_at__isnull=True, gave_up_at__isnull=True, due_at__lte=now).values_list(
            "pk", flat=True
        )
    )
    for pk in due_ids:
        with transaction.atomic():
            req = (
                BuildRequest.objects.select_for_update()
                .filter(pk=pk, sent_at__isnull=True, gave_up_at__isnull=True)
                .first()
            )
            if req is None:
                continue
            req.attempts += 1
            try:
                _post(url)
            except (urllib.error.URLError, OSError, ValueError) as exc:
                req.last_error = str(exc)[:2000]
                if req.attempts >= settings.CHINAR_BUILD_HOOK_MAX_ATTEMPTS:
                    req.gave_up_at = now
                    log.error("build hook failed %d times, giving up: %s", req.attempts, exc)
                else:
                    delay = settings.CHINAR_BUILD_HOOK_RETRY * 2 ** (req.attempts - 1)
                    req.due_at = now + timedelta(seconds=delay)
                    log.warning("build hook failed (attempt %d), retrying in %.0f s: %s", req.attempts, delay, exc)
            else:
                req.sent_at = timezone.now()
                delivered += 1
                log.info("build hook called for %d publishing event(s)", req.events)
            req.save()
    return delivered


def next_due() -> datetime | None:
    req = BuildRequest.objects.filter(sent_at__isnull=True, gave_up_at__isnull=True).order_by("due_at").first()
    return req.due_at if req else None


def _run_worker() -> None:  # pragma: no cover - exercised through the threaded test
    global _worker
    while True:
        if not (settings.CHINAR_BUILD_HOOK_URL and settings.CHINAR_BUILD_HOOK_THREAD):
            with _worker_lock:
                _worker = None
            return
        try:
            close_old_connections()
            deliver_due()
            due = next_due()
        except Exception:  # the worker must survive database hiccups
            log.exception("build hook worker error")
            due = None
        finally:
            close_old_connections()
        timeout = 60.0 if due is None else max(0.05, (due - timezone.now()).total_seconds())
        _wake.wait(timeout)
        _wake.clear()


def ensure_worker() -> None:
    """Start the background sender once per process."""
    global _worker
    with _worker_lock:
        if _worker is None or not _worker.is_alive():
            _worker = threading.Thread(target=_run_worker, name="chinar-build-hook", daemon=True)
            _worker.start()
