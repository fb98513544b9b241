"""The shipped demo catalog in content/ loads cleanly and is big enough to show every page type.

These tests read the real catalog (no fixtures): if someone edits content/ or regenerates it with
scripts/make_demo_catalog.py and breaks the contract or the promised coverage, they fail.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from chinar.catalog import Catalog
from chinar.content import load_catalog

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
REFERENCE = ROOT.parent / "shared" / "reference" / "jk-crafts.md"

DISTRICTS = {
    "Jammu": {"jammu", "samba", "kathua", "udhampur", "reasi", "rajouri", "poonch", "doda", "ramban",
              "kishtwar"},
    "Kashmir": {"srinagar", "budgam", "ganderbal", "anantnag", "kulgam", "pulwama", "shopian", "baramulla",
                "bandipora", "kupwara"},
}
# Every GI craft named in the reference (jk-crafts.md), as a catalog key.
GI_CRAFTS = {
    "pashmina": 2008, "kani": 2008, "sozni": 2008, "papier-mache": 2011, "walnut-wood-carving": 2012,
    "khatamband": 2012, "hand-knotted-carpet": 2016, "namda": 2025, "gabba": 2025, "crewel": 2025,
    "chain-stitch": 2025, "kashmir-tweed": 2025, "willow-cricket-bat": 2025, "shikara": 2025, "wagguv": 2025,
    "basohli-painting": 2023, "basohli-pashmina": 2023, "chikri-wood-craft": 2023,
}
BLOCK_TYPES = {"text", "featured_artisans", "featured_collection", "craft_trail", "call_to_action"}
PERSONAL = re.compile(r"\b(phone|mobile|whatsapp|e-?mail|@|aadhaar|ifsc|upi|pincode|village|street)\b", re.I)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(CONTENT)  # raises ContentError listing every problem


def locales(catalog: Catalog, type_: str, key: str) -> set[str]:
    return set(catalog.versions(type_, key))


def test_the_tables_here_are_the_references(catalog: Catalog) -> None:
    """DISTRICTS and GI_CRAFTS say what shared/reference/jk-crafts.md says (when the reference is there: it
    lives beside the repository, not in it), and BLOCK_TYPES is every block type the campaign schema has."""
    schema = json.loads((CONTENT / "schemas" / "campaign.schema.json").read_text(encoding="utf-8"))
    consts = re.findall(r'"type": \{"const": "([a-z_]+)"\}', json.dumps(schema))
    assert set(consts) - {"campaign"} == BLOCK_TYPES  # the record's own type, and each block's
    if not REFERENCE.exists():
        return
    text = REFERENCE.read_text(encoding="utf-8")
    for division, keys in DISTRICTS.items():
        line = re.search(rf"^- {division} division: (.+)$", text, re.M).group(1)
        assert {name.strip().lower() for name in line.split(",")} == keys
    rows = re.findall(r"^\| (.+?) \| .+? \| ~?(?:\d{4}-)?(\d{2,4}) \|", text, re.M)
    years = {}  # reference name, folded to ASCII words -> year
    for names, year in rows:
        for name in names.split(","):
            plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
            years[re.sub(r"[^a-z]+", " ", plain).strip()] = int(year) if len(year) == 4 else 2000 + int(year)
    named = {key: next(y for n, y in years.items() if key.replace("-", " ") in n) for key in GI_CRAFTS}
    assert named == GI_CRAFTS


def test_every_district_in_three_languages(catalog: Catalog) -> None:
    assert set(catalog.keys("district")) == DISTRICTS["Jammu"] | DISTRICTS["Kashmir"]
    for division, keys in DISTRICTS.items():
        for key in keys:
            assert locales(catalog, "district", key) == {"en", "hi", "ur"}, key
            assert catalog.get("district", key, "en")["division"] == division


def test_every_gi_craft_from_the_reference_in_three_languages(catalog: Catalog) -> None:
    for key, year in GI_CRAFTS.items():
        assert locales(catalog, "craft", key) == {"en", "hi", "ur"}, key
        for rec in catalog.versions("craft", key).values():
            assert rec["gi"]["registered"] is True and rec["gi"]["year"] == year, key
            assert rec["aliases"] and rec["authenticity"], key
    without_gi = [k for k in catalog.keys("craft") if not catalog.get("craft", k, "en")["gi"]["registered"]]
    assert len(without_gi) >= 5


def test_gi_application_numbers_match_the_reference(catalog: Catalog) -> None:
    text = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else ""
    expected = {"pashmina": "46", "sozni": "48", "papier-mache": "181", "walnut-wood-carving": "182",
                "khatamband": "204", "hand-knotted-carpet": "527", "crewel": "1047"}
    for key, number in expected.items():
        assert catalog.get("craft", key, "en")["gi"]["application_no"] == number
        if text:
            assert number in text


def test_craft_aliases_cover_three_scripts(catalog: Catalog) -> None:
    for key in catalog.keys("craft"):
        aliases = " ".join(catalog.get("craft", key, "en")["aliases"])
        assert re.search(r"[a-z]", aliases), key
        assert re.search(r"[\u0900-\u097f]", aliases), f"{key}: no Devanagari alias"
        assert re.search(r"[\u0600-\u06ff]", aliases), f"{key}: no Arabic-script alias"


def test_artisans_spread_across_districts_with_translations(catalog: Catalog) -> None:
    keys = catalog.keys("artisan")
    assert len(keys) >= 60
    assert len({catalog.get("artisan", k, "en")["district"] for k in keys}) >= 12
    assert all(locales(catalog, "artisan", k) == {"en", "hi", "ur"} for k in keys)  # every profile, three languages
    english = [catalog.get("artisan", k, "en") for k in keys]
    assert sum("women-led" in a.get("flags", []) for a in english) >= 10
    assert sum(bool(a.get("featured")) for a in english) >= 5
    assert any(a.get("awards") for a in english) and any(a.get("cooperative") for a in english)


SCRIPT = {"hi": re.compile(r"[\u0900-\u097f]"), "ur": re.compile(r"[\u0600-\u06ff]")}
# Prose that is not in its language: a Latin word (two letters or more), or the other language's script.
FOREIGN = {"hi": re.compile(r"[A-Za-z]{2,}|[\u0600-\u06ff]"), "ur": re.compile(r"[A-Za-z]{2,}|[\u0900-\u097f]")}


def prose(rec: dict, *fields: str) -> list[str]:
    """The text of ``fields`` of ``rec`` (lists and image alt texts included), markup removed."""
    out = []
    for field in fields:
        value = rec.get(field)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, dict):
                v = v.get("alt")
            if v:
                out.append(re.sub(r"<[^>]+>", " ", v))
    return out


def assert_written_in(rec: dict, locale: str, *fields: str) -> None:
    """Every field is written in the script of ``locale`` (hi: Devanagari, ur: Arabic), none in English."""
    for text in prose(rec, *fields):
        assert SCRIPT[locale].search(text), (rec.get("id", rec.get("type")), text)
        assert not FOREIGN[locale].search(text), (rec.get("id", rec.get("type")), text)


def test_translated_artisans_are_written_in_their_script(catalog: Catalog) -> None:
    for key in catalog.keys("artisan"):
        for locale, rec in catalog.versions("artisan", key).items():
            if locale in SCRIPT:
                assert_written_in(rec, locale, "name", "bio", "languages", "cooperative")
                assert_written_in(rec, locale, *(f for f in ("portrait", "gallery") if f in rec))
                for award in rec.get("awards", []):
                    assert SCRIPT[locale].search(award["name"]) and not FOREIGN[locale].search(award["name"]), key


def test_artisan_prose_carries_no_contact_or_address_details(catalog: Catalog) -> None:
    for key in catalog.keys("artisan"):
        for rec in catalog.versions("artisan", key).values():
            assert not PERSONAL.search(rec["bio"]), key
            assert not re.search(r"\d{6,}", rec["bio"]), key  # no phone, PIN or account numbers


def test_products_have_https_listings(catalog: Catalog) -> None:
    keys = catalog.keys("product")
    assert len(keys) >= 150
    availability = set()
    for key in keys:
        rec = catalog.get("product", key, "en")
        assert 1 <= len(rec["images"]) <= 3 and 1 <= len(rec["listings"]) <= 3, key
        for listing in rec["listings"]:
            assert listing["url"].startswith("https://"), key
            assert listing["last_checked"].startswith("2026-"), key
            availability.add(listing["availability"])
    assert availability == {"in_stock", "out_of_stock", "preorder", "discontinued"}
    english = [catalog.get("product", k, "en") for k in keys]
    assert sum("gi_label_code" in p for p in english) >= 20
    assert sum(lst.get("programme") == "Samarth" for p in english for lst in p["listings"]) >= 100


def test_a_third_of_the_products_in_hindi_and_urdu(catalog: Catalog) -> None:
    """The coverage promise (issue 19): at least a third of the products have Hindi and Urdu versions,
    and every artisan, and every craft that has products, has some of them."""
    keys = catalog.keys("product")
    both = [k for k in keys if {"hi", "ur"} <= locales(catalog, "product", k)]
    assert 3 * len(both) >= len(keys)
    english = {k: catalog.get("product", k, "en") for k in keys}
    assert {english[k]["artisan"] for k in both} == set(catalog.keys("artisan"))
    assert {english[k]["craft"] for k in both} == {p["craft"] for p in english.values()}
    assert {p["craft"] for p in english.values()} == set(catalog.keys("craft"))  # every craft has products


def test_translated_products_are_written_in_their_script(catalog: Catalog) -> None:
    """Title, description, materials and image alt texts of a Hindi or Urdu product are in its script,
    not English left in place; the facts that are not words (listings, dimensions, images) are the
    English version's."""
    for key in catalog.keys("product"):
        en = catalog.get("product", key, "en")
        for locale, rec in catalog.versions("product", key).items():
            if locale in SCRIPT:
                assert_written_in(rec, locale, "title", "description", "materials", "images")
                assert rec["listings"] == en["listings"] and rec["dimensions"] == en["dimensions"], (key, locale)
                assert [i["src"] for i in rec["images"]] == [i["src"] for i in en["images"]], (key, locale)
                assert not PERSONAL.search(rec["description"]), (key, locale)


