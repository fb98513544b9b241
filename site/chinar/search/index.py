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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from whoosh import fields, index, scoring
from whoosh.system import pack_uint

from . import analysis
from .documents import SearchDoc
from .scoring import COMPONENTS, FIELDS, KEY_FIELDS, MAIN_FIELDS, merge_scores, quantise_avgfl

log = logging.getLogger(__name__)

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
    """The Whoosh field values of one document, from its analysed terms (``scoring.FIELDS`` order)."""
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


def iter_stored(searcher, docnums: Iterable[int]) -> list[dict]:
    return [searcher.stored_fields(d) for d in docnums]
