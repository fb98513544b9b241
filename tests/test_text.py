"""Text that must never reach a page (issue 18, item 5), through the real `chinar check` and `chinar build`.

A control character or a text of only spaces is refused with the file and JSON pointer; bidi controls
are removed and text is NFC before anything is rendered; an over-long value is quoted cut short.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from chinar.build import build
from chinar.cli import main
from chinar.text import excerpt, shorten

ARTISAN = "artisans/shazia-akhter.en.json"
PRODUCT = "products/sozni-stole.en.json"
CRAFT_UR = "crafts/sozni.ur.json"


def edit(content: Path, rel: str, **fields) -> None:
    path = content / rel
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(fields)
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")  # \u escapes: NUL survives JSON


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def failed_build(content: Path, out: Path, cache: Path, capsys) -> str:
    """`chinar check` and `chinar build` both fail; the build leaves the output as it was. Their stderr."""
    before = tree(out)
    assert main(["check", "--content", str(content)]) == 1
    checked = capsys.readouterr()
    assert main(["build", "--content", str(content), "--output", str(out), "--cache", str(cache)]) == 1
    built = capsys.readouterr()
    assert tree(out) == before
    return checked.out + checked.err + built.out + built.err


@pytest.fixture
def built(tiny_content: Path, tmp_path: Path, image_cache: Path) -> Path:
    out = tmp_path / "out"
    build(tiny_content, out, cache_dir=image_cache)
    return out


def test_a_nul_in_a_name_is_refused_with_file_and_pointer(tiny_content, built, image_cache, capsys):
    edit(tiny_content, ARTISAN, name="Shazia\u0000 Akhter")
    err = failed_build(tiny_content, built, image_cache, capsys)
    assert f"{ARTISAN}#/name: contains an invisible control character (U+0000 NUL) at position 7" in err


def test_control_characters_anywhere_are_refused(tiny_content, built, image_cache, capsys):
    edit(tiny_content, PRODUCT, materials=["pashmina", "silk\u0007thread"], description="<p>bad\u001bescape</p>")
    err = failed_build(tiny_content, built, image_cache, capsys)
    assert f"{PRODUCT}#/materials/1: contains an invisible control character (U+0007" in err
    assert f"{PRODUCT}#/description: contains an invisible control character (U+001B" in err


@pytest.mark.parametrize("blank", ["   ", "\u00a0\t", "\u202e  "])
def test_a_name_of_only_spaces_is_refused(tiny_content, built, image_cache, capsys, blank):
    edit(tiny_content, ARTISAN, name=blank)
    err = failed_build(tiny_content, built, image_cache, capsys)
    assert f"{ARTISAN}#/name: must not be empty or only spaces" in err


def test_blank_alt_text_is_refused(tiny_content, built, image_cache, capsys):
    data = json.loads((tiny_content / ARTISAN).read_text(encoding="utf-8"))
    data["portrait"]["alt"] = "  "
    edit(tiny_content, ARTISAN, portrait=data["portrait"])
    err = failed_build(tiny_content, built, image_cache, capsys)
    assert f"{ARTISAN}#/portrait/alt: must not be empty or only spaces" in err


def test_an_over_long_value_is_quoted_short(tiny_content, built, image_cache, capsys):
    edit(tiny_content, ARTISAN, name="x" * 12_000)
    err = failed_build(tiny_content, built, image_cache, capsys)
    line = next(x for x in err.splitlines() if f"{ARTISAN}#/name" in x)
    assert "is 12,000 characters long; at most 2,000 are allowed" in line
    assert len(line) < 250 and "x" * 100 not in err


def test_bidi_controls_are_removed_and_text_is_nfc_on_every_page(tiny_content, tmp_path, image_cache):
    ur = json.loads((tiny_content / CRAFT_UR).read_text(encoding="utf-8"))
    # An override that would turn the title around, and an embedding left open, in the Urdu craft name;
    # the English artisan's name typed decomposed (e + combining acute).
    edit(tiny_content, CRAFT_UR, name="\u202e" + ur["name"] + "\u202b Sozni")
    edit(tiny_content, ARTISAN, name="Shazia Ake\u0301hter \u2067Akhter\u2069")
    out = tmp_path / "out"
    build(tiny_content, out, cache_dir=image_cache)
    bidi = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
    texts = {rel: data.decode("utf-8") for rel, data in tree(out).items()
             if rel.endswith((".html", ".xml", ".json", ".txt"))}
    assert texts
    for rel, page in texts.items():
        assert not bidi & set(page), rel
        assert "e\u0301" not in page, rel
    craft_page = texts["ur/crafts/sozni/index.html"]
    assert f"<h1>{ur['name']} Sozni</h1>" in craft_page or f">{ur['name']} Sozni<" in craft_page
    assert unicodedata.normalize("NFC", "Shazia Ake\u0301hter Akhter") in texts["artisans/shazia-akhter/index.html"]


def test_excerpt_cuts_at_a_word_with_an_ellipsis():
    text = "Pashmina is spun by hand, and woven on a wooden loom."
    assert excerpt(text, 100) == text
    assert excerpt(text, 27) == "Pashmina is spun by hand…"  # the comma before the cut goes too
    assert excerpt(text, 30) == "Pashmina is spun by hand, and…"
    hindi = "कश्मीर की पश्मीना शॉल हाथ से बुनी जाती है।"
    assert excerpt(hindi, 20) == "कश्मीर की पश्मीना…"
    urdu = "کشمیر کی پشمینہ شال ہاتھ سے بُنی جاتی ہے۔"
    cut = excerpt(urdu, 20)
    assert cut.endswith("…") and urdu.startswith(cut[:-1]) and urdu[len(cut) - 1] == " "
    # One long word: cut between characters, never between a letter and its vowel sign or virama.
    word = "पश्मीना" * 10
    cut = excerpt(word, 12)
    assert len(cut) <= 12 and unicodedata.category(word[len(cut) - 1])[0] != "M"


def test_shorten_says_how_long_the_whole_was():
    assert shorten("short") == "'short'"
    long = shorten("y" * 12_000)
    assert long.endswith("… (12,000 characters)") and len(long) < 100
