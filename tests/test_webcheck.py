"""The independent tools over the real demo build (issue 18, "Must show"): the Nu HTML checker over every
page with no error, and Lighthouse mobile on five pages served by `chinar serve` (performance >= 95,
accessibility, best practices and SEO 100, CLS <= 0.1). See scripts/webcheck/run.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_demo_build_passes_the_nu_html_checker_and_lighthouse(tmp_path: Path) -> None:
    report = tmp_path / "webcheck.json"
    done = subprocess.run([sys.executable, str(ROOT / "scripts/webcheck/run.py"), "--output", str(tmp_path / "out"),
                           "--cache", str(tmp_path / "cache"), "--json", str(report)],
                          capture_output=True, text=True, timeout=1500, check=False)
    print(done.stdout, done.stderr)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    figures = json.loads(report.read_text(encoding="utf-8"))
    assert figures["html_pages"] > 500 and figures["nu_errors"] == []
    assert set(figures["lighthouse"]) == {"home", "artisan", "product", "search", "urdu"}
