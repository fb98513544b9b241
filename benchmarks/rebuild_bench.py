"""Rebuild speed (issue 7): full, no-op and one-edit builds, side by side with vanilla Pelican's rebuild.

Usage::

    .venv/bin/pip install markdown   # vanilla Pelican needs it; not a chinar dependency
    .venv/bin/python benchmarks/rebuild_bench.py [--pages 10000,100000] [--workers 0] [--keep DIR]

Prints figures, asserts nothing. For each target page count it generates a deterministic synthetic
catalog (``benchmarks/synthetic.py``: artisans with three products each, a Hindi version of every tenth
artisan; about 4.6 pages per artisan), then runs, each in its own fresh Python process:

1. a warm-up build that fills the cache (image renditions of the pooled originals);
2. FULL: ``build(..., full=True)`` into an empty output directory: every page rendered and written;
3. NO-OP: the same build again, incremental: nothing changed;
4. ONE EDIT: one artisan's name changed, incremental build: the artisan's pages, the lists and
   products that show the name, and the search index parts that hold it;
5. RESIDENT: ``chinar serve --watch``'s build (``chinar.resident``) started on that output and cache,
   then given edits one at a time in the same process: the artisan's name again, a product's
   description, a touch with no change, the name once more; each timed from the file written to the
   output swapped in; then the state saved to the cache (on exit or when idle, not on the way to live);
6. WATCH: ``chinar serve --watch`` itself, end to end: from writing the artisan's file to its page being
   replaced in the output (the watcher's own delay included);
7. vanilla Pelican 4.12 (default theme and settings) on the same records as Markdown articles (see
   build_bench.py): a full build, then the same one-article edit and a rebuild. Pelican has no
   incremental mode (its selective writing was removed), so its rebuild rewrites everything.
   (At 100k pages its full build had not finished after 32 minutes: use ``--no-pelican`` there.)

"files written" is counted from the outside for both tools: files whose mtime changed during the
build, plus files that appeared. Peak memory is the larger of the build process's own peak RSS and the
sampled summed PSS of its process tree (the build renders in forked workers).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_bench import (  # noqa: E402
    PELICAN_CONF,
    BenchError,
    end_like_chinar,
    loadavg,
    measure,
    settle,
    start_like_chinar,
    write_markdown,
)
from synthetic import generate  # noqa: E402

MARK = "@@REPORT "
PAGES_PER_ARTISAN = 4.63


def child(argv: list[str]) -> int:
    """Child process: one chinar build; prints its report as JSON."""
    import logging
    from dataclasses import asdict

    logging.basicConfig(level=logging.WARNING)
    from chinar.build import build

    content, output, cache, workers, full = argv[0], argv[1], argv[2], int(argv[3]), argv[4] == "full"
    start_like_chinar()
    report = build(Path(content), Path(output), cache_dir=Path(cache), workers=workers, full=full)
    print(MARK + json.dumps(asdict(report), default=str), flush=True)
    end_like_chinar()
    return 0


def resident_child(argv: list[str]) -> int:
    """Child process: ``chinar serve --watch``'s resident build; starts, then takes edits one at a time.

    Each edit is timed from just after the file is written to the output being swapped in (what the
    watcher adds on top is its debounce, 50-300 ms). Prints one report line per step.
    """
    import logging

    logging.basicConfig(level=logging.WARNING)
    from chinar.resident import ResidentBuild

    content, output, cache, workers = Path(argv[0]), Path(argv[1]), Path(argv[2]), int(argv[3])
    t = time.perf_counter()
    builder = ResidentBuild(content, output, cache_dir=cache, workers=workers)
    report = builder.build()
    print(MARK + json.dumps({"step": "start", "seconds": time.perf_counter() - t, "pages": report.pages,
                             "rendered": report.rendered}), flush=True)
    for step, edit in (("one-artisan edit", edit_artisan), ("one-product edit", edit_product),
                       ("touched, unchanged", touch_artisan), ("artisan edit again", edit_artisan)):
        before = snapshot_mtimes(output)
        path = edit(content)
        t = time.perf_counter()
        report = builder.build({path})
        took = time.perf_counter() - t
        print(MARK + json.dumps({"step": step, "seconds": took, "written": files_written(before, output),
                                 "rendered": report.rendered, "pages": report.pages, "how": builder.last,
                                 "stages": report.seconds}), flush=True)
    t = time.perf_counter()
    builder.save()
    print(MARK + json.dumps({"step": "save", "seconds": time.perf_counter() - t}), flush=True)
    return 0


def snapshot_mtimes(root: Path) -> dict[str, int]:
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(dirpath, name)
            out[path[len(str(root)):]] = os.stat(path).st_mtime_ns
    return out


def files_written(before: dict[str, int], root: Path) -> int:
    after = snapshot_mtimes(root)
    return sum(1 for k, v in after.items() if before.get(k) != v)


def chinar(content: Path, out: Path, cache: Path, logs: Path, name: str, workers: int, full: bool,
           timeout: float) -> tuple[object, dict, int]:
    before = snapshot_mtimes(out) if out.exists() else {}
    cmd = [sys.executable, __file__, "--child", str(content), str(out), str(cache), str(workers),
           "full" if full else "incremental"]
    m = measure(cmd, logs, name, timeout)
    line = [x for x in m.stdout.splitlines() if x.startswith(MARK)][-1]
    return m, json.loads(line[len(MARK):]), files_written(before, out)


def pelican(md_dir: Path, out: Path, conf: Path, logs: Path, name: str, timeout: float) -> tuple[object, int]:
    before = snapshot_mtimes(out) if out.exists() else {}
    env = {**os.environ, "COLUMNS": "200"}
    m = measure([sys.executable, "-m", "pelican", str(md_dir), "-s", str(conf), "-o", str(out)], logs, name,
                timeout, env=env)
    return m, files_written(before, out)


def edit_artisan(content: Path) -> Path:
    path = content / "artisans" / "artisan-000042.en.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["name"] += " (edited)"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def edit_product(content: Path) -> Path:
    path = content / "products" / "product-000042-1.en.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["description"] = data.get("description", "") + "<p>Edited: a finer weave this season.</p>"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def touch_artisan(content: Path) -> Path:
    path = content / "artisans" / "artisan-000042.en.json"
    path.write_bytes(path.read_bytes())
    return path


def resident(content: Path, out: Path, cache: Path, logs: Path, workers: int, timeout: float) -> None:
    """The resident build's start and edits, each printed as a row."""
    cmd = [sys.executable, __file__, "--resident-child", str(content), str(out), str(cache), str(workers)]
    m = measure(cmd, logs, "resident", timeout)
    for line in m.stdout.splitlines():
        if not line.startswith(MARK):
            continue
        r = json.loads(line[len(MARK):])
        if r["step"] == "start":
            print(f"  {'resident start (serve --watch)':<28} {r['seconds']:8.2f}s  ({r['rendered']} of {r['pages']} "
                  f"pages rendered: the on-disk state is reused)", flush=True)
        elif r["step"] == "save":
            print(f"  {'resident save of the state':<28} {r['seconds']:8.2f}s  (on exit or when idle; not on "
                  f"the way to live)  peak of the whole run {m.memory_mb:.0f} MB", flush=True)
        else:
            stages = ", ".join(f"{k} {v:.2f}s" for k, v in r["stages"].items())
            print(f"  resident {r['step']:<19} {r['seconds']:8.2f}s {r['written']:>8} files written  "
                  f"({r['how']}, rendered {r['rendered']} of {r['pages']}; {stages})", flush=True)


