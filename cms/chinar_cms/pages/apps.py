from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "chinar_cms.pages"
    label = "pages"
    verbose_name = "Other pages"
