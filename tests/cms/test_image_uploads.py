"""Image uploads (issue 18, items 1-3): no personal metadata is ever stored, bad files are form errors.

Every way an image gets into storage is tried with a real photo carrying GPS, camera and owner data
(``media_helpers``): the "Add an image" form, the multiple upload ("Add images", including the file
kept while it waits for alt text), the chooser's upload tab, replacing an image's file, ``load_demo``,
files saved straight to the storage, and originals stored before any of this existed (refused by the
API until ``clean_stored_images`` cleans them). JPEG, PNG, WebP and HEIC, each with EXIF and XMP.
Bad files (cut short, not a picture, a bomb) get the form's message in English, Hindi and Urdu, and
change nothing. A real 54-megapixel photo is scaled down to the build's limit at upload.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from admin import LIVE
from django.urls import reverse
from media_helpers import (
    assert_no_personal_data,
    download_original,
    original_link,
    phone_exif,
    photo_with_gps,
    publish_as_hero,
)
from PIL import Image as PILImage
from PIL import ImageChops, ImageStat

pytestmark = pytest.mark.django_db

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"
FORMATS = ["JPEG", "PNG", "WEBP", "HEIF"]
STORED_AS = {"JPEG": ("JPEG", ".jpg"), "PNG": ("PNG", ".png"), "WEBP": ("WEBP", ".webp"), "HEIF": ("JPEG", ".jpg")}
NAMES = {"JPEG": "home.jpg", "PNG": "home.png", "WEBP": "home.webp", "HEIF": "IMG_0042.HEIC"}


def editor(client, language: str = "en"):
    """Sign the editor in, with the admin in ``language`` (their account setting)."""
    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    user = get_user_model().objects.get(username="editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


def upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def root_collection() -> int:
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


def stored_bytes(image) -> bytes:
    with image.open_file() as fh:
        return fh.read()


def media_files() -> dict[str, bytes]:
    from django.conf import settings

    root = Path(settings.MEDIA_ROOT)
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_stored_clean(image, fmt: str) -> bytes:
    """The image's stored original: no personal data, upright, in the format it is stored as."""
    data = stored_bytes(image)
    assert_no_personal_data(data, image.file.name)
    want_format, extension = STORED_AS[fmt]
    with PILImage.open(io.BytesIO(data)) as im:
        assert (im.format, im.size) == (want_format, (30, 40))  # turned upright (EXIF orientation 6)
    assert image.file.name.endswith(extension)
    assert (image.width, image.height) == (30, 40)
    assert image.file_hash == hashlib.sha1(data).hexdigest()  # the API's src names exactly this content
    return data


