"""Search benchmark: Chinar's static index vs Pagefind on synthetic catalogs of 10k and 100k records.

Prints, per catalog size: index build time (wall and CPU seconds, documents per second, with the load of
this shared machine), a no-op rebuild and one-record edits with the build's cache (time, documents
analysed, lists scored, files written and removed), total size and file count (ours and Pagefind's), and for a
set of typical queries the bytes downloaded (gzip, cold cache, everything fetched including the
script) and the time to first results in headless Chromium, then the p95 query time once the files
are fetched. Targets at 100k: <= 150 KB gzip before first results for any query (<= 40 KB for a word
on most pages), p95 <= 50 ms warm, fewer bytes than Pagefind for every query.

    .venv/bin/python benchmarks/search_bench.py [--sizes 10000 100000] [--keep DIR] [--workers N] [--index-only]

Needs the `pagefind` PyPI package (`pip install 'pagefind[extended]'`, which ships the binary) and
Debian's chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from chinar.catalog import Catalog
from chinar.policy import BuildPolicy
from chinar.search import write_index
from chinar.search.documents import catalog_documents

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

CRAFTS = [
    ("sozni", "Sozni embroidery", "सोज़नी कढ़ाई"),
    ("kani", "Kani shawl weaving", "कानी शॉल बुनाई"),
    ("pashmina", "Pashmina weaving", "पश्मीना बुनाई"),
    ("papier-mache", "Papier-mâché", "पेपर माशी"),
    ("walnut-wood-carving", "Walnut wood carving", "अखरोट लकड़ी नक्काशी"),
    ("namda", "Namda felt rugs", "नमदा"),
    ("carpet", "Hand-knotted carpets", "हाथ से बुने कालीन"),
    ("willow-wicker", "Willow wicker", "विलो टोकरी"),
    ("khatamband", "Khatamband ceilings", "खतमबंद"),
    ("copperware", "Copperware", "तांबे के बर्तन"),
    ("basohli-painting", "Basohli painting", "बसोहली चित्रकला"),
    ("crewel", "Crewel embroidery", "क्रूएल कढ़ाई"),
]
DISTRICTS = [
    ("srinagar", "Srinagar", "श्रीनगर"),
    ("budgam", "Budgam", "बडगाम"),
    ("anantnag", "Anantnag", "अनंतनाग"),
    ("baramulla", "Baramulla", "बारामूला"),
    ("kupwara", "Kupwara", "कुपवाड़ा"),
    ("ganderbal", "Ganderbal", "गांदरबल"),
    ("pulwama", "Pulwama", "पुलवामा"),
    ("shopian", "Shopian", "शोपियां"),
    ("kathua", "Kathua", "कठुआ"),
    ("jammu", "Jammu", "जम्मू"),
    ("udhampur", "Udhampur", "उधमपुर"),
    ("doda", "Doda", "डोडा"),
]
FIRST = [
    "Ghulam",
    "Mohammad",
    "Abdul",
    "Shazia",
    "Rafiqa",
    "Nighat",
    "Bashir",
    "Farooq",
    "Mehraj",
    "Kewal",
    "Sunita",
    "Parveen",
    "Tariq",
    "Mushtaq",
    "Rubina",
    "Ishfaq",
    "Hilal",
    "Saima",
    "Zahoor",
    "Ravinder",
    "Asha",
    "Naseer",
]
LAST = [
    "Dar",
    "Bhat",
    "Mir",
    "Shah",
    "Ganai",
    "Wani",
    "Lone",
    "Sheikh",
    "Khan",
    "Sharma",
    "Rather",
    "Malik",
    "Parray",
    "Qureshi",
    "Kumar",
    "Devi",
    "Hajam",
    "Sofi",
    "Najar",
    "Kaloo",
]
OBJECTS = [
    "shawl",
    "stole",
    "box",
    "rug",
    "table",
    "bowl",
    "cushion",
    "tray",
    "vase",
    "scarf",
    "basket",
    "panel",
    "coaster",
    "lamp",
    "chest",
    "throw",
    "runner",
    "ornament",
    "plate",
    "jewellery box",
]
HINDI = [
    "हाथ",
    "से",
    "बना",
    "सुंदर",
    "पारंपरिक",
    "कश्मीरी",
    "रंग",
    "डिज़ाइन",
    "काली",
    "लाल",
    "नीला",
    "ऊन",
    "रेशम",
    "लकड़ी",
    "कारीगर",
    "परिवार",
    "गांव",
    "सर्दी",
    "उपहार",
    "बाज़ार",
    "फूल",
    "पत्ती",
    "चिनार",
    "झील",
    "पहाड़",
]


def vocabulary(rng: random.Random, n: int) -> list[str]:
    """Pseudo-English filler words (Zipf-distributed when drawn), plus a core of real craft words."""
    core = [
        "handmade",
        "traditional",
        "kashmiri",
        "fine",
        "soft",
        "warm",
        "pattern",
        "border",
        "floral",
        "paisley",
        "natural",
        "dye",
        "wool",
        "silk",
        "thread",
        "needle",
        "loom",
        "carved",
        "painted",
        "gift",
        "winter",
        "family",
        "village",
        "workshop",
        "design",
        "colour",
        "red",
        "black",
        "grey",
        "blue",
        "green",
    ]
    syll = [
        "ka",
        "ri",
        "sha",
        "mi",
        "no",
        "tu",
        "ba",
        "la",
        "vi",
        "do",
        "ze",
        "pa",
        "ru",
        "ne",
        "go",
        "ti",
        "ma",
    ]
    words = set(core)
    while len(words) < n:
        words.add("".join(rng.choice(syll) for _ in range(rng.randint(2, 4))))
    return core + sorted(words - set(core))


def synthetic_catalog(n: int, seed: int = 7) -> Catalog:
    """n records: crafts and districts in 2 locales, then artisans (15 %), products, stories (5 %)."""
    rng = random.Random(seed)
    words = vocabulary(rng, 20000)
    weights = [1 / (i + 1) for i in range(len(words))]
    cum_weights = list(itertools.accumulate(weights))  # what choices() computes from weights on every call
    cat = Catalog(root=Path("."))

    def add(rec: dict) -> None:
        cat.add(rec)

    def text(k: int) -> str:
        return " ".join(rng.choices(words, cum_weights=cum_weights, k=k))

    for key, en, hi in CRAFTS:
        for loc, name in (("en", en), ("hi", hi)):
            add(
                {
                    "type": "craft",
                    "translation_key": key,
                    "slug": key,
                    "locale": loc,
                    "name": name,
                    "summary": text(20),
                    "history": "<p>" + text(80) + "</p>",
                    "region": "Kashmir",
                    "districts": ["srinagar"],
                }
            )
    for key, en, hi in DISTRICTS:
        for loc, name in (("en", en), ("hi", hi)):
            add(
                {
                    "type": "district",
                    "translation_key": key,
                    "slug": key,
                    "locale": loc,
                    "name": name,
                    "division": "Kashmir",
                    "summary": text(30),
                }
            )
    budget = n - 2 * (len(CRAFTS) + len(DISTRICTS))
    artisans = []
    for i in range(int(budget * 0.15)):
        key = f"artisan-{i}"
        craft, district = rng.choice(CRAFTS)[0], rng.choice(DISTRICTS)[0]
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        hindi = rng.random() < 0.25
        add(
            {
                "type": "artisan",
                "translation_key": key,
                "slug": key,
                "locale": "hi" if hindi else "en",
                "name": name,
                "crafts": [craft],
                "district": district,
                "bio": "<p>" + (" ".join(rng.choices(HINDI, k=40)) if hindi else text(60)) + "</p>",
            }
        )
        artisans.append((key, craft))
    for i in range(int(budget * 0.80)):
        key = f"product-{i}"
        maker, craft = rng.choice(artisans)
        title = f"{ {c[0]: c[1] for c in CRAFTS}[craft].split()[0]} {rng.choice(OBJECTS)}, {text(3)}"
        hindi = rng.random() < 0.15
        add(
            {
                "type": "product",
                "translation_key": key,
                "slug": key,
                "locale": "hi" if hindi else "en",
                "title": (" ".join(rng.choices(HINDI, k=5)) + " " + rng.choice(OBJECTS)) if hindi else title,
                "artisan": maker,
                "craft": craft,
                "price_inr": rng.choice([900, 2500, 8000, 18000, 45000, 120000]),
                "description": "<p>" + (" ".join(rng.choices(HINDI, k=30)) if hindi else text(50)) + "</p>",
                "materials": [rng.choice(["pashmina", "silk", "walnut wood", "wool", "paper pulp"])],
            }
        )
    for i in range(n - sum(len(v) for v in cat.records.values())):
        key = f"story-{i}"
        add(
            {
                "type": "story",
                "translation_key": key,
                "slug": key,
                "locale": "en",
                "title": text(5).capitalize(),
                "date": "2026-01-01",
                "summary": text(20),
                "body": "<p>" + text(300) + "</p>",
            }
        )
    return cat


# -- serving and measuring ------------------------------------------------------------------------


class Recorder(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".wasm": "application/wasm",
        ".bin": "application/octet-stream",
    }
    log: list[str] = []

    def do_GET(self):
        type(self).log.append(self.path.split("?")[0])
        super().do_GET()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store" if self.path.endswith(".html") else "max-age=3600")
        super().end_headers()

    def log_message(self, *args):
        pass


def gzip_size(root: Path, path: str, cache: dict) -> int:
    if path not in cache:
        file = root / path.lstrip("/")
        data = file.read_bytes() if file.is_file() else b""
        cache[path] = min(len(gzip.compress(data, 6)), len(data)) if data else 0  # Pagefind files are gzipped
    return cache[path]


OURS = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script src="/static/js/search.js"></script></head><body></body></html>"""
OURS_RUN = """async ([q, lang]) => { const t0 = performance.now();
  const ix = await ChinarSearch.open("/search-index/");
  const r = await ix.searchWithFacets(q, 10, {locale: lang});
  return [performance.now() - t0, r.results.length]; }"""
