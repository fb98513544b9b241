"""The Whoosh index: schema, building it from analysed documents, and the scores it computes.

``chinar search`` reads scores through ``ScoreSource``, the build through ``corpus.Corpus``; both end in
``merge_scores``, so the browser and the command line rank with the same numbers. A *list key* names one
postings list of the exported index:

- ``pashmina`` (a main term): the word's own list, already merged with its fallbacks:
  ``round(100 * (sum over main fields of weight * BM25F) + 40 * BM25F(fold) + 30 * BM25F(skeleton)
  + 60 * sum BM25F(alias groups)))``. A query word found in the dictionary needs only this one list.
- ``~कल`` (vowel-folded), ``#psmn`` (skeleton), ``@c.sozni`` (alias group): the parts on their own,
  for query words that are not themselves in the dictionary (another script, a misspelling, an alias).

Field weights multiply the per-field BM25F score rather than use Whoosh's ``field_boost``, which scales
term frequency and is then flattened by BM25's saturation. The average field length BM25F divides by is
rounded to 3 significant digits (``quantise_avgfl``), so that an edit leaves most lists' bytes alone.

The build computes the same scores without Whoosh, from its own postings (``corpus``), through the same
``merge_scores``; the Whoosh index is written from the build's analysed documents when ``chinar search``
first needs it (``engine``).
"""

from __future__ import annotations

import logging
import shutil
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from whoosh import fields, index, scoring
from whoosh.system import pack_uint

from . import analysis
from .documents import SearchDoc

log = logging.getLogger(__name__)

MAIN_FIELDS = {"title": 5.0, "craft": 2.5, "district": 2.5, "body": 1.0}
KEY_FIELDS = ("title", "craft", "district")  # where typo corrections are looked for
COMPONENTS = {"~": ("fold", 0.4), "#": ("xs", 0.3), "@": ("alias", 0.6)}
SCALE = 100
AVGFL_DIGITS = 3  # significant digits of the average field length (see quantise_avgfl); 0: Whoosh's exact value
# A prior by page type: a craft, place or person named by the query is a better answer than a product
# or story that mentions it. Multiplies every list score of the document.
TYPE_BOOST = {"craft": 1.6, "district": 1.5, "artisan": 1.3, "collection": 1.1, "product": 1.0, "story": 0.9,
              "campaign": 0.9}


class PreAnalysedText(fields.TEXT):
    """A text field whose value is its terms already analysed, separated by spaces.

    The build analyses every document once (``corpus``) and caches the terms; indexing them again
    through Whoosh's per-token analyzer chain would cost more than the analysis itself. The postings
    are exactly those of the space-splitting analyzer the field declares (frequency, weight = frequency).
    """

    def index(self, value, **kwargs):
        for term, freq in Counter(value.split()).items():
            yield term.encode("utf-8"), freq, float(freq), pack_uint(freq)


def schema() -> fields.Schema:
    text = {name: PreAnalysedText(analyzer=analysis.SpaceAnalyzer(), phrase=False) for name in MAIN_FIELDS}
    return fields.Schema(
        ref=fields.ID(stored=True, unique=True),
        type=fields.ID(stored=True),
        locale=fields.ID(stored=True),
        crafts=fields.KEYWORD(stored=True, commas=True),
        districts=fields.KEYWORD(stored=True, commas=True),
        band=fields.ID(stored=True),
        url=fields.STORED(),
        title_stored=fields.STORED(),
        fold=PreAnalysedText(analyzer=analysis.SpaceAnalyzer(), phrase=False),
        xs=PreAnalysedText(analyzer=analysis.SpaceAnalyzer(), phrase=False),
        alias=PreAnalysedText(analyzer=analysis.SpaceAnalyzer(), phrase=False),
        **text,
    )


def document_fields(doc: SearchDoc, terms: tuple[str, ...]) -> dict:
    """The Whoosh field values of one document, from its analysed terms (``corpus.FIELDS`` order)."""
    from .corpus import FIELDS

    return {
        "ref": doc.ref, "type": doc.type, "locale": doc.locale, "crafts": ",".join(doc.crafts),
        "districts": ",".join(doc.districts), "band": doc.band or "", "url": doc.url,
        "title_stored": doc.title, **dict(zip(FIELDS, terms, strict=True)),
    }


