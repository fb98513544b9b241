"""The static build: every page type in every locale, safe failure, determinism, site files."""

from __future__ import annotations

import gc
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sites import page, tree

import chinar.build
from catalogs import TINY
from chinar.build import build
from chinar.cli import main
from chinar.errors import ContentError
from chinar.job import BuildJob

# Each record version in the tiny catalog, with the URL its page must have.
RECORD_PAGES = [
    ("/districts/srinagar/", "en", "Srinagar"), ("/hi/districts/srinagar/", "hi", "श्रीनगर"),
    ("/ur/districts/srinagar/", "ur", "سری نگر"), ("/districts/kathua/", "en", "Kathua"),
    ("/crafts/sozni/", "en", "Sozni embroidery"), ("/hi/crafts/sozni/", "hi", "सोज़नी कढ़ाई"),
    ("/ur/crafts/sozni/", "ur", "سوزنی کڑھائی"), ("/artisans/shazia-akhter/", "en", "Shazia Akhter"),
    ("/hi/artisans/shazia-akhter/", "hi", "शाज़िया अख़्तर"),
    ("/products/sozni-stole/", "en", "Sozni pashmina stole, paisley border"),
    ("/collections/winter-gifts/", "en", "Winter gifts"), ("/collections/under-20000/", "en", "Sozni under ₹20,000"),
    ("/stories/a-needle-and-a-winter/", "en", "A needle and a winter"),
    ("/campaigns/winter-craft-trail/", "en", "Winter craft trail"), ("/about/", "en", "About Chinar"),
]
STRUCTURAL = ["", "crafts/", "artisans/", "products/", "districts/", "collections/", "stories/", "campaigns/",
              "search/"]


@pytest.mark.parametrize(("url", "locale", "title"), RECORD_PAGES)
def test_every_record_page_renders_in_its_locale(tiny_site: Path, url: str, locale: str, title: str) -> None:
    doc = page(tiny_site, url)
    assert doc.html_attrs == {"lang": locale, "dir": "rtl" if locale == "ur" else "ltr"}
    assert doc.h1 == [title]


@pytest.mark.parametrize("locale", ["en", "hi", "ur"])
@pytest.mark.parametrize("section", STRUCTURAL)
def test_structural_pages_exist_in_every_locale(tiny_site: Path, locale: str, section: str) -> None:
    prefix = "" if locale == "en" else f"{locale}/"
    doc = page(tiny_site, prefix + section)
    assert doc.html_attrs["lang"] == locale
    assert len(doc.h1) == 1


def test_pages_exist_only_where_a_translation_exists(tiny_site: Path) -> None:
    assert not (tiny_site / "ur/artisans/shazia-akhter").exists()
    assert not (tiny_site / "hi/products/sozni-stole").exists()
    # ...but the Hindi product list still shows the English product, marked as English.
    html = (tiny_site / "hi/products/index.html").read_text()
    assert 'lang="en"' in html and "/products/sozni-stole/" in html


def test_language_switcher_and_hreflang(tiny_site: Path) -> None:
    doc = page(tiny_site, "/crafts/sozni/")
    alternates = {a["hreflang"]: a["href"] for a in doc.links if a.get("rel") == "alternate" and "hreflang" in a}
    assert alternates == {"en": "https://chinar.example.in/crafts/sozni/",
                          "hi": "https://chinar.example.in/hi/crafts/sozni/",
                          "ur": "https://chinar.example.in/ur/crafts/sozni/"}
    switch = {a["hreflang"]: a["href"] for a in doc.anchors if "hreflang" in a}
    assert switch == {"en": "/crafts/sozni/", "hi": "/hi/crafts/sozni/", "ur": "/ur/crafts/sozni/"}
    # An artisan with no Urdu version offers no Urdu link.
    switch = {a["hreflang"] for a in page(tiny_site, "/artisans/shazia-akhter/").anchors if "hreflang" in a}
    assert switch == {"en", "hi"}


