from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import District


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "site"
    menu_label = "Districts"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "division", "locale"]
    search_fields = ["name"]


register_snippet(DistrictViewSet)
