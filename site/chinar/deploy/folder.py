"""A local folder as a deploy target: what a web server on this machine serves (the demo, a preview host).

The same contract as the S3 deploy (:mod:`chinar.deploy.s3`): files are compared by content hash,
copied in the phases of :mod:`chinar.deploy.plan` (assets, data, pages, entry files) and stale files
removed only after every copy succeeded, so a page served from the folder never references a file that
is not there yet. Each file is written beside its final name and renamed into place, so a reader never
sees half a file.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from .plan import Phase, RemoteObject, local_file, make_plan, scan_output, sha256_file
from .rules import HeaderRules
from .s3 import DeployError, Result

log = logging.getLogger(__name__)


class Folder:
    """A folder kept in step with an output tree (``sync`` compares everything, ``push`` the changes)."""

    def __init__(self, root: Path, rules: HeaderRules) -> None:
        self.root = Path(root)
        self.rules = rules
        self.synced = False  # a sync succeeded: push may be used

    def __str__(self) -> str:
        return str(self.root)

    def sync(self, output: Path) -> Result:
        """Make the folder hold exactly ``output``."""
        local = scan_output(output, self.rules)
        self.root.mkdir(parents=True, exist_ok=True)
        held = {p.relative_to(self.root).as_posix() for p in self.root.rglob("*")
                if p.is_file() and not p.name.startswith(".chinar-")}
        remote = {rel: RemoteObject(rel, "", sha256_file(self.root / rel), local[rel].content_type,
                                    local[rel].cache_control) for rel in held & set(local)}
        remote.update({rel: RemoteObject(rel, "", "stale") for rel in held - set(local)})
        result = self._apply(make_plan(local, remote, stale_candidates=held))
        self.synced = True
        return result

    def push(self, output: Path, changed: Iterable[str], removed: Iterable[str]) -> Result:
        """Copy the files a build changed, then delete the ones it removed."""
        local = {rel: local_file(output, rel, self.rules) for rel in sorted(set(changed))
                 if (output / rel).is_file()}
        remote = {}
        for rel in local:
            if (self.root / rel).is_file():
                remote[rel] = RemoteObject(rel, "", sha256_file(self.root / rel), local[rel].content_type,
                                           local[rel].cache_control)
        stale = [rel for rel in removed if rel not in local and (self.root / rel).is_file()]
        remote.update({rel: RemoteObject(rel, "", "stale") for rel in stale})
        return self._apply(make_plan(local, remote, stale_candidates=stale))

    def save_manifest(self) -> None:
        """Nothing to record: the folder itself is compared on ``sync``."""

    def _apply(self, plan) -> Result:
        result = Result(plan)
        try:
            for phase in Phase:
                for f in plan.phase(phase):
                    dest = self.root / f.rel
                    dest.parent.mkdir(parents=True, exist_ok=True)
                    tmp = dest.with_name(f".chinar-{dest.name}.{os.getpid()}.tmp")
                    shutil.copyfile(f.path, tmp)
                    os.replace(tmp, dest)
                    result.uploaded.append(f.rel)
                    result.bytes_uploaded += f.size
            for batch in plan.delete_batches(self.rules):
                for rel in batch:
                    path = self.root / rel
                    path.unlink(missing_ok=True)
                    result.deleted.append(rel)
                    parent = path.parent
                    while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                        parent.rmdir()
                        parent = parent.parent
        except OSError as exc:
            raise DeployError(f"copying into {self.root} failed: {exc} — stopped after {len(result.uploaded)} of "
                              f"{len(plan.uploads)} copies and {len(result.deleted)} deletions; the files are "
                              "consistent; the next deploy finishes") from exc
        return result
