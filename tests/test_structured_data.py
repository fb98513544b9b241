"""JSON-LD on each page type parses and carries the schema.org properties buyers' search engines use."""

from __future__ import annotations

from pathlib import Path

from sites import page

BASE = "https://chinar.example.in"


def data(site: Path, url: str) -> dict[str, dict]:
    return {d["@type"]: d for d in page(site, url).jsonld}


def test_every_page_has_breadcrumbs(tiny_site: Path) -> None:
    for url in ["/", "/crafts/", "/crafts/sozni/", "/hi/artisans/shazia-akhter/", "/search/"]:
        crumbs = data(tiny_site, url)["BreadcrumbList"]["itemListElement"]
        assert crumbs[0]["item"] == BASE + ("/hi/" if url.startswith("/hi/") else "/")
        assert [c["position"] for c in crumbs] == list(range(1, len(crumbs) + 1))
    crumbs = data(tiny_site, "/products/sozni-stole/")["BreadcrumbList"]["itemListElement"]
    assert [c["item"] for c in crumbs] == [f"{BASE}/", f"{BASE}/products/", f"{BASE}/products/sozni-stole/"]


def test_artisan_is_a_person_located_by_district_only(tiny_site: Path) -> None:
    person = data(tiny_site, "/artisans/shazia-akhter/")["Person"]
    assert person["name"] == "Shazia Akhter"
    assert person["homeLocation"]["address"] == {"@type": "PostalAddress", "addressRegion": "Srinagar",
                                                 "addressCountry": "IN"}
    assert person["knowsAbout"] == ["Sozni embroidery"]
    assert person["image"].startswith(BASE + "/img/") and person["image"].endswith(".jpg")
    hindi = data(tiny_site, "/hi/artisans/shazia-akhter/")["Person"]
    assert hindi["name"] == "शाज़िया अख़्तर" and hindi["homeLocation"]["address"]["addressRegion"] == "श्रीनगर"


def test_product_with_offers(tiny_site: Path) -> None:
    product = data(tiny_site, "/products/sozni-stole/")["Product"]
    assert product["name"] == "Sozni pashmina stole, paisley border"
    assert product["manufacturer"] == {"@type": "Person", "name": "Shazia Akhter"}
    assert product["additionalProperty"][0]["value"] == "40817263"
    offers = product["offers"]
    assert [o["availability"] for o in offers] == ["https://schema.org/InStock", "https://schema.org/OutOfStock"]
    assert {o["priceCurrency"] for o in offers} == {"INR"} and offers[0]["price"] == "18500"
    assert offers[0]["url"].startswith("https://www.flipkart.com/sozni-pashmina-stole/p/itm0001?pid=STLG0001&utm_")


def test_collection_page_lists_its_items_in_order(tiny_site: Path) -> None:
    page_ = data(tiny_site, "/collections/winter-gifts/")["CollectionPage"]
    items = page_["mainEntity"]["itemListElement"]
    assert [(i["position"], i["url"]) for i in items] == [(1, f"{BASE}/products/sozni-stole/"),
                                                          (2, f"{BASE}/artisans/shazia-akhter/")]


def test_story_is_an_article(tiny_site: Path) -> None:
    article = data(tiny_site, "/stories/a-needle-and-a-winter/")["Article"]
    assert article["headline"] == "A needle and a winter"
    assert article["datePublished"] == "2026-02-10" and article["dateModified"] == "2026-02-10"
    assert article["about"] == [{"@type": "Person", "name": "Shazia Akhter"}]


def test_campaign_is_an_event_with_dates(tiny_site: Path) -> None:
    event = data(tiny_site, "/campaigns/winter-craft-trail/")["Event"]
    assert (event["startDate"], event["endDate"]) == ("2026-12-01", "2027-01-31")
    assert event["organizer"]["name"] == "J&K Handlooms & Handicrafts Corporation"


def test_link_preview_image_is_absolute_with_size(tiny_site: Path) -> None:
    from PIL import Image

    html = (tiny_site / "crafts/sozni/index.html").read_text()
    assert '<meta property="og:image:width" content="1200">' in html
    assert '<meta property="og:image:height" content="630">' in html
    url = html.split('<meta property="og:image" content="')[1].split('"')[0]
    assert url.startswith(BASE + "/img/")
    path = tiny_site / url.removeprefix(BASE + "/")
    assert path.stat().st_size < 300_000
    with Image.open(path) as im:
        assert (im.format, im.size) == ("JPEG", (1200, 630))


def test_content_cannot_break_out_of_the_json_ld_block(tiny_content: Path, tmp_path: Path, image_cache) -> None:
    import json

    from chinar.build import build

    path = tiny_content / "stories/a-needle-and-a-winter.en.json"
    story = json.loads(path.read_text())
    story["title"] = "Threads </script><script>alert(1)</script>"
    path.write_text(json.dumps(story))
    build(tiny_content, tmp_path / "out", BASE, cache_dir=image_cache)
    html = (tmp_path / "out/stories/a-needle-and-a-winter/index.html").read_text()
    assert "<script>alert(1)" not in html
    article = {d["@type"]: d for d in page(tmp_path / "out", "/stories/a-needle-and-a-winter/").jsonld}["Article"]
    assert article["headline"] == story["title"]


def test_json_ld_text_is_what_the_json_module_writes() -> None:
    """``jsonld.dumps`` (orjson) writes, byte for byte, the compact key-sorted UTF-8 JSON the json module
    writes, then escapes ``< > &``: the pages do not depend on which library made the text."""
    import json
    import random

    from chinar import jsonld

    def reference(data) -> str:
        text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    rng = random.Random(7)
    pieces = ["Pashmina", "कानी शॉल", "سوزنی کاری", "ग़ालीचा", "Tom & Jerry", "</script><b>", "a\"b\\c", "tab\there",
              "line\nbreak", "\r", "\x00\x01\x1f\x7f", "\u2028\u2029", "😀", "\ufeff", "", " ", "₹1,25,000"]
    values = [0, 1, -5, 125000, 2**53, 3.5, 0.1, -0.0, 1e21, True, False, None]
    for _ in range(500):
        data = {}
        for _ in range(rng.randint(0, 6)):
            key = rng.choice(pieces + ["@type", "name", "offers", "b", "B", "é"])
            roll = rng.random()
            if roll < 0.4:
                data[key] = rng.choice(pieces) + rng.choice(pieces)
            elif roll < 0.6:
                data[key] = rng.choice(values)
            elif roll < 0.8:
                data[key] = [rng.choice(pieces), rng.choice(values), {"@type": "Offer", "price": rng.choice(pieces)}]
            else:
                data[key] = {"x": rng.choice(pieces), "y": [rng.choice(values)]}
        assert jsonld.dumps(data) == reference(data), data
    for page_data in ([{"@type": "ListItem", "position": 1}], {"@context": "https://schema.org"}):
        assert jsonld.dumps(page_data) == reference(page_data)
