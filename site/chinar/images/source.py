"""Opening source images safely: one place that turns every kind of bad file into ImageError.

Sources come from editors' phones and cameras, so anything can arrive: a PDF renamed .jpg, a
transfer cut short, or a tiny file that claims to be 100,000 x 100,000 pixels (a decompression
bomb that would take gigabytes to decode). Each of these must stop the build with a message that
names the file, quickly, rather than crash or hang a worker.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

#: Formats the content contract allows for originals (see common.schema.json, image.src).
#: Restricting Image.open to these also keeps Pillow's rarer decoders away from untrusted input.
ALLOWED_FORMATS: tuple[str, ...] = ("JPEG", "PNG", "WEBP")
#: 50 megapixels: comfortably above any phone or DSLR photo, far below what exhausts a worker.
DEFAULT_MAX_PIXELS = 50_000_000
#: Refuse to even read files larger than this (a 50 MP PNG is ~150 MB uncompressed at worst).
DEFAULT_MAX_BYTES = 200 * 1024 * 1024

#: EXIF orientation -> transpose, the same table ImageOps.exif_transpose uses.
ORIENTATION_TRANSPOSE: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_EXIF_ORIENTATION = 0x0112


class ImageError(Exception):
    """A source image cannot be used. ``path`` is relative to the content dir (``media/...``).

    ``str(error)`` is ``"<path>: <problem>"``, ready to show an editor.
    """

    def __init__(self, path: str, problem: str):
        super().__init__(path, problem)
        self.path = path
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.path}: {self.problem}"


@dataclass(frozen=True)
class SourceInfo:
    """What the pipeline learns about a source without decoding its pixels."""

    path: Path  # absolute file path
    display: str  # path relative to the content dir, for messages
    sha256: str
    signature: tuple[int, ...]  # file_signature() when hashed: detects edits since
    format: str
    raw_size: tuple[int, int]  # as stored
    orientation: int  # EXIF orientation 1..8
    size: tuple[int, int]  # after orientation: what the editor sees and crops refer to


def file_signature(stat: os.stat_result) -> tuple[int, ...]:
    """Identity of a file's content for change detection: size, mtime, ctime and inode.

    ctime cannot be set by tools (unlike mtime), so a rewritten file always gets a new signature.
    """
    return (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)


def _check_pixels(display: str, size: tuple[int, int], max_pixels: int) -> None:
    width, height = size
    if width < 1 or height < 1:
        raise ImageError(display, f"image has no pixels ({width}x{height})")
    if width * height > max_pixels:
        raise ImageError(
            display,
            f"image is {width}x{height} ({width * height / 1e6:.0f} MP), over the limit of "
            f"{max_pixels / 1e6:.0f} MP (possible decompression bomb); resize the original",
        )


def open_checked(source: str | Path | io.BytesIO, display: str, max_pixels: int) -> Image.Image:
    """``Image.open`` restricted to the allowed formats, with bomb checks; pixels not decoded yet.

    Pillow's DecompressionBombWarning is raised as an error here too: a file over Pillow's own
    limit is never worth decoding.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(source, formats=list(ALLOWED_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(display, f"decompression bomb refused: {exc}") from None
    except UnidentifiedImageError:
        raise ImageError(
            display, f"not an image in an allowed format ({', '.join(ALLOWED_FORMATS)})"
        ) from None
    except FileNotFoundError:
        raise ImageError(display, "file not found") from None
    except (OSError, SyntaxError, ValueError, EOFError) as exc:
        raise ImageError(display, f"unreadable image header: {exc}") from None
    _check_pixels(display, im.size, max_pixels)
    return im


def read_orientation(im: Image.Image) -> int:
    """EXIF orientation without decoding pixels; 1 when absent or unreadable.

    A PNG's eXIf chunk is only consulted if it precedes the pixel data (Pillow has it after open);
    asking Pillow for one placed after would decode the whole image.
    """
    if im.format == "PNG" and "exif" not in im.info:
        return 1
    try:
        value = im.getexif().get(_EXIF_ORIENTATION, 1)
    except Exception:  # noqa: BLE001 - a broken EXIF block must not reject an otherwise fine photo
        return 1
    return value if isinstance(value, int) and value in range(1, 9) else 1


def probe(path: Path, display: str, max_pixels: int = DEFAULT_MAX_PIXELS,
          max_bytes: int = DEFAULT_MAX_BYTES) -> SourceInfo:
    """Read the file once: hash its bytes and parse its header (size, format, orientation).

    Raises ImageError for a missing file, a non-image, a disallowed format, a decompression bomb or
    an unreadable header. Damaged pixel data (e.g. a truncated JPEG) is only detectable by decoding,
    which happens in the encoding workers and raises ImageError from ``ImagePipeline.write``.
    """
    try:
        with open(path, "rb") as fh:
            stat = os.fstat(fh.fileno())
            if stat.st_size > max_bytes:
                raise ImageError(display, f"file is {stat.st_size} bytes, over the {max_bytes}-byte limit")
            data = fh.read()
    except FileNotFoundError:
        raise ImageError(display, "file not found") from None
    except IsADirectoryError:
        raise ImageError(display, "is a directory, not an image file") from None
    except OSError as exc:
        raise ImageError(display, f"cannot read file: {exc.strerror or exc}") from None
    if not data:
        raise ImageError(display, "file is empty")
    with open_checked(io.BytesIO(data), display, max_pixels) as im:
        orientation = read_orientation(im)
        raw_size = im.size
        fmt = im.format or ""
    size = (raw_size[1], raw_size[0]) if orientation >= 5 else raw_size
    return SourceInfo(
        path=path,
        display=display,
        sha256=hashlib.sha256(data).hexdigest(),
        signature=file_signature(stat),
        format=fmt,
        raw_size=raw_size,
        orientation=orientation,
        size=size,
    )


class ProbeRecord:
    """Probe results remembered between builds, so unchanged sources are not even re-read.

    Without it every build would read and hash every original (gigabytes for a large catalog) just
    to learn that nothing changed. An entry is reused only while the file's signature (size, mtime,
    ctime, inode) is unchanged; anything else means the file is read and hashed again. The record is
    a JSON file in the cache dir; a missing or damaged one just means probing everything again.

    Like git's index, it guards against "racy" entries: file timestamps have a coarse granularity
    (a clock tick, or a second on some filesystems), so a file changed in the same tick as it was
    probed could keep its signature. Entries whose mtime or ctime is not older than the record
    file itself are therefore not trusted, and are re-probed.
    """

    VERSION = 1

    def __init__(self, path: Path):
        self.path = path
        self._entries: dict[str, dict] | None = None
        self._written_ns = 0  # mtime of the record file: entries changed at or after it are racy
        self._dirty = False

    def _load(self) -> dict[str, dict]:
        if self._entries is None:
            self._entries = {}
            try:
                self._written_ns = self.path.stat().st_mtime_ns
                data = json.loads(self.path.read_text(encoding="utf-8"))
                if data.get("version") == self.VERSION and isinstance(data.get("sources"), dict):
                    self._entries = data["sources"]
            except FileNotFoundError:
                pass
            except (OSError, ValueError, AttributeError) as exc:
                logger.warning("ignoring unreadable image probe record %s: %s", self.path, exc)
        return self._entries

    def recall(self, path: Path, display: str, max_pixels: int) -> SourceInfo | None:
        """The remembered SourceInfo if the file is unchanged, else None."""
        try:
            signature = file_signature(os.stat(path))
        except OSError:
            return None  # let probe() report it
        entry = self._load().get(str(path))
        try:
            if entry is None or tuple(entry["signature"]) != signature:
                return None
            if max(signature[1], signature[2]) >= self._written_ns:
                return None  # changed in the same clock tick as the record was written: re-check
            if entry["format"] not in ALLOWED_FORMATS:
                return None
            raw_size = (int(entry["raw_size"][0]), int(entry["raw_size"][1]))
            orientation = int(entry["orientation"])
            size = (raw_size[1], raw_size[0]) if orientation >= 5 else raw_size
            info = SourceInfo(path, display, str(entry["sha256"]), signature, entry["format"], raw_size,
                              orientation, size)
        except (KeyError, TypeError, ValueError, IndexError):
            return None
        _check_pixels(display, raw_size, max_pixels)
        return info

    def remember(self, info: SourceInfo) -> None:
        self._load()[str(info.path)] = {
            "sha256": info.sha256,
            "signature": list(info.signature),
            "format": info.format,
            "raw_size": list(info.raw_size),
            "orientation": info.orientation,
        }
        self._dirty = True

    def save(self) -> None:
        """Write atomically (sorted keys: the same record gives the same bytes)."""
        if not self._dirty or self._entries is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"version": self.VERSION, "sources": self._entries}, sort_keys=True))
        os.replace(tmp, self.path)
        self._dirty = False
