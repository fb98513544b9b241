"""Catalog -> analysed documents -> postings and BM25F scores, in memory, updated incrementally.

The static export reads its scores from here rather than from Whoosh: Whoosh's pure-Python writer costs
tens of microseconds per posting, far too slow for a 100,000-page build. The numbers are Whoosh's own —
``field_scores`` applies Whoosh's ``bm25()`` to the statistics Whoosh keeps (document count, document
frequency, total field length, each document's field length through Whoosh's one-byte length encoding)
— and ``scoring.merge_scores`` turns them into list scores for both this module and ``index.ScoreSource``
(the Whoosh reader of ``chinar search``), so the browser and the command line rank with the same
integers. ``tests/test_search.py`` compares every list with Whoosh's.

**Incremental.** ``<cache>/whoosh/chinar-corpus.pickle`` keeps, from the last build that exported:
each document's analysed terms with its *inputs* (the id and content hash of its record and of every
record it read: craft and district names, a product's maker...), the postings, and every exported
list's encoded slices. On the next build:

- a document whose inputs are unchanged is not analysed again (alias groups are re-matched from its
  cached terms when the alias phrases changed);
- when the documents are the same ones in the same order (edits), the postings of the changed
  documents are patched in place, and only the lists that read a changed posting are scored and
  encoded again (``is_dirty``); every other list's bytes come from the cache;
- when documents were added, removed or reordered, everything is scored again (from cached terms).

Corpus statistics move a little with every edit; the average field length is rounded to 3 significant
digits (``scoring.quantise_avgfl``, on both sides) so an edit rarely changes it, and lists that do not
contain an edited word keep their bytes. A missing, unreadable or foreign cache means a full build,
never a wrong one.
"""

from __future__ import annotations

import bisect
import hashlib
import logging
import math
import os
import pickle
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.util.numeric import byte_to_length, length_to_byte

from ..catalog import Catalog, Record
from ..record_types import SEARCH_TYPES
from . import analysis
from .documents import (
    AliasMatcher,
    ReadLog,
    SearchDoc,
    alias_groups,
    alias_phrases,
    first_image,
    record_document,
    sort_key,
)
from .scoring import (
    COMPONENTS,
    FIELDS,
    K1,
    KEY_FIELDS,
    MAIN_FIELDS,
    N_MAIN,
    TYPE_BOOST,
    B,
    merge_scores,
    merge_scores_array,
    quantise_avgfl,
    single_aliases,
)

log = logging.getLogger(__name__)

CACHE_FILE = "chinar-corpus.pickle"
CACHE_VERSION = 2

Ident = tuple[str, str, str]  # (type, translation key, locale)
Inputs = tuple[tuple[str, str, str, str], ...]  # (type, key, locale, content hash) of each record read
Postings = dict[str, tuple[array, array]]  # term -> (document numbers, term frequencies), ascending
Encoded = tuple[int, list[tuple[bytes, int, int]]]  # (df, [(slice bytes, postings, top score)])


@dataclass
class Entry:
    """A cached document: its inputs, what a result shows, and its terms per field of FIELDS
    (space-joined, in text order; fold and xs follow from the main fields, alias from them and the
    alias phrases)."""

    inputs: Inputs
    doc: SearchDoc  # fields emptied: the text is not needed once analysed
    terms: tuple[str, ...]


def code_signature() -> str:
    """Hash of the code that turns records into cached entries and scores: other code, other cache."""
    h = hashlib.sha256(str(CACHE_VERSION).encode())
    here = Path(__file__).resolve().parent
    for path in (here / "analysis.py", here / "documents.py", here / "corpus.py", here / "index.py",
                 here / "scoring.py", here / "export.py", here.parent / "urls.py", here.parent / "richtext.py"):
        h.update(path.read_bytes())
    return h.hexdigest()[:20]


def phrases_signature(phrases: dict[tuple[str, ...], list[str]]) -> str:
    return hashlib.sha256(repr(sorted(phrases.items())).encode()).hexdigest()[:20]


# -- analysis of one document ---------------------------------------------------------------------------

def analyse(doc: SearchDoc, matcher: AliasMatcher) -> tuple[str, ...]:
    """The terms of each field of FIELDS for one document (what Whoosh's analyzers would produce):
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
    for text in terms[:N_MAIN]:
        matcher.groups(text.split(), groups)
    return (*terms[:-1], " ".join(sorted(groups)))


class _Hashes:
    """Content hash of records by id: the loader's ``_hash``, or a hash of the record for in-memory ones."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.memo: dict[Ident, str] = {}

    @staticmethod
    def of_record(rec: Record | None) -> str:
        if rec is None:
            return "-"
        found = rec.get("_hash")
        if found is None:
            # A record made in memory (benchmarks, tests): equal content in another key order only
            # costs a cache miss, never a false hit.
            found = hashlib.sha256(repr(rec).encode()).hexdigest()[:20]
        return found

    def __call__(self, ident: Ident) -> str:
        found = self.memo.get(ident)
        if found is None:
            found = self.memo[ident] = self.of_record(self.catalog.get(*ident))
        return found


