"""Search: Whoosh index at build time, exported as static shards for the browser client.

``write_index`` is what the build calls; ``chinar search`` (``cli.py``) queries the Whoosh index with
the ranking the browser client (``themes/chinar/static/js/search.js``) reproduces from the exported
files. See ``docs/search.md``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ..catalog import Catalog
from ..policy import BuildPolicy
from ..progress import QUIET, Progress

log = logging.getLogger(__name__)


def build_corpus(catalog: Catalog, cache_dir: Path, thumbnail: Callable[[dict], str | None] | None = None,
                 alias_file: Path | None = None, full: bool = False, previous=None, analysed=None):
    """The catalog's search documents analysed, reusing the last build's work (``corpus.Corpus``)."""
    from . import corpus, documents

    phrases = documents.alias_phrases(documents.alias_groups(catalog, alias_file))
    return corpus.build_corpus(catalog, phrases, Path(cache_dir), thumbnail, full=full, previous=previous,
                               analysed=analysed)


def write_index(catalog: Catalog, output_dir: Path | None, cache_dir: Path,
                thumbnail: Callable[[dict], str | None] | None = None, *,
                alias_file: Path | None = None, policy: BuildPolicy | None = None,
                write: Callable[[str, bytes], object] | None = None, full: bool = False,
                previous=None, keep: dict | None = None, memo=None,
                keep_file: Callable[[str], object] | None = None, progress: Progress = QUIET,
                analysed: dict | None = None) -> dict:
    """Index ``catalog`` and export the browser's index to ``output_dir/search-index/``, or, when
    ``write`` is given, hand each file to ``write("search-index/<path>", bytes)`` instead (the build's
    ``OutputTree.write``: no temporary copy, unchanged files untouched; ``output_dir`` is then unused).

    ``cache_dir/whoosh`` gets what ``chinar search`` queries: the analysed documents, from which the
    Whoosh index is made on the first query (see ``engine``), with the scores the export uses. Only
    what changed since the last build is analysed and scored again (see ``corpus``); the output is the
    same as a build from scratch. Every exported file except ``manifest.json`` is named by a hash of
    its content, so it can be cached forever; the manifest is small and must be revalidated (it names
    everything else). ``thumbnail(image)`` gives a root-relative URL of a small rendition, or None to
    show no image. ``policy``: how many processes score lists (default: one per core). ``full``:
    ignore the cache (the output is the same either way; this only re-does the work). ``previous``:
    the last build's ``corpus.State``, kept in memory (``chinar.resident``), instead of the cache's;
    ``keep["state"]`` receives this build's (it may share arrays with ``previous``); ``memo`` and
    ``keep_file``: see ``export.ExportMemo``. ``analysed``: documents the shards of a sharded build analysed
    (``corpus.analyse_documents``), used as they are where their inputs match. Same catalog -> same bytes.
    Returns ``{"documents", "files", "bytes", "terms"}`` and counts of
    documents analysed/reused and lists scored/reused.
    """
    from . import corpus as corpus_mod
    from . import engine, export

    policy = policy or BuildPolicy()
    found = build_corpus(catalog, cache_dir, thumbnail, alias_file, full=full, previous=previous, analysed=analysed)
    out = None if write is not None or output_dir is None else Path(output_dir) / "search-index"
    stats, layout, lists = export.export(catalog, found, out, policy, sink=write, memo=memo, keep=keep_file,
                                         progress=progress)
    directory = Path(cache_dir) / "whoosh"
    if found.unchanged_since_last_build(layout, lists):  # a no-op build: the cache is already right
        state = found.previous
    else:
        state = found.state(corpus_mod.code_signature(), layout, lists)
        corpus_mod.save_state(directory, state)
    generation = corpus_mod.finish_state(state).generation  # a resident build's patched state has none yet
    if keep is not None:
        keep["state"] = state
    if not (directory / engine.SIDECAR).exists() or engine.read_sidecar(directory).get("generation") != generation:
        engine.write_sidecar(directory, found.phrases, generation)
    stats.update(found.stats)
    log.info("search index: %(documents)d documents (%(analysed)d analysed), %(lists_scored)d lists scored, "
             "%(files)d files, %(bytes)d bytes", stats)
    return stats
