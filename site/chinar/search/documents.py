"""Catalog -> search documents: what each page is found by, and what a result shows.

One document per record version that has a page (artisan, product, craft, collection, story,
campaign, district) in each locale it exists in. Pure functions of the catalog: the same catalog
gives the same documents in the same order, so document numbers (and every exported file) are stable.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .. import urls
from ..catalog import Catalog, Record, shown_locale
from ..languages import DEFAULT_LOCALE, LOCALES
from ..offers import PRICE_BANDS, price_amount
from ..record_types import SEARCH_TYPES
from ..richtext import plain_text
from . import analysis

Thumbnail = Callable[[dict], "str | None"]


def price_band(price: int | None) -> str | None:
    if price is None:
        return None
    for band, low, high in PRICE_BANDS:
        if price >= low and (high is None or price < high):
            return band
    return None


@dataclass
class SearchDoc:
    """One searchable page. ``fields`` holds the text of each weighted field."""

    type: str
    key: str
    locale: str
    url: str
    title: str
    fields: dict[str, str]
    crafts: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    price: int | None = None
    thumb: str | None = None

    @property
    def band(self) -> str | None:
        return price_band(self.price)

    @property
    def ref(self) -> str:
        return f"{self.type}:{self.key}:{self.locale}"


def _text(*parts: object) -> str:
    out = []
    for p in parts:
        if not p:
            continue
        if isinstance(p, (list, tuple)):
            out.append(_text(*p))
        else:
            out.append(str(p))
    return " ".join(x for x in out if x)


def _rich(rec: Record, *names: str) -> str:
    return _text(*(plain_text(rec[n]) for n in names if rec.get(n)))


def _name(catalog: Catalog, type_: str, key: str, locale: str) -> str:
    rec = catalog.get(type_, key, locale)
    return (rec.get("name") or rec.get("title") or "") if rec else ""


def _craft_text(catalog: Catalog, keys: Iterable[str], locale: str) -> str:
    parts = []
    for key in keys:
        rec = catalog.get("craft", key, locale)
        if rec:
            parts.append(rec.get("name", ""))
    return _text(parts)


def _district_text(catalog: Catalog, keys: Iterable[str], locale: str) -> str:
    return _text([_name(catalog, "district", k, locale) for k in keys])


def _other_names(catalog: Catalog, rec: Record) -> list[str]:
    """A district's name in the other locales: its page is found by its name in any script, as a craft's
    page is by the aliases in its craft field ("srinagar" or "سری نگر" on the Hindi page finds श्रीनगर)."""
    return [_name(catalog, rec["type"], rec["translation_key"], loc) for loc in LOCALES if loc != rec["locale"]]


def _blocks_text(rec: Record) -> str:
    parts = []
    for block in rec.get("blocks", []):
        parts += [block.get("title"), block.get("text"), block.get("label")]
        if block.get("body"):
            parts.append(plain_text(block["body"]))
        for stop in block.get("stops", []):
            parts.append(stop.get("note"))
    return _text(parts)


def _first_image(rec: Record) -> dict | None:
    for name in ("portrait", "hero", "image"):
        if rec.get(name):
            return rec[name]
    images = rec.get("images") or []
    return images[0] if images else None


def record_document(catalog: Catalog, rec: Record, thumbnail: Thumbnail | None = None) -> SearchDoc:
    """The search document of one record version (see module docstring for which records)."""
    type_, locale = rec["type"], rec["locale"]
    crafts: list[str] = []
    districts: list[str] = []
    price = None
    body = ""
    title = rec.get("name") or rec.get("title") or rec["slug"]
    if type_ == "artisan":
        crafts, districts = list(rec["crafts"]), [rec["district"]]
        body = _text(_rich(rec, "bio"), rec.get("cooperative"),
                     [a.get("name") for a in rec.get("awards", [])])
    elif type_ == "product":
        crafts = [rec["craft"]]
        maker = catalog.get("artisan", rec["artisan"], locale)
        districts = [maker["district"]] if maker else []
        price = price_amount(rec)
        body = _text(_rich(rec, "description"), rec.get("materials"), maker.get("name") if maker else None)
    elif type_ == "craft":
        crafts, districts = [rec["translation_key"]], list(rec.get("districts", []))
        body = _text(rec.get("summary"), _rich(rec, "history", "authenticity"), rec.get("region"),
                     rec.get("techniques"), rec.get("materials"))
    elif type_ == "district":
        districts = [rec["translation_key"]]
        body = _text(rec.get("summary"), _rich(rec, "body"), rec.get("division"))
    elif type_ == "collection":
        rule = rec.get("rule") or {}
        crafts = [rule["craft"]] if rule.get("craft") else []
        districts = [rule["district"]] if rule.get("district") else []
        body = _text(rec.get("summary"), _rich(rec, "body"))
    elif type_ == "story":
        crafts = list(rec.get("crafts", []))
        makers = [catalog.get("artisan", k, locale) for k in rec.get("artisans", [])]
        districts = sorted({m["district"] for m in makers if m})
        body = _text(rec.get("summary"), _rich(rec, "body"), rec.get("author"),
                     [m["name"] for m in makers if m])
    elif type_ == "campaign":
        stops = [s for b in rec.get("blocks", []) for s in b.get("stops", [])]
        crafts = sorted({c for s in stops for c in s.get("crafts", [])})
        districts = sorted({s["district"] for s in stops if s.get("district")})
        body = _text(rec.get("summary"), rec.get("location"), rec.get("organizer"), _blocks_text(rec))
    image = _first_image(rec)
    return SearchDoc(
        type=type_, key=rec["translation_key"], locale=locale, url="/" + urls.record(rec), title=title,
        fields={
            "title": title,
            "craft": _text(_craft_text(catalog, crafts, locale),
                           rec.get("aliases") if type_ == "craft" else None),
            "district": _text(_district_text(catalog, districts, locale),
                              _other_names(catalog, rec) if type_ == "district" else None),
            "body": body,
        },
        crafts=crafts, districts=districts, price=price,
        thumb=thumbnail(image) if (thumbnail and image) else None,
    )


def sort_key(doc: SearchDoc) -> tuple:
    """Document order: by type (crafts and districts first, so they win ties), craft, district, key.

    Grouping similar pages also puts the hits of a query in few result-store files.
    """
    return (SEARCH_TYPES.index(doc.type), doc.crafts[:1], doc.districts[:1], doc.key,
            LOCALES.index(doc.locale))


def stands_in(ids: Iterable[tuple[str, str, str]]) -> list[tuple[str, ...]]:
    """For each document, given as (type, key, locale) in document order: the other languages whose
    search page shows it in place of a translation the thing lacks (``catalog.shown_locale``, as every
    list page chooses), in ``LOCALES`` order. A Hindi buyer's search thus finds a product that exists
    only in English, as the Hindi product list shows it; a thing that has a Hindi version is found in
    Hindi only. A pure function of which versions exist: the export computes it afresh every time.
    """
    ids = list(ids)
    versions: dict[tuple[str, str], str] = {}
    for type_, key, locale in ids:  # each thing's languages, as one string ("en", "enhi"): cheap to compare
        thing = (type_, key)
        versions[thing] = versions.get(thing, "") + locale + " "
    answers: dict[tuple[str, str], tuple[str, ...]] = {}  # few distinct (languages, language) pairs
    out = []
    for type_, key, locale in ids:
        have = versions[(type_, key)]
        found = answers.get((have, locale))
        if found is None:
            codes = have.split()
            found = answers[(have, locale)] = tuple(
                loc for loc in LOCALES if loc not in codes and shown_locale(codes, loc) == locale)
        out.append(found)
    return out


def catalog_documents(catalog: Catalog, thumbnail: Thumbnail | None = None) -> list[SearchDoc]:
    """Every search document of the catalog, in document order."""
    docs = [record_document(catalog, rec, thumbnail)
            for rec in catalog.iter_records() if rec["type"] in SEARCH_TYPES]
    return sorted(docs, key=sort_key)


# -- aliases ----------------------------------------------------------------------------------------

def default_alias_file() -> Path:
    """``content/search/aliases.json`` of the repository: materials, places and common words."""
    return Path(__file__).resolve().parents[3] / "content" / "search" / "aliases.json"


def alias_groups(catalog: Catalog, alias_file: Path | None = None) -> dict[str, list[str]]:
    """Alias group id -> member phrases (any script), from crafts, districts and the alias file.

    A craft's or district's names in every locale, its slug and its ``aliases`` form one group, so
    "sozani", "सोज़नी" and "سوزنی" all find pages about sozni in any language. The file
    (``content/search/aliases.json``, kept with the content) adds materials, places and common words.
    """
    groups: dict[str, list[str]] = {}
    for type_, prefix in (("craft", "c."), ("district", "d.")):
        for key in catalog.keys(type_):
            members = [key.replace("-", " ")]
            for loc in sorted(catalog.versions(type_, key)):
                rec = catalog.versions(type_, key)[loc]
                members += [rec.get("name", ""), *rec.get("aliases", [])]
            groups[prefix + key] = members
    path = alias_file if alias_file is not None else default_alias_file()
    if path.exists():
        data = json.loads(path.read_text(encoding="utf-8"))
        for i, members in enumerate(data.get("groups", [])):
            groups[f"a.{i}"] = list(members)
    return groups


def alias_phrases(groups: dict[str, list[str]]) -> dict[tuple[str, ...], list[str]]:
    """Analysed member phrase (tuple of main terms) -> sorted group ids."""
    out: dict[tuple[str, ...], set[str]] = {}
    for gid, members in groups.items():
        for member in members:
            phrase = tuple(analysis.terms(member))
            if phrase:
                out.setdefault(phrase, set()).add(gid)
    return {k: sorted(v) for k, v in sorted(out.items())}


def match_aliases(terms: list[str], phrases: dict[tuple[str, ...], list[str]], longest: int) -> list[str]:
    """Group ids of every alias phrase occurring in a sequence of main terms (sorted, unique)."""
    found: set[str] = set()
    for i in range(len(terms)):
        for n in range(1, min(longest, len(terms) - i) + 1):
            gids = phrases.get(tuple(terms[i:i + n]))
            if gids:
                found.update(gids)
    return sorted(found)


class AliasMatcher:
    """``match_aliases`` for many term sequences: only positions holding a phrase's first word are tried.

    Most words start no alias phrase, so this is one set lookup per term instead of ``longest`` tuple
    lookups; the groups found are exactly those of ``match_aliases``.
    """

    def __init__(self, phrases: dict[tuple[str, ...], list[str]]) -> None:
        self.phrases = phrases
        self.longest = max((len(p) for p in phrases), default=1)
        lengths: dict[str, set[int]] = {}
        for p in phrases:
            lengths.setdefault(p[0], set()).add(len(p))
        # first word -> (one-word groups, lengths of the longer phrases it starts)
        self.first = {w: (phrases.get((w,), ()), sorted(n for n in ns if n > 1)) for w, ns in lengths.items()}

    def groups(self, terms: list[str], found: set[str]) -> None:
        """Add to ``found`` the group ids of every alias phrase occurring in ``terms``."""
        first, phrases, count = self.first, self.phrases, len(terms)
        if first.keys().isdisjoint(terms):
            return
        for i, term in enumerate(terms):
            hit = first.get(term)
            if hit is not None:
                found.update(hit[0])
                for n in hit[1]:
                    if i + n <= count:
                        gids = phrases.get(tuple(terms[i:i + n]))
                        if gids:
                            found.update(gids)


class ReadLog:
    """A catalog seen through ``get`` only, remembering what was read: the inputs of a search document.

    ``record_document`` reads other records (craft and district names, a product's maker) only through
    ``catalog.get``; the record ids it read, with their content hashes, decide whether a cached
    document is still valid (see ``corpus``).
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.read: list[tuple[str, str, str]] = []

    def get(self, type_: str, key: str, locale: str) -> Record | None:
        self.read.append((type_, key, locale))
        return self.catalog.get(type_, key, locale)


def first_image(rec: Record) -> dict | None:
    """The image a search result shows for ``rec`` (portrait, hero, image, or the first of images)."""
    return _first_image(rec)


def default_locale_name(catalog: Catalog, type_: str, key: str) -> str:
    return _name(catalog, type_, key, DEFAULT_LOCALE)
