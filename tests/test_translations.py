"""Every interface string in the theme and the build has a Hindi and an Urdu translation."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "themes/chinar/translations"


def extracted() -> set[str]:
    """msgids found in the templates and Python code, the same way scripts/translations.sh finds them."""
    found = set()
    method_map = [("site/chinar/**.py", "python"), ("themes/chinar/templates/**.html", "jinja2")]
    options = {"themes/chinar/templates/**.html": {"extensions": "jinja2.ext.i18n"}}
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    for _file, _line, message, _comments, _ctx in extract_from_dir(str(ROOT), method_map, options, keywords):
        found.add(message if isinstance(message, str) else message[0])
    return found


@pytest.mark.parametrize("locale", ["hi", "ur"])
def test_every_interface_string_is_translated(locale: str) -> None:
    with (TRANSLATIONS / locale / "LC_MESSAGES/messages.po").open("rb") as f:
        catalog = read_po(f, locale=locale)
    translated = {m.id for m in catalog if m.id and m.string and not m.fuzzy}
    messages = extracted()
    assert len(messages) > 80
    assert sorted(messages - translated) == []


def test_translations_keep_their_placeholders() -> None:
    import re

    for locale in ("hi", "ur"):
        with (TRANSLATIONS / locale / "LC_MESSAGES/messages.po").open("rb") as f:
            for m in read_po(f, locale=locale):
                if m.id and m.string:
                    pattern = r"%\(\w+\)s|\{\w+\}"
                    assert sorted(re.findall(pattern, m.id)) == sorted(re.findall(pattern, m.string)), (locale, m.id)


@pytest.mark.parametrize("locale", ["en", "hi", "ur"])
def test_fast_price_formatting_equals_babel(locale: str) -> None:
    """Whole rupees are grouped without Babel (it is slow); the text must be exactly Babel's."""
    from chinar.i18n import _babel_price, _price_shape, format_price

    assert _price_shape(locale) is not None  # otherwise the fast path is never taken
    values = [0, 7, 99, 100, 999, 1000, 9999, 12345, 100000, 125000, 999999, 1000000, 12345678, 1234567890]
    values += list(range(0, 3_000_000, 7919))
    for amount in values:
        assert format_price(amount, locale) == _babel_price(amount, locale), amount
    assert format_price(125000, locale).endswith("1,25,000")
    assert format_price(1999.5, locale) == _babel_price(1999.5, locale)  # not whole: Babel itself
    assert format_price(None, locale) == ""
