"""ImagePipeline: what templates ask for (Picture, Rendition) and the one place files get written.

Asking is cheap and pure: ``picture()`` reads each source's header once (hash + size), works out
the crops and sizes, names every file by a hash of its inputs and returns the URLs at once, so
pages can be rendered before any pixel is encoded. ``write()`` then encodes only what the cache
lacks, in one process pool, and links the files into the output. Because a file's name is the hash
of everything that determines its bytes (source bytes, crop, size, format, encoder settings and
versions), the cache never needs invalidating and the files can be served with "cache forever".
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import shutil
import threading
from collections.abc import Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path, PurePosixPath
from typing import Any

from ..media_limits import MAX_PIXELS
from ..policy import worker_started
from ..progress import QUIET, Progress
from .encode import Job, SourceTask, TaskResult, encode_chunk
from .geometry import Box, Size, crop_box, output_sizes
from .source import ImageError, SourceInfo, Sources
from .specs import (
    ENCODERS,
    EXTENSION,
    FALLBACK_FORMAT,
    MIME,
    OG_MAX_BYTES,
    OG_QUALITIES,
    OG_SIZE,
    SOURCE_FORMATS,
    SPECS,
    Spec,
    encoder_version,
)

logger = logging.getLogger(__name__)

#: Bump when the pixel processing changes (crop maths, colour conversion, resampling) so that
#: every rendition gets a new name and is re-encoded once.
PIPELINE_VERSION = 1


@dataclass(frozen=True)
class Rendition:
    """One encoded file. ``url`` is root-relative, e.g. ``/img/3fa2c1d4e5b6a7f8-480.webp``."""

    url: str
    width: int
    height: int
    mime: str


@dataclass(frozen=True)
class Picture:
    """Everything a ``<picture>`` element needs.

    ``sources`` are (mime, srcset) for AVIF then WebP; ``fallback`` is the middle-width JPEG for
    ``<img src>``, ``srcset`` the JPEG srcset for the ``<img>``; ``width``/``height`` are the
    fallback's intrinsic size (set them as attributes so the layout never shifts); ``sizes`` is the
    spec's ``sizes`` attribute.
    """

    sources: list[tuple[str, str]]
    fallback: Rendition
    srcset: str
    width: int
    height: int
    alt: str
    sizes: str = ""
    renditions: tuple[Rendition, ...] = ()  # every file of the element, all formats and widths


def _usable_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _srcset(renditions: list[Rendition]) -> str:
    return ", ".join(f"{r.url} {r.width}w" for r in renditions)


class ImagePipeline:
    """Renditions for one build. Not thread-safe; create one per build and call ``write()`` last.

    ``media_root`` is ``content/media`` (image ``src`` values are relative to it; error messages
    show paths relative to the content dir). Files are written to ``output_dir`` under the path of
    ``url_prefix`` (``/img/`` -> ``output_dir/img/``). ``cache_dir`` persists between builds.
    ``workers`` defaults to the usable CPU count; 1 encodes in this process (no pool).
    """

    def __init__(
        self,
        media_root: Path,
        output_dir: Path,
        cache_dir: Path,
        url_prefix: str = "/img/",
        *,
        workers: int | None = None,
        max_pixels: int = MAX_PIXELS,
        specs: Mapping[str, Spec] = SPECS,
        encoders: Mapping[str, Mapping[str, Any]] = ENCODERS,
        progress: Progress = QUIET,
    ):
        if not (url_prefix.startswith("/") and url_prefix.endswith("/")) or ".." in url_prefix:
            raise ValueError(f"url_prefix must be a root-relative folder like '/img/', not {url_prefix!r}")
        self.media_root = Path(media_root)
        self.output_dir = Path(output_dir)
        self.cache_dir = Path(cache_dir)
        self.url_prefix = url_prefix
        self.image_dir = self.output_dir.joinpath(*PurePosixPath(url_prefix).parts[1:])
        self.workers = workers or _usable_cpus()
        self.progress = progress
        self.max_pixels = max_pixels
        self.specs = specs
        self.encoders = {fmt: dict(options) for fmt, options in encoders.items()}
        self._encoder_version = encoder_version()
        self.sources = Sources(self.media_root, self.cache_dir / "sources.json", max_pixels)
        self._plans: dict[tuple, Picture | Rendition] = {}
        self._jobs: dict[str, tuple[SourceInfo, Job]] = {}
        self._written: set[str] = set()
        self._new: list[str] = []  # keys planned since the last ``link_cached``
        self._stats = {"encoded": 0, "reused": 0, "written": 0}
        self.failed: dict[str, str] = {}  # src -> why ``write`` could not encode it

    # -- asking ------------------------------------------------------------------------------

    def picture(self, image: Mapping[str, Any], spec: str) -> Picture:
        """Plan the renditions of ``image`` (a contract image object) for ``spec``.

        Raises ImageError (naming the file) for a missing, non-image, bomb or invalid image object.
        Nothing is encoded until ``write()``.
        """
        chosen = self._spec(spec)
        source = self._source(image)
        focal = self._focal(image, source.display)
        alt = self._alt(image, source.display)
        plan = self._plans.get(("picture", source.display, focal, spec))
        if not isinstance(plan, Picture):
            plan = self._plan_picture(source, focal, chosen)
            self._plans[("picture", source.display, focal, spec)] = plan
        return replace(plan, alt=alt)

    def _plan_picture(self, source: SourceInfo, focal: tuple[float, float], chosen: Spec) -> Picture:
        box = crop_box(source.size, chosen.aspect, focal)
        sizes = output_sizes(box, chosen.aspect, chosen.widths)
        by_format = {
            fmt: [self._request(source, box, size, fmt) for size in sizes]
            for fmt in (*SOURCE_FORMATS, FALLBACK_FORMAT)
        }
        jpegs = by_format[FALLBACK_FORMAT]
        fallback = jpegs[len(jpegs) // 2]
        return Picture(
            sources=[(MIME[fmt], _srcset(by_format[fmt])) for fmt in SOURCE_FORMATS],
            fallback=fallback,
            srcset=_srcset(jpegs),
            width=fallback.width,
            height=fallback.height,
            alt="",
            sizes=chosen.sizes,
            renditions=tuple(r for fmt in by_format.values() for r in fmt),
        )

    def og_image(self, image: Mapping[str, Any]) -> Rendition:
        """The link-preview image: exactly 1200x630 progressive JPEG under 300 KB.

        Cropped around the focal point. Unlike other renditions it is upscaled from a smaller
        source, because preview crawlers expect this exact size.
        """
        source = self._source(image)
        focal = self._focal(image, source.display)
        plan = self._plans.get(("og", source.display, focal))
        if not isinstance(plan, Rendition):
            box = crop_box(source.size, OG_SIZE, focal)
            options = {k: v for k, v in self.encoders["jpeg"].items() if k != "quality"}
            options["progressive"] = True
            plan = self._request(source, box, OG_SIZE, "jpeg", options, OG_QUALITIES, OG_MAX_BYTES)
            self._plans[("og", source.display, focal)] = plan
        return plan

    def thumbnail(self, image: Mapping[str, Any], fmt: str = "webp") -> Rendition:
        """One small square image for search results (the largest ``thumb`` width that fits)."""
        chosen = self._spec("thumb")
        source = self._source(image)
        focal = self._focal(image, source.display)
        plan = self._plans.get(("thumb", source.display, focal, fmt))
        if not isinstance(plan, Rendition):
            box = crop_box(source.size, chosen.aspect, focal)
            size = output_sizes(box, chosen.aspect, chosen.widths)[-1]
            plan = self._request(source, box, size, fmt)
            self._plans[("thumb", source.display, focal, fmt)] = plan
        return plan

    def plan(self, request: tuple[str, str, str]) -> tuple[str, ...]:
        """Plan a rendition request as the renderer records it, ``(kind, image as JSON, spec)`` with kind
        ``picture`` or ``og``; return the output files (relative to output_dir) it uses."""
        kind, image_json, spec = request
        image = json.loads(image_json)
        renditions = self.picture(image, spec).renditions if kind == "picture" else (self.og_image(image),)
        return tuple(sorted({r.url[1:] for r in renditions}))

    def content_hash(self, src: str) -> str:
        """The sha256 of the original ``src`` (hashed once per build, and across builds while its stat
        signature is unchanged), or a marker for a missing or bad file, whose error is raised where the
        image is used."""
        try:
            return self._source({"src": src}).sha256
        except ImageError as exc:
            return f"error:{exc}"

    def problem(self, src: str) -> str | None:
        """Why the original ``src`` cannot be used (``"media/<src>: <problem>"``): found when it was
        probed, or when ``write`` decoded it. None if nothing is known to be wrong with it."""
        return self.failed.get(src) or self.sources.problem(src)

    def forget_written(self, names: set[str]) -> None:
        """Files (relative to output_dir) that left the output: link them again if asked for later."""
        prefix = "/".join(PurePosixPath(self.url_prefix).parts[1:])
        names = {n[len(prefix) + 1:] if prefix else n for n in names}
        self._written = {k for k in self._written if self._jobs[k][1].filename not in names}

    def output_files(self) -> list[str]:
        """Paths (relative to output_dir, POSIX) of every file requested so far, sorted."""
        prefix = "/".join(PurePosixPath(self.url_prefix).parts[1:])
        names = (job.filename for _, job in self._jobs.values())
        return sorted(f"{prefix}/{name}" if prefix else name for name in names)

    @property
    def stats(self) -> dict[str, int]:
        """Counts for the build summary.

        ``encoded``/``reused``: renditions encoded this run / found in the cache; ``sources``: distinct
        originals used; ``hashed``: of those, how many were read and hashed (the rest were unchanged
        since a previous build); ``written``: files linked or copied into the output.
        """
        return {**self._stats, "sources": self.sources.count, "hashed": self.sources.hashed}

    # -- writing -----------------------------------------------------------------------------

    def link_cached(self) -> None:
        """Link into the output the renditions planned since the last call that are already in the
        cache; ``write`` does the rest (and encodes what is missing).

        The build calls this while pages are still rendering in other processes, as each batch of
        them names its images, rather than linking every file once the last page is done.
        """
        new, self._new = self._new, []
        if new:
            self.image_dir.mkdir(parents=True, exist_ok=True)
        for key in new:
            if key in self._written:
                continue
            job = self._jobs[key][1]
            if job.cache_path(self.cache_dir).is_file():
                self._stats["reused"] += 1
                self._put(job)

    def write(self) -> None:
        """Make every rendition requested so far exist in the output; encode only cache misses.

        Misses are grouped by source (one decode serves all of a source's renditions) and encoded
        in a single process pool. Raises ImageError naming the first failing file (sorted by path;
        every failure is logged) after the others have been cached, so the next build is shorter.
        """
        pending = [(source, job) for key, (source, job) in self._jobs.items() if key not in self._written]
        missing: dict[str, tuple[SourceInfo, list[Job]]] = {}
        for source, job in pending:
            if job.cache_path(self.cache_dir).is_file():
                self._stats["reused"] += 1
            else:
                missing.setdefault(source.sha256, (source, []))[1].append(job)
        tasks = [
            SourceTask(source, tuple(jobs), self.cache_dir, self.max_pixels)
            for source, jobs in sorted(missing.values(), key=lambda item: item[0].display)
        ]
        try:
            if tasks:
                self._report(self._run(tasks))
        finally:
            self.sources.save()  # after encoding, so files probed just now are not "racy" next time
        self.image_dir.mkdir(parents=True, exist_ok=True)
        for _, job in pending:
            self._put(job)
        self._new.clear()
        logger.info(
            "images: %(encoded)d encoded, %(reused)d reused from cache, %(sources)d sources, "
            "%(written)d files written",
            self.stats,
        )

    def _put(self, job: Job) -> None:
        """Link a cached rendition into the output and count it (``link_cached`` and ``write``)."""
        if self._link(job.cache_path(self.cache_dir), self.image_dir / job.filename):
            self._stats["written"] += 1
        self._written.add(job.key)

    def _run(self, tasks: list[SourceTask]) -> list[TaskResult]:
        with self.progress.stage("images", total=len(tasks), unit="original") as bar:
            return self._encode(tasks, bar)

    def _encode(self, tasks: list[SourceTask], bar) -> list[TaskResult]:
        if self.workers <= 1 or len(tasks) == 1:
            results = []
            for task in tasks:
                results += encode_chunk([task])
                bar.update(1)
            return results
        per_chunk = max(1, min(8, math.ceil(len(tasks) / (self.workers * 4))))
        chunks = [tasks[i : i + per_chunk] for i in range(0, len(tasks), per_chunk)]
        results: list[TaskResult] = []
        # fork is cheapest and does not re-import __main__, but forking a process that runs other
        # threads (a progress bar, say) can deadlock; then fork from a clean forkserver instead.
        context = get_context("fork" if threading.active_count() == 1 else "forkserver")
        with ProcessPoolExecutor(max_workers=min(self.workers, len(chunks)), mp_context=context,
                                 initializer=worker_started) as pool:
            futures = {pool.submit(encode_chunk, chunk): chunk for chunk in chunks}
            for future in futures:
                try:
                    results.extend(future.result())
                    bar.update(len(futures[future]))
                except BrokenProcessPool as exc:
                    chunk = futures[future]
                    names = ", ".join(task.source.display for task in chunk)
                    raise ImageError(
                        chunk[0].source.display,
                        f"encoding worker process failed (killed, out of memory or could not start: {exc})"
                        f" while processing one of: {names}",
                    ) from exc
        return results

    def _report(self, results: list[TaskResult]) -> None:
        errors: list[ImageError] = []
        for result in sorted(results, key=lambda r: r.display):
            self._stats["encoded"] += len(result.encoded)
            for note in result.notes:
                logger.warning("%s: %s", result.display, note)
            if result.error is not None:
                logger.error("%s: %s", result.display, result.error)
                errors.append(ImageError(result.display, result.error))
                self.failed[result.display[len(self.media_root.name) + 1:]] = str(errors[-1])
        if errors:
            first = errors[0]
            if len(errors) > 1:
                more = f" (and {len(errors) - 1} more image errors, see the log)"
                raise ImageError(first.path, first.problem + more)
            raise first

    @staticmethod
    def _link(cached: Path, dest: Path) -> bool:
        """Hard-link (or copy) a cached file into the output; False if an identical file is there."""
        try:
            os.link(cached, dest)  # the usual case: a new output folder
            return True
        except FileExistsError:
            if dest.stat().st_size == cached.stat().st_size:
                return False  # names are content hashes: same name and size means same bytes
        except OSError:
            pass
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            os.link(cached, tmp)
        except OSError:  # other filesystem, or links not allowed
            shutil.copyfile(cached, tmp)
        os.replace(tmp, dest)
        return True

    # -- helpers -----------------------------------------------------------------------------

    def _spec(self, name: str) -> Spec:
        try:
            return self.specs[name]
        except KeyError:
            raise ValueError(f"unknown image spec {name!r}; known: {', '.join(sorted(self.specs))}") from None

    def _source(self, image: Mapping[str, Any]) -> SourceInfo:
        """Probe a source once per pipeline (hash + header), remembering failures too."""
        src = image.get("src") if isinstance(image, Mapping) else None
        if not isinstance(src, str) or not src:
            raise ImageError(f"{self.media_root.name}/?", f"image object has no 'src': {image!r}")
        return self.sources.get(src)

    @staticmethod
    def _focal(image: Mapping[str, Any], display: str) -> tuple[float, float]:
        focal = image.get("focal_point")
        if focal is None:
            return (0.5, 0.5)
        try:
            x, y = focal["x"], focal["y"]
            if any(isinstance(v, bool) or not isinstance(v, int | float) for v in (x, y)):
                raise TypeError
            if not (0 <= x <= 1 and 0 <= y <= 1):
                raise ValueError
        except (KeyError, TypeError, ValueError):
            problem = f"focal_point must be {{'x': 0..1, 'y': 0..1}}, not {focal!r}"
            raise ImageError(display, problem) from None
        return (float(x), float(y))

    @staticmethod
    def _alt(image: Mapping[str, Any], display: str) -> str:
        alt = image.get("alt")
        if not isinstance(alt, str) or not alt.strip():
            raise ImageError(display, "image has no alt text")
        return alt

    def _request(
        self,
        source: SourceInfo,
        box: Box,
        size: Size,
        fmt: str,
        options: Mapping[str, Any] | None = None,
        qualities: tuple[int, ...] = (),
        max_bytes: int | None = None,
    ) -> Rendition:
        """Name the rendition by the hash of everything that determines its bytes; queue it."""
        if fmt not in MIME:
            raise ValueError(f"unknown image format {fmt!r}; known: {', '.join(MIME)}")
        opts = tuple(sorted((options if options is not None else self.encoders[fmt]).items()))
        material = {
            "pipeline": PIPELINE_VERSION,
            "encoder": self._encoder_version,
            "source": source.sha256,
            "box": box,
            "size": size,
            "format": fmt,
            "options": opts,
            "qualities": qualities,
            "max_bytes": max_bytes,
        }
        key = hashlib.sha256(json.dumps(material, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        filename = f"{key[:16]}-{size[0]}.{EXTENSION[fmt]}"
        if key not in self._jobs:
            self._jobs[key] = (source, Job(key, filename, box, size, fmt, opts, qualities, max_bytes))
            self._new.append(key)
        return Rendition(url=self.url_prefix + filename, width=size[0], height=size[1], mime=MIME[fmt])
