from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "chinar_cms.home"
    label = "home"
    verbose_name = "Home"
