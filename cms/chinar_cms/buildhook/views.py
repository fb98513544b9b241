"""The publisher's status reports in (signed, like the hook), and the page status fragment for editors."""

from __future__ import annotations

import json
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from chinar.contract import AuthError, verify

from .models import RANK, PublishCycle
from .status import page_status

log = logging.getLogger(__name__)


@csrf_exempt  # authenticated by its signature, not a session
@require_POST
def publish_status(request: HttpRequest) -> JsonResponse:
    """Take one cycle report from ``chinar publish`` (see ``chinar.publish.cms``).

    401 unless signed with ``CHINAR_PUBLISH_SECRET`` within the time window. A report never moves a cycle
    back to an earlier state and the same report is taken once, so a replayed one changes nothing.
    """
    secret = settings.CHINAR_PUBLISH_SECRET
    if not secret:
        return JsonResponse({"error": "CHINAR_PUBLISH_SECRET is not set in the CMS"}, status=503)
    try:
        verify(secret, request.headers, request.body, None)
        data = json.loads(request.body)
        cycle, state = int(data["cycle"]), str(data["state"])
    except AuthError as exc:
        log.warning("refused a publisher status report: %s", exc)
        return JsonResponse({"error": str(exc)}, status=401)
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": "expected JSON with cycle and state"}, status=400)
    if data.get("kind") != "publish-status" or state not in RANK:
        return JsonResponse({"error": "not a publish-status report"}, status=400)
    try:
        return _take(cycle, state, data)
    except IntegrityError:  # two first reports of one cycle at once (queued and building): the row exists now
        return _take(cycle, state, data)


def _take(cycle: int, state: str, data: dict) -> JsonResponse:
    with transaction.atomic():
        row = PublishCycle.objects.select_for_update().filter(cycle=cycle).first()
        if row is not None and (row.last_report == data.get("id") or RANK[state] < RANK[row.state]
                                or (RANK[row.state] == 3 and state != row.state)):
            return JsonResponse({"ignored": "an older or repeated report"})
        row = row or PublishCycle(cycle=cycle)
        row.state, row.last_report = state, str(data.get("id") or "")[:64]
        if data.get("pulled_at"):
            row.pulled_at = parse_datetime(data["pulled_at"])
        if data.get("finished_at") and state in ("live", "failed"):
            row.finished_at = parse_datetime(data["finished_at"])
        row.message = str(data.get("message") or "")[:4000]
        row.problems = list(data.get("problems") or [])[:200]
        row.figures = dict(data.get("figures") or {})
        row.save()
    return JsonResponse({"ok": True})


def page_status_fragment(request: HttpRequest, pk: int) -> HttpResponse:
    """The status bar the page editor shows (``publish_status.js`` polls it while the page is on its way)."""
    page = get_object_or_404(Page, pk=pk).specific
    status = page_status(page)
    response = render(request, "buildhook/page_status.html", {"page": page, "status": status})
    response["X-Chinar-Publish-State"] = status.state if status else "none"
    return response
