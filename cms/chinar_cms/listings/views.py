"""The editors' report: listings that need a person (Reports → Marketplace listings in the admin).

One row per live listing with its latest check. Filters: what is wrong (dead, dead or unavailable,
price moved beyond a threshold, not checked for N days, last check failed, a change held), the
marketplace, the artisan; the threshold and N are filters too. Wagtail's ``ReportView`` gives the
table, paging and the CSV / Excel export of exactly what is filtered.
"""

from __future__ import annotations

from datetime import timedelta

import django_filters
from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Abs, Cast, Length, Substr
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from chinar.contract import LABELS, WORKING
from chinar.contract import marketplace_registry as registry
from chinar_cms.products.models import AVAILABILITY, MarketplaceListing

from .models import ListingCheck
from .services import live_listings

PROBLEMS = [
    ("dead", "Dead (gone from the marketplace)"),
    ("unavailable", "Dead or unavailable"),
    ("drift", "Price moved beyond the threshold"),
    ("stale", "Not checked for the number of days"),
    ("failing", "Last check failed"),
    ("held", "A change held for an editor"),
]


def _artisans():
    from chinar_cms.artisans.models import ArtisanPage

    return ArtisanPage.objects.filter(alias_of__isnull=True).order_by("title")


class ListingReportFilterSet(WagtailFilterSet):
    problem = django_filters.ChoiceFilter(label="Problem", choices=PROBLEMS, method="filter_problem",
                                          empty_label="Any listing")
    marketplace = django_filters.ChoiceFilter(label="Marketplace", empty_label="All marketplaces",
                                              choices=lambda: [(n, n) for n in registry().names()])
    artisan = django_filters.ModelChoiceFilter(label="Artisan", queryset=lambda request: _artisans(),
                                               method="filter_artisan", empty_label="All artisans")
    drift = django_filters.NumberFilter(label="Price drift threshold (%)", method="keep")
    days = django_filters.NumberFilter(label="Not checked for (days)", method="keep")

    class Meta:
        model = MarketplaceListing
        fields = ["problem", "marketplace", "artisan", "drift", "days"]

    def keep(self, queryset, name, value):
        return queryset  # a parameter of the 'problem' filter

    def filter_artisan(self, queryset, name, value):
        return queryset.filter(page__path__startswith=value.path, page__depth=value.depth + 1) if value else queryset

    def filter_problem(self, queryset, name, value):
        data = self.form.cleaned_data
        if value == "dead":
            return queryset.filter(link_status="dead")
        if value == "unavailable":
            return queryset.filter(Q(link_status="dead") | Q(availability__in=["out_of_stock", "discontinued"]))
        if value == "drift":
            threshold = data.get("drift")
            threshold = float(threshold) if threshold is not None else settings.CHINAR_LISTINGS_DRIFT * 100
            return queryset.filter(drift_percent__gt=threshold)
        if value == "stale":
            days = int(data.get("days") or settings.CHINAR_LISTINGS_STALE_DAYS)
            since = timezone.now() - timedelta(days=days)
            return queryset.filter(Q(last_working_check__lt=since)
                                   | Q(last_working_check__isnull=True, last_checked__lt=since.date()))
        if value == "failing":
            return queryset.exclude(check_outcome__in=WORKING).exclude(check_outcome__isnull=True)
        if value == "held":
            return queryset.exclude(check_held="")
        return queryset


def _state(row: MarketplaceListing) -> str:
    if row.link_status == "dead":
        return "Dead"
    return dict(AVAILABILITY).get(row.availability, row.availability)


def _outcome(row: MarketplaceListing) -> str:
    if not row.check_outcome:
        return "Never checked"
    label = LABELS.get(row.check_outcome, row.check_outcome)
    return label if row.check_message in ("", "works") else f"{label}: {row.check_message}"


def _drift(row: MarketplaceListing) -> str:
    if row.drift_percent is None or row.drift_from == row.drift_to:
        return ""
    return f"₹{row.drift_from:,} → ₹{row.drift_to:,} ({'+' if row.drift_to >= row.drift_from else '−'}" \
           f"{row.drift_percent:.0f}%)"


class ListingReportView(ReportView):
    page_title = "Marketplace listings"
    header_icon = "link"
    index_url_name = "listing_report"
    index_results_url_name = "listing_report_results"
    filterset_class = ListingReportFilterSet
    results_template_name = "wagtailadmin/reports/base_report_results.html"
    paginate_by = 50
    columns = [
        TitleColumn("product", label="Product", accessor="page.title",
                    get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.page_id])),
        Column("artisan_name", label="Artisan"),
        Column("marketplace", label="Marketplace"),
        Column("state", label="State", accessor=_state),
        Column("outcome", label="Latest check", accessor=_outcome),
        Column("drift", label="Price drift", accessor=_drift),
        DateColumn("last_checked", label="Last found working"),
        Column("url", label="Listing URL"),
    ]
    list_export = ["product_title", "artisan_name", "locale", "marketplace", "url", "state", "price_inr",
                   "check_outcome_label", "check_message", "checked_at", "drift_text", "check_held", "last_checked"]
    export_headings = {
        "product_title": "Product", "artisan_name": "Artisan", "locale": "Language", "marketplace": "Marketplace",
        "url": "Listing URL", "state": "State", "price_inr": "Price (₹)", "check_outcome_label": "Latest check",
        "check_message": "Details", "checked_at": "Checked at", "drift_text": "Price drift",
        "check_held": "Held for an editor", "last_checked": "Last found working",
    }

    def get_filename(self) -> str:
        return f"listings-report-{timezone.localdate():%Y-%m-%d}"

    def get_queryset(self):
        latest = ListingCheck.objects.filter(url=OuterRef("url")).order_by("-checked_at", "-pk")
        pages = latest.filter(source="page")
        priced = latest.exclude(price_inr=None).exclude(previous_price_inr=None)
        parent = Page.objects.filter(path=Substr(OuterRef("page__path"), 1, Length(OuterRef("page__path")) - 4))
        queryset = live_listings().select_related("page__locale").annotate(
            artisan_name=Subquery(parent.values("title")[:1]),
            check_outcome=Subquery(pages.values("outcome")[:1]),
            check_message=Subquery(pages.values("message")[:1]),
            checked_at=Subquery(pages.values("checked_at")[:1]),
            check_held=Subquery(latest.values("held")[:1], output_field=CharField()),
            last_working_check=Subquery(pages.filter(outcome__in=WORKING).values("checked_at")[:1]),
            drift_from=Subquery(priced.values("previous_price_inr")[:1]),
            drift_to=Subquery(priced.values("price_inr")[:1]),
            dead_first=Case(When(link_status="dead", then=Value(0)), default=Value(1)),
        ).annotate(
            drift_percent=ExpressionWrapper(
                Abs(Cast(F("drift_to"), FloatField()) - Cast(F("drift_from"), FloatField())) * 100.0
                / Cast(F("drift_from"), FloatField()),
                output_field=FloatField(),
            ),
        ).order_by("dead_first", "artisan_name", "marketplace", "page__title", "pk")
        return queryset

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            row.product_title = row.page.title
            row.locale = row.page.locale.language_code if row.page.locale_id else ""
            row.state = _state(row)
            row.check_outcome_label = LABELS.get(row.check_outcome or "", "Never checked")
            row.drift_text = _drift(row)
            row.check_held = row.check_held or ""
        return object_list

