"""Search: analysis, the relevance table, Hindi minimal pairs, determinism, the CLI and bad input.

The relevance catalog is written here (``write_relevance_catalog``): small and fixed, so that each row
tests one feature of the analysis or the ranking; the browser tests (``test_search_browser.py``) build it
too and check that the client returns exactly what these Python queries return. The relevance table
over the demo catalog in ``content/``, with the same browser check, is ``test_search_demo.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from search_catalog import BAD_QUERIES, CONSENT, RELEVANCE, write, write_relevance_catalog

from chinar.content import load_catalog
from chinar.search import analysis, write_index
from chinar.search import query as q
from chinar.search.engine import Engine
from chinar.search.query import Filters, edit_distance, query_words

ROOT = Path(__file__).resolve().parents[1]

# --------------------------------------------------------------------------- the relevance catalog


# (query, --lang, --type, urls that must all be in the top 3)


@pytest.fixture(scope="module")
def relevance_index(tmp_path_factory) -> tuple[Path, Path]:
    """(output dir with search-index/, Whoosh index dir) of the relevance catalog."""
    base = tmp_path_factory.mktemp("relevance")
    content = write_relevance_catalog(base / "content")
    catalog = load_catalog(content, check_media=False)
    write_index(catalog, base / "out", base / "cache")
    return base / "out", base / "cache" / "whoosh"


@pytest.fixture(scope="module")
def engine(relevance_index) -> Engine:
    eng = Engine(relevance_index[1])
    yield eng
    eng.close()


# --------------------------------------------------------------------------- analysis


def test_tokenizer_keeps_devanagari_and_urdu_words_whole():
    assert analysis.terms("पश्मीना शॉल") == ["पश्मीना", "शॉल"]
    assert analysis.terms("پشمینہ شال، سری نگر۔") == ["پشمینہ", "شال", "سری", "نگر"]
    assert analysis.terms("लगे। पश्मीना॰") == ["लगे", "पश्मीना"]


def test_english_folding_and_stemming():
    assert analysis.terms("Kānī shawls, papier-mâché") == ["kani", "shawl", "papier", "mach"]
    assert analysis.terms("embroidered the embroidery") == ["embroid", "embroideri"]


def test_nukta_and_arabic_variants_fold_to_one_term():
    assert analysis.terms("सोज़नी") == analysis.terms("सोजनी") == ["सोजनी"]
    assert analysis.terms("غلام نبي كتاب") == analysis.terms("غلام نبی کتاب")
    assert analysis.terms("ه") == [] and analysis.terms("شاه") == analysis.terms("شاہ")


def test_vowel_signs_fold_only_in_the_fallback():
    words = ["काली", "कली", "कला", "कील"]
    assert len({analysis.terms(w)[0] for w in words}) == 4
    assert {analysis.fold(w) for w in words} == {"कल"}


def test_skeleton_matches_across_scripts():
    keys = {analysis.skeleton(analysis.terms(w)[0]) for w in ("pashmina", "पश्मीना", "پشمینہ")}
    assert keys == {"psmn"}
    assert analysis.skeleton("kani") is None  # too short to be trusted


def test_edit_distance_counts_a_transposition_once():
    assert edit_distance("pashmina", "pahsmina", 1) == 1
    assert edit_distance("pashmina", "pashmena", 1) == 1
    assert edit_distance("pashmina", "bashmena", 1) == 2  # above the limit


def test_query_words_marks_only_a_trailing_word_open():
    assert [w.open for w in query_words("kani sto")] == [False, True]
    assert [w.open for w in query_words("kani sto ")] == [False, False]
    assert query_words("the of and") == []


# --------------------------------------------------------------------------- relevance


@pytest.mark.parametrize("query,lang,type_,expected", RELEVANCE, ids=[r[0] + "|" + r[1] for r in RELEVANCE])
def test_relevance_top3(engine, query, lang, type_, expected):
    hits = engine.search(query, Filters(locale=lang, type=type_), limit=3)
    urls = [h.url for h in hits]
    for url in expected:
        assert url in urls, f"{query!r} ({lang}): {url} not in top 3 {urls}"


@pytest.mark.parametrize(("query", "reading"), [
    ("papiermache", "papier mache"),
    ("walnutwood carving", "walnut wood carving"),
    ("wal nut box", "walnut box"),
    ("पेपरमाशी", "पेपर माशी"),
    ("सोzni", ""),  # found by the skeleton of the whole word; nothing readable to show
])
def test_a_query_that_finds_nothing_is_read_again(engine, query, reading):
    """Issue 18: words run together, spaced differently or typed in two scripts found nothing at all."""
    assert not q.rank(q.plan(query, engine.lexicon, engine.phrases), engine.scores.list_scores, engine.facets).hits
    hits, respelled = engine.search_respelled(query, limit=3)
    assert hits and respelled is not None and respelled.text == reading


def test_a_query_that_finds_something_is_not_read_again(engine):
    hits, respelled = engine.search_respelled("walnut box", limit=3)
    assert hits and respelled is None
    hits, respelled = engine.search_respelled("qqqqqq zzzzzz", limit=3)
    assert hits == [] and respelled is None


def test_exact_spelling_ranks_above_the_typo_and_fallback(engine):
    exact = engine.search("pashmina shawl", Filters(locale="en"), limit=None)
    typo = engine.search("pashmena shawl", Filters(locale="en"), limit=None)
    assert exact[0].ref == "product:plain-pashmina-shawl:en"
    assert exact[0].ref in [h.ref for h in typo[:3]]
    assert exact[0].score > typo[0].score


# --------------------------------------------------------------------------- Hindi minimal pairs

MINIMAL = {  # word -> product title containing it (and none of the other words)
    "काली": "काली पश्मीना शॉल",
    "कली": "कली की कढ़ाई वाला स्टोल",
    "कला": "कला दीर्घा का नमदा",
    "कील": "कील रहित अखरोट बक्सा",
    "काला": "काला कालीन",
    "जाल": "जाल की सोज़नी",
    "जल": "जल रंग चित्र",
    "सूत": "सूत की दरी",
    "सत": "सत रंगी टोकरी",
}


def write_minimal_pairs_catalog(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "manifest.json").write_text('{"schema_version": 2}')
    write(
        root,
        "districts",
        "srinagar",
        "hi",
        {"type": "district", "name": "श्रीनगर", "division": "Kashmir", "summary": "झेलम के किनारे।"},
    )
    write(
        root,
        "crafts",
        "sozni",
        "hi",
        {
            "type": "craft",
            "name": "सोज़नी",
            "summary": "सुई का काम।",
            "history": "<p>पुराना शिल्प।</p>",
            "region": "कश्मीर",
            "districts": ["srinagar"],
        },
    )
    write(
        root,
        "artisans",
        "maker",
        "hi",
        {
            "type": "artisan",
            "name": "रफ़ीक़ा बानो",
            "crafts": ["sozni"],
            "district": "srinagar",
            "bio": "<p>कारीगर।</p>",
            "consent": CONSENT,
        },
    )
    for i, title in enumerate(sorted(MINIMAL.values())):
        key = f"item-{i}"
        write(
            root,
            "products",
            key,
            "hi",
            {
                "type": "product",
                "title": title,
                "artisan": "maker",
                "craft": "sozni",
                "description": "<p>हाथ से बना।</p>",
                "images": [{"src": "products/x.jpg", "alt": title}],
                "listings": [
                    {
                        "marketplace": "JKHHC online emporium (demo)",
                        "url": f"https://emporium.jkhhc.example/products/{key}",
                        "seller": "S",
                        "price_inr": 1000 + i,
                        "availability": "in_stock",
                        "last_checked": "2026-11-01",
                    }
                ],
            },
        )
    return root


def test_hindi_minimal_pairs_rank_their_own_word_first(tmp_path):
    content = write_minimal_pairs_catalog(tmp_path / "content")
    write_index(load_catalog(content, check_media=False), tmp_path / "out", tmp_path / "cache")
    eng = Engine(tmp_path / "cache" / "whoosh")
    try:
        for word, title in MINIMAL.items():
            hits = eng.search(word + " ", limit=None)  # trailing space: the word is complete, no prefix
            assert hits and hits[0].title == title, (word, [h.title for h in hits])
        # the folded fallback still finds the neighbours, below the exact word
        titles = [h.title for h in eng.search("काली ", limit=None)]
        assert titles[0] == MINIMAL["काली"] and MINIMAL["कला"] in titles and MINIMAL["कील"] in titles
    finally:
        eng.close()


# --------------------------------------------------------------------------- export and determinism


def test_export_is_deterministic_and_content_hashed(tmp_path):
    content = write_relevance_catalog(tmp_path / "content")
    outs = []
    for n in (1, 2):
        stats = write_index(
            load_catalog(content, check_media=False), tmp_path / f"out{n}", tmp_path / f"cache{n}"
        )
        root = tmp_path / f"out{n}" / "search-index"
        outs.append({p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()})
        assert stats["files"] == len(outs[-1]) and stats["bytes"] == sum(map(len, outs[-1].values()))
    assert outs[0] == outs[1]
    import hashlib

    for rel, data in outs[0].items():
        if rel.startswith(("p/", "t/")):
            assert Path(rel).stem == hashlib.sha256(data).hexdigest()[:10], rel
    manifest = json.loads(outs[0]["manifest.json"])
    assert manifest["documents"] == stats["documents"]


def test_tiny_catalog_with_thumbnails(tmp_path):
    catalog = load_catalog(ROOT / "tests" / "fixtures" / "tiny")
    write_index(catalog, tmp_path / "out", tmp_path / "cache", thumbnail=lambda img: "/img/" + img["src"])
    chunk = json.loads(next((tmp_path / "out" / "search-index" / "s").rglob("0.json")).read_text())
    assert any(row[2] and row[2].startswith("/img/") for row in chunk)


# --------------------------------------------------------------------------- CLI and bad input


def test_cli_json_output_matches_engine(relevance_index, engine):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "chinar.cli",
            "search",
            "kani shawl",
            "--lang",
            "en",
            "--limit",
            "5",
            "--json",
            "--index",
            str(relevance_index[1]),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["url"] for r in rows] == [h.url for h in engine.search("kani shawl", Filters(locale="en"), 5)]
    assert rows[0]["url"] == "/crafts/kani/"


def test_cli_type_filter_and_missing_index(relevance_index, tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "chinar.cli",
            "search",
            "walnut",
            "--type",
            "product",
            "--index",
            str(relevance_index[1]),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert proc.stdout and all(json.loads(x)["type"] == "product" for x in proc.stdout.splitlines())
    missing = subprocess.run(
        [sys.executable, "-m", "chinar.cli", "search", "x", "--index", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2 and "no search index" in missing.stderr


@pytest.mark.parametrize("query", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_bad_input_gives_no_error(engine, query):
    hits = engine.search(query, limit=10)
    assert len(hits) <= 10
    assert all(h.url.startswith("/") for h in hits)


def test_long_query_is_cut_to_the_first_words(engine):
    assert len(query_words("pashmina " * 2000)) == 8
    # cut inside the long word, which is then the unfinished last word: ignored, as while typing
    assert engine.search("kani " + "x" * 10000 + " shawl") == engine.search("kani ")
    assert engine.search("kani " + "x" * 100 + " shawl") == []


# --------------------------------------------------------------------------- build speed-ups keep the numbers


def test_no_whitespace_character_is_part_of_a_word():
    """Analysis memoises whitespace-separated chunks; that is exact only if no word contains whitespace."""
    spaces = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    assert analysis._TOKEN_RE.findall(spaces) == []


def test_chunked_analysis_gives_the_terms_of_the_whole_text(relevance_index):
    texts = [
        "Kānī shawls, papier-mâché; embroidered the embroidery",
        "पश्मीना शॉल\u00a0सोज़नी।कढ़ाई ज़\u200dरी",
        "پشمینہ شال، سری نگر۔ غلام نبي كتاب",
        "१२३ ۱۲۳ x\u0301y  tab\tnew\nline",
    ]
    catalog = load_catalog(ROOT / "tests" / "fixtures" / "tiny")
    from chinar.search.documents import catalog_documents

    texts += [t for d in catalog_documents(catalog) for t in d.fields.values()]
    for text in texts:
        whole = [analysis.stem(w) for w in analysis.words(text) if w not in analysis.STOPWORDS]
        assert analysis.terms(text) == whole, text


def test_build_scores_equal_whoosh_scores(relevance_index, engine):
    """The export's lists come from the build's own postings; ``chinar search`` reads Whoosh's."""
    from chinar.search import corpus as corpus_mod
    from chinar.search.engine import read_sidecar

    cache = relevance_index[1]
    found = corpus_mod.load_corpus(cache, read_sidecar(cache)["generation"])
    found.phrases = engine.phrases
    found.__init__(found.entries, engine.phrases, found.postings, found.lengths, None)
    lex = found.lexicon()
    assert lex.main == engine.lexicon.main
    assert lex.components == engine.lexicon.components
    assert lex.key_terms == engine.lexicon.key_terms
    keys = sorted(set(lex.main) | lex.components)
    assert len(keys) > 400
    for key in keys:
        assert found.list_scores(key) == engine.scores.list_scores(key), key


