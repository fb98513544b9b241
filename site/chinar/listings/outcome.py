"""What one check of one listing found: a kind from a small fixed set, in words an editor can read.

``DEAD`` kinds mean the listing is gone for a buyer (the site stops linking to it); ``WORKING`` kinds
mean the page answered and, when it stated them, its price and availability may be used. Every other
kind is a failure to check (timeout, server error, robots.txt, an oversized or non-HTML answer...):
nothing about the listing changes, and the editors' report shows it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

OK = "ok"
REDIRECTED = "redirected"  # followed to another page of the same marketplace, which works
UNCHANGED = "unchanged"  # 304 Not Modified to a conditional request: the last stated values hold
NOT_FOUND = "not_found"
GONE = "gone"
DEAD_REDIRECT = "dead_redirect"  # redirected to the marketplace's search or home page, or off it
NO_PRODUCT_DATA = "no_product_data"  # a marketplace whose pages carry schema.org data: none here
SERVER_ERROR = "server_error"
REFUSED = "refused"  # 401, 403, 429 and other 4xx: the marketplace would not show the page to us
TIMEOUT = "timeout"
TLS_ERROR = "tls_error"
CONNECTION_ERROR = "connection_error"
BLOCKED_BY_ROBOTS = "blocked_by_robots"
REDIRECT_LOOP = "redirect_loop"
TOO_MANY_REDIRECTS = "too_many_redirects"
TOO_LARGE = "too_large"
NOT_HTML = "not_html"
NOT_CHECKED = "not_checked"  # the run's time budget ran out first

DEAD = frozenset({NOT_FOUND, GONE, DEAD_REDIRECT})
WORKING = frozenset({OK, REDIRECTED, UNCHANGED})

LABELS = {
    OK: "Works", REDIRECTED: "Works (redirected)", UNCHANGED: "Works (unchanged since last check)",
    NOT_FOUND: "Dead: not found", GONE: "Dead: gone", DEAD_REDIRECT: "Dead: redirected away from the listing",
    NO_PRODUCT_DATA: "No product data on the page", SERVER_ERROR: "Server error", REFUSED: "Refused",
    TIMEOUT: "Timed out", TLS_ERROR: "TLS error", CONNECTION_ERROR: "Could not connect",
    BLOCKED_BY_ROBOTS: "Not checked: robots.txt", REDIRECT_LOOP: "Redirect loop",
    TOO_MANY_REDIRECTS: "Too many redirects", TOO_LARGE: "Page too large", NOT_HTML: "Not a web page",
    NOT_CHECKED: "Not checked (time budget)",
}
KINDS = tuple(LABELS)


@dataclass
class Outcome:
    """One check of one listing URL (what the CMS keeps as a ``ListingCheck``)."""

    url: str
    kind: str
    message: str
    http_status: int | None = None
    final_url: str = ""  # where redirects led, when they did
    price_inr: int | None = None  # stated by the page, INR and readable; else None
    price_text: str = ""
    currency: str = ""
    availability: str | None = None  # stated by the page, a schema.org value; else None
    price_valid_until: str | None = None
    etag: str = ""  # validators for the next, conditional, request
    last_modified: str = ""
    elapsed_ms: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def dead(self) -> bool:
        return self.kind in DEAD

    @property
    def working(self) -> bool:
        return self.kind in WORKING

    def as_dict(self) -> dict:
        return asdict(self)
