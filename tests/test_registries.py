"""The record-type and language registries: everything a type or a language needs exists and agrees.

This is the checklist of docs/architecture.md ("Adding a record type", "Adding a language"), enforced.
The CMS half (a model that exports each type, the admin's languages) is in tests/cms/test_registries_cms.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from chinar import jsonld
from chinar.languages import BY_CODE, DEFAULT_LOCALE, LANGUAGES, LOCALES, RTL_LOCALES
from chinar.record_types import (
    BY_NAME,
    RECORD_TYPES,
    SEARCH_TYPES,
    TYPES,
    load_order,
    references,
    schema_dir,
)
from chinar.render import default_theme_dir
from chinar.search.scoring import TYPE_BOOST

REPO = Path(__file__).resolve().parents[1]
THEME = default_theme_dir()


def schema(type_: str) -> dict:
    return json.loads((schema_dir() / f"{type_}.schema.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("rtype", RECORD_TYPES, ids=lambda t: t.name)
def test_every_record_type_has_a_schema_a_template_and_a_json_ld_builder(rtype) -> None:
    found = schema(rtype.name)
    assert found["properties"]["type"] == {"const": rtype.name}
    assert (THEME / "templates" / rtype.template).is_file(), f"theme has no {rtype.template}"
    assert rtype.jsonld is None or rtype.jsonld in jsonld.BUILDERS
    assert rtype.title_field in found["required"]
    assert (REPO / "content" / rtype.folder).is_dir(), f"the demo catalog has no {rtype.folder}/"


@pytest.mark.parametrize("rtype", RECORD_TYPES, ids=lambda t: t.name)
def test_declared_fields_exist_in_the_schema(rtype) -> None:
    """Structure fields and reference pointers name fields the schema has; references point at types."""
    found = schema(rtype.name)
    properties = found["properties"]
    for name in rtype.structure_fields:
        assert name in properties, f"{rtype.name}.{name} is not in its schema"
    for ref in rtype.references:
        assert ref.pointer.strip("/").split("/")[0] in properties, ref
        assert ref.targets and set(ref.targets) <= set(TYPES), ref
    for ref in (r for r in rtype.references if r.target is None):  # a type named by a sibling field
        assert tuple(_enums(found, ref.target_field)) == ref.choices, ref


def _enums(node, name: str) -> list:
    """The ``enum`` of every property called ``name`` anywhere in a schema."""
    found = []
    if isinstance(node, dict):
        prop = node.get("properties", {}).get(name)
        if isinstance(prop, dict) and "enum" in prop:
            found.extend(prop["enum"])
        for value in node.values():
            found.extend(_enums(value, name))
    elif isinstance(node, list):
        for value in node:
            found.extend(_enums(value, name))
    return found


def test_search_types_are_those_with_a_weight() -> None:
    assert set(SEARCH_TYPES) == {t.name for t in RECORD_TYPES if t.search_boost is not None}
    assert TYPE_BOOST == {t.name: t.search_boost for t in RECORD_TYPES if t.search_boost is not None}
    assert "page" not in SEARCH_TYPES  # generic pages (about, GI verification) are not search answers


def test_references_are_read_as_declared(tiny_catalog) -> None:
    """Every reference of every tiny record resolves to a record of one of the declared target types."""
    found = 0
    for rec in tiny_catalog.iter_records():
        declared = {target for ref in BY_NAME[rec["type"]].references for target in ref.targets}
        for pointer, target, key in references(rec):
            assert target in declared and tiny_catalog.versions(target, key), (rec["_file"], pointer)
            found += 1
    assert found >= 10
    campaign = tiny_catalog.get("campaign", "winter-craft-trail", "en")
    kinds = {target for _pointer, target, _key in references(campaign)}
    assert {"district", "craft"} <= kinds


def test_load_order_puts_every_type_after_what_it_refers_to() -> None:
    order = load_order()
    assert sorted(order) == sorted(TYPES)
    for rtype in RECORD_TYPES:
        for ref in rtype.references:
            for target in ref.targets:
                assert target == rtype.name or order.index(target) < order.index(rtype.name), (rtype.name, target)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang.code)
def test_every_language_has_its_catalogs_and_formats(lang) -> None:
    from babel import Locale

    assert lang.direction in ("ltr", "rtl")
    assert (lang.direction == "rtl") == (lang.code in RTL_LOCALES)
    Locale.parse(lang.cldr)  # Babel knows the formatting locale
    if lang.code != DEFAULT_LOCALE:
        po = THEME / "translations" / lang.code / "LC_MESSAGES" / "messages.po"
        assert po.is_file(), f"no interface strings for {lang.code}"
        text = po.read_text(encoding="utf-8")
        assert re.search(rf'^"Language: {lang.code}\\n"', text, re.M), po
    assert LOCALES[0] == DEFAULT_LOCALE and BY_CODE[lang.code] is lang


def test_every_language_is_built_with_its_direction(tiny_site: Path) -> None:
    """The site applies each language's direction and name (the tiny catalog is in every language)."""
    for lang in LANGUAGES:
        prefix = "" if lang.code == DEFAULT_LOCALE else f"{lang.code}/"
        html = (tiny_site / prefix / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang.code}" dir="{lang.direction}">' in html
        assert f'content="{lang.cldr}"' in html  # og:locale
        assert lang.site_name in html
        for other in LANGUAGES:  # the switcher names every language in its own script
            assert other.name in html
