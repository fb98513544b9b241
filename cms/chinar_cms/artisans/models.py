"""Artisans' public profiles, exported as ``artisan`` records (district only, never personal data).

Personal data and consent records are not here: they live in ``chinar_cms.registry``, in models
only the Registry group can see, and never in page revisions (which previews and the API read).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from chinar_cms.base.blocks import RICH_TEXT_FEATURES, image_stream
from chinar_cms.base.fields import ChoiceListField, LinesField, lines
from chinar_cms.base.models import ContractPage, PublicSitePage

FLAGS = [
    ("women-led", "Women-led enterprise"),
    ("disability-led", "Led by an artisan with a disability"),
    ("rural-weaver", "Rural weaver"),
    ("cooperative-member", "Cooperative member"),
    ("master-craftsperson", "Master craftsperson"),
]


class ArtisanIndexPage(PublicSitePage, Page):
    """The "Artisans" section; artisan pages live below it."""

    public_index = "artisan"

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["artisans.ArtisanPage"]


class AwardBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=2000)
    year = blocks.IntegerBlock(required=False, min_value=1900, max_value=2100)

    class Meta:
        icon = "pick"


class ArtisanPage(ContractPage):
    """An artisan's public profile. The page title is the artisan's name.

    Publishing needs a consent record from the Registry (see ``consent_problem``); products are
    children of their artisan.
    """

    contract_type = "artisan"

    crafts = StreamField(
        [("craft", blocks.PageChooserBlock(page_type="crafts.CraftPage"))],
        blank=True,
        help_text="The crafts this artisan practises (at least one).",
    )
    district = models.ForeignKey(
        "districts.District",
        on_delete=models.PROTECT,
        related_name="+",
        help_text="Only the district is ever shown: never the village or address.",
    )
    bio = RichTextField("Biography", features=RICH_TEXT_FEATURES)
    portrait = image_stream(max_num=1)
    gallery = image_stream()
    practising_since = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Year, e.g. 2004")
    awards = StreamField([("award", AwardBlock())], blank=True)
    languages = LinesField("Languages spoken")
    cooperative = models.CharField(max_length=2000, blank=True)
    flags = ChoiceListField("Enterprise", list_choices=FLAGS)
    featured = models.BooleanField(default=False, help_text="Show on the home page.")

    parent_page_types = ["artisans.ArtisanIndexPage"]
    subpage_types = ["products.ProductPage"]

    content_panels = ContractPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("crafts"), FieldPanel("district"), FieldPanel("practising_since")],
            heading="Craft and district",
        ),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("portrait"), FieldPanel("gallery")], heading="Photos"),
        MultiFieldPanel(
            [
                FieldPanel("awards"),
                FieldPanel("languages"),
                FieldPanel("cooperative"),
                FieldPanel("flags"),
                FieldPanel("featured"),
            ],
            heading="More about the artisan",
        ),
    ]
    promote_panels = ContractPage.promote_panels + [FieldPanel("old_slugs")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Artisan"),
            ObjectList(promote_panels, heading="Web address"),
            ObjectList(ContractPage.settings_panels, heading="Scheduling"),
        ]
    )

    class Meta:
        verbose_name = "artisan"

    def consent(self):
        """The artisan's current (not withdrawn) consent record, shared by every language version."""
        from chinar_cms.registry.models import ConsentRecord

        return ConsentRecord.current_for(self.translation_key)

    def consent_problem(self) -> str | None:
        """Why this artisan may not be published, in plain words; None if consent is in order."""
        consent = self.consent()
        if consent is None:
            return (
                "This artisan cannot be published yet: the Registry has no consent record for them. "
                "Ask the Registry team to record the artisan's consent first."
            )
        if "profile" not in consent.covers:
            return "The artisan's consent does not cover publishing a profile."
        if consent.under_18 and not consent.guardian_consent:
            return "The artisan is under 18: a parent's or guardian's consent must be recorded first."
        return None

    def clean(self) -> None:
        super().clean()
        if self.practising_since is not None and not 1920 <= self.practising_since <= 2100:
            raise ValidationError({"practising_since": "Give the year they started, between 1920 and 2100."})
        # A new page is live=True until saved as a draft: the gate is for publishing an existing one.
        if self.live and self.pk is not None:
            problem = self.consent_problem()
            if problem:
                raise ValidationError(problem)
            if not any(child.value for child in self.crafts):
                raise ValidationError({"crafts": "Choose at least one craft."})

    def contract_fields(self, ctx) -> dict | None:
        consent = self.consent()
        if consent is None or self.consent_problem():
            return None
        crafts = ctx.keys(child.value for child in self.crafts)
        district = ctx.key(self.district)
        if not crafts or not district:
            return None
        photos = "photos" in consent.covers
        return {
            "name": self.title,
            "crafts": crafts,
            "district": district,
            "bio": ctx.richtext(self.bio),
            "portrait": ctx.first_image(self.portrait) if photos else None,
            "gallery": ctx.images(self.gallery) if photos else None,
            "practising_since": self.practising_since,
            "awards": [
                {k: v for k, v in (("name", c.value["name"]), ("year", c.value["year"])) if v} for c in self.awards
            ],
            "languages": lines(self.languages),
            "cooperative": self.cooperative,
            "flags": list(self.flags or []),
            "featured": True if self.featured else None,
            "consent": consent.as_contract(),
        }
