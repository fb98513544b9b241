"""Interface strings and locale formatting.

Interface strings are gettext messages kept in ``themes/<theme>/translations/<locale>/LC_MESSAGES/
messages.po`` (edited by translators, compiled in memory at build time so no generated ``.mo`` files are
committed). Prices and dates are formatted with Babel's CLDR data: rupees with Indian digit grouping
(₹1,25,000) and dates with each language's month names.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
from functools import cache
from pathlib import Path

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency

from .languages import BY_CODE, DEFAULT_LOCALE

BABEL_LOCALE = {code: lang.cldr for code, lang in BY_CODE.items()}


def translations(translations_dir: str, locale: str) -> gettext.NullTranslations:
    """Compiled gettext catalog for ``locale``; English (the msgids) needs none.

    Read from the ``.po`` file each time, compiled once per content of it: a long-running process
    (``chinar serve --watch``) sees an edited catalog on its next build.
    """
    po = Path(translations_dir) / locale / "LC_MESSAGES" / "messages.po"
    if locale == DEFAULT_LOCALE or not po.exists():
        return gettext.NullTranslations()
    return _compiled(po.read_bytes(), locale)


@cache
def _compiled(po_bytes: bytes, locale: str) -> gettext.GNUTranslations:
    catalog = read_po(io.BytesIO(po_bytes), locale=locale)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


PRICE_FORMAT = "¤#,##,##0"


def _babel_price(amount: int | float, locale: str) -> str:
    return format_currency(amount, "INR", format=PRICE_FORMAT, currency_digits=False, locale=BABEL_LOCALE[locale])


@cache
def _price_shape(locale: str) -> tuple[str, str, str] | None:
    """(prefix, group separator, suffix) of a whole-rupee price in ``locale``, read off Babel's own output.

    Babel's formatter costs ~0.1 ms a call and a large catalog has tens of thousands of distinct
    prices per language; whole non-negative rupees (every price in the contract) only need the digits
    grouped Indian-style between the locale's own symbol and separators. None if Babel's output for the
    probe does not have that shape, and then every price goes through Babel.
    """
    probe = _babel_price(1234567, locale)
    start, end = probe.find("12"), probe.rfind("567")
    if start < 0 or end < 0:
        return None
    prefix, suffix = probe[:start], probe[end + 3:]
    middle = probe[start:end + 3]  # 12<sep>34<sep>567
    sep = middle[2:middle.find("34", 2)]
    if not sep or middle != f"12{sep}34{sep}567":
        return None
    return prefix, sep, suffix


def price_pattern(locale: str) -> list[str]:
    """[prefix, group separator, suffix] of a whole-rupee price in ``locale`` (``["₹", ",", ""]``): what
    the search client writes prices with, so its results show them as the pages do (``format_price``).
    Browsers' Intl does not: Chromium's ``ur-IN`` groups digits in threes and adds bidi marks."""
    shape = _price_shape(locale)
    if shape is None:  # Babel's output for this locale has another shape: its default language's
        shape = _price_shape(DEFAULT_LOCALE)
    assert shape is not None
    return list(shape)


def _group_indian(digits: str, sep: str) -> str:
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        head, groups = head[:-2], [head[-2:], *groups]
    return sep.join([head, *groups, tail])


@cache
def format_price(amount: int | float | None, locale: str) -> str:
    """Rupees with Indian grouping and no paise: ₹1,25,000 (exactly what Babel's CLDR data gives)."""
    if amount is None:
        return ""
    shape = _price_shape(locale)
    if shape is not None and type(amount) is int and amount >= 0:
        prefix, sep, suffix = shape
        return f"{prefix}{_group_indian(str(amount), sep)}{suffix}"
    return _babel_price(amount, locale)


@cache
def format_day(value: str | dt.date | None, locale: str, fmt: str = "long") -> str:
    """A contract date (YYYY-MM-DD) in the reader's language: 10 फ़रवरी 2026."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, format=fmt, locale=BABEL_LOCALE[locale])
