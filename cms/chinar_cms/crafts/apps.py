from django.apps import AppConfig


class CraftsConfig(AppConfig):
    name = "chinar_cms.crafts"
    label = "crafts"
    verbose_name = "Crafts"
