"""A build that stays in memory between edits: what ``chinar serve --watch`` runs.

``chinar build`` starts from the cache directory every time. At 100,000 pages that start — reading
the last build's state, checking every record again, listing and fingerprinting every page, loading
the search corpus — costs tens of seconds, even when one artisan's name changed. A resident build
keeps all of it in memory between builds: the catalog, the relations, the pages with their
fingerprints and the records each one holds, the renderer with its compiled templates and cards, the
image plans, the search corpus and the parts of the last search export. Then, for a batch of changed
files:

- **An edit in place** — every changed file is a record that existed, still passes its checks, and
  keeps its *structure* (``pages.structure``: identity, URL, references and the fields lists are made
  from) — updates the record object itself. Every page holding it sees the change at once; only those
  pages (found through ``holders``, which record files each page holds) are fingerprinted again and
  rendered, only the search documents that read the record are analysed again, and the export
  redoes only the shards, volumes and chunks they touch. Crafts and districts are excluded (their
  names are search aliases for every document).
- **Anything else** — a record added, deleted or restructured, an image, a template, a schema, the
  alias file — runs the ordinary incremental build (``build.generate``) on the in-memory state
  rather than the cached one.

Either way the output is byte-identical to a full build (``tests/test_resident.py`` runs the edits of
``tests/test_incremental.py`` through it) and goes through the same ``OutputTree``: only changed files
are written, and they are swapped in only when every stage succeeded. Bad content is reported with
the file and field and changes nothing, in memory or on disk. Any other failure drops the memory: the
next build starts afresh.

The cache directory's build state is deleted as soon as the output moves ahead of it, and written
again by ``save()`` (on exit, and when the watcher has been idle), so a ``chinar build`` after the
watcher stops is incremental and never wrong.
"""

from __future__ import annotations

import gc
import logging
import os
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from . import urls
from .build import (
    _SHARED,
    SITE_DIR,
    BuildJob,
    BuildReport,
    _run_chunks,
    generate,
    note_record_media,
    output_identity,
    pelican_settings,
    plan_chunks,
    workers_for,
    write_feeds,
)
from .content import TYPE_DIRS, Record, _read_record, _same_bytes
from .errors import ContentError, Problem
from .incremental import held_records, page_fingerprint, stat_signature
from .output import OutputTree
from .pages import structure
from .validate import images as record_images
from .validate import prepare_validators

log = logging.getLogger(__name__)

TYPE_OF_DIR = {folder: type_ for type_, folder in TYPE_DIRS.items()}
NOT_IN_PLACE = ("craft", "district")  # their names are alias phrases of every search document


