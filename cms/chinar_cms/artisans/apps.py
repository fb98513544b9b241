from django.apps import AppConfig


class ArtisansConfig(AppConfig):
    name = "chinar_cms.artisans"
    label = "artisans"
    verbose_name = "Artisans"
