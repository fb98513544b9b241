"""A buyer on a phone (issue 19, items 2 and 4), in real Chromium at 360 x 800, in English, Hindi and Urdu.

On a product page the name, picture, price and a Buy button (or "See similar" for a product nobody can
sell now) are on the first screen; several marketplaces are a compact chooser; a sold-out or dead product
leads to what a buyer can have instead. The home page stays within six screens; every section of the
site is reachable from the menu, in right-to-left Urdu too; nothing overflows the screen; axe finds no
serious or critical problem.

Two sites: the shipped demo catalog (``demo_server``), and the tiny catalog with a product in all three
languages, one sold at three marketplaces and one whose every listing the checker found dead (``shop``:
the demo has no Urdu product and no product dead everywhere).
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_check import serious_violations
from chromium import open_page

from catalogs import ROOT, TINY
from chinar.build import build

WIDTH, HEIGHT = 360, 800
LOCALES = ("en", "hi", "ur")
SECTIONS = 6  # Crafts, Districts, Artisans, Products, Collections, Stories (record_types.NAV)


def prefix(locale: str) -> str:
    return "" if locale == "en" else f"/{locale}"


# -- the shop: the tiny catalog with products in every language -------------------------------------------

TITLES = {  # key: (en, hi, ur) — long names on purpose: the Buy button must stay on the first screen
    "sozni-stole": ("Sozni pashmina stole, paisley border",
                    "सोज़नी पश्मीना स्टोल, पैस्ले किनारी",
                    "سوزنی پشمینہ اسٹول، کیری کا حاشیہ"),
    "sozni-shawl": ("Sozni pashmina shawl with chinar leaves and a wide border worked over two winters",
                    "चिनार की पत्तियों और चौड़ी किनारी वाली सोज़नी पश्मीना शॉल, दो सर्दियों में कढ़ी गई",
                    "چنار کے پتوں اور چوڑے حاشیے والی سوزنی پشمینہ شال، دو سردیوں میں کاڑھی گئی"),
    "sozni-cushions": ("Pair of sozni cushion covers, almond blossom",
                       "बादाम के फूलों वाले सोज़नी कुशन कवर, एक जोड़ी",
                       "بادام کے پھولوں والے سوزنی کشن کور، ایک جوڑا"),
}


def listing(marketplace: str, url: str, price: int, availability: str = "in_stock", **extra) -> dict:
    return {"marketplace": marketplace, "url": url, "seller": "Shazia Sozni Group", "price_inr": price,
            "availability": availability, "last_checked": "2026-11-01", **extra}


LISTINGS = {
    "sozni-shawl": [  # three marketplaces; the cheapest is not the first
        listing("Flipkart", "https://www.flipkart.com/sozni-shawl/p/itm2?pid=STLG0002", 42000),
        listing("Amazon", "https://www.amazon.in/dp/B0SOZNI002", 39500),
        listing("JKHHC online emporium (demo)", "https://emporium.jkhhc.example/products/sozni-shawl", 41000,
                "preorder"),
    ],
    "sozni-cushions": [  # every listing found dead by the checker
        listing("Flipkart", "https://www.flipkart.com/sozni-cushions/p/itm3?pid=STLG0003", 6500,
                link_status="dead"),
        listing("Amazon", "https://www.amazon.in/dp/B0SOZNI003", 6400, "out_of_stock", link_status="dead"),
    ],
}


def write_shop(dest: Path) -> Path:
    """The tiny catalog plus the shop's products, each in English, Hindi and Urdu."""
    shutil.copytree(TINY, dest)
    base = json.loads((dest / "products/sozni-stole.en.json").read_text(encoding="utf-8"))
    for key, titles in TITLES.items():
        for locale, title in zip(LOCALES, titles, strict=True):
            record = {**base, "id": f"product-{key}-{locale}", "slug": key, "translation_key": key,
                      "locale": locale, "title": title, "listings": LISTINGS.get(key, base["listings"])}
            if locale != "en":
                record["description"] = f"<p>{title}</p>"
                record["images"] = [{**base["images"][0], "alt": title}]
            (dest / f"products/{key}.{locale}.json").write_text(json.dumps(record, ensure_ascii=False),
                                                                 encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def shop(tmp_path_factory, image_cache: Path) -> Iterator[str]:
    from chinar.serve import serve_in_thread

    base = tmp_path_factory.mktemp("shop")
    build(write_shop(base / "content"), base / "out", "https://chinar.example.in", cache_dir=image_cache)
    server, url = serve_in_thread(base / "out")
    yield url
    server.shutdown()


@pytest.fixture
def screen(phone800):
    """A 360 x 800 phone (``WIDTH`` x ``HEIGHT``: tests/conftest.py's ``phone800``)."""
    return phone800


# -- what a test looks at -----------------------------------------------------------------------------

def box(page, selector: str) -> dict:
    found = page.locator(selector)
    assert found.count() >= 1, selector
    return found.first.bounding_box()


def on_screen(b: dict) -> bool:
    """Wholly within the first screen (the page not scrolled)."""
    return b["x"] >= 0 and b["y"] >= 0 and b["x"] + b["width"] <= WIDTH and b["y"] + b["height"] <= HEIGHT


def no_overflow(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= WIDTH


def first_screen(page) -> None:
    """The name, picture, price and action of a product page are on the first screen; nothing overflows."""
    assert page.evaluate("window.scrollY") == 0
    assert on_screen(box(page, "main h1"))
    picture = box(page, "main .hero img")
    assert picture["y"] + picture["height"] / 2 <= HEIGHT  # at least half the picture shows
    assert on_screen(box(page, ".buy-bar .price"))
    assert on_screen(box(page, ".buy-bar .button"))
    assert no_overflow(page)


def demo_products(locale: str) -> dict[str, list[str]]:
    """Demo product slugs in ``locale``: the three with the longest names a buyer can buy, and the
    sold-out ones (first three)."""
    from chinar.offers import is_available

    found = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "content/products").glob("*.json"))]
    found = [d for d in found if d["locale"] == locale]
    buyable = sorted((d for d in found if is_available(d)), key=lambda d: (-len(d["title"]), d["slug"]))
    sold_out = [d["slug"] for d in found if not is_available(d)]
    return {"buyable": [d["slug"] for d in buyable[:3]], "sold_out": sold_out[:3]}


