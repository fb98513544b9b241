"""``manage.py load_demo [--content DIR] [--no-users]``: the shipped demo catalog, ready to edit.

Creates (if missing) local-only demo users, one per role. Their passwords are published in
docs/cms.md: never run this against a server reachable from the internet.
"""

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from chinar.contract import ContentError
from chinar_cms.base.demo import load_content

DEMO_USERS = [  # username, password, group (None = superuser)
    ("admin", "chinar-admin", None),
    ("editor", "chinar-editor", "Editors"),
    ("moderator", "chinar-moderator", "Moderators"),
    ("registry", "chinar-registry", "Registry"),
]


def create_demo_users() -> list[str]:
    User = get_user_model()
    made = []
    for username, password, group in DEMO_USERS:
        if User.objects.filter(username=username).exists():
            continue
        if group is None:
            User.objects.create_superuser(username, f"{username}@example.invalid", password)
        else:
            user = User.objects.create_user(username, f"{username}@example.invalid", password)
            user.groups.add(Group.objects.get(name=group))
        made.append(username)
    return made


class Command(BaseCommand):
    help = "Load a content directory (default: the shipped demo catalog) and create local demo users."

    def add_arguments(self, parser):
        parser.add_argument(
            "--content",
            type=Path,
            default=settings.REPO_DIR / "content",
            help="content directory to load (default: content/)",
        )
        parser.add_argument("--no-users", action="store_true", help="do not create the demo users")

    def handle(self, *args, **options):
        try:
            counts = load_content(options["content"])
        except ContentError as exc:
            raise CommandError(f"{options['content']} is not valid content; nothing was loaded:\n{exc}") from exc
        self.stdout.write("loaded " + ", ".join(f"{n} {t}" for t, n in sorted(counts.items())))
        if not options["no_users"]:
            made = create_demo_users()
            if made:
                self.stdout.write("demo users (local only, see docs/cms.md): " + ", ".join(made))
