"""The page list (``chinar.pages``) and what decides it: a record's structure."""

from __future__ import annotations

import copy

from catalogs import ROOT
from chinar.content import load_catalog
from chinar.pages import build_pages, structure
from chinar.record_types import BY_NAME, RECORD_TYPES
from chinar.relations import resolve

DEMO = ROOT / "content"


def test_fields_outside_the_structure_change_no_list_and_no_page() -> None:
    """Change, one at a time, every field of one record of each type that ``structure`` leaves out:
    relations and pages must stay the same. A field a new list is made from must join its type's structure_fields."""
    catalog = load_catalog(DEMO)
    baseline = page_structure(catalog)
    identity = {"type", "translation_key", "locale", "id", "slug", "old_slugs"}
    tried = 0
    for type_ in ("artisan", "product", "collection", "story", "campaign", "page"):
        key = catalog.keys(type_)[0]
        rec = catalog.get(type_, key, "en")
        refs = {ref.pointer.strip("/").split("/")[0] for ref in BY_NAME[type_].references}
        for name in sorted(rec):
            if name.startswith("_") or name in identity | refs | set(BY_NAME[type_].structure_fields):
                continue
            saved = copy.deepcopy(rec[name])
            rec[name] = mutated(rec[name])
            try:
                assert structure(rec) == structure({**rec, name: saved})
                assert page_structure(catalog) == baseline, f"{type_}.{name} changes lists or pages"
            finally:
                rec[name] = saved
            tried += 1
    assert tried >= 25


def test_structure_notices_each_structural_field() -> None:
    catalog = load_catalog(DEMO)
    for rtype in RECORD_TYPES:
        type_, names = rtype.name, rtype.structure_fields
        rec = catalog.get(type_, catalog.keys(type_)[0], "en")
        for name in names:
            assert structure({**rec, name: mutated(rec.get(name))}) != structure(rec), f"{type_}.{name}"
    artisan = catalog.get("artisan", catalog.keys("artisan")[0], "en")
    assert structure({**artisan, "district": "leh"}) != structure(artisan)
    assert structure({**artisan, "slug": "other"}) != structure(artisan)


def mutated(value):
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value * 2 + 1
    if isinstance(value, str):
        return value + " (changed)"
    if isinstance(value, list):
        return list(reversed(value)) + value[:1] if value else ["x"]
    if isinstance(value, dict):
        return {**value, "extra": "changed"}
    return "changed"


def page_structure(catalog) -> list:
    """The relations and every page with its records replaced by their files: what an edit in place keeps."""

    def skeleton(value):
        if isinstance(value, dict):
            if "_hash" in value:
                return ("record", value["_file"])
            return {k: skeleton(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [skeleton(v) for v in value]
        return value

    rel = resolve(catalog)
    return [repr(sorted((k, v) for k, v in vars(rel).items())),
            *[(p.url, p.template, p.locale, sorted(p.alternates.items()), p.kind, skeleton(p.context))
              for p in build_pages(catalog, rel)]]
