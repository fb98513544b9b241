"""Products (children of their artisan) with marketplace listings, exported as ``product`` records."""

from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from chinar.contract import listing_url_problem
from chinar.contract import marketplace_registry as registry
from chinar_cms.base.blocks import RICH_TEXT_FEATURES, image_stream
from chinar_cms.base.contract import number
from chinar_cms.base.fields import LinesField, lines
from chinar_cms.base.models import ContractPage

AVAILABILITY = [
    ("in_stock", "In stock"),
    ("out_of_stock", "Out of stock"),
    ("preorder", "Pre-order"),
    ("discontinued", "Discontinued"),
]
LINK_STATUS = [("ok", "Works"), ("dead", "Dead (gone from the marketplace)")]


class ProductPage(ContractPage):
    """A product made by the artisan it sits under, with where to buy it."""

    contract_type = "product"

    craft = models.ForeignKey("crafts.CraftPage", on_delete=models.PROTECT, related_name="+")
    description = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    materials = LinesField()
    length_cm = models.DecimalField("Length (cm)", max_digits=8, decimal_places=2, null=True, blank=True)
    width_cm = models.DecimalField("Width (cm)", max_digits=8, decimal_places=2, null=True, blank=True)
    height_cm = models.DecimalField("Height (cm)", max_digits=8, decimal_places=2, null=True, blank=True)
    weight_g = models.DecimalField("Weight (g)", max_digits=10, decimal_places=2, null=True, blank=True)
    images = image_stream(help_text="At least one photo of the product.")
    gi_label_code = models.CharField(
        "GI label code", max_length=8, blank=True, help_text="The 8-digit code on the QR-coded GI label."
    )

    parent_page_types = ["artisans.ArtisanPage"]
    subpage_types: list[str] = []

    content_panels = ContractPage.content_panels + [
        FieldPanel("craft"),
        FieldPanel("description"),
        FieldPanel("images"),
        MultiFieldPanel(
            [
                FieldPanel("materials"),
                FieldRowPanel(
                    [
                        FieldPanel("length_cm"),
                        FieldPanel("width_cm"),
                        FieldPanel("height_cm"),
                        FieldPanel("weight_g"),
                    ]
                ),
            ],
            heading="Materials and size",
        ),
        FieldPanel("gi_label_code"),
        InlinePanel(
            "listings",
            heading="Where to buy",
            label="Marketplace listing",
            min_num=1,
            help_text="The price buyers see comes from these listings (several: from the lowest in stock). "
            "The listing checker keeps price, stock and 'last checked' up to date.",
        ),
    ]
    promote_panels = ContractPage.promote_panels + [FieldPanel("old_slugs")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Product"),
            ObjectList(promote_panels, heading="Web address"),
            ObjectList(ContractPage.settings_panels, heading="Scheduling"),
        ]
    )

    class Meta:
        verbose_name = "product"

    def clean(self) -> None:
        super().clean()
        if self.gi_label_code and not re.fullmatch(r"[0-9]{8}", self.gi_label_code):
            raise ValidationError({"gi_label_code": "The GI label code is exactly 8 digits, e.g. 40817263."})
        for name in ("length_cm", "width_cm", "height_cm", "weight_g"):
            value = getattr(self, name)
            if value is not None and value <= 0:
                raise ValidationError({name: "Sizes and weight must be more than zero."})
        # A new page is live=True until saved as a draft: the gate is for publishing an existing one.
        if self.live and self.pk is not None:
            artisan = self.get_parent().specific
            consent = artisan.consent() if hasattr(artisan, "consent") else None
            if consent is None or "products" not in consent.covers:
                raise ValidationError(
                    "This product cannot be published: the artisan's consent does not cover "
                    "products. Ask the Registry team."
                )

    def contract_fields(self, ctx) -> dict | None:
        parent = self.get_parent().specific
        artisan = ctx.key(parent)
        craft = ctx.key(self.craft)
        consent = parent.consent() if hasattr(parent, "consent") else None
        if not artisan or not craft or consent is None or "products" not in consent.covers:
            return None
        images = ctx.images(self.images)
        listings = [listing.as_contract() for listing in self.listings.all()]
        if not images or not listings:
            return None
        dims = {k: number(getattr(self, k)) for k in ("length_cm", "width_cm", "height_cm", "weight_g")}
        return {
            "title": self.title,
            "artisan": artisan,
            "craft": craft,
            "description": ctx.richtext(self.description),
            "materials": lines(self.materials),
            "dimensions": {k: v for k, v in dims.items() if v is not None},
            "images": images,
            "gi_label_code": self.gi_label_code,
            "listings": listings,
        }


class MarketplaceListing(Orderable):
    """Where a buyer can buy the product: a marketplace listing link."""

    page = ParentalKey(ProductPage, on_delete=models.CASCADE, related_name="listings")
    marketplace = models.CharField(
        max_length=200, help_text="One of the marketplaces declared in content/schemas/marketplaces.json."
    )
    url = models.URLField(
        "Listing URL", max_length=2000, help_text="The full address on that marketplace, starting with https://"
    )
    seller = models.CharField(max_length=200)
    programme = models.CharField(max_length=200, blank=True, help_text="e.g. Samarth")
    price_inr = models.PositiveIntegerField("Price (₹)")
    availability = models.CharField(max_length=20, choices=AVAILABILITY, default="in_stock")
    link_status = models.CharField(
        "Link", max_length=10, choices=LINK_STATUS, default="ok",
        help_text="Set to 'Dead' by the listing checker when the marketplace page is gone.",
    )
    last_checked = models.DateField(help_text="When the listing was last found working (the checker updates it).")
    price_valid_until = models.DateField(
        null=True, blank=True, help_text="The marketplace's own 'price valid until', when its page states one."
    )

    panels = [
        FieldRowPanel(
            [
                FieldPanel("marketplace", widget=forms.Select(choices=[(n, n) for n in registry().names()])),
                FieldPanel("seller"),
                FieldPanel("programme"),
            ]
        ),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("price_inr"), FieldPanel("availability"), FieldPanel("link_status")]),
        FieldRowPanel([FieldPanel("last_checked"), FieldPanel("price_valid_until")]),
    ]

    def clean(self) -> None:
        super().clean()
        if registry().get(self.marketplace) is None:
            raise ValidationError({"marketplace": listing_url_problem(self.marketplace, self.url or "")})
        problem = listing_url_problem(self.marketplace, self.url or "") if self.url else None
        if problem:
            raise ValidationError({"url": f"This listing's address cannot be used: {problem}."})

    def as_contract(self) -> dict:
        out = {"marketplace": self.marketplace, "url": self.url, "seller": self.seller}
        if self.programme:
            out["programme"] = self.programme
        out.update(
            price_inr=self.price_inr,
            availability=self.availability,
            last_checked=self.last_checked.isoformat(),
        )
        if self.link_status == "dead":
            out["link_status"] = "dead"
        if self.price_valid_until:
            out["price_valid_until"] = self.price_valid_until.isoformat()
        return out
