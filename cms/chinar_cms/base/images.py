"""Removing personal metadata from uploaded images.

Photos taken at an artisan's home carry GPS coordinates and camera details in EXIF/XMP; the DPDP
rules of this project say they must never leave the CMS. Every image is cleaned when it is
uploaded, so originals served to the pull (and renditions made from them) are already clean.
"""

from __future__ import annotations

import io
import logging
from typing import IO

from PIL import Image, ImageOps

log = logging.getLogger(__name__)

_METADATA_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc")


def has_metadata(im: Image.Image) -> bool:
    """True if the image carries EXIF, XMP, IPTC, comments or PNG text chunks."""
    if im.getexif():
        return True
    if any(k in im.info for k in _METADATA_KEYS):
        return True
    return bool(getattr(im, "text", None))


def strip_metadata(fileobj: IO[bytes]) -> bytes | None:
    """Re-encode ``fileobj`` without metadata; None if it had none (the bytes are then kept as is).

    The EXIF orientation is applied to the pixels first, so a portrait stays upright once the tag
    is gone. The ICC colour profile is kept (it describes colours, not people or places).
    """
    fileobj.seek(0)
    with Image.open(fileobj) as im:
        im.load()
        if not has_metadata(im):
            fileobj.seek(0)
            return None
        fmt = im.format or "JPEG"
        icc = im.info.get("icc_profile")
        clean = ImageOps.exif_transpose(im)
        # exif_transpose copies info; drop everything but what rendering needs.
        clean.info = {}
        out = io.BytesIO()
        params: dict = {"icc_profile": icc} if icc else {}
        if fmt == "JPEG":
            params.update(quality=95, exif=b"")
        elif fmt == "WEBP":
            params.update(quality=95, exif=b"", xmp=b"")
        clean.save(out, format=fmt, **params)
    fileobj.seek(0)
    log.info("stripped metadata from an uploaded %s image", fmt)
    return out.getvalue()
