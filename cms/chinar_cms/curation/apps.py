from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "chinar_cms.curation"
    label = "curation"
    verbose_name = "Collections"
