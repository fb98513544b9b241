"""What changed since a build kept in memory, and whether that build can be updated in place.

A build that stays in memory (``chinar serve --watch``, the publisher) is told which files changed. When
every one of them is a record that existed, still passes its checks and keeps its *structure*
(``pages.structure``: identity, URL, references and the fields lists are made from), the change is an
*edit in place*: the record objects are updated where they are, and every page holding them sees the
change at once, so only those pages need rendering and only the search documents that read them need
analysing. Anything else — a record added, deleted or restructured, a craft or district (their names
are search aliases of every document), an image, a template, a schema — is a general change, and the
build lists the pages again.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog, Record
from .content import read_record, same_bytes
from .errors import ContentError, Problem
from .incremental import stat_signature
from .pages import structure
from .record_types import BY_FOLDER
from .validate import images as record_images

Edits = dict[str, tuple[tuple, Record]]  # record file -> (stat signature, the record as read now)


@dataclass(frozen=True)
class Changes:
    """The files changed since the build in memory (absolute paths), or ``None``: anything may have."""

    files: frozenset[str] | None

    @classmethod
    def of(cls, paths: Iterable[Path | str] | None) -> Changes:
        return cls(None if paths is None else frozenset(os.path.abspath(p) for p in paths))


UNKNOWN = Changes(None)


def in_place_edits(changes: Changes, content_dir: Path, catalog: Catalog,
                   records: dict[str, tuple[tuple, Record]]) -> Edits | None:
    """The records to update in place, by file (those whose bytes did not change included, with the record
    as it is), or None when the change needs the pages listed again.

    ``records``: the build's record cache (file -> (stat signature, record)). Raises ContentError, having
    changed nothing, when a changed record fails its checks or names an image file that does not exist.
    """
    if changes.files is None:
        return None
    edits: Edits = {}
    for path in sorted(changes.files):
        rel = os.path.relpath(path, content_dir).replace(os.sep, "/")
        folder, _, name = rel.partition("/")
        rtype = BY_FOLDER.get(folder)
        if rtype is None:
            return None  # media, theme, schemas, manifest, aliases...: not a record
        if "/" in name or not name.endswith(".json") or name.startswith("."):
            continue  # never read by the build (``content.record_files``): a temporary file, say
        if rtype.alias_source or rel not in records:
            return None
        try:
            sig = stat_signature(os.stat(path))
        except FileNotFoundError:
            return None  # deleted
        old_sig, old = records[rel]
        if sig == old_sig:
            continue
        if same_bytes(path, old):  # touched or copied: nothing to read again
            edits[rel] = (sig, old)
            continue
        data, problems, _broken = read_record(rtype.name, rel, path)
        if problems:
            raise ContentError(problems)
        if structure(data) != structure(old):
            return None
        edits[rel] = (sig, data)
    problems = [Problem(rel, pointer + "/src", f"image file media/{image['src']} does not exist")
                for rel, (_sig, data) in edits.items() for pointer, image in record_images(data)
                if not catalog.media_path(image["src"]).is_file()]
    if problems:
        raise ContentError(problems)
    return edits
