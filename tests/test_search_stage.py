"""The search stage of a build (``chinar.search.stage``): in a process of its own, beside the render workers or
after them, always the same files; a failure anywhere fails the build and leaves the output as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sites import tree

import chinar.search
import chinar.search.stage
from catalogs import TINY
from chinar.build import build
from chinar.errors import BuildError
from chinar.policy import FORK_ALWAYS, BuildPolicy


def test_search_in_its_own_process_builds_the_same_site(tmp_path: Path, image_cache: Path) -> None:
    """``workers=2``: the index is made in a forked process; ``workers=1``: in the build's process."""
    reports = {}
    whoosh = {}
    for workers in (1, 2):
        # Full builds: both analyse every document, neither reuses the other's work.
        reports[workers] = build(TINY, tmp_path / f"out-{workers}", "https://chinar.example.in",
                                 cache_dir=image_cache, workers=workers, full=True)
        whoosh[workers] = tree(image_cache / "whoosh")
    assert tree(tmp_path / "out-1") == tree(tmp_path / "out-2")
    assert any(p.startswith("search-index/") for p in tree(tmp_path / "out-2"))
    one, two = reports[1], reports[2]
    assert one.search == two.search and one.search["documents"] > 0
    assert one.written == two.written and one.images["written"] == two.images["written"]
    assert "search" in two.seconds
    # The forked process saved the index state that `chinar search` and the next build read.
    assert whoosh[1] == whoosh[2] != {}


@pytest.mark.parametrize("mode", ["apart", "beside", "after"])
def test_every_way_of_making_the_search_index_builds_the_same_site(tmp_path: Path, image_cache: Path,
                                                                   monkeypatch, mode: str) -> None:
    """Forked from the end of the load, in the main process while pages render, or after them (a large
    catalog, where the index's memory must not add to the render workers'): the same files."""
    reference = tmp_path / "reference"
    build(TINY, reference, "https://chinar.example.in", cache_dir=image_cache, workers=1, full=True)
    modes = []
    real_finish = chinar.search.stage.SearchStage.finish

    def finish(self):
        modes.append("apart" if self.process is not None else "beside" if self.done else "after")
        return real_finish(self)

    monkeypatch.setattr(chinar.search.stage.SearchStage, "finish", finish)
    policy = BuildPolicy(cores=2, fork_min=FORK_ALWAYS,  # pages rendered in worker processes
                         search_apart_max=10**9 if mode == "apart" else 0,
                         memory_budget=1 if mode == "after" else 10**12)
    out = tmp_path / "out"
    report = build(TINY, out, "https://chinar.example.in", cache_dir=image_cache, policy=policy, full=True)
    assert modes == [mode] and policy.search_place(10, False) == mode
    assert tree(out) == tree(reference) and report.search["documents"] > 0


@pytest.mark.parametrize("failure", ["raises", "unpicklable", "dies"])
def test_a_failing_search_process_fails_the_build_and_keeps_the_output(
        tiny_content: Path, tmp_path: Path, image_cache: Path, monkeypatch, failure: str) -> None:
    out = tmp_path / "out"
    build(tiny_content, out, cache_dir=image_cache, workers=2)
    before = tree(out)
    artisan = tiny_content / "artisans/shazia-akhter.en.json"
    artisan.write_text(artisan.read_text().replace("Shazia", "Sh."))

    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("not picklable")

    def broken(*args, **kwargs):
        if failure == "dies":
            os._exit(3)
        if failure == "unpicklable":
            raise Unpicklable("index went wrong")
        raise RuntimeError("index went wrong")

    monkeypatch.setattr(chinar.search, "write_index", broken)  # inherited by the forked process
    with pytest.raises((RuntimeError, BuildError)) as info:
        build(tiny_content, out, cache_dir=image_cache, workers=2)
    if failure == "dies":
        assert "search index" in str(info.value) and "exit code 3" in str(info.value)
    else:
        assert "index went wrong" in str(info.value)
    assert tree(out) == before
    assert not any(p.name.startswith(".out.") for p in tmp_path.iterdir())


def test_a_failed_build_stops_the_search_process(tiny_content: Path, tmp_path: Path, image_cache: Path,
                                                 monkeypatch) -> None:
    """A stage failing while the index is being made ends that process too (no orphan left running)."""
    import multiprocessing

    started = []
    real_init = chinar.search.stage.SearchStage.__init__

    def init(self, job, images, in_place):
        real_init(self, job, images, in_place)
        started.append(self.process)

    def slow_index(*args, **kwargs):
        import time
        time.sleep(60)

    def broken_pages(*args, **kwargs):
        raise RuntimeError("listing pages failed")

    monkeypatch.setattr(chinar.search.stage.SearchStage, "__init__", init)
    monkeypatch.setattr(chinar.search, "write_index", slow_index)
    monkeypatch.setattr(chinar.build, "build_pages", broken_pages)
    with pytest.raises(RuntimeError, match="listing pages failed"):
        build(tiny_content, tmp_path / "out", cache_dir=image_cache, workers=2)
    assert len(started) == 1 and started[0] is not None
    assert not started[0].is_alive() and not multiprocessing.active_children()


def test_a_full_build_analyses_every_search_document_again(tmp_path: Path, image_cache: Path) -> None:
    """``full`` ignores what earlier builds cached, the search index's analysed documents included."""
    cache = tmp_path / "cache"
    first = build(TINY, tmp_path / "a", cache_dir=cache)
    incremental = build(TINY, tmp_path / "b", cache_dir=cache)
    full = build(TINY, tmp_path / "c", cache_dir=cache, full=True)
    documents = first.search["documents"]
    assert first.search["analysed"] == documents > 0
    assert incremental.search["analysed"] == 0 and incremental.search["reused"] == documents
    assert full.search["analysed"] == documents and full.search["reused"] == 0
    assert tree(tmp_path / "a") == tree(tmp_path / "c")
