"""Groups beyond Wagtail's Editors and Moderators.

"Registry" alone may see and change personal records and consent (plus admin access); editors and
moderators get the district snippets. Run after every migrate, so a fresh database has them.
"""

from django.contrib.auth.models import Group, Permission

from .models import REGISTRY_GROUP


def _perms(app_label: str, model: str, actions=("add", "change", "delete", "view")) -> list[Permission]:
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=[f"{a}_{model}" for a in actions])
    )


def ensure_groups() -> None:
    registry, _ = Group.objects.get_or_create(name=REGISTRY_GROUP)
    registry.permissions.add(
        *_perms("registry", "consentrecord"),
        *_perms("registry", "personalrecord"),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*_perms("districts", "district"))
