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

A query that finds nothing is read once more (``respell``), and searched again if that reading
differs: a word typed in two scripts with no space between ("सोzni") is one word (its skeleton finds
सोज़नी, sozni, سوزنی); two words whose joining is a dictionary term are joined ("khatam band" ->
khatamband); a word missing from the dictionary is split in two words that are both in it
("papiermache" -> papier mache). The page shows the new reading ("Showing results for …").

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


def _spans(query: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The query as analysed (NFC, cut, lower case) and its raw tokens with their start and end."""
    text = "".join(list(unicodedata.normalize("NFC", query))[:MAX_QUERY_CHARS]).lower()
    return text, [(m.group(), m.start(), m.end()) for m in analysis._TOKEN_RE.finditer(text)]


def query_words(query: str) -> list[QueryWord]:
    """Normalise and split a query like the indexer does; mark the last word open unless followed by
    a non-word character."""
    text, spans = _spans(query)
    out: list[QueryWord] = []
    for i, (raw, _start, end) in enumerate(spans):
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


@dataclass
class Respelling:
    words: list[QueryWord]
    text: str  # the new reading, to show ("" when it is not worth showing: a word in two scripts)


SPLIT_MIN = 3  # a split's first part: a dictionary term of at least this many letters
SPLIT_REST_MIN = 2


def respell(query: str, lex: Lexicon) -> Respelling | None:
    """Another reading of a query that found nothing, or None when there is none (module docstring).

    Words are read as ``query_words`` does, except that adjacent raw tokens (only tokens of different
    scripts can touch) make one word, normalised piece by piece, not stemmed. Then, left to right: two
    words are joined when their joining's term is in the dictionary; a word of 5+ letters that is
    not in it is split after the longest dictionary term it starts with whose rest is a term too.
    """
    text, spans = _spans(query)
    words: list[QueryWord] = []
    mixed: list[bool] = []
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and spans[j + 1][1] == spans[j][2]:
            j += 1
        word = "".join(analysis.normalise(raw) for raw, _s, _e in spans[i:j + 1])
        if len(word) >= analysis.MIN_LENGTH and not (i == j and word in analysis.STOPWORDS):
            words.append(QueryWord(word, analysis.stem(word) if i == j else word,
                                   open=(j == len(spans) - 1 and spans[j][2] == len(text))))
            mixed.append(i != j)
        i = j + 1
    words, mixed = words[:MAX_WORDS], mixed[:MAX_WORDS]
    changed = any(mixed)
    out: list[QueryWord] = []
    k = 0
    while k < len(words):
        w = words[k]
        if k + 1 < len(words) and not mixed[k] and not mixed[k + 1]:
            joined = w.word + words[k + 1].word
            term = analysis.stem(joined)
            if lex.df(term) > 0:
                out.append(QueryWord(joined, term, words[k + 1].open))
                changed = True
                k += 2
                continue
        if not mixed[k] and len(w.word) >= 5 and lex.df(w.term) == 0:
            parts = _split(w, lex)
            if parts:
                out += parts
                changed = True
                k += 1
                continue
        out.append(w)
        k += 1
    if not changed:
        return None
    return Respelling(out, "" if any(mixed) else " ".join(w.word for w in out))


def _split(w: QueryWord, lex: Lexicon) -> list[QueryWord] | None:
    """``w`` as two dictionary words, after the longest dictionary term it starts with, or None."""
    heads = sorted((t for t, df in lex.prefixed(w.word[:SPLIT_MIN]) if df > 0 and SPLIT_MIN <= len(t)
                    and len(t) <= len(w.word) - SPLIT_REST_MIN and w.word.startswith(t)),
                   key=lambda t: (-len(t), t))
    for head in heads:
        rest = w.word[len(head):]
        if rest in analysis.STOPWORDS:
            continue
        term = analysis.stem(rest)
        if lex.df(term) > 0:
            return [QueryWord(head, head, False), QueryWord(rest, term, w.open)]
    return None


def plan(query: str, lex: Lexicon, phrases: dict[tuple[str, ...], list[str]]) -> list[Slot]:
    """The slots of a query (see the module docstring); [] when nothing can be searched."""
    return plan_words(query_words(query), lex, phrases)


def plan_words(qws: list[QueryWord], lex: Lexicon, phrases: dict[tuple[str, ...], list[str]]) -> list[Slot]:
    """The slots of a query's words (``plan``)."""
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
    """Facet filters: a document passes when it has every value given.

    ``locale``: pages in that language only. ``view``: what the search page of that language lists,
    pages in it and, for things not written in it, the version its list pages show instead
    (``documents.stands_in``); a search with a ``view`` that finds nothing is widened to every language
    (``Engine.search_page``, and the browser client the same way).
    """

    type: str | None = None
    locale: str | None = None
    craft: str | None = None
    district: str | None = None
    band: str | None = None
    view: str | None = None

    def accepts(self, facets: dict) -> bool:
        return ((not self.type or facets["type"] == self.type)
                and (not self.locale or facets["locale"] == self.locale)
                and (not self.view or facets["locale"] == self.view or self.view in facets["stands_in"])
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
