"""Image originals in the CMS: made clean and buildable before they are stored, checked before served.

Photos taken at an artisan's home carry GPS coordinates, the camera's make and serial number and its
owner's name in EXIF, XMP, IPTC and comments; the project's privacy rules say they never leave the
CMS, so they must never be stored at all. And an original the CMS keeps must be one the static build
accepts (``chinar.contract.media_limits``: formats, pixels, bytes), or one photo would break every build.

- ``is_clean_original(data)``: cheap (header and segment walk, no decode): True if the bytes can be
  stored as they are: JPEG/PNG/WebP within the limits, complete, with no metadata but a colour profile.
- ``prepare_original(data, name)``: what to store for an upload: decoded in full (a damaged file is
  refused here, with a message for the editor), turned upright by its EXIF orientation, scaled down
  to the pixel limit, converted from HEIC to JPEG (PNG if it has transparency), metadata removed.
  Raises ``ImageRejected`` with a translatable message.

The upload form's field (``forms.ChinarImageField``), the image model's ``save`` and the media storage
(``storage.CleanMediaStorage``, the one place every file passes before it is written) all use these.
"""

from __future__ import annotations

import io
import logging
import math
import os
import struct
import warnings
from dataclasses import dataclass
from typing import Any

import pillow_heif
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, JpegImagePlugin, UnidentifiedImageError

from chinar.contract import ImageError, check_complete, describe_other, media_limits

log = logging.getLogger(__name__)

pillow_heif.register_heif_opener()  # iPhones save photos as HEIC: accepted, and stored as JPEG

#: Formats an upload may have: the originals' formats, and HEIC/HEIF (converted). A JPEG with extra
#: pictures (a phone's depth map or preview) opens as "MPO": stored as a plain JPEG.
UPLOAD_FORMATS = (*media_limits.FORMATS, "HEIF")
#: Extensions of files to treat as images even when their bytes are not (so they are refused, not stored).
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "jpe", "png", "webp", "heic", "heif", "avif", "gif", "tif", "tiff",
                              "bmp"})
_EXTENSION = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


class ImageRejected(ValueError):
    """An upload that cannot become an original. ``message`` (lazy, translated when shown) and
    ``params`` are what a Django ``ValidationError`` takes; ``code`` says which check refused it."""

    def __init__(self, code: str, message: Any, params: dict[str, Any] | None = None):
        self.code, self.message, self.params = code, message, params or {}
        super().__init__(str(message) % self.params if self.params else str(message))


def _unreadable() -> ImageRejected:
    return ImageRejected("unreadable", _(
        "This file cannot be read as a picture: it is damaged or not an image. Open it on your device, "
        "save or export it again as a JPEG, and upload that."))


def _truncated() -> ImageRejected:
    return ImageRejected("truncated", _(
        "This picture is incomplete: the file ends before the image does (the upload or the copy was cut "
        "short). Upload it again from the original photo."))


def _wrong_format() -> ImageRejected:
    return ImageRejected("format", _(
        "This is not a JPEG, PNG, WebP or HEIC picture. Save it in one of these formats and upload it again."))


def check_size(size: int) -> None:
    """Refuse a file over the byte limit (``media_limits.MAX_BYTES``) before reading it."""
    if size > media_limits.MAX_BYTES:
        raise ImageRejected("too_large", _("This file is %(size)s; the largest picture that can be uploaded is "
                                           "%(limit)s. Save it smaller and upload it again."),
                            {"size": filesizeformat(size), "limit": filesizeformat(media_limits.MAX_BYTES)})


def _too_many_pixels(width: int, height: int) -> ImageRejected:
    return ImageRejected("too_many_pixels", _(
        "This picture is %(width)s × %(height)s pixels (%(megapixels)s megapixels), more than the "
        "%(limit)s megapixels that can be uploaded. Make it smaller and upload it again."),
        {"width": width, "height": height, "megapixels": round(width * height / 1e6),
         "limit": round(media_limits.MAX_UPLOAD_PIXELS / 1e6)})


@dataclass(frozen=True)
class Prepared:
    """What to store: ``data`` named ``name`` (its extension matches ``format``)."""

    data: bytes
    name: str
    format: str
    size: tuple[int, int]
    changed: bool  # False: the upload's own bytes, already clean


