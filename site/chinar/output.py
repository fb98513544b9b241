"""Writing the output tree safely: write only what changed, beside the live output, then move it in.

Every file the build produces goes through ``write``: if the live output already holds the same bytes,
nothing is written (the file keeps its inode and mtime, so deploys and file watchers see only real
changes); otherwise the new bytes go to a staging folder beside the output. Only when every stage
has succeeded does ``commit`` move the staged files into the output and delete the files this build
no longer produces. A build that fails before that leaves the last good output untouched, and the
cost of a small rebuild is proportional to what changed, not to the size of the site.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

log = logging.getLogger(__name__)


class OutputTree:
    def __init__(self, output_dir: Path):
        self.output_dir = Path(output_dir)
        self.staging = self.output_dir.with_name(f".{self.output_dir.name}.staging")
        self.produced: set[str] = set()
        self.written: list[str] = []
        self.unchanged = 0
        self.removed: list[str] = []
        self.moved: list[str] = []  # files ``commit`` put into the output (written or linked in)
        self.live_exists = self.output_dir.is_dir()  # a first build has nothing to compare with
        self._folders: set[str] = set()  # staging folders known to exist (in this process)

    def open(self) -> Path:
        if self.staging.exists():  # left over from a killed build: it is not trustworthy
            shutil.rmtree(self.staging)
        self.staging.mkdir(parents=True)
        self._folders = {str(self.staging)}
        return self.staging

    def exists(self, rel: str) -> bool:
        """Whether the live output holds ``rel`` (a page skipped by an incremental build must)."""
        return os.path.isfile(os.path.join(self.output_dir, rel))

    def write(self, rel: str, data: bytes) -> bool:
        """Stage ``data`` for ``rel`` unless the live output has identical bytes; True if staged."""
        self.produced.add(rel)
        if self.write_bytes(rel, data):
            self.written.append(rel)
            return True
        self.unchanged += 1
        return False

    def keep(self, rel: str) -> None:
        """Count ``rel`` as produced and unchanged without looking at it: the caller knows the live
        output already holds it (a resident build's content-named search files)."""
        self.produced.add(rel)
        self.unchanged += 1

    def write_bytes(self, rel: str, data: bytes) -> bool:
        """The write itself, without bookkeeping: safe to call from worker processes."""
        if self.live_exists:
            live = os.path.join(self.output_dir, rel)
            try:
                if os.stat(live).st_size == len(data):
                    with open(live, "rb") as f:
                        if f.read() == data:
                            return False
            except (FileNotFoundError, NotADirectoryError):
                pass
        # Straight into staging, no temporary name: staging is created empty by each build and thrown
        # away if the build fails, and no two writers ever write the same path (one process renders a
        # page), so a half-written file there can never be committed. On this path every page is a
        # new directory and a new file, and each extra metadata operation (a rename per file, a failed
        # open before the folder exists, the fstat and isatty of a Python file object) showed up in
        # the build time: so the folder is made first, once per process, and the file written with
        # plain os calls.
        path = os.path.join(self.staging, rel)
        parent = os.path.dirname(path)
        if parent not in self._folders:
            try:
                os.mkdir(parent)  # the usual case: a page's own folder, in a folder that exists
            except FileExistsError:
                pass
            except FileNotFoundError:
                os.makedirs(parent, exist_ok=True)
            self._folders.add(parent)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        return True

    def commit(self, previous: set[str] | None = None) -> None:
        """Move staged files into the output; delete what this build no longer produces.

        ``previous`` is what the last build produced (from its state); without it the output is listed.
        Files staged by other writers (image renditions linked into staging) count as produced too.
        """
        if not self.output_dir.exists():  # a first build: the staged tree is the whole output
            # ``produced`` already names every file: pages and site files through ``write``, renditions
            # from the image pipeline (listing 50,000 folders again would cost seconds on this disk).
            self.staging.rename(self.output_dir)
            self.moved = sorted(self.produced)
            log.info("output: %d written", len(self.written))
            return
        for dirpath, _dirs, files in os.walk(self.staging):
            for name in files:
                src = os.path.join(dirpath, name)
                rel = os.path.relpath(src, self.staging).replace(os.sep, "/")
                dest = self.output_dir / rel
                try:
                    if os.stat(src).st_ino == dest.stat().st_ino:  # the same hard-linked file: nothing to do
                        continue
                except FileNotFoundError:
                    dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dest)
                self.produced.add(rel)
                self.moved.append(rel)
        if previous is None:
            previous = {p.relative_to(self.output_dir).as_posix() for p in self.output_dir.rglob("*") if p.is_file()}
        for rel in sorted(previous - self.produced):
            path = self.output_dir / rel
            try:
                path.unlink()
            except FileNotFoundError:
                continue
            self.removed.append(rel)
            parent = path.parent
            while parent != self.output_dir and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        shutil.rmtree(self.staging, ignore_errors=True)
        log.info("output: %d written, %d unchanged, %d removed", len(self.written), self.unchanged, len(self.removed))

    def abort(self) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging)
