"""``manage.py import_artisans FILE.csv [--dry-run]``: registry spreadsheet -> draft artisan profiles."""

from django.core.management.base import BaseCommand, CommandError

from chinar_cms.registry.importer import OPTIONAL, REQUIRED, import_artisans


class Command(BaseCommand):
    help = (
        "Import artisans from a registry CSV (all rows or none; rows matched by registry_id). Columns: "
        + ", ".join(REQUIRED)
        + " (required); "
        + ", ".join(OPTIONAL)
        + "."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="check and report, save nothing")

    def handle(self, *args, **options):
        report = import_artisans(options["file"], dry_run=options["dry_run"])
        if not report.ok:
            raise CommandError(str(report))
        self.stdout.write(str(report))
