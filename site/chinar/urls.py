"""The one place site URLs are made.

A URL here is a path relative to the site root with no leading slash (``hi/crafts/kani-shawl/``);
``href`` turns it into a root-relative link and ``absolute`` into a full URL for canonical links,
feeds, the sitemap and link previews. The output file of a URL ending in ``/`` is its ``index.html``.
"""

from __future__ import annotations

from .catalog import Record
from .languages import DEFAULT_LOCALE
from .record_types import TYPE_DIRS

SECTION = {t: d for t, d in TYPE_DIRS.items() if t != "page"}


def prefix(locale: str) -> str:
    """English lives at the root; Hindi under hi/, Urdu under ur/."""
    return "" if locale == DEFAULT_LOCALE else f"{locale}/"


def home(locale: str) -> str:
    return prefix(locale)


def paged(url: str, page: int) -> str:
    """Page ``page`` of a list whose first page is ``url``: ``url`` itself, then ``url/page/2/``..."""
    return url if page == 1 else f"{url}page/{page}/"


def index(type_: str, locale: str, page: int = 1) -> str:
    return paged(f"{prefix(locale)}{SECTION[type_]}/", page)


def detail(type_: str, slug: str, locale: str) -> str:
    if type_ == "page":
        return f"{prefix(locale)}{slug}/"
    return f"{prefix(locale)}{SECTION[type_]}/{slug}/"


# The page that tells a buyer how to check a GI label (content/pages/how-to-verify-gi.*.json). Linked
# wherever a buyer meets a GI claim: the craft's GI badge, a product's GI label code, the footer.
GI_GUIDE_SLUG = "how-to-verify-gi"


def gi_guide(locale: str) -> str:
    return detail("page", GI_GUIDE_SLUG, locale)


def record(rec: Record) -> str:
    return detail(rec["type"], rec["slug"], rec["locale"])


def sublist(parent: Record, type_: str, page: int = 1) -> str:
    """All artisans or products of a craft or district: ``crafts/kani-shawl/artisans/page/2/``."""
    return paged(f"{record(parent)}{SECTION[type_]}/", page)


def search(locale: str) -> str:
    return f"{prefix(locale)}search/"


def feed(locale: str) -> str:
    return f"{prefix(locale)}stories/feed.xml"


def output_file(url: str) -> str:
    """Relative output path for a URL."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def href(url: str) -> str:
    """Root-relative link for use in pages (works on any host, including preview servers)."""
    return "/" + url


def absolute(base_url: str, url: str) -> str:
    return base_url.rstrip("/") + "/" + url
