"""Resolve references into the lists pages show: a pure function of the catalog.

An artisan appears on its crafts' pages, its district's page, in collections and on campaign pages;
this module computes those lists once per build, keyed by translation key, in a stable order.
"""

from __future__ import annotations

from bisect import bisect_left
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
    # The products a buyer can buy, by craft and district, in price order (``alternatives``; made on first use).
    _on_sale: dict[str, dict[str, OnSale]] | None = field(default=None, repr=False, compare=False)

    def on_sale(self, craft: str) -> dict[str, OnSale]:
        """District -> the craft's products on sale there (``OnSale``)."""
        if self._on_sale is None:
            groups: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
            for craft_key, keys in self.products_by_craft.items():
                for k in keys:
                    if k in self.products_available:
                        groups[craft_key][self.product_district.get(k, "")].append(k)
            self._on_sale = {c: {d: OnSale.of(keys, self.product_price) for d, keys in by_district.items()}
                             for c, by_district in groups.items()}
        return self._on_sale.get(craft, {})


@dataclass(frozen=True)
class OnSale:
    """Products in price order (``priced``: (price, key) sorted, ``prices`` the same prices), the ones with
    no price (``unpriced``), and every key (``keys``), each sorted by key."""

    priced: list[tuple[int, str]]
    prices: list[int]
    unpriced: list[str]
    keys: list[str]

    @classmethod
    def of(cls, keys: list[str], prices: dict[str, int | None]) -> OnSale:
        priced = sorted((prices[k], k) for k in keys if prices.get(k) is not None)
        return cls(priced, [p for p, _k in priced], sorted(k for k in keys if prices.get(k) is None), sorted(keys))

    def nearest(self, price: int | None, need: int, skip: set[str]) -> list[tuple[float, str]]:
        """The ``need`` products closest in price to ``price`` (none but ``skip``), as (gap, key), by gap and then
        key; a product with no price, or any product when ``price`` is None, is at an infinite gap. Walks
        outwards from ``price``: a few steps, not the whole group."""
        out: list[tuple[float, str]] = []
        if price is None:
            for k in self.keys:
                if len(out) >= need:
                    break
                if k not in skip:
                    out.append((INF, k))
            return out
        priced = self.priced
        hi = bisect_left(self.prices, price)
        lo = hi - 1
        while len(out) < need and (lo >= 0 or hi < len(priced)):
            gap = min(price - priced[lo][0] if lo >= 0 else INF, priced[hi][0] - price if hi < len(priced) else INF)
            level = []  # every product at this gap, on either side: ordered by key among themselves
            while lo >= 0 and price - priced[lo][0] == gap:
                level.append(priced[lo][1])
                lo -= 1
            while hi < len(priced) and priced[hi][0] - price == gap:
                level.append(priced[hi][1])
                hi += 1
            out += [(gap, k) for k in sorted(level) if k not in skip]
        for k in self.unpriced:
            if len(out) >= need:
                break
            if k not in skip:
                out.append((INF, k))
        return out[:need]


INF = float("inf")


def collection_items(collection: Record, products: list[tuple[str, str, str, int | None]]) -> list[tuple[str, str]]:
    """The (type, key) items of a collection: hand-picked in order, or every product matching its rule.

    ``products``: (key, craft, district, price) of every product, in catalog order (made once by ``resolve``
    for every collection: looking each product up again per collection was 0.8 s at 100,000 pages)."""
    if "items" in collection:
        return [(item["type"], item["ref"]) for item in collection["items"]]
    rule = collection["rule"]
    craft, district = rule.get("craft"), rule.get("district")
    low, high = rule.get("price_min"), rule.get("price_max")
    out = []
    for key, p_craft, p_district, price in products:
        if craft is not None and p_craft != craft:
            continue
        if district is not None and p_district != district:
            continue
        if low is not None and (price is None or price < low):
            continue
        if high is not None and (price is None or price > high):
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
    products = []  # (key, craft, district, price): what collection rules select by
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
        products.append((key, product["craft"], district, rel.product_price[key]))
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
        rel.collection_items[key] = collection_items(_default(catalog, "collection", key), products)
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
    mine = set(rel.products_by_artisan.get(artisan, []))
    # The nearest few of the craft's products (tens of thousands in a registry-sized catalog): from the
    # groups on sale kept in price order (``Relations.on_sale``), not by measuring every one of them against
    # every sold-out product. The same district first; then the nearest of every other district's nearest.
    groups = rel.on_sale(product["craft"])
    here = groups.get(district)
    found = here.nearest(price, limit, mine) if here is not None else []
    if len(found) < limit:
        others = sorted(near for d, group in groups.items() if d != district
                        for near in group.nearest(price, limit - len(found), mine))
        found += others[:limit - len(found)]
    return {"artisan": own[:limit], "craft": [k for _gap, k in found]}
