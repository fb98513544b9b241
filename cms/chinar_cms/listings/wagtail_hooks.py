"""The listings report in the admin's Reports menu, for everyone who can edit pages."""

from __future__ import annotations

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import ListingReportView


@hooks.register("register_admin_urls")
def listing_report_urls():
    return [
        path("reports/listings/", ListingReportView.as_view(), name="listing_report"),
        path("reports/listings/results/", ListingReportView.as_view(results_only=True), name="listing_report_results"),
    ]


class _EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtailadmin.access_admin")


@hooks.register("register_reports_menu_item")
def listing_report_menu_item():
    return _EditorsMenuItem("Marketplace listings", reverse("listing_report"), icon_name="link", order=50)


