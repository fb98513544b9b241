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


def build_whoosh(catalog: Catalog, cache_dir: Path, thumbnail: Callable[[dict], str | None] | None = None,
                 alias_file: Path | None = None) -> tuple[list, dict]:
    """Build the Whoosh index in ``cache_dir/whoosh``; return the documents and alias phrases used."""
    from . import documents, engine, index

    docs = documents.catalog_documents(catalog, thumbnail)
    phrases = documents.alias_phrases(documents.alias_groups(catalog, alias_file))
    directory = Path(cache_dir) / "whoosh"
    index.build(docs, phrases, directory)
    engine.write_sidecar(directory, phrases)
    return docs, phrases


def write_index(catalog: Catalog, output_dir: Path, cache_dir: Path,
                thumbnail: Callable[[dict], str | None] | None = None, *,
                alias_file: Path | None = None) -> dict:
    """Index ``catalog`` with Whoosh and export the browser's index to ``output_dir/search-index/``.

    The Whoosh index goes to ``cache_dir/whoosh`` (what ``chinar search`` queries). Every exported file
    except ``manifest.json`` is named by a hash of its content, so it can be cached forever; the
    manifest is small and must be revalidated (it names everything else). ``thumbnail(image)`` gives a
    root-relative URL of a small rendition, or None to show no image. Same catalog -> same bytes.
    Returns ``{"documents": n, "files": n, "bytes": n}``.
    """
    from . import export

    docs, phrases = build_whoosh(catalog, cache_dir, thumbnail, alias_file)
    stats = export.export(catalog, docs, phrases, Path(cache_dir) / "whoosh",
                          Path(output_dir) / "search-index")
    log.info("search index: %(documents)d documents, %(files)d files, %(bytes)d bytes", stats)
    return stats
