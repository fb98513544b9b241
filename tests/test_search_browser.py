"""The search client in real headless Chromium, over real HTTP, under the site's strict CSP.

The pages are the theme's own ``search.html`` rendered with a minimal ``base.html`` that has the header
search form the real base has (same blocks, same context names), so these tests need neither images
nor the rest of the build. Every test also checks that nothing was logged to the console.
"""

from __future__ import annotations

import functools
import http.server
import json
import random
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from search_catalog import ARTISANS, BAD_QUERIES, RELEVANCE, write, write_relevance_catalog
from search_site import Handler, render_site

from chinar.content import load_catalog
from chinar.search import analysis
from chinar.search.documents import catalog_documents
from chinar.search.engine import Engine
from chinar.search.query import Filters

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    base = tmp_path_factory.mktemp("search-site")
    content = write_relevance_catalog(base / "content")
    render_site(content, base / "out", base / "cache")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(base / "out"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", base
    server.shutdown()


@pytest.fixture
def page(browser):
    """A fresh page; fails the test if anything reached the console or a dialog opened."""
    ctx = browser.new_context(viewport={"width": 900, "height": 1000})
    pg = ctx.new_page()
    problems: list[str] = []
    pg.on(
        "console",
        lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    pg.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    ctx.close()
    assert problems == []


def results(pg) -> list[str]:
    return pg.eval_on_selector_all(
        ".search-results a.search-hit", "as => as.map(a => a.getAttribute('href'))"
    )


def wait_results(pg, first: str | None = None) -> None:
    if first:
        pg.wait_for_function(
            "u => { const a = document.querySelector('.search-results a.search-hit');"
            " return a && a.getAttribute('href') === u; }",
            arg=first,
        )
    else:
        pg.wait_for_selector(".search-results a.search-hit")
    pg.wait_for_function("() => !document.getElementById('search-app').hasAttribute('aria-busy')")


def test_typing_shows_results_and_puts_the_query_in_the_url(site, page):
    base, tmp = site
    page.goto(base + "/search/")
    page.type("#search-q", "kani sh", delay=30)
    # Results for the shorter prefixes may land first; the URL follows the whole query once it settles.
    page.wait_for_function("() => new URLSearchParams(location.search).get('q') === 'kani sh'")
    wait_results(page, "/crafts/kani/")
    assert "/products/kani-shawl-jamawar/" in results(page)[:3]
    assert page.text_content(".search-status").startswith("Results:")
    page.screenshot(path=str(tmp / "en.png"))


@pytest.mark.parametrize(("query", "shown", "first"), [
    ("papiermache", "papier mache", "/crafts/papier-mache/"),
    ("walnutwood carving", "walnut wood carving", "/crafts/walnut-wood-carving/"),
    ("सोzni", None, "/crafts/sozni/"),
])
def test_a_query_that_finds_nothing_shows_what_was_searched_instead(site, page, query, shown, first):
    """Issue 18: words run together or typed in two scripts; the browser reads them as the CLI does."""
    base, tmp = site
    eng = Engine(tmp / "cache" / "whoosh")
    try:
        hits, respelled = eng.search_respelled(query, Filters(locale="en"), limit=10)
    finally:
        eng.close()
    assert respelled is not None and (respelled.text or None) == shown
    page.goto(base + "/search/?q=" + query)
    wait_results(page, first)
    assert results(page) == [h.url for h in hits]
    status = page.text_content(".search-status")
    if shown:
        assert f"showing results for “{shown}”" in status
    else:
        assert status.startswith("Results:")
    got = page.evaluate("""async (q) => {
        const ix = await ChinarSearch.open('/search-index/');
        const r = await ix.respell(q); return r && r.text; }""", query)
    assert got == respelled.text


def test_query_from_the_url_and_filter_by_craft(site, page):
    base, _ = site
    page.goto(base + "/search/?q=pashmina+shawl")
    wait_results(page)
    before = results(page)
    assert any("kani" in u for u in before) and any("plain-pashmina" in u for u in before)
    page.check("input[name='facet-craft'][value='kani']")
    page.wait_for_function("() => location.search.includes('craft=kani')")
    wait_results(page)
    after = results(page)
    assert after and all("kani" in u for u in after)
    count = page.text_content("input[name='facet-craft'][value='kani'] ~ .search-facet-count")
    assert int(count.rstrip("+")) == len(after)


def test_keyboard_opens_a_result(site, page):
    base, _ = site
    page.goto(base + "/search/?q=walnut+box")
    wait_results(page, "/crafts/walnut-wood-carving/")
    page.focus("#search-q")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/products/walnut-jewellery-box/"
    page.keyboard.press("Enter")
    page.wait_for_url("**/products/walnut-jewellery-box/")
    assert page.text_content("h1.record") == "Walnut wood jewellery box"


def test_header_box_results_as_you_type_and_arrow_keys(site, page):
    base, _ = site
    page.goto(base + "/crafts/namda/")
    page.type("#site-q", "shazia", delay=30)
    page.wait_for_selector(".site-search-results [role=option]")
    assert page.get_attribute("#site-q", "aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#site-search-option-0", "aria-selected") == "true"
    assert page.get_attribute("#site-q", "aria-activedescendant") == "site-search-option-0"
    page.keyboard.press("Enter")
    page.wait_for_url("**/artisans/shazia-akhter/")


def test_hindi_query(site, page):
    base, tmp = site
    page.goto(base + "/hi/search/")
    page.fill("#search-q", "सोज़नी")
    wait_results(page, "/hi/crafts/sozni/")
    assert page.get_attribute(".search-hit-title", "lang") == "hi"
    page.screenshot(path=str(tmp / "hi.png"))


def test_urdu_query_laid_out_right_to_left(site, page):
    base, tmp = site
    page.goto(base + "/ur/search/")
    page.fill("#search-q", "سری نگر")
    wait_results(page, "/ur/districts/srinagar/")
    assert page.evaluate("getComputedStyle(document.querySelector('.search-results')).direction") == "rtl"
    box = page.eval_on_selector(
        ".search-hit-title",
        "e => { const r = e.getBoundingClientRect();"
        " return [r.right, document.querySelector('.search-hit').getBoundingClientRect().right]; }",
    )
    assert abs(box[0] - box[1]) < 40  # the title starts at the right edge of its result
    page.screenshot(path=str(tmp / "ur.png"))


def test_without_javascript_the_page_says_so_and_links_to_browse_pages(site, browser):
    base, _ = site
    ctx = browser.new_context(java_script_enabled=False)
    pg = ctx.new_page()
    pg.goto(base + "/hi/search/")
    text = pg.text_content("main")
    assert "Search needs JavaScript" in text
    links = pg.eval_on_selector_all("main a", "as => as.map(a => a.getAttribute('href'))")
    assert "/hi/crafts/" in links and "/hi/artisans/" in links
    ctx.close()


def test_bad_input_is_harmless(site, page):
    base, _ = site
    page.goto(base + "/search/")
    for q in BAD_QUERIES + ["<b>bold</b> kani", 'kani"><script>alert(1)</script>']:
        page.fill("#search-q", q)
        page.wait_for_timeout(250)
        page.wait_for_function("() => !document.getElementById('search-app').hasAttribute('aria-busy')")
        injected = page.evaluate("""() => document.querySelectorAll(
            'main img[src=x], main b, main script, #search-app [onerror]').length""")
        assert injected == 0, q
        status = page.text_content(".search-status")
        assert "<" not in status and "undefined" not in status and "NaN" not in status
    assert page.text_content(".search-status") != ""


def test_analyzer_matches_python_on_every_word(site, page):
    base, tmp = site
    catalog = load_catalog(tmp / "content", check_media=False)
    texts = sorted({t for d in catalog_documents(catalog) for t in d.fields.values() if t})
    texts += ["Kānī papier-mâché SHAWLS embroidering", "ग़ुलाम नबी डार सोज़नी", "غلام نبي كتاب ۔", "१२३ ۱۲۳"]
    page.goto(base + "/search/")
    page.wait_for_function("() => window.ChinarSearch")
    js = page.evaluate(
        """async texts => { const ix = await ChinarSearch.open('/search-index/');
        return texts.map(t => { const ts = ix.an.terms(t);
          return [ts, ts.map(x => ix.an.fold(x)), ts.map(x => ix.an.skeleton(x))]; }); }""",
        texts,
    )
    py = [
        [
            analysis.terms(t),
            [analysis.fold(x) for x in analysis.terms(t)],
            [analysis.skeleton(x) for x in analysis.terms(t)],
        ]
        for t in texts
    ]
    assert js == py


def test_browser_and_cli_return_the_same_top_10(site, page):
    base, tmp = site
    eng = Engine(tmp / "cache" / "whoosh")
    page.goto(base + "/search/")
    page.wait_for_function("() => window.ChinarSearch")
    extra = [
        ("shawl", None, None),
        ("pashmina", None, None),
        ("kashmir", "en", None),
        ("wal", "en", None),
        ("handmade", "en", "product"),
        ("کانی ", None, None),
    ]
    cases = [(q, lang, t) for q, lang, t, _ in RELEVANCE] + extra
    try:
        for query, lang, type_ in cases:
            expected = [h.url for h in eng.search(query, Filters(locale=lang, type=type_), limit=10)]
            got = page.evaluate(
                """async ([q, lang, type]) => {
                const ix = await ChinarSearch.open('/search-index/');
                const r = await ix.searchWithFacets(q, 10, {locale: lang || '', type: type || ''});
                return r.results.map(x => x.url); }""",
                [query, lang, type_],
            )
            assert got == expected, (query, lang, type_)
    finally:
        eng.close()


# ---------------------------------------------------------------- early termination over many slices
#
# The relevance catalog's lists fit in one slice each, so the client reads them whole. Here the
# export cuts lists into slices of 4, 16, 64... postings and packs them into files of 48 bytes or more
# (the client reads only the refs, so it cannot tell), and 420 generated products share a small
# vocabulary with uneven word counts: the client must stop fetching early and still return the
# CLI's top 10.

WORDS = ["shawl", "pashmina", "walnut", "box", "embroidery", "stole", "wool", "silk", "carved", "rug",
         "namda", "felt", "jewellery", "table", "kashmir", "chinar", "paisley", "border", "lamp", "tray"]


def write_sliced_catalog(root: Path) -> Path:
    write_relevance_catalog(root)
    rnd = random.Random(7)
    for i in range(420):
        artisan = ARTISANS[i % len(ARTISANS)]
        title = " ".join(rnd.sample(WORDS, 3))
        words = [w for w in WORDS for _ in range(rnd.choice([0, 0, 1, 1, 2, 3, 5]))]
        rnd.shuffle(words)
        price = 500 + 250 * rnd.randrange(400)
        for loc in ("en", "hi") if i % 5 == 0 else ("en",):
            write(root, "products", f"gen-{i:03d}", loc, {
                "type": "product",
                "title": title.capitalize() + (" (हिन्दी)" if loc == "hi" else ""),
                "artisan": artisan[0],
                "craft": artisan[4][0],
                "materials": rnd.sample(["wool", "silk", "walnut wood", "paper", "cotton"], 2),
                "description": f"<p>{' '.join(words) or 'plain'}.</p>",
                "images": [{"src": f"products/gen-{i:03d}.jpg", "alt": title}],
                "listings": [{
                    "marketplace": "JKHHC online emporium (demo)",
                    "url": f"https://emporium.jkhhc.example/products/gen-{i:03d}",
                    "seller": "Emporium",
                    "price_inr": price,
                    "availability": "in_stock",
                    "last_checked": "2026-11-01",
                }],
            })
    return root


@pytest.fixture(scope="module")
def sliced_site(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    from chinar.search import export

    base = tmp_path_factory.mktemp("sliced-site")
    content = write_sliced_catalog(base / "content")
    saved = export.FIRST_SLICE, export.FILE_TARGET
    export.FIRST_SLICE, export.FILE_TARGET = 4, 48
    try:
        render_site(content, base / "out", base / "cache")
    finally:
        export.FIRST_SLICE, export.FILE_TARGET = saved
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(base / "out"))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", base
    server.shutdown()


def _dictionary(out: Path) -> dict[str, list]:
    entries: dict[str, list] = {}
    for shard in (out / "search-index" / "d").rglob("*.json"):
        entries.update(json.loads(shard.read_text(encoding="utf-8")))
    return entries


def test_slices_are_listed_best_first(sliced_site):
    """The client's bound on unfetched postings is the next ref's top score: refs must go best first,
    even when a big slice gets a file of its own before the small ones around it are packed."""
    _base, tmp = sliced_site
    entries = _dictionary(tmp / "out")
    many = {k: e[1] for k, e in entries.items() if len(e[1]) >= 4}
    assert len(many) >= 5, "the test catalog should give lists of four or more slices"
    for key, refs in many.items():
        tops = [r[4] for r in refs]
        assert tops == sorted(tops, reverse=True), key
        assert len({r[0] for r in refs}) > 1, key


SLICED_QUERIES = [
    ("shawl", "en", None),
    ("kashmir", None, None),
    ("pashmina shawl", "en", None),
    ("walnut box", None, "product"),
    ("embroidary", "en", None),
    ("jewelery box", "en", None),
    ("carved wal", "en", None),
    ("silk paisley border", None, None),
    ("felt", "hi", None),
]


def test_early_termination_gives_the_cli_top_10(sliced_site, page):
    base, tmp = sliced_site
    eng = Engine(tmp / "cache" / "whoosh")
    page.goto(base + "/search/")
    page.wait_for_function("() => window.ChinarSearch")
    partial = 0
    try:
        for query, lang, type_ in SLICED_QUERIES:
            for k in (10, 20):
                expected = [(h.url, h.score) for h in eng.search(query, Filters(locale=lang, type=type_), limit=k)]
                got = page.evaluate(
                    """async ([q, lang, type, k]) => {
                    const ix = await ChinarSearch.open('/search-index/');
                    const r = await ix.searchWithFacets(q, k, {locale: lang || '', type: type || ''});
                    return [r.results.map(x => [x.url, x.score]), r.exact]; }""",
                    [query, lang, type_, k],
                )
                assert [tuple(x) for x in got[0]] == expected, (query, lang, type_, k)
                partial += not got[1]
    finally:
        eng.close()
    assert partial >= 4, "most queries should stop before reading their lists to the end"
