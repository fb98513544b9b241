"""Generic pages (about, contact...), exported as ``page`` records."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField

from chinar.contract import RESERVED_SLUGS
from chinar_cms.base.blocks import RICH_TEXT_FEATURES
from chinar_cms.base.models import ContractPage


class StandardPage(ContractPage):
    contract_type = "page"

    summary = models.CharField(max_length=2000, blank=True)
    body = RichTextField(features=RICH_TEXT_FEATURES)

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []

    content_panels = ContractPage.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    promote_panels = ContractPage.promote_panels + [FieldPanel("old_slugs")]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Page"),
            ObjectList(promote_panels, heading="Web address"),
            ObjectList(ContractPage.settings_panels, heading="Scheduling"),
        ]
    )

    class Meta:
        verbose_name = "page"

    def clean(self) -> None:
        super().clean()
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": f"'{self.slug}' is used by a section of the site; choose another web address."}
            )

    def contract_fields(self, ctx) -> dict:
        return {"title": self.title, "summary": self.summary, "body": ctx.richtext(self.body)}
