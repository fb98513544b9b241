"""The history of listing checks: one row per listing URL per check (the checker's or a feed's).

Kept as history, not only the last value: the editors' report reads the latest row per URL, and the
rows before it say since when a listing has been failing and how its price moved. Rows are keyed by
URL, not by the listing row, because a listing's identity for a buyer is its address (and Wagtail
may recreate inline rows when a page is published).
"""

from __future__ import annotations

from django.db import models

from chinar.contract import DEAD, LABELS, WORKING


class ListingCheck(models.Model):
    SOURCES = [("page", "Marketplace page"), ("feed", "Seller feed")]

    url = models.URLField(max_length=2000, db_index=True)
    marketplace = models.CharField(max_length=200)
    checked_at = models.DateTimeField(db_index=True)
    source = models.CharField(max_length=10, choices=SOURCES, default="page")
    outcome = models.CharField(max_length=30, choices=list(LABELS.items()))
    message = models.TextField(blank=True)
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    final_url = models.URLField(max_length=2000, blank=True)
    # What the page (or feed) stated, when readable; the catalog's price just before this check.
    price_inr = models.PositiveIntegerField(null=True, blank=True)
    price_text = models.CharField(max_length=100, blank=True)
    currency = models.CharField(max_length=10, blank=True)
    availability = models.CharField(max_length=20, blank=True)
    price_valid_until = models.DateField(null=True, blank=True)
    previous_price_inr = models.PositiveIntegerField(null=True, blank=True)
    # What this check changed in the catalog (a new revision of the product pages, published), or why not.
    applied = models.BooleanField(default=False)
    held = models.CharField(max_length=300, blank=True, help_text="Why a stated change was not applied.")
    notes = models.TextField(blank=True)
    # Validators for the next, conditional, request.
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    elapsed_ms = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-checked_at", "-pk"]
        indexes = [models.Index(fields=["url", "-checked_at"])]
        verbose_name = "listing check"

    def __str__(self) -> str:
        return f"{self.url} {self.outcome} at {self.checked_at:%Y-%m-%d %H:%M}"

    @property
    def dead(self) -> bool:
        return self.outcome in DEAD

    @property
    def working(self) -> bool:
        return self.outcome in WORKING
