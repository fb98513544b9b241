"""Registry models in the admin: visible only with their model permissions (the "Registry" group)."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ConsentRecord, PersonalRecord
from .views import withdraw


class ConsentRecordViewSet(SnippetViewSet):
    model = ConsentRecord
    icon = "tick-inverse"
    menu_label = "Consent records"
    list_display = ["reference", "artisan", "date", "withdrawn_at", "withdraw_link"]
    search_fields = ["reference"]


class PersonalRecordViewSet(SnippetViewSet):
    model = PersonalRecord
    icon = "lock"
    menu_label = "Personal records"
    list_display = ["registry_id", "artisan"]


class RegistryGroup(SnippetViewSetGroup):
    items = (ConsentRecordViewSet, PersonalRecordViewSet)
    menu_icon = "lock"
    menu_label = "Registry"
    menu_name = "registry"
    menu_order = 900


register_snippet(RegistryGroup)


@hooks.register("register_admin_urls")
def registry_urls():
    return [path("registry/withdraw/<int:pk>/", withdraw, name="registry_withdraw")]
