"""One publishing cycle — pull what changed, rebuild in memory, deploy what the build changed — and the
bookkeeping that makes a sequence of them safe to interrupt at any point.

What is remembered, and where:

- in ``<state>/publish-state.json`` (written atomically): ``since``, the CMS time of the last pull whose
  build was **deployed**, and the cycle counter. A cycle whose build or deploy fails does not move
  ``since``, so the next cycle pulls those changes again; after a restart the first cycle catches up with
  everything published while the publisher was down.
- in memory: the resident build (``chinar.resident.ResidentBuild``, as ``chinar serve --watch``), the
  content files changed since the last good build, and the output files changed since the last good
  deploy. After a restart they are unknown, so the first cycle builds from the cache directory's state
  and compares the whole output with the target (``sync``); later cycles deploy only the files a build
  changed (``push``).

Outcomes of a cycle: ``live`` (deployed), ``failed`` (bad content or a broken build: the problems are
reported to the CMS, the live site is unchanged, the next hook tries again) and ``retrying`` (the CMS or
the target cannot be reached: tried again with exponential backoff, without waiting for a hook).
"""

from __future__ import annotations

import json
import logging
import os
import resource
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import ContentError, Problem
from .cms import StatusReporter

log = logging.getLogger(__name__)

STATE_FILE = "publish-state.json"
STATUS_FILE = "publish-status.json"


