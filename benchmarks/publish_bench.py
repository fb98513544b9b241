"""Publish to live (issue 16): from an editor's publish to the new bytes readable from the target.

Usage::

    flock /tmp/chinar-heavy.lock .venv/bin/python benchmarks/publish_bench.py --pages 100000 [--publishes 20]
    flock /tmp/chinar-heavy.lock .venv/bin/python benchmarks/publish_bench.py --demo [--publishes 20]

Prints figures, asserts nothing. Each run starts `chinar publish` as a process, waits for its first cycle
(a full pull, build and deploy), then publishes ``--publishes`` times, one artisan's biography each time,
and times each publish until the artisan's page read back from the target holds the new text: median and
p95, and the publisher's peak memory (summed PSS of its process tree, sampled every 0.1 s: the build
forks render workers). Then, for the same change, what a Netlify-style rebuild costs: a full
``chinar build`` into an empty output with an empty cache (a clean checkout), then a full ``chinar deploy``
into an empty target.

``--demo``: the real CMS. A Wagtail dev server (``manage.py runserver``) on a fresh SQLite database loaded
with the shipped demo catalog, the task worker (``manage.py db_worker``) and the publisher, deploying to
moto's S3 in server mode on 127.0.0.1. A publish is ``page.save_revision().publish()`` in this process on
that database: the commit queues the hook task, the worker delivers it (window 1 s, the default), the
publisher pulls over HTTP, builds and uploads. The time runs from the ``publish()`` call to the object in
the bucket holding the new text.

``--pages N``: the synthetic catalog of ``benchmarks/synthetic.py`` (about 4.6 pages per artisan) served by a
stand-in for the CMS API (``StandIn`` below: the same endpoints and JSON shapes ``chinar pull`` reads —
``published/``, ``pages/?record_type=…&since=…`` paginated by 100, ``districts/``, image downloads), because
loading 100,000 pages into Wagtail through its page tree does not fit this machine's time. A publish
changes the record in the stand-in (with its publish time) and POSTs the signed hook, as the worker does;
the CMS's own time to commit a publish and the task queue's window are not included. The target is a
local folder by default (``--target s3`` for moto: it keeps every object in this process's memory, which
at 100,000 pages is gigabytes); the folder goes through the same deploy plan and phases, with file copies
for uploads.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
import uuid
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
SECRET = "benchmark-secret-" + uuid.uuid4().hex


# -- measuring ------------------------------------------------------------------------------------------

def tree_pss_mb(pid: int) -> float:
    """Summed PSS (MB) of ``pid`` and its descendants."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
            with open(f"/proc/{p}/task/{p}/children") as f:
                pids += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return total / 1024


class PeakMemory(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, tree_pss_mb(self.pid))
            time.sleep(0.1)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise RuntimeError(f"timed out after {timeout:.0f} s waiting for {what}")


# -- the stand-in CMS API ----------------------------------------------------------------------------------

class StandIn(ThreadingHTTPServer):
    """The CMS API as ``chinar pull`` reads it, over a content directory's records (see the module docstring)."""

    daemon_threads = True

    def __init__(self, content: Path) -> None:
        super().__init__(("127.0.0.1", 0), StandInHandler)
        self.content = content
        self.lock = threading.Lock()
        self.records: dict[str, list[dict]] = {}  # type -> items {"id", "record", "published"}
        start = datetime(2026, 1, 1, tzinfo=UTC)
        from chinar.content import TYPE_DIRS

        n = 0
        for type_, folder in TYPE_DIRS.items():
            items = []
            for path in sorted((content / folder).glob("*.json")) if (content / folder).is_dir() else []:
                n += 1
                items.append({"id": n, "record": json.loads(path.read_text("utf-8")), "published": start})
            self.records[type_] = items
        self.by_key = {(i["record"]["translation_key"], i["record"]["locale"]): i
                       for items in self.records.values() for i in items}
        self.url = f"http://127.0.0.1:{self.server_address[1]}/api/v2/"

    def publish(self, key: str, locale: str, **fields) -> None:
        with self.lock:
            item = self.by_key[(key, locale)]
            item["record"] = {**item["record"], **fields}
            item["published"] = datetime.now(UTC)


