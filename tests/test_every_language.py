"""Every language finds products (issue 19, item 3): a record not written in the reader's language is
still listed and found, in the language its list pages fall back to, and says so.

On the built tiny site (list pages, craft and district pages) and on the demo catalog's search index
(which document stands in for which missing translation, the widening of a search that finds nothing
in the page's language, the languages the search client is given).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from chinar.build import build
from chinar.catalog import shown_locale
from chinar.content import load_catalog
from chinar.languages import LOCALES, client_config
from chinar.search import write_index
from chinar.search.documents import catalog_documents, stands_in
from chinar.search.engine import Engine
from chinar.search.query import Filters

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "content"

# The name of each language as each page's language writes it (read off the translations, by hand).
LABEL = {"en": {"en": "English", "hi": "Hindi", "ur": "Urdu"},
         "hi": {"en": "अंग्रेज़ी", "hi": "हिन्दी", "ur": "उर्दू"},
         "ur": {"en": "انگریزی", "hi": "ہندی", "ur": "اردو"}}
DIR = {"en": "ltr", "hi": "ltr", "ur": "rtl"}


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def cards(html: str) -> list[str]:
    return re.findall(r'<article class="card">.*?</article>', html, flags=re.S)


# --------------------------------------------------------------------------- list pages


@pytest.mark.parametrize(("url", "locale", "shown"), [
    ("/hi/products/", "hi", {"/products/sozni-stole/": "en"}),
    ("/ur/products/", "ur", {"/products/sozni-stole/": "en"}),
    ("/ur/artisans/", "ur", {"/artisans/shazia-akhter/": "en"}),
    ("/hi/artisans/", "hi", {"/hi/artisans/shazia-akhter/": "hi"}),
    ("/ur/crafts/sozni/", "ur", {"/artisans/shazia-akhter/": "en", "/products/sozni-stole/": "en"}),
    ("/hi/districts/srinagar/", "hi", {"/hi/artisans/shazia-akhter/": "hi", "/products/sozni-stole/": "en"}),
    ("/ur/collections/", "ur", {"/collections/under-20000/": "en", "/collections/winter-gifts/": "en"}),
])
def test_a_card_in_another_language_says_which(tiny_site: Path, url: str, locale: str, shown: dict) -> None:
    """Each card is listed; one in another language than the page's has hreflang on its link, lang and
    dir on its texts, and a label naming the language in the page's language. Others have none of it."""
    found = {}
    for card in cards(page(tiny_site, url)):
        href = re.search(r'<a href="([^"]+)"', card).group(1)
        found[href] = card
    assert set(shown) <= set(found), url
    for href, lang in shown.items():
        card = found[href]
        if lang == locale:
            assert "hreflang" not in card and "lang-mark" not in card and " lang=" not in card
            continue
        assert f'<a href="{href}" hreflang="{lang}">' in card
        assert re.search(rf'<h3 lang="{lang}" dir="{DIR[lang]}">', card)
        mark = re.search(r'<p class="lang-mark">([^<]+)</p>', card)
        assert mark and mark.group(1) == LABEL[locale][lang]
        # the price and the label are the page's language: no lang attribute on them
        assert not re.search(r'<p class="(price|lang-mark)" lang=', card)
        for attrs in re.findall(r"<p( [^>]*)?>", card):  # the record's own texts
            if 'class="price"' not in attrs and 'class="lang-mark"' not in attrs:
                assert f' lang="{lang}"' in attrs


def test_links_to_a_record_in_another_language_say_so(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    """A craft page's districts: hreflang (and lang, dir) on a link to a district not written in the page's
    language, none on one that is."""
    for loc in ("en", "hi", "ur"):
        path = tiny_content / f"crafts/sozni.{loc}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["districts"] = [*data["districts"], "kathua"]  # Kathua is written in English only
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "images").symlink_to(image_cache, target_is_directory=True)
    build(tiny_content, tmp_path / "out", "https://chinar.example.in", cache_dir=cache)
    html = page(tmp_path / "out", "/ur/crafts/sozni/")
    assert '<a href="/districts/kathua/" hreflang="en" lang="en" dir="ltr">Kathua</a>' in html
    assert re.search(r'<a href="/ur/districts/srinagar/">[^<]+</a>', html)
    assert '<a href="/districts/kathua/">Kathua</a>' in page(tmp_path / "out", "/crafts/sozni/")


