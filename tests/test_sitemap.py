"""The sitemap's <lastmod> (issue 18, item 7): the day a page's content last changed, from the records."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from chinar.build import build

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
BASE = "https://chinar.example.in"


def lastmods(out: Path) -> dict[str, str | None]:
    root = ET.parse(out / "sitemap.xml").getroot()
    return {u.find("s:loc", NS).text.removeprefix(BASE): getattr(u.find("s:lastmod", NS), "text", None)
            for u in root.findall("s:url", NS)}


def test_every_url_has_the_day_its_content_last_changed(tiny_content: Path, tmp_path: Path, image_cache: Path):
    out = tmp_path / "out"
    build(tiny_content, out, BASE, cache_dir=image_cache)
    days = lastmods(out)
    assert len(days) > 30 and all(days.values()), [u for u, d in days.items() if not d]
    # Records of the tiny catalog: about 2025-11-15, crafts 2025-12-01, artisans 2026-01-20, campaign
    # 2026-01-25, product 2026-02-01, collections 2026-02-05; the story has only its date, 2026-02-10.
    assert days["/about/"] == "2025-11-15"
    assert days["/crafts/"] == "2025-12-01"  # the list shows the crafts only
    assert days["/products/sozni-stole/"] == "2026-02-01"  # the product, its craft and its artisan
    assert days["/artisans/shazia-akhter/"] == "2026-02-10"  # her page lists the story
    assert days["/search/"] == "2026-02-10"  # shows no record: the latest day of the catalog

    # An artisan edited (and republished) later: her page and every page that lists her move; others do not.
    path = tiny_content / "artisans/shazia-akhter.en.json"
    rec = json.loads(path.read_text(encoding="utf-8"))
    rec["updated"] = "2026-03-04"
    rec["bio"] = "<p>Shazia now leads fifteen embroiderers.</p>"
    path.write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    build(tiny_content, out, BASE, cache_dir=image_cache)
    after = lastmods(out)
    for url in ["/artisans/shazia-akhter/", "/artisans/", "/crafts/sozni/", "/products/sozni-stole/", "/",
                "/collections/winter-gifts/"]:
        assert after[url] == "2026-03-04", url
    for url in ["/about/", "/crafts/", "/hi/artisans/shazia-akhter/", "/campaigns/", "/collections/under-20000/"]:
        assert after[url] == days[url], url
