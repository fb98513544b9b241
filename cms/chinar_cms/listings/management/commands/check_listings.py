"""``manage.py check_listings``: check every live listing against its marketplace and record the results."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from chinar.contract import LABELS


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("--budget", type=float, default=1800.0, help="seconds for the whole run (1800)")
        parser.add_argument("--per-host", type=int, default=8, help="requests at once to one host (8)")
        parser.add_argument("--delay", type=float, default=0.05, help="seconds between request starts per host")
        parser.add_argument("--timeout", type=float, default=20.0, help="seconds for one request (20)")
        parser.add_argument("--json", help="also write every outcome to this JSON file")

    def handle(self, *args, **options):
        from chinar.contract import CheckSettings
        from chinar_cms.listings.services import run_check

        settings = CheckSettings(budget=options["budget"], per_host=options["per_host"], delay=options["delay"],
                                 timeout=options["timeout"])
        summary, outcomes = run_check(settings)
        for kind, count in sorted(summary.outcomes.items()):
            self.stdout.write(f"{count:6d}  {LABELS[kind]}")
        self.stdout.write(f"{summary.checks} listing(s) checked; {summary.pages_published} product page(s) "
                          f"published, {summary.drafts_updated} draft(s) carried forward, {summary.held} change(s) "
                          "held for an editor")
        for failure in summary.failed_pages:
            self.stderr.write(failure)
        if options["json"]:
            with open(options["json"], "w", encoding="utf-8") as f:
                json.dump([o.as_dict() for o in outcomes], f, ensure_ascii=False, indent=1)