class ResidentBuild:
    """Builds ``content_dir`` into ``output_dir`` and keeps what it made for the next build."""

    def __init__(self, content_dir: Path, output_dir: Path, base_url: str = "", cache_dir: Path | None = None,
                 theme_dir: Path | None = None, *, publish: bool = False, workers: int = 0) -> None:
        self.content_dir, self.output_dir = Path(content_dir).resolve(), Path(output_dir).resolve()
        settings = pelican_settings(self.content_dir, self.output_dir, base_url, publish)
        self.cache_dir = Path(cache_dir or SITE_DIR / settings["CHINAR_CACHE_PATH"]).resolve()
        self.theme_dir = Path(theme_dir or settings["THEME"]).resolve()
        self.base_url = settings["SITEURL"] or "http://localhost:8000"
        self.workers = workers
        self.job: BuildJob | None = None
        self.dirty = False  # the memory is ahead of the cache directory: save() writes it
        self.last = ""  # how the last build went: "in place" (an edit in place) or "build"
        self.identity = ""  # the output folder the last build made (``build.output_identity``)
        self._reset()

    def _reset(self) -> None:
        from .search.export import ExportMemo

        self.job = None
        self.memo = ExportMemo()
        self.holders: dict[str, list[int]] = {}  # record file -> indexes of the pages holding it
        self.readers: dict = {}  # (type, key) -> search documents that read it
        self.position: dict = {}  # search document -> its number
        self.request_count: Counter = Counter()  # image request -> pages making it
        self.request_files: dict[tuple, tuple[str, ...]] = {}
        self.file_refs: Counter = Counter()  # rendition file -> live requests and thumbnails using it
        self.thumbs: dict = {}  # search document -> its thumbnail file, or None
        self.phrases: dict = {}  # the search alias phrases of the catalog

    # -- the one entry point ----------------------------------------------------------------------------

    def build(self, changed: Iterable[Path | str] | None = None) -> BuildReport:
        """Bring the output up to date; ``changed``: the files changed since the last call (None: unknown).

        Raises ContentError (nothing changed anywhere) for bad content, and other errors as
        ``chinar build`` does (the output is left as it was).
        """
        start = time.perf_counter()
        if self.job is not None and output_identity(self.output_dir) != self.identity:
            self._reset()  # the output was replaced or removed behind our back: what we know of it is void
        plan = self._plan(changed) if self.job is not None and changed is not None else None
        self.last = "in place" if plan is not None else "build"
        try:
            report = self._patch(plan) if plan is not None else self._generate()
        except ContentError:
            raise  # found before anything was touched
        except BaseException:
            self._reset()
            raise
        finally:
            gc.collect()
            gc.freeze()  # a heap of long-lived objects: keep the collector from walking it on every build
        self.identity = output_identity(self.output_dir)
        report.seconds["total"] = round(time.perf_counter() - start, 3)
        return report

    # -- deciding -------------------------------------------------------------------------------------

    def _plan(self, changed: Iterable[Path | str]) -> dict[str, tuple[tuple, Record]] | None:
        """The records to update in place, by file, or None when the batch needs ``_generate``."""
        assert self.job is not None and self.job.catalog is not None
        records = self.job.new_state.records
        plan: dict[str, tuple[tuple, Record]] = {}
        for path in sorted({os.path.abspath(p) for p in changed}):
            rel = os.path.relpath(path, self.content_dir).replace(os.sep, "/")
            folder, _, name = rel.partition("/")
            if folder not in TYPE_OF_DIR:
                return None  # media, theme, schemas, manifest, aliases...: not a record
            if "/" in name or not name.endswith(".json") or name.startswith("."):
                continue  # never read by the build (``content.record_files``): a temporary file, say
            if TYPE_OF_DIR[folder] in NOT_IN_PLACE or rel not in records:
                return None
            try:
                sig = stat_signature(os.stat(path))
            except FileNotFoundError:
                return None  # deleted
            old_sig, old = records[rel]
            if sig == old_sig:
                continue
            if _same_bytes(path, old):  # touched or copied: nothing to read again
                plan[rel] = (sig, old)
                continue
            data, problems, _broken = _read_record(TYPE_OF_DIR[folder], rel, path)
            if problems:
                raise ContentError(problems)
            if structure(data) != structure(old):
                return None
            plan[rel] = (sig, data)
        problems = []
        for rel, (_sig, data) in plan.items():
            for pointer, image in record_images(data):
                if not self.job.catalog.media_path(image["src"]).is_file():
                    problems.append(Problem(rel, pointer + "/src", f"image file media/{image['src']} does not exist"))
        if problems:
            raise ContentError(problems)
        return plan

    def _invalidate_cache(self) -> None:
        """The output is about to move ahead of the cached build state: remove it (``save`` rewrites it)."""
        if not self.dirty:
            for name in ("build-state.pickle", "build-inputs.txt"):
                (self.cache_dir / name).unlink(missing_ok=True)
            self.dirty = True

    # -- a build of everything that changed, on the in-memory state -------------------------------------

    def _generate(self) -> BuildReport:
        previous = self.job
        gc.unfreeze()
        tree = OutputTree(self.output_dir)
        tree.open()
        job = BuildJob(content_dir=self.content_dir, output=tree, base_url=self.base_url, cache_dir=self.cache_dir,
                       theme_dir=self.theme_dir, workers=self.workers,
                       previous=previous.new_state if previous else None,
                       search_previous=previous.search_state if previous else None, search_memo=self.memo,
                       keep_search_state=True)
        try:
            generate(job)
            self._invalidate_cache()
            tree.commit(job.state.outputs or None)
        except BaseException:
            tree.abort()
            raise
        job.new_state.outputs = set(tree.produced)
        self._reset_indexes(job)
        job.report.written, job.report.unchanged, job.report.removed = (len(tree.written), tree.unchanged,
                                                                         len(tree.removed))
        job.report.changed_files, job.report.removed_files = tree.moved, tree.removed
        return job.report

    def _reset_indexes(self, job: BuildJob) -> None:
        """Index what ``generate`` made: which records each page holds, image use, search documents."""
        from .search import documents
        from .search.corpus import readers_index

        memo = self.memo
        self._reset()
        self.memo, self.job = memo, job
        holders: dict[str, list[int]] = {}
        for i, page in enumerate(job.pages):
            for rel in held_records(page.context, set()):
                holders.setdefault(rel, []).append(i)
        self.holders = holders
        state = job.search_state
        self.readers = readers_index(state)
        self.position = {ident: i for i, ident in enumerate(state.order)}
        # Alias phrases change only with crafts, districts or the alias file, none of them edited in place.
        self.phrases = documents.alias_phrases(documents.alias_groups(job.catalog))
        self.request_count = Counter(r for requests in job.new_state.requests.values() for r in requests)
        for request in self.request_count:
            self.file_refs.update(self._files(request))
        for ident, entry in state.entries.items():
            thumb = entry.doc.thumb[1:] if entry.doc.thumb else None
            self.thumbs[ident] = thumb
            if thumb:
                self.file_refs[thumb] += 1
        prepare_validators(job.cache_dir)  # made now, not on the first edit

    def _files(self, request: tuple) -> tuple[str, ...]:
        """The rendition files (relative to the output) an image request uses."""
        found = self.request_files.get(request)
        if found is None:
            assert self.job is not None
            found = self.request_files[request] = self.job.images.plan(request)
        return found

    # -- an edit in place ---------------------------------------------------------------------------

    def _patch(self, plan: dict[str, tuple[tuple, Record]]) -> BuildReport:
        from .search import corpus as corpus_mod
        from .search import export

        job = self.job
        assert job is not None and job.catalog is not None and job.renderer is not None
        catalog, renderer, state, images = job.catalog, job.renderer, job.new_state, job.images
        report = BuildReport(pages=len(job.pages))
        t = time.perf_counter()
        edited: list[Record] = []
        for rel, (sig, data) in plan.items():
            rec = state.records[rel][1]
            state.records[rel] = (sig, rec)
            if data["_hash"] != rec["_hash"]:
                rec.clear()
                rec.update(data)
                note_record_media(rec, images.content_hash)
                edited.append(rec)
        report.seconds["load"] = round(time.perf_counter() - t, 3)
        if not edited:
            return report

        self._invalidate_cache()
        tree = OutputTree(self.output_dir)
        tree.open()
        try:
            t = time.perf_counter()
            renderer.forget_cards({rec["id"] for rec in edited})
            affected = sorted({i for rec in edited for i in self.holders.get(rec["_file"], ())})
            todo = []
            for i in affected:
                page = job.pages[i]
                fp = page_fingerprint(page, job.template_fps[page.template])
                if fp != state.pages.get(page.url):
                    state.pages[page.url] = fp
                    todo.append(i)
            workers = workers_for(job, len(todo))
            _SHARED.update(renderer=renderer, pages=job.pages, tree=tree, fingerprints=None)
            try:
                results = _run_chunks(plan_chunks(job.pages, todo, workers), workers)
            finally:
                _SHARED.clear()
            search_files = {f"{export.SITE_FOLDER}/{name}" for name in self.memo.files}
            tree.produced = set(state.outputs) - search_files
            born: set[str] = set()
            dead: set[str] = set()
            for url, written, requests, _fp in results:
                rel = urls.output_file(url)
                if written:
                    tree.written.append(rel)
                else:
                    tree.unchanged += 1
                old = state.requests.get(url, frozenset())
                for r in old - requests:
                    self.request_count[r] -= 1
                    if not self.request_count[r]:
                        del self.request_count[r]
                        dead.update(self._release(self._files(r)))
                for r in requests - old:
                    self.request_count[r] += 1
                    if self.request_count[r] == 1:
                        born.update(self._hold(self._files(r)))
                state.requests[url] = requests
            if any(rec["type"] == "story" for rec in edited):
                write_feeds(tree, catalog, renderer, job.relations)
            report.rendered = len(todo)
            report.seconds["render"] = round(time.perf_counter() - t, 3)

            t = time.perf_counter()
            search = job.search_state

            def thumbnail(image: dict) -> str:
                return images.thumbnail(image).url

            found = corpus_mod.patch_corpus(search, catalog, {(r["type"], r["translation_key"]) for r in edited},
                                            self.phrases, self.readers, self.position, thumbnail)
            if found is None:
                raise RuntimeError("search alias phrases changed in an edit in place")  # excluded by _plan
            stats, layout, lists = export.export(catalog, found, None, 1, sink=tree.write, memo=self.memo,
                                                 keep=tree.keep)
            corpus_mod.apply_patch(search, found, layout, lists)
            for entry in (found.changed or {}).values():
                d = entry.doc
                ident = (d.type, d.key, d.locale)
                thumb = d.thumb[1:] if d.thumb else None
                if self.thumbs.get(ident) != thumb:
                    dead.update(self._release((self.thumbs[ident],) if self.thumbs.get(ident) else ()))
                    born.update(self._hold((thumb,) if thumb else ()))
                    self.thumbs[ident] = thumb
            stats.update(found.stats)
            report.search = stats
            report.seconds["search"] = round(time.perf_counter() - t, 3)

            t = time.perf_counter()
            # A file that had no user is new, or was removed from the output by an earlier build:
            # either way it must be linked into this one.
            images.forget_written(born - dead)
            before = images.stats
            images.write()
            tree.produced -= dead - born
            tree.produced |= born - dead
            report.images = {k: v - before.get(k, 0) for k, v in images.stats.items()}
            report.seconds["images"] = round(time.perf_counter() - t, 3)
            tree.commit(state.outputs)
        except BaseException:
            tree.abort()
            raise
        state.outputs = set(tree.produced)
        report.written, report.unchanged, report.removed = len(tree.written), tree.unchanged, len(tree.removed)
        report.changed_files, report.removed_files = tree.moved, tree.removed
        return report

    def _hold(self, files: Iterable[str]) -> set[str]:
        """Count one more user of each file; return the files that had none."""
        born = set()
        for f in files:
            self.file_refs[f] += 1
            if self.file_refs[f] == 1:
                born.add(f)
        return born

    def _release(self, files: Iterable[str]) -> set[str]:
        """Count one user less of each file; return the files left with none."""
        dead = set()
        for f in files:
            self.file_refs[f] -= 1
            if self.file_refs[f] <= 0:
                del self.file_refs[f]
                dead.add(f)
        return dead

    # -- the cache directory --------------------------------------------------------------------------

    def save(self) -> None:
        """Write the in-memory state to the cache directory, for ``chinar build`` (and ``chinar search``)."""
        if not self.dirty or self.job is None:
            return
        from .search import corpus as corpus_mod
        from .search import engine

        search = corpus_mod.finish_state(self.job.search_state)
        directory = self.cache_dir / "whoosh"
        corpus_mod.save_state(directory, search)
        engine.write_sidecar(directory, self.phrases, search.generation)
        self.job.new_state.save(self.cache_dir)
        self.dirty = False
        log.info("build state saved to %s", self.cache_dir)


__all__ = ["ResidentBuild"]
