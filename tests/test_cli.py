"""The ``chinar`` command (``chinar.cli``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


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
