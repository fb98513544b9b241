"""What a deploy must change, decided from content hashes alone, and in which order.

The plan is pure: given the local output tree and what the bucket is known to hold, it lists the
uploads by phase and the stale objects. The order is what keeps the live site consistent while a
deploy runs: every file a page can reference is in place before the page that references it, and
nothing is removed until every upload has succeeded.

Phases, each started only when the previous one fully succeeded:

1. ``ASSETS`` — images, CSS, JS, fonts, anything the header rules cache forever, and any file
   whose path carries a content hash (search shards such as ``search-index/t/3f43…d0d45.json``).
   New pages and data files reference these; a new hashed name never replaces an old one, so
   old pages and an old search manifest never stop finding theirs.
2. ``DATA`` — other files read by scripts under a fixed name (the search manifest, JSON, the web
   manifest). They name hashed files uploaded in phase 1.
3. ``PAGES`` — HTML.
4. ``ENTRY`` — sitemap, feeds, robots.txt, ``_redirects``: the files that point crawlers and feed
   readers at pages, so they go last.
5. deletions (``--delete`` only): stale pages and data first, then stale assets, so a stale page
   that is still live never loses its stylesheet.

A file is unchanged only when the bucket's sha256 (from the deploy manifest or the object's
metadata), Content-Type and Cache-Control all match; size and modification time are never used,
since every build rewrites every file and a same-size edit is still an edit.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .rules import HeaderRules, content_type_for

#: Object (relative to the prefix) that records what each deployed object's sha256 is.
MANIFEST_NAME = ".chinar-deploy-manifest.json"

_ASSET_SUFFIXES = frozenset({
    ".css", ".js", ".mjs", ".map", ".avif", ".webp", ".jpg", ".jpeg", ".png", ".gif", ".svg",
    ".ico", ".woff", ".woff2", ".ttf", ".otf", ".wasm", ".pdf",
})
_PAGE_SUFFIXES = frozenset({".html", ".htm"})
_ENTRY_NAMES = frozenset({"robots.txt", "_redirects", "_headers"})
_ENTRY_SUFFIXES = frozenset({".xml", ".atom"})
#: A path segment (or part of a name) that is a hex digest: the build's content-hash naming.
_HASHED = re.compile(r"(?:^|[/._-])[0-9a-f]{8,}(?:[/._-]|$)")


class Phase(enum.IntEnum):
    """Upload order; lower phases complete before higher ones start."""

    ASSETS = 1
    DATA = 2
    PAGES = 3
    ENTRY = 4


def phase_for(rel: str, rules: HeaderRules) -> Phase:
    """The phase an output-relative file belongs to (see module docstring for why)."""
    p = PurePosixPath(rel)
    suffix = p.suffix.lower()
    if suffix in _PAGE_SUFFIXES:
        return Phase.PAGES
    if p.name in _ENTRY_NAMES or suffix in _ENTRY_SUFFIXES:
        return Phase.ENTRY
    if suffix in _ASSET_SUFFIXES or _HASHED.search(rel) or rules.is_immutable("/" + rel):
        return Phase.ASSETS
    return Phase.DATA


@dataclass(frozen=True)
class LocalFile:
    """One file of the output tree with everything its object must carry."""

    rel: str
    path: Path
    size: int
    sha256: str
    content_type: str
    cache_control: str
    phase: Phase


@dataclass(frozen=True)
class RemoteObject:
    """What the bucket holds under one key; ``sha256`` is None when unknown (not ours)."""

    rel: str
    etag: str
    sha256: str | None = None
    content_type: str | None = None
    cache_control: str | None = None

    def same_as(self, f: LocalFile) -> bool:
        return (self.sha256, self.content_type, self.cache_control) == (
            f.sha256, f.content_type, f.cache_control)


@dataclass
class Plan:
    """Uploads grouped by phase, unchanged files, and stale keys (relative to the prefix)."""

    uploads: list[tuple[LocalFile, str]] = field(default_factory=list)  # (file, "new"|"changed")
    unchanged: list[LocalFile] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # stale keys not uploaded by chinar deploy

    def phase(self, phase: Phase) -> list[LocalFile]:
        return [f for f, _ in self.uploads if f.phase is phase]

    def delete_batches(self, rules: HeaderRules) -> list[list[str]]:
        """Stale keys in deletion order: everything but assets, then assets."""
        first = [k for k in self.stale if phase_for(k, rules) is not Phase.ASSETS]
        last = [k for k in self.stale if phase_for(k, rules) is Phase.ASSETS]
        return [batch for batch in (first, last) if batch]

    @property
    def upload_bytes(self) -> int:
        return sum(f.size for f, _ in self.uploads)


def sha256_file(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def local_file(output: Path, rel: str, rules: HeaderRules) -> LocalFile:
    """One file of the output tree (``rel``: its posix path relative to ``output``), hashed."""
    if rel == MANIFEST_NAME:
        raise ValueError(f"{output / rel}: this name is reserved for the deploy manifest")
    path = output / rel
    return LocalFile(
        rel=rel,
        path=path,
        size=path.stat().st_size,
        sha256=sha256_file(path),
        content_type=content_type_for(rel),
        cache_control=rules.cache_control_for("/" + rel),
        phase=phase_for(rel, rules),
    )


def scan_output(output: Path, rules: HeaderRules) -> dict[str, LocalFile]:
    """Every regular file under ``output``, keyed by its posix path relative to it (sorted)."""
    if not output.is_dir():
        raise FileNotFoundError(f"output directory {output} does not exist (run `chinar build` first)")
    files: dict[str, LocalFile] = {}
    for path in sorted(p for p in output.rglob("*") if p.is_file()):
        rel = path.relative_to(output).as_posix()
        files[rel] = local_file(output, rel, rules)
    return files


def make_plan(local: Mapping[str, LocalFile], remote: Mapping[str, RemoteObject],
              stale_candidates: Iterable[str] = ()) -> Plan:
    """Compare the output tree with the bucket.

    ``remote`` holds what is known about keys that exist both locally and in the bucket, plus
    stale keys (in the bucket, not in the output); a stale key counts as ours (deletable) only
    when its sha256 is known, i.e. an earlier ``chinar deploy`` put it there. Keys listed in
    ``stale_candidates`` but absent from ``remote`` are reported as foreign and never deleted.
    """
    plan = Plan()
    for rel, f in local.items():
        obj = remote.get(rel)
        if obj is None:
            plan.uploads.append((f, "new"))
        elif obj.same_as(f):
            plan.unchanged.append(f)
        else:
            plan.uploads.append((f, "changed"))
    for rel in sorted(set(stale_candidates) - set(local)):
        obj = remote.get(rel)
        (plan.stale if obj is not None and obj.sha256 else plan.foreign).append(rel)
    plan.uploads.sort(key=lambda u: (u[0].phase, u[0].rel))
    return plan
