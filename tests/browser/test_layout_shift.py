"""Layout shift when search results arrive (issue 18, item 7): CLS measured in real Chromium.

A PerformanceObserver for ``layout-shift`` entries (buffered, so shifts before it started count too)
sums every shift not caused by the buyer's own input, as Lighthouse's CLS does for a page load.
"""

from __future__ import annotations

import pytest

CLS_JS = """() => new Promise(resolve => {
  let cls = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(cls), 1500);
})"""


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/search/?q=sozni", "/ur/search/?q=%D8%B3%D9%88%D8%B2%D9%86%DB%8C", "/search/",
                                  "/search/?q=zzzz"])
def test_search_results_arriving_do_not_shift_the_page(phone, tiny_server: str, path: str) -> None:
    phone.goto(tiny_server + path, wait_until="load")
    if "q=" in path and "zzzz" not in path:
        phone.wait_for_selector(".search-results a.search-hit")
    cls = phone.evaluate(CLS_JS)
    assert cls <= 0.1, cls
    # The reserved room keeps the footer off the first screen while results come.
    footer_top = phone.evaluate("document.querySelector('.site-footer').getBoundingClientRect().top")
    assert footer_top >= 740


@pytest.mark.browser
def test_header_search_loads_the_client_on_first_use(phone, tiny_server: str) -> None:
    """search.js is not fetched by a page until the header box is used; then it answers what was typed."""
    fetched: list[str] = []
    phone.on("request", lambda r: fetched.append(r.url))
    phone.goto(tiny_server + "/crafts/sozni/", wait_until="load")
    phone.wait_for_timeout(300)
    assert not [u for u in fetched if "/js/search." in u or "/search-index/" in u or "search." in u.rsplit("/", 1)[-1]
                and u.endswith(".css")]
    phone.click("#site-q")
    phone.keyboard.type("shazia", delay=20)
    phone.wait_for_selector("#site-search-results [role=option]")
    assert any("/js/search." in u for u in fetched) and any("/css/search." in u for u in fetched)
    box = phone.evaluate("getComputedStyle(document.getElementById('site-search-results')).position")
    assert box == "absolute"  # styled by search.css, over the page rather than pushing it down
    assert "Shazia" in phone.inner_text("#site-search-results")
