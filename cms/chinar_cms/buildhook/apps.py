from django.apps import AppConfig


class BuildhookConfig(AppConfig):
    name = "chinar_cms.buildhook"
    label = "buildhook"
    verbose_name = "Site build hook"

    def ready(self) -> None:
        from . import signals  # noqa: F401
