"""Wagtail preview through the static site's own theme, so editors see what buyers will get.

The page (with its unsaved edits) becomes a contract record exactly as the API would export it;
``chinar.render.render_record(record, catalog)`` (the static build's Jinja2 renderer) turns it into
HTML. The catalog holds every published record, so the preview resolves references the same way
the build does. Images are shown through Wagtail renditions of the originals (a preview encodes
no static-site renditions) and theme files are served from ``/preview-static/``. A record that
cannot be exported yet (e.g. required fields missing) is shown as its draft contract record.
"""

from __future__ import annotations

import json
import logging

from django.http import HttpResponse
from django.template.response import TemplateResponse

from chinar.contract import Catalog, direction, record_file

from .contract import ExportContext, exportable_pages

log = logging.getLogger(__name__)


def preview_catalog(ctx: ExportContext, record: dict | None, media_root) -> Catalog:
    """Every exportable record (as the pull writes it); ``record`` replaces its published version."""
    from wagtail.models import Page

    from .exporters import contract_models

    catalog = Catalog(root=media_root)
    objs = []
    for model in contract_models().values():  # pages that may be seen, and the district snippets
        live = issubclass(model, Page)
        objs += list(model.objects.filter(pk__in=exportable_pages().values("pk")) if live else model.objects.all())
    for obj in objs:
        rec = ctx.record(obj)
        if rec is not None:
            rec["_file"] = record_file(rec)
            catalog.add(rec)
    if record is not None:
        catalog.add(record)
    return catalog


def serve_record_preview(page, request) -> HttpResponse:
    from django.conf import settings

    ctx = ExportContext(request, preview=page)
    record = page.to_record(ctx)
    problem = page.consent_problem() if hasattr(page, "consent_problem") else None
    if record is not None:
        from chinar.contract import render_record

        catalog = preview_catalog(ctx, record, settings.MEDIA_ROOT)

        def image(img: dict) -> tuple[str, int, int]:
            rendition = ctx.wagtail_image(img["src"]).get_rendition("max-1200x1200")
            return rendition.url, rendition.width, rendition.height

        html = render_record(record, catalog, image=image, static_url=lambda rel: f"/preview-static/{rel}",
                             base_url=request.build_absolute_uri("/").rstrip("/"))
        return HttpResponse(html)
    return TemplateResponse(
        request,
        "base/preview_record.html",
        {
            "page": page,
            "record": record,
            "record_json": json.dumps(record, ensure_ascii=False, indent=2) if record else "",
            "problem": problem,
            "rtl": direction(page.locale.language_code) == "rtl",
        },
    )
