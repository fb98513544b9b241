from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "chinar_cms.listings"
    label = "listings"
    verbose_name = "Listing checks"
    default_auto_field = "django.db.models.BigAutoField"
