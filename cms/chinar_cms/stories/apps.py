from django.apps import AppConfig


class StoriesConfig(AppConfig):
    name = "chinar_cms.stories"
    label = "stories"
    verbose_name = "Stories"
