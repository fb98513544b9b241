"""The record types of the content contract, declared once.

Every module that treats types differently reads this table: reading and validation (folder, schema,
references), the page list (template, index, sublists, what decides structure), rendering (section
titles, navigation, JSON-LD), search (weight) and the CMS (the model that exports the type). A leaf
module: the CMS imports it through ``chinar.contract``.

Adding a record type: docs/architecture.md, "Adding a record type" — a checklist that
``tests/test_registries.py`` enforces (schema, template, JSON-LD builder, CMS model and exporter,
search entry).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .languages import N_

#: The version of the contract a snapshot declares in its ``manifest.json``; a build reads only this one.
SCHEMA_VERSION = 2


@cache
def schema_dir() -> Path:
    """The contract's JSON Schemas kept in the repository (``content/schemas``), whatever content directory
    is built: a snapshot is checked against this code's contract, not against schemas it brings along."""
    return Path(__file__).resolve().parents[2] / "content" / "schemas"


@dataclass(frozen=True)
class Reference:
    """A field that refers to other records by translation key.

    ``pointer`` is a JSON pointer in which ``*`` stands for every item of a list; the value it reaches
    is one key or a list of keys. ``target`` is the referenced type, or ``None`` when the type is named
    by the sibling field ``target_field`` (a collection's hand-picked items), one of ``choices``.
    """

    pointer: str
    target: str | None
    target_field: str = ""
    choices: tuple[str, ...] = ()

    @property
    def targets(self) -> tuple[str, ...]:
        return (self.target,) if self.target is not None else self.choices


@dataclass(frozen=True)
class RecordType:
    """One record type: ``content/<folder>/<key>.<locale>.json``, checked by
    ``content/schemas/<name>.schema.json``, shown by ``themes/chinar/templates/<template>``."""

    name: str
    folder: str
    label: str  # one record of the type, an interface string: "Craft"
    title_field: str  # the field a record is named by: "name" or "title"
    section: str | None  # its index's title (an interface string); None: no index of its own
    in_nav: bool  # the index is in the main navigation
    references: tuple[Reference, ...] = ()
    # Fields besides identity and references that lists and the page list are made from (see
    # ``pages.structure``): a change to any other field only changes how the record itself looks.
    structure_fields: tuple[str, ...] = ()
    sublists: tuple[str, ...] = ()  # types listed in full on paginated lists under its page
    lists_cards: bool = False  # its page shows lists of other records' cards
    search_boost: float | None = None  # None: not in search
    alias_source: bool = False  # its names are search alias phrases of every document
    jsonld: str | None = None  # builder in ``chinar.jsonld.BUILDERS``
    cms_model: str = ""  # "<app_label>.<Model>" whose ``to_record`` exports the type

    @property
    def template(self) -> str:
        return f"{self.name}.html"

    @property
    def schema(self) -> str:
        return f"{self.name}.schema.json"


RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType("craft", "crafts", N_("Craft"), "name", N_("Crafts"), True,
               references=(Reference("/districts", "district"),),
               sublists=("artisan", "product"), lists_cards=True, search_boost=1.6, alias_source=True,
               cms_model="crafts.CraftPage"),
    RecordType("district", "districts", N_("District"), "name", N_("Districts"), True,
               # ``map``: its tile on the district map (``districtmap``), drawn on the index and campaign pages.
               structure_fields=("division", "map"), sublists=("artisan", "product"), lists_cards=True,
               search_boost=1.5, alias_source=True, cms_model="districts.District"),
    RecordType("artisan", "artisans", N_("Artisan"), "name", N_("Artisans"), True,
               references=(Reference("/crafts", "craft"), Reference("/district", "district")),
               structure_fields=("featured",), search_boost=1.3, jsonld="person", cms_model="artisans.ArtisanPage"),
    RecordType("product", "products", N_("Product"), "title", N_("Products"), True,
               references=(Reference("/artisan", "artisan"), Reference("/craft", "craft")),
               # A product's listings make its price (``offers.product_price``: rule collections,
               # alternatives), its availability (who is offered as an alternative) and the catalog's
               # newest check (stale listings).
               structure_fields=("listings",), search_boost=1.0, jsonld="product",
               cms_model="products.ProductPage"),
    RecordType("collection", "collections", N_("Collection"), "title", N_("Collections"), True,
               references=(Reference("/items/*/ref", None, "type", ("artisan", "product")),
                           Reference("/rule/craft", "craft"), Reference("/rule/district", "district")),
               structure_fields=("featured", "rule", "items"), lists_cards=True, search_boost=1.1,
               jsonld="collection_page", cms_model="curation.CollectionPage"),
    RecordType("story", "stories", N_("Story"), "title", N_("Stories"), True,
               references=(Reference("/artisans", "artisan"), Reference("/crafts", "craft")),
               structure_fields=("date",), search_boost=0.9, jsonld="article", cms_model="stories.StoryPage"),
    RecordType("campaign", "campaigns", N_("Campaign"), "title", N_("Campaigns"), False,
               references=(Reference("/blocks/*/artisans", "artisan"), Reference("/blocks/*/collection", "collection"),
                           Reference("/blocks/*/stops/*/district", "district"),
                           Reference("/blocks/*/stops/*/crafts", "craft")),
               structure_fields=("blocks",), lists_cards=True, search_boost=0.9, jsonld="event",
               cms_model="campaigns.CampaignPage"),
    RecordType("page", "pages", N_("Page"), "title", None, False, cms_model="pages.StandardPage"),
)

BY_NAME: dict[str, RecordType] = {t.name: t for t in RECORD_TYPES}
BY_FOLDER: dict[str, RecordType] = {t.folder: t for t in RECORD_TYPES}
TYPES: tuple[str, ...] = tuple(t.name for t in RECORD_TYPES)
TYPE_DIRS: dict[str, str] = {t.name: t.folder for t in RECORD_TYPES}
INDEXED: tuple[str, ...] = tuple(t.name for t in RECORD_TYPES if t.section)
SEARCH_TYPES: tuple[str, ...] = tuple(t.name for t in RECORD_TYPES if t.search_boost is not None)
SECTION_TITLES: dict[str, str] = {t.name: t.section for t in RECORD_TYPES if t.section}
NAV: tuple[str, ...] = tuple(t.name for t in RECORD_TYPES if t.in_nav)


def load_order() -> tuple[str, ...]:
    """Every type after the types it refers to (registry order otherwise): the order in which records
    can be created one by one, each finding what it refers to (the CMS's demo loader)."""
    done: list[str] = []
    todo = list(TYPES)
    while todo:
        ready = next(t for t in todo
                     if all(target in done or target == t for ref in BY_NAME[t].references for target in ref.targets))
        done.append(ready)
        todo.remove(ready)
    return tuple(done)


def _walk(value: Any, parts: list[str], pointer: str) -> Iterator[tuple[str, Any, Any]]:
    """(pointer, value, parent object) for each place ``parts`` reaches in ``value``."""
    if not parts:
        return
    head, rest = parts[0], parts[1:]
    if head == "*":
        if isinstance(value, list):
            for i, item in enumerate(value):
                yield from _walk(item, rest, f"{pointer}/{i}")
        return
    if not isinstance(value, dict) or head not in value:
        return
    if not rest:
        yield f"{pointer}/{head}", value[head], value
    else:
        yield from _walk(value[head], rest, f"{pointer}/{head}")


_COMPILED: dict[str, list[tuple[list[str], Reference]]] = {
    t.name: [(ref.pointer.strip("/").split("/"), ref) for ref in t.references] for t in RECORD_TYPES}


def references(record: dict) -> list[tuple[str, str, str]]:
    """Every (pointer, target type, target key) a record refers to, in the order its type declares them."""
    out: list[tuple[str, str, str]] = []
    for parts, ref in _COMPILED.get(record["type"], ()):
        for pointer, value, parent in _walk(record, parts, ""):
            target = ref.target if ref.target is not None else parent.get(ref.target_field)
            if isinstance(value, list):
                out.extend((f"{pointer}/{i}", target, key) for i, key in enumerate(value))
            elif value is not None:
                out.append((pointer, target, value))
    return out
