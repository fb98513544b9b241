"""``chinar listings``: check marketplace listings, import marketplace seller feeds.

- ``chinar listings check --content DIR`` checks every listing of a snapshot and prints what it found
  (nothing is changed; ``--json`` keeps the outcomes). ``chinar listings check --cms`` runs the CMS's
  ``manage.py check_listings``, which records the checks and publishes what changed.
- ``chinar listings import FEED --marketplace NAME`` reads the feed here first (a malformed file is
  refused before the CMS is touched), then runs the CMS's ``manage.py import_listing_feed``: the
  import writes to the CMS database in one transaction and publishes through Wagtail, which only the
  CMS's own code may do (the static build never imports Django). A management command rather than an
  HTTP endpoint: it runs where the CMS and its database are, with no upload size limits, tokens or
  half-finished requests to manage, and cron or an operator can run it the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

CMS_DIR = Path(__file__).resolve().parents[3] / "cms"


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="listings_command", metavar="ACTION", required=True)
    check = sub.add_parser("check", help="check every listing against its marketplace")
    where = check.add_mutually_exclusive_group()
    where.add_argument("--content", type=Path, help="check the listings of this snapshot (changes nothing)")
    where.add_argument("--cms", action="store_true", help="run the CMS's check_listings (records, publishes)")
    check.add_argument("--budget", type=float, default=1800.0, help="seconds for the whole run (1800)")
    check.add_argument("--per-host", type=int, default=8, help="requests at once to one host (8)")
    check.add_argument("--json", type=Path, help="write every outcome to this JSON file")
    imp = sub.add_parser("import", help="update listings' price and stock in the CMS from a seller feed")
    imp.add_argument("feed", type=Path, help="CSV or JSON export of the marketplace's seller portal")
    imp.add_argument("--marketplace", required=True, help="the marketplace's declared name, e.g. Flipkart")
    imp.add_argument("--dry-run", action="store_true", help="report the matches, change nothing")
    for p in (check, imp):
        p.add_argument("--cms-dir", type=Path, default=CMS_DIR, help="the CMS project (default: the repository's)")


def run(args: argparse.Namespace) -> int:
    if args.listings_command == "import":
        return _import(args)
    if args.cms or args.content is None:
        extra = ["--budget", str(args.budget), "--per-host", str(args.per_host)]
        return _manage(args.cms_dir, ["check_listings", *extra, *(["--json", str(args.json.resolve())]
                                                                  if args.json else [])])
    return _check_snapshot(args)


def _manage(cms_dir: Path, argv: list[str]) -> int:
    """Run ``manage.py`` of the CMS with this interpreter and environment (DATABASE_URL, settings...)."""
    manage = cms_dir / "manage.py"
    if not manage.is_file():
        print(f"no CMS at {cms_dir} (manage.py not found): use --cms-dir", file=sys.stderr)
        return 2
    return subprocess.run([sys.executable, str(manage), *argv], cwd=cms_dir, env=os.environ.copy()).returncode


def _import(args: argparse.Namespace) -> int:
    from ..marketplaces import registry
    from .feed import FeedError, read_feed

    if registry().get(args.marketplace) is None:
        print(f"unknown marketplace {args.marketplace!r} (declared: {', '.join(registry().names())})",
              file=sys.stderr)
        return 2
    try:
        rows = read_feed(args.feed)
    except OSError as exc:
        print(f"{args.feed}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except FeedError as exc:
        print(f"{args.feed} not imported, nothing changed:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{args.feed}: {len(rows)} row(s) read; importing in the CMS", file=sys.stderr)
    return _manage(args.cms_dir, ["import_listing_feed", str(args.feed.resolve()), "--marketplace", args.marketplace,
                                  *(["--dry-run"] if args.dry_run else [])])


def _check_snapshot(args: argparse.Namespace) -> int:
    from ..content import load_catalog
    from ..errors import ContentError
    from .check import CheckSettings, Target, run_checks
    from .outcome import LABELS

    try:
        catalog = load_catalog(args.content, check_media=False)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    targets = [Target(lst["url"], lst["marketplace"])
               for rec in catalog.iter_records() if rec["type"] == "product" for lst in rec["listings"]]
    outcomes = run_checks(targets, {}, CheckSettings(budget=args.budget, per_host=args.per_host))
    counts: dict[str, int] = {}
    for found in outcomes:
        counts[found.kind] = counts.get(found.kind, 0) + 1
        print(f"{found.kind:18} {found.url}  {found.message}")
    for kind, count in sorted(counts.items()):
        print(f"{count:6d}  {LABELS[kind]}", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps([o.as_dict() for o in outcomes], ensure_ascii=False, indent=1))
    return 1 if any(o.dead for o in outcomes) else 0
