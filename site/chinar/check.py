"""``chinar check``: validate a content directory and report every problem with file and field.

Records are checked as the build reads them, and every image original they use as the build will
(``images.source.Sources``: format, byte and pixel limits, decompression bombs, files cut short), so
that a content directory ``check`` passes is one ``build`` accepts. Probes are remembered in the
cache directory the build uses, by stat signature: an unchanged original is not opened again.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .content import load_catalog
from .errors import ContentError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content directory (default: content)")
    parser.add_argument("--cache", type=Path, default=None,
                        help="cache directory shared with `chinar build` (default: the build's, .cache)")


def run(args: argparse.Namespace) -> int:
    from .images.source import Sources
    from .settings import read_settings
    from .validate import media_problems

    try:
        catalog = load_catalog(args.content)
        cache = read_settings(cache_dir=args.cache).cache_dir  # the build's: CHINAR_CACHE_PATH unless given
        sources = Sources(args.content / "media", cache / "images" / "sources.json")
        problems = media_problems(catalog.iter_records(), sources.problem)
        try:
            sources.save()
        except OSError as exc:  # a read-only cache only means probing again next time
            print(f"note: cannot remember image probes in {cache}: {exc}", file=sys.stderr)
        if problems:
            raise ContentError(problems)
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