def test_interface_strings_are_translated(tiny_site: Path) -> None:
    assert "कहाँ से खरीदें" not in (tiny_site / "products/sozni-stole/index.html").read_text()
    hi = (tiny_site / "hi/artisans/shazia-akhter/index.html").read_text()
    assert "मुख्य सामग्री पर जाएँ" in hi and "Skip to content" not in hi
    ur = (tiny_site / "ur/crafts/sozni/index.html").read_text()
    assert "اصل کی پہچان کیسے کریں" in ur


def test_product_page_links_out_to_marketplaces(tiny_site: Path) -> None:
    doc = page(tiny_site, "/products/sozni-stole/")
    buy = [a for a in doc.anchors if "flipkart.com" in a.get("href", "")]
    assert len(buy) == 2  # the buy bar's button and the listing's row in the chooser
    assert {a["rel"] for a in buy} == {"noopener sponsored external"}
    assert {a["href"] for a in buy} == {"https://www.flipkart.com/sozni-pashmina-stole/p/itm0001?pid=STLG0001"
                                        "&utm_source=chinar&utm_medium=referral"}
    # The out-of-stock listing is shown as unavailable, not as a buy button.
    assert not [a for a in doc.anchors if "emporium.jkhhc.example" in a.get("href", "")]
    assert "Currently unavailable" in (tiny_site / "products/sozni-stole/index.html").read_text()


def test_campaign_page_tags_links_with_its_campaign(tiny_site: Path) -> None:
    doc = page(tiny_site, "/campaigns/winter-craft-trail/")
    buy = [a["href"] for a in doc.anchors if "flipkart.com" in a.get("href", "")]
    assert buy and all("utm_campaign=winter-trail-2026" in h for h in buy)
    html = (tiny_site / "campaigns/winter-craft-trail/index.html").read_text()
    # Blocks render in order.
    order = [html.index(s) for s in ("block-text", "block-featured_artisans", "block-featured_collection",
                                      "block-craft_trail", "block-call_to_action")]
    assert order == sorted(order)


