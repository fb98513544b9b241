"""The languages of the site, declared once: every module, the templates, the search client and the CMS
read them from here.

A leaf module (no imports from the rest of ``chinar``), so the CMS settings can import it through
``chinar.contract``. Adding a language: docs/architecture.md, "Adding a language" (the checklist
``tests/test_registries.py`` enforces).
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(s: str) -> str:  # noqa: N802 - gettext convention
    """Marks an interface string for extraction (``scripts/translations.sh``); it is translated where shown."""
    return s


@dataclass(frozen=True)
class Language:
    """One language of the catalog and its site.

    ``code`` is the contract's ``locale`` (ISO 639-1) and the URL prefix (none for the default
    language); ``script`` is its ISO 15924 script, which decides fonts and search analysis;
    ``cldr`` is the Babel/CLDR locale prices and dates are formatted with (Indian digit grouping).
    """

    code: str
    name: str  # in the language itself: what the language switcher shows
    english_name: str  # also the interface string that names it in another language ("अंग्रेज़ी")
    script: str
    direction: str  # "ltr" or "rtl"
    cldr: str
    site_name: str  # the site's name, as written in this language


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English", N_("English"), "Latn", "ltr", "en_IN", "Chinar"),
    Language("hi", "हिन्दी", N_("Hindi"), "Deva", "ltr", "hi_IN", "चिनार"),
    Language("ur", "اردو", N_("Urdu"), "Arab", "rtl", "ur_IN", "چنار"),
)
DEFAULT_LOCALE = "en"

BY_CODE: dict[str, Language] = {lang.code: lang for lang in LANGUAGES}
LOCALES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)
RTL_LOCALES: frozenset[str] = frozenset(lang.code for lang in LANGUAGES if lang.direction == "rtl")
LANGUAGE_NAMES: dict[str, str] = {lang.code: lang.name for lang in LANGUAGES}


def direction(locale: str) -> str:
    """``rtl`` or ``ltr`` for a locale code."""
    return BY_CODE[locale].direction


def client_config() -> dict:
    """What the browser's search client needs to know of the languages (written into the search index's
    manifest): each language's code, name in itself, direction and BCP 47 tag (numbers are formatted
    with it: ``en-IN``), default first. The client has no table of its own."""
    return {"default": DEFAULT_LOCALE,
            "languages": [{"code": lang.code, "name": lang.name, "dir": lang.direction,
                           "tag": lang.cldr.replace("_", "-")} for lang in LANGUAGES]}
