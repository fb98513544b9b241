"""Catalog -> analysed documents -> postings and BM25F scores, in memory, reusing the last build's work.

The static export reads its scores from here rather than from Whoosh: writing a Whoosh segment costs
tens of microseconds per posting in pure Python, far too slow for a 100,000-page build. The numbers are
Whoosh's own — ``field_scores`` applies Whoosh's BM25F formula to the same statistics Whoosh keeps
(document count, document frequency, total field length, per-document field length quantised to
Whoosh's length byte) — and ``index.merge_scores`` turns them into list scores for both this module
and ``index.ScoreSource`` (the Whoosh reader ``chinar search`` uses), so the browser and the command
line rank with the same integers. ``tests/test_search.py`` checks every list against Whoosh's.

**Incremental.** Each document's analysed terms are cached in ``<cache>/whoosh/chinar-corpus.pickle``
together with its inputs: the id and content hash of its record and of every record it read (craft and
district names, a product's maker...). A document whose inputs are unchanged is not analysed again;
alias groups are re-matched from the cached terms only when the alias phrases change. A missing,
unreadable or foreign cache means analysing everything, never a wrong result.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import pickle
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.util.numeric import byte_to_length, length_to_byte

from ..content import Catalog, Record
from . import analysis
from .documents import (
    SEARCH_TYPES,
    AliasMatcher,
    ReadLog,
    SearchDoc,
    first_image,
    record_document,
    sort_key,
)

log = logging.getLogger(__name__)

MAIN_FIELDS = ("title", "craft", "district", "body")
FIELDS = (*MAIN_FIELDS, "fold", "xs", "alias")
CACHE_FILE = "chinar-corpus.pickle"
CACHE_VERSION = 1
B, K1 = 0.75, 1.2  # Whoosh's BM25F defaults, as index.weighting() uses them

# A cached document: its inputs, what a result shows, and its terms per field of FIELDS (space-joined,
# in text order; fold and xs follow from the main fields, alias from them and the alias phrases).
Inputs = tuple[tuple[str, str, str, str], ...]  # (type, key, locale, content hash) of each record read


@dataclass
class Entry:
    inputs: Inputs
    doc: SearchDoc  # fields emptied: the text is not needed once analysed
    terms: tuple[str, ...]


def code_signature() -> str:
    """Hash of the code that turns records into cached entries: other code means other entries."""
    h = hashlib.sha256(str(CACHE_VERSION).encode())
    here = Path(__file__).resolve().parent
    for path in (here / "analysis.py", here / "documents.py", here / "corpus.py", here.parent / "urls.py",
                 here.parent / "richtext.py"):
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


def phrases_signature(phrases: dict[tuple[str, ...], list[str]]) -> str:
    return hashlib.sha256(repr(sorted(phrases.items())).encode()).hexdigest()[:20]


def analyse(doc: SearchDoc, matcher: AliasMatcher) -> tuple[str, ...]:
    """The terms of each field of FIELDS for one document (what the Whoosh analyzers would produce):
    main terms per field; fold and skeleton of every main term (in order); alias groups matched per field."""
    main = []
    folds: list[str] = []
    skels: list[str] = []
    groups: set[str] = set()
    for name in MAIN_FIELDS:
        terms, f, s = analysis.analyse(doc.fields[name])
        main.append(" ".join(terms))
        folds += f
        skels += s
        matcher.groups(terms, groups)
    return (*main, " ".join(folds), " ".join(skels), " ".join(sorted(groups)))


def realias(terms: tuple[str, ...], matcher: AliasMatcher) -> tuple[str, ...]:
    """A cached entry's terms with its alias groups matched again (the alias phrases changed)."""
    groups: set[str] = set()
    for text in terms[:len(MAIN_FIELDS)]:
        matcher.groups(text.split(), groups)
    return (*terms[:-1], " ".join(sorted(groups)))