# --------------------------------------------------------------------------- incremental index


def _index_files(root: Path) -> dict[str, bytes]:
    root = root / "search-index"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _edit(path: Path, **changes) -> None:
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec.update(changes)
    path.write_text(json.dumps(rec, ensure_ascii=False, indent=1), encoding="utf-8")


EDITS = [
    ("artisan name", lambda c: _edit(c / "artisans/shazia-akhter.en.json", name="Shazia Akhter Bhat")),
    # as many words (and skeletons) as before: the average field lengths stay put, so only the words' lists change
    ("product text", lambda c: _edit(c / "products/kani-stole-red.en.json",
                                     description="<p>Kani stole in tan. Handmade in Kashmir.</p>")),
    ("craft Hindi name", lambda c: _edit(c / "crafts/namda.hi.json", name="नमदा गलीचा")),
    ("new locale version", lambda c: _edit(c / "stories/the-talim-code.en.json") or
     (c / "stories/the-talim-code.hi.json").write_text(
         (c / "stories/the-talim-code.en.json").read_text(encoding="utf-8")
         .replace('"locale": "en"', '"locale": "hi"').replace("story-the-talim-code-en", "story-the-talim-code-hi")
         .replace("The talim code", "तालीम का कोड"), encoding="utf-8")),
    ("deleted product", lambda c: (c / "products/namda-rug-floral.hi.json").unlink()),
    ("alias file", None),
    ("alias file, a group removed", None),
]


