"""Sharded builds: one site's pages rendered by several processes or machines, merged into exactly the tree
a single build makes.

``chinar build --shard K/N --output DIR`` reads and checks the whole catalog (every shard needs every
record: a page shows its neighbours), then renders only its slice of the pages — those whose URL hashes
to K modulo N, a deterministic choice that spreads list and record pages evenly — and analyses only its
slice of the search documents. It writes

- ``DIR/site/``: its pages and the image renditions they (and its search documents' thumbnails) use;
- ``DIR/shard.json``: each page's fingerprint and image requests, and what the shard was built from;
- ``DIR/search.pickle``: its search documents, analysed.

``chinar build --merge DIR... --output OUT`` is an ordinary build of the same catalog (``build.generate``)
that takes the pages from the shards instead of rendering them, takes their renditions into its image
cache instead of encoding them, and makes the search index from their analysed documents; the site
files, the static files and the search export are its own. The output is committed as every build's is,
atomically, and its state lets a later ``chinar build`` carry on incrementally.

``chinar build --cluster tcp://SCHEDULER:8786 --shards N`` runs the N shards as tasks of a Dask
distributed cluster (a real scheduler and worker processes; the folders must be shared, as on one
machine or a network file system), retried on another worker if one dies, then merges. In CI the shards
are the jobs of a matrix (docs/deploy.md, ``.github/workflows/sharded-build.yml``).
"""

from __future__ import annotations

import json
import logging
import os
import pickle
import shutil
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

SITE = "site"
MANIFEST = "shard.json"
SEARCH = "search.pickle"
FORMAT = 1


@dataclass(frozen=True)
class Shard:
    """The K-th of N slices of a build (``index`` from 0)."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``K/N`` with 1 <= K <= N, as the command line and CI matrices number shards."""
        k, _, n = text.partition("/")
        try:
            index, count = int(k), int(n)
        except ValueError:
            raise ValueError(f"a shard is K/N, e.g. 2/7, not {text!r}") from None
        if not 1 <= index <= count:
            raise ValueError(f"shard {text!r}: K must be between 1 and N")
        return cls(index - 1, count)

    def __str__(self) -> str:
        return f"{self.index + 1}/{self.count}"

    def holds(self, name: str) -> bool:
        """Whether a page URL or a search document's name falls in this slice."""
        return zlib.crc32(name.encode()) % self.count == self.index

    def holds_document(self, ident: tuple[str, str, str]) -> bool:
        return self.holds("|".join(ident))


def site_dir(shard_dir: Path) -> Path:
    return Path(shard_dir) / SITE


def save(shard_dir: Path, shard: Shard, base_url: str, records: int, pages: dict[str, list],
         entries: dict) -> None:
    """What the merge needs of a shard besides its files: each page's fingerprint and image requests
    (``pages``), and the analysed search documents. Written last: a shard directory with a manifest is a
    finished shard."""
    with open(Path(shard_dir) / SEARCH, "wb") as f:
        pickle.dump(entries, f, protocol=pickle.HIGHEST_PROTOCOL)
    tmp = Path(shard_dir) / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps({"format": FORMAT, "shard": str(shard), "base_url": base_url,
                               "records": records, "pages": pages}, ensure_ascii=False))
    os.replace(tmp, Path(shard_dir) / MANIFEST)


def load(shard_dirs: list[Path], base_url: str) -> tuple[dict[str, tuple[str, frozenset, Path]], dict]:
    """Every shard's pages (url -> (fingerprint, image requests, the shard's site folder)) and analysed search
    documents. Raises ValueError naming what is missing or does not fit together."""
    pages: dict[str, tuple[str, frozenset, Path]] = {}
    entries: dict = {}
    seen: set[int] = set()
    count = None
    for shard_dir in shard_dirs:
        path = Path(shard_dir) / MANIFEST
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"{shard_dir}: not a finished shard (no readable {MANIFEST}: {exc})") from exc
        if manifest.get("format") != FORMAT or manifest.get("base_url") != base_url:
            raise ValueError(f"{shard_dir}: built for another site URL ({manifest.get('base_url')}) or format")
        shard = Shard.parse(manifest["shard"])
        if count not in (None, shard.count) or shard.index in seen:
            raise ValueError(f"{shard_dir}: shard {shard} does not fit with the others")
        count = shard.count
        seen.add(shard.index)
        for url, (fingerprint, requests) in manifest["pages"].items():
            pages[url] = (fingerprint, frozenset(tuple(r) for r in requests), site_dir(shard_dir))
        with open(Path(shard_dir) / SEARCH, "rb") as f:
            entries.update(pickle.load(f))
    if count is None or len(seen) != count:
        missing = sorted(set(range(count or 0)) - seen)
        raise ValueError(f"shards missing: {', '.join(f'{k + 1}/{count}' for k in missing) or 'all'}")
    return pages, entries


