"""The image pipeline on real files: sources are made with Pillow in tmp_path, outputs reopened."""

from __future__ import annotations

import dataclasses
import io
import logging
import os
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import ExifTags, Image, ImageChops, ImageCms, ImageStat

from chinar.images import SPECS, ImageError, ImagePipeline, Picture
from chinar.images.geometry import crop_box, output_sizes

RED, BLUE, GREEN = (220, 20, 20), (20, 20, 220), (20, 200, 20)
SECRET = "Secretpur-village"  # planted in every metadata field; must never reach the output
FILE_NAME = re.compile(r"^[0-9a-f]{16}-\d+\.(avif|webp|jpg)$")


@pytest.fixture
def media(tmp_path: Path) -> Path:
    path = tmp_path / "content" / "media"
    path.mkdir(parents=True)
    return path


def make_pipeline(tmp_path: Path, out: str = "out", cache: str = "cache", **kwargs) -> ImagePipeline:
    kwargs.setdefault("workers", 1)
    return ImagePipeline(tmp_path / "content" / "media", tmp_path / out, tmp_path / cache, **kwargs)


def save(media: Path, name: str, im: Image.Image, **params) -> dict:
    path = media / name
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, **params)
    return {"src": name, "alt": f"alt for {name}"}


def textured(size: tuple[int, int], seed: int = 0) -> Image.Image:
    """Gradients plus noise: compresses like a photo, and different seeds give different bytes."""
    base = Image.linear_gradient("L").resize(size)
    noise = Image.effect_noise(size, 30 + seed)
    return Image.merge("RGB", (base, noise, base.transpose(Image.Transpose.ROTATE_180)))


def opened(pipeline: ImagePipeline, url: str) -> Image.Image:
    path = pipeline.output_dir / url.lstrip("/")
    im = Image.open(path)
    im.load()
    return im


def all_urls(picture: Picture) -> list[str]:
    urls = [part.split()[0] for _, srcset in picture.sources for part in srcset.split(", ")]
    return urls + [part.split()[0] for part in picture.srcset.split(", ")]


def output_bytes(pipeline: ImagePipeline) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(pipeline.image_dir.iterdir())}


# -- geometry -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(1600, 600), (600, 1600), (1000, 1000), (1001, 997)])
@pytest.mark.parametrize("aspect", [(4, 3), (16, 9), (4, 5), (1, 1), (40, 21)])
def test_crop_box_has_aspect_stays_inside_and_contains_focal_point(size, aspect):
    for fx in (0.0, 0.1, 0.5, 0.77, 1.0):
        for fy in (0.0, 0.33, 0.5, 0.9, 1.0):
            left, top, right, bottom = crop_box(size, aspect, (fx, fy))
            assert 0 <= left < right <= size[0] and 0 <= top < bottom <= size[1]
            assert left <= fx * size[0] <= right and top <= fy * size[1] <= bottom
            assert abs((right - left) / (bottom - top) - aspect[0] / aspect[1]) < 0.01
            # as large as possible: spans the full width or the full height
            assert right - left == size[0] or bottom - top == size[1]


def test_crop_box_centres_on_focal_point_when_bounds_allow():
    assert crop_box((1600, 600), (1, 1), (0.5, 0.5)) == (500, 0, 1100, 600)
    assert crop_box((1600, 600), (1, 1), (0.25, 0.5)) == (100, 0, 700, 600)
    assert crop_box((1600, 600), (1, 1), (0.01, 0.5)) == (0, 0, 600, 600)
    assert crop_box((1600, 600), None, (0.01, 0.5)) == (0, 0, 1600, 600)


def test_output_sizes_drop_widths_wider_than_the_crop_but_keep_one():
    assert output_sizes((0, 0, 1000, 750), (4, 3), (240, 360, 480)) == [(240, 180), (360, 270), (480, 360)]
    assert output_sizes((0, 0, 400, 300), (4, 3), (240, 360, 480)) == [(240, 180), (360, 270)]
    assert output_sizes((0, 0, 200, 150), (4, 3), (240, 360, 480)) == [(200, 150)]
    assert output_sizes((0, 0, 300, 100), None, (480, 800)) == [(300, 100)]


