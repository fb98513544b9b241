"""Images through the whole build: metadata never published, bad files fail clearly, cache reused."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PIL import Image

from chinar.build import build
from chinar.cli import main


def jpeg_with_gps(path: Path) -> None:
    im = Image.new("RGB", (900, 700), (150, 60, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0132] = "2026:01:02 10:00:00"
    exif.get_ifd(0x8825).update({1: "N", 2: (34.0, 5.0, 0.0), 3: "E", 4: (74.0, 48.0, 0.0)})
    im.save(path, exif=exif.tobytes(), comment=b"taken at home")
    with Image.open(path) as check:
        assert check.getexif().get_ifd(0x8825)  # the source really carries GPS


def test_no_output_image_carries_metadata(tiny_content: Path, tmp_path: Path) -> None:
    jpeg_with_gps(tiny_content / "media/artisans/shazia.jpg")
    out = tmp_path / "out"
    build(tiny_content, out, cache_dir=tmp_path / "cache")
    images = list((out / "img").iterdir())
    assert len(images) > 20
    for path in images:
        with Image.open(path) as im:
            assert not im.getexif(), path.name
            assert not ({"exif", "xmp", "comment", "icc_profile"} & set(im.info)), (path.name, set(im.info))
        assert b"PhoneMaker" not in path.read_bytes() and b"taken at home" not in path.read_bytes()
    # Originals are never copied into the output.
    originals = {p.read_bytes() for p in (tiny_content / "media").rglob("*.jpg")}
    assert not any(p.read_bytes() in originals for p in out.rglob("*") if p.is_file())


def test_second_build_encodes_nothing(tiny_content: Path, tmp_path: Path) -> None:
    first = build(tiny_content, tmp_path / "out", cache_dir=tmp_path / "cache")
    assert first.images["encoded"] > 0
    second = build(tiny_content, tmp_path / "out", cache_dir=tmp_path / "cache", full=True)
    assert second.images["encoded"] == 0 and second.images["reused"] == first.images["encoded"]


def test_corrupt_image_fails_the_build_clearly(tiny_content: Path, tmp_path: Path, capsys) -> None:
    src = tiny_content / "media/products/sozni-stole.jpg"
    src.write_bytes(src.read_bytes()[:300])  # truncated JPEG
    status = main(["build", "--content", str(tiny_content), "--output", str(tmp_path / "out"),
                   "--cache", str(tmp_path / "cache")])
    assert status == 1
    err = capsys.readouterr().err
    assert "media/products/sozni-stole.jpg" in err
    assert not (tmp_path / "out").exists()


def test_decompression_bomb_fails_the_build_clearly(tiny_content: Path, tmp_path: Path, capsys) -> None:
    # A valid PNG header announcing 60000 x 60000 pixels: must be refused before decoding.
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 60000, 60000, 8, 2, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(b"\x00" * 100)) + chunk(b"IEND", b"")
    (tiny_content / "media/products/sozni-stole.jpg").unlink()
    (tiny_content / "media/products/bomb.png").write_bytes(png)
    product = tiny_content / "products/sozni-stole.en.json"
    product.write_text(product.read_text().replace("products/sozni-stole.jpg", "products/bomb.png"))
    status = main(["build", "--content", str(tiny_content), "--output", str(tmp_path / "out"),
                   "--cache", str(tmp_path / "cache")])
    assert status == 1
    err = capsys.readouterr().err
    assert "media/products/bomb.png" in err and "pixels" in err
