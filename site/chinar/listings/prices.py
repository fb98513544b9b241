"""Prices as marketplaces and their feeds write them, read into whole rupees or refused with a reason.

Never a wrong price: ``"₹1,25,000.00"`` and ``"125,000"`` are 125000, ``"1.25 lakh"`` is 125000, but
``"1.250.000"``, ``"12,50,00"``, ``"$1,250"``, ``"-5"`` or ``"about 5000"`` are refused rather than
guessed at. Paise are rounded to the nearest rupee (the contract holds whole rupees).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Indian (1,25,000) or international (125,000) digit grouping, or none; optional paise.
_GROUPED = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3}|\d+)(?:\.\d{1,2})?")
_WORDS = {"lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000, "crore": 10_000_000,
          "crores": 10_000_000, "cr": 10_000_000}
_RUPEE = re.compile(r"^(?:₹|rs\.?|inr)\s*|\s*(?:₹|rs\.?|inr|/-)$", re.IGNORECASE)
_OTHER_CURRENCY = re.compile(r"[$€£¥]|\b(?:usd|eur|gbp|aed|us\$)\b", re.IGNORECASE)
MAX_PRICE = 100_000_000  # ₹10 crore: above this a listing price is a mistake, not a shawl


class PriceError(ValueError):
    """A price that cannot be read as rupees; the message says why, in plain words."""


def parse_price_inr(value: object) -> int:
    """Whole rupees from a number or a written price; ``PriceError`` when it is not one."""
    if isinstance(value, bool) or value is None:
        raise PriceError(f"{value!r} is not a price")
    if isinstance(value, (int, float, Decimal)):
        amount = Decimal(str(value))
    elif isinstance(value, str):
        amount = _parse_text(value)
    else:
        raise PriceError(f"{value!r} is not a price")
    if not amount.is_finite():
        raise PriceError(f"{value!r} is not a price")
    if amount <= 0:
        raise PriceError(f"{value!r}: a price must be more than zero")
    rupees = int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if rupees > MAX_PRICE:
        raise PriceError(f"{value!r} is more than ₹10 crore: not believed")
    return rupees


def _parse_text(text: str) -> Decimal:
    raw = text
    text = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if _OTHER_CURRENCY.search(text):
        raise PriceError(f"{raw!r} is not in rupees")
    if text.startswith("-") or text.startswith("−"):
        raise PriceError(f"{raw!r}: a price must be more than zero")
    previous = None
    while previous != text:  # "₹ 1,25,000 /-", "Rs. 5000", "5000 INR"
        previous, text = text, _RUPEE.sub("", text).strip()
    multiplier = 1
    words = text.lower().split()
    if len(words) == 2 and words[1] in _WORDS:
        text, multiplier = words[0], _WORDS[words[1]]
        if "," in text:
            raise PriceError(f"{raw!r}: write a lakh or crore amount as a plain number, e.g. 1.25 lakh")
    if not _GROUPED.fullmatch(text):
        raise PriceError(f"{raw!r} is not a price in rupees (expected e.g. 125000, 1,25,000.00 or 1.25 lakh)")
    try:
        return Decimal(text.replace(",", "")) * multiplier
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only decimal numbers
        raise PriceError(f"{raw!r} is not a price") from exc
