"""Rich text: HTML restricted to a safe subset.

Rich text arrives from editors through the CMS (or by hand in the demo catalog); it is sanitised
again on read so that nothing unsafe reaches a page even if the snapshot was edited by hand:
no scripts, no event handlers, no ``javascript:`` URLs, no inline styles (they would break the
Content-Security-Policy).
"""

from __future__ import annotations

import functools
import html

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "blockquote", "ul", "ol", "li",
    "a", "abbr", "cite", "q", "small", "sub", "sup", "span", "figure", "figcaption", "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "span": {"lang", "dir"},
                      "p": {"lang", "dir"}, "q": {"cite"}, "blockquote": {"cite"}}
ALLOWED_URL_SCHEMES = {"https", "http", "mailto"}


def sanitise(html: str) -> str:
    """Return ``html`` reduced to the safe subset; unknown tags are dropped, their text kept."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )


@functools.lru_cache(maxsize=16384)
def plain_text(markup: str) -> str:
    """Text content of ``markup`` without any tags (for summaries, meta descriptions, search).

    Memoised: the same text is asked for by a record's page (meta description and JSON-LD), its card
    in each language and its search document, far apart in the build, and the sanitiser is the costly
    part. With room for 1,024 texts, a 1,000-artisan catalog (4,000 texts) missed almost every time.
    """
    return " ".join(html.unescape(nh3.clean(markup, tags=set())).split())
