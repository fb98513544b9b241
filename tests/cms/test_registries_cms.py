"""The CMS half of the registries' checklist (see tests/test_registries.py): each record type has a model
that exports it, and each language is a content language with its direction applied in the editor and
the preview."""

from __future__ import annotations

import pytest
from django.conf import settings

from chinar.languages import LANGUAGES, RTL_LOCALES
from chinar.record_types import RECORD_TYPES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rtype", RECORD_TYPES, ids=lambda t: t.name)
def test_every_record_type_has_a_model_that_exports_it(rtype, load_tiny, tiny_catalog) -> None:
    from chinar_cms.base.contract import ExportContext, exportable_pages
    from chinar_cms.base.exporters import contract_models

    load_tiny()
    model = contract_models()[rtype.name]
    assert getattr(model, "contract_type", rtype.name) == rtype.name
    objects = model.objects.all()
    if hasattr(model, "live"):
        objects = objects.filter(pk__in=exportable_pages().values("pk"))
    ctx = ExportContext()
    records = [r for r in (ctx.record(obj) for obj in objects) if r is not None]
    assert {(r["translation_key"], r["locale"]) for r in records}, f"no {rtype.name} exported"
    assert all(r["type"] == rtype.name for r in records)
    expected = sum(len(tiny_catalog.versions(rtype.name, k)) for k in tiny_catalog.keys(rtype.name))
    assert len(records) == expected


def test_every_language_is_a_content_language_with_its_direction_in_the_editor() -> None:
    from chinar_cms.base.wagtail_hooks import editor_direction_js, rtl_content_locales

    assert [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES] == [lang.code for lang in LANGUAGES]
    assert [code for code, _name in settings.LANGUAGES] == [lang.code for lang in LANGUAGES]
    assert set(rtl_content_locales()) == set(RTL_LOCALES)
    assert f'data-rtl-locales="{" ".join(sorted(RTL_LOCALES))}"' in str(editor_direction_js())


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_the_preview_shows_each_language_in_its_direction(lang, load_tiny, rf) -> None:
    """The preview of a craft in each language is the site's page, in the language's direction."""
    from chinar_cms.base.contract import demo_key
    from wagtail.models import Page

    load_tiny()
    page = Page.objects.get(translation_key=demo_key("craft", "sozni"), locale__language_code=lang.code).specific
    html = page.serve_preview(rf.get("/admin/preview/"), "").content.decode()
    assert f'<html lang="{lang.code}" dir="{lang.direction}">' in html
    assert lang.site_name in html