def test_prices_use_indian_grouping(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    path = tiny_content / "products/sozni-stole.en.json"
    data = json.loads(path.read_text())
    data["listings"][0]["price_inr"] = 125000
    path.write_text(json.dumps(data))
    build(tiny_content, tmp_path / "out", cache_dir=image_cache)
    assert "₹1,25,000" in (tmp_path / "out/products/sozni-stole/index.html").read_text()


def test_site_files(tiny_site: Path) -> None:
    sitemap = ET.parse(tiny_site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [e.text for e in sitemap.findall("s:url/s:loc", ns)]
    assert "https://chinar.example.in/ur/crafts/sozni/" in locs and len(locs) == len(set(locs))
    for url in sitemap.findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        path = loc.removeprefix("https://chinar.example.in/")
        assert (tiny_site / (path + "index.html" if path.endswith("/") or not path else path)).is_file(), loc
    craft = next(u for u in sitemap.findall("s:url", ns) if u.find("s:loc", ns).text.endswith("/crafts/sozni/"))
    assert {link.get("hreflang") for link in craft.findall("x:link", ns)} == {"en", "hi", "ur", "x-default"}
    robots = (tiny_site / "robots.txt").read_text()
    assert "Sitemap: https://chinar.example.in/sitemap.xml" in robots
    feed = ET.parse(tiny_site / "stories/feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert [e.find(f"{atom}title").text for e in feed.findall(f"{atom}entry")] == ["A needle and a winter"]
    assert (tiny_site / "404.html").is_file()


def test_redirects_from_old_slugs(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    path = tiny_content / "crafts/sozni.hi.json"
    data = json.loads(path.read_text())
    data["old_slugs"] = ["sozani"]
    path.write_text(json.dumps(data, ensure_ascii=False))
    build(tiny_content, tmp_path / "out", cache_dir=image_cache)
    assert (tmp_path / "out/_redirects").read_text() == "/hi/crafts/sozani/ /hi/crafts/sozni/ 301\n"


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    # Separate caches: even the image renditions are encoded twice and must match.
    build(TINY, tmp_path / "a", "https://chinar.example.in", cache_dir=tmp_path / "cache-a")
    build(TINY, tmp_path / "b", "https://chinar.example.in", cache_dir=tmp_path / "cache-b")
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(a) > 50 and a == b


def test_rebuild_rewrites_nothing(tiny_site: Path, tmp_path: Path, image_cache: Path) -> None:
    out = tmp_path / "out"
    build(TINY, out, "https://chinar.example.in", cache_dir=image_cache)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    report = build(TINY, out, "https://chinar.example.in", cache_dir=image_cache)
    assert report.written == 0 and report.rendered == 0  # nothing changed: nothing done at all
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def test_failed_build_keeps_the_last_good_output(tiny_content: Path, tmp_path: Path, image_cache: Path,
                                                 capsys) -> None:
    out = tmp_path / "out"
    build(tiny_content, out, cache_dir=image_cache)
    before = tree(out)
    (tiny_content / "products/sozni-stole.en.json").write_text("{ not json")
    status = main(["build", "--content", str(tiny_content), "--output", str(out), "--cache", str(image_cache)])
    assert status == 1
    err = capsys.readouterr().err
    assert "products/sozni-stole.en.json" in err and "malformed JSON" in err and "left unchanged" in err
    assert tree(out) == before
    assert not (tmp_path / ".out.staging").exists()  # nothing of the failed build is left


def test_template_error_keeps_the_last_good_output(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    import shutil

    from chinar.build import BuildError
    from chinar.render import default_theme_dir

    out = tmp_path / "out"
    build(tiny_content, out, cache_dir=image_cache)
    before = tree(out)
    theme = tmp_path / "theme"
    shutil.copytree(default_theme_dir(), theme)
    broken = "{% extends 'base.html' %}{% block main %}{{ rec.title|nope }}{% endblock %}"
    (theme / "templates/product.html").write_text(broken)
    with pytest.raises(BuildError, match=r"product\.html.*products/sozni-stole\.en\.json.*nope"):
        build(tiny_content, out, cache_dir=image_cache, theme_dir=theme)
    assert tree(out) == before


@pytest.mark.slow
def test_long_lists_are_paginated_under_their_craft(tmp_path: Path, synthetic_cache) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=120, products=1)
    out = tmp_path / "out"
    build(content, out, "https://chinar.example.in", cache_dir=synthetic_cache())
    craft = page(out, "/crafts/sozni/")
    listed = [a["href"] for a in craft.anchors if a["href"].startswith("/artisans/artisan-")]
    assert 0 < len(listed) <= 12
    more = [a["href"] for a in craft.anchors if a["href"] == "/crafts/sozni/artisans/"]
    assert more
    catalog_artisans = sorted(p.name.split(".")[0] for p in (content / "artisans").glob("*.en.json")
                              if '"sozni"' in p.read_text())
    seen, url = [], "/crafts/sozni/artisans/"
    while url:  # follow "next" through every page of the sublist
        doc = page(out, url)
        assert doc.h1 == [f"Artisans: {json.loads((content / 'crafts/sozni.en.json').read_text())['name']}"]
        seen += [a["href"].split("/")[2] for a in doc.anchors if a["href"].startswith("/artisans/artisan-")]
        nxt = [a["href"] for a in doc.anchors if a.get("rel") == "next"]
        url = nxt[0] if nxt else None
    assert sorted(set(seen)) == catalog_artisans
    # The pager links to a window of pages, never to every page.
    assert len([a for a in page(out, "/products/").anchors if "/products/page/" in a["href"]]) <= 8


def test_a_long_collection_is_paginated(tmp_path: Path, synthetic_cache) -> None:
    """A rule collection matching more products than a page shows (``pages.PER_PAGE``) continues on pages
    of its own (``collections/<slug>/page/2/``): together they list every member once; each names its
    number in its title, links the next and previous, and lists only its own members in its JSON-LD;
    a Hindi version has the same pages, linked to the English ones; the sitemap names them all."""
    import re
    import sys

    from chinar.pages import PER_PAGE

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=260, products=1)
    english = json.loads((content / "collections/sozni-picks.en.json").read_text(encoding="utf-8"))
    hindi = {**english, "id": "collection-sozni-picks-hi", "locale": "hi", "title": "सोज़नी: चुनी हुई चीज़ें"}
    (content / "collections/sozni-picks.hi.json").write_text(json.dumps(hindi, ensure_ascii=False), encoding="utf-8")
    members = sorted(json.loads(p.read_text(encoding="utf-8"))["slug"] for p in (content / "products").glob("*.en.json")
                     if json.loads(p.read_text(encoding="utf-8"))["craft"] == "sozni")
    assert len(members) > PER_PAGE
    out = tmp_path / "out"
    build(content, out, "https://chinar.example.in", cache_dir=synthetic_cache())

    for prefix, title, word in (("", english["title"], ", page"), ("/hi", hindi["title"], ", पृष्ठ")):
        seen, url, n = [], f"{prefix}/collections/sozni-picks/", 1
        while url:
            doc = page(out, url)
            html = (out / url.strip("/") / "index.html").read_text(encoding="utf-8")
            listed = [a["href"].split("/")[-2] for a in doc.anchors if "/products/product-" in a["href"]]
            assert 0 < len(listed) <= PER_PAGE and doc.h1 == [title]
            shown = re.search(r"<title>(.*?)</title>", html).group(1)
            assert shown.startswith(title) and (f"{word} 2" in shown if n == 2 else word not in shown), shown
            [ld] = [d for d in doc.jsonld if d["@type"] == "CollectionPage"]
            assert ld["mainEntity"]["numberOfItems"] == len(listed)
            other = "/collections/sozni-picks/" if prefix else "/hi/collections/sozni-picks/"
            other = other if n == 1 else f"{other}page/{n}/"
            assert any(link.get("hreflang") == ("en" if prefix else "hi") and link["href"].endswith(other)
                       for link in doc.links)
            seen += listed
            nxt = [a["href"] for a in doc.anchors if a.get("rel") == "next"]
            url, n = (nxt[0], n + 1) if nxt else (None, n)
        assert sorted(seen) == members and n == -(-len(members) // PER_PAGE)
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://chinar.example.in/collections/sozni-picks/page/2/" in sitemap
    assert "https://chinar.example.in/hi/collections/sozni-picks/page/2/" in sitemap


def test_a_build_leaves_nothing_of_itself_in_memory(tmp_path: Path, image_cache: Path) -> None:
    """Once ``build`` returns, its job (catalog, pages, templates) can be freed: nothing module-level
    keeps it (method caches did, and a resident build made a new one per rebuild)."""
    build(TINY, tmp_path / "out", cache_dir=image_cache)
    gc.collect()
    assert not [o for o in gc.get_objects() if type(o) is BuildJob]


def test_the_collector_is_paused_while_building_and_restored_after(tmp_path: Path, image_cache: Path,
                                                                    tiny_content: Path, monkeypatch) -> None:
    seen = []
    real = chinar.build.generate

    def generate(job):
        seen.append(gc.isenabled())
        return real(job)

    monkeypatch.setattr(chinar.build, "generate", generate)
    assert gc.isenabled()
    build(TINY, tmp_path / "out", cache_dir=image_cache, full=True)
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller that turned it off itself keeps it off
    try:
        build(TINY, tmp_path / "again", cache_dir=image_cache, full=True)
        assert not gc.isenabled()
    finally:
        gc.enable()
    (tiny_content / "products/sozni-stole.en.json").write_text("{not json")
    with pytest.raises(ContentError):  # and a failed build restores it too
        build(tiny_content, tmp_path / "none", cache_dir=image_cache, full=True)
    assert gc.isenabled()
