"""``chinar check``: validate a content directory and report every problem with file and field."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import load_catalog
from .errors import ContentError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content directory (default: content)")


def run(args: argparse.Namespace) -> int:
    try:
        catalog = load_catalog(args.content)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in {args.content}", file=sys.stderr)
        return 1
    counts = {}
    for rec in catalog.iter_records():
        counts[rec["type"]] = counts.get(rec["type"], 0) + 1
    print(f"{args.content}: OK — " + ", ".join(f"{n} {t}" for t, n in sorted(counts.items())))
    return 0
