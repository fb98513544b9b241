"""``manage.py withdraw_consent (--reference REF | --artisan-key UUID | --registry-id ID) [--yes]``."""

from django.core.management.base import BaseCommand, CommandError

from chinar_cms.registry.models import ConsentRecord, PersonalRecord
from chinar_cms.registry.services import withdraw_consent


class Command(BaseCommand):
    help = (
        "Withdraw an artisan's consent: unpublish their profile and products, delete their photos and "
        "personal record, and request a site rebuild."
    )

    def add_arguments(self, parser):
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--reference", help="consent reference, e.g. CONSENT-0001")
        who.add_argument("--artisan-key", help="the artisan's translation key (UUID)")
        who.add_argument("--registry-id", help="the artisan's registry id")

    def handle(self, *args, **options):
        if options["reference"]:
            consent = ConsentRecord.objects.filter(reference=options["reference"]).first()
            if consent is None or consent.artisan_key is None:
                raise CommandError(f"no consent record with reference {options['reference']!r}")
            key = consent.artisan_key
        elif options["registry_id"]:
            person = PersonalRecord.objects.filter(registry_id=options["registry_id"]).first()
            if person is None or person.artisan_key is None:
                raise CommandError(f"no artisan with registry id {options['registry_id']!r}")
            key = person.artisan_key
        else:
            key = options["artisan_key"]
        try:
            report = withdraw_consent(key)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(report))