# -- the persistent state -------------------------------------------------------------------------------

@dataclass
class State:
    """What one build leaves for the next (pickled as a whole, after a successful export)."""

    signature: str = ""
    phrases: str = ""
    entries: dict[Ident, Entry] = field(default_factory=dict)
    order: list[Ident] = field(default_factory=list)
    postings: list[Postings] = field(default_factory=list)
    lengths: list[array] = field(default_factory=list)
    avgfl: tuple[float, ...] = ()
    layout: str = ""  # hash of the document order, types and facet combinations the lists were encoded with
    lists: dict[str, Encoded] = field(default_factory=dict)
    generation: str = ""
    derived: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # main key -> fold, skeleton

    # Pickled as a few big arrays and flat tuples: a hundred thousand small objects (dataclasses,
    # arrays) would take seconds to load, on every build.
    def __getstate__(self) -> dict:
        d = dict(self.__dict__)
        d["entries"] = [(e.inputs, _doc_tuple(e.doc), e.terms) for e in (self.entries[i] for i in self.order)]
        packed = []
        for post in self.postings:
            terms = sorted(post)
            bounds = array("Q", [0])
            docs, tfs = array("I"), array("I")
            for t in terms:
                ds, fs = post[t]
                docs += ds
                tfs += fs
                bounds.append(len(docs))
            packed.append((terms, bounds, docs, tfs))
        d["postings"] = packed
        d["lists"] = {k: (n, b"".join(x[0] for x in sl), tuple(v for x in sl for v in (len(x[0]), x[1], x[2])))
                      for k, (n, sl) in self.lists.items()}
        return d

    def __setstate__(self, d: dict) -> None:
        d["entries"] = {ident: Entry(inputs, SearchDoc(*doc), terms)
                        for ident, (inputs, doc, terms) in zip(d["order"], d["entries"], strict=True)}
        d["postings"] = [PackedPostings(*packed) for packed in d["postings"]]
        lists = {}
        for k, (n, blob, meta) in d["lists"].items():
            sl, at = [], 0
            for i in range(0, len(meta), 3):
                sl.append((blob[at:at + meta[i]], meta[i + 1], meta[i + 2]))
                at += meta[i]
            lists[k] = (n, sl)
        d["lists"] = lists
        self.__dict__.update(d)


class PackedPostings(MutableMapping):
    """One field's postings as loaded from the cache: term -> (documents, frequencies), sliced out of
    three big arrays only when asked for (most builds read a few lists). Changes go to an overlay."""

    def __init__(self, terms: list[str], bounds: array, docs: array, tfs: array) -> None:
        self._index = dict(zip(terms, range(len(terms)), strict=True))
        self._bounds, self._docs, self._tfs = bounds, docs, tfs
        self._overlay: dict[str, tuple[array, array] | None] = {}

    def __getitem__(self, term: str) -> tuple[array, array]:
        if term in self._overlay:
            found = self._overlay[term]
            if found is None:
                raise KeyError(term)
            return found
        i = self._index[term]
        a, b = self._bounds[i], self._bounds[i + 1]
        found = self._overlay[term] = (self._docs[a:b], self._tfs[a:b])  # callers may change it in place
        return found

    def __setitem__(self, term: str, value: tuple[array, array]) -> None:
        self._overlay[term] = value

    def __delitem__(self, term: str) -> None:
        if term not in self:
            raise KeyError(term)
        self._overlay[term] = None

    def __contains__(self, term: object) -> bool:
        if term in self._overlay:
            return self._overlay[term] is not None
        return term in self._index

    def __iter__(self) -> Iterator[str]:
        for term in self._index:
            if self._overlay.get(term, True) is not None:
                yield term
        for term, value in self._overlay.items():
            if value is not None and term not in self._index:
                yield term

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def df(self, term: str) -> int:
        """Number of documents holding ``term`` without slicing its postings."""
        if term in self._overlay:
            found = self._overlay[term]
            return len(found[0]) if found else 0
        i = self._index[term]
        return self._bounds[i + 1] - self._bounds[i]


