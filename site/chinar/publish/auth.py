"""Signed messages between the CMS and the publisher: HMAC-SHA256 over a timestamp and the body.

Both directions use the same scheme and the shared secret ``CHINAR_PUBLISH_SECRET``: the CMS's build hook
to the publisher, the publisher's status reports to the CMS. A request carries

- ``X-Chinar-Timestamp``: seconds since the epoch when it was signed;
- ``X-Chinar-Signature``: ``sha256=`` + hex HMAC-SHA256 of ``<timestamp>.<body>`` with the secret.

The receiver recomputes the HMAC (constant-time compare), refuses a timestamp more than ``window``
seconds away from its own clock, and refuses a signature it has already accepted within the window
(``ReplayGuard``): a captured request cannot be sent again, now or later. Each body carries a
random ``id``, so two genuine messages never share a signature. Same scheme as GitHub's and Stripe's
webhooks; the CMS side imports these functions (``chinar_cms.buildhook``) so there is one definition.
"""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections.abc import Mapping

TIMESTAMP_HEADER = "X-Chinar-Timestamp"
SIGNATURE_HEADER = "X-Chinar-Signature"
SECRET_ENV = "CHINAR_PUBLISH_SECRET"
DEFAULT_WINDOW = 300.0  # seconds: clock skew plus delivery delay tolerated
MIN_SECRET_LENGTH = 16


class AuthError(Exception):
    """Why a request was refused (said in the 401 answer and the log; never reveals the secret)."""


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def sign(secret: str, body: bytes, now: float | None = None) -> dict[str, str]:
    """The headers that authenticate ``body``."""
    timestamp = str(int(time.time() if now is None else now))
    return {TIMESTAMP_HEADER: timestamp, SIGNATURE_HEADER: signature(secret, timestamp, body)}


class ReplayGuard:
    """Signatures accepted within the last ``window`` seconds (thread-safe)."""

    def __init__(self, window: float = DEFAULT_WINDOW) -> None:
        self.window = window
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def first_time(self, sig: str, now: float) -> bool:
        """Record ``sig``; False if it was already seen (a replay)."""
        with self._lock:
            if len(self._seen) > 1000:
                self._seen = {s: t for s, t in self._seen.items() if now - t <= self.window}
            if sig in self._seen and now - self._seen[sig] <= self.window:
                return False
            self._seen[sig] = now
            return True


def verify(secret: str, headers: Mapping[str, str], body: bytes, guard: ReplayGuard | None,
           window: float = DEFAULT_WINDOW, now: float | None = None) -> None:
    """Raise AuthError unless ``body`` was signed with ``secret``, recently, and not seen before."""
    now = time.time() if now is None else now
    timestamp = headers.get(TIMESTAMP_HEADER) or ""
    given = headers.get(SIGNATURE_HEADER) or ""
    if not timestamp or not given:
        raise AuthError("missing signature")
    try:
        moment = int(timestamp)
    except ValueError:
        raise AuthError("malformed timestamp") from None
    if not hmac.compare_digest(signature(secret, timestamp, body), given):
        raise AuthError("wrong signature")
    if abs(now - moment) > window:
        raise AuthError(f"timestamp outside the {window:.0f} s window (clocks apart, or an old request)")
    if guard is not None and not guard.first_time(given, now):
        raise AuthError("replayed request (this signature was already used)")


def check_secret(secret: str | None) -> str:
    """The secret, or ValueError saying what is wrong with it."""
    if not secret:
        raise ValueError(f"no shared secret: set {SECRET_ENV} (the same value in the CMS and the publisher)")
    if len(secret) < MIN_SECRET_LENGTH:
        raise ValueError(f"{SECRET_ENV} is too short: use at least {MIN_SECRET_LENGTH} random characters")
    return secret
