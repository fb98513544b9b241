"""Paths of the catalogs the tests build (importable by test modules; conftest.py is not)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TINY = ROOT / "tests" / "fixtures" / "tiny"