def _doc_tuple(doc: SearchDoc) -> tuple:
    return (doc.type, doc.key, doc.locale, doc.url, doc.title, {}, doc.crafts, doc.districts, doc.price, None)


def load_state(directory: Path, signature: str | None = None) -> State | None:
    try:
        with (Path(directory) / CACHE_FILE).open("rb") as f:
            state = pickle.load(f)
        if not isinstance(state, State):
            raise ValueError("not a search state")
        if signature is not None and state.signature != signature:
            raise ValueError("cache from other code")
        return state
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - any damage means: start from scratch
        log.warning("search cache in %s is unusable (%s): full index build", directory, exc)
        return None


def save_state(directory: Path, state: State) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / CACHE_FILE
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as f:
        pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


# -- the corpus of one build ----------------------------------------------------------------------------

def _length_norm(length: int, avgfl: float) -> float:
    """K1 * ((1 - B) + B * fl / avgfl): the document part of Whoosh's bm25(), same operations, with fl
    the length Whoosh's one-byte encoding gives back."""
    return K1 * ((1 - B) + B * byte_to_length(length_to_byte(length)) / avgfl)


class Corpus:
    """The analysed documents in document order, their postings and Whoosh's statistics over them."""

    def __init__(self, entries: list[Entry], phrases: dict[tuple[str, ...], list[str]], postings: list[Postings],
                 lengths: list[array], dirty: list[set[str]] | None, stats: dict[str, int] | None = None,
                 previous: State | None = None, kept: KeptOrder | None = None,
                 changed_at: list[int] | None = None) -> None:
        self.entries = entries
        self.phrases = phrases
        self.postings = postings
        self.lengths = lengths
        self.dirty = dirty  # per field, the terms whose postings changed since ``previous``; None: all
        self.stats = stats or {}
        self.previous = previous
        self.count = len(entries)
        # Whoosh: avg_field_length = total / doc count (or 1 when 0), here rounded (see index).
        self.avgfl = tuple(quantise_avgfl((sum(lens) / (self.count or 1)) or 1) for lens in lengths)
        self._norms: list[list[float] | None] = [None] * len(FIELDS)
        self._component_cache: dict[tuple[int, str], dict[int, float]] = {}
        self._array_cache: dict[tuple[int, str], tuple] = {}
        self._norm_arrays: list = [None] * len(FIELDS)
        self._boost_array = None
        self.changed: dict[Ident, Entry] | None = None  # the entries patch_corpus replaced
        # The document numbers of those entries: an export compares only these with the last one's.
        self.changed_at = changed_at
        if kept is not None:  # an edit in place: the types and order are the last corpus's
            self._docs, self._boost, self._boost_array = kept.docs, kept.boost, kept.boost_array
            self._norms, self._norm_arrays = kept.norms_for(self.avgfl, lengths, changed_at or [])
        else:
            self._docs = None
            self._boost = [TYPE_BOOST[e.doc.type] for e in entries]
        self._singles = single_aliases(phrases)
        self._fields = {name: i for i, name in enumerate(FIELDS)}

    @property
    def docs(self) -> list[SearchDoc]:
        if self._docs is not None:
            return self._docs
        return [e.doc for e in self.entries]

    def _norm(self, f: int) -> list[float]:
        norms = self._norms[f]
        if norms is None:
            avgfl = self.avgfl[f]
            of = {n: _length_norm(n, avgfl) for n in set(self.lengths[f])}
            norms = self._norms[f] = [of[n] for n in self.lengths[f]]
        return norms

    def field_scores(self, field_name: str, text: str) -> dict[int, float]:
        """BM25F score of ``text`` in a field for every document containing it: Whoosh's ``bm25()``."""
        f = self._fields[field_name]
        if f >= N_MAIN:  # fold, skeleton and alias lists are merged into many main lists
            found = self._component_cache.get((f, text))
            if found is not None:
                return found
        p = self.postings[f].get(text)
        if p is None:
            return {}
        docs, tfs = p
        idf = math.log(self.count / (len(docs) + 1)) + 1
        norms = self._norm(f)
        k1p1 = K1 + 1
        out = {d: idf * ((tf * k1p1) / (tf + norms[d])) for d, tf in zip(docs, tfs, strict=True)}
        if f >= N_MAIN:
            self._component_cache[(f, text)] = out
        return out

    def field_scores_array(self, field_name: str, text: str) -> tuple | None:
        """``field_scores`` as numpy arrays (document numbers, scores): the same operations, vectorised."""
        import numpy as np

        f = self._fields[field_name]
        found = self._array_cache.get((f, text))
        if found is not None:
            return found
        p = self.postings[f].get(text)
        if p is None:
            return None
        docs, tfs = p
        idf = math.log(self.count / (len(docs) + 1)) + 1
        norms = self._norm_arrays[f]
        if norms is None:
            norms = self._norm_arrays[f] = np.array(self._norm(f), dtype=np.float64)
        d = np.frombuffer(docs, dtype=np.uint32).astype(np.intp)
        tf = np.frombuffer(tfs, dtype=np.uint32).astype(np.float64)
        found = (d, idf * ((tf * (K1 + 1)) / (tf + norms[d])))
        if f >= N_MAIN:
            self._array_cache[(f, text)] = found
        return found

    def list_size(self, key: str) -> int:
        """How many postings the main (or component) fields hold for a list key: its cost to score."""
        if key[:1] in COMPONENTS:
            fields = [self._fields[COMPONENTS[key[0]][0]]]
            key = key[1:]
        else:
            fields = list(range(N_MAIN))
        total = 0
        for f in fields:
            post = self.postings[f]
            if isinstance(post, PackedPostings):
                total += post.df(key) if key in post else 0
            else:
                found = post.get(key)
                total += len(found[0]) if found else 0
        return total

    def list_scores_array(self, key: str) -> tuple | None:
        """``list_scores`` as arrays (document numbers ascending, scores), or None for an empty list."""
        import numpy as np

        if self._boost_array is None:
            self._boost_array = np.array(self._boost, dtype=np.float64)
        return merge_scores_array(key, self.field_scores_array, self._singles, self._boost_array)

    def list_scores(self, key: str) -> dict[int, int]:
        """docnum -> quantised score of one exported list (``scoring.merge_scores`` over these postings)."""
        return merge_scores(key, self.field_scores, self._singles, self._boost)

    def lexicon(self) -> CorpusLexicon:
        return CorpusLexicon(self.postings)

    # -- what the last build's lists can be reused for -------------------------------------------------

    def reusable(self, layout: str) -> dict[str, Encoded]:
        """The previous build's encoded lists that are still valid if nothing they read changed.

        ``layout`` stands for the document numbers, types and facet combinations lists are encoded
        with: when it differs (documents added, removed, moved, facets renumbered) nothing is reused.
        """
        prev = self.previous
        if self.dirty is None or prev is None or prev.layout != layout or len(prev.avgfl) != len(FIELDS) \
                or prev.phrases != phrases_signature(self.phrases):
            return {}  # other alias phrases change which alias lists a main list merges: score everything
        changed = [prev.avgfl[f] != self.avgfl[f] for f in range(len(FIELDS))]
        if any(changed[:N_MAIN]):
            return {}  # every main list reads a main field
        dirty = self.dirty
        if not any(changed) and not any(dirty):
            return dict(prev.lists)
        derived = prev.derived

        def fold(key: str) -> str | None:
            found = derived.get(key)
            return found[0] if found else analysis.fold(key)

        def skel(key: str) -> str | None:
            found = derived.get(key)
            return found[1] if found else analysis.skeleton(key)

        out: dict[str, Encoded] = {}
        component = {prefix: FIELDS.index(name) for prefix, (name, _w) in COMPONENTS.items()}
        main_dirty = set().union(*dirty[:N_MAIN])
        any_component_changed = any(changed[N_MAIN:])
        folds, skels, aliases, singles = dirty[4], dirty[5], dirty[6], self._singles
        for key, encoded in prev.lists.items():
            f = component.get(key[:1])
            if f is not None:
                if changed[f] or key[1:] in dirty[f]:
                    continue
            else:
                if any_component_changed or key in main_dirty:
                    continue
                if folds or skels:
                    fk, sk = fold(key), skel(key)
                    if (fk and fk in folds) or (sk and sk in skels):
                        continue
                if aliases and key in singles and any(g in aliases for g in singles[key]):
                    continue
            out[key] = encoded
        return out

    def state(self, signature: str, layout: str, lists: dict[str, Encoded]) -> State:
        prev = self.previous.derived if self.previous else {}
        derived = {}
        for key in lists:
            if key[:1] not in "~#@":
                found = prev.get(key)
                derived[key] = found if found else (analysis.fold(key), analysis.skeleton(key))
        return State(signature=signature, phrases=phrases_signature(self.phrases),
                     entries={(e.doc.type, e.doc.key, e.doc.locale): e for e in self.entries},
                     order=[(e.doc.type, e.doc.key, e.doc.locale) for e in self.entries],
                     postings=self.postings, lengths=self.lengths, avgfl=self.avgfl, layout=layout, lists=lists,
                     generation=self.generation(), derived=derived)

    def unchanged_since_last_build(self, layout: str, lists: dict[str, Encoded]) -> bool:
        """True when the cached state already describes this build exactly (nothing to save)."""
        prev = self.previous
        return (prev is not None and self.dirty is not None and not any(self.dirty)
                and self.stats.get("analysed") == 0 and self.stats.get("realiased") == 0
                and prev.layout == layout and prev.avgfl == self.avgfl and prev.lists.keys() == lists.keys())

    def generation(self) -> str:
        """Hash of what the Whoosh index is made of (documents in order, their stored fields and terms)."""
        return generation_of(phrases_signature(self.phrases), self.entries)

    def whoosh_documents(self) -> Iterable[tuple[SearchDoc, tuple[str, ...]]]:
        return ((e.doc, e.terms) for e in self.entries)