def write_json(path: Path, data: dict) -> None:
    """Write ``data`` to ``path`` atomically (a crash leaves the old file or the new one)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    os.replace(tmp, path)


@dataclass
class PublishState:
    """What survives a restart (see the module docstring)."""

    path: Path
    since: str | None = None
    cycle: int = 0
    deployed_at: str | None = None

    @classmethod
    def load(cls, path: Path) -> PublishState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s (%s): the next cycle pulls everything", path, exc)
            return cls(path)
        return cls(path, data.get("since"), int(data.get("cycle") or 0), data.get("deployed_at"))

    def save(self) -> None:
        write_json(self.path, {"since": self.since, "cycle": self.cycle, "deployed_at": self.deployed_at})


@dataclass
class Outcome:
    """What one cycle did: its state, figures for the log line, and what the editor should read."""

    cycle: int
    state: str  # live | failed | retrying
    message: str = ""
    problems: list[Problem] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)
    pulled_at: str | None = None

    def report(self) -> dict:
        return {"cycle": self.cycle, "state": self.state, "message": self.message, "pulled_at": self.pulled_at,
                "finished_at": now_iso(), "figures": self.figures,
                "problems": [{"file": p.file, "pointer": p.pointer, "message": p.message} for p in self.problems]}

    def log_line(self) -> str:
        """One line per cycle, ``key=value`` (logfmt): easy to read and to parse."""
        parts = [f"cycle={self.cycle}", f"state={self.state}"]
        parts += [f"{k}={v}" for k, v in self.figures.items()]
        if self.message:
            parts.append(f"message={json.dumps(self.message.splitlines()[0], ensure_ascii=False)}")
        if self.problems:
            parts.append(f"problems={len(self.problems)} first={json.dumps(str(self.problems[0]), ensure_ascii=False)}")
        return " ".join(parts)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


class Publisher:
    """Runs cycles for one CMS, one content directory, one output and one target."""

    def __init__(self, *, api: str, target: Any, content: Path, output: Path, cache: Path | None, state_dir: Path,
                 base_url: str = "", workers: int = 0, reporter: StatusReporter | None = None,
                 pull_timeout: float = 30.0) -> None:
        self.api, self.target, self.content, self.output = api, target, Path(content), Path(output)
        self.state_dir = Path(state_dir)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        self.state = PublishState.load(self.state_dir / STATE_FILE)
        self.reporter = reporter or StatusReporter(None, "")
        self.pull_timeout = pull_timeout
        self._build_args = (base_url, cache, workers)
        self.builder = None  # made by the first build: it reads the settings of a content folder that exists
        self.unbuilt: set[str] | None = None  # content files changed since the last good build (None: unknown)
        self.undeployed: set[str] = set()  # output files changed since the last good deploy
        self.undeleted: set[str] = set()  # output files removed since the last good deploy
        self.idle_since = time.monotonic()

    # -- one cycle ----------------------------------------------------------------------------------

    def cycle(self, hooks: int = 0) -> Outcome:
        """Pull, build, deploy; never raises for bad content or an unreachable CMS or target."""
        self.state.cycle += 1
        self.state.save()
        n = self.state.cycle
        self._status(n, "building")
        start = time.perf_counter()
        outcome = self._run(n)
        outcome.figures["hooks"] = hooks
        outcome.figures["total_s"] = round(time.perf_counter() - start, 3)
        outcome.figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        (log.info if outcome.state == "live" else log.warning)("%s", outcome.log_line())
        self._status(n, outcome.state, outcome)
        self.idle_since = time.monotonic()
        return outcome

    def _run(self, n: int) -> Outcome:
        from ..build import BuildError
        from ..deploy.s3 import DeployError
        from ..images import ImageError
        from ..pull import InvalidSnapshot, PullError

        figures: dict[str, Any] = {}
        t = time.perf_counter()
        try:
            pulled = self._pull(full=False)
        except InvalidSnapshot as exc:
            return Outcome(n, "failed", "the CMS's content does not pass the checks", exc.problems, figures)
        except PullError as exc:
            return Outcome(n, "retrying", f"cannot pull from the CMS: {exc}", figures=figures)
        figures.update(records_pulled=pulled.written + pulled.removed, images_pulled=pulled.downloaded,
                       pull_s=round(time.perf_counter() - t, 3))

        t = time.perf_counter()
        try:
            try:
                built = self._build()
            except ContentError:
                if pulled.full:
                    raise
                # An incremental pull can leave a record pointing at one unpublished since: a full pull
                # exports every record again against what is public now.
                log.info("cycle %d: the incremental snapshot does not pass the checks; pulling everything", n)
                pulled = self._pull(full=True)
                built = self._build()
        except (ContentError, InvalidSnapshot) as exc:
            figures["build_s"] = round(time.perf_counter() - t, 3)
            return Outcome(n, "failed", "a record does not pass the checks; the site was left as it was",
                           exc.problems, figures, pulled.pulled_at)
        except PullError as exc:
            return Outcome(n, "retrying", f"cannot pull from the CMS: {exc}", figures=figures)
        except (ImageError, BuildError) as exc:
            figures["build_s"] = round(time.perf_counter() - t, 3)
            return Outcome(n, "failed", f"the build failed: {exc}; the site was left as it was", figures=figures,
                           pulled_at=pulled.pulled_at)
        if built is not None:
            figures.update(pages_rendered=built.rendered, files_written=built.written + built.removed)
        figures["build_s"] = round(time.perf_counter() - t, 3)

        t = time.perf_counter()
        try:
            deployed = self._deploy()
        except (DeployError, OSError) as exc:
            figures["deploy_s"] = round(time.perf_counter() - t, 3)
            return Outcome(n, "retrying", f"cannot deploy to {self.target}: {exc}", figures=figures,
                           pulled_at=pulled.pulled_at)
        figures.update(files_uploaded=len(deployed.uploaded), files_deleted=len(deployed.deleted),
                       bytes_uploaded=deployed.bytes_uploaded, deploy_s=round(time.perf_counter() - t, 3))
        self.state.since, self.state.deployed_at = pulled.since, now_iso()
        self.state.save()
        return Outcome(n, "live", figures=figures, pulled_at=pulled.pulled_at)

    def _pull(self, full: bool):
        from ..pull import pull

        report = pull(self.api, self.content, full=full, timeout=self.pull_timeout, since=self.state.since,
                      in_place=True)
        if report.full:
            self.unbuilt = None  # a new snapshot folder: anything may have changed
        elif self.unbuilt is not None:
            self.unbuilt.update(str(self.content / rel) for rel in report.changed)
        return report

    def _build(self):
        """Build what changed since the last good build; None when nothing did."""
        if self.unbuilt is not None and not self.unbuilt:
            return None
        if self.builder is None:
            from ..resident import ResidentBuild

            base_url, cache, workers = self._build_args
            self.builder = ResidentBuild(self.content, self.output, base_url, cache, workers=workers)
        try:
            report = self.builder.build(sorted(self.unbuilt) if self.unbuilt is not None else None)
        except ContentError:
            raise  # nothing was touched; the same files are tried again with the next cycle
        except BaseException:
            self.unbuilt = None  # the resident memory was dropped: build everything next time
            raise
        self.unbuilt = set()
        changed, removed = set(report.changed_files), set(report.removed_files)
        self.undeployed = (self.undeployed - removed) | changed
        self.undeleted = (self.undeleted - changed) | removed
        return report

    def _deploy(self):
        if not self.target.synced:
            result = self.target.sync(self.output)
        else:
            result = self.target.push(self.output, self.undeployed, self.undeleted)
        self.undeployed, self.undeleted = set(), set()
        return result

    # -- between cycles -----------------------------------------------------------------------------

    def idle(self) -> None:
        """Nothing to do for a while: write the build state and the deploy manifest (both cost seconds at
        100,000 pages, so they are not written on the way to live)."""
        from ..deploy.s3 import DeployError

        if self.builder is not None:
            self.builder.save()
        try:
            self.target.save_manifest()
        except DeployError as exc:
            log.warning("%s", exc)

    def _status(self, n: int, state: str, outcome: Outcome | None = None) -> None:
        report = outcome.report() if outcome else {"cycle": n, "state": state, "started_at": now_iso()}
        write_json(self.state_dir / STATUS_FILE, {**report, "since": self.state.since,
                                                  "deployed_at": self.state.deployed_at})
        self.reporter.send(report)
