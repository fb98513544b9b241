"""What may be in a text of the contract, and how a text is cut for a summary or a message.

Shared by the build's validation (``validate.py``) and the CMS (its models check text as it enters,
so an editor gets a form error instead of a failed build).

- **Normalised**: every text is NFC (Devanagari and Urdu typed on different keyboards arrive composed
  or decomposed; NFC makes the same word the same bytes for search, slugs and comparison).
- **Bidi controls are removed**, not isolated: U+202A–U+202E (embeddings, overrides) and
  U+2066–U+2069 (isolates). A page's language already sets its base direction (``<html dir="rtl">``
  for Urdu) and the Unicode bidi algorithm orders mixed Urdu/English runs itself. Explicit controls in
  data are invisible to editors; an unbalanced one leaks its direction into the rest of a title, and
  in ``<title>``, meta descriptions, JSON-LD, feeds and search results there is no markup to isolate
  it with; an override (U+202E) turns text around for display (spoofing: "shawl‮gpj.exe"). Where
  the theme shows text of one direction inside another it isolates it with markup (``dir="auto"``
  on search results and inputs). The non-nesting marks U+200E, U+200F and U+061C are kept: they only
  fix where a neutral character goes, and cannot leak.
- **Control characters are refused** (C0 except tab, line feed and carriage return; DEL; C1; lone
  surrogates, which JSON can spell as ``\\ud800`` but UTF-8 cannot store; U+FFFE and U+FFFF): they
  are invisible, a NUL ends a string in C libraries, and no editor means to type one.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Anything that needs a closer look (one search over an ordinary text finds nothing).
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
ELLIPSIS = "\u2026"


_ASCII_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def needs_care(value: str) -> bool:
    """Whether ``value`` is not already clean text. Every text of every record goes through this, so
    the common cases cost C calls only: ASCII text is NFC, and printable text (no control or format
    character, no line break) has nothing the regex looks for."""
    if value.isascii():
        return not value.isprintable() and _ASCII_CONTROL.search(value) is not None
    return (not value.isprintable() and _SUSPECT.search(value) is not None) or \
        not unicodedata.is_normalized("NFC", value)


def clean(value: str) -> str:
    """``value`` as NFC with its bidi controls removed (control characters are left for ``problem``)."""
    return unicodedata.normalize("NFC", BIDI_CONTROLS.sub("", value))


def character_name(ch: str) -> str:
    """``U+0000 NULL``: how an editor can find the character in a message."""
    name = unicodedata.name(ch, "") or ("NUL" if ch == "\x00" else "control character")
    return f"U+{ord(ch):04X} {name}"


def problem(value: str) -> str | None:
    """Why ``value`` cannot be published as text, in plain words, or None when it can."""
    m = CONTROL.search(value)
    if m is None:
        return None
    return (f"contains an invisible control character ({character_name(m.group())}) at position {m.start() + 1}: "
            f"remove it (text was {shorten(value)})")


def shorten(value: object, limit: int = 60) -> str:
    """``repr(value)`` cut to about ``limit`` characters, saying how long the whole was (for messages:
    an over-long value must not fill the terminal)."""
    text = repr(value)
    if len(text) <= limit:
        return text
    size = f" ({len(value):,} characters)" if isinstance(value, (str, list, dict)) else ""
    return text[:limit] + ELLIPSIS + size


def excerpt(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis when cut.

    English, Hindi and Urdu all separate words with spaces, so the cut is at the last space that
    leaves room for the ellipsis; trailing punctuation before it goes (no "shawl,…"). A single word
    longer than the limit is cut between characters, never inside a combining sequence (a Devanagari
    vowel sign or virama, an Urdu diacritic stays with its letter).
    """
    if len(text) <= limit:
        return text
    room = limit - 1
    cut = text.rfind(" ", 0, room + 1)
    if cut <= room // 2:  # no space in the second half: cut the word between characters
        cut = room
        while cut > 0 and (unicodedata.category(text[cut])[0] == "M" or text[cut] in "\u200c\u200d"):
            cut -= 1
    head = text[:cut].rstrip(" ,;:\u060c\u061b-\u2013\u2014|/(")
    return head + ELLIPSIS