class _Hashes:
    """Content hash of records by id: the loader's ``_hash``, or a hash of the record for in-memory ones."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.memo: dict[tuple[str, str, str], str] = {}

    def of_record(self, rec: Record | None) -> str:
        if rec is None:
            return "-"
        found = rec.get("_hash")
        if found is None:
            found = hashlib.sha256(json.dumps(rec, sort_keys=True, default=str).encode()).hexdigest()[:20]
        return found

    def __call__(self, ident: tuple[str, str, str]) -> str:
        found = self.memo.get(ident)
        if found is None:
            found = self.memo[ident] = self.of_record(self.catalog.get(*ident))
        return found


def _load_cache(path: Path, signature: str) -> dict:
    try:
        with path.open("rb") as f:
            data = pickle.load(f)
        if not isinstance(data, dict) or data.get("signature") != signature:
            raise ValueError("cache from other code")
        return data
    except FileNotFoundError:
        return {}
    except Exception as exc:  # noqa: BLE001 - any damage means: analyse everything again
        log.warning("search cache %s is unusable (%s): analysing every document", path, exc)
        return {}


@dataclass
class Corpus:
    """The analysed documents in document order, with postings built on demand."""

    entries: list[Entry]
    phrases: dict[tuple[str, ...], list[str]]
    stats: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._postings: list[dict[str, tuple[list[int], list[int]]]] | None = None
        self._component_cache: dict[tuple[int, str], dict[int, float]] = {}
        self._boost: list[float] | None = None
        self._singles: dict[str, list[str]] = {}

    def generation(self) -> str:
        """Hash of what the Whoosh index is made of (documents in order, their stored fields and terms)."""
        h = hashlib.sha256(phrases_signature(self.phrases).encode())
        for e in self.entries:
            d = e.doc
            h.update(repr((d.ref, d.crafts, d.districts, d.band, d.url, d.title, e.terms)).encode())
        return h.hexdigest()[:20]

    def whoosh_documents(self) -> list[tuple[SearchDoc, tuple[str, ...]]]:
        return [(e.doc, e.terms) for e in self.entries]

    @property
    def docs(self) -> list[SearchDoc]:
        return [e.doc for e in self.entries]

    # -- postings and statistics, as Whoosh keeps them ------------------------------------------

    def _build_postings(self) -> None:
        count = len(self.entries)
        postings: list[dict[str, tuple[list[int], list[int]]]] = [{} for _ in FIELDS]
        norms: list[list[float]] = [[0.0] * count for _ in FIELDS]
        totals = [0] * len(FIELDS)
        lengths: list[list[int]] = [[0] * count for _ in FIELDS]
        for docnum, entry in enumerate(self.entries):
            for f, text in enumerate(entry.terms):
                if not text:
                    continue
                tokens = text.split()
                lengths[f][docnum] = len(tokens)
                totals[f] += len(tokens)
                post = postings[f]
                for term, tf in Counter(tokens).items():
                    p = post.get(term)
                    if p is None:
                        post[term] = ([docnum], [tf])
                    else:
                        p[0].append(docnum)
                        p[1].append(tf)
        # Whoosh: avg_field_length = total / doc count (or 1 when 0); the length of a document's field
        # as the scorer sees it went through Whoosh's one-byte length encoding.
        self.avgfl = [(totals[f] / (count or 1)) or 1 for f in range(len(FIELDS))]
        quantised = {n: byte_to_length(length_to_byte(n)) for lens in lengths for n in set(lens)}
        for f in range(len(FIELDS)):
            avgfl = self.avgfl[f]
            # K1 * ((1 - B) + B * fl / avgfl): the document part of Whoosh's bm25(), same operations.
            norm_of = {n: K1 * ((1 - B) + B * quantised[n] / avgfl) for n in set(lengths[f])}
            norms[f] = [norm_of[n] for n in lengths[f]]
        self._postings, self._norms, self._count = postings, norms, count

    def field_scores(self, field_name: str, text: str) -> dict[int, float]:
        """BM25F score of ``text`` in a field for every document containing it: Whoosh's ``bm25()``."""
        if self._postings is None:
            self._build_postings()
        f = FIELDS.index(field_name)
        if f >= len(MAIN_FIELDS):  # fold, skeleton and alias lists are merged into many main lists
            found = self._component_cache.get((f, text))
            if found is not None:
                return found
        p = self._postings[f].get(text)
        if p is None:
            return {}
        docs, tfs = p
        idf = math.log(self._count / (len(docs) + 1)) + 1
        norms = self._norms[f]
        k1p1 = K1 + 1
        out = {d: idf * ((tf * k1p1) / (tf + norms[d])) for d, tf in zip(docs, tfs, strict=True)}
        if f >= len(MAIN_FIELDS):
            self._component_cache[(f, text)] = out
        return out

    def list_scores(self, key: str) -> dict[int, int]:
        """docnum -> quantised score of one exported list (``index.merge_scores`` over these postings)."""
        from .index import TYPE_BOOST, merge_scores, single_aliases

        if self._boost is None:
            self._boost = [TYPE_BOOST[e.doc.type] for e in self.entries]
            self._singles = single_aliases(self.phrases)
        return merge_scores(key, self.field_scores, self._singles, self._boost)

    def lexicon(self) -> CorpusLexicon:
        if self._postings is None:
            self._build_postings()
        return CorpusLexicon(self._postings)


