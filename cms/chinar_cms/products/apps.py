from django.apps import AppConfig


class ProductsConfig(AppConfig):
    name = "chinar_cms.products"
    label = "products"
    verbose_name = "Products"
