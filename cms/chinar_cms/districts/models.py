"""Districts of Jammu & Kashmir: translatable snippets that artisans, crafts and trails refer to."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
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
    # Its tile on the site's district map (a cartogram, docs/map.md): the same in every language, so saving
    # one version moves them all. Empty: drawn in a row below the map until placed.
    map_col = models.PositiveSmallIntegerField(
        "map column", null=True, blank=True, validators=[MaxValueValidator(15)],
        help_text="Tile on the district map, counted from the west (0). Odd rows sit half a tile east.")
    map_row = models.PositiveSmallIntegerField(
        "map row", null=True, blank=True, validators=[MaxValueValidator(23)],
        help_text="Tile on the district map, counted from the north (0).")
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("slug"), FieldPanel("division")], heading="District"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("map_col"), FieldPanel("map_row")], heading="Place on the district map"),
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
        if (self.map_col is None) != (self.map_row is None):
            raise ValidationError({"map_row" if self.map_row is None else "map_col":
                                   "Give both the column and the row, or neither."})
        if self.map_col is not None:
            taken = (District.objects.filter(locale_id=self.locale_id, map_col=self.map_col, map_row=self.map_row)
                     .exclude(translation_key=self.translation_key).first())
            if taken is not None:
                raise ValidationError({"map_col": f"{taken.name} is already on this tile of the map."})

    def save(self, *args, **kwargs) -> None:
        """Save, and give every other language version the same map tile (geography does not change with
        the language; the build reads the default language's). Their ``updated_at`` moves, so a pull
        exports them again."""
        super().save(*args, **kwargs)
        (District.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
         .exclude(map_col=self.map_col, map_row=self.map_row)
         .update(map_col=self.map_col, map_row=self.map_row, updated_at=timezone.now()))

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
                    "map": {"col": self.map_col, "row": self.map_row} if self.map_col is not None else None,
                },
                required_fields("district"),
            ),
        }
