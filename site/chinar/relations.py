"""Resolve references into the lists pages show: a pure function of the catalog.

An artisan appears on its crafts' pages, its district's page, in collections and on campaign pages;
this module computes those lists once per build, keyed by translation key, in a stable order.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .catalog import Catalog, Record
from .languages import DEFAULT_LOCALE


def _default(catalog: Catalog, type_: str, key: str) -> Record | None:
    return catalog.get(type_, key, DEFAULT_LOCALE)


@dataclass
class Relations:
    """Who appears where. Values are lists of translation keys, sorted for deterministic output."""

    artisans_by_craft: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    artisans_by_district: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    products_by_artisan: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    products_by_craft: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    products_by_district: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    crafts_by_district: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    stories_by_artisan: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    stories_by_craft: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    collection_items: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    stories_by_date: list[str] = field(default_factory=list)
    product_district: dict[str, str] = field(default_factory=dict)


def collection_items(catalog: Catalog, collection: Record, rel: Relations) -> list[tuple[str, str]]:
    """The (type, key) items of a collection: hand-picked in order, or every product matching its rule."""
    if "items" in collection:
        return [(item["type"], item["ref"]) for item in collection["items"]]
    rule = collection["rule"]
    out = []
    for key in catalog.keys("product"):
        product = _default(catalog, "product", key)
        price = product.get("price_inr")
        if "craft" in rule and product["craft"] != rule["craft"]:
            continue
        if "district" in rule and rel.product_district.get(key) != rule["district"]:
            continue
        if "price_min" in rule and (price is None or price < rule["price_min"]):
            continue
        if "price_max" in rule and (price is None or price > rule["price_max"]):
            continue
        out.append(("product", key))
    return out


def resolve(catalog: Catalog) -> Relations:
    """Compute every cross-record list the pages need (references already validated)."""
    rel = Relations()
    for key in catalog.keys("artisan"):
        artisan = _default(catalog, "artisan", key)
        for craft in artisan["crafts"]:
            rel.artisans_by_craft[craft].append(key)
        rel.artisans_by_district[artisan["district"]].append(key)
        for craft in artisan["crafts"]:
            if craft not in rel.crafts_by_district[artisan["district"]]:
                rel.crafts_by_district[artisan["district"]].append(craft)
    for key in catalog.keys("craft"):
        for district in _default(catalog, "craft", key)["districts"]:
            if key not in rel.crafts_by_district[district]:
                rel.crafts_by_district[district].append(key)
    for district in rel.crafts_by_district:
        rel.crafts_by_district[district].sort()
    for key in catalog.keys("product"):
        product = _default(catalog, "product", key)
        rel.products_by_artisan[product["artisan"]].append(key)
        rel.products_by_craft[product["craft"]].append(key)
        district = _default(catalog, "artisan", product["artisan"])["district"]
        rel.product_district[key] = district
        rel.products_by_district[district].append(key)
    stories = []
    for key in catalog.keys("story"):
        story = _default(catalog, "story", key)
        stories.append((story["date"], key))
        for artisan in story.get("artisans", []):
            rel.stories_by_artisan[artisan].append(key)
        for craft in story.get("crafts", []):
            rel.stories_by_craft[craft].append(key)
    rel.stories_by_date = [k for _d, k in sorted(stories, key=lambda s: (s[0], s[1]), reverse=True)]
    for key in catalog.keys("collection"):
        rel.collection_items[key] = collection_items(catalog, _default(catalog, "collection", key), rel)
    return rel