# -- every path into storage ------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_add_an_image_form_stores_no_metadata(client, fmt):
    from wagtail.images import get_image_model

    editor(client)
    response = client.post(reverse("wagtailimages:add"), {
        "title": f"Workshop {fmt}", "description": "A loom by a window", "collection": root_collection(),
        "file": upload(NAMES[fmt], photo_with_gps(fmt)),
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    assert_stored_clean(get_image_model().objects.get(title=f"Workshop {fmt}"), fmt)


def multiple_upload(client, name: str, data: bytes) -> dict:
    response = client.post(reverse("wagtailimages:add_multiple"),
                           {"collection": root_collection(), "files[]": upload(name, data)},
                           headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("fmt", FORMATS)
def test_multiple_upload_stores_no_metadata_and_never_serves_a_pending_upload(client, fmt):
    """"Add images": the file waits for its alt text as an UploadedFile; neither it nor the image
    made from it holds personal data, and nobody can fetch it meanwhile."""
    from wagtail.images import get_image_model
    from wagtail.models import UploadedFile

    editor(client)
    result = multiple_upload(client, NAMES[fmt], photo_with_gps(fmt))
    assert result["success"] and "uploaded_file_id" in result, result  # waiting for the alt text
    pending = UploadedFile.objects.get(pk=result["uploaded_file_id"])
    pending_bytes = pending.file.read()
    pending.file.close()
    assert_no_personal_data(pending_bytes, pending.file.name)
    assert pending.file.name.endswith(STORED_AS[fmt][1])

    url = f"/media/{pending.file.name}"
    assert client.get(url).status_code == 404  # not even for the editor: the admin shows it from the browser
    client.logout()
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    editor(client)

    prefix = f"uploaded-image-{pending.pk}"
    response = client.post(reverse("wagtailimages:create_multiple_from_uploaded_image", args=[pending.pk]),
                           {f"{prefix}-title": f"Bulk {fmt}", f"{prefix}-description": "Sozni needlework",
                            f"{prefix}-collection": root_collection()},
                           headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json()["success"], response.json()
    image = get_image_model().objects.get(title=f"Bulk {fmt}")
    assert_stored_clean(image, fmt)
    assert not UploadedFile.objects.filter(pk=pending.pk).exists()
    assert pending.file.name not in media_files()


def test_chooser_upload_stores_no_metadata(client):
    """The image chooser's upload tab, inside the page editor."""
    from wagtail.images import get_image_model

    editor(client)
    response = client.post(reverse("wagtailimages_chooser:create"), {
        "image-chooser-upload-title": "Chosen", "image-chooser-upload-description": "Shawl border",
        "image-chooser-upload-collection": root_collection(),
        "image-chooser-upload-file": upload("chosen.jpg", photo_with_gps()),
    })
    assert response.status_code == 200
    assert_stored_clean(get_image_model().objects.get(title="Chosen"), "JPEG")


def test_replacing_an_images_file_stores_no_metadata(client):
    from wagtail.images import get_image_model

    editor(client)
    client.post(reverse("wagtailimages:add"), {  # an image of this test's own: Wagtail deletes the old file
        "title": "To replace", "description": "A shawl", "collection": root_collection(),
        "file": upload("first.jpg", PILImage_bytes()),
    })
    image = get_image_model().objects.get(title="To replace")
    response = client.post(reverse("wagtailimages:edit", args=[image.pk]), {
        "title": image.title, "description": "Replaced photo", "collection": image.collection_id,
        "file": upload("replaced.png", photo_with_gps("PNG")),
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    image.refresh_from_db()
    assert_stored_clean(image, "PNG")


def test_load_demo_stores_no_metadata(tmp_path):
    """``load_demo`` (and any script) saves images through the model: cleaned there too."""
    from chinar_cms.base.demo import load_content
    from wagtail.images import get_image_model

    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    (content / "media/stories/home-visit.jpg").write_bytes(photo_with_gps())
    story = content / "stories/a-needle-and-a-winter.en.json"
    story.write_text(story.read_text("utf-8").replace("stories/needle.jpg", "stories/home-visit.jpg"), "utf-8")
    load_content(content)
    assert_stored_clean(get_image_model().objects.get(title="stories/home-visit.jpg"), "JPEG")


def test_storage_cleans_every_file_written_through_it():
    """The one choke point: whatever saves a picture through the storage (a document, a script, a
    rendition Willow copied EXIF into) stores it clean; other files pass untouched; an unreadable
    picture is refused and nothing is written."""
    from chinar_cms.base.images import ImageRejected
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    name = default_storage.save("documents/visit.jpg", ContentFile(photo_with_gps()))
    with default_storage.open(name) as fh:
        assert_no_personal_data(fh.read(), name)
    gif = io.BytesIO()
    PILImage.new("RGB", (8, 8)).save(gif, "GIF", comment=b"taken at home")
    with pytest.raises(ImageRejected):
        default_storage.save("documents/visit.gif", ContentFile(gif.getvalue()))
    pdf = b"%PDF-1.4\n1 0 obj<</Author (Shazia Akhter)>>endobj\n"
    name = default_storage.save("documents/consent.pdf", ContentFile(pdf))
    with default_storage.open(name) as fh:
        assert fh.read() == pdf  # not a picture: not ours to change
    before = media_files()
    with pytest.raises(ImageRejected):  # a JPEG cut inside its EXIF block: the GPS is there, unreadable
        default_storage.save("documents/cut.jpg", ContentFile(photo_with_gps()[:200]))
    assert media_files() == before
    for name in ("documents/visit.jpg", "documents/consent.pdf"):
        default_storage.delete(name)


def test_api_serves_only_clean_originals_and_the_command_cleans_old_ones(client):
    """An original stored with its metadata before every path cleaned it (written here behind the
    storage's back) is refused by the API, so `chinar pull` fails rather than copy it; after
    ``manage.py clean_stored_images`` it is stored again clean, under a new name and hash."""
    from django.conf import settings
    from django.core.management import call_command
    from wagtail.images import get_image_model

    editor(client)
    client.post(reverse("wagtailimages:add"), {
        "title": "Old upload", "description": "A shawl", "collection": root_collection(),
        "file": upload("old.jpg", PILImage_bytes()),
    })
    image = get_image_model().objects.get(title="Old upload")
    leaked = photo_with_gps(size=(40, 30), orientation=1)
    path = Path(settings.MEDIA_ROOT) / image.file.name
    path.write_bytes(leaked)  # as the multiple upload stored originals before issue 18
    try:
        image._set_image_file_metadata()
        image.save()
        old_name = image.file.name
        publish_as_hero(image)
        link = original_link(client, image)
        assert client.get(link).status_code == 410

        out = io.StringIO()
        call_command("clean_stored_images", stdout=out)
        assert f"image {image.pk}: {old_name} is stored again without metadata" in out.getvalue()
        image.refresh_from_db()
        assert image.file.name != old_name and not path.exists()
        assert_no_personal_data(stored_bytes(image))
        publish_as_hero(image)
        content_type, original = download_original(client, image)
        assert content_type == "image/jpeg" and original == stored_bytes(image)
        assert_no_personal_data(original)
        out = io.StringIO()
        call_command("clean_stored_images", stdout=out)
        assert "0 file(s) cleaned" in out.getvalue()
    finally:  # a failure above must not leave the planted file for the suite's final media check
        path.unlink(missing_ok=True)


def PILImage_bytes(size=(40, 30), fmt="JPEG", **params) -> bytes:  # noqa: N802 - reads as what it makes
    buf = io.BytesIO()
    PILImage.new("RGB", size, "green").save(buf, fmt, **params)
    return buf.getvalue()


# -- bad files: the form's message, in the editor's language; nothing changed -------------------------

def png_claiming(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0")) + chunk(b"IEND", b"")


def truncated_jpeg() -> bytes:
    """A real photo (with its GPS) cut short, as an interrupted upload leaves it."""
    buf = io.BytesIO()
    PILImage.effect_noise((600, 400), 60).convert("RGB").save(buf, "JPEG", exif=phone_exif().tobytes())
    return buf.getvalue()[: len(buf.getvalue()) * 2 // 3]


BAD_UPLOADS = {
    "truncated JPEG": ("photo.jpg", truncated_jpeg),
    "HTML saved as .jpg": ("photo.jpg", lambda: b"<!DOCTYPE html><html><body>not a photo</body></html>"),
    "GIF renamed .jpg": ("photo.jpg", lambda: PILImage_bytes((20, 20), "GIF")),
    "SVG renamed .jpg": ("photo.jpg", lambda: b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'),
    "decompression bomb": ("bomb.png", lambda: png_claiming(60_000, 60_000)),
    "random bytes as .jpg": ("photo.jpg", lambda: bytes(range(256)) * 40),
}
# Words of the expected message in each language (the translations in cms/chinar_cms/locale).
MESSAGES = {
    "truncated JPEG": {"en": "This picture is incomplete", "hi": "यह तस्वीर अधूरी है", "ur": "یہ تصویر ادھوری ہے"},
    "HTML saved as .jpg": {"en": "This is not a JPEG, PNG, WebP or HEIC picture",
                           "hi": "यह JPEG, PNG, WebP या HEIC तस्वीर नहीं है",
                           "ur": "یہ JPEG، PNG، WebP یا HEIC تصویر نہیں ہے"},
    "random bytes as .jpg": {"en": "cannot be read as a picture", "hi": "तस्वीर के रूप में पढ़ी नहीं जा सकती",
                             "ur": "تصویر کے طور پر پڑھی نہیں جا سکتی"},
    "GIF renamed .jpg": {"en": "This is not a JPEG, PNG, WebP or HEIC picture",
                         "hi": "यह JPEG, PNG, WebP या HEIC तस्वीर नहीं है",
                         "ur": "یہ JPEG، PNG، WebP یا HEIC تصویر نہیں ہے"},
    "SVG renamed .jpg": {"en": "This is not a JPEG, PNG, WebP or HEIC picture",
                         "hi": "यह JPEG, PNG, WebP या HEIC तस्वीर नहीं है",
                         "ur": "یہ JPEG، PNG، WebP یا HEIC تصویر نہیں ہے"},
    "decompression bomb": {"en": "decompression bomb", "hi": "डीकम्प्रेशन बम", "ur": "ڈی کمپریشن بم"},
}


def cms_state() -> tuple:
    from wagtail.images import get_image_model
    from wagtail.models import UploadedFile

    return (sorted(get_image_model().objects.values_list("pk", "file", "file_hash")),
            sorted(UploadedFile.objects.values_list("pk", "file")), media_files())


@pytest.mark.parametrize("language", ["en", "hi", "ur"])
@pytest.mark.parametrize("kind", sorted(BAD_UPLOADS))
def test_bad_upload_is_a_form_error_in_the_editors_language(client, kind, language):
    name, make = BAD_UPLOADS[kind]
    expected = MESSAGES[kind][language]
    editor(client, language)
    before = cms_state()

    response = client.post(reverse("wagtailimages:add"), {
        "title": "Bad", "description": "A shawl", "collection": root_collection(), "file": upload(name, make()),
    })
    assert response.status_code == 200  # the form again, with its error: not a 500
    page = response.content.decode()
    assert expected in page, page[page.find("error"):][:2000]
    assert f'lang="{language}"' in page

    result = multiple_upload(client, name, make())
    assert result["success"] is False and expected in result["error_message"], result

    assert cms_state() == before  # nothing stored, nothing changed


def test_an_upload_over_the_byte_limit_is_refused_before_it_is_read(client, monkeypatch):
    from chinar_cms.base.images import media_limits

    monkeypatch.setattr(media_limits, "MAX_BYTES", 1000)
    editor(client, "hi")
    before = cms_state()
    data = photo_with_gps(size=(400, 300))
    assert len(data) > 1000
    result = multiple_upload(client, "big.jpg", data)
    assert result["success"] is False and "अपलोड की जा सकने वाली सबसे बड़ी तस्वीर" in result["error_message"], result
    assert cms_state() == before


# -- one set of limits: a 54-megapixel photo is scaled down at upload --------------------------------

@pytest.fixture(scope="module")
def photo_54mp() -> tuple[PILImage.Image, bytes]:
    """A real 9000x6000 camera JPEG (54 MP) with GPS: colour gradients under fine texture, like a photo."""
    size = (9000, 6000)
    texture = PILImage.effect_noise((2250, 1500), 50).resize(size, PILImage.Resampling.BICUBIC)
    gradient, radial = PILImage.linear_gradient("L").resize(size), PILImage.radial_gradient("L").resize(size)
    im = PILImage.merge("RGB", [ImageChops.add(band, texture, 2) for band in
                                (gradient, radial, gradient.transpose(PILImage.Transpose.ROTATE_180))])
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=90, exif=phone_exif(orientation=1).tobytes())
    return im, buf.getvalue()


@pytest.mark.slow
def test_a_54_megapixel_photo_is_scaled_down_at_upload_and_the_build_accepts_it(client, photo_54mp, tmp_path):
    from wagtail.images import get_image_model

    from chinar.images.source import probe
    from chinar.media_limits import MAX_BYTES, MAX_PIXELS

    source, data = photo_54mp
    assert source.width * source.height == 54_000_000 > MAX_PIXELS and len(data) < MAX_BYTES
    editor(client)
    response = client.post(reverse("wagtailimages:add"), {
        "title": "Big photo", "description": "The valley", "collection": root_collection(),
        "file": upload("valley.jpg", data),
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    image = get_image_model().objects.get(title="Big photo")
    stored = stored_bytes(image)
    assert_no_personal_data(stored)
    with PILImage.open(io.BytesIO(stored)) as im:
        width, height = im.size
        assert width * height <= MAX_PIXELS and width * height > 0.99 * MAX_PIXELS  # as large as allowed
        assert abs(width / height - 1.5) < 0.001 and (image.width, image.height) == (width, height)
        # Quality kept: against the uploaded photo scaled the same way (independently), the mean
        # difference is under 2 levels of 255 in each colour.
        with PILImage.open(io.BytesIO(data)) as uploaded:
            expected = uploaded.convert("RGB").resize((width, height), PILImage.Resampling.LANCZOS)
        mean_difference = ImageStat.Stat(ImageChops.difference(im.convert("RGB"), expected)).mean
        assert max(mean_difference) < 2.0, mean_difference
    # The build's own check (chinar check / chinar build) accepts the stored original.
    path = tmp_path / "valley.jpg"
    path.write_bytes(stored)
    assert probe(path, "media/valley.jpg").size == (width, height)


def test_translations_compile_and_are_complete():
    """Every CMS message has a Hindi and an Urdu translation, with the same placeholders."""
    import re

    from babel.messages.pofile import read_po

    locale = Path(__file__).resolve().parents[2] / "cms" / "chinar_cms" / "locale"
    template = read_po((locale / "django.pot").open("rb"))
    ids = {m.id for m in template if m.id}
    assert ids
    for language in ("hi", "ur"):
        catalog = read_po((locale / language / "LC_MESSAGES" / "django.po").open("rb"), locale=language)
        done = {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy}
        assert set(done) == ids, ids - set(done)
        for msgid, text in done.items():
            assert sorted(re.findall(r"%\(\w+\)s", msgid)) == sorted(re.findall(r"%\(\w+\)s", text)), text
        assert (locale / language / "LC_MESSAGES" / "django.mo").is_file()  # compiled when the CMS started


@LIVE
@pytest.mark.slow
def test_bulk_upload_of_a_54_megapixel_phone_photo_pulls_checks_and_builds(live_server, client, photo_54mp, tmp_path):
    """The whole way: a 54 MP photo with GPS through "Add images", shown on a published craft, pulled by
    `chinar pull`: the snapshot holds no personal data, and `chinar check` and `chinar build` accept it."""
    from wagtail.images import get_image_model

    from chinar.cli import main
    from chinar.media_limits import MAX_PIXELS

    editor(client)
    result = multiple_upload(client, "valley.jpg", photo_54mp[1])
    prefix = f"uploaded-image-{result['uploaded_file_id']}"
    response = client.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[result["uploaded_file_id"]]),
        {f"{prefix}-title": "Valley", f"{prefix}-description": "The Lidder valley in winter",
         f"{prefix}-collection": root_collection()}, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json()["success"], response.json()
    image = get_image_model().objects.get(title="Valley")
    assert image.width * image.height <= MAX_PIXELS
    publish_as_hero(image)

    out, site = tmp_path / "pulled", tmp_path / "site"
    assert main(["pull", "--api", live_server.url + "/api/v2/", "--out", str(out)]) == 0
    originals = sorted((out / "media").rglob("*.*"))
    assert originals
    for path in originals:
        assert_no_personal_data(path.read_bytes(), str(path))
    assert main(["check", "--content", str(out), "--cache", str(tmp_path / "cache")]) == 0
    assert main(["build", "--content", str(out), "--output", str(site), "--cache", str(tmp_path / "cache")]) == 0
    assert any((site / "img").iterdir())


def test_load_demo_refuses_bad_originals_naming_each_and_loads_nothing(tmp_path):
    """A content folder with a photo cut short: the record file and field are named, nothing is loaded."""
    from chinar_cms.base.demo import load_content

    from chinar.errors import ContentError

    content = tmp_path / "content"
    shutil.copytree(TINY, content)
    (content / "media/artisans/shazia.jpg").write_bytes(truncated_jpeg())
    before = cms_state()
    with pytest.raises(ContentError) as caught:
        load_content(content)
    assert [f"{p.file}#{p.pointer}" for p in caught.value.problems] == [
        "artisans/shazia-akhter.en.json#/portrait/src", "artisans/shazia-akhter.hi.json#/portrait/src"]
    assert all("media/artisans/shazia.jpg: truncated JPEG" in p.message for p in caught.value.problems)
    assert cms_state() == before
