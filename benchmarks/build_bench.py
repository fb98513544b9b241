"""Full-build throughput and peak memory: ``chinar build`` side by side with vanilla Pelican (issue 3).

Usage::

    .venv/bin/pip install markdown   # vanilla Pelican needs it to read .md articles; not a chinar dependency
    .venv/bin/python benchmarks/build_bench.py [--artisans 1000,10000] [--products 3] [--repeat 3] [--keep DIR]

Prints figures, asserts nothing. For each size it:

1. generates a deterministic catalog with ``benchmarks/synthetic.py`` (``generate``; same seed, same
   records, so runs on different days are comparable);
2. builds it once with chinar, unmeasured: a warm-up that fills ``--cache`` (image renditions, source
   probes, compiled validators and templates);
3. writes the same records as one Markdown article each (title, date, category = record type,
   tags = crafts/districts, body = the record's prose, which is sanitised HTML and passes through
   Markdown unchanged, plus its images as plain ``<img>`` links), for vanilla Pelican 4.12: default
   theme (notmyidea), default settings otherwise. Feeds are left at Pelican's defaults (on: all, per
   category, translations), and so is pagination (off). Hindi versions get ``Lang: hi`` and the
   English slug, so Pelican treats them as translations, as chinar does;
4. measures ``--repeat`` builds of each tool, taking turns (chinar, Pelican, chinar, ...), each into an
   output folder of its own, and reports the median run of each (and the fastest). Each chinar build
   is a fresh Python process running ``chinar.build.build`` (what ``chinar build`` calls) with
   ``full=True``: no page, record or search state of an earlier build is reused, only image
   renditions, source probes and compiled code are (issue 3's "images already cached"); it ends as
   ``chinar build`` does (``chinar.cli.exit_now``). The child prints its ``BuildReport`` (pages,
   per-stage seconds, image stats) as JSON. ``chinar`` is installed editable, so what runs is the
   working tree: the header prints the commit and any uncommitted files under site/ and themes/.
   Pelican keeps no cache by default and gets none;
5. prints a table per size and the issue 3 targets next to the results.

Before each measured build, earlier writes are flushed (``os.sync``), and outputs of earlier builds are
kept until the size is done: on this VM's disk, flushing or deleting tens of thousands of files slows
the file creations that follow, which would bill one build's cost to the next. The machine's speed
still drifts by 10-20% from minute to minute; taking turns spreads that over both tools, and the
median of three is less at its mercy than one run.

What is measured and why:

- seconds: wall time of the subprocess as a user waits for it (interpreter start, imports, build).
  The in-process stage seconds are printed separately, so start-up cost stays visible.
- peak RSS: ``ru_maxrss`` from ``os.wait4`` for that one child (the largest single process in its
  tree), and a sampled peak of the summed PSS of the child and all its descendants (every 0.2 s),
  which is what counts once the build renders in worker processes; the 1.5 GB target is checked
  against the larger of the two.
- pages: chinar's ``BuildReport.pages`` (HTML pages rendered, list pages included) and the ``.html``
  files in its output; Pelican's ``.html`` files written and its articles (one per record).

Which comparison is fair: both tools get the same records and each produces a complete site, so
the fair ratio is records per second, i.e. Pelican's seconds / chinar's seconds for the same input.
Pages per second depends on how many list pages each tool chooses to write: Pelican's defaults add
tag, category, author, archive and translation pages (unpaginated, each listing every article of
its tag or category, so they are few but large), while chinar writes paginated indexes and
crafts/districts pages. The table shows pages/s both ways (chinar pages vs Pelican HTML files, and
vs Pelican articles) so the headline ratio can be read against them. Chinar pages also carry more
(responsive images, JSON-LD, three locales' alternates, a search index), so the ratio is, if
anything, generous to Pelican.

The machine is shared: each measured row carries the 1-minute load average before and after it.
Heavy builds run one at a time, never in parallel with each other.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
JSON_MARK = "BENCH_JSON "
RICH_TEXT = ("bio", "history", "authenticity", "description", "body")
TARGET_RATIO = 5.0
TARGET_SECONDS_10K = 60.0
TARGET_RSS_MB = 1536.0


class BenchError(Exception):
    """A build under measurement failed; the message names the command and shows its stderr tail."""


@dataclass
class Measurement:
    """One subprocess, measured from outside."""

    seconds: float
    peak_rss_mb: float
    tree_pss_mb: float
    load_before: str
    load_after: str
    stdout: str

    @property
    def memory_mb(self) -> float:
        return max(self.peak_rss_mb, self.tree_pss_mb)


@dataclass
class Row:
    """One tool's figures for one size: every measured run, and the run of median time as ``m``."""

    tool: str
    pages: int
    html_files: int
    articles: int
    records: int
    runs: list[Measurement]
    extra: dict[str, Any] = field(default_factory=dict)  # from the median run

    @property
    def m(self) -> Measurement:
        return sorted(self.runs, key=lambda r: r.seconds)[(len(self.runs) - 1) // 2]

    @property
    def fastest(self) -> float:
        return min(r.seconds for r in self.runs)

    @property
    def memory_mb(self) -> float:
        return max(r.memory_mb for r in self.runs)

    def rate(self, count: int) -> float:
        return count / self.m.seconds if self.m.seconds else 0.0


# --- measuring a subprocess ------------------------------------------------------------------------


def loadavg() -> str:
    """The 1, 5 and 15 minute load averages, as the kernel prints them."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                todo.extend(int(c) for c in Path(f"/proc/{p}/task/{task}/children").read_text().split())
        except OSError:
            pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    m = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(m.group(1)) if m else 0


def measure(cmd: list[str], log_dir: Path, name: str, timeout: float, env: dict[str, str] | None = None
            ) -> Measurement:
    """Run ``cmd`` in a fresh process; wall seconds, its own peak RSS and the sampled tree PSS peak.

    ``os.wait4`` gives the rusage of exactly this child (and the descendants it waited for), unlike
    ``getrusage(RUSAGE_CHILDREN)``, whose ``ru_maxrss`` is a maximum over every child ever reaped.
    """
    out_path, err_path = log_dir / f"{name}.stdout", log_dir / f"{name}.stderr"
    peak = [0]
    done = threading.Event()
    before = loadavg()
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)

        def sample() -> None:
            while not done.wait(0.2):
                peak[0] = max(peak[0], sum(_pss_kb(p) for p in _descendants(proc.pid)))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        timer.cancel()
        done.set()
        sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = "\n".join(err_path.read_text(errors="replace").splitlines()[-25:])
        raise BenchError(f"{name} failed (exit {proc.returncode} after {seconds:.1f}s"
                         f"{', killed at --timeout' if proc.returncode == -9 else ''}):\n"
                         f"  command: {' '.join(cmd)}\n  stderr ({err_path}), last lines:\n"
                         + textwrap.indent(tail, "    "))
    return Measurement(seconds=seconds, peak_rss_mb=usage.ru_maxrss / 1024, tree_pss_mb=peak[0] / 1024,
                       load_before=before, load_after=loadavg(), stdout=out_path.read_text(errors="replace"))


def code_state() -> str:
    """The commit and any uncommitted changes under site/ and themes/: the editable install runs the tree."""
    repo = HERE.parent
    try:
        head = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--", "site", "themes"],
                               capture_output=True, text=True, check=True).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    changed = [line[3:] for line in dirty if line.strip()]
    return f"{head}" + (f" + uncommitted {', '.join(changed)}" if changed else " (clean)")


def count_html(root: Path) -> int:
    return sum(1 for _ in root.rglob("*.html"))


# --- chinar ----------------------------------------------------------------------------------------


def start_like_chinar() -> None:
    """Start a build child the way `chinar build` does (``chinar.cli.command_started``), where the chinar
    measured has it."""
    try:
        from chinar.cli import command_started
    except ImportError:
        return
    command_started("build")


def end_like_chinar() -> None:
    """End a build child the way `chinar build` does (``chinar.cli.exit_now``), where the chinar measured
    has it; otherwise return, and the child ends as a script does."""
    try:
        from chinar.cli import EXIT_NOW, exit_now
    except ImportError:
        return
    if "build" in EXIT_NOW:
        exit_now(0)


def child_chinar(argv: list[str]) -> int:
    """Child process: one ``chinar.build.build`` call; print its report as one JSON line."""
    import logging

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    t0 = time.perf_counter()
    from dataclasses import asdict

    from chinar.build import build

    imported = time.perf_counter() - t0
    content, output, cache, workers = argv[0], argv[1], argv[2], int(argv[3])
    accepts = inspect.signature(build).parameters
    kwargs: dict[str, Any] = {"cache_dir": Path(cache)}
    if "full" in accepts:  # an incremental build: force every page to render; the image cache stays
        kwargs["full"] = True
    if workers:
        if "workers" not in accepts:
            print(f"this chinar's build() takes no workers argument; cannot honour --workers {workers}",
                  file=sys.stderr)
            return 2
        kwargs["workers"] = workers
    start_like_chinar()
    t1 = time.perf_counter()
    report = build(Path(content), Path(output), **kwargs)
    took = time.perf_counter() - t1
    data = {**asdict(report), "build_seconds": round(took, 3), "import_seconds": round(imported, 3),
            "kwargs": {k: str(v) for k, v in kwargs.items() if k != "cache_dir"},
            "self_maxrss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    print(JSON_MARK + json.dumps(data, default=str), flush=True)  # stage order kept
    end_like_chinar()
    return 0


def settle() -> None:
    """Flush what earlier steps wrote before the next measured build starts, so it does not pay for
    another build's tens of thousands of files going to disk (chinar's warm-up, or chinar's own
    output before Pelican runs)."""
    os.sync()
    time.sleep(2)


def chinar_build(content: Path, output: Path, cache: Path, logs: Path, name: str, args: argparse.Namespace
                 ) -> tuple[Measurement, dict[str, Any]]:
    if output.exists():
        shutil.rmtree(output)
    settle()
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child-chinar", str(content), str(output),
           str(cache), str(args.workers or 0)]
    m = measure(cmd, logs, name, args.timeout)
    lines = [line for line in m.stdout.splitlines() if line.startswith(JSON_MARK)]
    if not lines:
        raise BenchError(f"{name}: the child printed no report; see {logs / (name + '.stdout')}")
    return m, json.loads(lines[-1][len(JSON_MARK):])


def warm_chinar(content: Path, work: Path, logs: Path, args: argparse.Namespace) -> None:
    """The unmeasured first build, which fills the image cache."""
    warm, warm_report = chinar_build(content, work / "out-chinar-warmup", work / "cache", logs, "chinar-warmup", args)
    print(f"  chinar warm-up (fills the image cache): {warm.seconds:.1f}s, images {warm_report.get('images')}"
          f"  [load {warm.load_before} -> {warm.load_after}]", flush=True)


def run_chinar(content: Path, work: Path, logs: Path, records: int, args: argparse.Namespace, run: int,
               row: Row | None) -> Row:
    """One measured chinar build, added to ``row`` (made on the first run)."""
    # Each run builds into a folder of its own, and outputs are deleted only once a size is done: on
    # this VM's disk, creating files just after deleting tens of thousands of them is several times
    # slower, which would bill the delete to whichever build ran next.
    out = work / f"out-chinar-{run}"
    m, report = chinar_build(content, out, work / "cache", logs, f"chinar-{run}", args)
    if row is None:
        return Row("chinar", pages=int(report["pages"]), html_files=count_html(out), articles=records,
                   records=records, runs=[m], extra={"reports": [report]})
    row.runs.append(m)
    row.extra["reports"].append(report)
    return row


# --- vanilla Pelican -------------------------------------------------------------------------------


def _title(rec: dict) -> str:
    return str(rec.get("name") or rec.get("title") or rec["slug"])


def _tags(rec: dict) -> list[str]:
    tags = list(rec.get("crafts") or []) + list(rec.get("districts") or [])
    for key in ("craft", "district"):
        if isinstance(rec.get(key), str):
            tags.append(rec[key])
    if isinstance(rec.get("rule"), dict) and isinstance(rec["rule"].get("craft"), str):
        tags.append(rec["rule"]["craft"])
    return sorted(set(tags))


def _images(rec: dict) -> list[dict]:
    found = [rec[k] for k in ("hero", "portrait") if isinstance(rec.get(k), dict)]
    return found + [i for i in rec.get("images") or [] if isinstance(i, dict)]


def record_markdown(rec: dict) -> str:
    """One record as a Pelican Markdown article: metadata header, then the prose (HTML passes through)."""
    date = rec.get("date") or rec.get("starts") or "2026-01-01"
    head = [f"Title: {_title(rec)}", f"Date: {date} 00:00", f"Category: {rec['type']}",
            f"Slug: {rec['type']}-{rec['translation_key']}", f"Lang: {rec['locale']}"]
    tags = _tags(rec)
    if tags:
        head.append("Tags: " + ", ".join(tags))
    body = []
    if rec.get("summary"):
        body.append(str(rec["summary"]))
    body += [f"![{img.get('alt', '')}](/media/{img['src']})" for img in _images(rec)]
    body += [str(rec[k]) for k in RICH_TEXT if isinstance(rec.get(k), str)]
    blocks = [b for b in rec.get("blocks") or [] if isinstance(b, dict)]
    body += [str(b["body"]) for b in blocks if isinstance(b.get("body"), str)]
    body += [f"- [{x.get('marketplace')}, ₹{x.get('price_inr')}]({x.get('url')})"
             for x in rec.get("listings") or []]
    return "\n".join(head) + "\n\n" + "\n\n".join(body) + "\n"


def write_markdown(content: Path, md_dir: Path) -> int:
    """Every record under ``content`` as one .md file in ``md_dir``; returns the number of records."""
    if md_dir.exists():
        shutil.rmtree(md_dir)
    md_dir.mkdir(parents=True)
    n = 0
    for path in sorted(content.glob("*/*.json")):
        if path.parent.name in ("schemas", "media"):
            continue
        rec = json.loads(path.read_text(encoding="utf-8"))
        (md_dir / f"{path.parent.name}-{path.stem}.md").write_text(record_markdown(rec), encoding="utf-8")
        n += 1
    return n


PELICAN_CONF = """\
# Vanilla Pelican for the benchmark: default theme (notmyidea) and default settings, bar the paths.
PATH = {path!r}
OUTPUT_PATH = {output!r}
SITENAME = "Chinar (vanilla Pelican)"
SITEURL = ""
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "en"
"""


def prepare_pelican(content: Path, work: Path) -> int:
    """The Markdown articles vanilla Pelican reads (written once per size); returns the record count."""
    try:
        import markdown  # noqa: F401
    except ImportError:
        raise BenchError("vanilla Pelican needs the `markdown` package to read .md articles: "
                         f"{sys.executable} -m pip install markdown") from None
    return write_markdown(content, work / "pelican-content")


def run_pelican(work: Path, logs: Path, records: int, args: argparse.Namespace, run: int,
                row: Row | None) -> Row:
    """One measured vanilla Pelican build, added to ``row`` (made on the first run)."""
    md_dir, out = work / "pelican-content", work / f"out-pelican-{run}"
    conf = work / f"pelicanconf-{run}.py"
    conf.write_text(PELICAN_CONF.format(path=str(md_dir), output=str(out))
                    + "".join(f"{s}\n" for s in args.pelican_setting))
    if out.exists():
        shutil.rmtree(out)
    settle()
    env = {**os.environ, "COLUMNS": "200"}  # Pelican's console wraps its summary line at the terminal width
    m = measure([sys.executable, "-m", "pelican", str(md_dir), "-s", str(conf), "-o", str(out)],
                logs, f"pelican-{run}", args.timeout, env=env)
    done = re.search(r"Processed\s+(\d+)\s+articles?.*?seconds\.", m.stdout, re.S)
    if row is not None:
        row.runs.append(m)
        return row
    articles = int(done.group(1)) if done else records  # Pelican counts translations as articles
    html = count_html(out)
    return Row("pelican", pages=html, html_files=html, articles=articles, records=records, runs=[m],
               extra={"summary": " ".join(done.group(0).split()) if done else m.stdout.strip()[-200:]})


# --- report ----------------------------------------------------------------------------------------


def _median_report(chinar: Row) -> dict[str, Any]:
    """The in-process report of chinar's median run."""
    reports = chinar.extra["reports"]
    return reports[chinar.runs.index(chinar.m)]


