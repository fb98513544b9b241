"""What the last build made, so the next one renders only what changed.

For every output page the build records a *fingerprint*: a hash of everything the page was made
from — the records in its context (each by the hash of its file and of the image originals it
names), the templates it uses (with everything they extend, import or include), the interface
translations, the hashed static files and the site URL. A page whose fingerprint is unchanged, and
whose file is still in the output, is not rendered again. A record's page that is no longer listed
disappears with the pages list, so deleted or unpublished records leave the output.

The state lives in ``<cache>/build-state.pickle``. It is deleted before a build's output commit and
written after it (``build.forget_state``), so it describes the live output or is missing; a missing,
unreadable or foreign state means a full build, never a wrong one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # Jinja is imported where templates are read: a build starts reading records sooner
    import jinja2

    from .pages import Page

log = logging.getLogger(__name__)

STATE_VERSION = 5


@dataclass
class BuildState:
    version: int = STATE_VERSION
    # content file (relative path) -> (stat signature, parsed and validated record)
    records: dict[str, tuple[tuple, dict]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  # page URL -> fingerprint
    # the image requests (kind, image, spec) each page made, to plan renditions without rendering
    requests: dict[str, frozenset] = field(default_factory=dict)
    inputs_signature: str = ""
    outputs: set[str] = field(default_factory=set)  # every file the build produced, to delete stale ones
    sitemap: dict[str, tuple[str, str]] = field(default_factory=dict)  # page URL -> its sitemap entry (seo)

    @classmethod
    def load(cls, cache_dir: Path) -> BuildState:
        path = cache_dir / "build-state.pickle"
        try:
            with path.open("rb") as f:
                state = pickle.load(f)
            if not isinstance(state, cls) or state.version != STATE_VERSION:
                raise ValueError("state from another version")
            return state
        except FileNotFoundError:
            return cls()
        except Exception as exc:  # noqa: BLE001 - any damage means: start from scratch
            log.warning("build state in %s is unusable (%s): full build", path, exc)
            return cls()

    def save(self, cache_dir: Path) -> None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        path = cache_dir / "build-state.pickle"
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as f:
            pickle.dump(self, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)


def stat_signature(st: os.stat_result) -> tuple:
    """Cheap change detection for a file: size, mtime, ctime and inode (like git's index)."""
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def tree_signature(*roots: Path) -> str:
    """One hash over the stat signatures of every file under ``roots``: unchanged means nothing to do."""
    h = hashlib.sha256()
    for root in roots:
        entries = []
        if root.is_file():
            entries.append((str(root), stat_signature(root.stat())))
            stack = []
        else:
            stack = [str(root)]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    for entry in it:
                        if entry.name == "__pycache__":
                            continue
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        else:
                            entries.append((entry.path, stat_signature(entry.stat(follow_symlinks=False))))
            except FileNotFoundError:
                entries.append((folder, "missing"))
        for path, sig in sorted(entries):
            h.update(f"{path}\0{sig}\n".encode())
    return h.hexdigest()


class TemplateFingerprints:
    """Hash of each template together with every template it extends, imports or includes."""

    def __init__(self, env: jinja2.Environment, extra: str, memo: Path | None = None):
        """``memo``: a file keeping each template's references by the hash of its source, so that a
        build parses only the templates that changed (parsing all of them took 0.08-0.15 s)."""
        self.env = env
        self.extra = extra
        self.names = sorted(env.list_templates(extensions=["html"]))
        # Per instance, not ``functools.cache`` on the methods: that would keep every instance, and
        # through its environment the whole build, alive for the life of the process (a resident
        # build makes one per rebuild).
        self._hashes: dict[str, str] = {}
        self._references: dict[str, tuple[str | None, ...]] = {}
        self._closures: dict[str, frozenset[str]] = {}
        self._fingerprints: dict[str, str] = {}
        self._memo_path = memo
        self._memo: dict[str, list] = {}
        self._memo_changed = False
        if memo is not None:
            try:
                found = json.loads(memo.read_text())
                self._memo = found if isinstance(found, dict) else {}
            except (OSError, ValueError):
                pass

    def source_hash(self, name: str) -> str:
        found = self._hashes.get(name)
        if found is None:
            source, _, _ = self.env.loader.get_source(self.env, name)
            found = self._hashes[name] = hashlib.sha256(source.encode()).hexdigest()
        return found

    def references(self, name: str) -> tuple[str | None, ...]:
        """The templates ``name`` names itself (None: a computed name). Parsed once per template:
        parsing is the costly part, and ``base.html`` is in every page template's closure."""
        found = self._references.get(name)
        if found is None:
            key = self.source_hash(name)
            known = self._memo.get(key)
            if isinstance(known, list) and all(ref is None or isinstance(ref, str) for ref in known):
                found = tuple(known)
            else:
                source, _, _ = self.env.loader.get_source(self.env, name)
                from jinja2 import meta

                found = tuple(meta.find_referenced_templates(self.env.parse(source)))
                self._memo[key] = list(found)
                self._memo_changed = True
            self._references[name] = found
        return found

    def save(self) -> None:
        """Write the memo, if templates were parsed (only those in use: a memo of deleted templates
        would only grow, so it is rewritten with what this build used)."""
        if self._memo_path is None or not self._memo_changed:
            return
        used = {self._hashes[name]: list(refs) for name, refs in self._references.items()}
        tmp = self._memo_path.with_name(f".{self._memo_path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(used, sort_keys=True))
        os.replace(tmp, self._memo_path)

    def closure(self, name: str) -> frozenset[str]:
        found = self._closures.get(name)
        if found is not None:
            return found
        seen: set[str] = set()
        todo = [name]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            for ref in self.references(current):
                if ref is None:  # a computed name ("blocks/" ~ type): depend on every template
                    todo.extend(self.names)
                else:
                    todo.append(ref)
        found = self._closures[name] = frozenset(seen)
        return found

    def fingerprint(self, name: str) -> str:
        found = self._fingerprints.get(name)
        if found is None:
            h = hashlib.sha256(self.extra.encode())
            for dep in sorted(self.closure(name)):
                h.update(f"{dep}:{self.source_hash(dep)}\n".encode())
            found = self._fingerprints[name] = h.hexdigest()
        return found


def _walk(value: Any, out: list[str]) -> None:
    if isinstance(value, dict):
        if "_hash" in value:  # a record: its identity and content hash stand for all of it
            out.append(f"R{value['_file']}:{value['_hash']}:{value.get('_media', '')}")
            return
        for k in sorted(value):
            out.append(f"K{k}")
            _walk(value[k], out)
    elif isinstance(value, (list, tuple)):
        out.append(f"L{len(value)}")
        for v in value:
            _walk(v, out)
    else:
        out.append(f"V{value!r}")


def page_fingerprint(page: Page, template_fp: str) -> str:
    parts: list[str] = [template_fp, page.url, page.locale, page.template, repr(sorted(page.alternates.items()))]
    _walk(page.context, parts)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def held_records(value: Any, out: set[str]) -> set[str]:
    """The files of the records a page context holds (what ``page_fingerprint`` hashes them by)."""
    if isinstance(value, dict):
        if "_hash" in value:
            out.add(value["_file"])
            return out
        for v in value.values():
            held_records(v, out)
    elif isinstance(value, (list, tuple)):
        for v in value:
            held_records(v, out)
    return out
