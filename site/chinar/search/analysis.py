"""Text -> search terms, for English, Hindi and Urdu; the single definition of what a word is.

Everything here is a pure function of its input and of the tables in this module, and the browser
client (``themes/chinar/static/js/search.js``) re-implements exactly the same steps, reading the
tables from the exported ``manifest.json`` (see ``client_tables``). If the two ever disagree a query
typed in the browser finds different terms than ``chinar search``; ``tests/test_search_browser.py``
runs both over the same words to catch that.

Per token (words are runs of letters *with their combining marks*: Python's ``re`` ``\\w`` leaves out
Devanagari vowel signs and the virama, which is why Whoosh's default tokenizer cuts पश्मीना to पश):

- **main term** (title, craft, district and body fields): NFC, lower case, digits to ASCII;
  Latin script: accents folded (Kānī -> kani) then Porter-stemmed after English stop words are removed;
  Devanagari: nukta dropped (सोज़नी = सोजनी), candrabindu -> anusvara; Urdu/Arabic: harakat and tatweel
  dropped, letter variants folded (ي ى -> ی, ك -> ک, ه ة -> ہ, أ إ -> ا).
- **fold term** (lower-weight fallback): the main term of a Devanagari/Urdu word with its vowel signs
  removed, so काली also finds कला, but only below the pages that say काली.
- **skeleton** (cross-script): the consonants of the main term mapped to one Latin letter class each
  (पश्मीना, pashmina, پشمینہ -> ``psmn``); only kept when 3+ letters long, since shorter skeletons collide.
  A document's English words are indexed with their skeleton only from 4 letters (``document_skeleton``):
  three consonants of an English word mostly spell unrelated words (winter/natural, stole/style).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import regex
from whoosh.analysis import Token, Tokenizer
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter import stem as porter_stem

# Devanagari letters/marks/digits | Arabic-script ones (harakat are Script=Inherited, so any mark) |
# any other letters/digits. Punctuation of those scripts (danda, ۔) is not part of a word.
TOKEN_PATTERN = (
    r"(?:(?=[\p{L}\p{M}\p{N}\u200c\u200d])[\p{Script=Devanagari}\u200c\u200d])+"
    r"|(?:(?=[\p{L}\p{M}\p{N}\u200c\u200d])[\p{Script=Arabic}\p{M}\u200c\u200d])+"
    r"|(?:(?![\p{Script=Devanagari}\p{Script=Arabic}])[\p{L}\p{M}\p{N}])+"
)
_TOKEN_RE = regex.compile(TOKEN_PATTERN)
MIN_LENGTH = 2

DIGITS = {**{chr(0x0966 + i): str(i) for i in range(10)}, **{chr(0x0660 + i): str(i) for i in range(10)},
          **{chr(0x06F0 + i): str(i) for i in range(10)}}

STOP_EN = sorted(STOP_WORDS)
STOP_HI = sorted({"का", "की", "के", "को", "में", "है", "हैं", "और", "से", "पर", "एक", "यह", "वह", "ने", "भी",
                  "तक", "था", "थी", "थे", "हो", "या", "जो", "कि"})
STOP_UR = sorted({"کا", "کی", "کے", "کو", "میں", "ہے", "ہیں", "اور", "سے", "پر", "ایک", "یہ", "وہ", "نے",
                  "بھی", "تک", "تھا", "تھی", "تھے", "ہو", "یا", "جو", "کہ"})
STOPWORDS = frozenset(STOP_EN) | frozenset(STOP_HI) | frozenset(STOP_UR)

# Character replacements applied to main terms of each script ("" removes the character).
DEVA_MAIN = {"\u093c": "", "\u0901": "\u0902", "\u200c": "", "\u200d": ""}
ARAB_MAIN = {**{chr(c): "" for c in range(0x064B, 0x0660)}, "\u0670": "", "\u0640": "", "\u200c": "",
             "\u200d": "", "\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0647": "\u06c1",
             "\u0629": "\u06c1", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"}
# Vowel-sign folding for the fallback field.
DEVA_FOLD = {**{chr(c): "" for c in range(0x093E, 0x094E)}, "\u0900": "", "\u0901": "", "\u0902": "",
             "\u0903": "", "\u0962": "", "\u0963": "", "\u0906": "\u0905", "\u0908": "\u0907",
             "\u090a": "\u0909", "\u0910": "\u090f", "\u0914": "\u0913", "\u0911": "\u0913"}
ARAB_FOLD = {"\u0622": "\u0627", "\u06d2": "\u06cc", "\u06d3": "\u06cc", "\u0626": "\u06cc",
             "\u0624": "\u0648", "\u06ba": "\u0646", "\u06be": "\u06c1", "\u06c2": "\u06c1"}

# Consonant classes for the cross-script skeleton; characters not listed are dropped (vowels, h, y, w...).
_SKEL_GROUPS = {
    "k": "kqकखکقخ", "g": "gगघگغ", "c": "cचछچ", "j": "jzजझزذضظژج", "t": "tटठतथتٹط",
    "d": "dडढदधدڈ", "n": "nनणञङंنں", "p": "pfपफپف", "b": "bबभب", "m": "mमم", "r": "rरڑر",
    "l": "lलळل", "s": "sशषसسشصث",
}
SKELETON = {ch: cls for cls, chars in _SKEL_GROUPS.items() for ch in chars}
MIN_SKELETON = 3
# Documents only: a Latin-script word's skeleton is indexed from this length. In the demo catalog 56 % of
# the English terms with a 3-letter skeleton share it with another word, mostly an unrelated one (winter,
# natural, entire -> ntr; stole, style, still -> stl), so "winter shawls" found the Kani craft through
# "natural"; the stemmer already joins the forms of an English word. Of those with 4+ letters 21 % share
# one, often with a form of the same word (embroider/embroideri). Hindi and Urdu words, not stemmed, keep 3.
MIN_DOCUMENT_SKELETON_LATIN = 4


def _translate(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(ch, ch) for ch in text)


def script(token: str) -> str:
    """``deva``, ``arab`` or ``latn`` (anything else is treated as Latin: no stemming, no folding)."""
    for ch in token:
        o = ord(ch)
        if 0x0900 <= o <= 0x097F:
            return "deva"
        if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF or 0xFB50 <= o <= 0xFEFF:
            return "arab"
    return "latn"


def words(text: str) -> list[str]:
    """Normalised words of ``text`` in order, before stop words and stemming (NFC, lower case, folded)."""
    out = []
    for raw in _TOKEN_RE.findall(unicodedata.normalize("NFC", text).lower()):
        tok = _word(raw)
        if tok:
            out.append(tok)
    return out


@lru_cache(maxsize=200_000)
def _word(raw: str) -> str | None:
    """One raw token -> its normalised word, or None when too short (cached: words repeat a lot)."""
    tok = normalise(raw)
    return tok if len(tok) >= MIN_LENGTH else None


def normalise(raw: str) -> str:
    """One raw token (NFC, lower case) -> its normalised form, whatever its length (see the module doc)."""
    tok = _translate(raw, DIGITS)
    kind = script(tok)
    if kind == "deva":
        tok = unicodedata.normalize("NFC", _translate(unicodedata.normalize("NFD", tok), DEVA_MAIN))
    elif kind == "arab":
        tok = unicodedata.normalize("NFC", _translate(tok, ARAB_MAIN))
    else:
        tok = "".join(ch for ch in unicodedata.normalize("NFD", tok)
                      if not unicodedata.category(ch).startswith("M"))
    return tok


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Porter stem for Latin-script words; Hindi and Urdu words are kept whole."""
    return porter_stem(word) if script(word) == "latn" else word