def build(entries: Iterable[tuple[SearchDoc, tuple[str, ...]]], directory: Path) -> int:
    """(Re)create the Whoosh index in ``directory`` from analysed documents; document number i is the
    i-th entry. Built in one segment so that document numbers follow the order exactly."""
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    ix = index.create_in(str(directory), schema())
    writer = ix.writer(limitmb=256, procs=1, multisegment=False)
    count = 0
    for doc, terms in entries:
        writer.add_document(**document_fields(doc, terms))
        count += 1
    writer.commit(optimize=True)
    log.info("whoosh index: %d documents in %s", count, directory)
    return count


def open_index(directory: Path) -> index.Index:
    return index.open_dir(str(directory))


def weighting() -> scoring.BM25F:
    return scoring.BM25F(B=0.75, K1=1.2)


def quantise_avgfl(avgfl: float) -> float:
    """A field's average length rounded to 3 significant digits, as both score sources use it.

    BM25F reads the corpus-wide average field length, which every edit moves a little; used exactly,
    one edited record would shift a rounding boundary somewhere in most postings lists, and rewrite
    most index files. Rounded, an edit changes it only when it crosses a 0.1-1 % step, and a score by
    at most a few parts in 10,000 compared with Whoosh's exact statistic.
    """
    return float(f"{avgfl:.{AVGFL_DIGITS}g}") if AVGFL_DIGITS else avgfl


@dataclass
class ScoreSource:
    """Quantised scores of postings lists, read from an open Whoosh searcher."""

    searcher: object
    singles: dict[str, list[str]]  # main term -> alias groups it is a one-word member of
    boost: list[float]  # docnum -> TYPE_BOOST of its type

    def __post_init__(self) -> None:
        self._cache: dict[tuple[str, str], dict[int, float]] = {}
        self._length_cache: dict[str, list[int]] = {}

    def _lengths(self, field: str) -> list[int]:
        if field not in self._length_cache:
            reader = self.searcher.reader()
            count = reader.doc_count_all()
            self._length_cache[field] = [reader.doc_field_length(d, field, 1) for d in range(count)]
        return self._length_cache[field]

    def field_scores(self, field: str, text: str) -> dict[int, float]:
        """BM25F score of ``text`` in ``field`` for every document containing it (Whoosh's numbers)."""
        cached = self._cache.get((field, text))
        if cached is not None:
            return cached
        out: dict[int, float] = {}
        s = self.searcher
        if (field, text) in s.reader():
            # Whoosh's BM25F scorer (its idf, average length, B and K1) applied to every posting; the
            # same as scorer.score(matcher) posting by posting, without a Python call chain per posting.
            scorer = s.weighting.scorer(s, field, text)
            lengths = self._lengths(field)
            idf, avgfl, b, k1 = scorer.idf, quantise_avgfl(scorer.avgfl), scorer.B, scorer.K1
            for doc, tf in s.reader().postings(field, text).items_as("weight"):
                out[doc] = scoring.bm25(idf, tf, lengths[doc], avgfl, b, k1)
        if field in ("fold", "xs", "alias"):  # reused by many terms
            self._cache[(field, text)] = out
        return out

    def list_scores(self, key: str) -> dict[int, int]:
        """docnum -> quantised score of one postings list (see the module docstring for keys)."""
        return merge_scores(key, self.field_scores, self.singles, self.boost)


def score_sets(key: str, field_scores: Callable[[str, str], Any], singles: dict[str, list[str]],
               empty: Callable[[Any], bool]) -> list[tuple[Any, float]]:
    """The (field scores, weight) pairs the list ``key`` merges, in merging order, empty ones left out:
    its main fields, then, if any of them holds the key, its fold, skeleton and alias components; a
    component key (``~``, ``#``, ``@``) is its one field."""
    sets: list[tuple[Any, float]] = []

    def add(found: Any, weight: float) -> None:
        if not empty(found):
            sets.append((found, weight))

    if key[:1] in COMPONENTS:
        field, weight = COMPONENTS[key[0]]
        add(field_scores(field, key[1:]), weight)
        return sets
    for field, weight in MAIN_FIELDS.items():
        add(field_scores(field, key), weight)
    if not sets:
        return sets
    folded = analysis.fold(key)
    if folded:
        add(field_scores("fold", folded), COMPONENTS["~"][1])
    skel = analysis.skeleton(key)
    if skel:
        add(field_scores("xs", skel), COMPONENTS["#"][1])
    for gid in singles.get(key, ()):
        add(field_scores("alias", gid), COMPONENTS["@"][1])
    return sets


