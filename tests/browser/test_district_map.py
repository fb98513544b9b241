"""The map of crafts by district on the demo build, in headless Chromium on a 360 x 800 phone, in English,
Hindi and Urdu (docs/map.md).

What a buyer (and a screen reader) gets: one link per district on the districts index, each named in the
page's language in Chromium's own accessibility tree and going to that district's page in that language;
no horizontal scrolling; a campaign's craft trail marked on the map with its numbers on its districts in
trail order; and no serious or critical axe violation.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_check import serious_violations
from page_weight import BUDGET, weight

from catalogs import ROOT
from chinar import urls
from chinar.content import load_catalog
from chinar.districtmap import STOP_LABEL
from chinar.i18n import translations
from chinar.relations import resolve
from chinar.render import default_theme_dir

LOCALES = ("en", "hi", "ur")
ACCENT = "rgb(140, 47, 27)"  # --accent: a trail stop's tile


@pytest.fixture(scope="module")
def demo():
    return load_catalog(ROOT / "content")


def prefix(locale: str) -> str:
    return "/" + urls.prefix(locale)


def accessible(page, selector: str) -> list[dict]:
    """Role, name and description of each element matching ``selector``, as Chromium's accessibility
    tree has them (not a re-computation in JavaScript)."""
    cdp = page.context.new_cdp_session(page)
    out = []
    count = page.locator(selector).count()
    for i in range(count):
        handle = cdp.send("Runtime.evaluate", {"expression": f"document.querySelectorAll({selector!r})[{i}]"})
        node = cdp.send("Accessibility.getPartialAXTree", {"objectId": handle["result"]["objectId"],
                                                           "fetchRelatives": False})["nodes"][0]
        out.append({k: node.get(k, {}).get("value") for k in ("role", "name", "description")})
    cdp.detach()
    return out


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    box = page.locator("figure.dmap svg").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360 and box["height"] > 100


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_the_districts_index_map_links_every_district_by_its_name(phone800, demo_server: str, demo,
                                                                  locale: str) -> None:
    page = phone800
    response = page.goto(demo_server + prefix(locale) + "districts/", wait_until="load")
    assert response.status == 200 and page.errors == []
    keys = demo.keys("district")
    links = "figure.dmap svg a"
    assert page.locator(links).count() == len(keys) == 20
    found = accessible(page, links)
    hrefs = page.eval_on_selector_all(links, "els => els.map(a => [a.dataset.key, a.getAttribute('href')])")
    assert sorted(k for k, _h in hrefs) == keys  # one link per district, none twice
    for (key, href), node in zip(hrefs, found, strict=True):
        rec = demo.get("district", key, locale)
        assert rec["locale"] == locale  # the demo has every district in every language
        assert node["role"] == "link" and node["name"] == rec["name"], (key, node)
        assert href == prefix(locale) + f"districts/{rec['slug']}/"
        target = page.request.get(demo_server + href)  # ...and that page is the district's, in this language
        assert target.status == 200
        body = target.text()
        assert re.search(r'<html lang="([a-z]+)"', body).group(1) == locale
        assert re.search(r"<h1>(.*?)</h1>", body).group(1) == rec["name"]
    # The map is summarised as a list: the group is described by the list of every district and its crafts.
    group = page.locator("figure.dmap svg")
    summary = page.locator("#" + group.get_attribute("aria-describedby"))
    crafts = resolve(demo).crafts_by_district
    expected = []
    for key in keys:
        names = [demo.get("craft", c, locale)["name"] for c in crafts.get(key, [])]
        expected.append(demo.get("district", key, locale)["name"] + (": " + ", ".join(names) if names else ""))
    assert sorted(summary.locator("ul li").all_inner_texts()) == sorted(expected)
    assert accessible(page, "figure.dmap svg")[0]["name"] == page.locator("figure.dmap figcaption").inner_text()
    fits_the_phone(page)
    # A real tap on a tile (through its label) opens the district's page.
    srinagar = page.locator('figure.dmap svg a[data-key="srinagar"]')
    srinagar.scroll_into_view_if_needed()
    box = srinagar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(demo_server + prefix(locale) + "districts/srinagar/")
    assert page.locator("h1").inner_text() == demo.get("district", "srinagar", locale)["name"]
    page.go_back()
    assert serious_violations(page) == []


CAMPAIGNS = [("craft-trail-2027", "en"), *(("winter-warmth-2026", loc) for loc in LOCALES)]


@pytest.mark.browser
@pytest.mark.parametrize(("campaign", "locale"), CAMPAIGNS)
def test_a_campaign_map_marks_its_trail_in_order(phone800, demo_server: str, demo, campaign: str,
                                                 locale: str) -> None:
    page = phone800
    rec = demo.get("campaign", campaign, locale)
    assert rec["locale"] == locale
    [block] = [b for b in rec["blocks"] if b["type"] == "craft_trail"]
    trail = [stop["district"] for stop in block["stops"]]
    response = page.goto(demo_server + "/" + urls.record(rec), wait_until="load")
    assert response.status == 200 and page.errors == []
    links = "figure.dmap svg a"
    assert page.locator(links).count() == 20  # every district still links to its page
    # Highlighted: exactly the trail's districts, in the accent colour.
    fills = page.eval_on_selector_all(links, """els => els.map(a => [a.dataset.key,
        a.classList.contains('stop'), getComputedStyle(a.querySelector('path')).fill])""")
    assert sorted(k for k, stop, _f in fills if stop) == sorted(set(trail))
    assert all((fill == ACCENT) == stop for _k, stop, fill in fills)
    # Each stop's number sits on its district's tile: what is under the number's centre is that link.
    for n, key in enumerate(trail, 1):
        mark = page.locator(f'figure.dmap .marks g[data-stops="{n}"]')
        assert mark.text_content() == str(n)
        mark.scroll_into_view_if_needed()
        box = mark.bounding_box()
        under = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('a')?.dataset.key",
                              [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
        assert under == key, n
    # The route runs through the numbers in trail order.
    points = page.eval_on_selector("figure.dmap .route", "p => [...p.points].map(q => [q.x, q.y])")
    marks = page.eval_on_selector_all("figure.dmap .marks g", """gs => Object.fromEntries(gs.map(g =>
        [g.dataset.stops, [g.transform.baseVal[0].matrix.e, g.transform.baseVal[0].matrix.f]]))""")
    assert points == [marks[str(n)] for n in range(1, len(trail) + 1)]
    # A screen reader hears each stop's name in the page's language, and which stop it is.
    stop = translations(str(default_theme_dir() / "translations"), locale).gettext(STOP_LABEL)
    found = dict(zip(page.eval_on_selector_all(links, "els => els.map(a => a.dataset.key)"),
                     accessible(page, links), strict=True))
    for n, key in enumerate(trail, 1):
        assert found[key]["name"] == demo.get("district", key, locale)["name"]
        assert stop % {"n": n} in found[key]["description"]
    described = page.locator("figure.dmap svg").get_attribute("aria-describedby")
    assert page.locator(f"ol#{described} > li").count() == len(trail)  # the trail's own list summarises it
    fits_the_phone(page)
    assert serious_violations(page) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_pages_with_the_map_keep_within_the_page_weight_budget(demo_site: Path, locale: str) -> None:
    """The demo's map pages (20 districts, a 12-stop trail) stay within the budget of tests/test_page_weight.py,
    and below the map every picture loads lazily (the map, not a picture, fills the phone's first screen)."""
    pages = [f"{urls.prefix(locale)}{rel}/index.html" for rel in ("districts", "campaigns/winter-warmth-2026")]
    if locale == "en":
        pages.append("campaigns/craft-trail-2027/index.html")
    for rel in pages:
        assert weight(demo_site, demo_site / rel) <= BUDGET, rel
    index = (demo_site / pages[0]).read_text(encoding="utf-8")
    main = index.split('<main id="main"', 1)[1]
    assert "fetchpriority" not in main
    assert main.count("<img ") == main.count('loading="lazy"') >= 20
