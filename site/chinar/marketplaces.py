"""The marketplaces a listing may point at, declared once in ``content/schemas/marketplaces.json``.

A leaf module (standard library only): the build and ``chinar check``, the CMS form
(``MarketplaceListing.clean``), the feed importer and the listing checker all read the same file
through it, so a marketplace's name, domains and listing-ID form cannot disagree between them.

``listing_url_problem`` is the one rule for a listing URL: https, on one of its marketplace's
declared hosts (compared exactly, after lower-casing), no user name or password, no port, nothing but
printable ASCII (so no IDN look-alike, raw or punycode, can pass for a marketplace's host).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

REGISTRY = Path(__file__).resolve().parents[2] / "content" / "schemas" / "marketplaces.json"

# Printable ASCII without space, quotes, angle brackets or backslash: what a listing URL may contain.
_URL_CHARS = re.compile(r"[!#-&(-;=?-\[\]-~]*")


@dataclass(frozen=True)
class Marketplace:
    name: str
    domains: tuple[str, ...]
    logo: str | None
    schema_org: bool  # its product pages carry schema.org Product/Offer data
    listing_id: re.Pattern | None  # first group: the marketplace's own ID, searched in path + query
    search_paths: tuple[str, ...]  # search and index pages: a listing redirected there is dead
    plain_url: re.Pattern  # accepts the common good URL at once (a build checks every listing)

    def has_host(self, host: str) -> bool:
        return host.lower() in self.domains

    def is_search_or_home(self, path: str) -> bool:
        """Whether a page at ``path`` is the marketplace's home, search or listing index, not a listing."""
        path = path.rstrip("/")
        return path == "" or path in self.search_paths


@dataclass(frozen=True)
class Registry:
    marketplaces: dict[str, Marketplace]
    stale_after_days: int  # the site shows a listing's last-checked date plainly once it is older
    refresh_after_days: int  # the checker rewrites an unchanged listing's last_checked this often

    def get(self, name: str) -> Marketplace | None:
        return self.marketplaces.get(name)

    def names(self) -> list[str]:
        return list(self.marketplaces)

    def for_host(self, host: str) -> Marketplace | None:
        """The marketplace that declares ``host`` (feeds and check reports name hosts, not marketplaces)."""
        host = host.lower()
        return next((m for m in self.marketplaces.values() if host in m.domains), None)


def parse_registry(data: dict) -> Registry:
    """A ``Registry`` from the parsed file; ``ValueError`` naming the field when it is malformed."""
    found: dict[str, Marketplace] = {}
    checks = data.get("listing_checks") or {}
    for i, item in enumerate(data.get("marketplaces") or []):
        where = f"marketplaces.json#/marketplaces/{i}"
        name = item.get("name")
        domains = item.get("domains") or []
        if not isinstance(name, str) or not name.strip() or name in found:
            raise ValueError(f"{where}/name: a unique, non-empty name is required")
        if not domains or not all(isinstance(d, str) and d == d.lower() and d.isascii() and "." in d
                                  for d in domains):
            raise ValueError(f"{where}/domains: lower-case ASCII host names are required")
        pattern = item.get("listing_id")
        found[name] = Marketplace(
            name=name, domains=tuple(domains), logo=item.get("logo"), schema_org=bool(item.get("schema_org")),
            listing_id=re.compile(pattern) if pattern else None,
            search_paths=tuple(p.rstrip("/") for p in item.get("search_paths") or ()),
            plain_url=re.compile("https://(?:" + "|".join(map(re.escape, domains)) + ")(?:[/?#]"
                                 + _URL_CHARS.pattern + ")?"))
    return Registry(found, int(checks.get("stale_after_days", 30)), int(checks.get("refresh_after_days", 7)))


@cache
def registry(path: Path = REGISTRY) -> Registry:
    """The declared marketplaces (read once per process)."""
    return parse_registry(json.loads(path.read_text(encoding="utf-8")))


def listing_url_problem(marketplace: str, url: str, reg: Registry | None = None) -> str | None:
    """Why ``url`` cannot be a listing of ``marketplace``, in plain words; None when it can.

    The same rule everywhere a listing is written or read: contract validation, the CMS form, the
    feed importer. Hosts are compared exactly with the declared ones, so ``flipkart.com.evil.in``,
    ``www.flipkаrt.com`` (a Cyrillic 'а') and ``xn--flipkrt-…`` all fail, each with its reason.
    """
    reg = reg or registry()
    market = reg.get(marketplace)
    if market is None:
        return f"unknown marketplace {marketplace!r} (declared: {', '.join(reg.names())})"
    if market.plain_url.fullmatch(url):
        return None
    if not url.isascii():
        return (f"URL {url!r} has non-ASCII characters: a look-alike of a marketplace's address? "
                "(percent-encode path characters; hosts must be the marketplace's own)")
    if not _URL_CHARS.fullmatch(url):
        return f"URL {url!r} has spaces, quotes, angle brackets, backslashes or control characters"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        return f"URL {url!r} is malformed ({exc})"
    if parts.scheme != "https":
        return f"URL {url!r} must start with https://"
    if "@" in parts.netloc:
        return f"URL {url!r} must not contain a user name or password (user:pass@)"
    if port is not None:
        return f"URL {url!r} must not name a port"
    host = parts.hostname or ""
    if any(label.startswith("xn--") for label in host.split(".")):
        return f"host {host!r} is an internationalised (punycode) name, not one of {marketplace}'s"
    if not market.has_host(host):
        return f"host {host!r} is not {marketplace}'s (allowed: {', '.join(market.domains)})"
    return None


def listing_id(market: Marketplace, url: str) -> str | None:
    """The marketplace's own ID of the listing at ``url`` (feeds match rows by it), if its form is declared."""
    if market.listing_id is None:
        return None
    parts = urlsplit(url)
    found = market.listing_id.search(parts.path + ("?" + parts.query if parts.query else ""))
    return found.group(1) if found else None