def generation_of(phrases: str, entries: Iterable[Entry]) -> str:
    """``Corpus.generation`` from the alias phrases' signature and the entries in document order."""
    h = hashlib.sha256(phrases.encode())
    for e in entries:
        d = e.doc
        h.update(repr((d.ref, d.crafts, d.districts, d.band, d.url, d.title, e.terms)).encode())
    return h.hexdigest()[:20]


class CorpusLexicon:
    """The dictionary as the export needs it (what ``engine.WhooshLexicon`` reads from Whoosh)."""

    def __init__(self, postings: list[Postings]) -> None:
        main: dict[str, int] = {}
        for f in range(N_MAIN):
            post = postings[f]
            if isinstance(post, PackedPostings):
                counts = ((t, post.df(t)) for t in post)
            else:
                counts = ((t, len(docs)) for t, (docs, _tfs) in post.items())
            for term, n in counts:
                main[term] = main.get(term, 0) + n
        self.main = dict(sorted(main.items()))
        self.components: set[str] = set()
        for prefix, (name, _w) in COMPONENTS.items():
            self.components.update(prefix + t for t in postings[FIELDS.index(name)])
        self.key_terms = sorted({t for name in KEY_FIELDS for t in postings[FIELDS.index(name)] if len(t) >= 4})
        # Against the lexicon this one was patched from: False (the same list keys), (added, removed)
        # list keys, or True (unknown: a lexicon made from scratch).
        self.terms_changed: bool | tuple[set[str], set[str]] = True

    @classmethod
    def patched(cls, previous: CorpusLexicon, postings: list[Postings], dirty: list[set[str]]) -> CorpusLexicon:
        """``previous`` brought up to date with ``postings`` where only the ``dirty`` terms (per field)
        changed: what ``CorpusLexicon(postings)`` gives, in time proportional to the edit."""
        new = cls.__new__(cls)
        main, components = dict(previous.main), set(previous.components)
        added: set[str] = set()
        removed: set[str] = set()

        def df(f: int, term: str) -> int:
            post = postings[f]
            if isinstance(post, PackedPostings):
                return post.df(term) if term in post else 0
            found = post.get(term)
            return len(found[0]) if found else 0

        for term in set().union(*dirty[:N_MAIN]):
            n = sum(df(f, term) for f in range(N_MAIN))
            if n:
                if term not in main:
                    added.add(term)
                main[term] = n
            elif term in main:
                del main[term]
                removed.add(term)
        for prefix, (name, _w) in COMPONENTS.items():
            f = FIELDS.index(name)
            for term in dirty[f]:
                key = prefix + term
                if term in postings[f]:
                    if key not in components:
                        components.add(key)
                        added.add(key)
                elif key in components:
                    components.discard(key)
                    removed.add(key)
        key_fields = [FIELDS.index(name) for name in KEY_FIELDS]
        key_terms = previous.key_terms
        candidates = {t for f in key_fields for t in dirty[f] if len(t) >= 4}
        if candidates:
            before_terms = set(key_terms)
            present = set(before_terms)
            for t in candidates:
                if any(t in postings[f] for f in key_fields):
                    present.add(t)
                else:
                    present.discard(t)
            if present != before_terms:
                key_terms = sorted(present)
        new.main = main  # in no particular order: nothing reads it in order
        new.components = components
        new.key_terms = key_terms
        # A main term can also be a component key only with a prefix, so the two never collide.
        new.terms_changed = (added, removed) if added or removed else False
        return new


