"""Sharded builds (``chinar.shards``): any number of shards merge into exactly the tree a single build makes,
search index included; a shard that died is built again; and the same build runs on a real Dask cluster
(a scheduler and two worker processes over TCP on 127.0.0.1), surviving a worker killed mid-build."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sites import BASE, edit_json, tree

from catalogs import ROOT, TINY
from chinar.build import build
from chinar.errors import BuildError
from chinar.faults import CRASH_STATUS
from chinar.shards import MANIFEST, Shard


def shard_then_merge(content: Path, work: Path, count: int, images: Path) -> Path:
    dirs = []
    for k in range(1, count + 1):
        cache = work / f"cache-{k}-of-{count}"
        cache.mkdir(parents=True)
        (cache / "images").symlink_to(images, target_is_directory=True)
        dirs.append(work / f"shard-{k}-of-{count}")
        build(content, dirs[-1], BASE, cache_dir=cache, shard=Shard.parse(f"{k}/{count}"))
    out = work / f"merged-{count}"
    build(content, out, BASE, cache_dir=work / f"merge-cache-{count}", merge=dirs)
    return out


@pytest.fixture(scope="module")
def single(tmp_path_factory, image_cache) -> dict[str, str]:
    out = tmp_path_factory.mktemp("single") / "out"
    build(TINY, out, BASE, cache_dir=image_cache, full=True)
    return tree(out)


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_shards_merge_into_the_tree_a_single_build_makes(tmp_path: Path, image_cache: Path, single, count: int) -> None:
    merged = shard_then_merge(TINY, tmp_path, count, image_cache)
    assert tree(merged) == single
    assert any(p.startswith("search-index/") for p in single)


def test_each_page_is_rendered_by_one_shard(tmp_path: Path, image_cache: Path, single) -> None:
    shard_then_merge(TINY, tmp_path, 3, image_cache)
    pages = [json.loads((tmp_path / f"shard-{k}-of-3" / MANIFEST).read_text())["pages"] for k in (1, 2, 3)]
    urls = [set(p) for p in pages]
    assert not (urls[0] & urls[1]) and not (urls[1] & urls[2]) and not (urls[0] & urls[2])
    assert len(urls[0] | urls[1] | urls[2]) == sum(1 for p in single if p.endswith(".html") and "404" not in p)
    assert all(urls)  # every shard had work


@pytest.mark.slow
def test_a_synthetic_catalog_merges_the_same(tmp_path: Path, shared_images: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=80, products=2)
    build(content, tmp_path / "single", BASE, cache_dir=tmp_path / "single-cache", full=True)
    assert tree(shard_then_merge(content, tmp_path, 3, shared_images)) == tree(tmp_path / "single")


def chinar_build(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "chinar.cli", "build", "--base-url", BASE, "--no-progress", *args],
                          capture_output=True, text=True, timeout=300, env=env)


def test_a_shard_that_died_is_refused_by_the_merge_and_built_again(tmp_path: Path, image_cache: Path,
                                                                     single) -> None:
    dirs = [tmp_path / f"shard-{k}" for k in (1, 2)]
    for k, d in enumerate(dirs, 1):
        assert chinar_build("--content", str(TINY), "--output", str(d), "--cache", str(tmp_path / f"c{k}"),
                            "--shard", f"{k}/2").returncode == 0
    env = {**os.environ, "CHINAR_TEST_CRASH_AT": "pages rendered:1"}
    died = chinar_build("--content", str(TINY), "--output", str(dirs[1]), "--cache", str(tmp_path / "c2"),
                        "--shard", "2/2", env=env)
    assert died.returncode == CRASH_STATUS and not (dirs[1] / MANIFEST).exists()
    out = tmp_path / "out"
    refused = chinar_build("--content", str(TINY), "--output", str(out), "--cache", str(tmp_path / "m"),
                           "--merge", *map(str, dirs))
    assert refused.returncode == 1 and "not a finished shard" in refused.stderr and not out.exists()
    assert chinar_build("--content", str(TINY), "--output", str(dirs[1]), "--cache", str(tmp_path / "c2"),
                        "--shard", "2/2").returncode == 0
    merged = chinar_build("--content", str(TINY), "--output", str(out), "--cache", str(tmp_path / "m"),
                          "--merge", *map(str, dirs))
    assert merged.returncode == 0, merged.stderr
    assert tree(out) == single


def test_shards_that_do_not_fit_together_are_refused(tmp_path: Path, image_cache: Path, tiny_content: Path) -> None:
    one = tmp_path / "one"
    build(TINY, one, BASE, cache_dir=tmp_path / "c1", shard=Shard.parse("1/2"))
    with pytest.raises(BuildError, match="shards missing: 2/2"):
        build(TINY, tmp_path / "out", BASE, cache_dir=tmp_path / "m", merge=[one])
    other = tmp_path / "other"
    build(TINY, other, "https://elsewhere.example", cache_dir=tmp_path / "c2", shard=Shard.parse("2/2"))
    with pytest.raises(BuildError, match="another site URL"):
        build(TINY, tmp_path / "out", BASE, cache_dir=tmp_path / "m", merge=[one, other])
    edit_json(tiny_content / "pages/about.en.json", lambda d: d.update(slug="about-chinar"))
    two = tmp_path / "two"
    build(TINY, two, BASE, cache_dir=tmp_path / "c3", shard=Shard.parse("2/2"))
    with pytest.raises(BuildError, match="no shard rendered"):  # shards of another catalog than this one
        build(tiny_content, tmp_path / "out", BASE, cache_dir=tmp_path / "m", merge=[one, two])
    with pytest.raises(ValueError, match="K/N"):
        Shard.parse("three")
    assert not (tmp_path / "out").exists()


# -- on a Dask cluster ---------------------------------------------------------------------------------


class Cluster:
    """A Dask scheduler and two worker processes on 127.0.0.1 (no nanny: a killed worker stays dead)."""

    def __init__(self, work: Path) -> None:
        self.file = work / "scheduler.json"
        dask = Path(sys.executable).with_name("dask")
        self.scheduler = subprocess.Popen([str(dask), "scheduler", "--host", "127.0.0.1", "--port", "0",
                                           "--no-dashboard", "--scheduler-file", str(self.file)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while not self.file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.address = json.loads(self.file.read_text())["address"]
        self.workers = [subprocess.Popen([str(dask), "worker", "--scheduler-file", str(self.file), "--nworkers", "1",
                                          "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1"],
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
        from distributed import Client

        with Client(self.address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)

    def close(self) -> None:
        for proc in [*self.workers, self.scheduler]:
            if proc.poll() is None:
                proc.terminate()
                proc.wait(20)


@pytest.fixture
def cluster(tmp_path: Path):
    found = Cluster(tmp_path)
    yield found
    found.close()


@pytest.mark.slow
def test_a_dask_cluster_builds_the_same_tree(tmp_path: Path, cluster: Cluster, single) -> None:
    out = tmp_path / "out"
    done = chinar_build("--content", str(TINY), "--output", str(out), "--cache", str(tmp_path / "cache"),
                        "--cluster", cluster.address, "--shards", "3")
    assert done.returncode == 0, done.stderr
    assert tree(out) == single
    assert all((tmp_path / "cache" / "shards" / f"{k}-of-3" / MANIFEST).is_file() for k in (1, 2, 3))


@pytest.mark.slow
def test_a_worker_killed_mid_build_is_recovered(tmp_path: Path, cluster: Cluster, single) -> None:
    """A worker is killed (SIGKILL) while it builds a shard: the scheduler runs that shard again on the other
    worker, and the merged tree is still the single build's."""
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "chinar.cli", "build", "--base-url", BASE, "--no-progress",
                             "--content", str(TINY), "--output", str(out), "--cache", str(tmp_path / "cache"),
                             "--cluster", cluster.address, "--shards", "4"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and time.monotonic() < deadline and proc.poll() is None:
        for worker in cluster.workers:  # the first worker seen running a shard process
            children = subprocess.run(["pgrep", "-P", str(worker.pid), "-f", "chinar.cli build"], capture_output=True,
                                      text=True).stdout.split()
            if children:
                os.kill(worker.pid, signal.SIGKILL)
                killed = worker
                break
        time.sleep(0.05)
    stdout, stderr = proc.communicate(timeout=300)
    assert killed is not None and killed.wait(10) == -signal.SIGKILL
    assert proc.returncode == 0, stderr
    assert tree(out) == single


def test_the_ci_workflow_builds_every_shard_before_the_pages_go_live() -> None:
    """.github/workflows/sharded-build.yml: one job per shard (K/N for every K), each uploading only its
    assets; the merge job waits for all of them and is the only one that deploys pages."""
    import yaml

    workflow = yaml.safe_load((ROOT / ".github/workflows/sharded-build.yml").read_text(encoding="utf-8"))
    shard, merge = workflow["jobs"]["shard"], workflow["jobs"]["merge"]
    count = int(workflow["env"]["SHARDS"])
    assert shard["strategy"]["matrix"]["shard"] == list(range(1, count + 1))
    runs = [step.get("run", "") for step in shard["steps"]]
    assert any("--shard ${{ matrix.shard }}/${{ env.SHARDS }}" in r for r in runs)
    assert [r for r in runs if "chinar deploy" in r] and all("--assets-only" in r for r in runs if "chinar deploy" in r)
    assert merge["needs"] == "shard"
    merged = [step.get("run", "") for step in merge["steps"]]
    assert any("--merge shards/shard-*" in r for r in merged)
    assert any("chinar deploy" in r and "--assets-only" not in r for r in merged)