class StandInHandler(BaseHTTPRequestHandler):
    server: StandIn

    def do_GET(self):  # noqa: N802
        parts = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(parts.query))
        path = parts.path.removeprefix("/api/v2/")
        if path.startswith("media/"):
            return self._send(200, (self.server.content / "media" / path[len("media/"):]).read_bytes(), "image/jpeg")
        if path == "published/":
            ids = {t: [i["id"] for i in items] for t, items in self.server.records.items()}
            return self._json({"ids": ids, "now": datetime.now(UTC).isoformat()})
        type_ = "district" if path.startswith("districts/") else q.get("record_type", "")
        items = self.server.records.get(type_, [])
        tail = path.split("/", 1)[1].strip("/") if "/" in path else ""
        if tail:  # one object
            item = next(i for i in items if str(i["id"]) == tail)
            return self._json(self._item(item, q))
        if q.get("since"):
            since = datetime.fromisoformat(q["since"].replace("Z", "+00:00"))
            items = [i for i in items if i["published"] > since]
        offset, limit = int(q.get("offset", 0)), min(int(q.get("limit", 20)), 100)
        page = items[offset:offset + limit]
        return self._json({"meta": {"total_count": len(items)}, "items": [self._item(i, q) for i in page]})

    def _item(self, item: dict, q: dict) -> dict:
        out = {"id": item["id"]}
        if "record" in q.get("fields", ""):
            out["record"] = item["record"]
            srcs = _srcs(item["record"])
            out["media"] = {src: f"{self.server.url}media/{src}" for src in srcs}
        return out

    def _json(self, data) -> None:
        self._send(200, json.dumps(data).encode(), "application/json")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):  # noqa: N802 - the publisher's status reports: taken and dropped
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._json({"ok": True})

    def log_message(self, *args):
        pass