def print_table(artisans: int, chinar: Row | None, pelican: Row | None) -> None:
    rows = [r for r in (chinar, pelican) if r]
    records = rows[0].records
    runs = len(rows[0].runs)
    print(f"\n=== {artisans} artisans: {records} records in; median of {runs} run(s) per tool ===")
    print(f"{'':8} {'pages':>7} {'html':>7} {'s':>8} {'pages/s':>8} {'records/s':>9} {'RSS MB':>7} "
          f"{'treePSS':>7}  load 1/5/15 before -> after (median run)")
    for r in rows:
        print(f"{r.tool:8} {r.pages:>7} {r.html_files:>7} {r.m.seconds:>8.2f} {r.rate(r.pages):>8.0f} "
              f"{r.rate(r.records):>9.0f} {max(x.peak_rss_mb for x in r.runs):>7.0f} "
              f"{max(x.tree_pss_mb for x in r.runs):>7.0f}  {r.m.load_before} -> {r.m.load_after}")
    for r in rows:
        print(f"{r.tool} runs (s): {', '.join(f'{x.seconds:.2f}' for x in r.runs)}; fastest {r.fastest:.2f}")
    if chinar:
        report = _median_report(chinar)
        secs = {k: v for k, v in report.get("seconds", {}).items() if k != "total"}
        total = report.get("build_seconds") or sum(secs.values())
        parts = ", ".join(f"{k} {v:.1f}s ({100 * v / total:.0f}%)" for k, v in secs.items())
        imports = report.get("import_seconds")
        print(f"chinar stages of the median run (in-process, build() {total:.1f}s, imports {imports}s): {parts}")
        print("  (the search index is made beside the other stages, build.SearchStage: its seconds overlap "
              "theirs)")
        print(f"chinar images: {report.get('images')}; files written {report.get('written')}; "
              f"pages rendered {report.get('rendered', chinar.pages)}; build() {report.get('kwargs')}")
    if pelican:
        print(f"pelican: {pelican.extra.get('summary')}; {pelican.html_files} .html files, "
              f"{pelican.rate(pelican.articles):.0f} articles/s")
    if chinar and pelican:
        speed = pelican.m.seconds / chinar.m.seconds
        print(f"ratio chinar/pelican: same records in, whole site out (fair): {speed:.2f}x  "
              f"[target >= {TARGET_RATIO:.0f}x: {'met' if speed >= TARGET_RATIO else 'NOT met'}]")
        rate = chinar.rate(chinar.pages)
        pages_ratio = rate / pelican.rate(pelican.pages)
        print(f"  pages/s, chinar pages vs Pelican .html files: {pages_ratio:.2f}x  "
              f"[target >= {TARGET_RATIO:.0f}x: {'met' if pages_ratio >= TARGET_RATIO else 'NOT met'}];"
              f" vs Pelican articles: {rate / pelican.rate(pelican.articles):.2f}x")
        if runs > 1:
            print(f"  fastest run of each: {pelican.fastest / chinar.fastest:.2f}x records/s, "
                  f"{(chinar.pages / chinar.fastest) / (pelican.pages / pelican.fastest):.2f}x pages/s")
    if chinar:
        mem = chinar.memory_mb
        print(f"target peak RSS < {TARGET_RSS_MB:.0f} MB: {mem:.0f} MB (largest of the runs) "
              f"{'met' if mem < TARGET_RSS_MB else 'NOT met'}")
        if artisans >= 10000:
            print(f"target 10k artisans < {TARGET_SECONDS_10K:.0f}s (images cached): {chinar.m.seconds:.1f}s "
                  f"{'met' if chinar.m.seconds < TARGET_SECONDS_10K else 'NOT met'}")
    sys.stdout.flush()


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(s) for s in text.split(",") if s.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated artisan counts, got {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError(f"expected positive artisan counts, got {text!r}")
    return sizes


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child-chinar"]:
        return child_chinar(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--artisans", "--sizes", dest="sizes", type=parse_sizes, default=[1000, 10000],
                        help="comma-separated catalog sizes in artisans (default 1000,10000)")
    parser.add_argument("--products", type=int, default=3, help="products per artisan (default 3)")
    parser.add_argument("--keep", type=Path, default=None,
                        help="keep catalogs, Markdown and outputs here (default: a temp dir, removed)")
    parser.add_argument("--only", choices=["chinar", "pelican"], default=None, help="run one tool only")
    parser.add_argument("--workers", type=int, default=0,
                        help="pass workers=N to chinar.build.build (if this chinar's build() accepts it)")
    parser.add_argument("--pelican-setting", action="append", default=[], metavar="'NAME = value'",
                        help="extra line for the vanilla pelicanconf, e.g. 'DEFAULT_PAGINATION = 10'")
    parser.add_argument("--repeat", type=int, default=3,
                        help="measured builds per tool and size, taking turns; the median is reported "
                             "(default 3)")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds before a build is killed")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(HERE))
    from synthetic import generate

    print(f"chinar code measured: {code_state()}")
    root = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="chinar-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    print(f"build_bench: sizes {args.sizes} artisans x {args.products} products; "
          f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; work dir {root}; load {loadavg()}",
          flush=True)
    try:
        for artisans in args.sizes:
            work = root / f"a{artisans}"
            logs = work / "logs"
            content = work / "content"
            t = time.perf_counter()
            counts = generate(content, artisans, args.products)
            logs.mkdir(parents=True, exist_ok=True)
            records = sum(1 for p in content.glob("*/*.json") if p.parent.name != "schemas")
            took = time.perf_counter() - t
            print(f"\n{artisans} artisans: generated {records} records {counts} in {took:.1f}s", flush=True)
            chinar = pelican = None
            if args.only in (None, "chinar"):
                warm_chinar(content, work, logs, args)
            if args.only in (None, "pelican"):
                prepare_pelican(content, work)
            for run in range(args.repeat):  # the tools take turns, so a slow spell of the machine hits both
                if args.only in (None, "chinar"):
                    chinar = run_chinar(content, work, logs, records, args, run, chinar)
                    print(f"  chinar run {run + 1}: {chinar.pages} pages in {chinar.runs[-1].seconds:.2f}s",
                          flush=True)
                if args.only in (None, "pelican"):
                    pelican = run_pelican(work, logs, records, args, run, pelican)
                    print(f"  pelican run {run + 1}: {pelican.html_files} .html in {pelican.runs[-1].seconds:.2f}s",
                          flush=True)
            print_table(artisans, chinar, pelican)
            if not args.keep:
                shutil.rmtree(work)
    except BenchError as exc:
        print(f"\nbuild_bench: {exc}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
