"""One build: what it is given, and what its stages make (``build.generate`` runs them).

A build kept in memory (``chinar.resident``) is the ``previous`` of the next one, which takes from it
whatever the change left valid.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .catalog import Catalog, Record
from .changes import UNKNOWN, Changes
from .content import ReadAhead
from .incremental import BuildState, held_records
from .output import OutputTree
from .pages import Page
from .policy import BuildPolicy
from .progress import QUIET, Progress

if TYPE_CHECKING:
    from .images.use import ImageUse
    from .render import Renderer
    from .search.corpus import SearchIndex
    from .shards import Shard


@dataclass
class BuildReport:
    pages: int = 0
    rendered: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    # The output files this build changed (written, or renditions linked in) and removed: what a deploy
    # of just this build's changes uploads and deletes (``chinar publish``).
    changed_files: list[str] = field(default_factory=list)
    removed_files: list[str] = field(default_factory=list)
    images: dict[str, int] = field(default_factory=dict)
    search: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


@dataclass
class BuildJob:
    """One build: what it is given, and what its stages make. A build kept in memory is the ``previous``
    of the next one, which takes from it whatever the change left valid."""

    content_dir: Path
    output: OutputTree
    base_url: str
    cache_dir: Path
    theme_dir: Path
    policy: BuildPolicy = field(default_factory=BuildPolicy)
    progress: Progress = QUIET
    full: bool = False  # ignore the last build: read and render everything
    changes: Changes = UNKNOWN  # what changed since ``previous`` (or the cached state)
    previous: BuildJob | None = None  # the last build of this output, kept in memory
    resident: bool = False  # this build stays in memory: the search state is kept in this process
    in_place: bool = False  # set by ``load_records``: the change is an edit in place
    ahead: ReadAhead | None = None  # the records, already being read (``read_ahead``)
    report: BuildReport = field(default_factory=BuildReport)
    # What the stages make:
    state: BuildState = field(default_factory=BuildState)  # the last build's (read, or in memory)
    new_state: BuildState = field(default_factory=BuildState)  # this build's, for the next one
    catalog: Catalog | None = None
    edited: list[Record] = field(default_factory=list)  # records changed by an edit in place
    relations: Any = None
    pages: list[Page] = field(default_factory=list)
    renderer: Renderer | None = None
    static: tuple[dict, str] = ({}, "")  # theme static file -> (output file, bytes); their names' hash
    images: Any = None  # ``images.ImagePipeline``
    template_fps: dict[str, str] = field(default_factory=dict)
    request_files: dict[tuple, tuple[str, ...]] = field(default_factory=dict)  # image request -> its files
    search_state: Any = None  # ``search.corpus.State`` (kept when ``resident``)
    search_memo: Any = None  # the last export's parts (``search.export.ExportMemo``), when resident
    rendering: list[int] | None = None  # the pages this build renders, if not all (``rendering.render_pages``)
    # A sharded build (``chinar.shards``): the slice this build renders, or the shards' pages it merges, and
    # the search documents analysed in the shards (a shard's own, or all of them for the merge).
    shard: Shard | None = None
    merged: dict | None = None
    analysed: dict | None = None
    # Indexes an edit in place needs, made on first use (a resident build makes them while idle):
    _holders: dict[str, list[int]] | None = None
    _search_index: SearchIndex | None = None
    _image_use: ImageUse | None = None

    def timed(self, name: str, start: float) -> None:
        self.report.seconds[name] = round(time.perf_counter() - start, 3)

    def holders(self) -> dict[str, list[int]]:
        """Record file -> indexes of the pages that hold the record (show it, list it, link to it)."""
        if self._holders is None:
            found: dict[str, list[int]] = {}
            for i, page in enumerate(self.pages):
                for rel in held_records(page.context, set()):
                    found.setdefault(rel, []).append(i)
            self._holders = found
        return self._holders

    @property
    def touched(self) -> bool:
        """Files were saved again or copied, and nothing in them changed: the output is the last build's."""
        return self.in_place and not self.edited

    def search_index(self) -> SearchIndex:
        """Which search documents read each record, and their numbers (``search.corpus.SearchIndex``)."""
        if self._search_index is None:
            from .search.corpus import SearchIndex

            self._search_index = SearchIndex(self.search_state, self.catalog)
        return self._search_index

    def image_use(self) -> ImageUse:
        """Which rendition files the output needs, counted (``images.use.ImageUse``)."""
        if self._image_use is None:
            from .images.use import ImageUse

            thumbs = {ident: (e.doc.thumb[1:] if e.doc.thumb else None)
                      for ident, e in (self.search_state.entries.items() if self.search_state else ())}
            self._image_use = ImageUse.of(self.files_of, self.new_state.requests.values(), thumbs)
        return self._image_use

    def files_of(self, request: tuple) -> tuple[str, ...]:
        """The rendition files (relative to the output) an image request uses; planned on first sight."""
        found = self.request_files.get(request)
        if found is None:
            found = self.request_files[request] = self.images.plan(request)
        return found
