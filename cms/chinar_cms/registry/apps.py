from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RegistryConfig(AppConfig):
    name = "chinar_cms.registry"
    label = "registry"
    verbose_name = "Registry (personal data and consent)"

    def ready(self) -> None:
        # Every app's post_migrate: the permissions of all apps must exist first (idempotent).
        post_migrate.connect(_ensure_groups, dispatch_uid="chinar_registry_groups")


def _ensure_groups(sender, **kwargs) -> None:
    from .groups import ensure_groups

    ensure_groups()
