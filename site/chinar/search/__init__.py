"""Search: Whoosh index at build time, exported as static shards for the browser client.

``write_index`` is what the build calls; ``chinar search`` (``cli.py``) queries the Whoosh index with
the ranking the browser client (``themes/chinar/static/js/search.js``) reproduces from the exported
files. See ``docs/search.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ..content import Catalog

log = logging.getLogger(__name__)


def build_corpus(catalog: Catalog, cache_dir: Path, thumbnail: Callable[[dict], str | None] | None = None,
                 alias_file: Path | None = None):
    """Analyse the catalog's search documents (reusing the last build's work) and record them in
    ``cache_dir/whoosh`` for ``chinar search``; return the corpus (``corpus.Corpus``)."""
    from . import corpus, documents, engine

    phrases = documents.alias_phrases(documents.alias_groups(catalog, alias_file))
    found = corpus.build_corpus(catalog, phrases, Path(cache_dir), thumbnail)
    engine.write_sidecar(Path(cache_dir) / "whoosh", phrases, found.generation())
    return found


def write_index(catalog: Catalog, output_dir: Path, cache_dir: Path,
                thumbnail: Callable[[dict], str | None] | None = None, *,
                alias_file: Path | None = None) -> dict:
    """Index ``catalog`` and export the browser's index to ``output_dir/search-index/``.

    ``cache_dir/whoosh`` gets what ``chinar search`` queries: the analysed documents, from which the
    Whoosh index is made on the first query (see ``engine``), with the same scores the export uses.
    Documents whose records (and the records they mention) are unchanged since the last build are not
    analysed again. Every exported file except ``manifest.json`` is named by a hash of its content, so
    it can be cached forever; the manifest is small and must be revalidated (it names everything else).
    ``thumbnail(image)`` gives a root-relative URL of a small rendition, or None to show no image.
    Same catalog -> same bytes. Returns ``{"documents": n, "files": n, "bytes": n, "terms": n}`` and
    ``analysed``/``reused`` document counts.
    """
    from . import export

    found = build_corpus(catalog, cache_dir, thumbnail, alias_file)
    stats = export.export(catalog, found, Path(output_dir) / "search-index")
    stats.update(found.stats)
    log.info("search index: %(documents)d documents (%(analysed)d analysed), %(files)d files, %(bytes)d bytes",
             stats)
    return stats
