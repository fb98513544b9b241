"""The media storage: the one place every file the CMS stores passes before a byte of it is written.

Wagtail has several ways into storage besides the image form: the multiple upload keeps a file
waiting for its alt text as a ``wagtail.models.UploadedFile`` (the raw upload, straight from the
request), then copies it into the image with ``FieldFile.save``; renditions are written by Willow,
which copies the original's EXIF into them; ``load_demo`` and scripts save images directly. Cleaning
in ``Storage.save`` covers all of them, on local disk and on S3 alike:

- a picture in an upload format (JPEG, PNG, WebP, HEIC) is stored as ``images.prepare_original``
  makes it (no metadata, upright, within the limits, HEIC as JPEG) unless it is already a clean
  original (``images.is_clean_original``, a cheap check: renditions and originals the form already
  cleaned pass unchanged);
- any other picture (a GIF document, say) is stored only if it carries no metadata;
- a file whose name or first bytes say "image" but that cannot be read is refused, since what
  cannot be read cannot be checked (a JPEG cut short inside its EXIF block still holds the GPS).

A refusal raises ``images.ImageRejected`` (a ValueError) and writes nothing. Forms check uploads
first, with messages for the editor, so it is a last line of defence.
"""

from __future__ import annotations

import io
import logging
import os
import warnings

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from PIL import Image
from storages.backends.s3 import S3Storage

from chinar.contract import HEIF_BRANDS

from .images import (
    IMAGE_EXTENSIONS,
    UPLOAD_FORMATS,
    ImageRejected,
    has_personal_metadata,
    is_clean_original,
    prepare_original,
)

log = logging.getLogger(__name__)


#: First bytes of the picture formats that carry EXIF or XMP: JPEG, PNG, GIF, TIFF (WebP and
#: HEIC/AVIF are recognised by bytes 8-12 and 4-8).
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF8", b"II*\x00", b"MM\x00*")


def clean_for_storage(name: str, data: bytes) -> tuple[str, bytes]:
    """The name and bytes to store for a file about to be saved as ``name`` (see the module)."""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    heif = data[4:8] == b"ftyp" and data[8:12] in HEIF_BRANDS
    if extension not in IMAGE_EXTENSIONS and not data.startswith(_IMAGE_MAGIC) and not heif and data[8:12] != b"WEBP":
        return name, data  # a document: no picture in it to clean
    if is_clean_original(data):
        return name, data
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data)) as im:
                fmt = im.format
    except Exception as exc:  # noqa: BLE001 - what cannot be read cannot be checked: not stored
        raise ImageRejected("unreadable", f"{name}: not a readable image, not stored") from exc
    if fmt in UPLOAD_FORMATS or fmt == "MPO":
        prepared = prepare_original(data, os.path.basename(name))
        return os.path.join(os.path.dirname(name), prepared.name), prepared.data
    if has_personal_metadata(data):
        raise ImageRejected("metadata", f"{name}: a {fmt} image with metadata (EXIF, XMP, comments), not stored")
    return name, data


class CleanImagesMixin:
    """``Storage.save`` through ``clean_for_storage``: for any Django storage class."""

    def save(self, name, content, max_length=None):
        if name is None:
            name = content.name
        if hasattr(content, "seek"):
            content.seek(0)
        data = content.read()
        cleaned_name, cleaned = clean_for_storage(name, data)
        if cleaned is not data or cleaned_name != name:
            log.info("storing %s cleaned (was %s, %d bytes; now %d bytes)", cleaned_name, name, len(data), len(cleaned))
        return super().save(cleaned_name, ContentFile(cleaned, name=os.path.basename(cleaned_name)), max_length)


class LocalMediaStorage(CleanImagesMixin, FileSystemStorage):
    """``MEDIA_ROOT`` on local disk, images cleaned before they are written."""


class S3MediaStorage(CleanImagesMixin, S3Storage):
    """S3 through django-storages, images cleaned before they are uploaded."""
