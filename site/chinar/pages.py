"""The list of pages to render: a pure function of the catalog and its relations.

Each ``Page`` names its URL, template, locale, the translations it links to, and a context of plain
records (already in the page's language, falling back to English where a translation is missing, so a
Hindi reader still sees every artisan). Structural pages (home, indexes, search) exist in every
locale; a record's own page exists only in the locales it has been written in.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import urls
from .catalog import Catalog, Record
from .languages import LOCALES
from .marketplaces import registry
from .offers import is_available
from .record_types import BY_NAME, INDEXED, RECORD_TYPES, references
from .relations import Relations, alternatives

PER_PAGE = 24
SHOWN_ON_PAGE = 12  # artisans or products on a craft or district page; the rest are in its sublists
# How many of each kind the home page shows (the rest are a "see all" link away): with the districts'
# names it keeps the home page within about six screens of a 360 px phone.
ON_HOME = {"campaign": 2, "collection": 4, "craft": 6, "artisan": 4, "story": 2}


@dataclass
class Page:
    url: str
    template: str
    locale: str
    context: dict[str, Any]
    alternates: dict[str, str] = field(default_factory=dict)
    kind: str = ""  # page type for tests and JSON-LD: home, craft, craft_index, ...
    record: Record | None = None


class Resolver:
    """Looks up records for one locale with fallback; shared by every page of that locale."""

    def __init__(self, catalog: Catalog, locale: str):
        self.catalog = catalog
        self.locale = locale

    def one(self, type_: str, key: str) -> Record | None:
        return self.catalog.get(type_, key, self.locale)

    def many(self, type_: str, keys: list[str]) -> list[Record]:
        """``one`` for each key, skipping missing ones; inlined, as pages make millions of lookups."""
        records, locale, get = self.catalog.records, self.locale, self.catalog.get
        out = []
        for k in keys:
            versions = records.get((type_, k))
            if versions is not None:
                rec = versions.get(locale)
                out.append(rec if rec is not None else get(type_, k, locale))
        return out

    def items(self, pairs: list[tuple[str, str]]) -> list[Record]:
        return [r for r in (self.one(t, k) for t, k in pairs) if r is not None]


def structure(rec: Record) -> tuple:
    """What of a record decides which pages exist, what each lists and in what order: its identity,
    URL, references and the ``structure_fields`` its type declares (``chinar.record_types``: the fields
    ``relations.resolve`` and ``build_pages`` read besides identity and references). Two versions of a
    record with the same structure differ only in how the record itself is shown, so an edit that keeps
    it can update the record in place on the pages that hold it instead of listing every page again.
    """
    return (rec["type"], rec["translation_key"], rec["locale"], rec["id"], rec["slug"],
            tuple(rec.get("old_slugs", ())), tuple(references(rec)),
            repr([rec.get(name) for name in BY_NAME[rec["type"]].structure_fields]))


def structural_alternates(make_url) -> dict[str, str]:
    return {loc: make_url(loc) for loc in LOCALES}


def record_alternates(catalog: Catalog, rec: Record) -> dict[str, str]:
    return {loc: urls.record(v) for loc, v in sorted(catalog.versions(rec["type"], rec["translation_key"]).items())}


def page_window(n: int, total: int, around: int = 2) -> list[int]:
    """Page numbers a pager links to: first, last and a few around the current one (never all of them:
    a 3,000-page list would otherwise put 3,000 links on each of its 3,000 pages)."""
    return sorted({1, total, *range(max(1, n - around), min(total, n + around) + 1)})


def paginate(items: list, url_for, locale: str, template: str, kind: str, extra: dict,
             locales: tuple[str, ...] = LOCALES) -> Iterator[Page]:
    total = max(1, -(-len(items) // PER_PAGE))
    for n in range(1, total + 1):
        chunk = items[(n - 1) * PER_PAGE:n * PER_PAGE]
        pagination = {
            "number": n, "total": total,
            "previous": url_for(locale, n - 1) if n > 1 else None,
            "next": url_for(locale, n + 1) if n < total else None,
            "pages": [(i, url_for(locale, i)) for i in page_window(n, total)],
        }
        yield Page(url_for(locale, n), template, locale, {**extra, "items": chunk, "pagination": pagination},
                   {loc: url_for(loc, n) for loc in locales}, kind=kind)


def sublists(catalog: Catalog, rel: Relations, rec: Record, res: Resolver) -> Iterator[Page]:
    """Every artisan and product of a craft or district, paginated under its page (its page shows a few)."""
    t, key = rec["type"], rec["translation_key"]
    keys = {"artisan": (rel.artisans_by_craft if t == "craft" else rel.artisans_by_district).get(key, []),
            "product": (rel.products_by_craft if t == "craft" else rel.products_by_district).get(key, [])}
    versions = catalog.versions(t, key)
    for type_ in BY_NAME[t].sublists:
        item_keys = keys[type_]
        if len(item_keys) <= SHOWN_ON_PAGE:
            continue

        def url_for(loc: str, n: int, type_=type_) -> str:
            return urls.sublist(versions.get(loc, rec), type_, n)

        yield from paginate(res.many(type_, item_keys), url_for, rec["locale"], "index.html", f"{type_}_index",
                            {"type": type_, "parent": rec}, tuple(sorted(versions)))


def detail_context(catalog: Catalog, rel: Relations, rec: Record, res: Resolver) -> dict[str, Any]:
    """What a record's own page shows besides the record itself."""
    t, key = rec["type"], rec["translation_key"]
    if t == "district":
        artisans, products = rel.artisans_by_district.get(key, []), rel.products_by_district.get(key, [])
        return {"crafts": res.many("craft", rel.crafts_by_district.get(key, [])),
                "artisans": res.many("artisan", artisans[:SHOWN_ON_PAGE]), "artisan_count": len(artisans),
                "products": res.many("product", products[:SHOWN_ON_PAGE]), "product_count": len(products)}
    if t == "craft":
        artisans, products = rel.artisans_by_craft.get(key, []), rel.products_by_craft.get(key, [])
        return {"districts": res.many("district", rec["districts"]),
                "artisans": res.many("artisan", artisans[:SHOWN_ON_PAGE]), "artisan_count": len(artisans),
                "products": res.many("product", products[:SHOWN_ON_PAGE]), "product_count": len(products),
                "stories": res.many("story", rel.stories_by_craft.get(key, [])[:SHOWN_ON_PAGE])}
    if t == "artisan":
        return {"crafts": res.many("craft", rec["crafts"]), "district": res.one("district", rec["district"]),
                "products": res.many("product", rel.products_by_artisan.get(key, [])),
                "stories": res.many("story", rel.stories_by_artisan.get(key, []))}
    if t == "product":
        artisan = res.one("artisan", rec["artisan"])
        siblings = [k for k in rel.products_by_artisan.get(rec["artisan"], []) if k != key][:4]
        found = {"artisan": artisan, "craft": res.one("craft", rec["craft"]),
                 "district": res.one("district", rel.product_district[key]),
                 "related": res.many("product", siblings),
                 "listings_as_of": rel.listings_as_of, "stale_after_days": registry().stale_after_days}
        if not is_available(rec):  # sold out or dead everywhere: what the buyer can have instead
            alt = alternatives(rel, rec)
            found["alternatives"] = {"artisan": res.many("product", alt["artisan"]),
                                     "craft": res.many("product", alt["craft"])}
            if alt["artisan"]:
                found["related"] = []  # the artisan's products a buyer can buy are in the alternatives
        return found
    if t == "story":
        return {"artisans": res.many("artisan", rec.get("artisans", [])),
                "crafts": res.many("craft", rec.get("crafts", []))}
    if t == "campaign":
        return {"blocks": [campaign_block(block, rel, res) for block in rec["blocks"]]}
    return {}


