"""Incremental builds: after any edit, the output equals a full build, and only changed files are written.

"Written" is observed from the outside: the build replaces a file it writes (new inode) and leaves an
unchanged file alone (same inode and mtime), so comparing inodes before and after shows exactly what
the build wrote.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sites import BASE, edit_json, snapshot

from chinar.build import build


def check_edit(site: dict, change: Callable[[Path, Path], None]) -> set[str]:
    """Build, apply ``change``, rebuild incrementally; compare with a full build. Returns files written."""
    build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    before = snapshot(site["out"])
    time.sleep(0.01)
    change(site["content"], site["theme"])
    report = build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    after = snapshot(site["out"])
    build(site["content"], site["full_out"], BASE, cache_dir=site["full"], theme_dir=site["theme"], full=True)
    full = snapshot(site["full_out"])
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in full.items()}
    differs = {p for p in after if p not in before or before[p][0] != after[p][0]}
    written = {p for p in after if p not in before or before[p][1] != after[p][1]}
    assert written == differs
    assert report.rendered < max(report.pages, 1)  # it really was incremental
    return written


def test_noop_rebuild_writes_nothing(site: dict) -> None:
    assert check_edit(site, lambda c, t: None) == set()


def test_touched_but_unchanged_file_renders_nothing(site: dict) -> None:
    written = check_edit(site, lambda c, t: (c / "crafts/sozni.en.json").write_bytes(
        (c / "crafts/sozni.en.json").read_bytes()))
    assert written == set()


def test_change_an_artisans_name(site: dict) -> None:
    written = check_edit(site, lambda c, t: edit_json(c / "artisans/shazia-akhter.en.json",
                                                      lambda d: d.update(name="Shazia Akhter Bhat")))
    assert "artisans/shazia-akhter/index.html" in written
    assert "crafts/sozni/index.html" in written  # lists the artisan
    assert "products/sozni-stole/index.html" in written  # "Made by"
    assert "hi/artisans/shazia-akhter/index.html" not in written  # the Hindi version did not change
    assert not any(p.startswith("static/") for p in written)


def test_move_a_product_to_another_artisan(site: dict) -> None:
    written = check_edit(site, lambda c, t: edit_json(c / "products/sozni-stole.en.json",
                                                      lambda d: d.update(artisan="ghulam-dar")))
    assert {"artisans/shazia-akhter/index.html", "artisans/ghulam-dar/index.html",
            "products/sozni-stole/index.html"} <= written


def test_a_sold_out_products_alternatives_follow_the_products_they_offer(site: dict) -> None:
    """A sold-out product's page offers in-stock products of its craft by other artisans: an edit of one
    of those (its name, then its stock) renders the sold-out page again, as a full build would."""
    content = site["content"]
    stole = content / "products/sozni-stole.en.json"
    shawl = json.loads(stole.read_text(encoding="utf-8"))
    shawl.update(id="product-ghulam-shawl-en", slug="ghulam-shawl", translation_key="ghulam-shawl",
                 artisan="ghulam-dar", title="Sozni shawl, paisley field")
    shawl["listings"] = [{**shawl["listings"][0], "url": "https://www.flipkart.com/ghulam-shawl/p/itm5?pid=STLG0005",
                          "price_inr": 24000}]
    (content / "products/ghulam-shawl.en.json").write_text(json.dumps(shawl), encoding="utf-8")
    edit_json(stole, lambda d: [lst.update(availability="out_of_stock") for lst in d["listings"]])

    def alternatives() -> str:
        html = (site["out"] / "products/sozni-stole/index.html").read_text(encoding="utf-8")
        return html[html.index('id="h-alternatives"'):] if 'id="h-alternatives"' in html else ""

    written = check_edit(site, lambda c, t: edit_json(c / "products/ghulam-shawl.en.json",
                                                      lambda d: d.update(title="Sozni shawl, chinar leaves")))
    assert "products/sozni-stole/index.html" in written
    assert "Sozni shawl, chinar leaves" in alternatives() and "₹24,000" in alternatives()
    written = check_edit(site, lambda c, t: edit_json(c / "products/ghulam-shawl.en.json",
                                                      lambda d: d["listings"][0].update(availability="out_of_stock")))
    assert "products/sozni-stole/index.html" in written
    assert alternatives() == ""  # nothing left to offer instead


def test_delete_a_collection(site: dict) -> None:
    written = check_edit(site, lambda c, t: (c / "collections/under-20000.en.json").unlink())
    assert not (site["out"] / "collections/under-20000").exists()
    assert "collections/index.html" in written and "sitemap.xml" in written


def test_change_a_crafts_hindi_title(site: dict) -> None:
    written = check_edit(site, lambda c, t: edit_json(c / "crafts/sozni.hi.json",
                                                      lambda d: d.update(name="सोज़नी की कढ़ाई")))
    assert "hi/crafts/sozni/index.html" in written
    assert "crafts/sozni/index.html" not in written and "ur/crafts/sozni/index.html" not in written


def test_move_a_district_on_the_map(site: dict) -> None:
    """The map pages of every language hold the tiles read from the English version: moving the English
    Srinagar redraws the Hindi and Urdu maps too, on the districts index and the campaign's trail."""
    written = check_edit(site, lambda c, t: edit_json(c / "districts/srinagar.en.json",
                                                      lambda d: d.update(map={"col": 4, "row": 1})))
    for prefix in ("", "hi/", "ur/"):
        assert f"{prefix}districts/index.html" in written
        page = (site["out"] / prefix / "districts/index.html").read_text(encoding="utf-8")
        assert 'data-key="srinagar" transform="translate(315 60)"' in page
    assert "campaigns/winter-craft-trail/index.html" in written
    assert "artisans/shazia-akhter/index.html" not in written  # no map there


