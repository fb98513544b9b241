"""Reading the content contract: a directory of JSON records, one file per record.

Layout (``content/``)::

    manifest.json                       {"schema_version": 1}
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
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .errors import ContentError, Problem

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
LOCALES = ("en", "hi", "ur")
DEFAULT_LOCALE = "en"
RTL_LOCALES = frozenset({"ur"})
TYPES = ("district", "craft", "artisan", "product", "collection", "story", "campaign", "page")
TYPE_DIRS = {t: ("stories" if t == "story" else t + "s") for t in TYPES}

Record = dict[str, Any]


@cache
def default_schema_dir() -> Path:
    """The schemas kept in the repository (``content/schemas``), whatever content dir is built."""
    return Path(__file__).resolve().parents[2] / "content" / "schemas"


@dataclass
class Catalog:
    """Every record of a content directory, indexed for the build.

    ``records[(type, translation_key)][locale]`` is one locale version. Records are plain dicts as
    read from JSON (rich text already sanitised); ``_file`` holds the path relative to the content dir.
    """

    root: Path
    records: dict[tuple[str, str], dict[str, Record]] = field(default_factory=dict)
    # (type, key) of files that failed to load: references to them are not reported again.
    broken: set[tuple[str, str]] = field(default_factory=set)

    def add(self, record: Record) -> None:
        self.records.setdefault((record["type"], record["translation_key"]), {})[record["locale"]] = record

    def keys(self, type_: str) -> list[str]:
        """Translation keys of one type, sorted (deterministic order everywhere)."""
        return sorted(k for (t, k) in self.records if t == type_)

    def versions(self, type_: str, key: str) -> dict[str, Record]:
        """All locale versions of one thing; empty if it does not exist."""
        return self.records.get((type_, key), {})

    def get(self, type_: str, key: str, locale: str, fallback: bool = True) -> Record | None:
        """The ``locale`` version, else (with ``fallback``) the default-locale one, else any."""
        versions = self.versions(type_, key)
        if locale in versions:
            return versions[locale]
        if not fallback or not versions:
            return None
        if DEFAULT_LOCALE in versions:
            return versions[DEFAULT_LOCALE]
        return versions[sorted(versions)[0]]

    def all(self, type_: str, locale: str, fallback: bool = True) -> list[Record]:
        """One version per thing of ``type_`` for showing in ``locale`` (see ``get``)."""
        out = []
        for key in self.keys(type_):
            rec = self.get(type_, key, locale, fallback)
            if rec is not None:
                out.append(rec)
        return out

    def iter_records(self) -> Iterator[Record]:
        for (_t, _k), versions in sorted(self.records.items()):
            for loc in sorted(versions):
                yield versions[loc]

    def media_path(self, src: str) -> Path:
        return self.root / "media" / src


def _stat_signature(path: Path) -> tuple:
    st = path.stat()
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def read_json(path: Path, rel: str, raw: bytes | None = None) -> Any:
    """Parse one JSON file; a syntax error becomes a Problem naming the file, line and column."""
    try:
        text = (path.read_bytes() if raw is None else raw).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError([Problem(rel, "", f"not UTF-8 text ({exc.reason} at byte {exc.start})")]) from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        raise ContentError([Problem(rel, "", message)]) from exc


def record_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Each record file with its expected type, in a stable order."""
    for type_ in TYPES:
        folder = root / TYPE_DIRS[type_]
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                yield type_, path


def load_catalog(root: Path | str, *, check_media: bool = True,
                 record_cache: dict[str, tuple[tuple, Record]] | None = None) -> Catalog:
    """Read and validate a content directory; raise ContentError listing every problem found.

    ``record_cache`` (file -> (stat signature, record)), when given, lets a rebuild skip parsing and
    validating files whose size, mtime, ctime and inode are unchanged; it is updated in place.
    Cross-record checks (references, slugs, image files) always run on the whole catalog.
    """
    from .validate import validate_catalog, validate_record  # local: validate imports this module

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
                problems.append(Problem("manifest.json", "/schema_version", message))
        except ContentError as exc:
            problems.extend(exc.problems)
    else:
        problems.append(Problem("manifest.json", "", "missing: a content directory needs a manifest.json"))

    catalog = Catalog(root=root)
    seen: set[str] = set()
    for type_, path in record_files(root):
        rel = path.relative_to(root).as_posix()
        seen.add(rel)
        if record_cache is not None:
            sig = _stat_signature(path)
            hit = record_cache.get(rel)
            if hit is not None and hit[0] == sig:
                catalog.add(hit[1])
                continue
        try:
            text = path.read_bytes()
            data = read_json(path, rel, text)
        except ContentError as exc:
            problems.extend(exc.problems)
            catalog.broken.add((type_, path.name.split(".")[0]))
            continue
        found = validate_record(data, type_, rel)
        if found:
            problems.extend(found)
            catalog.broken.add((type_, path.name.split(".")[0]))
            if isinstance(data, dict) and isinstance(data.get("translation_key"), str):
                catalog.broken.add((type_, data["translation_key"]))
            continue
        data["_file"] = rel
        data["_hash"] = hashlib.sha256(text).hexdigest()[:20]
        catalog.add(data)
        if record_cache is not None:
            record_cache[rel] = (sig, data)
    if record_cache is not None:
        for rel in set(record_cache) - seen:
            del record_cache[rel]
    problems.extend(validate_catalog(catalog, check_media=check_media))
    if problems:
        raise ContentError(problems)
    log.info("loaded %d records from %s", sum(len(v) for v in catalog.records.values()), root)
    return catalog