# Whitespace-separated chunk (after NFC and lower case) -> its main terms, their folds and skeletons.
# No token can contain whitespace (words are letters, marks, digits and ZWJ/ZWNJ), so analysing a text
# chunk by chunk gives exactly the terms of analysing it whole; and chunks repeat ("shawl", "पश्मीना",
# "box,"), so most of them cost one dictionary lookup instead of a pass of the Unicode-script regex.
# Bounded: cleared when full.
_CHUNKS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
_CHUNK_LIMIT = 2_000_000


def terms(text: str) -> list[str]:
    """Main index terms of ``text``: words without stop words, stemmed (the analyzer of the main fields)."""
    return analyse(text)[0]


def analyse(text: str) -> tuple[list[str], list[str], list[str]]:
    """``terms(text)``, and the ``fold`` and ``document_skeleton`` of each of them that has one (in order)."""
    memo = _CHUNKS
    out: list[str] = []
    folds: list[str] = []
    skels: list[str] = []
    for chunk in unicodedata.normalize("NFC", text).lower().split():
        found = memo.get(chunk)
        if found is None:
            if len(memo) >= _CHUNK_LIMIT:
                memo.clear()
            found = memo[chunk] = _chunk(chunk)
        out += found[0]
        folds += found[1]
        skels += found[2]
    return out, folds, skels


