"""Registry scale (issue 21): how the build grows from 100,000 to 1,000,000 pages on one machine.

Usage::

    .venv/bin/python benchmarks/scale_bench.py [--pages 100000,300000,1000000] [--work DIR] [--keep]

Prints figures, asserts nothing. For each target page count it generates the deterministic synthetic
catalog of ``benchmarks/synthetic.py`` (about 4.6 pages per artisan) on the fly, then measures, each
build in a fresh process as ``benchmarks/rebuild_bench.py`` does:

- the full build: wall seconds, pages per second, peak memory (the summed PSS of the build's processes,
  sampled every 0.2 s, or its own peak RSS if larger);
- a no-op ``chinar build``, and one artisan's name edited through ``chinar build`` (cold: from the
  cache directory, as a CI runner or Netlify does);
- the resident build (``chinar serve --watch``, the publisher): its start on that output, then the same
  kind of edit in place;
- the search index: its size, and for a set of queries the bytes (gzip) a buyer's browser downloads
  before the first results, in headless Chromium (Debian's, ``CHINAR_CHROMIUM`` to name another).

Then, for every figure, the exponent k of a least-squares power-law fit ``figure ~ pages ** k`` over
the sizes measured (k = 1: grows as the catalog; k = 0: does not grow).

A size whose memory, extrapolated linearly from the last size measured, would not fit in the memory
this machine has available is not run; the table says so. The issue's targets on the 2-core machine are
printed with the figures: 1,000,000 pages in <= 20 minutes with peak <= 3 GB; 100,000 pages no slower
than about 100 s with peak <= 1 GB; an edit in place <= 2 s at 1,000,000 pages; through ``chinar
build`` <= 3 s at 100,000 and <= 5 s at 1,000,000; every query <= 150 KB gzip at 1,000,000 records.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import math
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))  # tests/chromium.py: the one Chromium binary and flags

from build_bench import BenchError, loadavg, measure, settle  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from rebuild_bench import MARK, PAGES_PER_ARTISAN, chinar, edit_artisan  # noqa: E402
from search_bench import Recorder  # noqa: E402
from synthetic import generate  # noqa: E402

# Words of the synthetic catalog: a rare name, a common word, two words, a misspelling, Hindi.
QUERIES = [
    ("common word", "shawl", "en"),
    ("two words", "pashmina shawl", "en"),
    ("artisan name", "ghulam dar", "en"),
    ("misspelling", "pashmena", "en"),
    ("district", "kupwara", "en"),
    ("Hindi", "हिन्दी", "hi"),
]
BENCH_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="{script}"></script></head><body></body></html>"""
RUN_QUERY = """async ([q, lang]) => {
  const ix = await ChinarSearch.open("/search-index/");
  const r = await ix.searchWithFacets(q, 10, {locale: lang});
  return r.results.length; }"""


def available_memory() -> int:
    """Bytes the kernel says can be had without swapping (MemAvailable), 0 if unknown."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def resident_edit(content: Path, out: Path, cache: Path, logs: Path, workers: int, timeout: float
                  ) -> tuple[float, float]:
    """The resident build's start and its first edit in place (seconds), run by rebuild_bench's child."""
    cmd = [sys.executable, str(HERE / "rebuild_bench.py"), "--resident-child", str(content), str(out), str(cache),
           str(workers)]
    m = measure(cmd, logs, "resident", timeout)
    steps = {r["step"]: r for r in (json.loads(x[len(MARK):]) for x in m.stdout.splitlines() if x.startswith(MARK))}
    return steps["start"]["seconds"], steps["one-artisan edit"]["seconds"]


class _Recorder(Recorder):
    """search_bench's recorder (serves the output, notes each path fetched in ``log``), with the bench
    page at ``/bench.html``, not written into the output, which later builds own."""

    page = b""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path.split("?")[0] != "/bench.html":
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.page)))
        self.end_headers()
        self.wfile.write(self.page)


def search_bytes(out: Path) -> dict[str, tuple[float, int, int]]:
    """Per query: KB (gzip) fetched before the first results, files fetched, results; a fresh browser
    context per query, so nothing is cached."""
    import gzip

    from playwright.sync_api import sync_playwright

    scripts = sorted((out / "static" / "js").glob("search*.js"))
    script = next((s for s in scripts if "loader" not in s.name), None)
    if script is None:
        raise BenchError(f"no search client under {out / 'static' / 'js'}")
    _Recorder.page = BENCH_PAGE.format(script="/" + script.relative_to(out).as_posix()).encode()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Recorder, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes: dict[str, int] = {}

    def gz(path: str) -> int:
        if path not in sizes:
            file = out / path.lstrip("/")
            data = file.read_bytes() if file.is_file() else b""
            sizes[path] = len(gzip.compress(data, 6)) if data else 0
        return sizes[path]

    found = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for label, query, lang in QUERIES:
                    ctx = browser.new_context()
                    page = ctx.new_page()
                    page.goto(base + "/bench.html")
                    _Recorder.log.clear()
                    results = page.evaluate(RUN_QUERY, [query, lang])
                    paths = set(_Recorder.log)
                    found[f"{label}: {query}"] = (sum(gz(x) for x in paths) / 1024, len(paths), results)
                    ctx.close()
            finally:
                browser.close()
    finally:
        server.shutdown()
    return found


def warm_images(work: Path, cache: Path, logs: Path, workers: int, timeout: float) -> None:
    """Fill the image cache from a tiny catalog of the same pooled originals: the full builds measured
    below then time pages, not the first encoding of the pool's renditions."""
    content = work / "warm-content"
    generate(content, 60, 3)
    chinar(content, work / "warm-out", cache, logs, "warm", workers, True, timeout)
    shutil.rmtree(content)  # its output stays until the size is done (see build_bench.settle)


