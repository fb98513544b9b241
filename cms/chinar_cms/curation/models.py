"""Collections: hand-picked ordered lists, or a rule (craft / district / price band)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from chinar_cms.base.blocks import RICH_TEXT_FEATURES, image_stream
from chinar_cms.base.models import ContractPage, PublicSitePage


class CollectionIndexPage(PublicSitePage, Page):
    """The "Collections" section."""

    public_index = "collection"

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["curation.CollectionPage"]


class CollectionPage(ContractPage):
    """A collection: either hand-picked items (in order) or a rule, never both."""

    contract_type = "collection"

    summary = models.CharField(max_length=2000)
    body = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    hero = image_stream(max_num=1)
    featured = models.BooleanField(default=False, help_text="Show on the home page.")
    items = StreamField(
        [
            ("product", blocks.PageChooserBlock(page_type="products.ProductPage", label="Product")),
            ("artisan", blocks.PageChooserBlock(page_type="artisans.ArtisanPage", label="Artisan")),
        ],
        blank=True,
        help_text="Hand-picked products and artisans, in the order shown.",
    )
    rule_craft = models.ForeignKey(
        "crafts.CraftPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="craft",
    )
    rule_district = models.ForeignKey(
        "districts.District",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="district",
    )
    rule_price_min = models.PositiveIntegerField("lowest price (₹)", null=True, blank=True)
    rule_price_max = models.PositiveIntegerField("highest price (₹)", null=True, blank=True)

    parent_page_types = ["curation.CollectionIndexPage"]
    subpage_types: list[str] = []

    content_panels = ContractPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("hero"),
        FieldPanel("featured"),
        FieldPanel("items", heading="Hand-picked items"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("rule_craft"), FieldPanel("rule_district")]),
                FieldRowPanel([FieldPanel("rule_price_min"), FieldPanel("rule_price_max")]),
            ],
            heading="…or a rule (leave the hand-picked list empty)",
        ),
    ]
    promote_panels = ContractPage.promote_panels + [FieldPanel("old_slugs")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Collection"),
            ObjectList(promote_panels, heading="Web address"),
            ObjectList(ContractPage.settings_panels, heading="Scheduling"),
        ]
    )

    class Meta:
        verbose_name = "collection"

    def has_rule(self) -> bool:
        return any(
            v is not None for v in (self.rule_craft_id, self.rule_district_id, self.rule_price_min, self.rule_price_max)
        )

    def clean(self) -> None:
        super().clean()
        picked = any(child.value for child in self.items)
        if picked and self.has_rule():
            raise ValidationError(
                "A collection is either hand-picked or a rule: empty the hand-picked list or clear the rule."
            )
        if not picked and not self.has_rule():
            raise ValidationError("Pick some products or artisans, or set a rule (craft, district or price).")
        if (
            self.rule_price_min is not None
            and self.rule_price_max is not None
            and self.rule_price_min > self.rule_price_max
        ):
            raise ValidationError({"rule_price_max": "The highest price is below the lowest price."})

    def contract_fields(self, ctx) -> dict | None:
        out = {
            "title": self.title,
            "summary": self.summary,
            "body": ctx.richtext(self.body),
            "hero": ctx.first_image(self.hero),
            "featured": True if self.featured else None,
        }
        if self.has_rule():
            rule = {}
            if self.rule_craft_id:
                rule["craft"] = ctx.key(self.rule_craft)
            if self.rule_district_id:
                rule["district"] = ctx.key(self.rule_district)
            if self.rule_price_min is not None:
                rule["price_min"] = self.rule_price_min
            if self.rule_price_max is not None:
                rule["price_max"] = self.rule_price_max
            if any(v is None for v in rule.values()):
                return None  # the rule's craft is not public: the collection would change meaning
            out["rule"] = rule
        else:
            items = []
            for child in self.items:
                key = ctx.key(child.value)
                if key and not any(i["ref"] == key and i["type"] == child.block_type for i in items):
                    items.append({"type": child.block_type, "ref": key})
            if not items:
                return None
            out["items"] = items
        return out
