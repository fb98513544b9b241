"""The search stage of a build: the index needs the catalog, not the pages, so it is made beside them.

One stage, two questions. *What* is done depends on the change: an edit in place analyses again only
the documents that read the edited records and patches the postings (``corpus.patch_corpus``); any
other build analyses what changed since the last one and rebuilds the postings (``corpus.build_corpus``);
either way the export redoes only the files whose inputs changed. *Where* it is done is the policy's
call (``BuildPolicy.search_place``): in a forked process from the end of the load (a small catalog, a
build that does not stay in memory), in this process while the render workers run, or after them when
the two would not fit the memory budget together.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from typing import TYPE_CHECKING, Any

from ..errors import BuildError
from ..policy import SERIAL
from . import corpus as corpus_mod
from . import export

if TYPE_CHECKING:
    from ..job import BuildJob


class SearchStage:
    """Started once the catalog is loaded; ``meanwhile`` runs it beside the render, ``finish`` ends it."""

    def __init__(self, job: BuildJob, images, in_place: bool) -> None:
        self.job, self.images, self.in_place = job, images, in_place
        self.process: Any = None
        self.done = False
        in_process = in_place or job.shard is not None  # a shard only analyses its slice
        self.place = "beside" if in_process else job.policy.search_place(job.catalog.count(), job.resident)
        if self.place == "apart":
            ctx = multiprocessing.get_context("fork")
            self.conn, send = ctx.Pipe(duplex=False)
            self.process = ctx.Process(target=_apart, args=(job, images, send), daemon=True)
            gc.freeze()  # the child's collector then leaves the inherited catalog alone (no copies of it)
            try:
                self.process.start()
            finally:
                gc.unfreeze()
            send.close()

    def meanwhile(self, busy: bool) -> None:
        """Called while the pages render (``busy``: in worker processes), or after them."""
        if self.process is None and not self.done and (self.place == "beside" or not busy):
            t = time.perf_counter()
            if self.in_place:
                self._patch()
            elif self.job.shard is not None:
                self._analyse_slice()
            else:
                self._build(busy)
            self.job.timed("search", t)
            self.done = True

    def finish(self) -> None:
        """Wait for the index; take in its files and thumbnails; raise what made it fail."""
        if self.process is None:
            self.meanwhile(busy=False)  # if it was not made while the pages rendered
            return
        try:
            message = self.conn.recv()
        except EOFError:
            message = None
        finally:
            self.conn.close()
            self.process.join()
        if message is None:  # its exit code is known once it has been joined
            message = ("failed", BuildError("the process making the search index ended without a result "
                                            f"(exit code {self.process.exitcode})"))
        self.process = None
        if message[0] == "failed":
            raise message[1]
        _, stats, seconds, writes, thumbnails = message
        out = self.job.output
        for rel, written in writes:
            out.produced.add(rel)
            if written:
                out.written.append(rel)
            else:
                out.unchanged += 1
        for image in thumbnails:
            self.images.thumbnail(image)  # plans the rendition in this process's pipeline
        self.job.report.search = stats
        self.job.report.seconds["search"] = seconds
        self.done = True

    def stop(self) -> None:
        """The build failed elsewhere: end the index process, if any."""
        if self.process is not None:
            self.process.terminate()
            self.process.join()
            self.conn.close()
            self.process = None

    # -- what is done ---------------------------------------------------------------------------------

    def _build(self, busy: bool) -> None:
        """Index the catalog (reusing the last build's analysis), in this process. ``busy``: the render
        workers hold the cores, so the lists are scored here rather than in more processes."""
        from . import write_index

        job = self.job
        keep: dict = {}
        previous = job.previous
        memo = job.search_memo
        job.report.search = write_index(
            job.catalog, None, job.cache_dir, thumbnail=lambda image: self.images.thumbnail(image).url,
            policy=SERIAL if busy else job.policy, write=job.output.write, full=job.full,
            previous=previous.search_state if previous is not None else None, keep=keep, memo=memo,
            keep_file=job.output.keep, progress=job.progress, analysed=job.analysed)
        job.search_state = keep["state"]

    def _analyse_slice(self) -> None:
        """A shard's part (``chinar.shards``): its slice of the documents analysed, their thumbnails encoded
        here; the merge makes the index from every shard's documents."""
        from ..catalog import Catalog
        from .documents import alias_groups, alias_phrases, first_image

        job = self.job
        catalog: Catalog = job.catalog
        phrases = alias_phrases(alias_groups(catalog))
        entries, stats = corpus_mod.analyse_documents(catalog, phrases, {}, True, select=job.shard.holds_document)
        for entry in entries.values():
            image = first_image(catalog.get(entry.doc.type, entry.doc.key, entry.doc.locale))
            if image:
                self.images.thumbnail(image)
        job.analysed = entries
        job.report.search = {**stats, "documents": len(entries)}

    def _patch(self) -> None:
        """An edit in place: the documents reading the edited records analysed again, the postings patched,
        the export redone where it changed; the thumbnails' use counted."""
        job = self.job
        state = job.search_state
        index = job.search_index()
        # The export names every file of the index again (written, or kept if it is live already).
        job.output.produced -= {f"{export.SITE_FOLDER}/{name}" for name in job.search_memo.files}
        found = corpus_mod.patch_corpus(state, job.catalog, {(r["type"], r["translation_key"]) for r in job.edited},
                                        index.phrases, index.readers, index.position,
                                        lambda image: self.images.thumbnail(image).url, index.kept)
        if found is None:
            raise RuntimeError("search alias phrases changed in an edit in place")  # excluded by changes.py
        stats, layout, lists = export.export(job.catalog, found, None, SERIAL, sink=job.output.write,
                                             memo=job.search_memo, keep=job.output.keep)
        corpus_mod.apply_patch(state, found, layout, lists)
        use = job.image_use()
        for entry in (found.changed or {}).values():
            d = entry.doc
            use.thumb((d.type, d.key, d.locale), d.thumb[1:] if d.thumb else None)
        stats.update(found.stats)
        job.report.search = stats


def _apart(job: BuildJob, images, conn) -> None:
    """The forked process of ``SearchStage``: make the index, send back what the build needs of it."""
    try:
        from . import write_index

        t = time.perf_counter()
        writes: list[tuple[str, bool]] = []
        thumbnails: list[dict] = []

        def write(rel: str, data: bytes) -> None:
            writes.append((rel, job.output.write_bytes(rel, data)))

        def thumbnail(image: dict) -> str:
            thumbnails.append(image)
            return images.thumbnail(image).url

        stats = write_index(job.catalog, None, job.cache_dir, thumbnail=thumbnail, policy=SERIAL, write=write,
                            full=job.full)
        conn.send(("done", stats, round(time.perf_counter() - t, 3), writes, thumbnails))
    except BaseException as exc:  # sent, not raised: the build fails in the main process, naming it
        try:
            conn.send(("failed", exc))
        except Exception:  # an exception that cannot be pickled
            conn.send(("failed", BuildError(f"search index: {type(exc).__name__}: {exc}")))
    finally:
        conn.close()

