"""The resident build (``chinar serve --watch``): after any edit its output equals a full build, it
writes exactly the files that differ, and edits in place take the short path.

The edits are those of ``test_incremental.py``, given to ``ResidentBuild.build`` as the list of changed
files a watcher reports, plus in-place edits in Hindi and Urdu, a sequence of edits that ends where it
started, bad content, and the rule that decides what may be edited in place.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from sites import BASE, edit_json, snapshot

from chinar.build import build
from chinar.errors import ContentError
from chinar.resident import ResidentBuild

DEMO = Path(__file__).resolve().parents[1] / "content"


def files_state(*roots: Path) -> dict[str, tuple[int, int, int]]:
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size, p.stat().st_ino)
            for root in roots for p in root.rglob("*") if p.is_file()}


def resident_edit(site: dict, builder: ResidentBuild, change: Callable[[Path, Path], None],
                  also: Iterable[Path] = ()):
    """Apply ``change``, tell the builder which files changed (as a watcher would, plus ``also``),
    rebuild, and check the output against a full build. Returns (files written, report)."""
    before = snapshot(site["out"])
    watched = files_state(site["content"], site["theme"])
    change(site["content"], site["theme"])
    now = files_state(site["content"], site["theme"])
    changed = {p for p in watched.keys() | now.keys() if watched.get(p) != now.get(p)} | {str(p) for p in also}
    report = builder.build(changed)
    after = snapshot(site["out"])
    full_out = site["full_out"]
    shutil.rmtree(full_out, ignore_errors=True)
    build(site["content"], full_out, BASE, cache_dir=site["full"], theme_dir=site["theme"], full=True)
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in snapshot(full_out).items()}
    differs = {p for p in after if p not in before or before[p][0] != after[p][0]}
    written = {p for p in after if p not in before or before[p][1] != after[p][1]}
    assert written == differs
    return written, report


def started(site: dict) -> ResidentBuild:
    builder = ResidentBuild(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    builder.build()
    assert builder.last == "build"
    return builder


def rename(path: str, name: str) -> Callable[[Path, Path], None]:
    return lambda c, t: edit_json(c / path, lambda d: d.update(name=name))


def test_change_an_artisans_name_in_place(site: dict) -> None:
    builder = started(site)
    written, report = resident_edit(site, builder, rename("artisans/shazia-akhter.en.json", "Shazia Akhter Bhat"))
    assert builder.last == "in place"
    assert "artisans/shazia-akhter/index.html" in written
    assert "crafts/sozni/index.html" in written  # lists the artisan
    assert "products/sozni-stole/index.html" in written  # "Made by"
    assert "hi/artisans/shazia-akhter/index.html" not in written
    assert any(p.startswith("search-index/") for p in written)  # the name is searchable
    assert not any(p.startswith(("static/", "img/")) for p in written)
    assert 0 < report.rendered < report.pages


def test_hindi_and_urdu_edits_in_place(site: dict) -> None:
    builder = started(site)
    written, _ = resident_edit(site, builder, lambda c, t: edit_json(
        c / "artisans/shazia-akhter.hi.json", lambda d: d.update(bio="<p>शाज़िया सोज़नी कढ़ाई में माहिर कारीगर हैं।</p>")))
    assert builder.last == "in place"
    assert "hi/artisans/shazia-akhter/index.html" in written
    assert "artisans/shazia-akhter/index.html" not in written

    def add_urdu(content: Path, theme: Path) -> None:
        data = json.loads((content / "artisans/shazia-akhter.en.json").read_text())
        data.update(id="artisan-shazia-akhter-ur", locale="ur", name="شازیہ اختر")
        (content / "artisans/shazia-akhter.ur.json").write_text(json.dumps(data, ensure_ascii=False))

    resident_edit(site, builder, add_urdu)
    assert builder.last == "build"  # a new file
    written, _ = resident_edit(site, builder, lambda c, t: edit_json(
        c / "artisans/shazia-akhter.ur.json", lambda d: d.update(name="شازیہ اختر بٹ")))
    assert builder.last == "in place"
    assert "ur/artisans/shazia-akhter/index.html" in written
    assert not any(p.startswith("hi/") for p in written)


def test_an_edit_in_place_moves_the_sitemap_lastmod_of_the_pages_that_show_the_record(site: dict) -> None:
    """The sitemap keeps each page's entry between edits in place and works out only the re-rendered
    pages' again: a new ``updated`` day reaches the artisan's page and the lists that show the artisan,
    as in a full build (``resident_edit`` compares), also after a touch that changed nothing."""
    builder = started(site)
    path = site["content"] / "artisans/shazia-akhter.en.json"
    resident_edit(site, builder, lambda c, t: path.write_bytes(path.read_bytes()))  # touched, unchanged
    written, _ = resident_edit(site, builder, lambda c, t: edit_json(path, lambda d: d.update(updated="2027-03-04")))
    assert builder.last == "in place" and "sitemap.xml" in written
    sitemap = (site["out"] / "sitemap.xml").read_text(encoding="utf-8")
    entry = sitemap.split("/artisans/shazia-akhter/</loc>", 1)[1].split("</url>", 1)[0]
    assert "<lastmod>2027-03-04</lastmod>" in entry
    other = sitemap.split("/hi/artisans/shazia-akhter/</loc>", 1)[1].split("</url>", 1)[0]
    assert "2027-03-04" not in other  # the Hindi profile was not edited


def test_a_touch_that_changed_nothing_commits_nothing(site: dict) -> None:
    """A file saved again with the same bytes (an editor's Save, ``chinar pull`` copying an unchanged
    record) is no edit: the live copy stays the one it was, the commit record is not rewritten, and the
    publisher is given no file to deploy."""
    builder = started(site)
    resident_edit(site, builder, rename("artisans/shazia-akhter.en.json", "Shazia Akhter Bhat"))
    live = os.readlink(site["out"])
    record = site["out"].with_name(f".{site['out'].name}.commit.json")
    state = record.read_bytes(), record.stat().st_mtime_ns
    path = site["content"] / "artisans/ghulam-dar.en.json"
    written, report = resident_edit(site, builder, lambda c, t: path.write_bytes(path.read_bytes()))
    assert builder.last == "in place"
    assert written == set() and report.changed_files == [] and report.removed_files == []
    assert os.readlink(site["out"]) == live
    assert (record.read_bytes(), record.stat().st_mtime_ns) == state


def test_edit_a_product_description_and_a_story(site: dict) -> None:
    builder = started(site)
    product = site["content"] / "products/sozni-stole.en.json"
    written, _ = resident_edit(site, builder, lambda c, t: edit_json(
        product, lambda d: d.update(description="<p>A stole of fine pashmina, embroidered by hand.</p>")))
    assert builder.last == "in place" and "products/sozni-stole/index.html" in written
    story = next(site["content"].glob("stories/*.en.json"))
    written, _ = resident_edit(site, builder, lambda c, t: edit_json(story, lambda d: d.update(title="A new title")))
    assert builder.last == "in place"
    assert "feed.xml" in {Path(p).name for p in written}  # the story feed shows titles


@pytest.mark.parametrize("name,change", [
    ("move a product", lambda c, t: edit_json(c / "products/sozni-stole.en.json",
                                              lambda d: d.update(artisan="ghulam-dar"))),
    ("delete a collection", lambda c, t: (c / "collections/under-20000.en.json").unlink()),
    ("a craft's Hindi title", lambda c, t: edit_json(c / "crafts/sozni.hi.json",
                                                    lambda d: d.update(name="सोज़नी की कढ़ाई"))),
    ("edit a template", lambda c, t: (t / "templates/product.html").write_text(
        (t / "templates/product.html").read_text().replace("<h1>{{ rec.title }}</h1>",
                                                           "<h1 class=title>{{ rec.title }}</h1>"))),
    ("unfeature an artisan", lambda c, t: edit_json(c / "artisans/shazia-akhter.en.json",
                                                   lambda d: d.update(featured=False))),
])
def test_other_edits_build_on_the_kept_state(site: dict, name: str, change) -> None:
    builder = started(site)
    _written, report = resident_edit(site, builder, change)
    assert builder.last == "build"
    assert report.rendered < report.pages  # incremental, from the state kept in memory


def test_add_a_locale_version_and_replace_a_photo(site: dict) -> None:
    from PIL import Image

    builder = started(site)

    def add_urdu(content: Path, theme: Path) -> None:
        data = json.loads((content / "products/sozni-stole.en.json").read_text())
        data.update(id="product-sozni-stole-ur", locale="ur", title="سوزنی پشمینہ اسٹول")
        (content / "products/sozni-stole.ur.json").write_text(json.dumps(data, ensure_ascii=False))

    written, _ = resident_edit(site, builder, add_urdu)
    assert "ur/products/sozni-stole/index.html" in written
    written, _ = resident_edit(site, builder, lambda c, t: Image.new("RGB", (700, 500), (20, 120, 90)).save(
        c / "media/products/sozni-stole.jpg"))
    assert "products/sozni-stole/index.html" in written and any(p.startswith("img/") for p in written)


def test_edits_that_return_to_the_start_give_the_first_output_back(site: dict) -> None:
    """Name, back, another name, a touch with no change: memory must never drift from the content."""
    builder = started(site)
    first = {k: v[0] for k, v in snapshot(site["out"]).items()}
    path = "artisans/shazia-akhter.en.json"
    original = json.loads((site["content"] / path).read_text())["name"]
    resident_edit(site, builder, rename(path, "Shazia A."))
    written, _ = resident_edit(site, builder, rename(path, original))
    assert builder.last == "in place" and written
    assert {k: v[0] for k, v in snapshot(site["out"]).items()} == first
    resident_edit(site, builder, rename(path, "शाज़िया अख़्तर"))
    written, report = resident_edit(site, builder, lambda c, t: (c / path).write_bytes((c / path).read_bytes()))
    assert written == set() and report.rendered == 0


def test_saved_state_lets_chinar_build_carry_on(site: dict) -> None:
    """While the memory is ahead, the cached state is gone (never stale); ``save`` brings it back."""
    builder = started(site)
    resident_edit(site, builder, rename("artisans/shazia-akhter.en.json", "Shazia Akhter Bhat"))
    assert not (site["inc"] / "build-state.pickle").exists()
    builder.save()
    before = snapshot(site["out"])
    report = build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    assert report.rendered == 0 and snapshot(site["out"]) == before
    # and a later change is picked up by the command line build
    edit_json(site["content"] / "artisans/shazia-akhter.en.json", lambda d: d.update(name="Shazia"))
    report = build(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    assert 0 < report.rendered < report.pages
    build(site["content"], site["full_out"], BASE, cache_dir=site["full"], theme_dir=site["theme"], full=True)
    assert {k: v[0] for k, v in snapshot(site["out"]).items()} == \
        {k: v[0] for k, v in snapshot(site["full_out"]).items()}


def test_bad_content_changes_nothing(site: dict) -> None:
    builder = started(site)
    before = snapshot(site["out"])
    path = site["content"] / "artisans/shazia-akhter.en.json"
    good = path.read_bytes()
    path.write_text('{"name": "Shazia", ')
    with pytest.raises(ContentError) as exc:
        builder.build({path})
    assert "artisans/shazia-akhter.en.json" in str(exc.value.problems[0])
    edit_json_text = json.loads(good)
    edit_json_text["portrait"]["src"] = "artisans/missing.jpg"
    path.write_text(json.dumps(edit_json_text, ensure_ascii=False))
    with pytest.raises(ContentError) as exc:
        builder.build({path})
    assert exc.value.problems[0].pointer == "/portrait/src"
    assert snapshot(site["out"]) == before
    path.write_bytes(good)
    written, _ = resident_edit(site, builder, rename("artisans/shazia-akhter.en.json", "Shazia Akhter Bhat"))
    assert builder.last == "in place" and "artisans/shazia-akhter/index.html" in written


# -- what may be edited in place --------------------------------------------------------------------------


def test_watch_batch_with_a_theme_file_builds_on_the_kept_state(site: dict) -> None:
    builder = started(site)
    css = next((site["theme"] / "static").rglob("*.css"))
    _written, _ = resident_edit(site, builder, lambda c, t: css.write_text(css.read_text() + "\n/* x */\n"))
    assert builder.last == "build"
    assert os.path.isdir(site["out"])


def test_a_photo_dropped_and_used_again_comes_back(site: dict) -> None:
    """Renditions no page uses any more leave the output; used again, they must be put back."""
    builder = started(site)
    path = site["content"] / "artisans/ghulam-dar.en.json"

    def portrait(src: str) -> Callable[[Path, Path], None]:
        return lambda c, t: edit_json(path, lambda d: d["portrait"].update(src=src))

    written, _ = resident_edit(site, builder, portrait("stories/needle.jpg"))
    assert builder.last == "in place" and any(p.startswith("img/") for p in written)
    images = {p for p in snapshot(site["out"]) if p.startswith("img/")}
    resident_edit(site, builder, portrait("artisans/shazia.jpg"))
    gone = images - {p for p in snapshot(site["out"]) if p.startswith("img/")}
    assert gone  # the needle photo's portrait renditions left the output
    written, _ = resident_edit(site, builder, portrait("stories/needle.jpg"))
    assert builder.last == "in place" and gone <= written


def test_a_record_saved_through_a_temporary_file_is_still_an_edit_in_place(site: dict) -> None:
    """``chinar pull`` (and many editors) write ``x.json.tmp`` and rename it: the watcher reports both
    names. A file the build never reads (not ``*.json``, hidden, in a subfolder) is no reason to leave
    the short path."""
    builder = started(site)
    path = site["content"] / "artisans/shazia-akhter.en.json"
    tmp = path.with_name(path.name + ".tmp")

    def atomic(content: Path, theme: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        data["name"] = "Shazia Akhter Dar"
        tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    written, _ = resident_edit(site, builder, atomic, also=[tmp, site["content"] / "artisans/.DS_Store"])
    assert builder.last == "in place" and "artisans/shazia-akhter/index.html" in written


def test_output_removed_behind_its_back_is_built_again(site: dict) -> None:
    builder = started(site)
    site["out"].unlink()  # what `rm -rf out` does to the link to the live copy
    written, _ = resident_edit(site, builder, rename("artisans/shazia-akhter.en.json", "Shazia Akhter Bhat"))
    assert builder.last == "build" and "index.html" in written
