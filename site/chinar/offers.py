"""What a buyer can buy: one pure function for each fact the site states about listings and prices.

A product has no price of its own: its price is what its listings say (``product_price``). Every
place that shows, filters, ranks or describes a product by price or stock reads it through this
module — product and card templates, JSON-LD, rule collections (``relations``), the search price
facet, ``pages.structure`` — so two parts of the site cannot disagree about it.

A listing is *dead* when the listing checker found its page gone (404, 410, or a redirect to the
marketplace's search or home page): ``link_status: "dead"`` in the contract. A dead listing is shown
as unavailable, without a buy button, whatever its last stated availability.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .content import Record

BUYABLE = ("in_stock", "preorder")

# Price bands (INR) of the search's price facet, lowest first: (id, lowest price included, first price
# excluded or None). The search page labels them from these numbers in the page's language.
PRICE_BANDS: tuple[tuple[str, int, int | None], ...] = (
    ("under-5000", 0, 5000),
    ("5000-20000", 5000, 20000),
    ("20000-50000", 20000, 50000),
    ("50000-100000", 50000, 100000),
    ("over-100000", 100000, None),
)


def is_dead(listing: Record) -> bool:
    return listing.get("link_status") == "dead"


def is_buyable(listing: Record) -> bool:
    """A buy button may point at it: the link works and the marketplace sells it now (or on pre-order)."""
    return listing.get("availability") in BUYABLE and not is_dead(listing)


def choices(rec: Record) -> list[Record]:
    """A product's listings in the order its page offers them: those a buyer can buy now first,
    cheapest first, then the rest (sold out, no longer sold, dead) in the record's order. Stable, so
    equally cheap listings keep the editor's order and the same record always gives the same page.
    """
    listings = rec.get("listings") or ()
    return sorted(listings, key=lambda lst: (0, lst["price_inr"]) if is_buyable(lst) else (1, 0))


def primary_listing(rec: Record) -> Record | None:
    """The listing a product page's buy bar offers (its Buy button in the first screen): the first of
    ``choices``, if a buyer can buy it; None when no listing is buyable. Its price is the amount
    ``product_price`` states, so the bar and the price agree.
    """
    first = next(iter(choices(rec)), None)
    return first if first is not None and is_buyable(first) else None


def listing_state(listing: Record) -> str:
    """``dead`` or the listing's availability: what its card on the product page says."""
    return "dead" if is_dead(listing) else listing["availability"]


@dataclass(frozen=True)
class Price:
    """A product's price as a buyer sees it, in whole rupees."""

    amount: int
    several: bool  # several listings a buyer can choose from, at different prices: "from ₹X"
    available: bool  # from listings a buyer can buy now; False: the last known price of a sold-out product


def product_price(rec: Record) -> Price | None:
    """The price a product page, card, collection rule and search facet show for ``rec``.

    One listing a buyer can buy: its price. Several: the lowest ("from ₹X") when they differ. None
    buyable: the lowest price of the listings that still exist, marked unavailable. Every listing
    dead: no price at all.
    """
    listings = rec.get("listings") or ()
    buyable = sorted({lst["price_inr"] for lst in listings if is_buyable(lst)})
    if buyable:
        return Price(buyable[0], len(buyable) > 1, True)
    alive = [lst["price_inr"] for lst in listings if not is_dead(lst)]
    return Price(min(alive), False, False) if alive else None


def price_amount(rec: Record) -> int | None:
    """``product_price(rec).amount``, or None: what rules and the price facet compare."""
    found = product_price(rec)
    return found.amount if found is not None else None


def is_available(rec: Record) -> bool:
    """Whether a buyer can buy the product somewhere now."""
    return any(is_buyable(lst) for lst in rec.get("listings") or ())


def newest_check(rec: Record) -> str:
    """The most recent ``last_checked`` of a product's listings (ISO date), '' without listings."""
    return max((lst["last_checked"] for lst in rec.get("listings") or ()), default="")


def is_stale(listing: Record, as_of: str, stale_after_days: int) -> bool:
    """Whether the listing's last check is more than ``stale_after_days`` older than ``as_of``.

    ``as_of`` is the newest check the catalog knows (``relations.Relations.listings_as_of``), not
    today's date: the same content always builds the same pages, and a catalog whose checker stopped
    altogether is for the CMS report to flag, not the build.
    """
    if not as_of:
        return False
    return date.fromisoformat(listing["last_checked"]) < date.fromisoformat(as_of) - timedelta(days=stale_after_days)
