"""The root of each language's page tree (not a contract record: the build makes the home page)."""

from __future__ import annotations

from wagtail.models import Page

from chinar_cms.base.models import PublicSitePage


class HomePage(PublicSitePage, Page):
    """Root of the English, Hindi or Urdu tree; sections (crafts, artisans...) hang below it."""

    public_index = ""

    max_count_per_parent = 1
    subpage_types = [
        "crafts.CraftIndexPage",
        "artisans.ArtisanIndexPage",
        "curation.CollectionIndexPage",
        "stories.StoryIndexPage",
        "campaigns.CampaignIndexPage",
        "pages.StandardPage",
    ]

    class Meta:
        verbose_name = "home page"