def prepare_original(data: bytes, name: str) -> Prepared:
    """Make an upload into an original the build accepts, without metadata; refuse what cannot be.

    Raises ImageRejected: over the byte limit, not JPEG/PNG/WebP/HEIC (HTML, SVG, GIF, ... whatever
    the name says), undecodable or cut short, over ``media_limits.MAX_UPLOAD_PIXELS`` (a decompression bomb, or
    a photo too large to scale down safely). Pictures over ``media_limits.MAX_PIXELS`` are scaled down to it.
    """
    check_size(len(data))
    im = _open(data)
    with im:
        width, height = im.size
        if width * height > media_limits.MAX_UPLOAD_PIXELS:
            raise _too_many_pixels(width, height)
        if width < 1 or height < 1:
            raise _unreadable()
        try:
            with warnings.catch_warnings():  # Pillow warns above 89 MP; the limit above is what counts here
                warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                im.load()
        except OSError as exc:
            raise (_truncated() if "truncated" in str(exc) else _unreadable()) from exc
        except (SyntaxError, ValueError, EOFError, IndexError, MemoryError) as exc:
            raise _unreadable() from exc
        try:  # also when Pillow is set to load truncated images (ImageFile.LOAD_TRUNCATED_IMAGES)
            check_complete(data, "JPEG" if im.format == "MPO" else im.format, name)
        except ImageError:
            raise _truncated() from None
        if is_clean_original(data):
            return Prepared(data, _renamed(name, im.format), im.format, im.size, changed=False)
        return _reencode(im, data, name)


def _open(data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data), formats=list(UPLOAD_FORMATS))
    except Image.DecompressionBombError:
        raise ImageRejected("too_many_pixels", _(
            "This file claims to be a picture far larger than any photo (a decompression bomb). Upload "
            "a real photo of up to %(limit)s megapixels."),
            {"limit": round(media_limits.MAX_UPLOAD_PIXELS / 1e6)}) from None
    except UnidentifiedImageError:
        if describe_other(data[:64]) == "not an image":
            raise _unreadable() from None
        raise _wrong_format() from None  # a GIF, SVG, TIFF, AVIF...: a picture, but not of a format we keep
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _unreadable() from exc


def _renamed(name: str, fmt: str) -> str:
    """``name`` with the extension of ``fmt`` (a PNG uploaded as photo.jpg is stored as photo.png)."""
    base, ext = os.path.splitext(name)
    want = _EXTENSION[fmt]
    if ext.lower().lstrip(".") in (want, "jpeg" if want == "jpg" else want):
        return name
    return f"{base}.{want}"


def _reencode(im: Image.Image, data: bytes, name: str) -> Prepared:
    """Encode the decoded picture again: upright, within the pixel limit, with nothing but pixels and
    a colour profile. A JPEG whose pixels do not change keeps its own quantisation tables
    (``quality="keep"``), so removing its metadata does not lower its quality."""
    source_format = im.format
    icc = im.info.get("icc_profile")
    # A JPEG's chroma subsampling (0 = 4:4:4, 1 = 4:2:2, 2 = 4:2:0), kept when it is encoded again.
    subsampling = JpegImagePlugin.get_sampling(im) if source_format in ("JPEG", "MPO") else -1
    clean = ImageOps.exif_transpose(im)
    transformed = clean.size != im.size or _orientation(im) not in (0, 1)
    width, height = clean.size
    if width * height > media_limits.MAX_PIXELS:
        scale = math.sqrt(media_limits.MAX_PIXELS / (width * height))
        size = (max(1, int(width * scale)), max(1, int(height * scale)))
        clean = clean.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        transformed = True
        log.info("scaled an uploaded %dx%d picture down to %dx%d", width, height, *size)
    fmt = source_format if source_format in media_limits.FORMATS else "JPEG"
    if source_format == "HEIF" and clean.mode in ("RGBA", "LA", "PA"):
        fmt = "PNG"  # keep the transparency
    transparency = clean.info.get("transparency") if fmt == "PNG" else None
    clean.info = {}
    params: dict[str, Any] = {"icc_profile": icc} if icc else {}
    if fmt == "JPEG":
        if clean.mode not in ("L", "RGB", "CMYK"):
            clean = clean.convert("RGB")
        keep = not transformed and source_format == "JPEG"
        params.update(quality="keep" if keep else 95, exif=b"")
        if not keep and subsampling >= 0:
            params["subsampling"] = subsampling
        target = im if keep else clean
        if keep:
            im.info = {}
    else:
        target = clean
        if fmt == "WEBP":
            lossless = any(kind == b"VP8L" for kind, _start, _length in _webp_chunks(data))
            params.update(exif=b"", xmp=b"", **({"lossless": True} if lossless else {"quality": 95}))
        elif transparency is not None:
            params["transparency"] = transparency
    out = io.BytesIO()
    target.save(out, format=fmt, **params)
    result = out.getvalue()
    if len(result) > media_limits.MAX_BYTES:
        raise ImageRejected("too_large", _(
            "Once made ready for the site this picture is %(size)s, over the limit of %(limit)s. Save it with "
            "more compression or fewer pixels and upload it again."),
            {"size": filesizeformat(len(result)), "limit": filesizeformat(media_limits.MAX_BYTES)})
    if not is_clean_original(result):  # what is stored must be exactly what the checks allow: else refused
        log.error("re-encoding %r as %s left metadata or an incomplete file: not stored", name, fmt)
        raise _unreadable()
    log.info("removed metadata from an uploaded %s picture (stored as %s)", source_format, fmt)
    return Prepared(result, _renamed(name, fmt), fmt, target.size, changed=True)


