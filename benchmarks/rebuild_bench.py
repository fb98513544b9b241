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
5. vanilla Pelican 4.12 (default theme and settings) on the same records as Markdown articles (see
   build_bench.py): a full build, then the same one-article edit and a rebuild. Pelican has no
   incremental mode (its selective writing was removed), so its rebuild rewrites everything.

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

from build_bench import PELICAN_CONF, BenchError, loadavg, measure, settle, write_markdown  # noqa: E402
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
    report = build(Path(content), Path(output), cache_dir=Path(cache), workers=workers, full=full)
    print(MARK + json.dumps(asdict(report), default=str), flush=True)
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
