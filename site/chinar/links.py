"""Outbound marketplace links: UTM tagging and rel attributes (pure functions)."""

from __future__ import annotations

import re
from functools import cache, lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .catalog import Record

UTM_SOURCE = "chinar"
UTM_MEDIUM = "referral"


def outbound_url(url: str, campaign: str | None = None) -> str:
    """``url`` with utm_source, utm_medium (and utm_campaign on a campaign page) merged into its query.

    Parameters the listing URL already has are kept in order; existing utm_* values are replaced so a
    link never carries two conflicting tags. The fragment is preserved.
    """
    return _tagged(url, campaign or None)


# A listing URL with nothing for urlsplit to split off, strip or reject: scheme in lower case, no query,
# fragment, brackets (IPv6 hosts, which it checks), whitespace or control characters. Most listing URLs
# are like this; the tags are then appended as they are (``tests/test_links.py`` holds it to the general
# case).
_PLAIN_URL = re.compile(r"https?://[^?#\[\]\s\x00-\x1f\x7f]*")


@lru_cache(maxsize=4096)  # a page links each listing twice (button and JSON-LD offer): one key for both
def _tagged(url: str, campaign: str | None) -> str:
    if _PLAIN_URL.fullmatch(url):
        return f"{url}?{_tags_query(campaign)}"
    parts = urlsplit(url)
    tags = _tags(campaign)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in tags]
    query.extend(tags.items())
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def _tags(campaign: str | None) -> dict[str, str]:
    tags = {"utm_source": UTM_SOURCE, "utm_medium": UTM_MEDIUM}
    if campaign:
        tags["utm_campaign"] = campaign
    return tags


@cache
def _tags_query(campaign: str | None) -> str:
    return urlencode(list(_tags(campaign).items()))


def outbound_rel(listing: Record) -> str:
    """Marketplace links open safely; those under a partnership programme are marked sponsored."""
    return "noopener sponsored external" if listing.get("programme") else "noopener nofollow external"


def is_buyable(listing: Record) -> bool:
    return listing.get("availability") in ("in_stock", "preorder")
