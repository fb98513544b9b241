"""Worker side: decode a source once, crop, resize, strip, encode, and store in the cache.

Everything here runs inside the process pool, so the inputs (SourceTask) and outputs
(TaskResult) are small picklable values and failures come back as data, not exceptions: the
parent decides how to report them. Each output depends only on its own Job (never on which other
jobs share the task), which is what makes the bytes identical whatever the worker count.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageCms

from .geometry import Box, Size
from .source import ORIENTATION_TRANSPOSE, ImageError, SourceInfo, file_signature, open_checked
from .specs import PIL_FORMAT

#: Decode JPEGs at a reduced scale (libjpeg's DCT scaling, 1/2..1/8) while that still leaves
#: REDUCING_GAP times the rendition's size, then finish with Lanczos: much faster, same quality
#: (the approach of Image.thumbnail).
REDUCING_GAP = 2.0
_WHITE = (255, 255, 255)


@dataclass(frozen=True)
class Job:
    """One output file: the crop ``box`` (oriented source pixels) resized to ``size``, encoded."""

    key: str
    filename: str
    box: Box
    size: Size
    fmt: str
    options: tuple[tuple[str, Any], ...]
    #: For link previews: try these JPEG qualities in order until the file is under max_bytes.
    qualities: tuple[int, ...] = ()
    max_bytes: int | None = None

    def cache_path(self, cache_dir: Path) -> Path:
        return cache_dir / self.key[:2] / self.filename


@dataclass(frozen=True)
class SourceTask:
    """All missing renditions of one source, so it is read and decoded once (per draft scale)."""

    source: SourceInfo
    jobs: tuple[Job, ...]
    cache_dir: Path
    max_pixels: int


@dataclass(frozen=True)
class TaskResult:
    display: str
    encoded: tuple[str, ...] = ()
    error: str | None = None
    notes: tuple[str, ...] = field(default=())


def jpeg_scale(source: SourceInfo, job: Job) -> int:
    """libjpeg DCT scale denominator (1, 2, 4 or 8) to decode at for this job.

    The largest reduction that still leaves REDUCING_GAP times the job's pixels for Lanczos. It
    depends on this job alone, so a rendition's bytes never depend on which others share a task.
    """
    if source.format != "JPEG":
        return 1
    box_w, box_h = job.box[2] - job.box[0], job.box[3] - job.box[1]
    needed = max(job.size[0] / box_w, job.size[1] / box_h) * REDUCING_GAP
    return next((s for s in (8, 4, 2) if needed * s <= 1), 1)


def encode_chunk(tasks: list[SourceTask]) -> list[TaskResult]:
    """Process-pool entry point: handle a chunk of sources (chunking amortises IPC)."""
    return [encode_source(task) for task in tasks]


def encode_source(task: SourceTask) -> TaskResult:
    """Encode every job of one source into the cache; errors are returned, never raised."""
    source = task.source
    notes: list[str] = []
    encoded: list[str] = []
    try:
        try:
            unchanged = file_signature(os.stat(source.path)) == source.signature
        except OSError:
            unchanged = False
        if not unchanged:
            raise ImageError(source.display, "file changed while the build was running; build again")
        groups: dict[int, list[Job]] = {}
        for job in task.jobs:
            groups.setdefault(jpeg_scale(source, job), []).append(job)
        for scale, jobs in sorted(groups.items()):
            image = decode(source, scale, task.max_pixels, notes)
            resized: dict[tuple[Box, Size], Image.Image] = {}
            for job in jobs:
                if (job.box, job.size) not in resized:
                    box = (job.box[0] / scale, job.box[1] / scale, job.box[2] / scale, job.box[3] / scale)
                    out = image.resize(job.size, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)
                    out.info = {}
                    resized[(job.box, job.size)] = out
                store(job.cache_path(task.cache_dir), encode(resized[(job.box, job.size)], job))
                encoded.append(job.key)
    except ImageError as exc:
        return TaskResult(source.display, tuple(encoded), exc.problem, tuple(notes))
    except MemoryError:
        return TaskResult(source.display, tuple(encoded), "out of memory while decoding", tuple(notes))
    except Exception as exc:  # noqa: BLE001 - any decoder failure must name the file, not kill the pool
        return TaskResult(
            source.display, tuple(encoded), f"cannot process image: {type(exc).__name__}: {exc}", tuple(notes)
        )
    return TaskResult(source.display, tuple(encoded), None, tuple(notes))


def decode(source: SourceInfo, scale: int, max_pixels: int, notes: list[str]) -> Image.Image:
    """Decode (a JPEG at 1/scale), apply EXIF orientation, convert to 8-bit sRGB RGB, no metadata."""
    with open_checked(source.path, source.display, max_pixels) as im:
        if im.format != source.format or im.size != source.raw_size:
            raise ImageError(source.display, "file changed while the build was running; build again")
        if scale > 1:  # asking for exactly raw // scale makes Pillow pick this scale (see draft())
            im.draft(None, (source.raw_size[0] // scale, source.raw_size[1] // scale))
        try:
            im.load()
        except (OSError, SyntaxError, ValueError, EOFError, IndexError) as exc:
            raise ImageError(source.display, f"damaged or truncated image data: {exc}") from None
        icc = im.info.get("icc_profile")
        image: Image.Image = im
        if source.orientation in ORIENTATION_TRANSPOSE:
            image = im.transpose(ORIENTATION_TRANSPOSE[source.orientation])
        image = to_srgb(image, icc, notes)
    image.info = {}
    return image


def to_srgb(im: Image.Image, icc: bytes | None, notes: list[str]) -> Image.Image:
    """8-bit RGB in sRGB, alpha flattened onto white (JPEG has no alpha; all formats must match)."""
    if im.mode.startswith("I;16"):
        im = im.convert("I")
    if im.mode in ("I", "F"):  # 16-bit greyscale PNG: scale 0..65535 down to 0..255
        im = im.point(lambda v: v / 256).convert("L")
    if im.mode == "1":
        im = im.convert("L")
    if im.mode == "P" or (im.mode in ("L", "RGB") and "transparency" in im.info):
        im = im.convert("RGBA" if "transparency" in im.info else "RGB")
    if im.mode in ("PA", "LA", "La", "RGBa"):
        im = im.convert("RGBA")
    if im.mode == "RGBA":
        flat = Image.new("RGB", im.size, _WHITE)
        flat.paste(im, mask=im.getchannel("A"))
        im = flat
    if icc and im.mode in ("RGB", "CMYK"):
        im = _apply_icc(im, icc, notes)
    if im.mode != "RGB":
        im = im.convert("RGB")
    return im


_SRGB: ImageCms.ImageCmsProfile | None = None
_TRANSFORMS: dict[tuple[bytes, str], ImageCms.ImageCmsTransform | None] = {}


def _apply_icc(im: Image.Image, icc: bytes, notes: list[str]) -> Image.Image:
    """Convert from the embedded profile to sRGB (e.g. iPhone Display P3, Adobe RGB, CMYK)."""
    global _SRGB
    cache_key = (icc, im.mode)
    if cache_key not in _TRANSFORMS:
        transform = None
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            description = ImageCms.getProfileDescription(profile) or ""
            if "srgb" not in description.lower() or im.mode != "RGB":
                if _SRGB is None:
                    _SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
                transform = ImageCms.buildTransform(
                    profile, _SRGB, im.mode, "RGB", renderingIntent=ImageCms.Intent.PERCEPTUAL
                )
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as exc:
            notes.append(f"embedded colour profile unusable ({exc}); treated as sRGB")
        _TRANSFORMS[cache_key] = transform
    transform = _TRANSFORMS[cache_key]
    if transform is None:
        return im
    return ImageCms.applyTransform(im, transform)


def encode(im: Image.Image, job: Job) -> bytes:
    """Encode with the job's options; for link previews, step the quality down until it fits."""
    options = dict(job.options)
    for quality in job.qualities or (None,):
        if quality is not None:
            options["quality"] = quality
        buf = io.BytesIO()
        im.save(buf, format=PIL_FORMAT[job.fmt], **options)
        data = buf.getvalue()
        if job.max_bytes is None or len(data) <= job.max_bytes:
            return data
    raise ImageError("", f"cannot encode {job.filename} under {job.max_bytes} bytes")


def store(path: Path, data: bytes) -> None:
    """Atomic write (temp file + rename): an interrupted build never leaves a partial cache entry."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
