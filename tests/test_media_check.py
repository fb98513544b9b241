"""Bad image originals through ``chinar check`` and ``chinar build`` (issue 18, items 3 and 4).

Every kind of bad original the build refuses must make ``check`` fail too (so "check passes" means
"the build passes"), and both must name every bad use: the record file, the JSON pointer of its
``src``, the file and what is wrong. A failed build leaves the previous output as it was. The files
are real: a JPEG cut short, a 54-megapixel photo, a PNG header claiming 3.6 gigapixels, a GIF, an
SVG drawing and an HTML page saved under .jpg names.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from catalogs import TINY
from chinar.build import build
from chinar.cli import main
from chinar.media_limits import MAX_PIXELS

PRODUCT = "products/sozni-stole.en.json"
ARTISANS = ["artisans/shazia-akhter.en.json", "artisans/shazia-akhter.hi.json"]
CRAFT_USES = [("crafts/sozni.en.json", "/hero/src"), ("crafts/sozni.hi.json", "/hero/src"),
              ("crafts/sozni.ur.json", "/hero/src"), ("campaigns/winter-craft-trail.en.json", "/hero/src")]


def photo_bytes(size: tuple[int, int], fmt: str = "JPEG") -> bytes:
    """A photo-like image (gradients and noise) encoded in ``fmt``."""
    base = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 25).resize(size)
    buf = io.BytesIO()
    Image.merge("RGB", (base, noise, base.transpose(Image.Transpose.ROTATE_180))).save(buf, fmt)
    return buf.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) \
        + chunk(b"IEND", b"")


@pytest.fixture(scope="module")
def photo_54mp(tmp_path_factory) -> bytes:
    """A real 9000x6000 JPEG (54 MP): a camera's photo, over the 50 MP limit."""
    size = (9000, 6000)
    im = Image.merge("RGB", (Image.linear_gradient("L").resize(size), Image.radial_gradient("L").resize(size),
                             Image.linear_gradient("L").rotate(90).resize(size)))
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=85)
    assert size[0] * size[1] > MAX_PIXELS
    return buf.getvalue()


BAD = {
    # kind: (file content, words the message must contain)
    "truncated JPEG": (lambda big: photo_bytes((600, 400))[:9000], "truncated JPEG"),
    "truncated PNG": (lambda big: photo_bytes((300, 200), "PNG")[:-400], "truncated or damaged PNG"),
    "decompression bomb": (lambda big: png_claiming(60_000, 60_000), "decompression bomb"),
    "oversize photo": (lambda big: big, "image is 9000x6000 (54 MP), over the limit of 50 MP"),
    "HTML saved as .jpg": (lambda big: b"<!DOCTYPE html><html><body>not a photo</body></html>",
                           "not an image in an allowed format (JPEG, PNG, WEBP): the file is an HTML page"),
    "GIF renamed .jpg": (lambda big: photo_bytes((120, 80), "GIF"), "the file is a GIF image"),
    "SVG renamed .jpg": (lambda big: b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
                         "the file is an SVG drawing"),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> tuple[Path, Path]:
    """The tiny catalog built once: (output, its image cache), the "previous output" of every test."""
    root = tmp_path_factory.mktemp("good-site")
    build(TINY, root / "output", cache_dir=root / "cache")
    return root / "output", root / "cache" / "images"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def run(*args: str) -> int:
    return main(list(args))


def failed_build_keeps_output(tmp_path: Path, content: Path, good_site: tuple[Path, Path]) -> None:
    """Build ``content`` over a copy of the good output; assert that it fails and changes nothing."""
    good, images = good_site
    out, cache = tmp_path / "out", tmp_path / "cache"
    shutil.copytree(good, out)
    cache.mkdir()
    (cache / "images").symlink_to(images, target_is_directory=True)
    before = snapshot(out)
    assert run("build", "--content", str(content), "--output", str(out), "--cache", str(cache)) == 1
    assert snapshot(out) == before


@pytest.mark.parametrize("kind", sorted(BAD))
def test_check_and_build_refuse_each_bad_original(kind, tiny_content, tmp_path, good_site, photo_54mp, capsys):
    make, words = BAD[kind]
    (tiny_content / "media/artisans/shazia.jpg").write_bytes(make(photo_54mp))
    expected = [f"{rec}#/portrait/src: media/artisans/shazia.jpg: " for rec in ARTISANS]

    assert run("check", "--content", str(tiny_content), "--cache", str(tmp_path / "check-cache")) == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "media/" in line]
    assert [line[: len(expected[0])] for line in lines] == expected, err
    assert all(words in line for line in lines), err

    failed_build_keeps_output(tmp_path, tiny_content, good_site)
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "media/" in line]
    assert [line[: len(expected[0])] for line in lines] == expected, err
    assert all(words in line for line in lines), err
    assert "left unchanged" in err