def run_size(pages: int, work: Path, args: argparse.Namespace) -> dict[str, float]:
    artisans = max(10, round(pages / PAGES_PER_ARTISAN))
    content, cache, out, logs = work / "content", work / "cache", work / "out", work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    counts = generate(content, artisans, 3)
    print(f"\n== target {pages:,} pages: {artisans:,} artisans, {sum(counts.values()):,} records; catalog written "
          f"in {time.perf_counter() - t:.0f} s", flush=True)
    warm_images(work, cache, logs, args.workers, args.timeout)
    (cache / "build-state.pickle").unlink(missing_ok=True)  # the warm-up's state: not this catalog's
    settle()
    m, rep, _written = chinar(content, out, cache, logs, "full", args.workers, True, args.timeout)
    built = rep["pages"]
    fig = {"pages": built, "full build s": m.seconds, "pages per s": built / m.seconds, "peak MB": m.memory_mb}
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in rep["seconds"].items())
    print(f"  full build      {m.seconds:8.1f} s  {built / m.seconds:7.0f} pages/s  {m.memory_mb:7.0f} MB peak  "
          f"({built:,} pages; {stages}) [load {m.load_before} -> {m.load_after}]", flush=True)
    settle()
    m, rep, written = chinar(content, out, cache, logs, "noop", args.workers, False, args.timeout)
    fig["no-op s"] = m.seconds
    print(f"  no-op           {m.seconds:8.2f} s  {written} files written, {m.memory_mb:.0f} MB peak", flush=True)
    edit_artisan(content)
    settle()
    m, rep, written = chinar(content, out, cache, logs, "edit", args.workers, False, args.timeout)
    fig["edit, chinar build s"] = m.seconds
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in rep["seconds"].items())
    print(f"  one-artisan edit, chinar build {m.seconds:6.2f} s  {written} files written, {m.memory_mb:.0f} MB peak "
          f"({stages})", flush=True)
    settle()
    start, edit = resident_edit(content, out, cache, logs, args.workers, args.timeout)
    fig["resident start s"], fig["edit in place s"] = start, edit
    print(f"  resident start  {start:8.2f} s; one-artisan edit in place {edit:.2f} s", flush=True)
    index = out / "search-index"
    files = [p for p in index.rglob("*") if p.is_file()]
    fig["search index MB"] = sum(p.stat().st_size for p in files) / 1e6
    print(f"  search index    {fig['search index MB']:.1f} MB in {len(files):,} files", flush=True)
    for label, (kb, fetched, results) in search_bytes(out).items():
        print(f"    {label:<28} {kb:7.1f} KB gzip before first results, {fetched} files, {results} results",
              flush=True)
        fig["largest query KB"] = max(fig.get("largest query KB", 0.0), kb)
    return fig


def exponent(xs: list[float], ys: list[float]) -> float:
    """The slope k of the least-squares line through (log x, log y): ``y ~ x ** k``."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default="100000,300000,1000000", help="target page counts, comma-separated")
    parser.add_argument("--workers", type=int, default=0, help="chinar rendering processes (0: one per core)")
    parser.add_argument("--timeout", type=float, default=3 * 3600)
    parser.add_argument("--work", type=Path, default=None, help="work under DIR (default: a temporary folder)")
    parser.add_argument("--keep", action="store_true", help="keep each size's catalog, output and cache")
    args = parser.parse_args(argv)
    print(f"scale benchmark, {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, "
          f"{available_memory() / 2**30:.1f} GiB available, load {loadavg()}", flush=True)
    root = Path(tempfile.mkdtemp(prefix="scale-", dir=args.work))
    results: dict[int, dict[str, float]] = {}
    last: tuple[int, float] | None = None  # (pages, peak MB) of the last size measured
    try:
        for size in sorted(int(s) for s in args.pages.split(",")):
            if last is not None:
                need = last[1] * size / last[0] * 2**20
                if need > 0.85 * available_memory():
                    print(f"\n== target {size:,} pages: not run. Extrapolated from {last[0]:,} pages, its peak would "
                          f"be about {need / 2**30:.1f} GiB; this machine has {available_memory() / 2**30:.1f} GiB "
                          f"available.", flush=True)
                    continue
            work = root / str(size)
            try:
                fig = run_size(size, work, args)
            except BenchError as exc:
                print(f"  FAILED: {exc}", flush=True)
                continue
            finally:
                if not args.keep:
                    shutil.rmtree(work, ignore_errors=True)
            results[size] = fig
            last = (int(fig["pages"]), fig["peak MB"])
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if not results:
        return 1
    names = [k for k in next(iter(results.values())) if k != "pages"]
    print("\n" + f"{'figure':<24}" + "".join(f"{int(f['pages']):>14,}" for f in results.values())
          + ("  exponent k (figure ~ pages^k)" if len(results) > 1 else ""))
    for name in names:
        values = [f.get(name) for f in results.values()]
        line = f"{name:<24}" + "".join(f"{v:>14.2f}" if v is not None else f"{'-':>14}" for v in values)
        if len(results) > 1 and all(v for v in values):
            line += f"  {exponent([f['pages'] for f in results.values()], values):6.2f}"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