def merge_scores(key: str, field_scores: Callable[[str, str], dict[int, float]], singles: dict[str, list[str]],
                 boost: list[float]) -> dict[int, int]:
    """docnum -> quantised score of the list ``key``, from per-field BM25F scores.

    The one definition of a list score, shared by the Whoosh reader (``ScoreSource``) and the build's
    in-memory postings (``corpus.Corpus``): the same floating-point operations in the same order, so
    both give the same integers.
    """
    sets = score_sets(key, field_scores, singles, lambda found: not found)
    acc: dict[int, float] = {}
    for n, (scores, weight) in enumerate(sets):
        if n == 0:  # 0.0 + x == x: the first field's scores need no additions
            acc.update({doc: weight * sc for doc, sc in scores.items()})
            continue
        get = acc.get
        for doc, sc in scores.items():
            acc[doc] = get(doc, 0.0) + weight * sc
    items = sorted(acc.items()) if len(sets) > 1 else acc.items()  # score sets come in document order
    # round() of a positive number is >= 0, so "or 1" is max(1, ...): every posting scores at least 1.
    return {doc: round(SCALE * sc * boost[doc]) or 1 for doc, sc in items}


def merge_scores_array(key: str, field_scores: Callable[[str, str], tuple | None], singles: dict[str, list[str]],
                       boost) -> tuple | None:
    """``merge_scores`` on arrays, for long lists: (document numbers, quantised scores), or None.

    ``field_scores(field, text)`` gives (document numbers, scores) as numpy arrays, ascending. The
    floating-point operations are those of ``merge_scores``, in the same order for each document
    (the first score set is taken as it is, later ones are added in field order; then SCALE, then the
    boost; round half to even), so the integers are the same; ``tests/test_search.py`` compares them.
    """
    import numpy as np

    sets = score_sets(key, field_scores, singles, lambda found: found is None or not len(found[0]))
    if not sets:
        return None
    parts = [(d, sc, weight) for (d, sc), weight in sets]
    if len(parts) == 1:
        docs, sc, weight = parts[0]
        acc = weight * sc
    else:  # scores by document number: the union of the lists is where a score was set
        size = max(int(d[-1]) for d, _s, _w in parts) + 1
        total = np.zeros(size)
        seen = np.zeros(size, dtype=bool)
        for d, sc, weight in parts:
            value = weight * sc
            # A document's first score is taken as it is (0.0 + x is x), later ones are added.
            total[d] = np.where(seen[d], total[d] + value, value)
            seen[d] = True
        docs = np.flatnonzero(seen)
        acc = total[docs]
    scores = np.rint(SCALE * acc * boost[docs]).astype(np.int64)
    return docs, np.maximum(scores, 1)


def main_terms(reader) -> dict[str, int]:
    """Every main term with its weight for ordering expansions: the sum of its document frequencies."""
    out: dict[str, int] = {}
    for field in MAIN_FIELDS:
        for term in reader.lexicon(field):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            out[text] = out.get(text, 0) + reader.doc_frequency(field, text)
    return dict(sorted(out.items()))


def key_terms(reader, main: dict[str, int]) -> list[str]:
    """Main terms of 4+ letters found in the key fields: the vocabulary typo correction draws on."""
    found: set[str] = set()
    for field in KEY_FIELDS:
        for term in reader.lexicon(field):
            text = term.decode("utf-8") if isinstance(term, bytes) else term
            if len(text) >= 4:
                found.add(text)
    return sorted(found)


def component_terms(reader) -> set[str]:
    """Keys of the fold, skeleton and alias lists (with their namespace character)."""
    out: set[str] = set()
    for prefix, (field, _w) in COMPONENTS.items():
        for term in reader.lexicon(field):
            out.add(prefix + (term.decode("utf-8") if isinstance(term, bytes) else term))
    return out


def single_aliases(phrases: dict[tuple[str, ...], list[str]]) -> dict[str, list[str]]:
    return {p[0]: gids for p, gids in phrases.items() if len(p) == 1}


def iter_stored(searcher, docnums: Iterable[int]) -> list[dict]:
    return [searcher.stored_fields(d) for d in docnums]