# -- building ---------------------------------------------------------------------------------------------

def full_postings(entries: list[Entry]) -> tuple[list[Postings], list[array]]:
    """Postings and field lengths of every document, from their analysed terms."""
    count = len(entries)
    building: list[dict[str, tuple[list[int], list[int]]]] = [{} for _ in FIELDS]
    lengths = [[0] * count for _ in FIELDS]
    for docnum, entry in enumerate(entries):
        for f, text in enumerate(entry.terms):
            if not text:
                continue
            tokens = text.split()
            lengths[f][docnum] = len(tokens)
            post = building[f]
            for term, tf in Counter(tokens).items():
                p = post.get(term)
                if p is None:
                    post[term] = ([docnum], [tf])
                else:
                    p[0].append(docnum)
                    p[1].append(tf)
    postings = [{t: (array("I", d), array("I", tf)) for t, (d, tf) in post.items()} for post in building]
    return postings, [array("I", lens) for lens in lengths]


def patch_postings(state: State, entries: list[Entry], docnums: Iterable[int] | None = None) -> list[set[str]]:
    """Update ``state``'s postings and lengths in place from its documents to ``entries`` (the same
    documents in the same order); return, per field, the terms whose postings changed. ``docnums``:
    the only documents that may have changed, when the caller knows."""
    dirty: list[set[str]] = [set() for _ in FIELDS]
    if docnums is None:
        old_entries = [state.entries[ident] for ident in state.order]
        pairs: Iterable = enumerate(zip(old_entries, entries, strict=True))
    else:
        pairs = ((d, (state.entries[state.order[d]], entries[d])) for d in docnums)
    for docnum, (old, new) in pairs:
        if old.terms == new.terms:
            continue
        for f, (before, after) in enumerate(zip(old.terms, new.terms, strict=True)):
            if before == after:
                continue
            was, now = Counter(before.split()), Counter(after.split())
            state.lengths[f][docnum] = sum(now.values())
            post = state.postings[f]
            for term in was.keys() | now.keys():
                dirty[f].add(term)  # its document frequency, a frequency or this document's length changed
                tf = now.get(term, 0)
                docs, tfs = post.get(term) or (array("I"), array("I"))
                i = bisect.bisect_left(docs, docnum)
                present = i < len(docs) and docs[i] == docnum
                if present and tf:
                    tfs[i] = tf
                elif present:
                    del docs[i]
                    del tfs[i]
                elif tf:
                    docs.insert(i, docnum)
                    tfs.insert(i, tf)
                if docs:
                    post[term] = (docs, tfs)
                else:
                    post.pop(term, None)
    return dirty


