"""Resolve references into the lists pages show: a pure function of the catalog.

An artisan appears on its crafts' pages, its district's page, in collections and on campaign pages;
this module computes those lists once per build, keyed by translation key, in a stable order.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field

from .catalog import Catalog, Record
from .districtmap import Cell, place
from .languages import DEFAULT_LOCALE
from .offers import is_available, newest_check, price_amount


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
    # Each product's price (``offers.price_amount``: from its listings) and whether a buyer can buy it now.
    product_price: dict[str, int | None] = field(default_factory=dict)
    products_available: set[str] = field(default_factory=set)
    # The newest listing check in the catalog: what a listing's age is measured against (``offers.is_stale``).
    listings_as_of: str = ""
    # Each district's cell on the district map (``districtmap.place``: from its default-language version).
    district_cells: dict[str, Cell] = field(default_factory=dict)


def collection_items(catalog: Catalog, collection: Record, rel: Relations) -> list[tuple[str, str]]:
    """The (type, key) items of a collection: hand-picked in order, or every product matching its rule."""
    if "items" in collection:
        return [(item["type"], item["ref"]) for item in collection["items"]]
    rule = collection["rule"]
    out = []
    for key in catalog.keys("product"):
        product = _default(catalog, "product", key)
        price = rel.product_price[key]
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
    rel.district_cells = place(_default(catalog, "district", key) for key in catalog.keys("district"))
    for key in catalog.keys("product"):
        product = _default(catalog, "product", key)
        rel.products_by_artisan[product["artisan"]].append(key)
        rel.products_by_craft[product["craft"]].append(key)
        district = _default(catalog, "artisan", product["artisan"])["district"]
        rel.product_district[key] = district
        rel.products_by_district[district].append(key)
        rel.product_price[key] = price_amount(product)
        if is_available(product):
            rel.products_available.add(key)
        rel.listings_as_of = max(rel.listings_as_of, newest_check(product))
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


def alternatives(rel: Relations, product: Record, limit: int = 4) -> dict[str, list[str]]:
    """What a product page offers when the product cannot be bought (every listing sold out or dead):
    the artisan's other products a buyer can buy, and products of the same craft by other artisans,
    nearest first (same district, then closest in price), each list at most ``limit`` keys.

    A pure function of the relations, so the one implementation serves every product page; the
    product's own availability decides whether the page shows it (``pages.detail_context``).
    """
    key, artisan = product["translation_key"], product["artisan"]
    own = [k for k in rel.products_by_artisan.get(artisan, []) if k != key and k in rel.products_available]
    district, price = rel.product_district.get(key), rel.product_price.get(key)

    def distance(k: str) -> tuple:
        other = rel.product_price.get(k)
        gap = abs(other - price) if price is not None and other is not None else float("inf")
        return (rel.product_district.get(k) != district, gap, k)

    mine = set(rel.products_by_artisan.get(artisan, []))
    # the nearest few of the craft's products (thousands in a large catalog), without sorting them all
    craft = heapq.nsmallest(limit, (k for k in rel.products_by_craft.get(product["craft"], [])
                                    if k not in mine and k in rel.products_available), key=distance)
    return {"artisan": own[:limit], "craft": craft}
