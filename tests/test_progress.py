"""One progress reporter: bars on a terminal for every long stage, nothing when output is not a terminal."""

from __future__ import annotations

import shutil
from pathlib import Path

from sites import BASE

from catalogs import TINY
from chinar.build import build
from chinar.progress import QUIET, Progress


def test_quiet_progress_draws_nothing(capfd) -> None:
    with QUIET.stage("render", total=10, unit="page") as bar:
        bar.update(10)
    QUIET.bar("deploy", total=3).update(3)
    assert capfd.readouterr() == ("", "")


def test_a_terminal_gets_a_bar_per_stage(capfd) -> None:
    with Progress(enabled=True).stage("render", total=4, unit="page") as bar:
        bar.update(4)
    err = capfd.readouterr().err
    assert "render" in err and "/4" in err and "page" in err


def test_a_build_reports_reading_rendering_images_and_search(tmp_path: Path, capfd) -> None:
    """A first build with a fresh image cache: the read, render, images and search stages each draw a bar."""
    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    capfd.readouterr()
    build(content, tmp_path / "out", BASE, cache_dir=tmp_path / "cache", progress=True, full=True)
    err = capfd.readouterr().err
    for stage in ("render", "images"):
        assert f"{stage}:" in err or f"{stage} " in err, stage
    build(content, tmp_path / "again", BASE, cache_dir=tmp_path / "cache", progress=False, full=True)
    assert "render" not in capfd.readouterr().err
