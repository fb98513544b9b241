"""Search relevance on the demo catalog that ships in ``content/``, and browser/CLI parity over it.

``DEMO_RELEVANCE`` is the table of issue #5: queries in English, Hindi and Urdu — misspellings,
transliterations across scripts, partial words typed as you go, district names, artisans' names,
product words — each with the pages that must be in its top 3. Every expectation was read from the
demo catalog's JSON records (``content/<type>s/<key>.<locale>.json``), not copied from the engine; the
reason is given next to each row. Then, in headless Chromium, the search page of each query's language
is opened with the query in its URL (``?q=``) and must list exactly the top 10
that ``chinar search QUERY --page LANG --limit 10 --json`` prints.

Only the search index and the search pages are built (as in ``test_search_browser.py``): the full site
build with its ~3,700 image renditions is not needed to search.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote, urlencode

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from search_site import Handler, render_site

from chinar import cli
from chinar.content import load_catalog
from chinar.search import analysis
from chinar.search.engine import Engine
from chinar.search.query import Filters

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "content"


class Row(NamedTuple):
    lang: str  # --lang: the language of the search page the buyer is on
    kind: str  # misspelling | script | partial | district | artisan | product | page
    query: str
    top3: tuple[str, ...]  # "type:key" (in `lang`) that must be in the top 3; "type:prefix*" = one such page
    why: str
    type: str | None = None


R = Row
pytestmark = pytest.mark.slow  # every test here searches a build of the whole demo catalog

DEMO_RELEVANCE: list[Row] = [
    # ---------------------------------------------------------------- English
    R("en", "misspelling", "pashmeena", ("craft:pashmina",),
      "'pashmeena' is a common spelling; it is one of the pashmina craft's aliases"),
    R("en", "misspelling", "pashmena shawl", ("craft:pashmina",),
      "one letter off 'pashmina': the craft 'Kashmir Pashmina' (aliases 'kashmiri shawl', 'ring shawl')"),
    R("en", "misspelling", "papier mashe", ("craft:papier-mache",),
      "'mashe' is one letter off the alias 'paper mashi' of the papier-mache craft"),
    R("en", "misspelling", "sozny", ("craft:sozni",), "one letter off 'Sozni embroidery'"),
    R("en", "misspelling", "khatambandh", ("craft:khatamband",), "one letter off the craft 'Khatamband'"),
    R("en", "misspelling", "walnutt box", ("product:walnut-jewellery-box-*",),
      "eight products are 'Walnut jewellery box ...'"),
    R("en", "misspelling", "baramula", ("district:baramulla",), "one 'l' short of the district 'Baramulla'"),
    R("en", "misspelling", "shazia akhtar", ("artisan:shazia-akhter",),
      "Akhtar/Akhter are two transliterations of one name; the catalog spells hers 'Shazia Akhter'"),
    R("en", "partial", "pash", ("craft:pashmina",), "typing 'pashmina': the craft 'Kashmir Pashmina'"),
    R("en", "partial", "khatam", ("craft:khatamband",), "typing 'khatamband' (alias 'khatam band')"),
    R("en", "partial", "basoh", ("craft:basohli-painting", "craft:basohli-pashmina"),
      "two crafts are named Basohli: 'Basohli painting' and 'Basohli Pashmina'"),
    R("en", "partial", "kani sto", ("product:kani-stole-*",), "four products are 'Kani stole ...'"),
    R("en", "partial", "ghul", ("artisan:ghulam-nabi-dar",), "the only artisan named Ghul...: Ghulam Nabi Dar"),
    R("en", "partial", "chikr", ("craft:chikri-wood-craft",), "typing 'chikri': 'Rajouri Chikri wood craft'"),
    R("en", "product", "walnut box", ("product:walnut-jewellery-box-*",),
      "eight products are 'Walnut jewellery box ...'"),
    R("en", "product", "silk carpet", ("craft:hand-knotted-carpet", "product:3-x-5-ft-silk-carpet-*"),
      "'silk carpet' is an alias of the hand-knotted carpet craft; seven products are '3 x 5 ft silk carpet'"),
    R("en", "product", "samovar", ("craft:copperware", "product:engraved-copper-samovar-*"),
      "alias 'samovar' of copperware; two products are 'Engraved copper samovar ...'"),
    R("en", "product", "kangri", ("craft:willow-wicker", "product:willow-kangri-plain-weave-gulzar"),
      "alias 'kangri' of willow wicker; the product 'Willow kangri, plain weave'"),
    R("en", "product", "cricket bat", ("craft:willow-cricket-bat",), "the craft 'Kashmir willow cricket bat'"),
    R("en", "product", "namda rug", ("craft:namda", "product:namda-rug-*"),
      "the craft 'Namda' (alias 'felt rug'); seven products are 'Namda rug ...'"),
    R("en", "district", "kathua", ("district:kathua",), "the district page 'Kathua'"),
    R("en", "district", "kishtwar", ("district:kishtwar",), "the district page 'Kishtwar'"),
    R("en", "district", "srinagar", ("district:srinagar",),
      "the district page 'Srinagar' (half the catalog is from Srinagar: the page must still lead)"),
    R("en", "artisan", "ghulam nabi dar", ("artisan:ghulam-nabi-dar",), "artisan 'Ghulam Nabi Dar'"),
    R("en", "artisan", "gulshan ara", ("artisan:gulshan-ara",), "artisan 'Gulshan Ara'"),
    R("en", "artisan", "mohammad yousuf", ("artisan:mohammad-yousuf-mughal", "artisan:mohammad-yousuf-shah"),
      "two artisans are named Mohammad Yousuf (Mughal and Shah)"),
    R("en", "artisan", "bashir ahmed", ("artisan:bashir-ahmad-peer", "artisan:bashir-ahmed-kichloo"),
      "Bashir Ahmad Peer and Bashir Ahmed Kichloo: Ahmad and Ahmed are one name"),
    R("en", "artisan", "parvaiz", ("artisan:parvaiz-ahmad-mir",), "artisan 'Parvaiz Ahmad Mir'"),
    R("en", "artisan", "zareena begum", ("artisan:zareena-begum-khatana",), "artisan 'Zareena Begum Khatana'"),
    R("en", "script", "श्रीनगर", ("district:srinagar",), "Hindi spelling on the English page: 'Srinagar'"),
    R("en", "script", "سری نگر", ("district:srinagar",), "Urdu spelling on the English page: 'Srinagar'"),
    R("en", "page", "winter shawls", ("collection:winter-shawls", "campaign:winter-warmth-2026"),
      "collection 'Shawls for the cold months' (for 'a Himalayan winter'); campaign 'Winter warmth: shawls...'"),
    R("en", "page", "gi label", ("story:reading-a-gi-label",), "story 'How to read a GI label'"),
    R("en", "page", "craft trail", ("campaign:craft-trail-2027",), "campaign 'From Kathua to Kupwara: a craft trail'"),
    # ---------------------------------------------------------------- Hindi
    R("hi", "script", "पश्मीना", ("craft:pashmina",), "the craft 'कश्मीरी पश्मीना'"),
    R("hi", "script", "pashmina", ("craft:pashmina",), "Latin spelling on the Hindi page: 'कश्मीरी पश्मीना'"),
    R("hi", "misspelling", "पशमिना", ("craft:pashmina",), "पश्मीना without the virama and with a short i"),
    R("hi", "script", "सोज़नी", ("craft:sozni",), "the craft 'सोज़नी कढ़ाई'"),
    R("hi", "script", "sozni", ("craft:sozni",), "Latin spelling on the Hindi page: 'सोज़नी कढ़ाई'"),
    R("hi", "misspelling", "सोजनि", ("craft:sozni",), "सोज़नी without nukta and with a short i"),
    R("hi", "product", "कानी शॉल", ("craft:kani", "product:kani-shawl-*"),
      "the craft 'कानी शॉल'; two Hindi products are 'कानी शॉल, ...'"),
    R("hi", "product", "अखरोट डिब्बा", ("product:walnut-jewellery-box-*",),
      "four Hindi products are 'अखरोट की लकड़ी का गहनों का डिब्बा, ...'"),
    R("hi", "product", "विलो बैट", ("craft:willow-cricket-bat", "product:full-size-kashmir-willow-bat-*"),
      "the craft 'कश्मीर विलो क्रिकेट बैट'; two Hindi products are 'पूरे आकार का कश्मीर विलो बैट, ...'"),
    R("hi", "product", "लोई", ("craft:hill-wool-weaving", "product:handwoven-loi-blanket-*"),
      "the craft 'पहाड़ी ऊनी बुनाई (लोई और पट्टू)'; nine Hindi products are 'हाथ से बुनी लोई, ...'"),
    R("hi", "product", "चिकरी चम्मच", ("product:chikri-wood-spoon-set-*",),
      "three Hindi products are 'चिकरी लकड़ी के चम्मचों का सेट, ...' (चम्मच typed, चम्मचों in the titles)"),
    R("hi", "partial", "पश्मी", ("craft:pashmina",), "typing पश्मीना"),
    R("hi", "partial", "बसोह", ("craft:basohli-painting", "craft:basohli-pashmina"),
      "typing बसोहली: 'बसोहली चित्रकला' and 'बसोहली पश्मीना'"),
    R("hi", "partial", "मुश्ता", ("artisan:mushtaq-ahmad-khan",), "typing 'मुश्ताक़ अहमद ख़ान'"),
    R("hi", "district", "श्रीनगर", ("district:srinagar",), "the district page 'श्रीनगर'"),
    R("hi", "district", "कठुआ", ("district:kathua", "collection:from-kathua"),
      "the district page 'कठुआ' and the collection 'कठुआ में बना'"),
    R("hi", "district", "किश्तवाड़", ("district:kishtwar",), "the district page 'किश्तवाड़'"),
    R("hi", "misspelling", "बारामुला", ("district:baramulla",), "'बारामूला' typed with a short u"),
    R("hi", "script", "srinagar", ("district:srinagar",), "Latin spelling on the Hindi page: 'श्रीनगर'"),
    R("hi", "artisan", "ग़ुलाम नबी डार", ("artisan:ghulam-nabi-dar",), "artisan 'ग़ुलाम नबी डार'"),
    R("hi", "artisan", "गुलाम नबी", ("artisan:ghulam-nabi-dar",), "'ग़ुलाम नबी डार' typed without the nukta"),
    R("hi", "artisan", "शाज़िया अख़्तर", ("artisan:shazia-akhter",), "artisan 'शाज़िया अख़्तर'"),
    R("hi", "artisan", "कमला देवी", ("artisan:kamla-devi",), "artisan 'कमला देवी'"),
    R("hi", "page", "सर्दियों के शॉल", ("collection:winter-shawls",), "the collection 'सर्दियों के शॉल'"),
    # ---------------------------------------------------------------- Urdu
    R("ur", "script", "پشمینہ", ("craft:pashmina",), "the craft 'کشمیری پشمینہ'"),
    R("ur", "script", "pashmina", ("craft:pashmina",), "Latin spelling on the Urdu page: 'کشمیری پشمینہ'"),
    R("ur", "misspelling", "پشمینه", ("craft:pashmina",), "پشمینہ typed with Arabic heh (ه), as Arabic keyboards do"),
    R("ur", "script", "سوزنی", ("craft:sozni",), "the craft 'سوزنی کڑھائی'"),
    R("ur", "script", "kani", ("craft:kani",), "Latin spelling on the Urdu page: 'کانی شال'"),
    R("ur", "product", "کانی شال", ("craft:kani",), "the craft 'کانی شال'"),
    R("ur", "product", "نمدہ", ("craft:namda", "story:the-felt-comes-back"),
      "the craft 'نمدہ' and the story 'نمدہ لوٹ آیا'"),
    R("ur", "product", "قالین", ("craft:hand-knotted-carpet",), "the craft 'کشمیری ہاتھ سے باندھا قالین'"),
    R("ur", "product", "اخروٹ", ("craft:walnut-wood-carving",), "the craft 'کشمیری اخروٹ کی لکڑی پر نقاشی'"),
    R("ur", "product", "چٹائی", ("craft:wagguv",), "the craft 'وگو چٹائی' (reed mat)"),
    R("ur", "partial", "پشمی", ("craft:pashmina",), "typing پشمینہ"),
    R("ur", "partial", "بسوہ", ("craft:basohli-painting", "craft:basohli-pashmina"),
      "typing بسوہلی: 'بسوہلی مصوری' and 'بسوہلی پشمینہ'"),
    R("ur", "district", "سری نگر", ("district:srinagar",), "the district page 'سری نگر'"),
    R("ur", "misspelling", "سرینگر", ("district:srinagar",), "سری نگر is often written as one word"),
    R("ur", "district", "کٹھوعہ", ("district:kathua", "collection:from-kathua"),
      "the district page 'کٹھوعہ' and the collection 'کٹھوعہ میں بنا'"),
    R("ur", "district", "بارہمولہ", ("district:baramulla",), "the district page 'بارہمولہ'"),
    R("ur", "script", "srinagar", ("district:srinagar",), "Latin spelling on the Urdu page: 'سری نگر'"),
    R("ur", "script", "kupwara", ("district:kupwara",), "Latin spelling on the Urdu page: 'کپواڑہ'"),
    R("ur", "artisan", "غلام نبی ڈار", ("artisan:ghulam-nabi-dar",), "artisan 'غلام نبی ڈار'"),
    R("ur", "artisan", "غلام نبي", ("artisan:ghulam-nabi-dar",), "'غلام نبی' typed with Arabic yeh (ي)"),
    R("ur", "artisan", "گلشن آرا", ("artisan:gulshan-ara",), "artisan 'گلشن آرا'"),
    R("ur", "artisan", "محمد یوسف مغل", ("artisan:mohammad-yousuf-mughal",), "artisan 'محمد یوسف مغل'"),
    R("ur", "artisan", "کملا دیوی", ("artisan:kamla-devi",), "artisan 'کملا دیوی'"),
    R("ur", "artisan", "سوزنی", ("artisan:haleema-begum", "artisan:shamima-akhter", "artisan:shazia-akhter"),
      "five artisans practise sozni; for these three (حلیمہ بیگم، شمیمہ اختر، شازیہ اختر) it is the only craft, "
      "the other two list another craft first", type="artisan"),
    R("ur", "page", "خواتین", ("collection:women-led-workshops",), "the collection 'خواتین کی کارگاہیں'"),
]

# The table itself must keep covering what the search issue asked for: a guard on this file, checked when it
# is loaded, not a test of the search (the tests below are).
assert len(DEMO_RELEVANCE) >= 40 and len({(r.lang, r.query, r.type) for r in DEMO_RELEVANCE}) == len(DEMO_RELEVANCE)
assert {("en", "latn"), ("hi", "deva"), ("hi", "latn"), ("ur", "arab"), ("ur", "latn")} <= {
    (r.lang, analysis.script(r.query)) for r in DEMO_RELEVANCE}
assert all({"misspelling", "partial", "district", "artisan", "product"} <= {r.kind for r in DEMO_RELEVANCE
                                                                            if r.lang == lang}
           for lang in ("en", "hi", "ur"))
assert sum(len(r.query.split()) > 1 for r in DEMO_RELEVANCE) >= 10


def row_id(row: Row) -> str:
    return f"{row.lang}|{row.kind}|{row.query}"


def top3_failures(row: Row, refs: list[str]) -> list[str]:
    """The expectations of ``row`` not met by ``refs`` (the top 3, as ``type:key:locale``); each
    expectation needs a hit of its own."""
    left = list(refs)
    missing = []
    for want in sorted(row.top3, key=lambda w: w.endswith("*")):  # exact pages first, then patterns
        if want.endswith("*"):
            found = next((r for r in left if r.startswith(want[:-1]) and r.endswith(":" + row.lang)), None)
        else:
            found = f"{want}:{row.lang}" if f"{want}:{row.lang}" in left else None
        if found is None:
            missing.append(want)
        else:
            left.remove(found)
    return missing


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    """(site with search-index/ and the search pages, Whoosh index dir) of the demo catalog."""
    base = tmp_path_factory.mktemp("search-demo")
    render_site(DEMO, base / "out", base / "cache")
    return base / "out", base / "cache" / "whoosh"


@pytest.fixture(scope="module")
def engine(demo) -> Iterator[Engine]:
    eng = Engine(demo[1])
    yield eng
    eng.close()


# --------------------------------------------------------------------------- the table


def test_every_expected_page_exists_in_the_demo_catalog():
    catalog = load_catalog(DEMO, check_media=False)
    for row in DEMO_RELEVANCE:
        for want in row.top3:
            type_, key = want.split(":")
            if key.endswith("*"):
                assert any(k.startswith(key[:-1]) and row.lang in catalog.versions(type_, k)
                           for k in catalog.keys(type_)), (row.query, want)
            else:
                assert catalog.get(type_, key, row.lang) is not None, (row.query, want)


@pytest.mark.parametrize("row", DEMO_RELEVANCE, ids=row_id)
def test_demo_relevance_top3(engine, row: Row):
    hits = engine.search(row.query, Filters(locale=row.lang, type=row.type), limit=3)
    refs = [h.ref for h in hits]
    assert top3_failures(row, refs) == [], f"{row.query!r} ({row.lang}): top 3 {refs}; {row.why}"


@pytest.mark.parametrize("lang,word", [("hi", "पश्मीना"), ("ur", "پشمینہ")])
def test_products_are_found_in_hindi_and_urdu(engine, lang: str, word: str):
    """The translated products are in the index under their own language: a search for pashmina in
    Devanagari or in Nastaliq, limited to products, lists every product page of that language whose
    title has the word (8 of each in the demo catalog), pashmina shawls among the first three, and
    nothing that does not mention the word (in its title, description or materials)."""
    catalog = load_catalog(DEMO, check_media=False)
    pages = {f"product:{k}:{lang}": catalog.get("product", k, lang)
             for k in catalog.keys("product") if lang in catalog.versions("product", k)}
    titled = {ref for ref, rec in pages.items() if word in rec["title"]}
    mentions = {ref for ref, rec in pages.items()
                if word in " ".join([rec["title"], rec["description"], *rec["materials"]])}
    assert len(titled) >= 5
    refs = [h.ref for h in engine.search(word, Filters(locale=lang, type="product"), limit=len(mentions))]
    assert titled <= set(refs) <= mentions
    assert any(r.startswith("product:pashmina-shawl-") for r in refs[:3]), refs


# A misspelling and its correct spelling (same language): the first page the correct spelling finds
# must be in the misspelling's top 3.
MISSPELT = [
    ("en", "pashmena shawl", "pashmina shawl"),
    ("en", "sozny", "sozni"),
    ("en", "khatambandh", "khatamband"),
    ("en", "walnutt box", "walnut box"),
    ("en", "baramula", "baramulla"),
    ("en", "shazia akhtar", "shazia akhter"),
    ("hi", "पशमिना", "पश्मीना"),
    ("hi", "सोजनि", "सोज़नी"),
    ("hi", "बारामुला", "बारामूला"),
    ("ur", "پشمینه", "پشمینہ"),
    ("ur", "سرینگر", "سری نگر"),
]


@pytest.mark.parametrize("lang,misspelt,correct", MISSPELT, ids=[m[1] for m in MISSPELT])
def test_misspelling_finds_what_the_correct_spelling_finds_first(engine, lang, misspelt, correct):
    first = engine.search(correct, Filters(locale=lang), limit=1)[0].ref
    assert first in [h.ref for h in engine.search(misspelt, Filters(locale=lang), limit=3)]


# --------------------------------------------------------------------------- browser = CLI


def cli_top10(index: Path, row: Row) -> list[str]:
    """URLs printed by ``chinar search QUERY --page LANG --limit 10 --json`` (run in this process): what
    the search page of LANG lists, its pages and the versions shown of things not written in LANG."""
    argv = ["search", row.query, "--page", row.lang, "--limit", "10", "--json", "--index", str(index)]
    if row.type:
        argv += ["--type", row.type]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(argv) == 0
    return [json.loads(line)["url"] for line in out.getvalue().splitlines()]


@pytest.fixture(scope="module")
def server(demo) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(demo[0])))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def search_page(server, browser) -> Iterator:
    """One Chromium tab for the whole table; the test fails if anything reached the console."""
    page = browser.new_page(viewport={"width": 900, "height": 1000})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    yield page, problems
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("row", DEMO_RELEVANCE, ids=row_id)
def test_search_page_lists_the_cli_top10(demo, server, search_page, row: Row):
    """The search page of the row's language, opened with ``?q=``, shows the CLI's top 10."""
    page, problems = search_page
    problems.clear()
    expected = cli_top10(demo[1], row)
    assert len(expected) >= len(row.top3)
    prefix = "" if row.lang == "en" else f"/{row.lang}"
    params = {"q": row.query} | ({"type": row.type} if row.type else {})
    page.goto(f"{server}{prefix}/search/?{urlencode(params, quote_via=quote)}")
    with contextlib.suppress(PlaywrightTimeout):  # on a timeout the comparison below says what differs
        page.wait_for_function(
            """([first, n]) => { const app = document.getElementById('search-app');
            const hits = document.querySelectorAll('.search-results a.search-hit');
            return app && !app.hasAttribute('aria-busy') && hits.length === n
              && hits[0].getAttribute('href') === first; }""",
            arg=[expected[0], len(expected)],
            timeout=5000,
        )
    got = page.eval_on_selector_all(".search-results a.search-hit", "as => as.map(a => a.getAttribute('href'))")
    assert got == expected, row.query
    assert problems == []