def test_incremental_index_equals_a_full_build(tmp_path):
    """Each edit, indexed with the last build's cache, gives the bytes of a build from scratch; a no-op
    build analyses and scores nothing; a text edit analyses only the documents that read the record."""
    content = write_relevance_catalog(tmp_path / "content")
    aliases = tmp_path / "aliases.json"
    aliases.write_text(json.dumps({"groups": [["wool", "ऊन", "اون"]]}), encoding="utf-8")

    def build(out: str, cache: str) -> dict:
        return write_index(load_catalog(content, check_media=False), tmp_path / out, tmp_path / cache,
                           alias_file=aliases)

    build("first", "cache")
    stats = build("noop", "cache")
    assert (stats["analysed"], stats["lists_scored"]) == (0, 0)
    assert _index_files(tmp_path / "first") == _index_files(tmp_path / "noop")
    for i, (name, edit) in enumerate(EDITS):
        if name == "alias file":
            aliases.write_text(json.dumps({"groups": [["wool", "ऊन", "اون"], ["stole", "shawl"]]}), encoding="utf-8")
        elif name == "alias file, a group removed":
            aliases.write_text(json.dumps({"groups": [["stole", "shawl"]]}), encoding="utf-8")
        else:
            edit(content)
        incremental = build(f"inc{i}", "cache")
        full = build(f"full{i}", f"fresh{i}")
        assert _index_files(tmp_path / f"inc{i}") == _index_files(tmp_path / f"full{i}"), name
        assert incremental["documents"] == full["documents"]
        if name == "product text":
            assert incremental["analysed"] == 1 and 0 < incremental["lists_scored"] < incremental["terms"] / 4
        if name == "artisan name":  # her page, her product (maker's name) and the story about her
            assert incremental["analysed"] == 3
    eng = Engine(tmp_path / "cache" / "whoosh")  # the CLI's Whoosh index follows the last build
    try:
        assert eng.search("shazia akhter bhat", Filters(locale="en"))[0].title == "Shazia Akhter Bhat"
        assert eng.search("तालीम")[0].url == "/hi/stories/the-talim-code/"
    finally:
        eng.close()