def _chunk(chunk: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    found = []
    for raw in _TOKEN_RE.findall(chunk):
        w = _word(raw)
        if w and w not in STOPWORDS:
            found.append(stem(w))
    folds = (fold(t) for t in found)
    skels = (document_skeleton(t) for t in found)
    return tuple(found), tuple(f for f in folds if f), tuple(s for s in skels if s)


_FOLD: dict[str, str | None] = {}
_SKELETON: dict[str, str | None] = {}


def fold(term: str) -> str | None:
    """Vowel-sign-folded form of a Hindi/Urdu term (None for Latin, which has no fallback field)."""
    try:
        return _FOLD[term]
    except KeyError:
        pass
    kind = script(term)
    if kind == "deva":
        found = _translate(term, DEVA_FOLD) or None
    elif kind == "arab":
        found = _translate(term, ARAB_FOLD) or None
    else:
        found = None
    if len(_FOLD) >= _CHUNK_LIMIT:
        _FOLD.clear()
    _FOLD[term] = found
    return found


def skeleton(term: str) -> str | None:
    """Consonant skeleton shared across scripts, or None when shorter than MIN_SKELETON letters."""
    try:
        return _SKELETON[term]
    except KeyError:
        pass
    out: list[str] = []
    for ch in term:
        cls = SKELETON.get(ch)
        if cls and (not out or out[-1] != cls):
            out.append(cls)
    found = "".join(out) if len(out) >= MIN_SKELETON else None
    if len(_SKELETON) >= _CHUNK_LIMIT:
        _SKELETON.clear()
    _SKELETON[term] = found
    return found


def document_skeleton(term: str) -> str | None:
    """The skeleton a document is indexed with for one of its terms: ``skeleton``, but for Latin-script
    terms only from MIN_DOCUMENT_SKELETON_LATIN letters. Queries look up ``skeleton`` of their words."""
    found = skeleton(term)
    if found and len(found) < MIN_DOCUMENT_SKELETON_LATIN and script(term) == "latn":
        return None
    return found


def client_tables() -> dict:
    """The tables the browser needs to analyse a query exactly as this module does."""
    return {
        "stop": sorted(STOPWORDS),
        "digits": DIGITS,
        "deva_main": DEVA_MAIN,
        "arab_main": ARAB_MAIN,
        "deva_fold": DEVA_FOLD,
        "arab_fold": ARAB_FOLD,
        "skeleton": dict(sorted(SKELETON.items())),
        "min_length": MIN_LENGTH,
        "min_skeleton": MIN_SKELETON,
    }


class _TermTokenizer(Tokenizer):
    """A Whoosh tokenizer yielding the terms a pure function makes from the text.

    Whoosh pickles analyzers into the index's table of contents, so subclasses are module-level
    classes with no state. ``terms_of`` is the whole analysis; Whoosh adds nothing to it.
    """

    def terms_of(self, text: str) -> Iterable[str]:  # pragma: no cover - overridden
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, text in enumerate(self.terms_of(value) if tokenize else [value]):
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos + pos
            yield t


class MainAnalyzer(_TermTokenizer):
    def terms_of(self, text: str) -> Iterable[str]:
        return terms(text)


class FoldAnalyzer(_TermTokenizer):
    """Takes main terms separated by spaces (already analysed once for the main fields)."""

    def terms_of(self, text: str) -> Iterable[str]:
        return [f for f in map(fold, text.split()) if f]


class SkeletonAnalyzer(_TermTokenizer):
    """Takes main terms separated by spaces (already analysed once for the main fields)."""

    def terms_of(self, text: str) -> Iterable[str]:
        return [s for s in map(document_skeleton, text.split()) if s]


class SpaceAnalyzer(_TermTokenizer):
    """For fields whose terms were computed already (alias group ids)."""

    def terms_of(self, text: str) -> Iterable[str]:
        return text.split()