def analyse_documents(catalog: Catalog, phrases: dict[tuple[str, ...], list[str]], cached: dict[Ident, Entry],
                      same_phrases: bool, *, analysed: dict[Ident, Entry] | None = None,
                      select: Callable[[Ident], bool] | None = None) -> tuple[dict[Ident, Entry], dict[str, int]]:
    """The search document of each record (``select``: only those it accepts), analysed, or reused from
    ``cached`` (the last build's; its aliases matched again unless ``same_phrases``) or from ``analysed``
    (documents analysed elsewhere with these phrases: a sharded build's shards) where the record and
    everything the document read are unchanged. Returns the entries and counts."""
    matcher = AliasMatcher(phrases)
    hashes = _Hashes(catalog)
    analysed = analysed or {}
    entries: dict[Ident, Entry] = {}
    stats = {"analysed": 0, "reused": 0, "realiased": 0}
    for rec in catalog.iter_records():
        if rec["type"] not in SEARCH_TYPES:
            continue
        ident = (rec["type"], rec["translation_key"], rec["locale"])
        if select is not None and not select(ident):
            continue
        old = analysed.get(ident) or cached.get(ident)
        if old is not None and old.inputs[0][3] == hashes.of_record(rec) \
                and all(hashes(i[:3]) == i[3] for i in old.inputs[1:]):
            if same_phrases or ident in analysed:
                entry = old
                stats["reused"] += 1
            else:
                entry = Entry(old.inputs, old.doc, realias(old.terms, matcher))
                stats["realiased"] += 1
        else:
            reads = ReadLog(catalog)
            doc = record_document(reads, rec)  # type: ignore[arg-type] - it reads only through get()
            inputs = ((*ident, hashes.of_record(rec)), *((*i, hashes(i)) for i in sorted(set(reads.read))))
            entry = Entry(inputs, doc, analyse(doc, matcher))
            doc.fields = {}
            stats["analysed"] += 1
        entries[ident] = entry
    return entries, stats