def watch_latency(content: Path, out: Path, cache: Path, logs: Path, timeout: float) -> None:
    """``chinar serve --watch`` end to end: from writing one artisan's file to its page being replaced
    in the output (the watcher's own delay included), polled every 5 ms."""
    import signal
    import subprocess

    slug = json.loads((content / "artisans" / "artisan-000042.en.json").read_text(encoding="utf-8"))["slug"]
    page = out / "artisans" / slug / "index.html"
    cmd = [sys.executable, "-m", "chinar.cli", "serve", "--watch", "--content", str(content), "--output", str(out),
           "--cache", str(cache), "--port", "0"]
    start = time.perf_counter()
    with (logs / "watch.stdout").open("w") as log:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            for line in proc.stdout:
                log.write(line)
                if "Serving" in line:
                    break
            started = time.perf_counter() - start
            time.sleep(2)  # the watcher starts after the server
            before = page.stat().st_ino
            t = time.perf_counter()
            edit_artisan(content)
            while page.stat().st_ino == before and time.perf_counter() - t < timeout:
                time.sleep(0.005)
            live = time.perf_counter() - t
        finally:
            proc.send_signal(signal.SIGTERM)
            rest, _ = proc.communicate(timeout=timeout)
            log.write(rest)
    print(f"  {'serve --watch, edit to live':<28} {live:8.2f}s  (file written -> its page replaced in the output; "
          f"the watcher started in {started:.1f}s)", flush=True)


