"""Real photos with personal metadata, and the independent check that a stored file has none.

Each photo carries what a phone writes (camera make and model, a serial number, the owner's name,
GPS coordinates, a comment, XMP with the location) and a unique marker string inside that metadata.
``assert_no_personal_data`` is the tests' own oracle, not the code under test's: Pillow must find
no EXIF, GPS, XMP, comment or text, and none of the marker strings may be anywhere in the bytes.
"""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pillow_heif
from PIL import Image, PngImagePlugin, UnidentifiedImageError

GPS_IFD = 0x8825
#: Strings planted in the metadata only: none may survive into a stored file.
MARKERS = (b"PhoneMaker", b"PM-Pro-9", b"SN-48213", b"Shazia Akhter", b"taken at home", b"Zaina Kadal lane 4")
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="34,5.0N" '
    b'exif:GPSLongitude="74,48.0E" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/" '
    b'Iptc4xmpCore:Location="Zaina Kadal lane 4"/></rdf:RDF></x:xmpmeta>'
)

pillow_heif.register_heif_opener()


def phone_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "PM-Pro-9"  # Model
    exif[0x013B] = "Shazia Akhter"  # Artist
    exif[0xA431] = "SN-48213"  # BodySerialNumber (Exif IFD in practice; any IFD leaks it)
    if orientation != 1:
        exif[0x0112] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (34.0, 5.0, 0.0), 3: "E", 4: (74.0, 48.0, 0.0)})
    return exif


def picture(size: tuple[int, int] = (40, 30), colour: str = "red") -> Image.Image:
    return Image.new("RGB", size, colour)


def photo_with_gps(fmt: str = "JPEG", size: tuple[int, int] = (40, 30), orientation: int = 6) -> bytes:
    """A real photo in ``fmt`` (JPEG, PNG, WEBP, HEIF) with EXIF (GPS, camera, owner), XMP and a comment."""
    im = picture(size)
    buf = io.BytesIO()
    exif = phone_exif(orientation).tobytes()
    if fmt == "JPEG":
        im.save(buf, "JPEG", exif=exif, comment=b"taken at home", xmp=XMP)
    elif fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Comment", "taken at home")
        info.add_itxt("XML:com.adobe.xmp", XMP.decode())
        im.save(buf, "PNG", exif=exif, pnginfo=info)
    elif fmt == "WEBP":
        im.save(buf, "WEBP", exif=exif, xmp=XMP)
    elif fmt == "HEIF":
        im.save(buf, "HEIF", exif=exif, xmp=XMP)
    else:
        raise ValueError(fmt)
    data = buf.getvalue()
    found = personal_data(data)
    assert "GPS" in found, (fmt, found)  # the test input really carries what must be removed
    return data


def personal_data(data: bytes) -> list[str]:
    """What personal metadata ``data`` holds (empty: none), found without the code under test: any
    planted marker anywhere in the bytes, and for a picture whatever metadata Pillow reads."""
    found = [marker.decode() for marker in MARKERS if marker in data]
    try:
        im = Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        return found  # not a picture: only the planted strings can tell
    with im:
        im.load()
        exif = im.getexif()
        if exif.get_ifd(GPS_IFD) or GPS_IFD in exif:
            found.append("GPS")
        if exif:
            found.append(f"EXIF tags {sorted(exif)}")
        found += [f"info[{key!r}]" for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "mp")
                  if im.info.get(key)]
        found += [f"text {key!r}" for key in (getattr(im, "text", None) or {})]
    return found


def assert_no_personal_data(data: bytes, what: str = "") -> None:
    found = personal_data(data)
    assert not found, f"{what}: {found}"


def publish_as_hero(image) -> None:
    """Show ``image`` on the published craft page, so the API hands out a link to its original."""
    from chinar_cms.crafts.models import CraftPage

    craft = CraftPage.objects.filter(locale__language_code="en", live=True).first()
    craft.hero = [{"type": "image", "value": {"image": image.pk, "alt": "A papier-mache box"}}]
    craft.save_revision().publish()


def original_link(client, image) -> str:
    """The original's link from the API's `media` map, as `chinar pull` finds it (anonymous)."""
    from chinar_cms.base.contract import image_src

    client.logout()  # the API is anonymous
    items = client.get("/api/v2/pages/?record_type=craft&fields=_,record,media").json()["items"]
    media = {src: url for item in items for src, url in item["media"].items()}
    src = image_src(image)
    assert src in media, sorted(media)
    return urlsplit(media[src]).path


def download_original(client, image) -> tuple[str, bytes]:
    """The original as `chinar pull` gets it: the link from the API's `media` map, then a GET."""
    response = client.get(original_link(client, image))
    assert response.status_code == 200
    return response["Content-Type"], b"".join(response.streaming_content)