def build_corpus(catalog: Catalog, phrases: dict[tuple[str, ...], list[str]], cache_dir: Path,
                 thumbnail: Callable[[dict], str | None] | None = None, full: bool = False,
                 previous: State | None = None, analysed: dict[Ident, Entry] | None = None) -> Corpus:
    """Every search document of ``catalog`` analysed, reusing the last build's work where its inputs
    are unchanged (see the module docstring). Thumbnails are asked for every document on every build:
    the image pipeline writes only the renditions it was asked for. ``previous``: the last build's state,
    when the caller kept it in memory (it is patched in place, like one loaded from the cache);
    ``analysed``: documents analysed by the shards of a sharded build (``analyse_documents``)."""
    directory = Path(cache_dir) / "whoosh"
    signature = code_signature()
    if full:
        prev = None
    elif previous is not None and previous.signature == signature:
        prev = previous
    else:
        prev = load_state(directory, signature)
    cached = prev.entries if prev else {}
    same_phrases = prev is not None and prev.phrases == phrases_signature(phrases)
    entries, stats = analyse_documents(catalog, phrases, cached, same_phrases, analysed=analysed)
    ordered = sorted(entries.values(), key=lambda e: sort_key(e.doc))
    for e in ordered:
        image = first_image(catalog.get(e.doc.type, e.doc.key, e.doc.locale))
        e.doc.thumb = thumbnail(image) if (thumbnail and image) else None
    order = [(e.doc.type, e.doc.key, e.doc.locale) for e in ordered]
    if prev is not None and prev.order == order and len(prev.postings) == len(FIELDS):
        dirty: list[set[str]] | None = patch_postings(prev, ordered)
        postings, lengths = prev.postings, prev.lengths
        stats["patched"] = sum(1 for e in ordered if e is not cached.get((e.doc.type, e.doc.key, e.doc.locale)))
    else:
        dirty = None
        postings, lengths = full_postings(ordered)
    log.info("search documents: %(analysed)d analysed, %(reused)d reused, %(realiased)d re-matched aliases",
             stats)
    return Corpus(ordered, phrases, postings, lengths, dirty, stats, prev)


def load_corpus(directory: Path, generation: str) -> Corpus | None:
    """The corpus the last build recorded in ``directory``, if it is of ``generation`` (else None)."""
    state = load_state(directory)
    if state is None or state.generation != generation:
        return None
    try:
        entries = [state.entries[ident] for ident in state.order]
    except KeyError:
        return None
    return Corpus(entries, {}, state.postings, state.lengths, None)


def readers_index(state: State) -> dict[tuple[str, str], set[Ident]]:
    """(type, translation key) -> the documents that read any version of that record (their inputs)."""
    readers: dict[tuple[str, str], set[Ident]] = {}
    for ident, entry in state.entries.items():
        for i in entry.inputs:
            readers.setdefault((i[0], i[1]), set()).add(ident)
    return readers


def patch_corpus(state: State, catalog: Catalog, changed: Iterable[tuple[str, str]],
                 phrases: dict[tuple[str, ...], list[str]], readers: dict[tuple[str, str], set[Ident]],
                 position: dict[Ident, int], thumbnail: Callable[[dict], str | None] | None = None,
                 kept: KeptOrder | None = None) -> Corpus | None:
    """``build_corpus`` for an edit that kept every document and its place, in time proportional to it.

    ``changed``: the (type, key) of the records edited in place since ``state`` was made (a resident
    build's catalog). Only the documents that read them (``readers``, from ``readers_index``) are
    looked at; ``position`` maps a document to its number. ``state`` is patched in place, like
    ``build_corpus`` patches a loaded one, and ``readers`` is updated, and so is ``kept`` (the documents in
    order, made from ``state`` when not given). Returns None, having changed nothing, when the alias
    phrases changed (every document must be matched again): use ``build_corpus``.
    """
    if state.phrases != phrases_signature(phrases) or len(state.postings) != len(FIELDS):
        return None
    matcher = AliasMatcher(phrases)
    hashes = _Hashes(catalog)
    stats = {"analysed": 0, "reused": 0, "realiased": 0}
    if kept is None:
        kept = KeptOrder(state)
    entries = kept.entries
    affected = set().union(*(readers.get(c, ()) for c in changed))
    changed_entries: dict[Ident, Entry] = {}
    for ident in sorted(affected):
        old = state.entries[ident]
        rec = catalog.get(*ident, fallback=False)
        if rec is None:
            raise ValueError(f"search document {ident} has no record: not an in-place edit")
        if old.inputs[0][3] == hashes.of_record(rec) and all(hashes(i[:3]) == i[3] for i in old.inputs[1:]):
            continue
        reads = ReadLog(catalog)
        doc = record_document(reads, rec)  # type: ignore[arg-type] - it reads only through get()
        inputs = ((*ident, hashes.of_record(rec)), *((*i, hashes(i)) for i in sorted(set(reads.read))))
        entry = Entry(inputs, doc, analyse(doc, matcher))
        doc.fields = {}
        if sort_key(doc) != sort_key(old.doc):
            raise ValueError(f"search document {ident} moved: not an in-place edit")
        image = first_image(rec)
        doc.thumb = thumbnail(image) if (thumbnail and image) else None
        for i in old.inputs:
            readers.get((i[0], i[1]), set()).discard(ident)
        for i in inputs:
            readers.setdefault((i[0], i[1]), set()).add(ident)
        kept.replace(position[ident], entry)
        changed_entries[ident] = entry
        stats["analysed"] += 1
    stats["reused"] = len(entries) - stats["analysed"]
    changed_at = sorted(position[i] for i in changed_entries)
    dirty = patch_postings(state, entries, changed_at)
    stats["patched"] = stats["analysed"]
    found = Corpus(entries, phrases, state.postings, state.lengths, dirty, stats, state, kept, changed_at)
    found.changed = changed_entries
    return found


