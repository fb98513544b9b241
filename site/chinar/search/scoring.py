"""How search scores are made: the fields, their weights, and the one definition of a list score.

Shared by the build's in-memory postings (``corpus``), the Whoosh index ``chinar search`` reads
(``index``) and the export: the same floating-point operations in the same order on every side, so the
browser and the command line rank with the same integers. A pure module (numpy only for long lists).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..record_types import RECORD_TYPES
from . import analysis

MAIN_FIELDS = {"title": 5.0, "craft": 2.5, "district": 2.5, "body": 1.0}
KEY_FIELDS = ("title", "craft", "district")  # where typo corrections are looked for
COMPONENTS = {"~": ("fold", 0.4), "#": ("xs", 0.3), "@": ("alias", 0.6)}
SCALE = 100
AVGFL_DIGITS = 3  # significant digits of the average field length (see quantise_avgfl); 0: Whoosh's exact value
# A prior by page type: a craft, place or person named by the query is a better answer than a product
# or story that mentions it. Multiplies every list score of the document.
# Declared with each record type (``RecordType.search_boost``).
TYPE_BOOST = {t.name: t.search_boost for t in RECORD_TYPES if t.search_boost is not None}
# Every analysed field, in the order a document's terms are kept: the main fields, then the components.
FIELDS = (*MAIN_FIELDS, *(name for name, _w in COMPONENTS.values()))
N_MAIN = len(MAIN_FIELDS)
B, K1 = 0.75, 1.2  # Whoosh's BM25F defaults, as ``index.weighting()`` uses them


def quantise_avgfl(avgfl: float) -> float:
    """A field's average length rounded to 3 significant digits, as both score sources use it.

    BM25F reads the corpus-wide average field length, which every edit moves a little; used exactly,
    one edited record would shift a rounding boundary somewhere in most postings lists, and rewrite
    most index files. Rounded, an edit changes it only when it crosses a 0.1-1 % step, and a score by
    at most a few parts in 10,000 compared with Whoosh's exact statistic.
    """
    return float(f"{avgfl:.{AVGFL_DIGITS}g}") if AVGFL_DIGITS else avgfl


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


def single_aliases(phrases: dict[tuple[str, ...], list[str]]) -> dict[str, list[str]]:
    return {p[0]: gids for p, gids in phrases.items() if len(p) == 1}
