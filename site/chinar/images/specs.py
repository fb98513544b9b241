"""Named rendition specs and encoder settings: the only place image sizes and qualities are chosen.

A spec says which crop (aspect ratio) and which widths a template slot needs, plus the ``sizes``
attribute that tells the browser how wide the slot is, so it can pick the smallest sufficient file
on a phone. Encoder settings are part of every rendition's cache key, so changing one here
re-encodes exactly the renditions it affects on the next build, and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import PIL
from PIL import features

#: Order of ``<source>`` elements: best compression first, the browser takes the first it supports.
SOURCE_FORMATS: tuple[str, ...] = ("avif", "webp")
FALLBACK_FORMAT = "jpeg"

MIME = MappingProxyType({"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"})
EXTENSION = MappingProxyType({"avif": "avif", "webp": "webp", "jpeg": "jpg"})
PIL_FORMAT = MappingProxyType({"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"})

#: Encoder options per format, passed to ``Image.save``. Chosen for a 2-core build machine and
#: byte-stable output (see benchmarks/images_encode.py for the figures behind them):
#: - AVIF: libaom pinned (not "auto", which could change with the wheel), one thread per encode
#:   (the process pool gives the parallelism, and single-threaded aom is deterministic), speed 8
#:   (speed 6, Pillow's default, is ~3x slower for a few percent of size), no autotiling.
#: - WebP: method 4 (libwebp's default; 6 is much slower for ~2% size).
#: - JPEG: progressive (renders early on slow connections) with optimised Huffman tables.
ENCODERS: MappingProxyType[str, MappingProxyType[str, Any]] = MappingProxyType(
    {
        "avif": MappingProxyType(
            {
                "quality": 55,
                "speed": 8,
                "codec": "aom",
                "max_threads": 1,
                "autotiling": False,
                "subsampling": "4:2:0",
                "range": "full",
            }
        ),
        "webp": MappingProxyType({"quality": 78, "method": 4}),
        "jpeg": MappingProxyType(
            {"quality": 80, "optimize": True, "progressive": True, "subsampling": "4:2:0"}
        ),
    }
)

#: Link previews (og:image): the size Facebook, WhatsApp and LinkedIn recommend, and the byte
#: budget above which some of them drop the preview. Qualities tried in order until it fits.
OG_SIZE: tuple[int, int] = (1200, 630)
OG_MAX_BYTES = 300 * 1024
OG_QUALITIES: tuple[int, ...] = (82, 75, 68, 60, 52, 45, 38, 30, 22)


def encoder_version() -> str:
    """Versions of everything that can change rendition bytes; part of every cache key."""
    return ";".join(
        [
            f"pillow={PIL.__version__}",
            f"jpeg={features.version('jpg')}",
            f"webp={features.version('webp')}",
            f"avif={features.version('avif')}",
        ]
    )


@dataclass(frozen=True)
class Spec:
    """One template image slot.

    ``aspect`` is (width, height) of the crop, or None to keep the source's aspect ratio.
    ``widths`` are the candidate rendition widths in pixels, ascending; widths wider than the
    (cropped) source are dropped so nothing is upscaled. ``sizes`` is the HTML ``sizes`` attribute
    matching the theme's CSS for this slot (mobile first).
    """

    name: str
    aspect: tuple[int, int] | None
    widths: tuple[int, ...]
    sizes: str

    def __post_init__(self) -> None:
        if not self.widths or list(self.widths) != sorted(set(self.widths)) or self.widths[0] < 1:
            raise ValueError(f"spec {self.name!r}: widths must be positive, ascending and unique")
        if self.aspect is not None and min(self.aspect) < 1:
            raise ValueError(f"spec {self.name!r}: aspect must be two positive integers")


SPECS: MappingProxyType[str, Spec] = MappingProxyType(
    {
        spec.name: spec
        for spec in (
            Spec("card", (4, 3), (240, 360, 480), "(min-width: 60rem) 18rem, (min-width: 36rem) 45vw, 92vw"),
            Spec("hero", (16, 9), (480, 800, 1200), "(min-width: 75rem) 75rem, 100vw"),
            Spec("portrait", (4, 5), (240, 400, 640), "(min-width: 48rem) 20rem, 60vw"),
            Spec("gallery", None, (480, 800, 1200), "(min-width: 60rem) 50rem, 100vw"),
            Spec("thumb", (1, 1), (96, 160), "5rem"),
        )
    }
)
