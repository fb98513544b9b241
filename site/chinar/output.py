"""Writing the output tree safely: write only what changed, beside the live output, then switch at once.

Every file the build produces goes through ``write``: if the live output already holds the same bytes,
nothing is written (the file keeps its inode and mtime, so deploys and file watchers see only real
changes); otherwise the new bytes go to a staging folder beside the output. Only when every stage has
succeeded does ``commit`` make the new version visible, and it does so in one step.

The output folder (``output``) is a symbolic link to one of two full copies of the site beside it,
``.output.A`` and ``.output.B``. The one it points to is live; the other, the standby, is the version
before it. A commit brings the standby up to the live version (the files the last commit changed are
hard-linked from the live copy, the ones it removed removed: what the state file ``.output.commit.json``
recorded), applies this build's changes to it (the staged files moved in, the files no longer produced
removed), and switches the link with one rename. A reader therefore sees the whole old version until the
rename and the whole new one after it, and a commit costs what changed, not the size of the site.

A commit that dies part-way leaves the live copy untouched (only the standby was being changed) and the
state file marking the standby unfinished: the next commit rebuilds the standby from the live copy
(hard links, once) before going on. The first build renames its staging folder to ``.output.A`` and
points the link at it; an output that is a plain folder (made before this scheme) is moved there first.
The build after a first build makes the standby in a process of its own while it reads and renders
(``start_standby``), so that one-off copy (100,000 pages: some 200,000 links and folders) is not added
to the build's time; ``commit`` waits for it.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
from pathlib import Path

from .faults import crash_point
from .policy import worker_started

log = logging.getLogger(__name__)

COPIES = ("A", "B")


class OutputTree:
    """``versioned=False``: a folder written once, no readers to keep whole (a shard of a sharded build): the
    staging folder simply becomes it."""

    def __init__(self, output_dir: Path, versioned: bool = True):
        self.output_dir = Path(output_dir)
        self.versioned = versioned
        self.staging = self.sibling("staging")
        self.state_file = self.sibling("commit.json")
        self.produced: set[str] = set()
        self.written: list[str] = []
        self.unchanged = 0
        self.removed: list[str] = []
        self.moved: list[str] = []  # files ``commit`` put into the output (written or linked in)
        self.live_exists = self.output_dir.is_dir()  # a first build has nothing to compare with
        self._folders: set[str] = set()  # staging folders known to exist (in this process)
        self._standby_maker: multiprocessing.process.BaseProcess | None = None

    def sibling(self, name: str) -> Path:
        """``.output.<name>`` beside the output folder."""
        return self.output_dir.with_name(f".{self.output_dir.name}.{name}")

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

    # -- the commit ------------------------------------------------------------------------------------

    def commit(self, previous: set[str] | None = None) -> None:
        """Make the staged version live in one step (see the module docstring); the files this build no
        longer produces leave it.

        ``previous`` is what the last build produced (from its state); without it the live output is
        listed. Files staged by other writers (image renditions linked into staging) count as produced.
        """
        self._wait_for_standby()
        if not self.versioned:
            if self.output_dir.exists():
                shutil.rmtree(self.output_dir)
            self.staging.rename(self.output_dir)
            self.moved = sorted(self.produced)
            return
        if not self.output_dir.exists() and not self.output_dir.is_symlink():
            # A first build: the staged tree is the whole output; ``produced`` names every file already.
            copy = self.sibling(COPIES[0])
            if copy.exists():
                shutil.rmtree(copy)
            self.staging.rename(copy)
            self.moved = sorted(self.produced)
            self._point_at(copy)
            self._save_state(COPIES[1], clean=False, written=[], removed=[])  # no standby yet
            log.info("output: %d written", len(self.written))
            return
        if not self.output_dir.is_symlink():  # an output folder from before versioned copies
            os.rename(self.output_dir, self.sibling(COPIES[0]))
            self._point_at(self.sibling(COPIES[0]))
            self._save_state(COPIES[1], clean=False, written=[], removed=[])
        live_name, standby_name = self._copy_names()
        live, standby = self.sibling(live_name), self.sibling(standby_name)
        state = self._load_state()
        self._save_state(standby_name, clean=False, written=[], removed=[])  # from here, it is being changed
        crash_point("standby marked")
        if state.get("standby") == standby_name and state.get("clean") and standby.is_dir():
            self._catch_up(live, standby, state["written"], state["removed"])
        else:
            self._copy_whole(live, standby)
        crash_point("standby caught up")
        staged = self.moved = self._move_staged(standby)
        crash_point("staged moved")
        if previous is None:
            previous = files_under(live)
        stale = sorted(previous - self.produced)
        for rel in stale:
            if _remove(standby, rel):
                self.removed.append(rel)
        crash_point("stale removed")
        self._point_at(standby)  # the switch: one rename
        crash_point("switched")
        self._save_state(live_name, clean=True, written=staged, removed=stale)
        shutil.rmtree(self.staging, ignore_errors=True)
        log.info("output: %d written, %d unchanged, %d removed", len(self.written), self.unchanged, len(self.removed))

    def prepare_standby(self) -> None:
        """Make the standby copy now if the next commit would have to (after a first build, or a commit that
        died): a build that stays in memory does it while idle, not on the way to a live edit."""
        if not self.output_dir.is_symlink() or self.staging.exists():
            return
        self._make_standby()

    def start_standby(self) -> None:
        """``prepare_standby`` in a process of its own, if the next commit would have to make the standby:
        called by a build when it starts, so the copy runs while the build reads and renders (it touches
        only the standby, which no reader sees). ``commit`` waits for it; if it failed or was killed, the
        state still says the standby is unfinished and ``commit`` makes it as it always has."""
        if not self.versioned or not self.output_dir.is_symlink() or not self._standby_unfinished():
            return
        self._standby_maker = multiprocessing.get_context("fork").Process(
            target=_make_standby, args=(self.output_dir,), name="chinar-standby", daemon=True)
        self._standby_maker.start()

    def _copy_names(self) -> tuple[str, str]:
        """(live, standby): the copy the output link names, and the other."""
        live_name = os.readlink(self.output_dir).rsplit(".", 1)[-1]
        return live_name, COPIES[1 - COPIES.index(live_name)]

    def _standby_unfinished(self) -> bool:
        state = self._load_state()
        return not (state.get("standby") == self._copy_names()[1] and state.get("clean"))

    def _make_standby(self) -> None:
        if not self._standby_unfinished():
            return
        live_name, standby_name = self._copy_names()
        self._save_state(standby_name, clean=False, written=[], removed=[])
        self._copy_whole(self.sibling(live_name), self.sibling(standby_name))
        self._save_state(standby_name, clean=True, written=[], removed=[])

    def _wait_for_standby(self, stop: bool = False) -> None:
        maker, self._standby_maker = self._standby_maker, None
        if maker is None:
            return
        if stop:
            maker.terminate()
        maker.join()
        if maker.exitcode and not stop:
            log.warning("output: the standby copy could not be made beside the build (exit %s); making it now",
                        maker.exitcode)

    def _move_staged(self, target: Path) -> list[str]:
        """Move every staged file into ``target``; returns their paths (relative, sorted)."""
        moved = []
        for dirpath, _dirs, files in os.walk(self.staging):
            for name in files:
                src = os.path.join(dirpath, name)
                rel = os.path.relpath(src, self.staging).replace(os.sep, "/")
                dest = os.path.join(target, rel)
                try:
                    os.replace(src, dest)
                except FileNotFoundError:
                    os.makedirs(os.path.dirname(dest), exist_ok=True)
                    os.replace(src, dest)
                except IsADirectoryError:  # a folder in the old version became a file in this one
                    shutil.rmtree(dest)
                    os.replace(src, dest)
                self.produced.add(rel)
                moved.append(rel)
                crash_point("file moved")
        return sorted(moved)

    @staticmethod
    def _catch_up(live: Path, standby: Path, written: list[str], removed: list[str]) -> None:
        """Bring the standby (one commit behind) up to the live version: what that commit wrote is linked
        from the live copy, what it removed is removed."""
        for rel in written:
            source = live / rel
            if not source.is_file():
                continue  # written then, removed since: the live copy no longer has it
            dest = standby / rel
            try:
                if os.stat(dest).st_ino == os.stat(source).st_ino:
                    continue  # already the same file (a rendition linked from the cache, say)
            except FileNotFoundError:
                dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{dest.name}.link")
            tmp.unlink(missing_ok=True)
            os.link(source, tmp)
            os.replace(tmp, dest)  # two names of one file: rename would keep both, but they differ here
        for rel in removed:
            _remove(standby, rel)

    @staticmethod
    def _copy_whole(live: Path, standby: Path) -> None:
        """The standby made anew from the live copy, file by file as hard links (after a commit that died
        part-way, and once after the first build). Plain ``mkdir`` and ``link`` calls over ``scandir``:
        ``shutil.copytree`` also copies every folder's times, mode and extended attributes, which
        nothing reads here, and took 17.5 s instead of 9.6 s for a 100,000-page site."""
        if standby.exists():
            shutil.rmtree(standby)
        os.mkdir(standby)
        folders = [(str(live), str(standby))]
        while folders:
            source, target = folders.pop()
            with os.scandir(source) as entries:
                for entry in entries:
                    dest = os.path.join(target, entry.name)
                    if entry.is_symlink():
                        os.symlink(os.readlink(entry.path), dest)
                    elif entry.is_dir():
                        os.mkdir(dest)
                        folders.append((entry.path, dest))
                    else:
                        os.link(entry.path, dest)
        log.info("output: standby copy %s made from %s", standby.name, live.name)

    def _point_at(self, copy: Path) -> None:
        """Point the output link at ``copy``, atomically (a new link renamed over the old one)."""
        tmp = self.sibling("link")
        tmp.unlink(missing_ok=True)
        os.symlink(copy.name, tmp)
        os.replace(tmp, self.output_dir)

    def _load_state(self) -> dict:
        try:
            found = json.loads(self.state_file.read_text())
            return found if isinstance(found, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save_state(self, standby: str, *, clean: bool, written: list[str], removed: list[str]) -> None:
        tmp = self.state_file.with_name(self.state_file.name + ".tmp")
        tmp.write_text(json.dumps({"standby": standby, "clean": clean, "written": written, "removed": removed}))
        os.replace(tmp, self.state_file)

    def abort(self) -> None:
        self._wait_for_standby(stop=True)
        if self.staging.exists():
            shutil.rmtree(self.staging)


def files_under(root: Path) -> set[str]:
    """Every file under ``root`` (symbolic links included, not followed), as a path relative to it with
    ``/``. A walk of ``scandir`` calls: ``Path.rglob`` with an ``is_file`` per path took 7.8 s instead of
    1.1 s over a 100,000-page output (a full build lists the live output this way before its commit)."""
    found: set[str] = set()
    folders = [("", str(root))]
    while folders:
        prefix, folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((f"{prefix}{entry.name}/", entry.path))
                else:
                    found.add(prefix + entry.name)
    return found


def _make_standby(output_dir: Path) -> None:
    """``OutputTree.start_standby``'s process."""
    worker_started()
    crash_point("standby maker")
    OutputTree(output_dir)._make_standby()


def _remove(root: Path, rel: str) -> bool:
    """Remove ``root/rel`` and the folders it leaves empty; False if it was not there."""
    path = root / rel
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    parent = path.parent
    while parent != root and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent
    return True
