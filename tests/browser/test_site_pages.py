"""What a buyer sees, in real Chromium: every page type in every locale it exists in.

Each page must load without console errors, pass axe-core with no serious or critical violations,
fit a 360 px phone screen, carry the right lang/dir, offer working language links, and tag every
marketplace link with rel and UTM parameters.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from a11y import serious_violations

PAGES = [
    # (url, locale) — every page type of the tiny catalog, in each locale it exists in.
    ("/", "en"), ("/hi/", "hi"), ("/ur/", "ur"),
    ("/crafts/", "en"), ("/hi/crafts/", "hi"), ("/ur/crafts/", "ur"),
    ("/crafts/sozni/", "en"), ("/hi/crafts/sozni/", "hi"), ("/ur/crafts/sozni/", "ur"),
    ("/artisans/", "en"), ("/ur/artisans/", "ur"),
    ("/artisans/shazia-akhter/", "en"), ("/hi/artisans/shazia-akhter/", "hi"),
    ("/products/", "hi"), ("/products/sozni-stole/", "en"),
    ("/districts/", "en"), ("/ur/districts/", "ur"),
    ("/districts/srinagar/", "en"), ("/hi/districts/srinagar/", "hi"), ("/ur/districts/srinagar/", "ur"),
    ("/collections/", "en"), ("/collections/winter-gifts/", "en"), ("/collections/under-20000/", "en"),
    ("/stories/", "en"), ("/stories/a-needle-and-a-winter/", "en"),
    ("/campaigns/", "en"), ("/campaigns/winter-craft-trail/", "en"),
    ("/about/", "en"), ("/search/", "en"), ("/ur/search/", "ur"), ("/no-such-page/", "en"), ("/ur/no-such-page/", "ur"),
]
PAGES = [(u if loc == "en" or u.startswith(f"/{loc}/") else f"/{loc}{u}", loc) for u, loc in PAGES]


def open_page(page, url: str) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    missing = "/no-such-page/" in url
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == (404 if missing else 200), url
    if missing:  # the browser reports the page's own status; nothing else may fail
        page.wait_for_load_state("networkidle")
        errors.remove("error: Failed to load resource: the server responded with a status of 404 (Not Found)")
    return errors


@pytest.mark.browser
@pytest.mark.parametrize(("path", "locale"), PAGES)
def test_page_in_a_phone_browser(phone, tiny_server: str, path: str, locale: str) -> None:
    errors = open_page(phone, tiny_server + path)
    assert errors == []
    assert phone.evaluate("document.documentElement.lang") == locale
    assert phone.evaluate("document.documentElement.dir") == ("rtl" if locale == "ur" else "ltr")
    # Nothing overflows a 360 px-wide screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    # Every image has an alt attribute and explicit dimensions (no layout shift).
    bad = phone.evaluate("""[...document.images].filter(i => !i.hasAttribute('alt') || !i.getAttribute('width')
                            || !i.getAttribute('height')).map(i => i.src)""")
    assert bad == []
    # One h1, and headings never skip a level (h1 -> h3).
    levels = phone.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => +h.tagName[1])")
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    # WCAG 2.2 AA (including target-size) and axe's best practices.
    assert serious_violations(phone) == []


@pytest.mark.browser
@pytest.mark.parametrize(("start", "target", "locale"), [
    ("/crafts/sozni/", "/ur/crafts/sozni/", "ur"), ("/ur/crafts/sozni/", "/hi/crafts/sozni/", "hi"),
    ("/hi/artisans/shazia-akhter/", "/artisans/shazia-akhter/", "en"), ("/ur/", "/", "en"),
])
def test_language_switcher_reaches_the_translation(phone, tiny_server: str, start: str, target: str,
                                                   locale: str) -> None:
    open_page(phone, tiny_server + start)
    phone.locator(f'.languages a[hreflang="{locale}"]').click()
    phone.wait_for_url(tiny_server + target)
    assert phone.evaluate("document.documentElement.lang") == locale


@pytest.mark.browser
@pytest.mark.parametrize(("path", "campaign"), [("/products/sozni-stole/", None),
                                                ("/campaigns/winter-craft-trail/", "winter-trail-2026")])
def test_marketplace_links_carry_rel_and_utm(phone, tiny_server: str, path: str, campaign: str | None) -> None:
    open_page(phone, tiny_server + path)
    links = phone.evaluate("""[...document.querySelectorAll('a[href^="https://"]')]
                              .map(a => ({href: a.href, rel: a.rel}))""")
    market = [link for link in links if "flipkart.com" in link["href"]]
    assert market
    for link in market:
        assert "noopener" in link["rel"].split() and ({"sponsored", "nofollow"} & set(link["rel"].split()))
        query = parse_qs(urlsplit(link["href"]).query)
        assert query["pid"] == ["STLG0001"]  # the listing's own parameter survives
        assert query["utm_source"] == ["chinar"] and query["utm_medium"] == ["referral"]
        assert query.get("utm_campaign") == ([campaign] if campaign else None)


@pytest.mark.browser
def test_urdu_layout_mirrors(browser, tiny_server: str) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    open_page(page, tiny_server + "/ur/crafts/sozni/")
    brand = page.locator(".brand").bounding_box()
    search = page.locator(".site-search").bounding_box()
    assert brand["x"] > search["x"]  # the site name sits at the right in a right-to-left page
    context.close()
