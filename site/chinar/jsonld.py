"""schema.org JSON-LD for each page type: pure functions of a page's records.

Person for artisans (address region = district, country IN, nothing finer), Product with Offers
pointing at marketplace listings, CollectionPage with an ItemList, Article for stories, Event for
campaigns, and a BreadcrumbList on every page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson

from . import urls
from .catalog import Record
from .links import outbound_url
from .richtext import plain_text

AVAILABILITY = {"in_stock": "https://schema.org/InStock", "out_of_stock": "https://schema.org/OutOfStock",
                "preorder": "https://schema.org/PreOrder", "discontinued": "https://schema.org/Discontinued"}

Abs = Callable[[str], str]  # relative URL -> absolute URL


def breadcrumbs(trail: list[tuple[str, str]], absolute: Abs) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": i, "name": name, "item": absolute(url)}
        for i, (name, url) in enumerate(trail, start=1)]}


@dataclass(frozen=True)
class Subject:
    """What a builder describes: the page's record (None on an index), its context (the records it
    shows, its title), its absolute URL, its link-preview image URL, and how to make URLs absolute."""

    rec: Record | None
    ctx: dict
    url: str
    image: str | None
    absolute: Abs


def person(s: Subject) -> dict[str, Any]:
    rec, ctx, url, image = s.rec, s.ctx, s.url, s.image
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Person", "name": rec["name"], "url": url,
        "description": plain_text(rec["bio"])[:300],
        "jobTitle": ", ".join(c["name"] for c in ctx.get("crafts", [])),
        "knowsAbout": [c["name"] for c in ctx.get("crafts", [])],
        "homeLocation": {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressRegion": (ctx.get("district") or {}).get("name", ""),
            "addressCountry": "IN"}},
    }
    if rec.get("cooperative"):
        data["memberOf"] = {"@type": "Organization", "name": rec["cooperative"]}
    if image:
        data["image"] = image
    return data


def product(s: Subject) -> dict[str, Any]:
    rec, ctx, url = s.rec, s.ctx, s.url
    artisan = ctx.get("artisan") or {}
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Product", "name": rec["title"], "url": url,
        "image": [s.image] if s.image else [], "countryOfOrigin": {"@type": "Country", "name": "IN"},
        "category": (ctx.get("craft") or {}).get("name", ""),
        "manufacturer": {"@type": "Person", "name": artisan.get("name", "")},
        "offers": [{
            "@type": "Offer", "url": outbound_url(lst["url"]), "price": str(lst["price_inr"]), "priceCurrency": "INR",
            "availability": AVAILABILITY[lst["availability"]],
            "seller": {"@type": "Organization", "name": lst["seller"]},
        } for lst in rec["listings"]],
    }
    if rec.get("description"):
        data["description"] = plain_text(rec["description"])[:500]
    if rec.get("materials"):
        data["material"] = ", ".join(rec["materials"])
    if rec.get("gi_label_code"):
        data["additionalProperty"] = [
            {"@type": "PropertyValue", "name": "GI label code", "value": rec["gi_label_code"]}]
    return data


def collection_page(s: Subject) -> dict[str, Any]:
    """A collection's page, or any index: an ItemList of the records it shows."""
    name, url = s.ctx["title"], s.url
    item_urls = [s.absolute(urls.record(r)) for r in s.ctx.get("items", [])]
    return {"@context": "https://schema.org", "@type": "CollectionPage", "name": name, "url": url,
            "mainEntity": {"@type": "ItemList", "numberOfItems": len(item_urls), "itemListElement": [
                {"@type": "ListItem", "position": i, "url": u} for i, u in enumerate(item_urls, start=1)]}}


def article(s: Subject) -> dict[str, Any]:
    rec, ctx, url, image = s.rec, s.ctx, s.url, s.image
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Article", "headline": rec["title"], "url": url,
        "datePublished": rec["date"], "dateModified": rec.get("updated", rec["date"]),
        "author": {"@type": "Organization" if not rec.get("author") else "Person",
                   "name": rec.get("author") or "Chinar"},
        "description": rec["summary"], "inLanguage": rec["locale"],
        "about": [{"@type": "Person", "name": a["name"]} for a in ctx.get("artisans", [])],
    }
    if image:
        data["image"] = image
    return data


def event(s: Subject) -> dict[str, Any]:
    rec, url, image = s.rec, s.url, s.image
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": "Event", "name": rec["title"], "url": url,
        "description": rec["summary"], "startDate": rec["starts"], "endDate": rec["ends"],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {"@type": "Place", "name": rec.get("location") or "Jammu & Kashmir",
                     "address": {"@type": "PostalAddress", "addressRegion": rec.get("location") or "Jammu & Kashmir",
                                 "addressCountry": "IN"}},
    }
    if rec.get("organizer"):
        data["organizer"] = {"@type": "Organization", "name": rec["organizer"]}
    if image:
        data["image"] = image
    return data


# The builders a record type names (``RecordType.jsonld``); every page also gets ``breadcrumbs``.
BUILDERS: dict[str, Callable[[Subject], dict[str, Any]]] = {
    "person": person, "product": product, "collection_page": collection_page, "article": article, "event": event}


def dumps(data: dict | list) -> str:
    """JSON for a <script type="application/ld+json"> block: '<' escaped so content cannot close the tag.

    Keys sorted, no spaces, text as UTF-8 rather than escapes: what ``json.dumps(data,
    ensure_ascii=False, sort_keys=True, separators=(",", ":"))`` writes, made by orjson (every page
    has two or three of these blocks).
    """
    text = orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
