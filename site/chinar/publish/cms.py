"""Telling the CMS what each cycle did, so the editor sees it in the Wagtail admin.

One signed POST (``chinar.publish.auth``, same secret as the hook) per change of a cycle's state to the
CMS's ``publish-status/`` endpoint: ``queued``, ``building``, ``retrying`` (the CMS or the bucket cannot
be reached; the live site is as it was), ``live`` or ``failed`` (with the problems, each naming the
record file and field, as ``chinar check`` prints them). A report that cannot be delivered is kept
(the latest per cycle) and sent again with the next one: the CMS being down never stops publishing.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
import uuid

from .auth import sign

log = logging.getLogger(__name__)

STATES = ("queued", "building", "retrying", "live", "failed")


class StatusReporter:
    """Sends cycle reports to ``url`` (None: reports are only logged)."""

    def __init__(self, url: str | None, secret: str, timeout: float = 5.0) -> None:
        self.url, self.secret, self.timeout = url, secret, timeout
        self.unsent: dict[int, dict] = {}  # cycle -> its latest undelivered report

    def send(self, report: dict) -> bool:
        """Deliver ``report`` (and any earlier undelivered ones first); False if the CMS did not take it."""
        if not self.url:
            return True
        self.unsent[int(report["cycle"])] = report
        for cycle in sorted(self.unsent)[-20:]:
            if not self._post(self.unsent[cycle]):
                return False
            del self.unsent[cycle]
        self.unsent.clear()
        return True

    def _post(self, report: dict) -> bool:
        body = json.dumps({"kind": "publish-status", "id": uuid.uuid4().hex, **report}, ensure_ascii=False,
                          sort_keys=True).encode()
        headers = {"Content-Type": "application/json", **sign(self.secret, body)}
        request = urllib.request.Request(self.url, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:  # noqa: S310 - operator's URL
                resp.read()
            return True
        except urllib.error.HTTPError as exc:
            log.warning("the CMS refused the status of cycle %s: HTTP %s %s", report["cycle"], exc.code, exc.reason)
            return exc.code < 500  # refused for good (e.g. a wrong secret): keeping it would not help
        except (urllib.error.URLError, OSError) as exc:
            log.warning("could not report cycle %s to the CMS (%s); will send it again",
                        report["cycle"], getattr(exc, "reason", exc))
            return False
