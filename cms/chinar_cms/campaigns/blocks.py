"""The blocks a campaign page is built from; each maps to one block type of the contract."""

from __future__ import annotations

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from chinar_cms.base.blocks import RICH_TEXT_FEATURES, HttpsOrPathBlock


class TextBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=2000)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = "Text"


class FeaturedArtisansBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=2000)
    artisans = blocks.ListBlock(blocks.PageChooserBlock(page_type="artisans.ArtisanPage"), min_num=1)

    class Meta:
        icon = "user"
        label = "Featured artisans"


class FeaturedCollectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=2000)
    collection = blocks.PageChooserBlock(page_type="curation.CollectionPage")

    class Meta:
        icon = "list-ul"
        label = "Featured collection"


class TrailStopBlock(blocks.StructBlock):
    district = SnippetChooserBlock("districts.District")
    crafts = blocks.ListBlock(blocks.PageChooserBlock(page_type="crafts.CraftPage"), required=False)
    note = blocks.CharBlock(required=False, max_length=2000)


class CraftTrailBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=2000)
    stops = blocks.ListBlock(TrailStopBlock(), min_num=1)

    class Meta:
        icon = "site"
        label = "Craft trail"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(required=False, max_length=2000)
    label = blocks.CharBlock(max_length=2000, help_text="Words on the button.")
    url = HttpsOrPathBlock(help_text="https://… or a path on this site such as /collections/winter-gifts/")

    class Meta:
        icon = "link"
        label = "Call to action"


CAMPAIGN_BLOCKS = [
    ("text", TextBlock()),
    ("featured_artisans", FeaturedArtisansBlock()),
    ("featured_collection", FeaturedCollectionBlock()),
    ("craft_trail", CraftTrailBlock()),
    ("call_to_action", CallToActionBlock()),
]
