"""``manage.py import_listing_feed FEED --marketplace NAME``: update listings' price and stock from a seller feed.

A CSV or JSON export of the marketplace's seller portal (``chinar.listings.feed`` lists the columns).
A malformed file changes nothing; otherwise every row is reported (matched, unmatched, conflicting)
and the matched ones are applied in one transaction, published like any other listing change.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chinar.contract import FeedError, read_feed
from chinar.contract import marketplace_registry as registry


class Command(BaseCommand):
    help = __doc__.splitlines()[0]

    def add_arguments(self, parser):
        parser.add_argument("feed", type=Path)
        parser.add_argument("--marketplace", required=True, help=f"one of: {', '.join(registry().names())}")
        parser.add_argument("--dry-run", action="store_true", help="report the matches, change nothing")

    def handle(self, *args, **options):
        from chinar_cms.listings.feeds import import_feed

        name, path = options["marketplace"], options["feed"]
        if registry().get(name) is None:
            raise CommandError(f"unknown marketplace {name!r} (declared: {', '.join(registry().names())})")
        try:
            rows = read_feed(path)
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror or exc}") from exc
        except FeedError as exc:
            raise CommandError(f"{path} not imported, nothing changed:\n" + "\n".join(exc.problems)) from exc
        reports, summary = import_feed(rows, name, path.name, dry_run=options["dry_run"])
        counts: dict[str, int] = {}
        for report in reports:
            counts[report.status] = counts.get(report.status, 0) + 1
            self.stdout.write(f"line {report.line}: {report.status}" + (f" — {report.detail}" if report.detail else ""))
        totals = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("matched", "unmatched", "conflicting"))
        if summary is None:
            self.stdout.write(f"{totals}; nothing changed" + (" (dry run)" if options["dry_run"] else ""))
        else:
            self.stdout.write(f"{totals}; {summary.pages_published} product page(s) published, "
                              f"{summary.held} change(s) held for an editor")
