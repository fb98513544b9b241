"""How the build runs its stages side by side: the search index in a process of its own, records read
ahead of Pelican's start-up, the compiled validators kept in the cache, and the command's exit.

None of it may change what is built; each test compares with the plain way, or breaks a part and
checks the build says so and leaves the last good output.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import chinar.build
import chinar.content
import chinar.search
from catalogs import TINY
from chinar.build import BuildError, BuildJob, build
from chinar.content import ReadAhead, load_catalog, record_files
from chinar.errors import ContentError


def tree(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


# -- the search index, in its own process -------------------------------------------------------------


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
    real_finish = chinar.build.SearchStage.finish

    def finish(self):
        modes.append("apart" if self.process is not None else "beside" if self.done else "after")
        return real_finish(self)

    monkeypatch.setattr(chinar.build.SearchStage, "finish", finish)
    monkeypatch.setattr(chinar.build, "SEARCH_APART_BELOW", 10**9 if mode == "apart" else 0)
    monkeypatch.setattr(chinar.build, "SEARCH_BESIDE_BELOW", 0 if mode == "after" else 10**9)
    monkeypatch.setattr(chinar.build, "workers_for", lambda job, n: 2)  # render in worker processes
    out = tmp_path / "out"
    report = build(TINY, out, "https://chinar.example.in", cache_dir=image_cache, workers=2, full=True)
    assert modes == [mode]
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
    real_init = chinar.build.SearchStage.__init__

    def init(self, job, images):
        real_init(self, job, images)
        started.append(self.process)

    def slow_index(*args, **kwargs):
        import time
        time.sleep(60)

    def broken_pages(*args, **kwargs):
        raise RuntimeError("listing pages failed")

    monkeypatch.setattr(chinar.build.SearchStage, "__init__", init)
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


def test_a_build_leaves_nothing_of_itself_in_memory(tmp_path: Path, image_cache: Path) -> None:
    """Once ``build`` returns, its job (catalog, pages, templates) can be freed: nothing module-level
    keeps it (method caches did, and a resident build made a new one per rebuild)."""
    build(TINY, tmp_path / "out", cache_dir=image_cache)
    gc.collect()
    assert not [o for o in gc.get_objects() if type(o) is BuildJob]


# -- records read ahead ----------------------------------------------------------------------------


@pytest.fixture
def read_in_parallel(monkeypatch):
    """Read the tiny catalog in worker processes, as a large one is."""
    monkeypatch.setattr(chinar.content, "PARALLEL_READ_MIN", 1)


def test_records_read_ahead_give_the_same_catalog(read_in_parallel, tmp_path: Path) -> None:
    plain = load_catalog(TINY)
    ahead = ReadAhead(list(record_files(TINY)), 2)
    assert ahead.pool is not None
    read = load_catalog(TINY, ahead=ahead)
    assert ahead.pool is None  # done with, its processes ended
    assert read.records == plain.records and len(read.records) > 5


def test_records_read_ahead_of_other_files_are_not_used(read_in_parallel, tiny_content: Path) -> None:
    ahead = ReadAhead(list(record_files(tiny_content)), 2)
    added = tiny_content / "stories/new-story.en.json"
    story = json.loads(next((tiny_content / "stories").glob("*.en.json")).read_text())
    story.update(translation_key="new-story", slug="new-story", id="story-new-story", title="A new story")
    added.write_text(json.dumps(story, ensure_ascii=False))
    catalog = load_catalog(tiny_content, ahead=ahead)
    assert catalog.get("story", "new-story", "en")["title"] == "A new story"


def test_a_bad_record_read_ahead_is_reported_by_file_and_field(read_in_parallel, tiny_content: Path,
                                                               tmp_path: Path, image_cache: Path) -> None:
    bad = tiny_content / "products/sozni-stole.en.json"
    data = json.loads(bad.read_text())
    data["price_inr"] = "a lot"
    bad.write_text(json.dumps(data))
    with pytest.raises(ContentError) as info:
        load_catalog(tiny_content, ahead=ReadAhead(list(record_files(tiny_content)), 2))
    assert any(p.file == "products/sozni-stole.en.json" and p.pointer == "/price_inr" for p in info.value.problems)
    out = tmp_path / "out"
    with pytest.raises(ContentError):
        build(tiny_content, out, cache_dir=image_cache, full=True)
    assert not out.exists()


def test_a_full_build_reads_ahead_and_builds_the_same(read_in_parallel, tmp_path: Path, image_cache: Path,
                                                     monkeypatch) -> None:
    used = []
    real = ReadAhead.results

    def results(self, files):
        found = real(self, files)
        used.append(found is not None)
        return found

    monkeypatch.setattr(ReadAhead, "results", results)
    build(TINY, tmp_path / "first", cache_dir=image_cache)  # leaves its state in the cache
    used.clear()
    build(TINY, tmp_path / "plain", cache_dir=image_cache)
    assert used in ([], [False])  # with cached state, no read-ahead: only changed files are read
    used.clear()
    build(TINY, tmp_path / "ahead", cache_dir=image_cache, full=True, workers=2)
    assert used == [True]
    assert tree(tmp_path / "plain") == tree(tmp_path / "ahead")


# -- compiled validators, kept in the cache --------------------------------------------------------


def test_compiled_validators_are_kept_in_the_cache(tmp_path: Path, monkeypatch) -> None:
    import fastjsonschema

    from chinar import validate
    from chinar.record_types import schema_dir as default_schema_dir

    schemas = default_schema_dir()
    first = validate.validator_code(schemas, tmp_path)
    kept = list((tmp_path / "validators").glob("*.marshal"))
    assert len(kept) == 1

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again although the cache has the code")

    monkeypatch.setattr(fastjsonschema, "compile_to_code", no_compiling)
    assert validate.validator_code(schemas, tmp_path).keys() == first.keys()
    monkeypatch.undo()

    kept[0].write_bytes(b"not marshal data")  # a damaged cache file is made again
    again = validate.validator_code(schemas, tmp_path)
    assert again.keys() == first.keys() and kept[0].read_bytes() != b"not marshal data"

    changed = tmp_path / "schemas"  # another schema: another file, the old one removed
    changed.mkdir()
    for path in schemas.glob("*.schema.json"):
        (changed / path.name).write_bytes(path.read_bytes())
    product = json.loads((changed / "product.schema.json").read_text())
    product["description"] = "changed"
    (changed / "product.schema.json").write_text(json.dumps(product))
    validate.validator_code(changed, tmp_path)
    now = list((tmp_path / "validators").glob("*.marshal"))
    assert len(now) == 1 and now != kept

    # Code loaded from the cache checks records exactly as freshly compiled code does.
    monkeypatch.setattr(validate, "_FAST", {})
    good = json.loads((TINY / "products/sozni-stole.en.json").read_text())
    bad = {**good, "price_inr": "a lot"}
    assert validate.validate_record(good, "product", "products/sozni-stole.en.json") == []
    problems = validate.validate_record(bad, "product", "products/sozni-stole.en.json")
    assert [p.pointer for p in problems] == ["/price_inr"]


# -- the command ----------------------------------------------------------------------------------


def test_the_build_command_ends_at_once_with_its_report_and_status(tiny_content: Path, tmp_path: Path,
                                                                     image_cache: Path) -> None:
    """``chinar build`` leaves without tearing the interpreter down (``cli.exit_now``): its summary,
    log lines and exit status must still all come out."""
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "chinar.cli", "build", "--content", str(tiny_content), "--output", str(out),
           "--cache", str(image_cache)]
    # Output to a pipe is buffered unless PYTHONUNBUFFERED says otherwise: without it, a summary not
    # flushed before the process ends would be lost.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"built {out}") and "stages:" in done.stdout
    assert "INFO chinar.output: output:" in done.stderr  # logging flushed
    assert (out / "index.html").is_file()
    (tiny_content / "products/sozni-stole.en.json").write_text("{ not json")
    failed = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert failed.returncode == 1
    assert "products/sozni-stole.en.json" in failed.stderr and "left unchanged" in failed.stderr


def test_the_cache_read_ahead_uses_is_the_settings_default() -> None:
    """``read_ahead`` runs before Pelican's settings are read, with ``DEFAULT_CACHE_DIR`` when no cache
    is given: it must be where ``CHINAR_CACHE_PATH`` in site/pelicanconf.py points."""
    from chinar.build import DEFAULT_CACHE_DIR, SITE_DIR, pelican_settings

    for publish in (False, True):
        settings = pelican_settings(TINY, Path("/tmp/unused-output"), "", publish=publish)
        assert (SITE_DIR / settings["CHINAR_CACHE_PATH"]).resolve() == DEFAULT_CACHE_DIR.resolve()


def test_the_collector_is_paused_while_building_and_restored_after(tmp_path: Path, image_cache: Path,
                                                                    tiny_content: Path, monkeypatch) -> None:
    seen = []
    real = chinar.build.generate

    def generate(job):
        seen.append(gc.isenabled())
        return real(job)

    monkeypatch.setattr(chinar.build, "generate", generate)  # the Pelican plugin looks it up when it runs
    assert gc.isenabled()
    build(TINY, tmp_path / "out", cache_dir=image_cache, full=True)
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller that turned it off itself keeps it off
    try:
        build(TINY, tmp_path / "again", cache_dir=image_cache, full=True)
        assert not gc.isenabled()
    finally:
        gc.enable()
    (tiny_content / "products/sozni-stole.en.json").write_text("{not json")
    with pytest.raises(ContentError):  # and a failed build restores it too
        build(tiny_content, tmp_path / "none", cache_dir=image_cache, full=True)
    assert gc.isenabled()