class CorpusLexicon:
    """The dictionary as the export needs it (the same as ``engine.WhooshLexicon`` reads from Whoosh)."""

    def __init__(self, postings: list[dict[str, tuple[list[int], list[int]]]]) -> None:
        main: dict[str, int] = {}
        for f in range(len(MAIN_FIELDS)):
            for term, (docs, _tfs) in postings[f].items():
                main[term] = main.get(term, 0) + len(docs)
        self.main = dict(sorted(main.items()))
        self.components: set[str] = set()
        from .index import COMPONENTS

        for prefix, (name, _w) in COMPONENTS.items():
            self.components.update(prefix + t for t in postings[FIELDS.index(name)])
        key_fields = ("title", "craft", "district")
        self.key_terms = sorted({t for name in key_fields for t in postings[FIELDS.index(name)] if len(t) >= 4})


def build_corpus(catalog: Catalog, phrases: dict[tuple[str, ...], list[str]], cache_dir: Path,
                 thumbnail: Callable[[dict], str | None] | None = None) -> Corpus:
    """Every search document of ``catalog`` analysed, reusing cached entries whose inputs are unchanged.

    Thumbnails are asked for every document on every build (the image pipeline writes only the
    renditions it was asked for); everything else of an unchanged document comes from the cache.
    """
    path = Path(cache_dir) / "whoosh" / CACHE_FILE
    signature = code_signature()
    cache = _load_cache(path, signature)
    cached: dict[tuple[str, str, str], Entry] = cache.get("entries", {})
    same_phrases = cache.get("phrases") == phrases_signature(phrases)
    matcher = AliasMatcher(phrases)
    hashes = _Hashes(catalog)
    entries: dict[tuple[str, str, str], Entry] = {}
    stats = {"analysed": 0, "reused": 0, "realiased": 0}
    for rec in catalog.iter_records():
        if rec["type"] not in SEARCH_TYPES:
            continue
        ident = (rec["type"], rec["translation_key"], rec["locale"])
        old = cached.get(ident)
        if old is not None and old.inputs[0][3] == hashes.of_record(rec) \
                and all(hashes(i[:3]) == i[3] for i in old.inputs[1:]):
            entry = old
            if same_phrases:
                stats["reused"] += 1
            else:
                entry = Entry(entry.inputs, entry.doc, realias(entry.terms, matcher))
                stats["realiased"] += 1
        else:
            reads = ReadLog(catalog)
            doc = record_document(reads, rec)  # type: ignore[arg-type] - reads only through get()
            inputs = ((*ident, hashes.of_record(rec)),
                      *((*i, hashes(i)) for i in sorted(set(reads.read))))
            entry = Entry(inputs, doc, analyse(doc, matcher))
            entry.doc.fields = {}
            stats["analysed"] += 1
        entries[ident] = entry
    ordered = sorted(entries.values(), key=lambda e: sort_key(e.doc))
    for e in ordered:
        image = first_image(catalog.get(e.doc.type, e.doc.key, e.doc.locale))
        e.doc.thumb = thumbnail(image) if (thumbnail and image) else None
    corpus = Corpus(ordered, phrases, stats)
    _save_cache(path, {"signature": signature, "phrases": phrases_signature(phrases), "entries": entries,
                       "order": [(e.doc.type, e.doc.key, e.doc.locale) for e in ordered],
                       "generation": corpus.generation()})
    log.info("search documents: %(analysed)d analysed, %(reused)d reused, %(realiased)d re-matched aliases",
             stats)
    return corpus


def load_corpus(directory: Path, generation: str) -> Corpus | None:
    """The corpus the last build wrote to ``directory`` if it is of ``generation`` (else None)."""
    try:
        with (Path(directory) / CACHE_FILE).open("rb") as f:
            data = pickle.load(f)
        if data.get("generation") != generation:
            return None
        entries = [data["entries"][ident] for ident in data["order"]]
    except (OSError, pickle.UnpicklingError, KeyError, AttributeError, EOFError, TypeError):
        return None
    return Corpus(entries, {})


def _save_cache(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
