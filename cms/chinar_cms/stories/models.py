"""Stories: dated articles about artisans and crafts, exported as ``story`` records."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from chinar_cms.base.blocks import RICH_TEXT_FEATURES, image_stream
from chinar_cms.base.models import ContractPage, PublicSitePage


class StoryIndexPage(PublicSitePage, Page):
    """The "Stories" section."""

    public_index = "story"

    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage"]

    class Meta:
        verbose_name = "story index page"


class StoryPage(ContractPage):
    contract_type = "story"

    date = models.DateField("Story date")
    updated = models.DateField("Last updated", null=True, blank=True)
    author = models.CharField(max_length=200, blank=True)
    summary = models.CharField(max_length=2000)
    body = RichTextField(features=RICH_TEXT_FEATURES)
    hero = image_stream(max_num=1)
    images = image_stream()
    artisans = StreamField(
        [("artisan", blocks.PageChooserBlock(page_type="artisans.ArtisanPage"))],
        blank=True,
        help_text="Artisans this story is about.",
    )
    crafts = StreamField(
        [("craft", blocks.PageChooserBlock(page_type="crafts.CraftPage"))],
        blank=True,
        help_text="Crafts this story is about.",
    )

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types: list[str] = []

    content_panels = ContractPage.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("updated"), FieldPanel("author")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("hero"), FieldPanel("images")], heading="Pictures"),
        MultiFieldPanel([FieldPanel("artisans"), FieldPanel("crafts")], heading="About"),
    ]
    promote_panels = ContractPage.promote_panels + [FieldPanel("old_slugs")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Story"),
            ObjectList(promote_panels, heading="Web address"),
            ObjectList(ContractPage.settings_panels, heading="Scheduling"),
        ]
    )

    class Meta:
        verbose_name = "story"
        verbose_name_plural = "stories"

    def clean(self) -> None:
        super().clean()
        if self.updated and self.date and self.updated < self.date:
            raise ValidationError({"updated": "The update date cannot be before the story date."})

    def contract_fields(self, ctx) -> dict:
        return {
            "title": self.title,
            "date": self.date.isoformat(),
            "updated": self.updated.isoformat() if self.updated else None,
            "author": self.author,
            "summary": self.summary,
            "body": ctx.richtext(self.body),
            "hero": ctx.first_image(self.hero),
            "images": ctx.images(self.images),
            "artisans": ctx.keys(c.value for c in self.artisans),
            "crafts": ctx.keys(c.value for c in self.crafts),
        }