class KeptOrder:
    """A resident build's documents in order, with what scoring reads of each (its type's boost), kept
    from one edit in place to the next and updated where an edit replaced an entry: an edit in place
    keeps every document's identity, type and number, so making these lists again (about 0.15 s at
    100,000 documents) would give the same lists."""

    def __init__(self, state: State) -> None:
        import numpy as np

        self.entries = [state.entries[ident] for ident in state.order]
        self.docs = [e.doc for e in self.entries]
        self.boost = [TYPE_BOOST[d.type] for d in self.docs]
        self.boost_array = np.array(self.boost, dtype=np.float64)
        # Per field, each document's length norm as a list and an array (made when first scored), valid
        # for the average field lengths ``avgfl``.
        self.avgfl: tuple = ()
        self.norms: list = [None] * len(FIELDS)
        self.norm_arrays: list = [None] * len(FIELDS)

    def replace(self, at: int, entry: Entry) -> None:
        """Document ``at`` is now ``entry`` (of the same type: the boosts stay)."""
        self.entries[at] = entry
        self.docs[at] = entry.doc

    def norms_for(self, avgfl: tuple, lengths: list[array], changed_at: list[int]) -> tuple[list, list]:
        """The length norms for a corpus with these average field lengths, whose documents' lengths changed
        at ``changed_at`` only: the kept norms of a field whose average is the same, with those documents'
        worked out again; None (made when first scored) for the others. The lists are this object's, so
        what the corpus makes is kept for the next edit."""
        for f in range(len(FIELDS)):
            if not self.avgfl or self.avgfl[f] != avgfl[f]:
                self.norms[f] = self.norm_arrays[f] = None
                continue
            if self.norms[f] is None and self.norm_arrays[f] is None:
                continue  # not scored yet: made whole when first needed
            for d in changed_at:
                value = _length_norm(lengths[f][d], avgfl[f])
                if self.norms[f] is not None:
                    self.norms[f][d] = value
                if self.norm_arrays[f] is not None:
                    self.norm_arrays[f][d] = value
        self.avgfl = avgfl
        return self.norms, self.norm_arrays


def apply_patch(state: State, corpus: Corpus, layout: str, lists: dict[str, Encoded]) -> None:
    """Make ``state`` describe ``corpus`` after ``patch_corpus`` and an export (what ``Corpus.state``
    builds anew), in time proportional to the edit. Its ``generation`` is left empty: it is computed
    when the state is saved (``finish_state``)."""
    state.entries.update(corpus.changed)
    derived = state.derived
    for key in lists.keys() - state.lists.keys():
        if key[:1] not in "~#@":
            derived[key] = (analysis.fold(key), analysis.skeleton(key))
    for key in state.lists.keys() - lists.keys():
        derived.pop(key, None)
    state.lists, state.layout, state.avgfl, state.generation = lists, layout, corpus.avgfl, ""


def finish_state(state: State) -> State:
    """A patched state made whole for saving: its generation computed."""
    if not state.generation:
        state.generation = generation_of(state.phrases, (state.entries[ident] for ident in state.order))
    return state


class SearchIndex:
    """What an edit in place needs of the search state: the documents reading each record, each document's
    number, and the catalog's alias phrases (which change only with crafts, districts or the alias file,
    none of them edited in place)."""

    def __init__(self, state: State, catalog) -> None:
        self.readers = readers_index(state)
        self.position = {ident: i for i, ident in enumerate(state.order)}
        self.phrases = alias_phrases(alias_groups(catalog))
        self.kept = KeptOrder(state)