def record_pages(catalog: Catalog, rel: Relations, rec: Record, res: Resolver) -> Iterator[Page]:
    """A record's pages, in its own language (``res`` resolves the records they show): its own page, then
    the lists it continues on (a collection's further pages, a craft's or district's sublists)."""
    if rec["type"] == "collection":
        yield from collection_pages(catalog, rel, rec, res)
        return
    yield Page(urls.record(rec), BY_NAME[rec["type"]].template, rec["locale"],
               {"rec": rec, **detail_context(catalog, rel, rec, res)}, record_alternates(catalog, rec),
               kind=rec["type"], record=rec)
    if BY_NAME[rec["type"]].sublists:
        yield from sublists(catalog, rel, rec, res)


def detail_page(catalog: Catalog, rel: Relations, rec: Record, res: Resolver) -> Page:
    """A record's own page: the first of ``record_pages`` (the lists after it are not made)."""
    return next(record_pages(catalog, rel, rec, res))


def collection_pages(catalog: Catalog, rel: Relations, rec: Record, res: Resolver) -> Iterator[Page]:
    """A collection's own page, showing its first ``PER_PAGE`` members and a pager when it has more, then
    ``collections/<slug>/page/2/``... for the rest. A rule ("every sozni piece under ₹20,000") can match
    thousands of products: on one page, a collection of 6,500 was 6.4 MB of HTML, more than a phone on a
    slow connection should be sent, and an edit of any member rendered every one of its cards again."""
    key = rec["translation_key"]
    versions = catalog.versions("collection", key)

    def url_for(loc: str, n: int) -> str:
        return urls.paged(urls.record(versions.get(loc, rec)), n)

    items = res.items(rel.collection_items.get(key, []))
    for page in paginate(items, url_for, rec["locale"], "collection.html", "collection", {"rec": rec},
                         tuple(sorted(versions))):
        page.record = rec
        yield page


