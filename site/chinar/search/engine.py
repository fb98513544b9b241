"""Querying the Whoosh index from Python (``chinar search``, tests): the reference ranking.

The index directory (``<cache>/whoosh``) holds ``chinar-search.json`` (the alias phrases the build used
and the *generation* of its documents), the build's analysed documents (``chinar-corpus.pickle``) and
the Whoosh index of that generation in ``ix-<generation>/``. The build does not write the Whoosh index
itself — at 100,000 pages Whoosh's pure-Python writer would cost minutes on every build, for the benefit
of editors' occasional ``chinar search`` — so the first query after a build indexes the analysed
documents (no analysis again) into Whoosh and later queries reuse it. A query is then planned exactly as
the browser plans it from the exported files.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from . import index as ix
from . import query as q
from .documents import stands_in
from .scoring import TYPE_BOOST, single_aliases

log = logging.getLogger(__name__)

SIDECAR = "chinar-search.json"
KEEP = {SIDECAR, "chinar-corpus.pickle"}


def write_sidecar(directory: Path, phrases: dict[tuple[str, ...], list[str]], generation: str = "") -> None:
    """Record the alias phrases and the document generation of a build; drop Whoosh indexes of others."""
    data = {"phrases": [[" ".join(p), g] for p, g in sorted(phrases.items())], "generation": generation}
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory / f"{SIDECAR}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(data, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    os.replace(tmp, directory / SIDECAR)
    for path in directory.iterdir():  # other generations, and the files of the older one-directory layout
        if path.name in KEEP or path.name == f"ix-{generation}" or path.name.endswith(".tmp"):
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)


def read_sidecar(directory: Path) -> dict:
    return json.loads((directory / SIDECAR).read_text(encoding="utf-8"))


def read_phrases(directory: Path) -> dict[tuple[str, ...], list[str]]:
    return {tuple(p.split(" ")): g for p, g in read_sidecar(directory)["phrases"]}


def whoosh_dir(directory: Path) -> Path:
    """The Whoosh index of the last build, indexed now from its analysed documents if not done yet."""
    from . import corpus

    generation = read_sidecar(directory).get("generation", "")
    target = directory / f"ix-{generation}"
    if (target / "done").exists():
        return target
    found = corpus.load_corpus(directory, generation)
    if found is None:
        raise FileNotFoundError(f"no analysed documents of generation {generation!r} in {directory}: "
                                "run the build again")
    tmp = directory / f"ix-{generation}.{os.getpid()}.tmp"
    log.info("indexing %d documents into Whoosh (first query since the build)", len(found.entries))
    ix.build(found.whoosh_documents(), tmp)
    (tmp / "done").write_text(generation)
    try:
        os.rename(tmp, target)
    except OSError:  # another process got there first: its index is the same
        shutil.rmtree(tmp, ignore_errors=True)
    return target


class WhooshLexicon:
    """The query planner's view of the dictionary, read from Whoosh's term lists."""

    def __init__(self, reader) -> None:
        self.main = ix.main_terms(reader)
        self.components = ix.component_terms(reader)
        self._sorted = sorted(self.main)
        self.first2: dict[str, list[str]] = {}
        self.last2: dict[str, list[str]] = {}
        self.key_terms = ix.key_terms(reader, self.main)
        for term in self.key_terms:
            self.first2.setdefault(term[:2], []).append(term)
            self.last2.setdefault(term[-2:], []).append(term)

    def df(self, term: str) -> int:
        return self.main.get(term, 0)

    def has(self, key: str) -> bool:
        return key in self.components or key in self.main

    def prefixed(self, prefix: str) -> list[tuple[str, int]]:
        import bisect

        i = bisect.bisect_left(self._sorted, prefix)
        out = []
        while i < len(self._sorted) and self._sorted[i].startswith(prefix):
            out.append((self._sorted[i], self.main[self._sorted[i]]))
            i += 1
        return out

    def typo_pool(self, term: str) -> list[str]:
        return sorted(set(self.first2.get(term[:2], [])) | set(self.last2.get(term[-2:], [])))


@dataclass
class Hit:
    docnum: int
    score: int
    ref: str
    type: str
    locale: str
    title: str
    url: str


@dataclass
class Searched:
    """A search page's results: the hits, the query's other reading if that was searched instead, and
    whether the page language's view found nothing so every language was searched (``widened``)."""

    hits: list[Hit]
    respelled: q.Respelling | None
    widened: bool


