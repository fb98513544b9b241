"""Turning CMS objects into content-contract records (``content/schemas``): the CMS side of the seam.

Everything that leaves the CMS for the static site goes through ``ExportContext``: the API's
``record`` field, the pull, and the preview. It decides which objects may be seen (live, public,
not expired, not an untranslated alias placeholder) and drops references to anything else, so a
record never points at a draft, a restricted page or a withdrawn artisan.

References between records use the target's Wagtail ``translation_key`` (a UUID, which the
contract's key pattern accepts); ids are ``<type>-<pk>``; image ``src`` is
``cms/<sha1 of the file>.<ext>``, so the pull downloads each original once.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
import uuid
from collections.abc import Iterable
from functools import cache
from typing import Any

from django.core import signing
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from chinar.contract import href, record_path, sanitise, schema_dir

from .fields import lines
from .text import clean_record

log = logging.getLogger(__name__)

# load_demo derives a page's translation_key from the demo catalog's key with this namespace:
# translation_key = uuid5(DEMO_NAMESPACE, f"{type}:{key}"). Tests use it to map keys back.
DEMO_NAMESPACE = uuid.UUID("5d1f4f0e-3c7a-4d55-9a43-6a1b7c0e2f11")
ORIGINALS_SALT = "chinar.originals"
ORIGINALS_MAX_AGE = 24 * 3600


def demo_key(type_: str, key: str) -> uuid.UUID:
    """The Wagtail translation_key ``load_demo`` gives the demo record (type, key)."""
    return uuid.uuid5(DEMO_NAMESPACE, f"{type_}:{key}")


def exportable_pages(now=None):
    """Pages whose content may leave the CMS: live, publicly viewable, not expired, not an alias.

    ``expire_at`` is checked here too, so an expired page disappears from the API at once, not
    only after ``publish_scheduled`` has run. Aliases are the placeholders Wagtail keeps for
    untranslated pages in another locale tree; the build falls back to the default locale instead.
    """
    now = now or timezone.now()
    return (
        Page.objects.live().public().filter(alias_of__isnull=True).exclude(expire_at__isnull=False, expire_at__lte=now)
    )


def image_src(image) -> str:
    name = image.file.name.rsplit(".", 1)
    ext = name[-1].lower() if len(name) == 2 else "jpg"
    if ext not in ("jpg", "jpeg", "png", "webp"):
        ext = "jpg"
    return f"cms/{image.get_file_hash()}.{ext}"


def _fraction(value: int, total: int) -> float:
    """Shortest decimal that maps back to the same pixel (so 0.4 stays 0.4 through a round trip)."""
    if total <= 0:
        return 0.5
    for places in range(1, 5):
        f = round(value / total, places)
        if round(f * total) == value:
            return f
    return round(value / total, 4)


def focal_point(image) -> dict | None:
    if image.focal_point_x is None or image.focal_point_y is None:
        return None
    return {
        "x": _fraction(image.focal_point_x, image.width),
        "y": _fraction(image.focal_point_y, image.height),
    }


_PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>', re.IGNORECASE)
_ID_ATTR = re.compile(r'\bid="(\d+)"')


class ExportContext:
    """What one export (an API request, a preview) knows beyond a single object.

    ``preview`` is a page being previewed: it counts as public so its own references resolve.
    Records are cached per context, so ``record`` and ``media`` of one API item are built once.
    """

    def __init__(self, request=None, preview=None):
        self.request = request
        self.preview = preview
        self._public_keys: set[uuid.UUID] | None = None
        self._records: dict[tuple[str, Any], dict | None] = {}
        self._exporting: set[tuple[str, Any]] = set()
        self._images: dict[str, Any] = {}
        self.image_ids: set[int] = set()

    @classmethod
    def for_request(cls, request) -> ExportContext:
        ctx = getattr(request, "_chinar_export", None)
        if ctx is None:
            ctx = cls(request)
            request._chinar_export = ctx
        return ctx

    # ----------------------------------------------------------------- visibility
    @property
    def public_keys(self) -> set[uuid.UUID]:
        if self._public_keys is None:
            self._public_keys = set(exportable_pages().values_list("translation_key", flat=True))
            if self.preview is not None:
                self._public_keys.add(self.preview.translation_key)
        return self._public_keys

    def key(self, obj) -> str | None:
        """The reference to ``obj`` (its translation_key), or None if it must not be referred to."""
        if obj is None:
            return None
        if isinstance(obj, Page):
            if obj.translation_key not in self.public_keys or not self._exported(obj):
                return None
            return str(obj.translation_key)
        return str(obj.translation_key)  # snippets (districts) are always public

    def _exported(self, page) -> bool:
        """Whether a live page is in the snapshot too: a product whose artisan was unpublished is live
        but exports no record, and a reference to it would point at nothing."""
        page = page.specific
        if not hasattr(page, "to_record") or (self.preview is not None and page.pk == self.preview.pk):
            return True
        if (page._meta.label, page.pk) in self._exporting:
            return True  # a reference back to a record being exported
        return self.record(page) is not None

    def keys(self, objs: Iterable) -> list[str]:
        out: list[str] = []
        for obj in objs:
            k = self.key(obj)
            if k and k not in out:
                out.append(k)
        return out

    # ----------------------------------------------------------------- values
    def richtext(self, html: str) -> str:
        """Stored rich text as contract HTML: page links point at the static site, then sanitised."""

        def page_link(m: re.Match) -> str:
            idm = _ID_ATTR.search(m.group(0))
            page = Page.objects.filter(pk=int(idm.group(1))).first() if idm else None
            page = page.specific if page else None
            if page is None or not getattr(page, "contract_type", "") or self.key(page) is None:
                return "<a>"
            url = record_path(page.contract_type, page.slug, page.locale.language_code)
            return f'<a href="{href(url)}">'

        html = _PAGE_LINK.sub(page_link, html or "")
        return sanitise(expand_db_html(html)).strip()

    def image(self, value) -> dict | None:
        """One ImageUsageBlock value as a contract image object."""
        if not value:
            return None
        image = value.get("image")
        if image is None:
            return None
        src = image_src(image)
        self._images[src] = image
        self.image_ids.add(image.pk)
        out: dict[str, Any] = {"src": src, "alt": value.get("alt") or image.description or image.title}
        if value.get("caption"):
            out["caption"] = value["caption"]
        if value.get("credit"):
            out["credit"] = value["credit"]
        fp = focal_point(image)
        if fp:
            out["focal_point"] = fp
        return out

    def wagtail_image(self, src: str):
        """The Wagtail image behind a contract ``src`` seen in this export (for previews)."""
        return self._images[src]

    def images(self, stream) -> list[dict]:
        return [img for img in (self.image(child.value) for child in stream or []) if img]

    def first_image(self, stream) -> dict | None:
        found = self.images(stream)
        return found[0] if found else None

    # ----------------------------------------------------------------- records
    def record(self, obj) -> dict | None:
        cache_key = (obj._meta.label, obj.pk)
        if cache_key not in self._records:
            self._exporting.add(cache_key)
            try:
                rec = obj.to_record(self)
                self._records[cache_key] = clean_record(rec) if rec is not None else None
            finally:
                self._exporting.discard(cache_key)
        return self._records[cache_key]

    def media_links(self, obj) -> dict[str, str]:
        """Signed download links for the originals of the images in ``obj``'s record.

        Links are only handed out next to a public record, so only images a buyer could see can be
        downloaded; the signature expires after a day.
        """
        rec = self.record(obj)
        if rec is None:
            return {}
        signer = signing.TimestampSigner(salt=ORIGINALS_SALT)
        out = {}
        for src in sorted(_srcs(rec)):
            image = self._images.get(src)
            if image is None:
                continue
            path = reverse("chinar-original", args=[signer.sign(str(image.pk)), src.rsplit("/", 1)[-1]])
            out[src] = self.request.build_absolute_uri(path) if self.request is not None else path
        return out


def _srcs(value) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        if "src" in value and "alt" in value:
            found.add(value["src"])
        for v in value.values():
            found |= _srcs(v)
    elif isinstance(value, list):
        for v in value:
            found |= _srcs(v)
    return found


@cache
def required_fields(type_: str) -> frozenset[str]:
    """The fields the schema of ``type_`` requires (read from content/schemas, the contract)."""
    schema = json.loads((schema_dir() / f"{type_}.schema.json").read_text(encoding="utf-8"))
    return frozenset(schema.get("required", []))


def compact(fields: dict[str, Any], keep: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Drop optional fields that are empty (None, "", [], {}) so the record only says what is known.

    Fields in ``keep`` (the schema's required ones) stay even when empty; None is always dropped.
    """
    return {k: v for k, v in fields.items() if v is not None and (k in keep or (v != "" and v != [] and v != {}))}


def page_record(page, ctx: ExportContext) -> dict | None:
    """The contract record of a ContractPage: common fields + ``page.contract_fields(ctx)``."""
    if ctx.key(page) is None:
        return None
    body = page.contract_fields(ctx)
    if body is None:
        return None
    rec: dict[str, Any] = {
        "type": page.contract_type,
        "id": f"{page.contract_type}-{page.pk}",
        "slug": page.slug,
        "locale": page.locale.language_code,
        "translation_key": str(page.translation_key),
    }
    old = lines(page.old_slugs)
    if old:
        rec["old_slugs"] = old
    rec.update(compact(body, required_fields(page.contract_type)))
    if page.contract_type != "story" and page.last_published_at is not None:
        # The day the page was last published (UTC): the sitemap's <lastmod> of the pages showing it.
        # A story has an editorial "updated" field of its own (and its date).
        rec["updated"] = page.last_published_at.astimezone(datetime.UTC).date().isoformat()
    return rec


def number(value) -> int | float | None:
    """A decimal from the database as the JSON number the contract had (200, not 200.0)."""
    if value is None:
        return None
    f = float(value)
    return int(f) if f.is_integer() else f
