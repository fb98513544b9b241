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

from .content import DEFAULT_LOCALE, RTL_LOCALES

BABEL_LOCALE = {"en": "en_IN", "hi": "hi_IN", "ur": "ur_IN"}
LANGUAGE_NAMES = {"en": "English", "hi": "हिन्दी", "ur": "اردو"}


def direction(locale: str) -> str:
    return "rtl" if locale in RTL_LOCALES else "ltr"


@cache
def translations(translations_dir: str, locale: str) -> gettext.NullTranslations:
    """Compiled gettext catalog for ``locale``; English (the msgids) needs none."""
    po = Path(translations_dir) / locale / "LC_MESSAGES" / "messages.po"
    if locale == DEFAULT_LOCALE or not po.exists():
        return gettext.NullTranslations()
    with po.open("rb") as f:
        catalog = read_po(f, locale=locale)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


@cache
def format_price(amount: int | float | None, locale: str) -> str:
    """Rupees with Indian grouping and no paise: ₹1,25,000."""
    if amount is None:
        return ""
    return format_currency(amount, "INR", format="¤#,##,##0", currency_digits=False, locale=BABEL_LOCALE[locale])


@cache
def format_day(value: str | dt.date | None, locale: str, fmt: str = "long") -> str:
    """A contract date (YYYY-MM-DD) in the reader's language: 10 फ़रवरी 2026."""
    if not value:
        return ""
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, format=fmt, locale=BABEL_LOCALE[locale])
