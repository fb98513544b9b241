"""Golden build: the tiny catalog, built, compared file by file with the reviewed tree in tests/golden/tiny.

Any change to the output shows up here as a diff to review. After an intended change (a template,
the CSS, the JSON-LD...), regenerate and read the diff before committing:

    CHINAR_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
    git diff tests/golden

Images and search-index files are compared by name only (their bytes are tested in test_images.py,
test_build.py and test_search.py, and are not reviewable as text).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from catalogs import TINY
from chinar.build import build

GOLDEN = Path(__file__).parent / "golden" / "tiny"
BY_NAME_ONLY = ("img/", "search-index/", "static/")  # static/ holds copies of theme files


def listing(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_tiny_catalog_builds_exactly_the_golden_tree(tmp_path: Path, image_cache: Path) -> None:
    out = tmp_path / "out"
    build(TINY, out, "https://chinar.example.in", cache_dir=image_cache)
    names = listing(out)
    if os.environ.get("CHINAR_REGENERATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        GOLDEN.mkdir(parents=True)
        (GOLDEN / "FILES.txt").write_text("\n".join(names) + "\n")
        for name in names:
            if not name.startswith(BY_NAME_ONLY):
                (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(out / name, GOLDEN / name)
    assert names == (GOLDEN / "FILES.txt").read_text().split()
    different = [name for name in names if not name.startswith(BY_NAME_ONLY)
                 and (out / name).read_bytes() != (GOLDEN / name).read_bytes()]
    assert different == []
