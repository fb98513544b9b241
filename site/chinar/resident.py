"""A build that stays in memory between edits: what ``chinar serve --watch`` and the publisher run.

``chinar build`` starts from the cache directory every time. At 100,000 pages that start — reading the
last build's state, checking every record again, listing and fingerprinting every page, loading the
search corpus — costs tens of seconds, even when one artisan's name changed. A resident build keeps the
last build (``build.BuildJob``: catalog, pages, renderer, images, search state) and hands it to the next
``build.generate`` as ``previous``, with the files that changed. The pipeline is the same; an edit in
place then renders only the pages holding the edited records (see ``chinar.changes``).

What this module adds is only about staying resident: holding the last build, making the indexes an edit
in place needs while nothing is happening (rather than on the first edit), noticing that the output was
replaced behind its back, and writing the state to the cache directory when asked (``save``: on exit and
when the watcher is idle). The cached state is deleted as soon as the output moves ahead of it, so a
``chinar build`` meanwhile does a full build rather than a wrong one.

Bad content is reported with the file and field and changes nothing, in memory or on disk. Any other
failure drops the memory: the next build starts afresh.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Iterable
from pathlib import Path

from .build import collector_paused, forget_state, generate, new_job, output_identity
from .changes import Changes
from .errors import ContentError
from .job import BuildJob, BuildReport
from .output import OutputTree
from .policy import BuildPolicy
from .progress import QUIET, Progress
from .settings import load_plugins, read_settings
from .validate import prepare_validators

log = logging.getLogger(__name__)


class ResidentBuild:
    """Builds ``content_dir`` into ``output_dir`` and keeps what it made for the next build."""

    def __init__(self, content_dir: Path, output_dir: Path, base_url: str = "", cache_dir: Path | None = None,
                 theme_dir: Path | None = None, *, publish: bool = False, workers: int = 0,
                 policy: BuildPolicy | None = None, progress: Progress = QUIET) -> None:
        self.settings = read_settings(content_dir, output_dir, base_url, cache_dir, theme_dir, publish=publish)
        self.content_dir, self.output_dir = self.settings.content_dir, self.settings.output_dir
        self.cache_dir = self.settings.cache_dir
        self.policy = policy or BuildPolicy.for_machine(workers)
        self.progress = progress
        load_plugins(self.settings.plugins)
        self.job: BuildJob | None = None  # the last build, kept
        self.dirty = False  # the memory is ahead of the cache directory: save() writes it
        self.last = ""  # how the last build went: "in place" (an edit in place) or "build"
        self.identity = ""  # the output folder the last build made (``build.output_identity``)

    def build(self, changed: Iterable[Path | str] | None = None) -> BuildReport:
        """Bring the output up to date; ``changed``: the files changed since the last call (None: unknown).

        Raises ContentError (nothing changed anywhere) for bad content, and other errors as
        ``chinar build`` does (the output is left as it was).
        """
        from .search.export import ExportMemo

        start = time.perf_counter()
        if self.job is not None and output_identity(self.output_dir) != self.identity:
            self.job = None  # the output was replaced or removed behind our back: what we know of it is void
        previous = self.job
        tree = OutputTree(self.output_dir)
        job = new_job(self.settings, tree, self.policy, progress=self.progress, resident=True, previous=previous,
                      changes=Changes.of(changed) if previous is not None else Changes.of(None),
                      search_memo=previous.search_memo if previous is not None else ExportMemo())
        try:
            with collector_paused():
                tree.open()
                try:
                    generate(job)
                    if job.touched:
                        tree.abort()  # nothing staged: the live output is this build's already
                    else:  # the output moves on
                        self._invalidate_cache()
                        tree.commit(job.state.outputs or None)
                except BaseException:
                    tree.abort()
                    raise
        except ContentError:
            raise  # found before anything was touched: the last build still stands
        except BaseException:
            self.job = None
            raise
        finally:
            # The kept heap is frozen (below), out of the collector's sight: an edit in place collects only
            # what it made, in milliseconds. After any other build the old heap is garbage, so it is thawed
            # and collected in full (about a second at 100,000 pages). A touch made nothing to collect.
            if not job.in_place or self.job is None:
                gc.unfreeze()
            if not job.touched:
                gc.collect()
        if job.touched:  # the kept state, the indexes and the output are all still the last build's
            self.last, self.job, job.previous = "in place", job, None
            job.report.seconds["total"] = round(time.perf_counter() - start, 3)
            return job.report
        job.new_state.outputs = set(tree.produced)
        job.report.written, job.report.unchanged, job.report.removed = (len(tree.written), tree.unchanged,
                                                                         len(tree.removed))
        job.report.changed_files, job.report.removed_files = tree.moved, tree.removed
        self.last = "in place" if job.in_place else "build"
        self.job = job
        job.previous = None  # what is still of use was carried into this build
        self.warm()
        gc.freeze()  # a heap of long-lived objects: keep the collector from walking it on every build
        self.identity = output_identity(self.output_dir)
        job.report.seconds["total"] = round(time.perf_counter() - start, 3)
        return job.report

    def warm(self) -> None:
        """Make now what the next edit in place needs (which pages hold each record, which search documents
        read it, which rendition files are in use), rather than on the first edit."""
        job = self.job
        if job is None or job.catalog is None:
            return
        job.holders()
        if job.search_state is not None:
            job.search_index()
        job.image_use()
        prepare_validators(job.cache_dir)
        OutputTree(self.output_dir).prepare_standby()

    def _invalidate_cache(self) -> None:
        """The output is about to move ahead of the cached build state: remove it (``save`` rewrites it)."""
        if not self.dirty:
            forget_state(self.cache_dir)
            self.dirty = True

    def save(self) -> None:
        """Write the in-memory state to the cache directory, for ``chinar build`` (and ``chinar search``)."""
        if not self.dirty or self.job is None or self.job.search_state is None:
            return
        from .search import corpus as corpus_mod
        from .search import engine

        job = self.job
        search = corpus_mod.finish_state(job.search_state)
        directory = self.cache_dir / "whoosh"
        corpus_mod.save_state(directory, search)
        engine.write_sidecar(directory, job.search_index().phrases, search.generation)
        job.new_state.save(self.cache_dir)
        self.dirty = False
        log.info("build state saved to %s", self.cache_dir)


__all__ = ["ResidentBuild"]
