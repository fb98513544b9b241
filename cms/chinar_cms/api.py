"""The headless API at /api/v2/: what `chinar pull` reads. Anonymous, read-only, published only.

- ``pages/?record_type=<contract type>&fields=_,record,media[&since=ISO]``: each item's ``record`` is
  exactly the contract record (or null when it cannot be exported now, e.g. its artisan is not
  public); ``media`` maps each image ``src`` to a signed download link of the original.
  Only live, public (no view restriction), unexpired, non-alias pages are listed; ``since``
  keeps those published after that time (incremental pulls).
- ``districts/`` the district snippets, same shape (``since`` compares the last change).
- ``images/`` the Wagtail images endpoint, limited to images that published records show.
- ``published/`` every listed object's id by record type, in one response: how an incremental pull
  learns what was unpublished or deleted without paging through every listing.
- ``originals/<signed>/<hash>.<ext>`` serves an original image file (see ``media``), only if it is a
  clean original (no metadata: ``base.images.is_clean_original``); anything else is refused (410).
"""

from __future__ import annotations

import io
import logging
import mimetypes

from django.core import signing
from django.http import FileResponse, Http404, HttpResponseGone, JsonResponse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet

from chinar_cms.base.contract import (
    ORIGINALS_MAX_AGE,
    ORIGINALS_SALT,
    ExportContext,
    exportable_pages,
    image_src,
)
from chinar_cms.base.exporters import contract_page_models
from chinar_cms.base.images import is_clean_original
from chinar_cms.districts.models import District

log = logging.getLogger(__name__)


def _since(request):
    raw = request.GET.get("since")
    if not raw:
        return None
    value = parse_datetime(raw)
    if value is None:
        raise BadRequestError("since must be an ISO 8601 date-time, e.g. 2026-01-31T12:00:00Z")
    if timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.utc)
    return value


class ContractPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, narrowed to what the contract allows out of the CMS."""

    body_fields = ["id"]
    meta_fields = ["type", "detail_url", "slug", "locale", "first_published_at", "last_published_at"]
    listing_default_fields = ["id", "type", "detail_url", "slug", "locale", "last_published_at"]
    nested_default_fields = ["id", "type", "detail_url"]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["since", "record_type"])

    def get_base_queryset(self):
        base = super().get_base_queryset()
        qs = base.filter(pk__in=exportable_pages().values("pk"))
        since = _since(self.request)
        if since is not None:
            qs = qs.filter(last_published_at__gt=since)
        return qs

    def get_queryset(self):
        record_type = self.request.GET.get("record_type")
        if record_type:
            model = contract_page_models().get(record_type)
            if model is None:
                raise BadRequestError(f"record_type {record_type!r} is not a page record type")
            return model.objects.filter(pk__in=self.get_base_queryset().values("pk")).order_by("pk")
        return super().get_queryset()


class DistrictsAPIViewSet(BaseAPIViewSet):
    """The district snippets as contract records."""

    model = District
    name = "districts"
    body_fields = ["id"]
    meta_fields = ["type", "detail_url"]
    listing_default_fields = ["id", "type", "detail_url"]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["since"])

    def get_queryset(self):
        qs = District.objects.all().order_by("pk")
        since = _since(self.request)
        if since is not None:
            qs = qs.filter(updated_at__gt=since)
        return qs


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Only images shown by published records; no titles (they may name people or places)."""

    body_fields = ["id", "width", "height"]
    meta_fields = ["type", "detail_url", "download_url"]
    listing_default_fields = ["id", "type", "detail_url", "width", "height"]
    nested_default_fields = ["id", "type", "detail_url"]

    def get_queryset(self):
        ctx = ExportContext.for_request(self.request)
        for model in contract_page_models().values():
            for page in model.objects.filter(pk__in=exportable_pages().values("pk")):
                ctx.record(page)
        for district in District.objects.all():
            ctx.record(district)
        return super().get_queryset().filter(pk__in=ctx.image_ids).order_by("pk")


def published_ids(request):
    """``{"ids": {record type: [id, ...]}, "now": ISO time}``: exactly the objects the listings above show (pages: the
    same public, exportable queryset as ``pages/``), as one query per type instead of a page of 100 ids
    per request."""
    now = timezone.now()
    public = get_public_pages_queryset(request).filter(pk__in=exportable_pages().values("pk")).values("pk")
    ids = {
        type_: list(model.objects.filter(pk__in=public).order_by("pk").values_list("pk", flat=True))
        for type_, model in contract_page_models().items()
    }
    ids["district"] = list(District.objects.order_by("pk").values_list("pk", flat=True))
    # The pull's start by this clock, to the microsecond: a page published after it is not in this pull.
    return JsonResponse({"ids": ids, "now": now.isoformat()})


def original(request, token: str, name: str):
    """Stream the original file of an image whose signed link came with a public record."""
    try:
        pk = signing.TimestampSigner(salt=ORIGINALS_SALT).unsign(token, max_age=ORIGINALS_MAX_AGE)
    except signing.BadSignature as exc:
        raise Http404("unknown or expired image link") from exc
    image = get_image_model().objects.filter(pk=pk).first()
    if image is None or image_src(image).rsplit("/", 1)[-1] != name:
        raise Http404("image not found")
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    with image.open_file() as fh:
        data = fh.read()
    if not is_clean_original(data):
        # Stored before originals were cleaned on every path, or put in storage behind the CMS's back:
        # never served. ``manage.py clean_stored_images`` cleans it (a new file, hence a new src).
        log.error("refused to serve original image %s (pk %s): it has metadata or is not a clean original",
                  image.file.name, image.pk)
        return HttpResponseGone("this image must be cleaned before it can be served (manage.py clean_stored_images)")
    return FileResponse(io.BytesIO(data), content_type=content_type)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", ContractPagesAPIViewSet)
api_router.register_endpoint("districts", DistrictsAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
