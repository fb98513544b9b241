"""Search on a phone (issue 19, items 1 and 3), in real headless Chromium at 360 x 800 on the demo build.

Results come first, the facets wait behind a "Filters (n)" button whose state is in the URL; price
bands are labelled in the page's language and sorted by price; the count and the active filters are
above the results; a Hindi or Urdu buyer finds products, those not written in the page's language
marked with the language they are in; a search with matches only in other languages shows them and
says so.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from axe_check import serious_violations

from chinar.i18n import format_price

pytestmark = pytest.mark.browser

PREFIX = {"en": "", "hi": "/hi", "ur": "/ur"}
PASHMINA = {"en": "pashmina", "hi": "पश्मीना", "ur": "پشمینہ"}
# What each page's language calls each language, and its price bands (read off the translations).
LABEL = {"en": {"en": "English", "hi": "Hindi", "ur": "Urdu"},
         "hi": {"en": "अंग्रेज़ी", "hi": "हिन्दी", "ur": "उर्दू"},
         "ur": {"en": "انگریزی", "hi": "ہندی", "ur": "اردو"}}
BANDS = {
    "en": ["Under ₹5,000", "₹5,000–₹20,000", "₹20,000–₹50,000", "₹50,000–₹1,00,000", "Over ₹1,00,000"],
    "hi": ["₹5,000 से कम", "₹5,000–₹20,000", "₹20,000–₹50,000", "₹50,000–₹1,00,000", "₹1,00,000 से अधिक"],
    "ur": ["₹5,000 سے کم", "₹5,000–₹20,000", "₹20,000–₹50,000", "₹50,000–₹1,00,000", "₹1,00,000 سے زیادہ"],
}
ELSEWHERE = {
    "en": "No {0} results; showing results in {1}.",
    "hi": "{0} में कोई परिणाम नहीं; {1} में परिणाम दिखाए जा रहे हैं।",
    "ur": "{0} میں کوئی نتیجہ نہیں؛ {1} میں نتائج دکھائے جا رہے ہیں۔",
}
FILTERS = {"en": "Filters", "hi": "फ़िल्टर", "ur": "فلٹر"}
LOCALES = ["en", "hi", "ur"]


@pytest.fixture
def phone800(phone800):
    """The 360 x 800 phone (tests/conftest.py); fails the test if anything reached the console."""
    yield phone800
    assert phone800.errors == []


def search_url(base: str, locale: str, **params: str) -> str:
    return f"{base}{PREFIX[locale]}/search/?{urlencode(params, quote_via=quote)}"


def settle(page) -> None:
    page.wait_for_selector(".search-results a.search-hit")
    page.wait_for_function("() => !document.getElementById('search-app').hasAttribute('aria-busy')")


def hit_language(href: str) -> str:
    return href.split("/")[1] if href.split("/")[1] in ("hi", "ur") else "en"


def check_marks(page, locale: str) -> list[dict]:
    """Every result not in the page's language is marked: hreflang, lang and dir on its title, and a
    label naming its language in the page's language; a result in the page's language has none."""
    hits = page.eval_on_selector_all(".search-results a.search-hit", """as => as.map(a => ({
        href: a.getAttribute('href'), hreflang: a.getAttribute('hreflang'),
        lang: a.querySelector('.search-hit-title').getAttribute('lang'),
        dir: a.querySelector('.search-hit-title').getAttribute('dir'),
        mark: a.querySelector('.search-hit-lang') && a.querySelector('.search-hit-lang').textContent}))""")
    assert hits
    for hit in hits:
        lang = hit_language(hit["href"])
        assert hit["lang"] == lang
        assert hit["dir"] == ("rtl" if lang == "ur" else "ltr")
        if lang == locale:
            assert hit["hreflang"] is None and hit["mark"] is None, hit
        else:
            assert hit["hreflang"] == lang and hit["mark"] == LABEL[locale][lang], hit
    return hits


@pytest.mark.parametrize("locale", LOCALES)
def test_the_first_result_is_on_the_first_screen(phone800, demo_server: str, locale: str) -> None:
    phone800.goto(search_url(demo_server, locale, q=PASHMINA[locale]))
    settle(phone800)
    top = phone800.evaluate("document.querySelector('.search-results .search-hit').getBoundingClientRect().top"
                            " + window.scrollY")
    assert top < 800
    # the count and the filter button are above the results; the facets are not shown until asked for
    assert phone800.evaluate("document.querySelector('.search-status').getBoundingClientRect().top") < top
    assert phone800.is_visible(".search-filters-toggle")
    assert not phone800.is_visible(".search-facets")
    assert phone800.evaluate("document.documentElement.scrollWidth") <= 360


@pytest.mark.parametrize("locale", LOCALES)
def test_the_filters_panel_and_the_filters_live_in_the_url(phone800, demo_server: str, locale: str) -> None:
    page = phone800
    page.goto(search_url(demo_server, locale, q=PASHMINA[locale]))
    settle(page)
    toggle = page.locator(".search-filters-toggle")
    assert toggle.text_content() == FILTERS[locale] and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true" and page.is_visible(".search-facets")
    assert "filters=open" in page.url
    page.reload()
    settle(page)
    assert page.is_visible(".search-facets") and toggle.get_attribute("aria-expanded") == "true"
    # a filter: counted on the button, shown (removable) above the results, kept in the URL
    page.check("input[name='facet-type'][value='product']")
    page.wait_for_function("() => location.search.includes('type=product')")
    settle(page)
    assert toggle.text_content() == f"{FILTERS[locale]} (1)"
    chips = page.locator(".search-active .search-chip")
    assert chips.count() == 1 and page.is_visible(".search-active")
    assert all("/products/" in h for h in page.eval_on_selector_all(
        ".search-results a.search-hit", "as => as.map(a => a.getAttribute('href'))"))
    page.reload()
    settle(page)
    assert chips.count() == 1 and page.is_checked("input[name='facet-type'][value='product']")
    # Back undoes the filter, Forward brings it back; closing the panel is one more step
    page.go_back()
    page.wait_for_function("() => !location.search.includes('type=product')")
    settle(page)
    assert chips.count() == 0 and toggle.text_content() == FILTERS[locale]
    page.go_forward()
    page.wait_for_function("() => location.search.includes('type=product')")
    settle(page)
    assert chips.count() == 1
    toggle.click()
    assert not page.is_visible(".search-facets") and "filters=open" not in page.url
    page.go_back()
    page.wait_for_function("() => location.search.includes('filters=open')")
    assert page.is_visible(".search-facets")
    # removing the filter from above the results
    chips.first.click()
    page.wait_for_function("() => !location.search.includes('type=product')")
    settle(page)
    assert chips.count() == 0 and page.is_hidden(".search-active")


@pytest.mark.parametrize("locale", LOCALES)
def test_price_bands_in_the_page_language_by_price(phone800, demo_server: str, locale: str) -> None:
    page = phone800
    # every product of the demo (a type filter and no words would find nothing: search a common word)
    page.goto(search_url(demo_server, locale, q=PASHMINA[locale], lang="", filters="open"))
    settle(page)
    labels = page.eval_on_selector_all(
        "input[name='facet-band'] ~ .search-facet-label", "ls => ls.map(l => l.textContent)")[1:]  # after "All"
    assert len(labels) >= 3
    assert labels == [b for b in BANDS[locale] if b in labels]  # known labels only, lowest price first
    assert not [label for label in labels if re.fullmatch(r"(under|over)-\d+|\d+-\d+", label)]  # no raw ids


@pytest.mark.parametrize("locale", ["hi", "ur"])
def test_a_craft_name_in_the_page_script_finds_products(phone800, demo_server: str, locale: str) -> None:
    """पश्मीना / پشمینہ on the Hindi / Urdu page: products are found, the ones written in the page's language
    first (the demo has Hindi and Urdu pashmina products), and any in another language marked as such."""
    page = phone800
    page.goto(search_url(demo_server, locale, q=PASHMINA[locale]))
    settle(page)
    check_marks(page, locale)
    count = page.text_content("input[name='facet-type'][value='product'] ~ .search-facet-count")
    assert int(count.rstrip("+")) > 0
    page.locator(".search-filters-toggle").click()
    page.check("input[name='facet-type'][value='product']")
    page.wait_for_function("() => location.search.includes('type=product')")
    settle(page)
    hits = check_marks(page, locale)
    assert all("/products/" in h["href"] for h in hits)
    assert hit_language(hits[0]["href"]) == locale


@pytest.mark.parametrize(("locale", "query", "shown"), [
    ("en", "ज्यामितीय", "hi"),  # one Hindi product's title: nothing in English, widened to every language
    ("hi", "ivory", "en"),  # English product titles: English pages only
    ("ur", "ivory", "en"),
])
def test_matches_only_in_another_language_are_shown_and_said(phone800, demo_server: str, locale: str,
                                                             query: str, shown: str) -> None:
    page = phone800
    page.goto(search_url(demo_server, locale, q=query))
    settle(page)
    hits = check_marks(page, locale)
    assert {hit_language(h["href"]) for h in hits} == {shown}
    status = page.text_content(".search-status")
    assert status.startswith(ELSEWHERE[locale].format(LABEL[locale][locale], LABEL[locale][shown]))
    # a search with matches in the page's language says nothing of the kind
    page.fill("#search-q", PASHMINA[locale])
    page.wait_for_function("q => new URLSearchParams(location.search).get('q') === q", arg=PASHMINA[locale])
    page.wait_for_function("() => document.querySelector('.search-hit-title').lang === document.documentElement.lang")
    settle(page)
    assert LABEL[locale][shown] not in page.text_content(".search-status")


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("panel", ["closed", "open"])
def test_search_page_accessible_and_fits(phone800, demo_server: str, locale: str, panel: str) -> None:
    page = phone800
    params = {"q": PASHMINA[locale], "type": "product"} | ({"filters": "open"} if panel == "open" else {})
    page.goto(search_url(demo_server, locale, **params))
    settle(page)
    assert page.is_visible(".search-facets") == (panel == "open")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert serious_violations(page) == []


@pytest.mark.parametrize("locale", LOCALES)
def test_result_prices_as_the_pages_write_them(phone800, demo_server: str, locale: str) -> None:
    """A result's price is written as the product's page and card write it (i18n.format_price: Indian
    grouping, Latin digits, no bidi marks), whatever the browser's own number formatting does."""
    page = phone800
    page.goto(search_url(demo_server, locale, q=PASHMINA[locale], type="product"))
    settle(page)
    values = [0, 7, 999, 1000, 12800, 99999, 100000, 125000, 1970000, 12345678]
    got = page.evaluate("async ([vs, loc]) => { const ix = await ChinarSearch.open('/search-index/');"
                        " return vs.map(v => ix.price(v, loc)); }", [values, locale])
    assert got == [format_price(v, locale) for v in values]
    metas = page.eval_on_selector_all(".search-hit-meta", "ms => ms.map(m => m.textContent)")
    prices = [m.split(" · ")[-1] for m in metas if "₹" in m]
    assert prices and all(p == format_price(int(re.sub(r"\D", "", p)), locale) for p in prices), prices
    # drawn as written, the rupee sign on the left of the digits, also after Urdu words (bidi)
    assert page.evaluate("""() => [...document.querySelectorAll('.search-hit-meta')]
        .filter(m => m.textContent.includes('₹')).every(m => {
          const t = [...m.childNodes].pop().firstChild, r = document.createRange();
          r.setStart(t, 0); r.setEnd(t, 1); const sign = r.getBoundingClientRect();
          r.setStart(t, 1); r.setEnd(t, t.length); return sign.right <= r.getBoundingClientRect().left + 1; })""")
