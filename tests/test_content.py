"""Reading the contract (``chinar.content``): records read ahead in worker processes, unchanged files reused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sites import edit_json, tree

from catalogs import TINY
from chinar.build import build
from chinar.content import ReadAhead, load_catalog, record_files
from chinar.errors import ContentError
from chinar.policy import FORK_ALWAYS, BuildPolicy

PARALLEL = BuildPolicy(cores=2, fork_min=FORK_ALWAYS)  # read the tiny catalog in processes, as a large one is


def test_records_read_ahead_give_the_same_catalog(tmp_path: Path) -> None:
    plain = load_catalog(TINY)
    ahead = ReadAhead(list(record_files(TINY)), PARALLEL)
    assert ahead.pool is not None
    read = load_catalog(TINY, ahead=ahead)
    assert ahead.pool is None  # done with, its processes ended
    assert read.records == plain.records and len(read.records) > 5


def test_records_read_ahead_of_other_files_are_not_used(tiny_content: Path) -> None:
    ahead = ReadAhead(list(record_files(tiny_content)), PARALLEL)
    added = tiny_content / "stories/new-story.en.json"
    story = json.loads(next((tiny_content / "stories").glob("*.en.json")).read_text())
    story.update(translation_key="new-story", slug="new-story", id="story-new-story", title="A new story")
    added.write_text(json.dumps(story, ensure_ascii=False))
    catalog = load_catalog(tiny_content, ahead=ahead)
    assert catalog.get("story", "new-story", "en")["title"] == "A new story"


def test_a_bad_record_read_ahead_is_reported_by_file_and_field(tiny_content: Path, tmp_path: Path,
                                                               image_cache: Path) -> None:
    bad = tiny_content / "products/sozni-stole.en.json"
    data = json.loads(bad.read_text())
    data["price_inr"] = "a lot"
    bad.write_text(json.dumps(data))
    with pytest.raises(ContentError) as info:
        load_catalog(tiny_content, ahead=ReadAhead(list(record_files(tiny_content)), PARALLEL))
    assert any(p.file == "products/sozni-stole.en.json" and p.pointer == "/price_inr" for p in info.value.problems)
    out = tmp_path / "out"
    with pytest.raises(ContentError):
        build(tiny_content, out, cache_dir=image_cache, full=True, policy=PARALLEL)
    assert not out.exists()


def test_a_full_build_reads_ahead_and_builds_the_same(tmp_path: Path, image_cache: Path, monkeypatch) -> None:
    used = []
    real = ReadAhead.results

    def results(self, files, progress):
        found = real(self, files, progress)
        used.append(found is not None)
        return found

    monkeypatch.setattr(ReadAhead, "results", results)
    build(TINY, tmp_path / "first", cache_dir=image_cache, policy=PARALLEL)  # leaves its state in the cache
    used.clear()
    build(TINY, tmp_path / "plain", cache_dir=image_cache, policy=PARALLEL)
    assert used in ([], [False])  # with cached state, no read-ahead: only changed files are read
    used.clear()
    build(TINY, tmp_path / "ahead", cache_dir=image_cache, full=True, policy=PARALLEL)
    assert used == [True]
    assert tree(tmp_path / "plain") == tree(tmp_path / "ahead")


def test_copied_files_are_not_parsed_again(tiny_content: Path, tmp_path: Path, monkeypatch) -> None:
    """A pull copies every file (new inodes, new ctimes): files with the same bytes reuse their records."""
    import shutil

    from chinar import content

    cache: dict = {}
    first = content.load_catalog(tiny_content, record_cache=cache)
    copy = tmp_path / "copy"
    shutil.copytree(tiny_content, copy)
    edit_json(copy / "artisans/shazia-akhter.en.json", lambda d: d.update(name="Shazia Akhter Bhat"))
    read = []
    real = content.read_record
    monkeypatch.setattr(content, "read_record", lambda *a: read.append(a[1]) or real(*a))
    second = content.load_catalog(copy, record_cache=cache)
    assert read == ["artisans/shazia-akhter.en.json"]
    assert second.get("artisan", "shazia-akhter", "en")["name"] == "Shazia Akhter Bhat"
    assert len(list(second.iter_records())) == len(list(first.iter_records()))
