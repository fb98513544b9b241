from django.apps import AppConfig


class DistrictsConfig(AppConfig):
    name = "chinar_cms.districts"
    label = "districts"
    verbose_name = "Districts"
