"""The Whoosh index: schema, building it from search documents, and the scores it computes.

Both the static export and ``chinar search`` read scores through ``ScoreSource``, so the browser and
the command line rank with the same numbers. A *list key* names one postings list of the exported index:

- ``pashmina`` (a main term): the word's own list, already merged with its fallbacks:
  ``round(100 * (sum over main fields of weight * BM25F) + 40 * BM25F(fold) + 30 * BM25F(skeleton)
  + 60 * sum BM25F(alias groups)))``. A query word found in the dictionary needs only this one list.
- ``~कल`` (vowel-folded), ``#psmn`` (skeleton), ``@c.sozni`` (alias group): the parts on their own,
  for query words that are not themselves in the dictionary (another script, a misspelling, an alias).

Field weights multiply the per-field BM25F score rather than use Whoosh's ``field_boost``, which scales
term frequency and is then flattened by BM25's saturation.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh import fields, index, scoring

from . import analysis
from .documents import SearchDoc, match_aliases

log = logging.getLogger(__name__)

MAIN_FIELDS = {"title": 5.0, "craft": 2.5, "district": 2.5, "body": 1.0}
KEY_FIELDS = ("title", "craft", "district")  # where typo corrections are looked for
COMPONENTS = {"~": ("fold", 0.4), "#": ("xs", 0.3), "@": ("alias", 0.6)}
SCALE = 100
# A prior by page type: a craft, place or person named by the query is a better answer than a product
# or story that mentions it. Multiplies every list score of the document.
TYPE_BOOST = {"craft": 1.6, "district": 1.5, "artisan": 1.3, "collection": 1.1, "product": 1.0, "story": 0.9,
              "campaign": 0.9}


def schema() -> fields.Schema:
    text = {name: fields.TEXT(analyzer=analysis.MainAnalyzer(), phrase=False) for name in MAIN_FIELDS}
    return fields.Schema(
        ref=fields.ID(stored=True, unique=True),
        type=fields.ID(stored=True),
        locale=fields.ID(stored=True),
        crafts=fields.KEYWORD(stored=True, commas=True),
        districts=fields.KEYWORD(stored=True, commas=True),
        band=fields.ID(stored=True),
        url=fields.STORED(),
        title_stored=fields.STORED(),
        fold=fields.TEXT(analyzer=analysis.FoldAnalyzer(), phrase=False),
        xs=fields.TEXT(analyzer=analysis.SkeletonAnalyzer(), phrase=False),
        alias=fields.TEXT(analyzer=analysis.SpaceAnalyzer(), phrase=False),
        **text,
    )


def document_fields(doc: SearchDoc, phrases: dict[tuple[str, ...], list[str]], longest: int) -> dict:
    """The Whoosh field values of one document (alias groups matched per field, never across fields)."""
    groups: set[str] = set()
    all_terms: list[str] = []
    for name in MAIN_FIELDS:
        field_terms = analysis.terms(doc.fields[name])
        groups.update(match_aliases(field_terms, phrases, longest))
        all_terms += field_terms
    all_text = " ".join(all_terms)
    return {
        "ref": doc.ref, "type": doc.type, "locale": doc.locale, "crafts": ",".join(doc.crafts),
        "districts": ",".join(doc.districts), "band": doc.band or "", "url": doc.url,
        "title_stored": doc.title,
        "fold": all_text, "xs": all_text, "alias": " ".join(sorted(groups)),
        **{name: doc.fields[name] for name in MAIN_FIELDS},
    }


def build(docs: list[SearchDoc], phrases: dict[tuple[str, ...], list[str]], directory: Path) -> None:
    """(Re)create the Whoosh index in ``directory``; document number i is ``docs[i]``.

    Built from scratch in one segment so that document numbers follow the list order exactly.
    """
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    ix = index.create_in(str(directory), schema())
    longest = max((len(p) for p in phrases), default=1)
    writer = ix.writer(limitmb=256, procs=1, multisegment=False)
    for doc in docs:
        writer.add_document(**document_fields(doc, phrases, longest))
    writer.commit(optimize=True)
    log.info("whoosh index: %d documents in %s", len(docs), directory)


def open_index(directory: Path) -> index.Index:
    return index.open_dir(str(directory))


def weighting() -> scoring.BM25F:
    return scoring.BM25F(B=0.75, K1=1.2)


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
            idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
            for doc, tf in s.reader().postings(field, text).items_as("weight"):
                out[doc] = scoring.bm25(idf, tf, lengths[doc], avgfl, b, k1)
        if field in ("fold", "xs", "alias"):  # reused by many terms
            self._cache[(field, text)] = out
        return out

    def list_scores(self, key: str) -> dict[int, int]:
        """docnum -> quantised score of one postings list (see the module docstring for keys)."""
        acc: dict[int, float] = {}

        def add(scores: dict[int, float], weight: float) -> None:
            for doc, sc in scores.items():
                acc[doc] = acc.get(doc, 0.0) + weight * sc

        if key[:1] in COMPONENTS:
            field, weight = COMPONENTS[key[0]]
            add(self.field_scores(field, key[1:]), weight)
        else:
            for field, weight in MAIN_FIELDS.items():
                add(self.field_scores(field, key), weight)
            if not acc:
                return {}
            folded = analysis.fold(key)
            if folded:
                add(self.field_scores("fold", folded), COMPONENTS["~"][1])
            skel = analysis.skeleton(key)
            if skel:
                add(self.field_scores("xs", skel), COMPONENTS["#"][1])
            for gid in self.singles.get(key, ()):
                add(self.field_scores("alias", gid), COMPONENTS["@"][1])
        return {doc: max(1, round(SCALE * sc * self.boost[doc])) for doc, sc in sorted(acc.items())}


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
