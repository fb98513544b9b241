"""Reading the content contract: a directory of JSON records, one file per record.

Layout (``content/``)::

    manifest.json                       {"schema_version": 2}
    schemas/<type>.schema.json          the contract, one JSON Schema per record type
    <type>s/<translation_key>.<locale>.json
    media/...                           image originals, referenced by ``src`` relative to media/

References between records (artisan -> district, product -> artisan, ...) use the target's
``translation_key``, so they hold across locales. ``load_catalog`` reads and validates; it is the
only place the static build reads content files.
"""

from __future__ import annotations

import hashlib
import json
import logging
import marshal
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .catalog import Catalog, Record
from .errors import ContentError, Problem
from .policy import SERIAL, BuildPolicy, worker_started
from .progress import QUIET, Progress
from .record_types import SCHEMA_VERSION, TYPE_DIRS, TYPES
from .validate import image_objects, validate_catalog, validate_record

log = logging.getLogger(__name__)

# What changed since each older version: the error for an old snapshot says it and how to get a new one.
SCHEMA_CHANGES = {1: "version 2 dropped a product's own price_inr (its price now comes from its listings) and "
                     "added a listing's link_status and price_valid_until; pull the catalog again from a CMS of "
                     "this version (chinar pull --full), or regenerate the demo catalog"}

def _stat_signature(path: str) -> tuple:
    st = os.stat(path)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def read_json(path: Path, rel: str) -> Any:
    """Read and parse one JSON file (see ``parse_json``)."""
    return parse_json(path.read_bytes(), rel)


def parse_json(raw: bytes, rel: str) -> Any:
    """Parse the bytes of the JSON file ``rel``; a syntax error becomes a Problem naming the file, line
    and column."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(rel, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise ContentError([Problem(rel, "", message)]) from exc


def record_files(root: Path) -> Iterator[tuple[str, str, str]]:
    """Each record file as (type, path relative to ``root``, full path), in a stable order.

    Paths are strings: a large catalog has 100,000 files and pathlib objects cost seconds there."""
    for type_ in TYPES:
        folder = TYPE_DIRS[type_]
        try:
            with os.scandir(root / folder) as entries:
                names = sorted(e.name for e in entries if e.name.endswith(".json") and not e.name.startswith("."))
        except (FileNotFoundError, NotADirectoryError):
            continue
        base = os.path.join(root, folder)
        for name in names:
            yield type_, f"{folder}/{name}", os.path.join(base, name)


def read_bytes(path: str) -> bytes:
    """A file's bytes in the fewest system calls: no buffer, no terminal check, no ``Path`` (a build
    reads every record file; ``open()`` costs twice as much per file)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        chunks = []
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_record(type_: str, rel: str, path: str) -> tuple[Record | None, list[Problem], list[tuple[str, str]]]:
    """Parse and check one record file: (record or None, problems, (type, key) pairs to mark broken)."""
    key = rel.rpartition("/")[2].split(".")[0]
    try:
        text = read_bytes(path)
        data = parse_json(text, rel)
    except ContentError as exc:
        return None, exc.problems, [(type_, key)]
    found = validate_record(data, type_, rel)
    if found:
        broken = [(type_, key)]
        if isinstance(data, dict) and isinstance(data.get("translation_key"), str):
            broken.append((type_, data["translation_key"]))
        return None, found, broken
    data["_file"] = rel
    data["_hash"] = hashlib.sha256(text).hexdigest()[:20]
    data["_srcs"] = tuple(image["src"] for image in image_objects(data))  # see validate.image_srcs
    return data, [], []


def same_bytes(path: str, record: Record) -> bool:
    """Whether the file holds exactly the bytes ``record`` was read from (a copy, a touch): reading and
    hashing costs a tenth of parsing and checking it again. ``chinar pull`` copies every file."""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()[:20] == record["_hash"]
    except OSError:
        return False


def _read_chunk(files: list[tuple[str, str, str]]) -> list[tuple[Record | None, list[Problem], list[tuple[str, str]]]]:
    return [read_record(*f) for f in files]


def _read_chunk_packed(files: list[tuple[str, str, str]]) -> bytes | list:
    """``_read_chunk`` in a worker process: good records go back marshalled (plain JSON values, which
    marshal writes and reads in half the time pickle takes), anything with a problem pickled."""
    found = _read_chunk(files)
    if any(problems for _, problems, _ in found):
        return found
    return marshal.dumps(found)


def _read_records(files: list[tuple[str, str, str]], policy: BuildPolicy, progress: Progress = QUIET) -> list:
    """``read_record`` for each file, in order; on several processes for a large catalog (``policy``).

    Parsing, schema checks and sanitising are pure per-file work, so they split cleanly: each worker
    reads a contiguous slice and sends back plain dicts (pickled, which is cheaper than the checks).
    """
    found = ReadAhead(files, policy).results(files, progress) if files else []
    if found is not None:
        return found
    with progress.stage("read", total=len(files), unit="record") as bar:
        found = []
        for i in range(0, len(files), 500):
            found += _read_chunk(files[i:i + 500])
            bar.update(len(files[i:i + 500]))
    return found


