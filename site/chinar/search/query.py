"""What a query means: words -> slots of postings lists, and the ranking over them.

This is the reference the browser client follows step for step (``search.js``: ``plan`` and ``rank``);
``chinar search`` runs it over Whoosh's postings, the client over the exported slices, and the tests
check both return the same top 10.

A query is cut to ``MAX_QUERY_CHARS`` code points and its first ``MAX_WORDS`` words (stop words
dropped). Each word becomes a *slot*: a set of (list key, coefficient %) pairs, see ``index`` for keys.

- A word whose main term is in the dictionary: that term's merged list (100 %).
- Otherwise its fallback parts on their own: vowel-folded, skeleton and one-word alias lists (100 %,
  already weighted), and, for words of 5+ letters (9+: distance 2), the terms of the key fields within
  that edit distance (transpositions count 1) that share the first two or the last two letters (up to
  ``TYPO_LIMIT``, 80 % at distance 1, 60 % at distance 2: only words missing from the dictionary get them).
- The last word, unless the query ends in a space or punctuation, also matches as a prefix: the
  ``PREFIX_LIMIT`` most frequent main terms starting with it (3+ letters), at 50 %.
- The last word while still being typed is ignored if it matches nothing yet ("kani sh").
- Consecutive words forming an alias phrase ("سری نگر", "papier mache") share one slot that also
  holds the phrase's alias lists.

A document matches when it is in at least one list of every slot (AND); its score is the sum over
slots and lists of coefficient x list score; ties go to the lower document number. Scores are integers,
so the order is exactly reproducible in JavaScript.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from . import analysis

MAX_QUERY_CHARS = 256
MAX_WORDS = 8
PREFIX_MIN = 3
PREFIX_LIMIT = 5
PREFIX_COEF = 50
TYPO_LIMIT = 5
TYPO_COEF = {1: 80, 2: 60}
FULL = 100

Slot = list[tuple[str, int]]


class Lexicon(Protocol):
    def df(self, term: str) -> int: ...
    def has(self, key: str) -> bool: ...
    def prefixed(self, prefix: str) -> list[tuple[str, int]]: ...
    def typo_pool(self, term: str) -> list[str]: ...


@dataclass
class QueryWord:
    word: str  # normalised, not stemmed
    term: str  # main term (stemmed for Latin)
    open: bool  # the last word, still being typed


def query_words(query: str) -> list[QueryWord]:
    """Normalise and split a query like the indexer does; mark the last word open unless followed by
    a non-word character."""
    text = "".join(list(unicodedata.normalize("NFC", query))[:MAX_QUERY_CHARS]).lower()
    spans = [(m.group(), m.end()) for m in analysis._TOKEN_RE.finditer(text)]
    out: list[QueryWord] = []
    for i, (raw, end) in enumerate(spans):
        found = analysis.words(raw)
        if not found or found[0] in analysis.STOPWORDS:
            continue
        w = found[0]
        out.append(QueryWord(w, analysis.stem(w), open=(i == len(spans) - 1 and end == len(text))))
    return out[:MAX_WORDS]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a transposition counts 1), or limit + 1 when above limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[len(b)] if prev[len(b)] <= limit else limit + 1


def typo_limit(word: str) -> int:
    n = len(word)
    return 2 if n >= 9 else 1 if n >= 5 else 0


def word_slot(qw: QueryWord, lex: Lexicon, singles: dict[str, list[str]]) -> dict[str, int]:
    slot: dict[str, int] = {}

    def put(key: str, coef: int) -> None:
        if coef > slot.get(key, 0):
            slot[key] = coef

    t = qw.term
    if lex.df(t) > 0:
        put(t, FULL)
    else:
        folded, skel = analysis.fold(t), analysis.skeleton(t)
        parts = (["~" + folded] if folded else []) + (["#" + skel] if skel else [])
        parts += ["@" + g for g in singles.get(t, [])]
        for key in parts:
            if lex.has(key):
                put(key, FULL)
        limit = typo_limit(qw.word)
        if limit:
            found = []
            for cand in lex.typo_pool(t):
                if cand != t:
                    d = edit_distance(t, cand, limit)
                    if d <= limit:
                        found.append((d, -lex.df(cand), cand))
            for d, _df, cand in sorted(found)[:TYPO_LIMIT]:
                put(cand, TYPO_COEF[d])
    if qw.open and len(qw.word) >= PREFIX_MIN:
        ranked = sorted((-df, term) for term, df in lex.prefixed(qw.word) if term != t and df > 0)
        for _df, term in ranked[:PREFIX_LIMIT]:
            put(term, PREFIX_COEF)
    return slot


def plan(query: str, lex: Lexicon, phrases: dict[tuple[str, ...], list[str]]) -> list[Slot]:
    """The slots of a query (see the module docstring); [] when nothing can be searched."""
    qws = query_words(query)
    singles = {p[0]: g for p, g in phrases.items() if len(p) == 1}
    longest = max((len(p) for p in phrases), default=1)
    slots: list[Slot] = []
    i = 0
    while i < len(qws):
        n = next((n for n in range(min(longest, len(qws) - i), 1, -1)
                  if tuple(q.term for q in qws[i:i + n]) in phrases), 1)
        merged: dict[str, int] = {}
        if n > 1:
            for gid in phrases[tuple(q.term for q in qws[i:i + n])]:
                if lex.has("@" + gid):
                    merged["@" + gid] = FULL
        for qw in qws[i:i + n]:
            for key, coef in word_slot(qw, lex, singles).items():
                merged[key] = max(coef, merged.get(key, 0))
        if merged or not (qws[-1].open and i + n == len(qws)):
            slots.append(sorted(merged.items()))
        i += n
    return slots


@dataclass
class Filters:
    """Facet filters: a document passes when it has every value given."""

    type: str | None = None
    locale: str | None = None
    craft: str | None = None
    district: str | None = None
    band: str | None = None

    def accepts(self, facets: dict) -> bool:
        return ((not self.type or facets["type"] == self.type)
                and (not self.locale or facets["locale"] == self.locale)
                and (not self.craft or self.craft in facets["crafts"])
                and (not self.district or self.district in facets["districts"])
                and (not self.band or facets["band"] == self.band))


@dataclass
class Ranked:
    hits: list[tuple[int, int]] = field(default_factory=list)  # (docnum, score), best first


def rank(slots: list[Slot], list_scores: Callable[[str], dict[int, int]],
         facets: Callable[[int], dict], filters: Filters | None = None) -> Ranked:
    """Every matching document, best first, scored over complete postings lists."""
    if not slots:
        return Ranked()
    total: dict[int, int] | None = None
    for slot in slots:
        acc: dict[int, int] = {}
        for key, coef in slot:
            for doc, sc in list_scores(key).items():
                acc[doc] = acc.get(doc, 0) + coef * sc
        total = acc if total is None else {d: s + acc[d] for d, s in total.items() if d in acc}
        if not total:
            return Ranked()
    assert total is not None
    hits = [(d, s) for d, s in total.items() if filters is None or filters.accepts(facets(d))]
    hits.sort(key=lambda h: (-h[1], h[0]))
    return Ranked(hits)
