from django.apps import AppConfig


class BaseConfig(AppConfig):
    name = "chinar_cms.base"
    label = "base"
    verbose_name = "Chinar: shared parts"

    def ready(self) -> None:
        from django.conf import settings

        from .translations import compile_catalogs

        for folder in settings.LOCALE_PATHS:
            compile_catalogs(folder)
