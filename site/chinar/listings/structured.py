"""What a marketplace's product page states about the product: schema.org Product/Offer data.

Read with real HTML parsers, not regular expressions: JSON-LD blocks are found with selectolax (the
Lexbor HTML5 parser: 3 ms for a 300 KB marketplace page, against 12 ms for lxml plus extruct's tree
walk, which made the parse the bottleneck of a 10,000-listing check) and decoded as extruct decodes
them; only a page without a JSON-LD product is parsed again by extruct for microdata.

Each stated value is checked on its own: a page may give a good price
and an availability that is not a schema.org value, and then only the price is used. Whatever is
refused is said in ``notes`` (they reach the editors' report); nothing unreadable becomes a price.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from .prices import PriceError, parse_price_inr

log = logging.getLogger(__name__)

# schema.org ItemAvailability -> the contract's availability. A page written for search engines uses
# the full URL (http or https); the bare name is accepted too, as Google's documentation allows.
AVAILABILITY = {
    "InStock": "in_stock", "LimitedAvailability": "in_stock", "OnlineOnly": "in_stock",
    "OutOfStock": "out_of_stock", "SoldOut": "out_of_stock", "InStoreOnly": "out_of_stock",
    "Reserved": "out_of_stock",
    "PreOrder": "preorder", "PreSale": "preorder", "BackOrder": "preorder", "MadeToOrder": "preorder",
    "Discontinued": "discontinued",
}
_SCHEMA_HOSTS = ("schema.org", "www.schema.org")


@dataclass
class StatedOffer:
    """The product facts a page states, each None when absent or refused (``notes`` says which)."""

    found: bool = False  # a schema.org Product (or Offer) was on the page
    price_inr: int | None = None
    price_text: str = ""  # the price as the page wrote it, for the history
    currency: str = ""
    availability: str | None = None
    price_valid_until: str | None = None
    notes: list[str] = field(default_factory=list)


def availability_of(value: Any) -> str | None:
    """The contract's availability for a schema.org ItemAvailability value, None if it is not one."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if "/" in value or ":" in value:
        if value.startswith("schema:"):
            name = value[len("schema:"):]
        else:
            parts = urlsplit(value)
            if parts.scheme not in ("http", "https") or parts.hostname not in _SCHEMA_HOSTS:
                return None
            name = parts.path.strip("/")
    else:
        name = value
    return AVAILABILITY.get(name)


def _types(node: dict) -> set[str]:
    value = node.get("@type") or node.get("type") or []
    values = value if isinstance(value, list) else [value]
    return {str(v).rsplit("/", 1)[-1] for v in values}


def _walk(value: Any, out: list[dict]) -> None:
    """Every schema.org object in a JSON-LD or uniform microdata tree (``@graph`` and nesting too)."""
    if isinstance(value, dict):
        out.append(value)
        for v in value.values():
            _walk(v, out)
    elif isinstance(value, list):
        for v in value:
            _walk(v, out)


def _pick_product(nodes: list[dict], page_url: str) -> dict | None:
    products = [n for n in nodes if _types(n) & {"Product", "ProductGroup", "IndividualProduct"}]
    with_offers = [p for p in products if p.get("offers")] or products
    if not with_offers:
        return None
    path = urlsplit(page_url).path.rstrip("/")
    for p in with_offers:
        for key in ("url", "@id"):
            if isinstance(p.get(key), str) and urlsplit(p[key]).path.rstrip("/") == path:
                return p
    return with_offers[0]


def _offers(product: dict | None, nodes: list[dict]) -> list[dict]:
    offers = product.get("offers") if product else None
    if offers is None:  # a page with a bare Offer (no Product around it)
        return [n for n in nodes if _types(n) & {"Offer", "AggregateOffer"}][:1]
    items = offers if isinstance(offers, list) else [offers]
    return [o for o in items if isinstance(o, dict)]


def _best_offer(offers: list[dict]) -> dict:
    """One offer stands for the listing: the in-stock one when a page lists several sellers."""
    in_stock = [o for o in offers if availability_of(o.get("availability")) in ("in_stock", "preorder")]
    return (in_stock or offers)[0]


def _json_ld(text: str) -> object:
    """One JSON-LD block decoded as extruct's JsonLdExtractor does: JSON, else JSON with the leading
    HTML or JavaScript comments some sites leave in it."""
    try:
        return json.loads(text, strict=False)
    except ValueError:
        import jstyleson
        from extruct.jsonld import HTML_OR_JS_COMMENTLINE

        return jstyleson.loads(HTML_OR_JS_COMMENTLINE.sub("", text), strict=False)


def extract_offer(html: bytes, page_url: str, encoding: str | None = None) -> StatedOffer:
    """The product facts ``html`` states."""
    from selectolax.lexbor import LexborHTMLParser

    found = StatedOffer()
    try:
        text = html.decode(encoding or "utf-8", "replace")
    except LookupError:  # a charset Python does not know
        text = html.decode("utf-8", "replace")
    nodes: list[dict] = []
    for i, script in enumerate(LexborHTMLParser(text).css('script[type="application/ld+json"]')):
        try:
            _walk(_json_ld(script.text(deep=True) or ""), nodes)
        except ValueError as exc:
            found.notes.append(f"JSON-LD block {i + 1} is malformed ({str(exc)[:120]})")
    product = _pick_product(nodes, page_url)
    if product is None:
        from extruct import extract

        try:
            micro = extract(html, base_url=page_url, syntaxes=["microdata"], uniform=True, errors="strict")
        except Exception as exc:  # noqa: BLE001 - extruct raises whatever its parsers raise
            found.notes.append(f"microdata could not be read ({str(exc)[:120]})")
            micro = {}
        nodes = []
        _walk(micro.get("microdata", []), nodes)
        product = _pick_product(nodes, page_url)
    offers = _offers(product, nodes)
    if product is None and not offers:
        return found
    found.found = True
    if not offers:
        found.notes.append("the product data has no offer (price and availability)")
        return found
    _read_offer(_best_offer(offers), found)
    return found


def _read_offer(offer: dict, found: StatedOffer) -> None:
    currency = offer.get("priceCurrency")
    found.currency = currency.strip().upper() if isinstance(currency, str) else ""
    price = offer.get("price", offer.get("lowPrice"))
    if isinstance(price, dict):  # UnitPriceSpecification
        price = price.get("price")
    if price is None and isinstance(offer.get("priceSpecification"), dict):
        spec = offer["priceSpecification"]
        price = spec.get("price")
        found.currency = found.currency or str(spec.get("priceCurrency") or "").strip().upper()
    if price is not None:
        found.price_text = str(price)[:100]
        if found.currency != "INR":
            found.notes.append(f"price {found.price_text!r} is in {found.currency or 'no stated currency'}, "
                               "not INR: not used")
        else:
            try:
                found.price_inr = parse_price_inr(price)
            except PriceError as exc:
                found.notes.append(f"price not used: {exc}")
    else:
        found.notes.append("the offer states no price")
    raw = offer.get("availability")
    if raw is not None:
        found.availability = availability_of(raw)
        if found.availability is None:
            found.notes.append(f"availability {str(raw)[:100]!r} is not a schema.org ItemAvailability: not used")
    valid = offer.get("priceValidUntil")
    if isinstance(valid, str):
        try:
            found.price_valid_until = date.fromisoformat(valid.strip()[:10]).isoformat()
        except ValueError:
            found.notes.append(f"priceValidUntil {valid[:40]!r} is not a date: not used")
