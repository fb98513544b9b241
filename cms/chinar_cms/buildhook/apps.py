from django.apps import AppConfig


class BuildhookConfig(AppConfig):
    """Site updates: the build hook to the publisher (``hook``) and what it reports back (``views``)."""

    name = "chinar_cms.buildhook"
    label = "buildhook"
    verbose_name = "Site updates"

    def ready(self) -> None:
        from . import signals  # noqa: F401
