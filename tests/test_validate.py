"""The content contract: schema validation, references, privacy and the error messages editors see."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from catalogs import TINY
from chinar.cli import main
from chinar.content import load_catalog
from chinar.errors import ContentError

PRODUCT = "products/sozni-stole.en.json"
ARTISAN = "artisans/shazia-akhter.en.json"


def edit(content: Path, rel: str, change) -> None:
    path = content / rel
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def problems(content: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(ContentError) as info:
        load_catalog(content)
    return [(p.file, p.pointer, p.message) for p in info.value.problems]


def test_good_catalog_loads_with_every_locale_version(tiny_content: Path) -> None:
    catalog = load_catalog(tiny_content)
    assert sorted(catalog.versions("craft", "sozni")) == ["en", "hi", "ur"]
    assert catalog.get("craft", "sozni", "ur")["name"] == "سوزنی کڑھائی"
    # Hindi falls back to English where a record has no Hindi version.
    assert catalog.get("product", "sozni-stole", "hi")["locale"] == "en"
    assert catalog.get("product", "sozni-stole", "hi", fallback=False) is None


def test_rich_text_is_sanitised_on_read(tiny_content: Path) -> None:
    edit(tiny_content, ARTISAN, lambda d: d.update(
        bio='<p onclick="steal()">Hi <a href="javascript:alert(1)">x</a><script>alert(1)</script>'
            '<img src=x onerror=alert(1)><strong>ok</strong></p>'))
    bio = load_catalog(tiny_content).get("artisan", "shazia-akhter", "en")["bio"]
    assert "script" not in bio and "onclick" not in bio and "javascript:" not in bio and "onerror" not in bio
    assert "<strong>ok</strong>" in bio


def test_malformed_json_names_file_and_line(tiny_content: Path) -> None:
    (tiny_content / PRODUCT).write_text('{"type": "product",\n "title": }', encoding="utf-8")
    [(file, pointer, message)] = problems(tiny_content)
    assert file == PRODUCT and "malformed JSON" in message and "line 2" in message


def test_record_failing_its_schema_names_the_field(tiny_content: Path) -> None:
    edit(tiny_content, PRODUCT, lambda d: (d.pop("title"), d["listings"][0].update(price_inr="lots")))
    found = problems(tiny_content)
    assert (PRODUCT, "/title", "required field 'title' is missing") in found
    assert any(f == PRODUCT and p == "/listings/0/price_inr" for f, p, _ in found)


def test_dangling_reference(tiny_content: Path) -> None:
    edit(tiny_content, PRODUCT, lambda d: d.update(artisan="nobody-here"))
    assert problems(tiny_content) == [(PRODUCT, "/artisan", "refers to artisan 'nobody-here', which does not exist")]


def test_collection_and_campaign_references_resolve(tiny_content: Path) -> None:
    edit(tiny_content, "campaigns/winter-craft-trail.en.json",
         lambda d: d["blocks"][3]["stops"][1].update(district="atlantis"))
    edit(tiny_content, "collections/winter-gifts.en.json", lambda d: d["items"][0].update(ref="gone"))
    found = {(f, p) for f, p, _ in problems(tiny_content)}
    assert found == {("campaigns/winter-craft-trail.en.json", "/blocks/3/stops/1/district"),
                     ("collections/winter-gifts.en.json", "/items/0/ref")}


def test_missing_image_file(tiny_content: Path) -> None:
    (tiny_content / "media/products/sozni-stole.jpg").unlink()
    assert problems(tiny_content) == [
        (PRODUCT, "/images/0/src", "image file media/products/sozni-stole.jpg does not exist")]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "http://www.flipkart.com/x", "ftp://x.example/y",
                                 "https://", "//evil.example/x"])
def test_listing_url_must_be_https(tiny_content: Path, url: str) -> None:
    edit(tiny_content, PRODUCT, lambda d: d["listings"][0].update(url=url))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == (PRODUCT, "/listings/0/url")
    assert "must start with https://" in message


@pytest.mark.parametrize("slug", ["../../etc", "a/b", "..", "Upper", "with space", "trailing-"])
def test_unsafe_slug(tiny_content: Path, slug: str) -> None:
    edit(tiny_content, PRODUCT, lambda d: d.update(slug=slug))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == (PRODUCT, "/slug") and "no '/', '..'" in message


def test_duplicate_slug(tiny_content: Path) -> None:
    edit(tiny_content, "collections/under-20000.en.json", lambda d: d.update(slug="winter-gifts"))
    found = problems(tiny_content)
    assert len(found) == 1 and found[0][1] == "/slug" and "already used by" in found[0][2]


def test_two_districts_on_one_map_tile(tiny_content: Path) -> None:
    edit(tiny_content, "districts/srinagar.en.json", lambda d: d.update(map={"col": 3, "row": 6}))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == ("districts/srinagar.en.json", "/map")
    assert message == "map tile (col 3, row 6) is already Kathua's (districts/kathua.en.json)"


def test_a_map_tile_must_be_whole_numbers_in_the_grid(tiny_content: Path) -> None:
    edit(tiny_content, "districts/kathua.en.json", lambda d: d.update(map={"col": 3}))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == ("districts/kathua.en.json", "/map/row") and "missing" in message
    edit(tiny_content, "districts/kathua.en.json", lambda d: d.update(map={"col": -1, "row": 6}))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == ("districts/kathua.en.json", "/map/col") and "-1" in message


def test_unknown_locale(tiny_content: Path) -> None:
    src = tiny_content / "pages/about.en.json"
    data = json.loads(src.read_text())
    data.update(locale="fr", id="page-about-fr")
    (tiny_content / "pages/about.fr.json").write_text(json.dumps(data))
    expected = ("pages/about.fr.json", "/locale", "unknown locale 'fr' (expected one of en, hi, ur)")
    assert expected in problems(tiny_content)


@pytest.mark.parametrize("field", ["phone", "address", "village", "bank_account", "aadhaar", "upi"])
def test_personal_data_is_rejected(tiny_content: Path, field: str) -> None:
    edit(tiny_content, ARTISAN, lambda d: d.update({field: "9419000000"}))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == (ARTISAN, f"/{field}") and "personal data" in message


def test_personal_data_nested_is_rejected(tiny_content: Path) -> None:
    edit(tiny_content, ARTISAN, lambda d: d["portrait"].update(gps="34.08,74.79"))
    assert (ARTISAN, "/portrait/gps") in {(f, p) for f, p, _ in problems(tiny_content)}


def test_file_name_must_match_key_and_locale(tiny_content: Path) -> None:
    (tiny_content / PRODUCT).rename(tiny_content / "products/other-name.en.json")
    found = problems(tiny_content)
    assert found == [("products/other-name.en.json", "/translation_key",
                      "file name must be 'sozni-stole.en.json' (translation_key.locale.json)")]


def test_every_problem_is_reported_at_once(tiny_content: Path) -> None:
    edit(tiny_content, PRODUCT, lambda d: d["listings"][0].update(url="http://x.example"))
    edit(tiny_content, ARTISAN, lambda d: d.update(district="nowhere"))
    assert len(problems(tiny_content)) == 2


def test_check_command_exit_status(tiny_content: Path, capsys) -> None:
    assert main(["check", "--content", str(tiny_content)]) == 0
    assert "OK" in capsys.readouterr().out
    edit(tiny_content, PRODUCT, lambda d: d.update(artisan="ghost"))
    assert main(["check", "--content", str(tiny_content)]) == 1
    err = capsys.readouterr().err
    assert f"{PRODUCT}#/artisan: refers to artisan 'ghost'" in err


def test_large_catalog_reads_the_same_on_several_processes(tmp_path: Path) -> None:
    """Read on worker processes (as a catalog of thousands of files is): same records, same problems."""
    import sys

    from chinar.policy import FORK_ALWAYS, SERIAL, BuildPolicy

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=120, products=3)
    policies = {1: SERIAL, 2: BuildPolicy(cores=2, fork_min=FORK_ALWAYS)}
    artisan = content / "artisans" / "artisan-000007.en.json"
    data = json.loads(artisan.read_text(encoding="utf-8"))
    data["bio"] = '<p onclick="x()">Weaver <script>alert(1)</script>of कानी शॉल</p>'
    artisan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    one, two = load_catalog(content, policy=policies[1]), load_catalog(content, policy=policies[2])
    assert list(one.iter_records()) == list(two.iter_records())
    sanitised = two.get("artisan", "artisan-000007", "en")["bio"]
    assert "onclick" not in sanitised and "<script" not in sanitised and "कानी शॉल" in sanitised

    (content / "products" / "product-000011-1.en.json").write_text("{ not json", encoding="utf-8")
    data["phone"] = "+91 99999 00000"
    artisan.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = []
    for workers in (1, 2):
        with pytest.raises(ContentError) as info:
            load_catalog(content, policy=policies[workers])
        problems.append(sorted(info.value.problems))
    assert problems[0] == problems[1]
    assert {p.file for p in problems[0]} >= {"artisans/artisan-000007.en.json", "products/product-000011-1.en.json"}


def test_compiled_validators_are_kept_in_the_cache(tmp_path: Path, monkeypatch) -> None:
    import fastjsonschema

    from chinar import validate
    from chinar.record_types import schema_dir as default_schema_dir

    schemas = default_schema_dir()
    first = validate.validator_code(schemas, tmp_path)
    kept = list((tmp_path / "validators").glob("*.marshal"))
    assert len(kept) == 1

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again although the cache has the code")

    monkeypatch.setattr(fastjsonschema, "compile_to_code", no_compiling)
    assert validate.validator_code(schemas, tmp_path).keys() == first.keys()
    monkeypatch.undo()

    kept[0].write_bytes(b"not marshal data")  # a damaged cache file is made again
    again = validate.validator_code(schemas, tmp_path)
    assert again.keys() == first.keys() and kept[0].read_bytes() != b"not marshal data"

    changed = tmp_path / "schemas"  # another schema: another file, the old one removed
    changed.mkdir()
    for path in schemas.glob("*.schema.json"):
        (changed / path.name).write_bytes(path.read_bytes())
    product = json.loads((changed / "product.schema.json").read_text())
    product["description"] = "changed"
    (changed / "product.schema.json").write_text(json.dumps(product))
    validate.validator_code(changed, tmp_path)
    now = list((tmp_path / "validators").glob("*.marshal"))
    assert len(now) == 1 and now != kept

    # Code loaded from the cache checks records exactly as freshly compiled code does.
    monkeypatch.setattr(validate, "_FAST", {})
    good = json.loads((TINY / "products/sozni-stole.en.json").read_text())
    bad = {**good, "listings": [{**good["listings"][0], "price_inr": "a lot"}]}
    assert validate.validate_record(good, "product", "products/sozni-stole.en.json") == []
    problems = validate.validate_record(bad, "product", "products/sozni-stole.en.json")
    assert [p.pointer for p in problems] == ["/listings/0/price_inr"]


@pytest.mark.parametrize(("url", "reason"), [
    ("https://www.flipkart.com.evil.in/p/x", "is not Flipkart's"),
    ("https://evil.example/p/x", "is not Flipkart's"),
    ("https://user:pass@www.flipkart.com/p/x", "user name or password"),
    ("https://www.flipkart.com@evil.example/p/x", "user name or password"),
    ("https://www.flipkаrt.com/p/x", "non-ASCII"),  # Cyrillic 'а': an IDN homograph
    ("https://xn--flipkrt-8fg.com/p/x", "punycode"),
    ("https://www.flipkart.com:8443/p/x", "port"),
    ("https://emporium.jkhhc.example/products/x", "is not Flipkart's"),  # another marketplace's host
])
def test_listing_url_must_be_on_its_marketplace(tiny_content: Path, url: str, reason: str) -> None:
    edit(tiny_content, PRODUCT, lambda d: d["listings"][0].update(url=url))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == (PRODUCT, "/listings/0/url") and reason in message


def test_listing_marketplace_must_be_declared(tiny_content: Path) -> None:
    edit(tiny_content, PRODUCT, lambda d: d["listings"][0].update(marketplace="Flipcart"))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == (PRODUCT, "/listings/0/marketplace")
    assert "unknown marketplace 'Flipcart'" in message and "Flipkart" in message


def test_a_product_price_of_its_own_is_refused_with_the_reason(tiny_content: Path) -> None:
    edit(tiny_content, PRODUCT, lambda d: d.update(price_inr=18500))
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == (PRODUCT, "/price_inr") and "comes from its listings" in message


def test_an_old_snapshot_is_refused_with_what_changed(tiny_content: Path) -> None:
    (tiny_content / "manifest.json").write_text('{"schema_version": 1}')
    [(file, pointer, message)] = problems(tiny_content)
    assert (file, pointer) == ("manifest.json", "/schema_version")
    assert "schema_version 1 is not supported" in message and "chinar pull --full" in message
