"""Writing the output tree safely: stage, write only what changed, then swap.

The build writes into a staging directory that starts as a hard-linked copy of the last good output
(cheap: no bytes are copied). A file whose new bytes equal the old is left alone, so its inode and
mtime stay and deploys and file watchers see only real changes; a changed file is written to a new
inode (write + rename), so the live output is never modified in place. Only when every stage has
succeeded is the staging tree swapped in; a failed build removes staging and leaves the last good
output untouched.
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

    def open(self) -> Path:
        if self.staging.exists():  # left over from a killed build: it is not trustworthy
            shutil.rmtree(self.staging)
        if self.output_dir.is_dir():
            shutil.copytree(self.output_dir, self.staging, copy_function=os.link, symlinks=True)
        else:
            self.staging.mkdir(parents=True)
        return self.staging

    def write(self, rel: str, data: bytes) -> bool:
        """Write ``data`` at ``rel`` unless identical bytes are already there; True if written."""
        self.produced.add(rel)
        if self.write_bytes(rel, data):
            self.written.append(rel)
            return True
        self.unchanged += 1
        return False

    def write_bytes(self, rel: str, data: bytes) -> bool:
        """The write itself, without bookkeeping: safe to call from worker processes."""
        path = self.staging / rel
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return False
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        return True

    def commit(self) -> None:
        """Remove files this build did not produce, then swap staging in as the output."""
        for path in sorted(self.staging.rglob("*"), reverse=True):
            rel = path.relative_to(self.staging).as_posix()
            if path.is_dir():
                if not any(path.iterdir()):
                    path.rmdir()
            elif rel not in self.produced:
                path.unlink()
                self.removed.append(rel)
        old = self.output_dir.with_name(f".{self.output_dir.name}.old")
        if old.exists():
            shutil.rmtree(old)
        if self.output_dir.exists():
            os.rename(self.output_dir, old)
        os.rename(self.staging, self.output_dir)
        if old.exists():
            shutil.rmtree(old)
        log.info("output: %d written, %d unchanged, %d removed", len(self.written), self.unchanged, len(self.removed))

    def abort(self) -> None:
        if self.staging.exists():
            shutil.rmtree(self.staging)
