"""Campaign landing pages (festivals, craft trails) built from blocks; exported as ``campaign`` records."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import StreamField
from wagtail.models import Page

from chinar_cms.base.blocks import image_stream
from chinar_cms.base.models import ContractPage, PublicSitePage

from .blocks import CAMPAIGN_BLOCKS


class CampaignIndexPage(PublicSitePage, Page):
    public_index = "campaign"
    max_count_per_parent = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["campaigns.CampaignPage"]


class CampaignPage(ContractPage):
    contract_type = "campaign"

    summary = models.CharField(max_length=2000)
    starts = models.DateField()
    ends = models.DateField()
    hero = image_stream(max_num=1)
    location = models.CharField(max_length=2000, blank=True)
    organizer = models.CharField(max_length=2000, blank=True)
    utm_campaign = models.CharField(
        "Campaign tag (utm_campaign)",
        max_length=64,
        help_text="Lowercase letters, digits, '-' or '_', e.g. winter-trail-2026.",
    )
    blocks = StreamField(CAMPAIGN_BLOCKS, min_num=1)

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types: list[str] = []

    content_panels = ContractPage.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts"), FieldPanel("ends")]),
                FieldPanel("location"),
                FieldPanel("organizer"),
                FieldPanel("utm_campaign"),
            ],
            heading="When and where",
        ),
        FieldPanel("hero"),
        FieldPanel("blocks"),
    ]
    promote_panels = ContractPage.promote_panels + [FieldPanel("old_slugs")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Campaign"),
            ObjectList(promote_panels, heading="Web address"),
            ObjectList(ContractPage.settings_panels, heading="Scheduling"),
        ]
    )

    class Meta:
        verbose_name = "campaign"

    def clean(self) -> None:
        super().clean()
        if self.starts and self.ends and self.ends < self.starts:
            raise ValidationError({"ends": "The campaign ends before it starts."})
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,63}", self.utm_campaign or ""):
            raise ValidationError({"utm_campaign": "Use lowercase letters, digits, '-' or '_' only."})

    def contract_fields(self, ctx) -> dict | None:
        blocks_out = [b for b in (self._block(child, ctx) for child in self.blocks) if b]
        if not blocks_out:
            return None
        return {
            "title": self.title,
            "summary": self.summary,
            "starts": self.starts.isoformat(),
            "ends": self.ends.isoformat(),
            "hero": ctx.first_image(self.hero),
            "location": self.location,
            "organizer": self.organizer,
            "utm_campaign": self.utm_campaign,
            "blocks": blocks_out,
        }

    @staticmethod
    def _block(child, ctx) -> dict | None:
        v, t = child.value, child.block_type
        out: dict = {"type": t}
        if t != "call_to_action" and v.get("title"):
            out["title"] = v["title"]
        if t == "text":
            out["body"] = ctx.richtext(v["body"].source if v.get("body") else "")
        elif t == "featured_artisans":
            out["artisans"] = ctx.keys(v["artisans"])
            if not out["artisans"]:
                return None
        elif t == "featured_collection":
            out["collection"] = ctx.key(v["collection"])
            if not out["collection"]:
                return None
        elif t == "craft_trail":
            stops = []
            for stop in v["stops"]:
                district = ctx.key(stop["district"])
                if not district:
                    continue
                s: dict = {"district": district}
                crafts = ctx.keys(stop.get("crafts") or [])
                if crafts:
                    s["crafts"] = crafts
                if stop.get("note"):
                    s["note"] = stop["note"]
                stops.append(s)
            if not stops:
                return None
            out["stops"] = stops
        elif t == "call_to_action":
            if v.get("text"):
                out["text"] = v["text"]
            out["label"] = v["label"]
            out["url"] = v["url"]
        return out
