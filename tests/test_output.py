"""The output commit (``chinar.output``): one switch from a whole version to the next, a commit that dies at
any step leaves readers the old whole version, and the next build finishes the job."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sites import tree

from catalogs import TINY
from chinar.build import build
from chinar.faults import CRASH_STATUS

VERSIONS = ["https://one.example.in", "https://two.example.in", "https://three.example.in"]
# Every step of a commit, and some files into the move of the staged ones.
CRASH_POINTS = ["standby marked", "standby caught up", "file moved:1", "file moved:20", "file moved:60",
                "staged moved", "stale removed", "switched"]


def read_version(out: Path) -> dict[str, str]:
    """What a reader sees: the copy the output link names when it starts, read whole."""
    copy = out.parent / os.readlink(out)
    return {p.relative_to(copy).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(copy.rglob("*")) if p.is_file()}


class Reader(threading.Thread):
    """Reads the whole output again and again; records any read that is not one of the known versions."""

    def __init__(self, out: Path, versions: list[dict[str, str]]) -> None:
        super().__init__(daemon=True)
        self.out, self.versions = out, versions
        self.stop, self.reads, self.mixed = threading.Event(), 0, []

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                seen = read_version(self.out)
            except FileNotFoundError as exc:  # a file named in the listing gone before it was read
                self.mixed.append(f"vanished: {exc}")
                continue
            if seen not in self.versions:
                self.mixed.append(sorted(seen)[:3])
            self.reads += 1


@pytest.fixture(scope="module")
def versions(tmp_path_factory, image_cache) -> list[dict[str, str]]:
    """The whole tree of each version (each base URL changes every page), built from scratch."""
    base = tmp_path_factory.mktemp("versions")
    found = []
    for i, url in enumerate(VERSIONS):
        build(TINY, base / str(i), url, cache_dir=image_cache, full=True)
        found.append(tree(base / str(i)))
    return found


def chinar_build(content: Path, out: Path, cache: Path, url: str, crash: str | None = None) -> int:
    env = {**os.environ, "CHINAR_TEST_CRASH_AT": crash} if crash else dict(os.environ)
    cmd = [sys.executable, "-m", "chinar.cli", "build", "--content", str(content), "--output", str(out),
           "--base-url", url, "--cache", str(cache), "--no-progress"]
    return subprocess.run(cmd, env=env, capture_output=True, timeout=300).returncode


@pytest.mark.slow
def test_a_reader_sees_one_whole_version_whatever_step_a_commit_dies_at(tmp_path: Path, image_cache: Path,
                                                                         versions) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "images").symlink_to(image_cache, target_is_directory=True)
    out = tmp_path / "out"
    assert chinar_build(TINY, out, cache, VERSIONS[0]) == 0
    assert read_version(out) == versions[0]
    reader = Reader(out, versions)
    reader.start()
    live = 0
    try:
        for n, point in enumerate(CRASH_POINTS):
            target = (live + 1 + n % 2) % len(VERSIONS)  # a version other than the live one
            assert chinar_build(TINY, out, cache, VERSIONS[target], crash=point) == CRASH_STATUS, point
            after = read_version(out)
            # Killed before the switch: the old version; at or after it: the new one.
            assert after == versions[target if point == "switched" else live], point
            assert chinar_build(TINY, out, cache, VERSIONS[target]) == 0  # the next build finishes the job
            assert read_version(out) == versions[target], point
            live = target
    finally:
        reader.stop.set()
        reader.join()
    assert reader.reads > len(CRASH_POINTS) and reader.mixed == []


def test_a_commit_changes_only_what_changed_and_switches_once(tmp_path: Path, image_cache: Path) -> None:
    """Between two builds the link changes once; unchanged files stay the same inodes (hard links between
    the copies); the standby copy is the previous version until the next commit brings it up."""
    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    out = tmp_path / "out"
    build(content, out, VERSIONS[0], cache_dir=image_cache)
    first = os.readlink(out)
    before = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    about = content / "pages/about.en.json"
    about.write_text(about.read_text(encoding="utf-8").replace("Chinar", "Chinar (चिनार)"), encoding="utf-8")
    build(content, out, VERSIONS[0], cache_dir=image_cache)
    assert os.readlink(out) != first  # switched to the other copy
    after = {p.relative_to(out).as_posix(): p.stat().st_ino for p in out.rglob("*") if p.is_file()}
    changed = {rel for rel in after if before.get(rel) != after[rel]}
    assert "about/index.html" in changed and "crafts/sozni/index.html" not in changed
    assert len(changed) < len(after) / 4
    old = tmp_path / first  # the copy that was live: the previous version, untouched
    assert "Chinar (चिनार)" not in (old / "about/index.html").read_text(encoding="utf-8")
    build(content, out, VERSIONS[1], cache_dir=image_cache)  # every page changes
    assert os.readlink(out) == first and tree(out) == tree(tmp_path / first)


@pytest.mark.parametrize("maker", ["works", "dies"])
def test_the_build_after_a_first_build_makes_the_standby_beside_it(tmp_path: Path, image_cache: Path,
                                                                   maker: str) -> None:
    """After a first build there is one copy; the next build makes the second (the standby) in a process
    of its own while it renders. Whether that process finishes or dies at once, the build gives the
    same output as a full build, the previous version is kept whole as the standby, and the build
    after it brings the standby up as usual."""
    import json

    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    out = tmp_path / "out"
    assert chinar_build(content, out, image_cache, VERSIONS[0]) == 0
    first = tree(out)
    assert not (tmp_path / ".out.B").exists()
    for n, name in enumerate(["Chinar (چنار)", "Chinar (चिनार)"]):
        about = content / "pages/about.en.json"
        about.write_text(about.read_text(encoding="utf-8").replace("Chinar", name, 1), encoding="utf-8")
        crash = "standby maker" if maker == "dies" and n == 0 else None
        assert chinar_build(content, out, image_cache, VERSIONS[0], crash=crash) == 0
        build(content, tmp_path / f"full{n}", VERSIONS[0], cache_dir=image_cache, full=True)
        assert tree(out) == tree(tmp_path / f"full{n}")
        state = json.loads((tmp_path / ".out.commit.json").read_text())
        assert state["clean"]
        if n == 0:  # the standby is the first build's version, whole
            assert tree(tmp_path / f".out.{state['standby']}") == first


def test_an_output_folder_from_before_becomes_the_first_copy(tmp_path: Path, image_cache: Path) -> None:
    out = tmp_path / "out"
    build(TINY, out, VERSIONS[0], cache_dir=image_cache)
    expected = tree(out)
    live = out.parent / os.readlink(out)
    out.unlink()
    live.rename(out)  # a plain folder, as builds made it before
    for name in (".out.A", ".out.B", ".out.commit.json"):
        path = tmp_path / name
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    build(TINY, out, VERSIONS[1], cache_dir=image_cache)
    assert out.is_symlink() and tree(out) != expected
    build(TINY, out, VERSIONS[0], cache_dir=image_cache)
    assert tree(out) == expected


def test_a_resident_build_makes_the_standby_copy_while_idle(tmp_path: Path, image_cache: Path) -> None:
    """After its first build, a build kept in memory makes the second copy at once, so its first edit
    costs what the edit changed (a `chinar build` makes it on its second run)."""
    import json

    from chinar.resident import ResidentBuild

    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    out = tmp_path / "out"
    builder = ResidentBuild(content, out, VERSIONS[0], cache_dir=image_cache)
    builder.build()
    state = json.loads((tmp_path / ".out.commit.json").read_text())
    assert state["clean"] and tree(tmp_path / f".out.{state['standby']}") == tree(out)


def test_files_under_lists_every_file_by_its_relative_path(tmp_path: Path) -> None:
    """What a full build's commit takes as the last version's files: every file at any depth, names in
    any script, no folders (an empty one included), against an independent ``os.walk``."""
    from chinar.output import files_under

    for rel in ("index.html", "hi/कारीगर/index.html", "ur/کاریگر/پشمینہ/index.html", "media/a/b/c/d.webp"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(rel)
    (tmp_path / "empty" / "folder").mkdir(parents=True)
    walked = {os.path.relpath(os.path.join(d, f), tmp_path).replace(os.sep, "/")
              for d, _, files in os.walk(tmp_path) for f in files}
    assert files_under(tmp_path) == walked
    assert "ur/کاریگر/پشمینہ/index.html" in walked and len(walked) == 4


def test_a_build_killed_after_its_switch_is_not_trusted_by_the_next(tmp_path: Path, image_cache: Path,
                                                                    tiny_site: Path) -> None:
    """Killed after the output switched but before its state was saved, a build must not leave the last
    build's state describing an output it no longer is: the content put back as it was, the next build
    gives the first version again (with the older state kept, the edited page's fingerprint matched that
    state and the edited page stayed)."""
    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "images").symlink_to(image_cache, target_is_directory=True)
    out = tmp_path / "out"
    url = "https://chinar.example.in"
    assert chinar_build(content, out, cache, url) == 0
    first = tree(out)
    about = content / "pages/about.en.json"
    original = about.read_text(encoding="utf-8")
    about.write_text(original.replace("Chinar", "Chinar (چنار)"), encoding="utf-8")
    assert chinar_build(content, out, cache, url, crash="switched") == CRASH_STATUS
    assert "Chinar (چنار)" in (out / "about/index.html").read_text(encoding="utf-8")  # the switch happened
    about.write_text(original, encoding="utf-8")
    assert chinar_build(content, out, cache, url) == 0
    assert tree(out) == first == tree(tiny_site)