class ReadAhead:
    """Every record file of a content directory read and checked in worker processes, started early.

    A fresh build (``chinar build --full``, or no cached state: every deploy from a clean checkout)
    reads every file whatever happens, so ``chinar.build`` starts this before it sets the build up,
    which takes a few tenths of a second on one core; ``load_catalog(ahead=...)`` then takes the
    results, if the files are still the same. ``_read_records`` reads through it too. Processes are
    started only when the policy says the files are worth it (``results`` is None otherwise).
    """

    def __init__(self, files: list[tuple[str, str, str]], policy: BuildPolicy):
        import multiprocessing

        self.files = files
        self.pool = None
        self.pending = None
        workers = policy.read_processes(len(files))
        if workers > 1:
            # Small batches: the build waits for the last one, with the other processes done (eight
            # batches on two cores left one idle for a tenth of a second at 1,000 artisans).
            size = max(50, -(-len(self.files) // (workers * 16)))
            chunks = [self.files[i:i + size] for i in range(0, len(self.files), size)]
            self.pool = multiprocessing.get_context("fork").Pool(workers, initializer=worker_started)
            self.sizes = [len(chunk) for chunk in chunks]
            self.pending = self.pool.imap(_read_chunk_packed, chunks)  # starts now; results come in order

    def results(self, files: list[tuple[str, str, str]], progress: Progress = QUIET) -> list | None:
        """What ``_read_records(files)`` would return, or None if ``files`` are not the ones read."""
        if self.pending is None or files != self.files:
            self.close()
            return None
        try:
            found = []
            with progress.stage("read", total=len(files), unit="record") as bar:
                for part, size in zip(self.pending, self.sizes, strict=True):
                    found += marshal.loads(part) if isinstance(part, bytes) else part
                    bar.update(size)
            return found
        finally:
            self.close()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = self.pending = None


def load_catalog(root: Path | str, *, check_media: bool = True,
                 record_cache: dict[str, tuple[tuple, Record]] | None = None, policy: BuildPolicy | None = None,
                 ahead: ReadAhead | None = None, progress: Progress = QUIET) -> Catalog:
    """Read and validate a content directory; raise ContentError listing every problem found.

    ``record_cache`` (file -> (stat signature, record)), when given, lets a rebuild skip parsing and
    validating files whose size, mtime, ctime and inode are unchanged, or whose bytes are (a copied
    or touched file); it is updated in place.
    Cross-record checks (references, slugs, image files) always run on the whole catalog. ``policy``
    says how many processes read the files that need reading (default: this one); the result does not
    depend on it.
    ``ahead``: those files already being read (``ReadAhead``).
    """
    root = Path(root)
    if not root.is_dir():
        raise ContentError([Problem(str(root), "", "content directory does not exist")])
    problems: list[Problem] = []
    manifest_path = root / "manifest.json"
    if manifest_path.exists():
        try:
            manifest = read_json(manifest_path, "manifest.json")
            version = manifest.get("schema_version") if isinstance(manifest, dict) else None
            if version != SCHEMA_VERSION:
                message = f"schema_version {version!r} is not supported (this build reads {SCHEMA_VERSION})"
                if version in SCHEMA_CHANGES:
                    message += f": {SCHEMA_CHANGES[version]}"
                problems.append(Problem("manifest.json", "/schema_version", message))
        except ContentError as exc:
            problems.extend(exc.problems)
    else:
        problems.append(Problem("manifest.json", "", "missing: a content directory needs a manifest.json"))

    catalog = Catalog(root=root)
    seen: set[str] = set()
    entries: list[Record | int] = []  # a cached record, or the index of a file to read
    todo: list[tuple[str, str, str]] = []
    sigs: dict[str, tuple] = {}
    for type_, rel, path in record_files(root):
        seen.add(rel)
        if record_cache is not None:
            sig = sigs[rel] = _stat_signature(path)
            hit = record_cache.get(rel)
            if hit is not None and (hit[0] == sig or same_bytes(path, hit[1])):
                record_cache[rel] = (sig, hit[1])
                entries.append(hit[1])
                continue
        entries.append(len(todo))
        todo.append((type_, rel, path))
    results = ahead.results(todo, progress) if ahead is not None else None
    if results is None:
        results = _read_records(todo, policy or SERIAL, progress)
    for entry in entries:
        if not isinstance(entry, int):
            catalog.add(entry)
            continue
        data, found, broken = results[entry]
        problems.extend(found)
        catalog.broken.update(broken)
        if data is None:
            continue
        catalog.add(data)
        if record_cache is not None:
            record_cache[data["_file"]] = (sigs[data["_file"]], data)
    if record_cache is not None:
        for rel in set(record_cache) - seen:
            del record_cache[rel]
    problems.extend(validate_catalog(catalog, check_media=check_media))
    if problems:
        raise ContentError(problems)
    log.info("loaded %d records from %s", catalog.count(), root)
    return catalog
