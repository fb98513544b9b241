"""The build hook: publishing asks for a site update without ever making the editor wait.

``request_build`` runs when the publishing transaction commits: it queues one ``deliver_build_hook`` task
(Django's Tasks framework, the ``db`` backend: a row in this database, so a restart loses nothing) due
``CHINAR_BUILD_HOOK_WINDOW`` seconds later, unless one is already waiting; the publishes of a burst join
it and become one POST. A worker process runs it (``manage.py db_worker --backend db --queue-name
buildhook``; ``make demo`` starts one). A failing POST queues its own retry, ``CHINAR_BUILD_HOOK_RETRY``
seconds later and doubling, up to ``CHINAR_BUILD_HOOK_MAX_ATTEMPTS``; a publish meanwhile joins that retry.

With ``CHINAR_PUBLISH_SECRET`` set, the POST is signed (``chinar.publish.auth``: HMAC-SHA256 over a
timestamp and the body, a random id in every body), which ``chinar publish`` requires.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task

from chinar.contract import sign

log = logging.getLogger(__name__)

BACKEND, QUEUE = "db", "buildhook"


def request_build(reason: str) -> None:
    """Ask for a site update soon; joins the waiting request if there is one. Safe inside transactions."""
    if not settings.CHINAR_BUILD_HOOK_URL:
        return
    log.debug("site update requested: %s", reason)
    transaction.on_commit(lambda: schedule(delay=settings.CHINAR_BUILD_HOOK_WINDOW))


def waiting() -> bool:
    """Whether a delivery is queued and not started yet (a new publish joins it)."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path=deliver_build_hook.module_path, backend_name=BACKEND,
                                       status=TaskResultStatus.READY).exists()


def schedule(delay: float, attempt: int = 1) -> None:
    """Queue a delivery ``delay`` seconds from now, unless one is already waiting."""
    if waiting():
        return
    deliver_build_hook.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(attempt=attempt)


def post(url: str, body: bytes) -> int:
    """POST ``body`` (signed when the secret is set); the HTTP status, or raise for a failure."""
    headers = {"Content-Type": "application/json"}
    if settings.CHINAR_PUBLISH_SECRET:
        headers.update(sign(settings.CHINAR_PUBLISH_SECRET, body))
    req = urllib.request.Request(url, data=body, method="POST", headers=headers)
    with urllib.request.urlopen(req, timeout=settings.CHINAR_BUILD_HOOK_TIMEOUT) as resp:  # noqa: S310
        resp.read()
        return resp.status


@task(backend=BACKEND, queue_name=QUEUE)
def deliver_build_hook(attempt: int = 1) -> dict:
    """POST the build hook once; on failure queue the retry (unless it was the last attempt) and raise,
    so the task's row records the error."""
    url = settings.CHINAR_BUILD_HOOK_URL
    if not url:
        return {"skipped": "no CHINAR_BUILD_HOOK_URL"}
    body = json.dumps({"kind": "build-hook", "id": uuid.uuid4().hex, "attempt": attempt,
                       "requested_at": timezone.now().isoformat()}).encode()
    try:
        status = post(url, body)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        if attempt >= settings.CHINAR_BUILD_HOOK_MAX_ATTEMPTS:
            log.error("build hook failed %d times, giving up: %s", attempt, exc)
        else:
            delay = settings.CHINAR_BUILD_HOOK_RETRY * 2 ** (attempt - 1)
            log.warning("build hook failed (attempt %d), retrying in %.0f s: %s", attempt, delay, exc)
            schedule(delay, attempt + 1)
        raise
    log.info("build hook delivered (attempt %d, HTTP %d)", attempt, status)
    return {"status": status, "attempt": attempt}