# --------------------------------------------------------------------------- the search index


@pytest.fixture(scope="module")
def demo_index(tmp_path_factory) -> tuple[Path, Path]:
    """(site, cache) with the demo catalog's search index."""
    base = tmp_path_factory.mktemp("every-language")
    write_index(load_catalog(DEMO, check_media=False), base / "out", base / "cache")
    return base / "out", base / "cache"


def test_stands_in_is_what_the_list_pages_show() -> None:
    """A document stands in for a language exactly when ``Catalog.get`` (every list page) shows it there."""
    catalog = load_catalog(DEMO, check_media=False)
    docs = catalog_documents(catalog)
    standing = stands_in((d.type, d.key, d.locale) for d in docs)
    for doc, langs in zip(docs, standing, strict=True):
        versions = catalog.versions(doc.type, doc.key)
        for loc in LOCALES:
            picked = catalog.get(doc.type, doc.key, loc)["locale"]
            assert picked == shown_locale(versions, loc)
            assert (loc in langs) == (picked == doc.locale and loc != doc.locale), (doc.ref, loc)
        if doc.locale == "en" and set(versions) == {"en"}:  # the 88 demo products written only in English
            assert langs == ("hi", "ur")
    # not a vacuous walk: the demo has records in every language (standing in for none) and records
    # only in English (standing in for both others)
    assert {(), ("hi", "ur")} <= set(standing)


def test_manifest_languages_come_from_the_registry(demo_index) -> None:
    manifest = json.loads((demo_index[0] / "search-index/manifest.json").read_text(encoding="utf-8"))
    assert manifest["languages"] == client_config()
    assert [lang["code"] for lang in manifest["languages"]["languages"]] == list(LOCALES)
    assert {lang["code"]: lang["dir"] for lang in manifest["languages"]["languages"]} == DIR
    # every combination says which languages its documents stand in for
    assert all(len(c) == 6 for c in manifest["combos"])
    js = (ROOT / "themes/chinar/static/js/search.js").read_text(encoding="utf-8")
    assert not re.search(r"['\"](en|hi|ur)-IN['\"]", js)  # no table of languages of its own


def test_a_page_language_view_finds_products_not_written_in_it(demo_index) -> None:
    """An Urdu or a Hindi search for pashmina in its own script lists products; those not written in
    the page's language are the versions its list pages show, and none is a second version of a thing."""
    eng = Engine(demo_index[1] / "whoosh")
    try:
        for lang, query in (("ur", "پشمینہ"), ("hi", "पश्मीना")):
            found = eng.search_page(query, Filters(view=lang, type="product"), limit=None)
            assert found.hits and not found.widened, lang
            keys = [h.ref.rsplit(":", 1)[0] for h in found.hits]
            assert len(keys) == len(set(keys))
            strict = eng.search(query, Filters(locale=lang, type="product"), limit=None)
            assert {h.ref for h in strict} <= {h.ref for h in found.hits}
    finally:
        eng.close()


def test_a_search_that_finds_nothing_in_the_page_language_is_widened(demo_index) -> None:
    """'ज्यामितीय' (geometric) is in a Hindi product's title and nowhere in English: the English page's
    view finds nothing, so the search is widened to every language, and says so."""
    eng = Engine(demo_index[1] / "whoosh")
    try:
        found = eng.search_page("ज्यामितीय", Filters(view="en"))
        assert found.widened and found.hits
        assert found.hits[0].ref == "product:walnut-jewellery-box-geometric-abdul:hi"
        assert eng.search("ज्यामितीय", Filters(locale="en")) == []
        # a view that finds something is not widened
        assert not eng.search_page("ज्यामितीय", Filters(view="hi")).widened
    finally:
        eng.close()