def _orientation(im: Image.Image) -> int:
    try:
        return int(im.getexif().get(0x0112, 1))
    except Exception:  # noqa: BLE001 - an unreadable EXIF block has no usable orientation
        return 1


# -- the cheap check: is this already a clean original? -------------------------------------------

def is_clean_original(data: bytes) -> bool:
    """True if ``data`` may be stored as it is: a JPEG, PNG or WebP within the limits, complete
    (the build's own ``check_complete``), holding nothing but the picture and a colour profile.

    No pixel is decoded: the header is parsed and the file's segments (JPEG markers, PNG chunks,
    WebP chunks) are walked. Anything not known to be harmless (EXIF, XMP, IPTC, comments, text
    chunks, a phone's extra pictures, bytes after the end of the image) makes the file not clean.
    """
    if len(data) > media_limits.MAX_BYTES:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=list(media_limits.FORMATS)) as im:
                fmt, (width, height) = im.format, im.size
    except Exception:  # noqa: BLE001 - whatever Pillow cannot open is not a clean original
        return False
    if fmt not in media_limits.FORMATS or width * height > media_limits.MAX_PIXELS:
        return False
    try:
        check_complete(data, fmt, "upload")
    except ImageError:
        return False
    return {"JPEG": _jpeg_clean, "PNG": _png_clean, "WEBP": _webp_clean}[fmt](data)


#: JPEG APPn segments that carry no personal data, by marker and the identifier they start with.
_JPEG_HARMLESS = {0xE0: (b"JFIF\0", b"JFXX\0"), 0xE2: (b"ICC_PROFILE\0",), 0xEE: (b"Adobe",)}


def _jpeg_clean(data: bytes) -> bool:
    """Walk the JPEG's segments to its end-of-image marker, which must be the last two bytes."""
    pos, end = 2, len(data)
    while pos + 2 <= end:
        if data[pos] != 0xFF:
            return False
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if marker == 0xD9:
            return pos + 2 == end
        if pos + 4 > end:
            return False
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xE0 <= marker <= 0xEF:
            if not data[pos + 4 : pos + 2 + length].startswith(_JPEG_HARMLESS.get(marker, ())) or length < 2:
                return False
        elif marker == 0xFE:  # COM
            return False
        pos += 2 + length
        if marker == 0xDA:  # entropy-coded data: every 0xFF in it is followed by 0x00 or a restart marker
            while True:
                found = data.find(b"\xff", pos)
                if found < 0 or found + 1 >= end:
                    return False
                following = data[found + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    pos = found + 2
                elif following == 0xFF:
                    pos = found + 1
                else:
                    pos = found  # the next segment (a table, another scan) or the end of the image
                    break
    return False


#: PNG chunks that describe only the pixels: anything else (tEXt, zTXt, iTXt, eXIf, tIME, a
#: program's private chunk) may hold personal data.
_PNG_HARMLESS = frozenset({b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP",
                           b"sBIT", b"bKGD", b"pHYs", b"hIST", b"cICP", b"mDCV", b"cLLI", b"acTL", b"fcTL",
                           b"fdAT"})


def _png_clean(data: bytes) -> bool:
    pos, end = 8, len(data)
    while pos + 8 <= end:
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind not in _PNG_HARMLESS:
            return False
        pos += 12 + length
        if kind == b"IEND":
            return pos == end
    return False


_WEBP_HARMLESS = frozenset({b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ICCP", b"ANIM", b"ANMF"})


def _webp_chunks(data: bytes) -> list[tuple[bytes, int, int]]:
    """(kind, start, length) of each chunk of a RIFF WebP; a last (b"", end, 0) if it does not end
    exactly where its RIFF header says."""
    chunks, pos, end = [], 12, len(data)
    while pos + 8 <= end:
        kind, length = struct.unpack("<4sI", data[pos : pos + 8])
        chunks.append((kind, pos + 8, length))
        pos += 8 + length + (length & 1)
    if pos != end or data[:4] != b"RIFF" or struct.unpack("<I", data[4:8])[0] + 8 != end:
        chunks.append((b"", end, 0))
    return chunks


def _webp_clean(data: bytes) -> bool:
    return all(kind in _WEBP_HARMLESS for kind, _start, _length in _webp_chunks(data))


def has_personal_metadata(data: bytes) -> bool:
    """True if Pillow finds EXIF, GPS, XMP, IPTC, comments or text in ``data`` (any image format).

    The slow, format-agnostic counterpart of ``is_clean_original``, for images that are not
    originals (a GIF document, say) and for tests that walk stored files.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Image.open(io.BytesIO(data)) as im:
            if im.format == "PNG":
                im.load()  # chunks after the pixels (text, eXIf) are read only then
                if getattr(im, "text", None):
                    return True
            if im.getexif():
                return True
            return bool({"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc", "mp"} & set(im.info))
