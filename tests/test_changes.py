"""Which changes a build kept in memory can take in place (``chinar.changes``): the rule that lets one
artisan's edit render only the pages holding it, and everything it must refuse."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from sites import edit_json

from chinar.changes import Changes, in_place_edits
from chinar.content import load_catalog
from chinar.errors import ContentError

ARTISAN = "artisans/shazia-akhter.en.json"


@pytest.fixture
def loaded(tiny_content: Path):
    records: dict = {}
    catalog = load_catalog(tiny_content, record_cache=records)
    return tiny_content, catalog, records


def edits(loaded, *paths: str):
    content, catalog, records = loaded
    return in_place_edits(Changes.of([content / p for p in paths]), content, catalog, records)


def test_a_text_edit_is_in_place_with_the_record_as_read_now(loaded) -> None:
    content, catalog, _ = loaded
    edit_json(content / ARTISAN, lambda d: d.update(name="शाज़िया अख़्तर भट"))
    found = edits(loaded, ARTISAN)
    assert list(found) == [ARTISAN]
    assert found[ARTISAN][1]["name"] == "शाज़िया अख़्तर भट"
    assert catalog.get("artisan", "shazia-akhter", "en")["name"] == "Shazia Akhter"  # nothing applied yet


def test_a_touched_file_keeps_its_record(loaded) -> None:
    content, catalog, records = loaded
    os.utime(content / ARTISAN, ns=(1, 1))
    found = edits(loaded, ARTISAN)
    assert found[ARTISAN][1] is records[ARTISAN][1]
    assert edits(loaded) == {}  # nothing changed: nothing to do


@pytest.mark.parametrize("name,change,path", [
    ("an image", lambda c: (c / "media/artisans/shazia.jpg").write_bytes(b"x"),
     "media/artisans/shazia.jpg"),
    ("a craft (its name is a search alias)", lambda c: edit_json(c / "crafts/sozni.en.json",
                                                                 lambda d: d.update(summary="New.")),
     "crafts/sozni.en.json"),
    ("a moved artisan", lambda c: edit_json(c / ARTISAN, lambda d: d.update(district="kathua")), ARTISAN),
    ("a new slug", lambda c: edit_json(c / ARTISAN, lambda d: d.update(slug="shazia")), ARTISAN),
    ("a deleted record", lambda c: (c / "stories/a-needle-and-a-winter.en.json").unlink(),
     "stories/a-needle-and-a-winter.en.json"),
    ("a new record", lambda c: (c / "pages/new.en.json").write_text(json.dumps(
        {**json.loads((c / "pages/about.en.json").read_text()), "id": "page-new-en", "slug": "new",
         "translation_key": "new"})), "pages/new.en.json"),
    ("a story's date (stories are listed by date)", lambda c: edit_json(
        c / "stories/a-needle-and-a-winter.en.json", lambda d: d.update(date="2020-01-01")),
     "stories/a-needle-and-a-winter.en.json"),
])
def test_changes_that_need_the_pages_listed_again(loaded, name: str, change, path: str) -> None:
    change(loaded[0])
    assert edits(loaded, path) is None, name


def test_unknown_changes_are_never_in_place(loaded) -> None:
    content, catalog, records = loaded
    assert in_place_edits(Changes.of(None), content, catalog, records) is None


def test_a_temporary_file_beside_the_records_is_ignored(loaded) -> None:
    content = loaded[0]
    (content / "artisans/.shazia-akhter.en.json.swp").write_text("{")
    assert edits(loaded, "artisans/.shazia-akhter.en.json.swp") == {}


def test_bad_content_is_reported_by_file_and_field_before_anything_changes(loaded) -> None:
    content, catalog, _ = loaded
    (content / ARTISAN).write_text("{ not json")
    with pytest.raises(ContentError) as info:
        edits(loaded, ARTISAN)
    assert info.value.problems[0].file == ARTISAN and "malformed JSON" in info.value.problems[0].message
    edit_json(content / "products/sozni-stole.en.json",
              lambda d: d["images"][0].update(src="products/missing.jpg"))
    with pytest.raises(ContentError) as info:
        edits(loaded, "products/sozni-stole.en.json")
    assert [(p.file, p.pointer) for p in info.value.problems] == [("products/sozni-stole.en.json", "/images/0/src")]
    assert catalog.get("product", "sozni-stole", "en")["images"][0]["src"] != "products/missing.jpg"
