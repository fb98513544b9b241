"""One pipeline: the same tree from a full build, from ``chinar build`` after an edit (its state read from the
cache directory) and from a build kept in memory given the changed files (``serve --watch``, the publisher),
after every kind of edit, on the demo catalog and on a synthetic one.

Plugins connected to ``chinar.signals`` hear every route.
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from sites import BASE, changed_files, edit_json, file_states, tree

from catalogs import ROOT
from chinar import signals
from chinar.build import build
from chinar.resident import ResidentBuild

Edit = Callable[[Path], None]


class Routes:
    """One content folder built three ways after each edit; the trees must be the same."""

    def __init__(self, content: Path, work: Path, images: Path) -> None:
        self.content, self.work = content, work
        self.caches = {}
        for name in ("resident", "incremental", "full"):
            cache = self.caches[name] = work / f"cache-{name}"
            cache.mkdir()
            (cache / "images").symlink_to(images, target_is_directory=True)
        self.out = {name: work / f"out-{name}" for name in self.caches}
        self.resident = ResidentBuild(content, self.out["resident"], BASE, cache_dir=self.caches["resident"])
        self.resident.build()
        build(content, self.out["incremental"], BASE, cache_dir=self.caches["incremental"])

    def apply(self, edit: Edit) -> str:
        """Apply ``edit`` and build every way; returns how the resident build took it."""
        before = file_states(self.content)
        edit(self.content)
        self.resident.build(changed_files(before, file_states(self.content)))
        report = build(self.content, self.out["incremental"], BASE, cache_dir=self.caches["incremental"])
        assert report.rendered < report.pages  # it really was incremental
        shutil.rmtree(self.out["full"], ignore_errors=True)
        build(self.content, self.out["full"], BASE, cache_dir=self.caches["full"], full=True)
        full = tree(self.out["full"])
        assert tree(self.out["resident"]) == full
        assert tree(self.out["incremental"]) == full
        return self.resident.last


def first(content: Path, pattern: str, where: Callable[[dict], bool] = lambda d: True) -> Path:
    for path in sorted(content.glob(pattern)):
        if where(json.loads(path.read_text(encoding="utf-8"))):
            return path
    raise AssertionError(f"no {pattern} in {content}")


def artisan_name(c: Path) -> None:
    """Renamed and republished: a later ``updated`` day moves the sitemap's <lastmod> of every page showing
    the artisan, and only theirs (the sitemap keeps the other pages' entries between builds)."""
    edit_json(first(c, "artisans/*.en.json"), lambda d: d.update(name=d["name"] + " Bhat", updated="2031-01-02"))


def product_description(c: Path) -> None:
    edit_json(first(c, "products/*.en.json"), lambda d: d.update(description="<p>Woven slowly, by hand.</p>"))


def listing(c: Path) -> None:
    def change(d: dict) -> None:
        d["listings"][0].update(availability="out_of_stock", last_checked="2026-12-01")

    edit_json(first(c, "products/*.en.json"), change)


def collection_rule(c: Path) -> None:
    edit_json(first(c, "collections/*.en.json", lambda d: "rule" in d),
              lambda d: d["rule"].update(price_max=d["rule"].get("price_max", 10**6) // 2 or 1000))


def story_title(c: Path) -> None:
    edit_json(first(c, "stories/*.en.json"), lambda d: d.update(title="सर्दी और सुई: " + d["title"]))


def campaign_title(c: Path) -> None:
    edit_json(first(c, "campaigns/*.en.json"), lambda d: d.update(title=d["title"] + " (extended)"))


def district_moved(c: Path) -> None:
    """A district moves on the map: the map pages of every language change (their tiles come from the
    English version)."""
    edit_json(first(c, "districts/*.en.json"), lambda d: d.update(map={"col": 9, "row": 9}))


def translation_added(c: Path) -> None:
    # A product: every artisan of the demo catalog has all three languages, two thirds of its products not.
    source = first(c, "products/*.en.json", lambda d: not (c / "products" / f"{d['translation_key']}.ur.json").exists())
    data = json.loads(source.read_text(encoding="utf-8"))
    data.update(id=data["id"] + "-ur", locale="ur", title="نیا دستکاری نمونہ",
                description="<p>کشمیر کے ایک کاریگر کا کام۔</p>")
    (c / "products" / f"{data['translation_key']}.ur.json").write_text(json.dumps(data, ensure_ascii=False),
                                                                        encoding="utf-8")


def translation_removed(c: Path) -> None:
    first(c, "products/*.ur.json", lambda d: d["title"] == "نیا دستکاری نمونہ").unlink()


def image_replaced(c: Path) -> None:
    src = json.loads(first(c, "products/*.en.json").read_text(encoding="utf-8"))["images"][0]["src"]
    path = c / "media" / src
    with Image.open(path) as im:
        size = im.size
    replacement = Image.new("RGB", size, (120, 40, 60))
    ImageDraw.Draw(replacement).ellipse((10, 10, size[0] - 10, size[1] - 10), fill=(230, 200, 90))
    replacement.save(path, quality=85)


def record_deleted(c: Path) -> None:
    product = first(c, "products/*.en.json", lambda d: True)
    key = json.loads(product.read_text(encoding="utf-8"))["translation_key"]
    collections = [json.loads(p.read_text(encoding="utf-8")) for p in c.glob("collections/*.json")]
    if any(item.get("ref") == key for col in collections for item in col.get("items", [])):
        product = first(c, "products/*.en.json", lambda d: all(
            item.get("ref") != d["translation_key"] for col in collections for item in col.get("items", [])))
        key = json.loads(product.read_text(encoding="utf-8"))["translation_key"]
    for version in c.glob(f"products/{key}.*.json"):
        version.unlink()


# (name, edit, an edit in place for the resident build?)
EDITS: list[tuple[str, Edit, bool]] = [
    ("artisan", artisan_name, True),
    ("product", product_description, True),
    ("listing", listing, False),  # stock and price decide lists (rule collections, alternatives)
    ("collection rule", collection_rule, False),
    ("story", story_title, True),
    ("campaign", campaign_title, True),
    ("district moved on the map", district_moved, False),  # a district's names are search aliases
    ("translation added", translation_added, False),
    ("translation removed", translation_removed, False),
    ("image replaced", image_replaced, False),
    ("record deleted", record_deleted, False),
]


def run_every_edit(routes: Routes) -> None:
    for name, edit, in_place in EDITS:
        took = routes.apply(edit)
        assert took == ("in place" if in_place else "build"), name


@pytest.mark.slow
def test_every_route_builds_the_same_demo_site_after_every_kind_of_edit(tmp_path: Path, demo_images: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    run_every_edit(Routes(content, tmp_path, demo_images))


@pytest.mark.slow
def test_every_route_builds_the_same_synthetic_site_after_every_kind_of_edit(tmp_path: Path,
                                                                            shared_images: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=60, products=2)
    campaign = {"type": "campaign", "id": "campaign-trail-en", "slug": "trail", "locale": "en",
                "translation_key": "trail", "title": "A craft trail", "summary": "Three districts, three crafts.",
                "starts": "2027-01-01", "ends": "2027-02-01", "utm_campaign": "trail-2027",
                "blocks": [{"type": "text", "body": "<p>Start in Srinagar.</p>"}]}
    (content / "campaigns").mkdir()
    (content / "campaigns/trail.en.json").write_text(json.dumps(campaign), encoding="utf-8")
    run_every_edit(Routes(content, tmp_path, shared_images))


def test_plugins_hear_every_route(site: dict, monkeypatch) -> None:
    """A plugin named in the settings is registered once and its receivers hear a full build, an
    incremental ``chinar build`` and a resident edit in place, in order."""
    import chinar.settings

    plugin = site["tmp"] / "plugins" / "chinar_test_plugin.py"
    plugin.parent.mkdir()
    plugin.write_text(
        "from chinar import signals\n"
        "HEARD, RECEIVERS = [], []\n"
        "def register():\n"
        "    for s in signals.ALL:\n"
        "        RECEIVERS.append((s, lambda job, s=s: HEARD.append((s.name, job.in_place, len(job.pages)))))\n"
        "        s.connect(RECEIVERS[-1][1], weak=False)\n")
    conf = site["tmp"] / "conf.py"
    conf.write_text(f'PLUGINS = ["chinar_test_plugin"]\nTHEME = {str(site["theme"])!r}\n')
    monkeypatch.syspath_prepend(str(plugin.parent))
    monkeypatch.setattr(chinar.settings, "settings_file", lambda publish=False: conf)
    try:
        build(site["content"], site["out"], BASE, cache_dir=site["inc"])
        import chinar_test_plugin

        assert [h[0] for h in chinar_test_plugin.HEARD] == [s.name for s in signals.ALL]
        artisan = site["content"] / "artisans/shazia-akhter.en.json"
        edit_json(artisan, lambda d: d.update(name="Shazia A."))
        build(site["content"], site["out"], BASE, cache_dir=site["inc"])
        resident = ResidentBuild(site["content"], site["out"], BASE, cache_dir=site["inc"])
        resident.build()
        edit_json(artisan, lambda d: d.update(name="Shazia Akhter"))
        resident.build([artisan])
        heard = chinar_test_plugin.HEARD
        assert len(heard) == 4 * len(signals.ALL)  # registered once: no receiver connected twice
        assert [h[1] for h in heard[-len(signals.ALL):]] == [False, True, True, True]  # the last: in place
        assert heard[-1][2] > 10  # the finished build's pages
    finally:
        module = sys.modules.get("chinar_test_plugin")
        for s, receiver in getattr(module, "RECEIVERS", []):
            s.disconnect(receiver)
        chinar.settings.forget_plugins()