def test_edit_a_template(site: dict) -> None:
    def change(content: Path, theme: Path) -> None:
        path = theme / "templates/product.html"
        path.write_text(path.read_text().replace("<h1>{{ rec.title }}</h1>", "<h1 class=title>{{ rec.title }}</h1>"))

    written = check_edit(site, change)
    assert {p for p in written if p.endswith(".html")} == {"products/sozni-stole/index.html"}


def test_add_a_locale_version(site: dict) -> None:
    def change(content: Path, theme: Path) -> None:
        data = json.loads((content / "products/sozni-stole.en.json").read_text())
        data.update(id="product-sozni-stole-ur", locale="ur", title="سوزنی پشمینہ اسٹول")
        (content / "products/sozni-stole.ur.json").write_text(json.dumps(data, ensure_ascii=False))

    written = check_edit(site, change)
    assert "ur/products/sozni-stole/index.html" in written
    assert "products/sozni-stole/index.html" in written  # its language switcher now links to Urdu


def test_replaced_photo_rebuilds_pages_showing_it(site: dict) -> None:
    from PIL import Image

    def change(content: Path, theme: Path) -> None:
        Image.new("RGB", (700, 500), (20, 120, 90)).save(content / "media/products/sozni-stole.jpg")

    written = check_edit(site, change)
    assert "products/sozni-stole/index.html" in written


def test_corrupt_state_falls_back_to_a_full_build(site: dict) -> None:
    build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    (site["inc"] / "build-state.pickle").write_bytes(b"\x80\x04garbage")
    report = build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    assert report.rendered == report.pages


@pytest.mark.slow
def test_killed_build_then_normal_build_equals_full_build(tmp_path: Path, synthetic_cache) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=300, products=2)
    out, cache = tmp_path / "out", synthetic_cache("cache")
    build(content, out, BASE, cache_dir=cache)  # a first good build (and a warm image cache)
    edit_json(content / "crafts/sozni.en.json", lambda d: d.update(name="Sozni needlework"))
    cmd = [sys.executable, "-m", "chinar.cli", "build", "--content", str(content), "--output", str(out),
           "--base-url", BASE, "--cache", str(cache), "--full", "--workers", "2"]
    # The build ends after the third batch of pages came back: killed part-way through writing them.
    env = {**os.environ, "CHINAR_TEST_CRASH_AT": "pages rendered:3"}
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300)
    assert done.returncode != 0
    staging = tmp_path / ".out.staging"
    assert any(staging.rglob("index.html"))  # it really died mid-build
    build(content, out, BASE, cache_dir=cache)
    build(content, tmp_path / "full", BASE, cache_dir=synthetic_cache("cache-full"), full=True)
    assert {k: v[0] for k, v in snapshot(out).items()} == {k: v[0] for k, v in snapshot(tmp_path / "full").items()}


def test_first_build_state_names_every_output_file(site: dict) -> None:
    """A first build renames its staging folder into place without listing it: the state's list of
    outputs (what the next build deletes when it is no longer produced) must still be complete."""
    from chinar.incremental import BuildState

    build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    state = BuildState.load(site["inc"])
    on_disk = {p.relative_to(site["out"]).as_posix() for p in site["out"].rglob("*") if p.is_file()}
    assert len(on_disk) > 50 and state.outputs == on_disk


def test_a_pulled_copy_of_the_same_content_renders_nothing(site: dict) -> None:
    """``chinar pull`` swaps in a copy of the snapshot: every file (images too) has a new inode and ctime
    and the same bytes. No page is rendered again and no file written."""
    import shutil

    from chinar.pull import _swap

    build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    before = snapshot(site["out"])
    work = site["tmp"] / ".content.pull"
    shutil.copytree(site["content"], work)
    _swap(work, site["content"])
    report = build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    assert report.rendered == 0
    assert snapshot(site["out"]) == before
