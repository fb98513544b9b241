"""``manage.py send_build_hooks``: deliver due build-hook requests (for cron, if the thread is off)."""

from django.core.management.base import BaseCommand

from chinar_cms.buildhook.hook import deliver_due


class Command(BaseCommand):
    help = "POST due site-rebuild requests to CHINAR_BUILD_HOOK_URL (coalesced, retried on failure)."

    def handle(self, *args, **options):
        n = deliver_due()
        self.stdout.write(f"{n} build request(s) delivered")