def map_places(rel: Relations, res: Resolver) -> list[tuple[Record, int, int]]:
    """Every district as the district map draws it in ``res``'s language: (record, col, row), in key order.

    The cells are plain values in the page's context, so a page's fingerprint changes when a district
    moves, even when the page shows another language's version of it.
    """
    return [(rec, *rel.district_cells[rec["translation_key"]])
            for rec in res.many("district", sorted(rel.district_cells))]


def campaign_block(block: Record, rel: Relations, res: Resolver) -> dict[str, Any]:
    """A campaign block with its references resolved; one template per block type renders it."""
    bt = block["type"]
    if bt == "featured_artisans":
        return {**block, "records": res.many("artisan", block["artisans"])}
    if bt == "featured_collection":
        return {**block, "record": res.one("collection", block["collection"]),
                "records": res.items(rel.collection_items.get(block["collection"], []))[:8]}
    if bt == "craft_trail":
        stops = [{**stop, "district_record": res.one("district", stop["district"]),
                  "craft_records": res.many("craft", stop.get("crafts", []))} for stop in block["stops"]]
        return {**block, "stops": stops, "map": map_places(rel, res)}
    return dict(block)


def home_context(catalog: Catalog, rel: Relations, res: Resolver) -> dict[str, Any]:
    """What the home page lists: a few of each kind (``ON_HOME``) and how many there are, so that
    it stays a few phone screens long whatever the catalog's size and links to each full list.

    Only the records shown are in the context, so an edit of another record does not render the home
    page again; the counts are in it, so adding or removing one does.
    """
    keys = {t: catalog.keys(t) for t in ON_HOME}
    featured = {t: [r for r in res.many(t, keys[t]) if r.get("featured")] for t in ("collection", "artisan")}
    return {
        "campaigns": res.many("campaign", keys["campaign"][:ON_HOME["campaign"]]),
        "collections": featured["collection"][:ON_HOME["collection"]],
        "crafts": res.many("craft", keys["craft"][:ON_HOME["craft"]]),
        "artisans": featured["artisan"][:ON_HOME["artisan"]],
        "stories": res.many("story", rel.stories_by_date[:ON_HOME["story"]]),
        "districts": res.many("district", catalog.keys("district")),
        "counts": {t: len(k) for t, k in keys.items()},
    }


def build_pages(catalog: Catalog, rel: Relations) -> list[Page]:
    """Every page of the site, in a stable order."""
    pages: list[Page] = []
    for locale in LOCALES:
        res = Resolver(catalog, locale)
        pages.append(Page(urls.home(locale), "home.html", locale, home_context(catalog, rel, res),
                          structural_alternates(urls.home), kind="home"))
        for type_ in INDEXED:
            keys = rel.stories_by_date if type_ == "story" else catalog.keys(type_)
            items = res.many(type_, keys)
            extra: dict[str, Any] = {"type": type_}
            if type_ == "district":
                extra["by_division"] = [(d, [r for r in items if r["division"] == d]) for d in ("Jammu", "Kashmir")]
                extra["map"] = map_places(rel, res)
                extra["district_crafts"] = {r["translation_key"]: res.many("craft", rel.crafts_by_district.get(
                    r["translation_key"], [])) for r in items}
            pages.extend(paginate(items, lambda loc, n, t=type_: urls.index(t, loc, n), locale,
                                  "index.html", f"{type_}_index", extra))
        pages.append(Page(urls.search(locale), "search.html", locale, {}, structural_alternates(urls.search),
                          kind="search"))
        for rtype in RECORD_TYPES:
            for key in catalog.keys(rtype.name):
                rec = catalog.versions(rtype.name, key).get(locale)
                if rec is None:
                    continue
                pages.extend(record_pages(catalog, rel, rec, res))
    return pages