def row(label: str, m, pages: int | None, written: int, extra: str = "") -> str:
    rate = f"{pages / m.seconds:8.0f}" if pages else "       -"
    return (f"  {label:<28} {m.seconds:8.2f}s {rate} pages/s {written:>8} files written "
            f"{m.memory_mb:7.0f} MB peak  [load {m.load_before} -> {m.load_after}] {extra}")


def run_size(pages: int, args: argparse.Namespace, work: Path) -> None:
    artisans = max(10, round(pages / PAGES_PER_ARTISAN))
    content, cache, out, logs = work / "content", work / "cache", work / "out", work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    counts = generate(content, artisans, 3)
    records = sum(counts.values())
    print(f"\n== target {pages:,} pages: {artisans:,} artisans, {records:,} records ({counts})", flush=True)
    chinar(content, work / "warm", cache, logs, "warmup", args.workers, True, args.timeout)
    # The warm-up output stays until the size is done: see build_bench.settle.
    settle()
    m, rep, written = chinar(content, out, cache, logs, "full", args.workers, True, args.timeout)
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in rep["seconds"].items())
    workers = args.workers or len(os.sched_getaffinity(0))
    print(row(f"chinar full ({workers} workers)", m, rep["pages"], written, f"\n      stages: {stages}"), flush=True)
    settle()
    m, rep, written = chinar(content, out, cache, logs, "noop", args.workers, False, args.timeout)
    print(row("chinar no-op rebuild", m, None, written, f"(rendered {rep['rendered']})"), flush=True)
    edit_artisan(content)
    settle()
    m, rep, written = chinar(content, out, cache, logs, "edit", args.workers, False, args.timeout)
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in rep["seconds"].items())
    print(row("chinar one-artisan edit", m, None, written, f"(rendered {rep['rendered']} of {rep['pages']})"
              f"\n      stages: {stages}"), flush=True)
    settle()
    resident(content, out, cache, logs, args.workers, args.timeout)
    settle()
    watch_latency(content, out, cache, logs, args.timeout)
    if args.no_pelican:
        return
    md_dir, pel_out, conf = work / "md", work / "pel-out", work / "pelicanconf.py"
    write_markdown(content, md_dir)
    conf.write_text(PELICAN_CONF.format(path=str(md_dir), output=str(pel_out)))
    settle()
    m, written = pelican(md_dir, pel_out, conf, logs, "pelican-full", args.timeout)
    html = sum(1 for _ in pel_out.rglob("*.html"))
    print(row("pelican full", m, html, written), flush=True)
    md = next(md_dir.rglob("*artisan-000042.en.md"))
    md.write_text(md.read_text(encoding="utf-8").replace("\n\n", " (edited)\n\n", 1), encoding="utf-8")
    settle()
    m, written = pelican(md_dir, pel_out, conf, logs, "pelican-edit", args.timeout)
    print(row("pelican one-article rebuild", m, html, written), flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        return child(argv[1:])
    if argv and argv[0] == "--resident-child":
        return resident_child(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="10000,100000", help="target page counts, comma-separated")
    parser.add_argument("--workers", type=int, default=0, help="chinar rendering processes (0: one per core)")
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--keep", type=Path, default=None, help="work in DIR and keep it")
    parser.add_argument("--no-pelican", action="store_true")
    args = parser.parse_args(argv)
    print(f"rebuild benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, load {loadavg()}")
    print("targets (2 cores): no-op < 1 s at 10k pages and < 5 s at 100k, writing 0 files; one-artisan edit "
          "at 100k < 2 s writing only affected files; 100k full build < 180 s, peak < 2 GB")
    for size in (int(s) for s in args.pages.split(",")):
        work = (args.keep / str(size)) if args.keep else Path(tempfile.mkdtemp(prefix=f"rebuild-{size}-"))
        try:
            run_size(size, args, work)
        except BenchError as exc:
            print(f"  FAILED: {exc}")
        finally:
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