def test_damaged_cache_means_a_full_build(tmp_path):
    content = write_relevance_catalog(tmp_path / "content")
    catalog = load_catalog(content, check_media=False)
    write_index(catalog, tmp_path / "a", tmp_path / "cache")
    (tmp_path / "cache" / "whoosh" / "chinar-corpus.pickle").write_bytes(b"not a pickle")
    stats = write_index(catalog, tmp_path / "b", tmp_path / "cache")
    assert stats["analysed"] == stats["documents"]
    assert _index_files(tmp_path / "a") == _index_files(tmp_path / "b")


def test_write_callback_gets_the_same_files(tmp_path):
    """The build hands files to its output tree directly (``write=``) instead of a temporary folder."""
    content = write_relevance_catalog(tmp_path / "content")
    catalog = load_catalog(content, check_media=False)
    write_index(catalog, tmp_path / "a", tmp_path / "cache")
    got: dict[str, bytes] = {}
    stats = write_index(catalog, None, tmp_path / "cache", write=got.__setitem__)
    assert got == {f"search-index/{k}": v for k, v in _index_files(tmp_path / "a").items()}
    assert stats["files"] == len(got)


def test_numpy_path_gives_the_same_lists_and_files(tmp_path, monkeypatch):
    """Long lists are scored and encoded with numpy: the same integers and bytes as plain Python, for
    every list of a catalog whose common words fill several slices (and in the exported files)."""
    import numpy as np

    from chinar.search import corpus as corpus_mod
    from chinar.search import export
    from chinar.search.engine import read_sidecar

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=300, products=2)
    catalog = load_catalog(content, check_media=False)
    monkeypatch.setattr(export, "ARRAY_MIN", 10**9)
    write_index(catalog, tmp_path / "plain", tmp_path / "cache-plain")
    monkeypatch.setattr(export, "ARRAY_MIN", 0)
    write_index(catalog, tmp_path / "numpy", tmp_path / "cache-numpy")
    assert _index_files(tmp_path / "plain") == _index_files(tmp_path / "numpy")

    cache = tmp_path / "cache-plain" / "whoosh"
    found = corpus_mod.load_corpus(cache, read_sidecar(cache)["generation"])
    combo = [(i * 7919) % 300 for i in range(found.count)]  # any combination numbers, some above 127
    combo_bytes = [export._varint(c) for c in combo]
    lex = found.lexicon()
    keys = sorted(set(lex.main) | lex.components)
    longest = max(len(found.list_scores(k)) for k in keys)
    assert longest > export.FIRST_SLICE * 2  # several slices
    for key in keys:
        assert export.encode_list_array(found, key, np.array(combo)) == \
            export.encode_list(found, key, combo_bytes), key
