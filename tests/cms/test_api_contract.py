"""The API exposes each page type as exactly its contract record, in English, Hindi and Urdu."""

from __future__ import annotations

from pathlib import Path

import pytest

from chinar.record_types import TYPES
from chinar.validate import validate_record

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"

pytestmark = pytest.mark.django_db


def _items(client, record_type):
    path = "/api/v2/districts/" if record_type == "district" else f"/api/v2/pages/?record_type={record_type}&"
    sep = "?" if record_type == "district" else ""
    resp = client.get(f"{path}{sep}fields=_,id,record,media&limit=100")
    assert resp.status_code == 200, resp.content
    return resp.json()["items"]


def test_every_type_exports_valid_records_in_every_locale(client, load_tiny, tiny_catalog):
    load_tiny()
    for type_ in TYPES:
        items = _items(client, type_)
        expected = sum(len(tiny_catalog.versions(type_, k)) for k in tiny_catalog.keys(type_))
        assert len(items) == expected, type_
        for item in items:
            rec = item["record"]
            assert set(item) == {"id", "record", "media"}
            problems = validate_record(dict(rec), type_, f"{rec['translation_key']}.{rec['locale']}.json")
            assert problems == [], problems
    hindi = [i["record"] for i in _items(client, "artisan") if i["record"]["locale"] == "hi"]
    assert hindi[0]["name"] == "शाज़िया अख़्तर"
    urdu = [i["record"] for i in _items(client, "craft") if i["record"]["locale"] == "ur"]
    assert urdu[0]["name"] == "سوزنی کڑھائی"
    assert "سوزنی" in urdu[0]["aliases"]


def test_default_page_listing_shows_no_model_fields(client, load_tiny):
    load_tiny()
    resp = client.get("/api/v2/pages/?type=artisans.ArtisanPage&fields=*")
    assert resp.status_code == 200
    item = resp.json()["items"][0]
    assert set(item) == {"id", "meta", "record", "media"}
    assert set(item["meta"]) <= {"type", "detail_url", "slug", "locale", "first_published_at", "last_published_at"}


def test_unknown_record_type_is_a_clear_error(client):
    resp = client.get("/api/v2/pages/?record_type=artisans")
    assert resp.status_code == 400
    assert "record_type 'artisans'" in resp.json()["message"]


def test_images_endpoint_has_no_titles_and_only_used_images(client, load_tiny):
    from wagtail.images import get_image_model

    load_tiny()
    Image = get_image_model()
    unused = Image.objects.first()
    unused_copy = Image.objects.create(
        title="private: Shazia's home in the village", file=unused.file.name, width=unused.width, height=unused.height
    )
    items = client.get("/api/v2/images/?limit=100").json()["items"]
    ids = {i["id"] for i in items}
    assert unused_copy.pk not in ids
    assert len(ids) == Image.objects.count() - 1
    assert all("title" not in i for i in items)


def test_focal_point_survives_as_the_same_fraction(client, load_tiny):
    load_tiny()
    crafts = [i["record"] for i in _items(client, "craft")]
    assert all(c["hero"]["focal_point"] == {"x": 0.5, "y": 0.4} for c in crafts)
    campaign = _items(client, "campaign")[0]["record"]
    assert "focal_point" not in campaign["hero"]  # the same file, used without a focal point


def test_load_demo_refuses_invalid_content_and_changes_nothing(tmp_path, load_tiny):
    import shutil

    from django.core.management import CommandError, call_command
    from wagtail.models import Page

    shutil.copytree(TINY, tmp_path / "c")
    bad = tmp_path / "c" / "products" / "sozni-stole.en.json"
    bad.write_text(bad.read_text().replace("https://www.flipkart.com", "javascript://x"))
    before = Page.objects.count()
    with pytest.raises(CommandError) as err:
        call_command("load_demo", content=tmp_path / "c", no_users=True)
    assert "products/sozni-stole.en.json#/listings/0/url" in str(err.value)
    assert Page.objects.count() == before


def test_a_districts_map_tile_is_exported_and_the_same_in_every_language(client, load_tiny):
    """The district map's tile (``map``, docs/map.md) goes through the API as the contract has it; saving one
    language version moves every version (the build reads the default language's), and a tile another
    district has, or half a tile, is a form error."""
    from chinar_cms.districts.models import District
    from django.core.exceptions import ValidationError

    load_tiny()
    maps = {(i["record"]["translation_key"], i["record"]["locale"]): i["record"].get("map")
            for i in _items(client, "district")}
    srinagar = District.objects.get(slug="srinagar", locale__language_code="en").translation_key
    kathua = District.objects.get(slug="kathua", locale__language_code="en").translation_key
    assert {loc: maps[(str(srinagar), loc)] for loc in ("en", "hi", "ur")} == {
        loc: {"col": 2, "row": 2} for loc in ("en", "hi", "ur")}
    assert maps[(str(kathua), "en")] == {"col": 3, "row": 6}

    urdu = District.objects.get(translation_key=srinagar, locale__language_code="ur")
    before = District.objects.get(translation_key=srinagar, locale__language_code="en").updated_at
    urdu.map_col, urdu.map_row = 2, 3
    urdu.full_clean()
    urdu.save()
    english = District.objects.get(translation_key=srinagar, locale__language_code="en")
    assert (english.map_col, english.map_row) == (2, 3) and english.updated_at > before  # a pull sees it
    exported = {i["record"]["locale"]: i["record"]["map"] for i in _items(client, "district")
                if i["record"]["translation_key"] == str(srinagar)}
    assert exported == {loc: {"col": 2, "row": 3} for loc in ("en", "hi", "ur")}

    english.map_col, english.map_row = 3, 6  # Kathua's tile
    with pytest.raises(ValidationError) as info:
        english.full_clean()
    assert info.value.message_dict["map_col"] == ["Kathua is already on this tile of the map."]
    english.map_col, english.map_row = 1, None
    with pytest.raises(ValidationError) as info:
        english.full_clean()
    assert info.value.message_dict["map_row"] == ["Give both the column and the row, or neither."]

    english.map_col = english.map_row = None  # not placed yet: no map in the record (drawn below the map)
    english.full_clean()
    english.save()
    assert all("map" not in i["record"] for i in _items(client, "district")
               if i["record"]["translation_key"] == str(srinagar))