DEMO = {loc: demo_products(loc) for loc in ("en", "hi")}


# -- product pages --------------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("slug", ["sozni-stole", "sozni-shawl"])
def test_the_buy_button_is_on_the_first_screen(screen, shop: str, locale: str, slug: str) -> None:
    assert open_page(screen, f"{shop}{prefix(locale)}/products/{slug}/") == []
    assert screen.evaluate("document.documentElement.dir") == ("rtl" if locale == "ur" else "ltr")
    first_screen(screen)
    # The bar's button goes to the cheapest marketplace a buyer can buy from.
    cheapest = {"sozni-stole": "flipkart.com", "sozni-shawl": "amazon.in"}[slug]
    assert cheapest in screen.locator(".buy-bar a.button").get_attribute("href")
    assert ("₹39,500" if slug == "sozni-shawl" else "₹18,500") in screen.locator(".buy-bar .price").inner_text()


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_several_listings_are_a_compact_chooser(screen, shop: str, locale: str) -> None:
    """One row per marketplace: name, price, stock and button, the ones a buyer can buy first and cheapest
    first; a row no taller than a few lines."""
    open_page(screen, f"{shop}{prefix(locale)}/products/sozni-shawl/")
    rows = screen.locator(".offers li")
    assert rows.count() == 3
    names = [rows.nth(i).locator("strong").inner_text() for i in range(3)]
    assert names == ["Amazon", "JKHHC online emporium (demo)", "Flipkart"]
    for i in range(3):
        row = rows.nth(i)
        assert row.locator(".price").count() == 1 and row.locator(".in-stock").count() == 1
        button = row.locator("a.button")
        assert button.count() == 1 and names[i] in button.get_attribute("aria-label")  # where it goes
        # The button sits beside the marketplace's name, not on a line of its own.
        name = row.locator("strong").bounding_box()
        assert button.bounding_box()["y"] <= name["y"] + name["height"]
        assert row.bounding_box()["height"] <= (200 if locale == "ur" else 150)
    assert no_overflow(screen)


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_a_dead_product_offers_what_a_buyer_can_have_instead(screen, shop: str, locale: str) -> None:
    open_page(screen, f"{shop}{prefix(locale)}/products/sozni-cushions/")
    assert screen.locator('main a[href*="STLG0003"], main a[href*="B0SOZNI003"]').count() == 0  # no dead link
    assert screen.locator(".buy-bar .unavailable").count() == 1
    similar = screen.locator('.buy-bar a[href="#h-alternatives"]')
    assert on_screen(similar.bounding_box())
    similar.click()
    screen.wait_for_function("location.hash === '#h-alternatives'")
    screen.wait_for_function("document.querySelector('#h-alternatives').getBoundingClientRect().top < 100")
    assert on_screen(box(screen, "#h-alternatives"))
    offered = screen.locator(".alternatives .card a").evaluate_all("links => links.map(a => a.pathname)")
    assert offered == [f"{prefix(locale)}/products/sozni-shawl/", f"{prefix(locale)}/products/sozni-stole/"]
    screen.locator(".alternatives .card a").first.click()
    screen.wait_for_url(f"**{prefix(locale)}/products/sozni-shawl/")
    first_screen(screen)  # what it offers can be bought