PAGEFIND = (
    """<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body></body></html>"""
)
PAGEFIND_RUN = """async ([q]) => { const t0 = performance.now();
  const pf = await import("/pagefind/pagefind.js");
  const s = await pf.search(q); const rs = await Promise.all(s.results.slice(0, 10).map(r => r.data()));
  return [performance.now() - t0, rs.length]; }"""


def measure(browser, base: str, root: Path, page_path: str, script: str, args: list, warm_runs: int = 20):
    """Cold: bytes (gzip) and ms to first results in a fresh context; warm: p95 ms over repeated runs."""
    sizes: dict = {}
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(base + page_path)
    Recorder.log.clear()
    ms, found = pg.evaluate(script, args)
    cold_bytes = sum(gzip_size(root, p, sizes) for p in set(Recorder.log))
    files = len(set(Recorder.log))
    times = sorted(pg.evaluate(script, args)[0] for _ in range(warm_runs))
    ctx.close()
    return {
        "ms": ms,
        "results": found,
        "kb": cold_bytes / 1024,
        "files": files,
        "p95": times[int(0.95 * (len(times) - 1))],
    }


def dir_stats(path: Path) -> tuple[int, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def pagefind_binary() -> list[str]:
    return [sys.executable, "-m", "pagefind"]


def loadavg() -> str:
    """The machine is shared: print the load beside every timing."""
    try:
        return "load " + " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "load ?"


def timed_index(cat: Catalog, out: Path, cache: Path, workers: int) -> tuple[dict, float, float]:
    """write_index with wall-clock and CPU seconds (this process and its workers)."""
    shutil.rmtree(out, ignore_errors=True)
    before = os.times()
    t = time.perf_counter()
    stats = write_index(cat, out, cache, policy=BuildPolicy.for_machine(workers))
    wall = time.perf_counter() - t
    after = os.times()
    cpu = (after.user - before.user) + (after.system - before.system) + (after.children_user - before.children_user) \
        + (after.children_system - before.children_system)
    return stats, wall, cpu


def index_files(out: Path) -> dict[str, bytes]:
    root = out / "search-index"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def changed_files(before: dict[str, bytes], after: dict[str, bytes]) -> str:
    """Files a deploy would upload (new or changed) and delete, by folder."""
    written = {k for k, v in after.items() if before.get(k) != v}
    removed = set(before) - set(after)
    by = {d: sum(1 for k in written | removed if k.startswith(d)) for d in ("p/", "d/", "s/", "t/", "manifest")}
    return f"{len(written)} written + {len(removed)} removed of {len(after)} ({by})"


def run_incremental(n: int, cat: Catalog, work: Path, workers: int) -> None:
    """No-op rebuild and one-record edits with the cache of the full build (issue 7, item 4)."""
    cache = work / f"cache-{n}"
    base = index_files(work / f"site-{n}")
    stats, wall, cpu = timed_index(cat, work / f"noop-{n}", cache, workers)
    print(f"{'no-op rebuild':34}{wall:>8.2f} s wall {cpu:>7.2f} s cpu  analysed {stats['analysed']}, "
          f"lists scored {stats['lists_scored']}; {changed_files(base, index_files(work / f'noop-{n}'))}  {loadavg()}")
    product = cat.get("product", "product-7", "en") or cat.get("product", "product-7", "hi")
    artisan = next(r for r in cat.all("artisan", "en"))
    edits = [
        ("edit a product's description", lambda: product.update(
            description=product["description"].replace("</p>", " Woven for a winter wedding.</p>"))),
        ("rename an artisan", lambda: artisan.update(name=artisan["name"] + " Sofi")),
    ]
    for label, edit in edits:
        edit()
        stats, wall, cpu = timed_index(cat, work / f"edit-{n}", cache, workers)
        after = index_files(work / f"edit-{n}")
        print(f"{label:34}{wall:>8.2f} s wall {cpu:>7.2f} s cpu  analysed {stats['analysed']}, lists scored "
              f"{stats['lists_scored']} of {stats['terms']}; {changed_files(base, after)}  {loadavg()}")
        base = after
        shutil.rmtree(work / f"site-{n}" / "search-index")  # the site shows the edited catalog from now on
        shutil.copytree(work / f"edit-{n}" / "search-index", work / f"site-{n}" / "search-index")


def run_size(n: int, work: Path, browser, workers: int = 0, pagefind: bool = True, warm_runs: int = 20) -> None:
    print(f"\n=== {n:,} records ===", flush=True)
    t = time.perf_counter()
    cat = synthetic_catalog(n)
    print(f"catalog made in {time.perf_counter() - t:.1f} s", flush=True)
    site = work / f"site-{n}"
    shutil.rmtree(work / f"cache-{n}", ignore_errors=True)
    stats, ours_build, cpu = timed_index(cat, site, work / f"cache-{n}", workers)
    print(f"{'full index build':34}{ours_build:>8.2f} s wall {cpu:>7.2f} s cpu  "
          f"{stats['documents'] / ours_build:,.0f} documents/s wall, {stats['documents'] / cpu:,.0f} per cpu-s  "
          f"({workers or os.cpu_count()} workers, {loadavg()})", flush=True)
    run_incremental(n, cat, work, workers)
    shutil.rmtree(work / f"noop-{n}", ignore_errors=True)
    shutil.rmtree(work / f"edit-{n}", ignore_errors=True)
    if not pagefind:
        return
    (site / "static" / "js").mkdir(parents=True)
    shutil.copy(
        ROOT / "themes" / "chinar" / "static" / "js" / "search.js", site / "static" / "js" / "search.js"
    )
    (site / "bench.html").write_text(OURS)

    # The same pages for Pagefind: one HTML file per search document (title, facts, body text).
    docs = catalog_documents(cat)
    pages = work / f"pages-{n}"
    shutil.rmtree(pages, ignore_errors=True)
    for d in docs:
        out = pages / d.url.lstrip("/") / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        body = " ".join(html.escape(d.fields[f]) for f in ("craft", "district", "body"))
        out.write_text(
            f'<!doctype html><html lang="{d.locale}"><head><meta charset="utf-8"><title>'
            f"{html.escape(d.title)}</title></head><body><main data-pagefind-body><h1>{html.escape(d.title)}"
            f"</h1><p>{body}</p></main></body></html>",
            encoding="utf-8",
        )
    t = time.perf_counter()
    subprocess.run(
        pagefind_binary() + ["--site", str(pages), "--output-subdir", "pagefind", "--quiet"], check=True
    )
    pf_build = time.perf_counter() - t
    (pages / "bench.html").write_text(PAGEFIND)
    ours_files, ours_bytes = dir_stats(site / "search-index")
    pf_files, pf_bytes = dir_stats(pages / "pagefind")
    print(f"documents: {stats['documents']:,}")
    print(f"{'':24}{'Chinar':>22}{'Pagefind':>22}")
    print(f"{'index build (s)':24}{ours_build:>22.1f}{pf_build:>22.1f}")
    print(f"{'index files':24}{ours_files:>22,}{pf_files:>22,}")
    print(f"{'index size (MB)':24}{ours_bytes / 1e6:>22.1f}{pf_bytes / 1e6:>22.1f}")

    queries = [
        ("rare word", "zahoor", "en"),
        ("common word", "handmade", "en"),
        ("two words", "pashmina shawl", "en"),
        ("misspelling", "embroidary", "en"),
        ("Hindi word", "कारीगर", "hi"),
        ("artisan name", "ghulam dar", "en"),
    ]
    servers = []
    for root in (site, pages):
        srv = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Recorder, directory=str(root))
        )
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append((srv, f"http://127.0.0.1:{srv.server_address[1]}"))
    print(f"\np95 over {warm_runs} warm runs per query")
    print(
        f"{'query':30}{'Chinar KB gz':>13}{'files':>6}{'first ms':>9}{'p95 ms':>8}{'hits':>5}"
        f"{'Pagefind KB':>13}{'files':>6}{'first ms':>9}{'p95 ms':>8}{'hits':>5}"
    )
    for label, q, lang in queries:
        ours = measure(browser, servers[0][1], site, "/bench.html", OURS_RUN, [q, lang], warm_runs)
        pf = measure(browser, servers[1][1], pages, "/bench.html", PAGEFIND_RUN, [q], warm_runs)
        print(
            f"{label + ': ' + q:30}{ours['kb']:>13.1f}{ours['files']:>6}{ours['ms']:>9.0f}{ours['p95']:>8.1f}"
            f"{ours['results']:>5}{pf['kb']:>13.1f}{pf['files']:>6}{pf['ms']:>9.0f}{pf['p95']:>8.1f}"
            f"{pf['results']:>5}",
            flush=True,
        )
    for srv, _ in servers:
        srv.shutdown()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--keep", type=Path, help="work directory to keep (default: a temporary one)")
    parser.add_argument("--workers", type=int, default=0, help="processes scoring lists (default: one per core)")
    parser.add_argument("--warm-runs", type=int, default=20,
                        help="repeats per query for the warm p95 (default 20; with 5 or fewer the p95 is the "
                             "slowest run). Pagefind takes seconds per common-word query at 100k records")
    parser.add_argument("--index-only", action="store_true",
                        help="only the index build figures (full, no-op, one-record edits): no Pagefind, no browser")
    args = parser.parse_args()
    if args.index_only:
        work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
        work.mkdir(parents=True, exist_ok=True)
        for n in args.sizes:
            run_size(n, work, None, args.workers, pagefind=False)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        return 0
    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            for n in args.sizes:
                run_size(n, work, browser, args.workers, warm_runs=args.warm_runs)
        finally:
            browser.close()
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"work": str(work)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