def test_collections_stories_and_campaigns_in_three_languages(catalog: Catalog) -> None:
    for type_, fields in (("collection", ("title", "summary", "body", "hero")),
                          ("story", ("title", "author", "summary", "body", "hero")),
                          ("campaign", ("title", "summary", "hero", "location", "organizer"))):
        for key in catalog.keys(type_):
            assert locales(catalog, type_, key) == {"en", "hi", "ur"}, key
            for locale in SCRIPT:
                rec = catalog.get(type_, key, locale)
                assert_written_in(rec, locale, *fields)
                for block in rec.get("blocks", []):
                    assert_written_in(block, locale, "title", "body", "text", "label")
                    assert_written_in({"notes": [stop["note"] for stop in block.get("stops", [])]}, locale, "notes")


def test_collections_stories_campaigns_and_pages(catalog: Catalog) -> None:
    collections = [catalog.get("collection", k, "en") for k in catalog.keys("collection")]
    assert len(collections) >= 6
    assert any("items" in c for c in collections) and any("rule" in c for c in collections)
    assert any(c.get("featured") for c in collections)

    stories = catalog.keys("story")
    assert len(stories) >= 8

    campaigns = catalog.keys("campaign")
    assert len(campaigns) >= 2
    used = {b["type"] for k in campaigns for b in catalog.get("campaign", k, "en")["blocks"]}
    assert used == BLOCK_TYPES

    for page in ("about", "contact", "how-to-verify-gi"):
        assert locales(catalog, "page", page) == {"en", "hi", "ur"}


def test_some_records_were_renamed(catalog: Catalog) -> None:
    renamed = {rec["type"] for rec in catalog.iter_records() if rec.get("old_slugs")}
    assert {"craft", "artisan", "product", "story"} <= renamed


def test_media_has_no_unreferenced_files(catalog: Catalog) -> None:
    from chinar.validate import images

    referenced = {img["src"] for rec in catalog.iter_records() for _, img in images(rec)}
    media = CONTENT / "media"
    on_disk = {p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file()}
    assert on_disk == referenced
    assert sum((media / s).stat().st_size for s in on_disk) < 25_000_000