def _srcs(value) -> set[str]:
    if isinstance(value, dict):
        found = {value["src"]} if isinstance(value.get("src"), str) and "alt" in value else set()
        return found.union(*(_srcs(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_srcs(v) for v in value)) if value else set()
    return set()


# -- the publisher -----------------------------------------------------------------------------------------

def start_publisher(api: str, target: str, state: Path, env: dict, log: Path) -> tuple[subprocess.Popen, str]:
    cmd = [str(REPO / ".venv/bin/chinar"), "publish", "--api", api, "--deploy", target, "--listen", "127.0.0.1:0",
           "--state", str(state), "--base-url", "https://chinar.example.in", "--idle-save", "3600"]
    proc = subprocess.Popen(cmd, env={**os.environ, **env, "CHINAR_PUBLISH_SECRET": SECRET},
                            stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True)

    def hook_url():
        for line in log.read_text("utf-8", "replace").splitlines():
            if "listening on " in line:
                return line.split("listening on ")[1].split(";")[0]
        if proc.poll() is not None:
            raise RuntimeError(log.read_text())
        return None

    return proc, wait_for(hook_url, 120, "the publisher to listen")


def health(hook: str) -> dict:
    with urllib.request.urlopen(hook.rsplit("/", 1)[0] + "/health", timeout=10) as resp:
        return json.loads(resp.read())


def send_hook(hook: str) -> None:
    from chinar.publish.auth import sign

    body = json.dumps({"kind": "build-hook", "id": uuid.uuid4().hex}).encode()
    req = urllib.request.Request(hook, data=body, method="POST",
                                 headers={"Content-Type": "application/json", **sign(SECRET, body)})
    urllib.request.urlopen(req, timeout=10).read()


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def report(label: str, times: list[float], peak: float, first_cycle: float) -> None:
    print(f"\n== {label}")
    print(f"first cycle (full pull, build, deploy): {first_cycle:.1f} s")
    print(f"publish -> new bytes readable, {len(times)} publishes: median {statistics.median(times):.2f} s, "
          f"p95 {percentile(times, 0.95):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    print(f"publisher peak memory (summed PSS of its processes): {peak:.0f} MB")


def rebuild_from_clean(content: Path, work: Path, base_url: str = "https://chinar.example.in") -> None:
    """What a Netlify-style build hook costs for the same change: full build, full deploy, from nothing."""
    out, cache, target = work / "clean-output", work / "clean-cache", work / "clean-target"
    for d in (out, cache, target):
        shutil.rmtree(d, ignore_errors=True)
    chinar = str(REPO / ".venv/bin/chinar")
    t = time.perf_counter()
    subprocess.run([chinar, "build", "--content", str(content), "--output", str(out), "--cache", str(cache),
                    "--base-url", base_url, "--full", "--no-progress"], check=True, stdout=subprocess.DEVNULL)
    built = time.perf_counter() - t
    from chinar.deploy.folder import Folder
    from chinar.deploy.rules import load_rules

    t = time.perf_counter()
    result = Folder(target, load_rules(None)).sync(out)
    deployed = time.perf_counter() - t
    print(f"full chinar build from a clean checkout: {built:.1f} s; full deploy of {len(result.uploaded)} files "
          f"({result.bytes_uploaded / 2**20:.0f} MiB) to an empty folder: {deployed:.1f} s; "
          f"total {built + deployed:.1f} s per publish")


# -- the runs ----------------------------------------------------------------------------------------------

def run_synthetic(pages: int, publishes: int, target_kind: str, work: Path) -> None:
    from synthetic import generate

    artisans = max(10, round(pages / 4.63))
    content = work / "catalog"
    t = time.perf_counter()
    generate(content, artisans)
    print(f"synthetic catalog: {artisans} artisans (about {pages} pages) in {time.perf_counter() - t:.0f} s")
    api = StandIn(content)
    threading.Thread(target=api.serve_forever, daemon=True).start()
    env: dict[str, str] = {}
    s3 = None
    if target_kind == "s3":
        target, s3, bucket, env, moto = moto_bucket(work)
    else:
        target = str(work / "live")
    proc, hook = start_publisher(api.url, target, work / "publisher", env, work / "publisher.log")
    memory = PeakMemory(proc.pid)
    memory.start()
    t = time.perf_counter()
    wait_for(lambda: health(hook).get("state") in ("live", "failed"), 3600, "the first cycle")
    first = time.perf_counter() - t
    if health(hook)["state"] != "live":
        raise RuntimeError((work / "publisher.log").read_text()[-3000:])
    times = []
    for i in range(publishes):
        key = f"artisan-{(i * 7919) % artisans:06d}"
        marker = f"Edited for the benchmark, run {uuid.uuid4().hex[:8]}"
        start = time.perf_counter()
        api.publish(key, "en", bio=f"<p>{marker}. Works with pashmina and sozni.</p>")
        send_hook(hook)
        rel = f"artisans/{key}/index.html"
        wait_for(lambda rel=rel, marker=marker: marker.encode() in read_target(target, rel, s3), 120,
                 f"publish {i}")
        times.append(time.perf_counter() - start)
    memory.running = False
    stop(proc)
    print("last cycle:", [line for line in (work / "publisher.log").read_text().splitlines() if "cycle=" in line][-1])
    report(f"synthetic catalog, about {pages} pages, target {target_kind} (CMS: the stand-in API)", times,
           memory.peak, first)
    rebuild_from_clean(content, work)


def read_target(target: str, rel: str, s3) -> bytes:
    if s3 is None:
        try:
            return (Path(target) / rel).read_bytes()
        except OSError:
            return b""
    client, bucket = s3
    try:
        return client.get_object(Bucket=bucket, Key=rel)["Body"].read()
    except Exception:  # noqa: BLE001 - not there yet
        return b""


def moto_bucket(work: Path):
    import boto3
    from botocore.config import Config
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    env = {"AWS_ACCESS_KEY_ID": "bench", "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1",
           "AWS_ENDPOINT_URL": url, "AWS_CONFIG_FILE": str(work / "none"), "AWS_SHARED_CREDENTIALS_FILE": str(
               work / "none"), "AWS_EC2_METADATA_DISABLED": "true"}
    os.environ.update(env)
    client = boto3.client("s3", endpoint_url=url, config=Config(s3={"addressing_style": "path"}))
    bucket = "chinar-bench"
    client.create_bucket(Bucket=bucket)
    return f"s3://{bucket}", (client, bucket), bucket, env, server


def run_demo(publishes: int, work: Path) -> None:
    """The real CMS with the shipped demo catalog (see the module docstring)."""
    target, s3, bucket, env, _moto = moto_bucket(work)
    port = free_port()
    db = work / "cms.sqlite3"
    cms_env = {**os.environ, **env, "DATABASE_URL": f"sqlite:///{db}", "CHINAR_PUBLISH_SECRET": SECRET,
               "DJANGO_SETTINGS_MODULE": "chinar_cms.settings.dev", "CHINAR_SITE_BASE_URL": "https://chinar.example.in"}
    py = str(REPO / ".venv/bin/python")
    subprocess.run([py, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=REPO / "cms", env=cms_env, check=True)
    subprocess.run([py, "manage.py", "load_demo", "--no-users"], cwd=REPO / "cms", env=cms_env, check=True,
                   stdout=subprocess.DEVNULL)
    server = subprocess.Popen([py, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"], cwd=REPO / "cms",
                              env=cms_env, stdout=(work / "cms.log").open("wb"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    api = f"http://127.0.0.1:{port}/api/v2/"
    wait_for(lambda: _up(api + "published/"), 120, "the CMS")
    proc, hook = start_publisher(api, target, work / "publisher", env, work / "publisher.log")
    cms_env["CHINAR_BUILD_HOOK_URL"] = hook
    worker = subprocess.Popen([py, "manage.py", "db_worker", "--backend", "db", "--queue-name", "buildhook",
                               "--interval", "0.2", "--no-startup-delay", "--no-reload"], cwd=REPO / "cms",
                              env=cms_env, stdout=(work / "worker.log").open("wb"), stderr=subprocess.STDOUT,
                              start_new_session=True)
    memory = PeakMemory(proc.pid)
    memory.start()
    t = time.perf_counter()
    wait_for(lambda: health(hook).get("state") in ("live", "failed"), 3600, "the first cycle")
    first = time.perf_counter() - t
    os.environ.update({k: v for k, v in cms_env.items() if k.startswith(("CHINAR_", "DATABASE_", "DJANGO_"))})
    sys.path.insert(0, str(REPO / "cms"))
    import django

    django.setup()
    from chinar_cms.artisans.models import ArtisanPage

    artisans = list(ArtisanPage.objects.live().filter(locale__language_code="en").order_by("pk"))
    times = []
    try:
        for i in range(publishes):
            page = artisans[i % len(artisans)]
            marker = f"Edited for the benchmark, run {uuid.uuid4().hex[:8]}"
            page.cooperative = marker
            start = time.perf_counter()
            page.save_revision().publish()
            rel = f"artisans/{page.slug}/index.html"
            wait_for(lambda rel=rel, marker=marker: marker.encode() in read_target(target, rel, s3), 120,
                     f"publish {i}")
            times.append(time.perf_counter() - start)
    finally:
        memory.running = False
        for p in (worker, proc, server):
            stop(p)
    report("demo catalog, real Wagtail CMS + task worker + moto S3", times, memory.peak, first)
    rebuild_from_clean(work / "publisher" / "content", work)


def _up(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2).read()
        return True
    except OSError:
        return False


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true", help="the real CMS with the shipped demo catalog")
    parser.add_argument("--pages", type=int, default=0, help="a synthetic catalog of about this many pages")
    parser.add_argument("--publishes", type=int, default=20)
    parser.add_argument("--target", choices=["folder", "s3"], default="folder", help="with --pages")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    args = parser.parse_args()
    import logging

    logging.basicConfig(level=logging.WARNING)
    work = args.keep or Path(tempfile.mkdtemp(prefix="chinar-publish-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.demo:
            run_demo(args.publishes, work / "demo")
        if args.pages:
            run_synthetic(args.pages, args.publishes, args.target, work / f"p{args.pages}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
