"""The limits every image original meets: one set for the CMS (at upload) and the build (at ``chinar
check`` and ``chinar build``), so that an original the CMS accepts is one the build can use.

A leaf module with no imports: the CMS reads it without importing the build. Nothing re-exports
these names; import them from here.
"""

from __future__ import annotations

#: Pillow format names an original may have, and the file extensions that go with them (the content
#: contract's ``image.src`` ends .jpg, .jpeg, .png or .webp).
FORMATS: tuple[str, ...] = ("JPEG", "PNG", "WEBP")
EXTENSIONS: dict[str, str] = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}

#: 50 megapixels: above any phone or DSLR photo in use, far below what exhausts a build worker
#: (decoding costs about 3 bytes a pixel). The CMS scales a larger upload down to fit.
MAX_PIXELS = 50_000_000

#: Above this the CMS refuses an upload instead of scaling it down: a 100 MP photo takes 300 MB to
#: decode, and a small file that claims more is a decompression bomb.
MAX_UPLOAD_PIXELS = 100_000_000

#: Largest original file, in bytes (a 45 MP camera JPEG is 15-30 MB).
MAX_BYTES = 50 * 1024 * 1024
