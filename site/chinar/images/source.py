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
from pathlib import Path, PurePosixPath

from PIL import Image, UnidentifiedImageError

from ..media_limits import FORMATS, MAX_BYTES, MAX_PIXELS

logger = logging.getLogger(__name__)

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
            f"image is {width}x{height} ({width * height / 1e6:.3g} MP), over the limit of "
            f"{max_pixels / 1e6:.3g} MP; scale the original down (a small file claiming this many pixels is "
            "a decompression bomb)",
        )


#: ISO media "ftyp" brands of HEIC/HEIF and AVIF pictures (other brands are videos).
HEIF_BRANDS = frozenset({b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis"})

#: What a file that is not an allowed image often is instead, by its first bytes: named in the message.
_KNOWN_OTHERS: tuple[tuple[bytes, str], ...] = (
    (b"gif8", "a GIF image"),
    (b"<svg", "an SVG drawing"),
    (b"<?xml", "an XML file (an SVG drawing?)"),
    (b"<!doctype html", "an HTML page"),
    (b"<html", "an HTML page"),
    (b"%pdf", "a PDF document"),
    (b"ii*\x00", "a TIFF image"),
    (b"mm\x00*", "a TIFF image"),
    (b"bm", "a BMP image"),
)


def describe_other(head: bytes) -> str:
    """What a file that is not an allowed image seems to be, from its first bytes, for messages."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start[4:8] == b"ftyp":
        return "a HEIC/AVIF photo" if start[8:12] in HEIF_BRANDS else "a video"
    return next((name for magic, name in _KNOWN_OTHERS if start.startswith(magic)), "not an image")


def open_checked(source: str | Path | io.BytesIO, display: str, max_pixels: int) -> Image.Image:
    """``Image.open`` restricted to the allowed formats, with bomb checks; pixels not decoded yet.

    Pillow's DecompressionBombWarning is raised as an error here too: a file over Pillow's own
    limit is never worth decoding.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(source, formats=list(FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageError(display, f"decompression bomb refused: {exc}") from None
    except UnidentifiedImageError:
        if isinstance(source, io.BytesIO):
            head = source.getvalue()[:64]
        else:
            with open(source, "rb") as fh:
                head = fh.read(64)
        raise ImageError(
            display, f"not an image in an allowed format ({', '.join(FORMATS)}): the file is {describe_other(head)}"
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


def probe(path: Path, display: str, max_pixels: int = MAX_PIXELS, max_bytes: int = MAX_BYTES) -> SourceInfo:
    """Read the file once: hash its bytes and parse its header (size, format, orientation).

    Raises ImageError for a missing file, a non-image, a disallowed format, a file over the byte or
    pixel limits (``chinar.media_limits``), a decompression bomb, an unreadable header or a file cut
    short (``check_complete``). Other damage inside the pixel data is only found by decoding, which
    happens in the encoding workers and raises ImageError from ``ImagePipeline.write``.
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
    check_complete(data, fmt, display)
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


def check_complete(data: bytes, fmt: str, display: str) -> None:
    """Raise ImageError if the file was cut short (an upload or a copy that did not finish).

    Cheap, without decoding pixels: a JPEG must have its end-of-image marker after the start of its
    image data (libjpeg, and so the build, refuses one without: "image file is truncated"), a PNG
    must pass Pillow's ``verify`` (every chunk present up to IEND, each CRC right: a checksum, not
    a decompression). A WebP cut short already fails to open. Measured (``benchmarks/media_check_bench.py``):
    0.07 ms a file on the demo's 209 JPEGs (77 KB each) against 2.4 ms to decode one, 2.8 ms against
    72 ms on a 3000x2000 PNG; Pillow's own ``verify`` checks nothing in a JPEG.
    """
    if fmt == "JPEG":
        scan = _jpeg_scan_start(data)
        if scan is None or data.find(b"\xff\xd9", scan) < 0:
            raise ImageError(display, "truncated JPEG: the file ends before the image does (an upload or copy "
                                      "cut short); upload or export the photo again")
    elif fmt == "PNG":
        try:
            with Image.open(io.BytesIO(data), formats=["PNG"]) as im:
                im.verify()
        except Exception as exc:  # noqa: BLE001 - whatever Pillow finds wrong, the file cannot be used
            raise ImageError(display, f"truncated or damaged PNG ({exc}); upload or export the image again") from None


def _jpeg_scan_start(data: bytes) -> int | None:
    """Offset of the first entropy-coded byte (after the first SOS segment), or None if the markers
    before it are cut short. Entropy-coded data escapes every 0xFF byte, so a 0xFFD9 found after
    this offset is a real end-of-image marker."""
    pos, end = 2, len(data)
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:  # markers without a length
            pos += 2
            continue
        length = (data[pos + 2] << 8) | data[pos + 3]
        if marker == 0xDA:
            return pos + 2 + length if pos + 2 + length <= end else None
        pos += 2 + length
    return None


class Sources:
    """The originals a build (or ``chinar check``) uses, each read once: hashed, its header parsed,
    checked against the limits and for truncation (``probe``), failures remembered too.

    Results are kept across runs in ``probe_record`` (a ``ProbeRecord``), so an unchanged original is
    not even opened again: a build and ``chinar check`` with the same cache share it. Without one,
    every original is probed (the CMS checking a content folder before loading it).
    """

    def __init__(self, media_root: Path, probe_record: Path | None = None, max_pixels: int = MAX_PIXELS):
        self.media_root = Path(media_root)
        self.max_pixels = max_pixels
        self._media_resolved = self.media_root.resolve()
        self._found: dict[str, SourceInfo | ImageError] = {}
        self._probes = ProbeRecord(probe_record) if probe_record is not None else None
        self.hashed = 0  # sources read and hashed in this run (the others were unchanged since)

    @property
    def count(self) -> int:
        """Distinct usable sources asked for so far."""
        return sum(1 for found in self._found.values() if isinstance(found, SourceInfo))

    def get(self, src: str) -> SourceInfo:
        """The source ``src`` (relative to media/); raises ImageError naming ``media/<src>``."""
        display = f"{self.media_root.name}/{src}"
        if src not in self._found:
            try:
                path = self._resolve(src, display)
                info = self._probes.recall(path, display, self.max_pixels) if self._probes else None
                if info is None:
                    info = probe(path, display, self.max_pixels)
                    if self._probes:
                        self._probes.remember(info)
                    self.hashed += 1
                self._found[src] = info
            except ImageError as exc:
                self._found[src] = exc
        found = self._found[src]
        if isinstance(found, ImageError):
            raise found
        return found

    def problem(self, src: str) -> str | None:
        """Why ``src`` cannot be used (``"media/<src>: <problem>"``), or None if it can."""
        try:
            self.get(src)
        except ImageError as exc:
            return str(exc)
        return None

    def save(self) -> None:
        """Remember this run's probes for the next one."""
        if self._probes:
            self._probes.save()

    def _resolve(self, src: str, display: str) -> Path:
        relative = PurePosixPath(src)
        if relative.is_absolute() or ".." in relative.parts or "\\" in src:
            raise ImageError(display, "src must be a relative path under media/ without '..'")
        path = self.media_root.joinpath(*relative.parts).resolve()
        if not path.is_relative_to(self._media_resolved):
            raise ImageError(display, "src points outside media/ (symlink?)")
        return path


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

    VERSION = 2  # 2: probes check for truncation (``check_complete``)

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
            if entry["format"] not in FORMATS:
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