def adopt_renditions(shard_dirs: list[Path], cache_dir: Path) -> int:
    """Link the renditions the shards encoded into the image cache (named by content: a rendition's cache
    path follows from its file name), so the merge encodes none of them again. Returns how many."""
    adopted = 0
    for shard_dir in shard_dirs:
        img = site_dir(shard_dir) / "img"
        if not img.is_dir():
            continue
        for entry in os.scandir(img):
            dest = cache_dir / entry.name[:2] / entry.name
            if dest.exists():
                continue
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{entry.name}.{os.getpid()}.tmp")
            try:
                os.link(entry.path, tmp)
            except OSError:
                shutil.copyfile(entry.path, tmp)
            os.replace(tmp, dest)
            adopted += 1
    return adopted


def run_shard(content_dir: str, shard_dir: str, shard: str, base_url: str, cache_dir: str,
              theme_dir: str | None = None) -> dict[str, Any]:
    """One shard, as a cluster task runs it: ``chinar build --shard`` in a process of its own (a cluster
    worker runs tasks on threads, and a build forks its own workers, which a threaded process must not
    do), ended with the worker if the worker dies. Plain arguments and result: they cross processes."""
    import subprocess
    import sys

    from .policy import die_with_parent

    cmd = [sys.executable, "-m", "chinar.cli", "build", "--content", content_dir, "--output", shard_dir,
           "--base-url", base_url, "--cache", cache_dir, "--shard", shard, "--no-progress"]
    if theme_dir:
        cmd += ["--theme", theme_dir]
    done = subprocess.run(cmd, capture_output=True, text=True, preexec_fn=die_with_parent)  # noqa: PLW1509
    if done.returncode != 0:
        raise RuntimeError(f"shard {shard} failed ({done.returncode}): {done.stderr[-2000:]}")
    return {"shard": shard, "summary": done.stdout.strip().splitlines()[0] if done.stdout.strip() else ""}


def build_on_cluster(address: str, count: int, content_dir: Path, base_url: str, cache_dir: Path,
                     theme_dir: Path | None = None) -> list[Path]:
    """Run the ``count`` shards on the Dask cluster at ``address``; return their folders, in shard order,
    for the caller to merge (``build(merge=...)``).

    The shard folders live under the cache (``<cache>/shards``) and must be reachable from every worker;
    each shard keeps its own build state beside a shared image cache. A worker that dies mid-shard has its
    task run again on another (``retries``); a rerun starts its shard afresh.
    """
    from distributed import Client

    work = Path(cache_dir) / "shards"
    shard_dirs = [work / f"{k + 1}-of-{count}" for k in range(count)]
    images = Path(cache_dir) / "images"
    images.mkdir(parents=True, exist_ok=True)
    for k in range(count):
        cache = work / f"cache-{k + 1}-of-{count}"
        cache.mkdir(parents=True, exist_ok=True)
        if not (cache / "images").exists():
            (cache / "images").symlink_to(images.resolve(), target_is_directory=True)
    with Client(address, timeout=60) as client:
        futures = [client.submit(run_shard, str(content_dir), str(shard_dir), f"{k + 1}/{count}", base_url,
                                 str(work / f"cache-{k + 1}-of-{count}"), str(theme_dir) if theme_dir else None,
                                 key=f"chinar-shard-{k + 1}-of-{count}-{os.getpid()}", pure=False, retries=3)
                   for k, shard_dir in enumerate(shard_dirs)]
        done = client.gather(futures)
    log.info("cluster %s built %d shards: %s", address, count, done)
    return shard_dirs