@pytest.mark.browser
@pytest.mark.parametrize(("locale", "slug"), [(loc, s) for loc in DEMO for s in DEMO[loc]["buyable"]])
def test_demo_products_have_the_buy_button_on_the_first_screen(screen, demo_server: str, locale: str,
                                                               slug: str) -> None:
    assert open_page(screen, f"{demo_server}{prefix(locale)}/products/{slug}/") == []
    first_screen(screen)


@pytest.mark.browser
@pytest.mark.parametrize(("locale", "slug"), [(loc, s) for loc in DEMO for s in DEMO[loc]["sold_out"]])
def test_sold_out_demo_products_offer_alternatives(screen, demo_server: str, locale: str, slug: str) -> None:
    assert open_page(screen, f"{demo_server}{prefix(locale)}/products/{slug}/") == []
    similar = screen.locator('.buy-bar a[href="#h-alternatives"]')
    assert on_screen(similar.bounding_box())
    assert screen.locator(".alternatives .card").count() >= 1
    assert no_overflow(screen)


# -- home page and menu ---------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_the_home_page_is_at_most_six_screens(screen, demo_server: str, locale: str) -> None:
    assert open_page(screen, f"{demo_server}{prefix(locale)}/") == []
    height = screen.evaluate("document.documentElement.scrollHeight")
    assert height <= 6 * HEIGHT, height
    assert no_overflow(screen)
    # Each short list links to the full one.
    see_all = screen.locator(".see-all a").evaluate_all("links => links.map(a => a.pathname)")
    assert {f"{prefix(locale)}/crafts/", f"{prefix(locale)}/artisans/", f"{prefix(locale)}/stories/"} <= set(see_all)
    for path in see_all:
        assert screen.request.get(demo_server + path).status == 200


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("path", ["/", "/crafts/"])
def test_the_menu_reaches_every_section(screen, demo_server: str, locale: str, path: str) -> None:
    open_page(screen, f"{demo_server}{prefix(locale)}{path}")
    links = screen.locator(".site-nav a")
    assert links.count() == SECTIONS
    menu = screen.locator(".site-nav summary")
    assert on_screen(menu.bounding_box())
    if locale == "ur":  # the button sits at the start of a right-to-left line: the right
        assert menu.bounding_box()["x"] > WIDTH / 2
    menu.click()
    for i in range(SECTIONS):
        assert links.nth(i).is_visible() and on_screen(links.nth(i).bounding_box()), i
    assert no_overflow(screen)
    assert serious_violations(screen) == []  # the open menu too
    links.nth(SECTIONS - 1).click()
    screen.wait_for_url(f"**{prefix(locale)}/stories/")


@pytest.mark.browser
def test_a_wide_screen_shows_every_section_without_a_button(browser, demo_server: str) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    page = context.new_page()
    open_page(page, demo_server + "/ur/")
    assert not page.locator(".site-nav summary").is_visible()
    links = page.locator(".site-nav a")
    assert all(links.nth(i).is_visible() for i in range(SECTIONS))
    context.close()


# -- accessibility of the changed pages -----------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("slug", ["sozni-stole", "sozni-shawl", "sozni-cushions"])
def test_product_pages_pass_axe(screen, shop: str, locale: str, slug: str) -> None:
    open_page(screen, f"{shop}{prefix(locale)}/products/{slug}/")
    assert serious_violations(screen) == []


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_the_demo_home_page_passes_axe(screen, demo_server: str, locale: str) -> None:
    open_page(screen, f"{demo_server}{prefix(locale)}/")
    assert serious_violations(screen) == []