# -- renditions -----------------------------------------------------------------------------


def test_picture_renditions_exist_in_every_format_at_the_spec_sizes(tmp_path, media):
    image = save(media, "crafts/sozni.jpg", textured((1000, 800)), quality=90)
    pipeline = make_pipeline(tmp_path)
    picture = pipeline.picture(image, "card")
    pipeline.write()

    assert [mime for mime, _ in picture.sources] == ["image/avif", "image/webp"]
    expected = {"image/avif": "AVIF", "image/webp": "WEBP", "image/jpeg": "JPEG"}
    for mime, srcset in [*picture.sources, ("image/jpeg", picture.srcset)]:
        entries = [entry.split() for entry in srcset.split(", ")]
        assert [descriptor for _, descriptor in entries] == ["240w", "360w", "480w"]
        for url, descriptor in entries:
            assert url.startswith("/img/") and FILE_NAME.match(url.removeprefix("/img/"))
            im = opened(pipeline, url)
            width = int(descriptor.removesuffix("w"))
            assert (im.format, im.size, im.mode) == (expected[mime], (width, width * 3 // 4), "RGB")
    assert picture.fallback.mime == "image/jpeg"
    assert (picture.fallback.width, picture.fallback.height) == (picture.width, picture.height) == (360, 270)
    assert picture.fallback.url in picture.srcset
    assert picture.alt == "alt for crafts/sozni.jpg"
    assert picture.sizes == SPECS["card"].sizes


@pytest.mark.parametrize(
    ("spec", "size"),
    [("card", (240, 180)), ("hero", (480, 270)), ("portrait", (240, 300)), ("thumb", (96, 96))],
)
def test_every_spec_has_its_aspect(tmp_path, media, spec, size):
    image = save(media, "big.png", textured((700, 700)))
    pipeline = make_pipeline(tmp_path)
    picture = pipeline.picture(image, spec)
    pipeline.write()
    first_jpeg = picture.srcset.split(", ")[0].split()[0]
    assert opened(pipeline, first_jpeg).size == size


def test_gallery_keeps_the_source_aspect(tmp_path, media):
    image = save(media, "wide.png", textured((1600, 500)))
    pipeline = make_pipeline(tmp_path)
    picture = pipeline.picture(image, "gallery")
    pipeline.write()
    assert [opened(pipeline, u).size for u in all_urls(picture)[-3:]] == [(480, 150), (800, 250), (1200, 375)]


def test_never_upscales_and_keeps_at_least_one_width(tmp_path, media):
    small = save(media, "small.jpg", textured((300, 200)))
    tiny = save(media, "tiny.png", textured((100, 50)))
    pipeline = make_pipeline(tmp_path)
    card = pipeline.picture(small, "card")  # crop 267x200: 240 fits, 360 and 480 would upscale
    hero = pipeline.picture(small, "hero")  # crop 300x169: every hero width is too wide
    gallery = pipeline.picture(tiny, "gallery")
    pipeline.write()
    assert card.srcset.endswith(" 240w") and ", " not in card.srcset
    assert (hero.width, hero.height) == (300, 169)
    assert {opened(pipeline, u).size for u in all_urls(hero)} == {(300, 169)}
    assert {opened(pipeline, u).size for u in all_urls(gallery)} == {(100, 50)}


def test_thumbnail_is_a_small_square(tmp_path, media):
    image = save(media, "t.jpg", textured((800, 600)))
    pipeline = make_pipeline(tmp_path)
    thumb = pipeline.thumbnail(image)
    jpeg = pipeline.thumbnail(image, fmt="jpeg")
    pipeline.write()
    assert (thumb.mime, thumb.width, thumb.height) == ("image/webp", 160, 160)
    assert opened(pipeline, thumb.url).format == "WEBP" and opened(pipeline, jpeg.url).format == "JPEG"


# -- crops ----------------------------------------------------------------------------------


def two_colour(size: tuple[int, int], region: tuple[int, int, int, int], colour, rest=BLUE) -> Image.Image:
    im = Image.new("RGB", size, rest)
    im.paste(colour, region)
    return im


def colour_near(im: Image.Image, xy: tuple[int, int], colour, tolerance: int = 40) -> bool:
    pixel = im.convert("RGB").getpixel(xy)
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


def test_crop_follows_the_focal_point(tmp_path, media):
    # a wide photo whose subject (red) is at the far left; a centred 4:3 crop would miss it
    image = save(media, "wide.png", two_colour((1600, 600), (0, 0, 200, 600), RED))
    focused = {**image, "focal_point": {"x": 0.05, "y": 0.5}}
    pipeline = make_pipeline(tmp_path)
    centred = pipeline.picture(image, "card")
    left = pipeline.picture(focused, "card")
    pipeline.write()
    for url in all_urls(left):
        im = opened(pipeline, url)
        assert colour_near(im, (2, im.height // 2), RED)
    for url in all_urls(centred):
        im = opened(pipeline, url)
        assert colour_near(im, (2, im.height // 2), BLUE) and colour_near(im, (im.width - 3, 2), BLUE)


def test_vertical_crop_follows_the_focal_point(tmp_path, media):
    image = save(media, "tall.png", two_colour((600, 1600), (0, 1450, 600, 1600), GREEN))
    pipeline = make_pipeline(tmp_path)
    hero = pipeline.picture({**image, "focal_point": {"x": 0.5, "y": 0.95}}, "hero")
    pipeline.write()
    im = opened(pipeline, hero.fallback.url)
    assert colour_near(im, (im.width // 2, im.height - 3), GREEN)
    assert colour_near(im, (im.width // 2, 2), BLUE)


def test_exif_orientation_is_applied_before_cropping(tmp_path, media):
    # stored landscape with the red band on the left; orientation 6 = rotate 90 degrees clockwise
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    raw = two_colour((800, 400), (0, 0, 100, 400), RED)
    image = save(media, "rotated.jpg", raw, exif=exif, quality=95)
    pipeline = make_pipeline(tmp_path)
    gallery = pipeline.picture(image, "gallery")
    pipeline.write()
    im = opened(pipeline, gallery.fallback.url)
    assert im.width < im.height  # shown as portrait, like the phone that took it
    assert colour_near(im, (im.width // 2, 3), RED) and colour_near(im, (im.width // 2, im.height - 3), BLUE)


def test_reduced_jpeg_decoding_gives_the_same_crop_as_full_decoding(tmp_path, media):
    # large JPEGs are decoded at 1/2..1/8 scale for small renditions; the crop must not move
    raw = Image.new("RGB", (2400, 1200), BLUE)
    raw.paste(RED, (0, 0, 300, 1200))
    raw.paste(GREEN, (1100, 500, 1500, 700))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    focal = {"x": 0.4, "y": 0.1}
    jpeg = {**save(media, "big.jpg", raw, exif=exif, quality=95), "focal_point": focal}
    png = {**save(media, "big.png", raw, exif=exif), "focal_point": focal}
    pipeline = make_pipeline(tmp_path)
    pictures = [pipeline.picture(image, "card") for image in (jpeg, png)]
    pipeline.write()
    for jpeg_url, png_url in zip(*(p.srcset.split(", ") for p in pictures), strict=True):
        from_jpeg, from_png = (opened(pipeline, u.split()[0]).convert("L") for u in (jpeg_url, png_url))
        assert from_jpeg.size == from_png.size
        difference = ImageChops.difference(from_jpeg, from_png)
        assert ImageStat.Stat(difference).mean[0] < 4, jpeg_url
        assert colour_near(opened(pipeline, jpeg_url.split()[0]), (from_png.width // 2, 2), RED)


# -- metadata -------------------------------------------------------------------------------


def with_gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = SECRET
    exif[ExifTags.Base.Make] = "PhoneCo"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (34.0, 5.0, 1.5)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (74.0, 47.0, 2.25)
    return exif


def test_metadata_is_stripped_from_every_output(tmp_path, media):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>{SECRET}</rdf:Description></x:xmpmeta>'
    jpeg = save(
        media, "artisans/home.jpg", textured((900, 700)),
        exif=with_gps_exif(), xmp=xmp.encode(), comment=SECRET, icc_profile=srgb, quality=90,
    )
    png = save(media, "artisans/home.png", textured((900, 700)), exif=with_gps_exif(), icc_profile=srgb)
    # the sources really carry what must be removed (otherwise this test could not fail)
    with Image.open(media / "artisans/home.jpg") as source:
        assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert {"xmp", "comment", "icc_profile"} <= set(source.info)

    pipeline = make_pipeline(tmp_path)
    urls: list[str] = []
    for image in (jpeg, png):
        for spec in SPECS:
            urls += all_urls(pipeline.picture(image, spec))
        urls += [pipeline.og_image(image).url, pipeline.thumbnail(image).url]
    pipeline.write()

    files = sorted(pipeline.image_dir.iterdir())
    assert len(files) == len(set(urls)) > 40
    for path in files:
        data = path.read_bytes()
        assert SECRET.encode() not in data and b"PhoneCo" not in data, path.name
        with Image.open(path) as im:
            assert not im.getexif(), path.name
            assert not im.getexif().get_ifd(ExifTags.IFD.GPSInfo), path.name
            private = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop"}
            leaked = private & set(im.info)
            assert not leaked, (path.name, leaked)


def test_originals_are_never_copied_into_the_output(tmp_path, media):
    image = save(media, "small.jpg", textured((240, 180)), quality=80)  # same size as a card rendition
    pipeline = make_pipeline(tmp_path)
    pipeline.picture(image, "card")
    pipeline.write()
    source = (media / "small.jpg").read_bytes()
    files = list((tmp_path / "out").rglob("*"))
    assert all(FILE_NAME.match(p.name) for p in files if p.is_file())
    assert all(p.read_bytes() != source for p in files if p.is_file())


# -- colour modes ---------------------------------------------------------------------------


def test_every_source_mode_becomes_plain_srgb_rgb(tmp_path, media):
    transparent = Image.new("RGBA", (300, 300), (255, 0, 0, 0))  # fully transparent -> white
    grey16 = Image.new("I;16", (300, 300), 32768)  # 16-bit grey, half brightness
    cmyk = Image.new("CMYK", (300, 300), (0, 255, 255, 0))  # pure red in CMYK
    palette = Image.new("RGB", (300, 300), GREEN).convert("P")
    sources = {
        "rgba.png": (transparent, (255, 255, 255)),
        "grey16.png": (grey16, (128, 128, 128)),
        "cmyk.jpg": (cmyk, (255, 0, 0)),
        "palette.png": (palette, GREEN),
        "la.png": (Image.new("LA", (300, 300), (0, 255)), (0, 0, 0)),
        "webp.webp": (Image.new("RGB", (300, 300), BLUE), BLUE),
    }
    pipeline = make_pipeline(tmp_path)
    pictures = {name: pipeline.picture(save(media, name, im), "thumb") for name, (im, _) in sources.items()}
    pipeline.write()
    for name, picture in pictures.items():
        for url in all_urls(picture):
            im = opened(pipeline, url)
            assert im.mode == "RGB", (name, url)
            pixel = im.getpixel((80, 80))
            assert colour_near(im, (80, 80), sources[name][1], tolerance=12), (name, url, pixel)


def s15fixed16(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def rgb_icc_profile(red, green, blue, gamma: float = 2.2, description: str = "Test RGB") -> bytes:
    """A minimal ICC v2 matrix/TRC RGB profile with the given D50 primaries (XYZ)."""

    def xyz(v) -> bytes:
        return b"XYZ " + b"\0" * 4 + b"".join(s15fixed16(c) for c in v)

    curve = b"curv" + b"\0" * 4 + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"
    text = description.encode("ascii") + b"\0"
    desc = b"desc" + b"\0" * 4 + struct.pack(">I", len(text)) + text + b"\0" * 78
    tags = [(b"desc", desc), (b"wtpt", xyz((0.9642, 1.0, 0.8249))), (b"rXYZ", xyz(red)),
            (b"gXYZ", xyz(green)), (b"bXYZ", xyz(blue)), (b"rTRC", curve), (b"gTRC", curve), (b"bTRC", curve)]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    header = (struct.pack(">I", offset + len(data)) + b"\0" * 4 + struct.pack(">I", 0x02100000)
              + b"mntrRGB XYZ " + b"\0" * 12 + b"acsp" + b"\0" * 28
              + s15fixed16(0.9642) + s15fixed16(1.0) + s15fixed16(0.8249) + b"\0" * 48)
    return header + struct.pack(">I", len(tags)) + table + data


def test_embedded_colour_profile_is_converted_to_srgb(tmp_path, media):
    # a profile whose "red" primary is sRGB's green: a correct conversion turns stored red into green
    srgb_red, srgb_green = (0.4361, 0.2225, 0.0139), (0.3851, 0.7169, 0.0971)
    srgb_blue = (0.1431, 0.0606, 0.7141)
    swapped = rgb_icc_profile(srgb_green, srgb_red, srgb_blue, description="Swapped primaries")
    image = save(media, "swapped.png", Image.new("RGB", (300, 300), (255, 0, 0)), icc_profile=swapped)
    pipeline = make_pipeline(tmp_path)
    picture = pipeline.picture(image, "thumb")
    pipeline.write()
    for url in all_urls(picture):
        im = opened(pipeline, url)
        assert "icc_profile" not in im.info
        assert colour_near(im, (50, 50), (0, 255, 0), tolerance=12), (url, im.getpixel((50, 50)))


def test_unusable_colour_profile_is_logged_and_ignored(tmp_path, media, caplog):
    image = save(media, "odd.jpg", Image.new("RGB", (300, 300), BLUE), icc_profile=b"not a profile" * 20)
    pipeline = make_pipeline(tmp_path)
    picture = pipeline.picture(image, "thumb")
    with caplog.at_level(logging.WARNING, logger="chinar.images"):
        pipeline.write()
    assert "media/odd.jpg: embedded colour profile unusable" in caplog.text
    assert colour_near(opened(pipeline, picture.fallback.url), (50, 50), BLUE, tolerance=12)


# -- cache ----------------------------------------------------------------------------------


def plan_everything(pipeline: ImagePipeline, images: list[dict]) -> None:
    for image in images:
        for spec in ("card", "hero", "thumb"):
            pipeline.picture(image, spec)
        pipeline.og_image(image)


def test_second_run_reencodes_nothing_and_reads_each_source_once(tmp_path, media):
    images = [save(media, f"p{i}.jpg", textured((700, 500), seed=i)) for i in range(2)]
    first = make_pipeline(tmp_path)
    plan_everything(first, images)
    plan_everything(first, images)  # asking twice changes nothing
    first.write()
    total = len(first.output_files())
    assert first.stats == {"encoded": total, "reused": 0, "sources": 2, "hashed": 2, "written": total}

    second = make_pipeline(tmp_path, out="out2")
    plan_everything(second, images)
    second.write()
    # unchanged originals are not even re-read: their hash is remembered with their file signature
    assert second.stats == {"encoded": 0, "reused": total, "sources": 2, "hashed": 0, "written": total}
    assert output_bytes(second) == output_bytes(first)

    second.write()  # nothing new requested: nothing happens
    assert second.stats["written"] == total and second.stats["encoded"] == 0


def test_cached_renditions_are_linked_as_they_are_planned_and_the_rest_encoded_by_write(tmp_path, media):
    """``link_cached`` (called while pages render) links what the cache has; ``write`` encodes the rest
    and links nothing twice; the output is the same as ``write`` alone would make."""
    images = [save(media, f"p{i}.jpg", textured((700, 500), seed=i)) for i in range(2)]
    first = make_pipeline(tmp_path)
    plan_everything(first, images[:1])  # only the first image is in the cache
    first.write()
    cached = len(first.output_files())

    second = make_pipeline(tmp_path, out="out2")
    plan_everything(second, images[:1])
    second.link_cached()
    assert second.stats == {"encoded": 0, "reused": cached, "sources": 1, "hashed": 0, "written": cached}
    assert sorted(p.name for p in second.image_dir.iterdir()) == sorted(Path(f).name for f in second.output_files())
    plan_everything(second, images)
    second.link_cached()  # the second image's renditions are not cached: left for write()
    assert second.stats["written"] == cached
    second.write()
    total = len(second.output_files())
    assert second.stats == {"encoded": total - cached, "reused": cached, "sources": 2, "hashed": 1, "written": total}
    third = make_pipeline(tmp_path, out="out3", cache="cache3")
    plan_everything(third, images)
    third.write()
    assert output_bytes(second) == output_bytes(third)
    second.link_cached()
    second.write()  # nothing new: nothing linked again
    assert second.stats["written"] == total


def test_changed_source_is_reencoded_under_new_names(tmp_path, media):
    images = [save(media, f"p{i}.jpg", textured((700, 500), seed=i)) for i in range(2)]
    first = make_pipeline(tmp_path)
    plan_everything(first, images)
    first.write()
    before = first.picture(images[0], "card")
    per_source = len(first.output_files()) // 2

    save(media, "p0.jpg", textured((700, 500), seed=7))  # an editor replaced the photo
    second = make_pipeline(tmp_path, out="out2")
    plan_everything(second, images)
    after = second.picture(images[0], "card")
    second.write()
    assert second.stats["encoded"] == per_source and second.stats["reused"] == per_source
    assert second.stats["hashed"] == 1
    assert set(all_urls(after)).isdisjoint(all_urls(before))


def test_rewrite_keeping_size_and_mtime_is_still_detected(tmp_path, media):
    # uncompressed PNGs of the same dimensions have the same size whatever the colour
    image = save(media, "same-size.png", Image.new("RGB", (300, 300), BLUE), compress_level=0)
    path = media / "same-size.png"
    first = make_pipeline(tmp_path)
    before = first.picture(image, "thumb")
    first.write()
    stat = path.stat()

    save(media, "same-size.png", Image.new("RGB", (300, 300), RED), compress_level=0)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as "cp -p" or an unzip would
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (stat.st_size, stat.st_mtime_ns)
    second = make_pipeline(tmp_path, out="out2")
    after = second.picture(image, "thumb")
    second.write()
    assert second.stats["hashed"] == 1 and after.fallback.url != before.fallback.url
    assert colour_near(opened(second, after.fallback.url), (40, 40), RED)


def test_damaged_probe_record_means_reading_sources_again(tmp_path, media):
    image = save(media, "p.jpg", textured((500, 400)))
    first = make_pipeline(tmp_path)
    url = first.picture(image, "card").fallback.url
    first.write()
    (tmp_path / "cache" / "sources.json").write_text("{not json")
    second = make_pipeline(tmp_path, out="out2")
    assert second.picture(image, "card").fallback.url == url
    second.write()
    assert second.stats["hashed"] == 1 and second.stats["encoded"] == 0


def test_alt_text_follows_the_image_object_of_each_locale(tmp_path, media):
    image = save(media, "p.jpg", textured((500, 400)))
    pipeline = make_pipeline(tmp_path)
    english = pipeline.picture(image, "card")
    hindi = pipeline.picture({**image, "alt": "सोज़नी कढ़ाई"}, "card")
    assert (english.alt, hindi.alt) == ("alt for p.jpg", "सोज़नी कढ़ाई")
    assert replace_alt(english) == replace_alt(hindi)


def replace_alt(picture: Picture) -> Picture:
    return dataclasses.replace(picture, alt="")


def test_changed_focal_point_gets_new_renditions(tmp_path, media):
    image = save(media, "p.jpg", textured((900, 500)))
    pipeline = make_pipeline(tmp_path)
    centred = pipeline.picture(image, "card")
    moved = pipeline.picture({**image, "focal_point": {"x": 0.1, "y": 0.5}}, "card")
    assert set(all_urls(centred)).isdisjoint(all_urls(moved))


def test_output_is_byte_identical_from_fresh_caches_and_any_worker_count(tmp_path, media):
    images = [save(media, f"p{i}.png", textured((800, 600), seed=i)) for i in range(3)]
    serial = make_pipeline(tmp_path, out="out1", cache="cache1", workers=1)
    pooled = make_pipeline(tmp_path, out="out2", cache="cache2", workers=2)
    for pipeline in (serial, pooled):
        plan_everything(pipeline, images)
        pipeline.write()
    first, second = output_bytes(serial), output_bytes(pooled)
    assert any(name.endswith(".avif") for name in first)
    assert first == second
    assert pooled.stats["encoded"] == serial.stats["encoded"] == len(first)


# -- link previews --------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["noise", "small"])
def test_og_image_is_1200x630_progressive_jpeg_under_300_kb(tmp_path, media, source):
    if source == "noise":  # pure noise compresses worst: forces the quality to step down
        im = Image.merge("RGB", [Image.effect_noise((1600, 1000), 120 + i) for i in range(3)])
    else:  # smaller than the preview size: the one rendition that is scaled up
        im = textured((400, 300))
    image = save(media, f"{source}.png", im)
    pipeline = make_pipeline(tmp_path)
    og = pipeline.og_image(image)
    pipeline.write()
    path = pipeline.output_dir / og.url.lstrip("/")
    assert path.stat().st_size < 300 * 1024
    with Image.open(path) as preview:
        assert (preview.format, preview.size, og.width, og.height) == ("JPEG", (1200, 630), 1200, 630)
        assert preview.info.get("progressive") or preview.info.get("progression")
    assert og.mime == "image/jpeg"


# -- bad input ------------------------------------------------------------------------------


def png_claiming(width: int, height: int) -> bytes:
    """A ~60-byte PNG whose header claims width x height (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunks = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def encoded(im: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    im.save(buf, fmt)
    return buf.getvalue()


def corrupt_png() -> bytes:
    data = bytearray(encoded(textured((300, 200)), "PNG"))
    start = data.index(b"IDAT") + 20
    data[start : start + 200] = bytes(range(200))  # garbage in the compressed pixel stream
    return bytes(data)


def damaged_png() -> bytes:
    """Garbage in the compressed pixels under correct checksums: only decoding finds it."""
    data = bytearray(corrupt_png())
    start = data.index(b"IDAT") - 4
    (length,) = struct.unpack(">I", data[start : start + 4])
    end = start + 8 + length
    data[end : end + 4] = struct.pack(">I", zlib.crc32(bytes(data[start + 4 : end])))
    return bytes(data)


def jpeg_header_only() -> bytes:
    data = encoded(textured((300, 200)), "JPEG")
    return data[: data.index(b"\xff\xda")]  # stops before the scan: no pixel data at all


BAD_FILES = {
    "corrupt.png": corrupt_png,
    "damaged.png": damaged_png,
    "header-only.jpg": jpeg_header_only,
    "truncated.jpg": lambda: (lambda d: d[: len(d) * 2 // 3])(encoded(textured((600, 400)), "JPEG")),
    "bomb.png": lambda: png_claiming(100_000, 100_000),
    "notes.jpg": lambda: b"This is a text file that somebody named .jpg\n" * 20,
    "empty.jpg": lambda: b"",
    "document.png": lambda: b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n",
    "photo.jpg": lambda: encoded(textured((120, 80)), "GIF"),  # a real image, but not an allowed format
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_source_raises_image_error_naming_the_file(tmp_path, media, name):
    (media / "bad").mkdir()
    (media / "bad" / name).write_bytes(BAD_FILES[name]())
    pipeline = make_pipeline(tmp_path)
    with pytest.raises(ImageError) as caught:
        pipeline.picture({"src": f"bad/{name}", "alt": "x"}, "card")
        pipeline.write()  # damage inside the pixel data shows up when decoding
    assert caught.value.path == f"media/bad/{name}"
    assert str(caught.value).startswith(f"media/bad/{name}: ")
    assert not pipeline.image_dir.exists()  # nothing half-written into the output


def test_bad_source_fails_the_same_way_through_the_process_pool(tmp_path, media):
    good = [save(media, f"good{i}.jpg", textured((500, 400), seed=i)) for i in range(2)]
    (media / "damaged.png").write_bytes(BAD_FILES["damaged.png"]())
    pipeline = make_pipeline(tmp_path, workers=2)
    for image in [*good, {"src": "damaged.png", "alt": "x"}]:
        pipeline.picture(image, "card")
    with pytest.raises(ImageError, match=r"^media/damaged\.png: damaged or truncated") as caught:
        pipeline.write()
    assert caught.value.path == "media/damaged.png"
    assert pipeline.problem("damaged.png") == str(caught.value)
    assert pipeline.stats["encoded"] == 18  # the good sources were cached for the next build


def test_missing_file_raises_image_error_naming_it(tmp_path, media):
    pipeline = make_pipeline(tmp_path)
    with pytest.raises(ImageError, match=r"^media/artisans/gone\.jpg: file not found$"):
        pipeline.og_image({"src": "artisans/gone.jpg", "alt": "x"})


def test_large_real_image_over_the_pixel_limit_is_refused(tmp_path, media):
    image = save(media, "huge.png", Image.new("RGB", (400, 300), BLUE))
    pipeline = make_pipeline(tmp_path, max_pixels=100_000)
    with pytest.raises(ImageError, match=r"^media/huge\.png: image is 400x300 .*over the limit of 0.1 MP"):
        pipeline.picture(image, "card")


def test_pillow_bomb_warning_is_an_error_too(tmp_path, media, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 50_000)  # 400x300 is over it, but under 2x
    image = save(media, "warned.png", Image.new("RGB", (400, 300), BLUE))
    with pytest.raises(ImageError, match=r"^media/warned\.png: decompression bomb refused"):
        make_pipeline(tmp_path).picture(image, "card")


@pytest.mark.parametrize(
    ("image", "problem"),
    [
        ({"src": "../secret.jpg", "alt": "x"}, "without '..'"),
        ({"src": "/etc/passwd", "alt": "x"}, "without '..'"),
        ({"src": "ok.png", "alt": " "}, "no alt text"),
        ({"src": "ok.png", "alt": "x", "focal_point": {"x": 1.5, "y": 0.5}}, "focal_point"),
        ({"src": "ok.png", "alt": "x", "focal_point": {"x": 0.5}}, "focal_point"),
    ],
)
def test_invalid_image_objects_raise_image_error(tmp_path, media, image, problem):
    save(media, "ok.png", Image.new("RGB", (300, 300), BLUE))
    with pytest.raises(ImageError, match=re.escape(problem)) as caught:
        make_pipeline(tmp_path).picture(image, "card")
    assert caught.value.path == f"media/{image['src']}"


def test_unknown_spec_is_a_programming_error(tmp_path, media):
    image = save(media, "ok.png", Image.new("RGB", (300, 300), BLUE))
    with pytest.raises(ValueError, match="unknown image spec 'banner'"):
        make_pipeline(tmp_path).picture(image, "banner")
