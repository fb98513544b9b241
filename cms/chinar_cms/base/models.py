"""Shared models: the image model (metadata stripped on upload) and the contract page base class."""

from __future__ import annotations

import os
import re
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from wagtail.api import APIField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page

from .fields import LinesField, lines
from .images import ImageRejected, is_clean_original, prepare_original
from .serializers import MediaField, RecordField
from .text import clean_text_fields

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class ChinarImage(AbstractImage):
    """A Wagtail image whose original is stored clean: no EXIF/XMP/IPTC (GPS, camera, owner), upright,
    within the build's limits (``images.prepare_original``).

    Done here before saving, so that width, height and file hash describe the stored file; the
    media storage (``storage.py``) makes the same checks for every other way a file is written.
    ``description`` is the default alt text and is required in the admin form; each use of the
    image carries its own (translated) alt text in the page that shows it.
    """

    admin_form_fields = Image.admin_form_fields

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.file and not getattr(self.file, "_committed", True):
            self.file.open()
            self.file.seek(0)
            data = self.file.read()
            if not is_clean_original(data):
                try:
                    prepared = prepare_original(data, os.path.basename(self.file.name))
                except ImageRejected as exc:
                    raise ValidationError({"file": ValidationError(exc.message, code=exc.code, params=exc.params)}) \
                        from exc
                self.file = ContentFile(prepared.data, name=prepared.name)
                self._set_image_file_metadata()
        super().save(*args, **kwargs)

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"


class ChinarRendition(AbstractRendition):
    image = models.ForeignKey(ChinarImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


def validate_contract_slug(slug: str) -> None:
    if not SLUG_RE.match(slug or "") or len(slug) > 80:
        raise ValidationError(
            {
                "slug": "The web address may use only lowercase English letters, digits and single hyphens "
                "(for example 'shazia-akhter'), at most 80 characters."
            }
        )


class PublicSitePage:
    """A page whose live version is on the public static site, not in this headless CMS.

    Every live URL Wagtail makes for it ("View live", the API's ``html_url``, ``full_url``) is its address on
    ``CHINAR_SITE_BASE_URL``, built by ``chinar.urls`` as the static build builds it; a request for its CMS
    address is redirected there. A record page's address comes from its type, slug and language; a section
    page sets ``public_index`` (the record type it lists; "" for a language's home page).
    """

    public_index: ClassVar[str | None] = None

    def public_path(self) -> str:
        from chinar.contract import home_path, index_path, record_path

        locale = self.locale.language_code
        contract_type = getattr(self, "contract_type", "")
        if contract_type:
            return record_path(contract_type, self.slug, locale)
        return index_path(self.public_index, locale) if self.public_index else home_path(locale)

    def get_url_parts(self, request=None):
        from django.conf import settings

        parts = super().get_url_parts(request)  # type: ignore[misc]
        base = (settings.CHINAR_SITE_BASE_URL or "").rstrip("/")
        if parts is None or not base:
            return parts
        return parts[0], base, "/" + self.public_path()

    def get_url(self, request=None, current_site=None):
        """Always the full public address: the CMS's own host has no page to show."""
        return self.get_full_url(request)

    url = property(get_url)  # Page binds ``url`` to its own get_url

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        return redirect(self.get_full_url(request))


class ContractPage(PublicSitePage, Page):
    """A page that is one record of the content contract (``content/schemas/<type>.schema.json``).

    Subclasses set ``contract_type`` and implement ``contract_fields(ctx)``, returning the
    type-specific fields (or None when the page cannot be exported, e.g. its artisan is not public).
    The API exposes only ``record``: exactly the contract record, nothing else from the model.
    """

    contract_type: ClassVar[str] = ""

    old_slugs = LinesField(
        verbose_name="previous web addresses",
        help_text="Slugs this page was published under before, one per line; the site redirects them.",
    )

    api_fields = [APIField("record", serializer=RecordField()), APIField("media", serializer=MediaField())]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        clean_text_fields(self)
        validate_contract_slug(self.slug)
        for old in lines(self.old_slugs):
            if not SLUG_RE.match(old):
                raise ValidationError(
                    {"old_slugs": f"'{old}' is not a valid web address (lowercase letters, digits and hyphens only)."}
                )

    def contract_fields(self, ctx) -> dict | None:
        raise NotImplementedError

    def to_record(self, ctx) -> dict | None:
        """This page as a contract record, or None if it cannot be published in the snapshot."""
        from .contract import page_record

        return page_record(self, ctx)

    def serve_preview(self, request, mode_name):
        from .preview import serve_record_preview

        return serve_record_preview(self, request)


__all__ = ["ChinarImage", "ChinarRendition", "ContractPage", "LinesField", "PublicSitePage", "lines"]
