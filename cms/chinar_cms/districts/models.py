"""Districts of Jammu & Kashmir: translatable snippets that artisans, crafts and trails refer to."""

from __future__ import annotations

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from chinar_cms.base.blocks import RICH_TEXT_FEATURES, image_stream
from chinar_cms.base.models import validate_contract_slug
from chinar_cms.base.serializers import MediaField, RecordField
from chinar_cms.base.text import clean_text_fields


class District(TranslatableMixin, index.Indexed, models.Model):
    """One of the 20 districts; exported as a ``district`` record (always public: no drafts)."""

    DIVISIONS = [("Jammu", "Jammu"), ("Kashmir", "Kashmir")]

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, help_text="Web address, e.g. 'srinagar' (same in every language).")
    division = models.CharField(max_length=10, choices=DIVISIONS)
    summary = models.CharField(max_length=2000, help_text="One or two sentences.")
    body = RichTextField(blank=True, features=RICH_TEXT_FEATURES)
    image = image_stream(max_num=1)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("slug"), FieldPanel("division")], heading="District"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("image"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("record", serializer=RecordField()), APIField("media", serializer=MediaField())]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["locale", "slug"], name="unique_district_slug_per_locale")]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        clean_text_fields(self)
        validate_contract_slug(self.slug)

    def to_record(self, ctx) -> dict:
        from chinar_cms.base.contract import compact, required_fields

        return {
            "type": "district",
            "id": f"district-{self.pk}",
            "slug": self.slug,
            "locale": self.locale.language_code,
            "translation_key": str(self.translation_key),
            **compact(
                {
                    "name": self.name,
                    "division": self.division,
                    "summary": self.summary,
                    "body": ctx.richtext(self.body),
                    "image": ctx.first_image(self.image),
                },
                required_fields("district"),
            ),
        }