class Engine:
    """An open index; ``search`` returns the ranked hits of a query."""

    def __init__(self, directory: Path | str) -> None:
        self.directory = Path(directory)
        self.index = ix.open_index(whoosh_dir(self.directory))
        self.searcher = self.index.searcher(weighting=ix.weighting())
        self.phrases = read_phrases(self.directory)
        self._facets: dict[int, dict] = {}
        self.lexicon = WhooshLexicon(self.searcher.reader())
        ids = []
        for d in range(self.searcher.doc_count_all()):
            type_, rest = self.searcher.stored_fields(d)["ref"].split(":", 1)
            ids.append((type_, *rest.rsplit(":", 1)))
        self._stands_in = stands_in(ids)
        boost = [TYPE_BOOST[self.facets(d)["type"]] for d in range(self.searcher.doc_count_all())]
        self.scores = ix.ScoreSource(self.searcher, single_aliases(self.phrases), boost)

    def close(self) -> None:
        self.searcher.close()

    def facets(self, docnum: int) -> dict:
        found = self._facets.get(docnum)
        if found is None:
            f = self.searcher.stored_fields(docnum)
            found = {"type": f["type"], "locale": f["locale"], "band": f.get("band", ""),
                     "crafts": [c for c in f.get("crafts", "").split(",") if c],
                     "districts": [c for c in f.get("districts", "").split(",") if c],
                     "stands_in": self._stands_in[docnum]}
            self._facets[docnum] = found
        return found

    def plan(self, text: str) -> list[q.Slot]:
        return q.plan(text, self.lexicon, self.phrases)

    def search(self, text: str, filters: q.Filters | None = None, limit: int | None = 10) -> list[Hit]:
        return self.search_respelled(text, filters, limit)[0]

    def search_respelled(self, text: str, filters: q.Filters | None = None,
                         limit: int | None = 10) -> tuple[list[Hit], q.Respelling | None]:
        """``search``, and the query's other reading when it was searched instead (``query.respell``:
        the query as typed found nothing)."""
        found = self.search_page(text, filters, limit)
        return found.hits, found.respelled

    def search_page(self, text: str, filters: q.Filters | None = None, limit: int | None = 10) -> Searched:
        """What the search page shows for ``text``, in the browser client's order of attempts: the query
        as typed; with a ``filters.view`` that finds nothing, the same in every language (*widened*:
        the page says so); if still nothing, the query's other reading (``query.respell``), in the
        view, then in every language."""
        def ranked(slots: list[q.Slot]) -> tuple[list[tuple[int, int]], bool]:
            hits = q.rank(slots, self.scores.list_scores, self.facets, filters).hits
            if not hits and filters is not None and filters.view:
                hits = q.rank(slots, self.scores.list_scores, self.facets, replace(filters, view=None)).hits
                return hits, bool(hits)
            return hits, False

        hits, widened = ranked(self.plan(text))
        respelled = None
        if not hits:
            respelled = q.respell(text, self.lexicon)
            if respelled is not None:
                hits, widened = ranked(q.plan_words(respelled.words, self.lexicon, self.phrases))
                if not hits:
                    respelled = None
        out = []
        for docnum, score in (hits if limit is None else hits[:limit]):
            f = self.searcher.stored_fields(docnum)
            out.append(Hit(docnum, score, f["ref"], f["type"], f["locale"], f["title_stored"], f["url"]))
        return Searched(out, respelled, widened)
