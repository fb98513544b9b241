from django.apps import AppConfig


class BaseConfig(AppConfig):
    name = "chinar_cms.base"
    label = "base"
    verbose_name = "Chinar: shared parts"
