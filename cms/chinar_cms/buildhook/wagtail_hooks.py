"""The editor sees what happened to what they published: a dashboard panel and a status bar in the editor."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from .models import PublishCycle
from .status import describe_problems, page_status
from .views import page_status_fragment

RECENT = 8


@hooks.register("register_admin_urls")
def publishing_urls():
    return [path("publishing/pages/<int:pk>/", page_status_fragment, name="chinar_page_publish_status")]


@hooks.register("insert_editor_js")
def publish_status_js():
    """The status bar on a page's edit view (the script finds the page id in the address)."""
    return format_html('<script src="{}" data-status-url="{}" defer></script>',
                       static("chinar_cms/publish_status.js"),
                       reverse("chinar_page_publish_status", args=[0]))


class PublishingPanel(Component):
    """Dashboard: the last site updates, and the pages published most recently with where each stands."""

    name = "chinar_publishing"
    template_name = "buildhook/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        latest = PublishCycle.objects.order_by("-cycle").first()
        pages = Page.objects.live().filter(last_published_at__isnull=False).exclude(depth__lte=2)
        recent = [(p, page_status(p)) for p in pages.order_by("-last_published_at").specific()[:RECENT]]
        context.update({
            "latest": latest,
            "latest_live": PublishCycle.objects.filter(state="live").order_by("-cycle").first(),
            "problems": describe_problems(latest.problems) if latest and latest.state == "failed" else [],
            "recent": recent,
        })
        return context


@hooks.register("construct_homepage_panels")
def add_publishing_panel(request, panels):
    panels.append(PublishingPanel())
