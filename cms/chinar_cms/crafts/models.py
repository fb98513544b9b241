"""Crafts: the traditions (Pashmina, Kani, Sozni, papier-mâché...) exported as ``craft`` records."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.snippets.blocks import SnippetChooserBlock

from chinar_cms.base.blocks import RICH_TEXT_FEATURES, image_stream
from chinar_cms.base.fields import LinesField, lines
from chinar_cms.base.models import ContractPage, PublicSitePage


class CraftIndexPage(PublicSitePage, Page):
    """The "Crafts" section; craft pages live below it."""

    public_index = "craft"

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["crafts.CraftPage"]


class CraftPage(ContractPage):
    """A craft tradition. The page title is the craft's name."""

    contract_type = "craft"
    GI_CHOICES = [
        ("", "Not stated"),
        ("registered", "GI registered"),
        ("not_registered", "Not GI registered"),
    ]

    summary = models.CharField(max_length=2000, help_text="One or two sentences shown on cards and in search.")
    history = RichTextField(features=RICH_TEXT_FEATURES)
    region = models.CharField(max_length=200, help_text="e.g. Kashmir, or Kathua (Jammu)")
    districts = StreamField(
        [("district", SnippetChooserBlock("districts.District"))],
        blank=True,
        help_text="Districts where the craft is practised.",
    )
    techniques = LinesField()
    materials = LinesField()
    gi_status = models.CharField("GI status", max_length=20, choices=GI_CHOICES, blank=True)
    gi_year = models.PositiveSmallIntegerField("GI year registered", null=True, blank=True)
    gi_application_no = models.CharField("GI application no.", max_length=6, blank=True)
    gi_name = models.CharField("Registered GI name", max_length=200, blank=True)
    authenticity = RichTextField("How to recognise the genuine article", blank=True, features=RICH_TEXT_FEATURES)
    other_names = LinesField(
        "Other names", help_text="Other names and spellings in any script, one per line (used by search)."
    )
    hero = image_stream(max_num=1)
    gallery = image_stream()

    parent_page_types = ["crafts.CraftIndexPage"]
    subpage_types: list[str] = []

    content_panels = ContractPage.content_panels + [
        FieldPanel("summary"),
        FieldPanel("history"),
        MultiFieldPanel([FieldPanel("region"), FieldPanel("districts")], heading="Where"),
        MultiFieldPanel(
            [FieldPanel("techniques"), FieldPanel("materials"), FieldPanel("other_names")],
            heading="Techniques, materials and other names",
        ),
        MultiFieldPanel(
            [
                FieldPanel("gi_status"),
                FieldRowPanel([FieldPanel("gi_year"), FieldPanel("gi_application_no")]),
                FieldPanel("gi_name"),
            ],
            heading="Geographical Indication (GI)",
        ),
        FieldPanel("authenticity"),
        MultiFieldPanel([FieldPanel("hero"), FieldPanel("gallery")], heading="Pictures"),
    ]
    promote_panels = ContractPage.promote_panels + [FieldPanel("old_slugs")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Craft"),
            ObjectList(promote_panels, heading="Web address"),
            ObjectList(ContractPage.settings_panels, heading="Scheduling"),
        ]
    )

    def clean(self) -> None:
        super().clean()
        if self.gi_application_no and not self.gi_application_no.isdigit():
            raise ValidationError({"gi_application_no": "The GI application number is digits only, e.g. 48."})
        if self.gi_year is not None and not 1999 <= self.gi_year <= 2100:
            raise ValidationError({"gi_year": "The GI year must be between 1999 and 2100."})
        if (self.gi_year or self.gi_application_no or self.gi_name) and not self.gi_status:
            raise ValidationError({"gi_status": "Choose the GI status before giving a GI year, number or name."})

    def contract_fields(self, ctx) -> dict:
        gi = None
        if self.gi_status:
            gi = {"registered": self.gi_status == "registered"}
            if self.gi_year:
                gi["year"] = self.gi_year
            if self.gi_application_no:
                gi["application_no"] = self.gi_application_no
            if self.gi_name:
                gi["name"] = self.gi_name
        return {
            "name": self.title,
            "summary": self.summary,
            "history": ctx.richtext(self.history),
            "region": self.region,
            "districts": ctx.keys(child.value for child in self.districts),
            "techniques": lines(self.techniques),
            "materials": lines(self.materials),
            "gi": gi,
            "authenticity": ctx.richtext(self.authenticity),
            "aliases": lines(self.other_names),
            "hero": ctx.first_image(self.hero),
            "gallery": ctx.images(self.gallery),
        }