def test_every_bad_original_is_reported_at_once(tiny_content, tmp_path, good_site, photo_54mp, capsys):
    """Seven bad files used by eleven fields: check and build name all eleven, not only the first."""
    media = tiny_content / "media"
    kinds = sorted(BAD)
    (media / "artisans/shazia.jpg").write_bytes(BAD[kinds[0]][0](photo_54mp))
    (media / "crafts/sozni.jpg").write_bytes(BAD[kinds[1]][0](photo_54mp))
    (media / "stories/needle.jpg").write_bytes(BAD[kinds[2]][0](photo_54mp))
    product = json.loads((tiny_content / PRODUCT).read_text("utf-8"))
    for i, kind in enumerate(kinds[3:]):
        (media / f"products/bad-{i}.jpg").write_bytes(BAD[kind][0](photo_54mp))
        product["images"].append({"src": f"products/bad-{i}.jpg", "alt": "A stole"})
    (tiny_content / PRODUCT).write_text(json.dumps(product, ensure_ascii=False), "utf-8")
    expected = sorted(
        [(f"{rec}#/portrait/src: media/artisans/shazia.jpg: ", BAD[kinds[0]][1]) for rec in ARTISANS]
        + [(f"{rec}#{pointer}: media/crafts/sozni.jpg: ", BAD[kinds[1]][1]) for rec, pointer in CRAFT_USES]
        + [("stories/a-needle-and-a-winter.en.json#/hero/src: media/stories/needle.jpg: ", BAD[kinds[2]][1])]
        + [(f"{PRODUCT}#/images/{i + 1}/src: media/products/bad-{i}.jpg: ", BAD[kind][1])
           for i, kind in enumerate(kinds[3:])]
    )
    assert len(expected) == 11

    def assert_reported(err: str) -> None:
        lines = sorted(line for line in err.splitlines() if "media/" in line)
        assert len(lines) == len(expected), err
        for line, (prefix, words) in zip(lines, expected, strict=True):
            assert line.startswith(prefix) and words in line, (line, prefix, words)

    assert run("check", "--content", str(tiny_content), "--cache", str(tmp_path / "check-cache")) == 1
    assert_reported(capsys.readouterr().err)
    failed_build_keeps_output(tmp_path, tiny_content, good_site)
    assert_reported(capsys.readouterr().err)


def test_check_passes_and_remembers_probes(tiny_content, tmp_path, capsys):
    """A good catalog passes; the second check reads no original again (probes kept in the cache)."""
    cache = tmp_path / "cache"
    assert run("check", "--content", str(tiny_content), "--cache", str(cache)) == 0
    record = json.loads((cache / "images" / "sources.json").read_text())
    assert len(record["sources"]) == 4
    # A file cut short after the check: its stat signature changes, so the next check reads it again.
    photo = tiny_content / "media/stories/needle.jpg"
    photo.write_bytes(photo.read_bytes()[:-100])
    assert run("check", "--content", str(tiny_content), "--cache", str(cache)) == 1
    assert "media/stories/needle.jpg: truncated JPEG" in capsys.readouterr().err


def test_check_works_when_the_cache_cannot_be_written(tiny_content, tmp_path, capsys):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be")
    assert run("check", "--content", str(tiny_content), "--cache", str(blocked)) == 0
    assert "cannot remember image probes" in capsys.readouterr().err


def test_a_live_edit_that_uses_a_bad_original_names_it_and_changes_nothing(site: dict) -> None:
    """``chinar serve --watch``: an edit in place that points a portrait at a photo cut short is refused
    with the record file and field, and the served output stays as it was."""
    from sites import BASE, edit_json, snapshot

    from chinar.errors import ContentError
    from chinar.resident import ResidentBuild

    (site["content"] / "media/artisans/cut.jpg").write_bytes(photo_bytes((600, 400))[:9000])  # unused so far
    builder = ResidentBuild(site["content"], site["out"], BASE, cache_dir=site["inc"], theme_dir=site["theme"])
    builder.build()
    before = snapshot(site["out"])
    record = site["content"] / "artisans/shazia-akhter.en.json"
    edit_json(record, lambda d: d["portrait"].update(src="artisans/cut.jpg"))
    with pytest.raises(ContentError) as caught:
        builder.build({str(record)})
    assert [(p.file, p.pointer) for p in caught.value.problems] == [("artisans/shazia-akhter.en.json", "/portrait/src")]
    assert caught.value.problems[0].message.startswith("media/artisans/cut.jpg: truncated JPEG")
    assert snapshot(site["out"]) == before
    # Nothing in memory changed either: the kept record still names the good photo, and fixing the
    # edit is an ordinary edit in place.
    kept = builder.job.catalog.get("artisan", "shazia-akhter", "en")
    assert kept["portrait"]["src"] != "artisans/cut.jpg"
    edit_json(record, lambda d: (d["portrait"].update(src=kept["portrait"]["src"]), d.update(name="Shazia A. Bhat")))
    builder.build({str(record)})
    assert builder.last == "in place"
