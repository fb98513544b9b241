"""``chinar build``: the static build pipeline.

``build()`` reads top to bottom as the whole build: load and validate the content, resolve
references, list the pages, render them with the theme, encode images, write the search index and
the crawler files, then swap the new output in. Pelican drives it (``site/pelicanconf.py``): the
``chinar.pelican_plugin`` generator calls ``generate`` below from Pelican's own run loop, so Pelican
settings, signals and plugins apply. A failure at any stage leaves the last good output in place.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import hashlib
import logging
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import assets, urls
from .content import LOCALES, Catalog, ReadAhead, load_catalog, record_files
from .errors import ContentError
from .incremental import (
    STATE_VERSION,
    BuildState,
    TemplateFingerprints,
    page_fingerprint,
    tree_signature,
)
from .output import OutputTree
from .pages import Page, build_pages
from .relations import resolve
from .validate import image_objects, prepare_validators

if TYPE_CHECKING:
    from .render import Renderer

log = logging.getLogger(__name__)

SITE_DIR = Path(__file__).resolve().parents[1]
# ``CHINAR_CACHE_PATH`` of site/pelicanconf.py, for use before the settings are read (``read_ahead``).
DEFAULT_CACHE_DIR = SITE_DIR.parent / ".cache"


@dataclass
class BuildReport:
    pages: int = 0
    rendered: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    # The output files this build changed (written, or renditions linked in) and removed: what a deploy
    # of just this build's changes uploads and deletes (``chinar publish``).
    changed_files: list[str] = field(default_factory=list)
    removed_files: list[str] = field(default_factory=list)
    images: dict[str, int] = field(default_factory=dict)
    search: dict[str, Any] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


class BuildError(Exception):
    """A build stage failed for a reason other than bad content (e.g. a broken template)."""


@dataclass
class BuildJob:
    """Everything one build needs; filled stage by stage by ``generate``."""

    content_dir: Path
    output: OutputTree
    base_url: str
    cache_dir: Path
    theme_dir: Path
    workers: int = 0  # 0: one per usable core
    full: bool = False
    progress: bool = False  # a progress bar on the terminal
    report: BuildReport = field(default_factory=BuildReport)
    catalog: Catalog | None = None
    pages: list[Page] = field(default_factory=list)
    state: BuildState = field(default_factory=BuildState)
    new_state: BuildState = field(default_factory=BuildState)
    # Kept in memory by ``chinar.resident`` between builds instead of read from the cache directory:
    previous: BuildState | None = None  # the last build's state (None: read it from the cache)
    search_previous: Any = None  # the last build's search state (``search.corpus.State``)
    search_memo: Any = None  # the last export's parts (``search.export.ExportMemo``)
    keep_search_state: bool = False  # a resident build: make the search index in this process (``SearchStage``)
    ahead: ReadAhead | None = None  # the records, already being read (``read_ahead``)
    # What the stages made, for ``chinar.resident`` to patch on the next edit:
    relations: Any = None
    renderer: Renderer | None = None
    images: Any = None
    template_fps: dict[str, str] = field(default_factory=dict)
    planned_images: set = field(default_factory=set)  # rendition requests given to ``images`` already
    search_state: Any = None

    def timed(self, name: str, start: float) -> None:
        self.report.seconds[name] = round(time.perf_counter() - start, 3)


def generate(job: BuildJob) -> None:
    """The stages of a build, in order, writing into ``job.output`` (staging)."""
    # Imported here, while the records are being read (``read_ahead``), rather than before that starts:
    # Jinja, Babel (``render``) and the XML helpers (``seo``) are a few tenths of a second on one core.
    from . import render, seo  # noqa: F401 - seo: for write_site_files

    t = time.perf_counter()
    if job.full:
        job.state = BuildState()
    else:
        job.state = job.previous if job.previous is not None else BuildState.load(job.cache_dir)
    job.new_state.records = dict(job.state.records)
    prepare_validators(job.cache_dir)
    job.catalog = load_catalog(job.content_dir, record_cache=job.new_state.records,
                               workers=worker_count(job), ahead=job.ahead)
    job.timed("load", t)

    t = time.perf_counter()
    images = job.images = make_image_pipeline(job)
    search = SearchStage(job, images)  # from here on, beside everything else
    try:
        relations = job.relations = resolve(job.catalog)
        note_media(job.catalog, images.content_hash)
        job.pages = build_pages(job.catalog, relations)
        job.timed("resolve", t)

        t = time.perf_counter()
        static_url, static_hash = write_static(job)
        renderer = job.renderer = render.Renderer(job.theme_dir, job.base_url, static_url, picture=images.picture,
                                           og_image=images.og_image,
                                           bytecode_dir=template_cache_dir(job.cache_dir))

        def meanwhile(busy: bool) -> None:  # while the workers render: what needs only the list of pages
            write_site_files(job, renderer, relations)
            search.meanwhile(busy)

        render_pages(job, renderer, static_hash, meanwhile=meanwhile)
        job.timed("render", t)

        search.finish()  # its thumbnails are planned now, so before the images are written
    except BaseException:
        search.stop()
        raise

    t = time.perf_counter()
    write_images(job, images)
    job.timed("images", t)


# The search index made beside the other stages adds its memory to theirs. Records below which
# ``chinar build`` makes it in a forked process from the end of the load; below which (it or a resident
# build) makes it in the main process while the render workers run; above that, after them, as its own
# stage with its own worker processes. Measured on 2 cores: at 41,240 records (10k artisans), beside the
# render workers took 51.9 s and 1,323 MB (summed PSS), in a forked process 62.1 s and 1,500 MB.
SEARCH_APART_BELOW = 20_000
SEARCH_BESIDE_BELOW = 60_000


class SearchStage:
    """The search index of one build, made beside the other stages: it needs the catalog, not the pages.

    For a small catalog ``chinar build`` makes it in a forked process from the moment the catalog is
    loaded, so it runs while the pages are listed (one core idle otherwise) and rendered; the files it
    writes, the thumbnails it asks for and its figures come back when it is done. A resident build
    (``BuildJob.keep_search_state``), which keeps the index's state in memory for the next edit, a build on
    one core, and a larger catalog make it in this process while the render workers run (``meanwhile``);
    the largest after them (``finish``), where its memory does not add to theirs (``SEARCH_*_BELOW``).
    Its seconds are the ``search`` stage's, inside the others' unless it ran after them.
    """

    def __init__(self, job: BuildJob, images) -> None:
        self.job, self.images = job, images
        self.process: Any = None
        self.done = False
        records = job.catalog.count() if job.catalog is not None else 0
        self.beside = records < SEARCH_BESIDE_BELOW
        if not job.keep_search_state and worker_count(job) > 1 and records < SEARCH_APART_BELOW:
            ctx = multiprocessing.get_context("fork")
            self.conn, send = ctx.Pipe(duplex=False)
            self.process = ctx.Process(target=_search_apart, args=(job, images, send), daemon=True)
            gc.freeze()  # the child's collector then leaves the inherited catalog alone (no copies of it)
            try:
                self.process.start()
            finally:
                gc.unfreeze()
            send.close()

    def meanwhile(self, busy: bool) -> None:
        """Called while the pages render (``busy``: in worker processes)."""
        if self.process is None and not self.done and (self.beside or not busy):
            write_search_index(self.job, self.images, busy)
            self.done = True

    def finish(self) -> None:
        """Wait for the index; take in its files and thumbnails; raise what made it fail."""
        if self.process is None:
            self.meanwhile(busy=False)  # if it was not made while the pages rendered
            return
        try:
            message = self.conn.recv()
        except EOFError:
            message = None
        finally:
            self.conn.close()
            self.process.join()
        if message is None:  # its exit code is known once it has been joined
            message = ("failed", BuildError("the process making the search index ended without a result "
                                            f"(exit code {self.process.exitcode})"))
        self.process = None
        if message[0] == "failed":
            raise message[1]
        _, stats, seconds, writes, thumbnails = message
        out = self.job.output
        for rel, written in writes:
            out.produced.add(rel)
            if written:
                out.written.append(rel)
            else:
                out.unchanged += 1
        for image in thumbnails:
            self.images.thumbnail(image)  # plans the rendition in this process's pipeline
        self.job.report.search = stats
        self.job.report.seconds["search"] = seconds
        self.done = True

    def stop(self) -> None:
        """The build failed elsewhere: end the index process, if any."""
        if self.process is not None:
            self.process.terminate()
            self.process.join()
            self.conn.close()
            self.process = None


def _search_apart(job: BuildJob, images, conn) -> None:
    """The forked process of ``SearchStage``: make the index, send back what the build needs of it."""
    try:
        from .search import write_index

        t = time.perf_counter()
        writes: list[tuple[str, bool]] = []
        thumbnails: list[dict] = []

        def write(rel: str, data: bytes) -> None:
            writes.append((rel, job.output.write_bytes(rel, data)))

        def thumbnail(image: dict) -> str:
            thumbnails.append(image)
            return images.thumbnail(image).url

        stats = write_index(job.catalog, None, job.cache_dir, thumbnail=thumbnail, workers=1, write=write,
                            full=job.full)
        conn.send(("done", stats, round(time.perf_counter() - t, 3), writes, thumbnails))
    except BaseException as exc:  # sent, not raised: the build fails in the main process, naming it
        try:
            conn.send(("failed", exc))
        except Exception:  # an exception that cannot be pickled
            conn.send(("failed", BuildError(f"search index: {type(exc).__name__}: {exc}")))
    finally:
        conn.close()


def template_cache_dir(cache_dir: Path) -> Path:
    """Where compiled templates are kept: one folder per version of the build code (which sets the
    Jinja options the bytecode depends on); folders of other versions are deleted."""
    root = cache_dir / "jinja"
    current = root / code_hash()[:16]
    if root.is_dir():
        for other in root.iterdir():
            if other != current:
                shutil.rmtree(other, ignore_errors=True)
    return current


def note_media(catalog: Catalog, media_hash: Callable[[str], str]) -> None:
    """Fold the image originals' content hashes into each record's identity for page fingerprints.

    A replaced photo keeps its path but gets new rendition names, so pages showing it must change. By
    content, not by stat: ``chinar pull`` copies every original (new inode and ctime, same bytes), and
    a stat signature made every page showing an image render again after each pull.
    ``media_hash(src)``: ``ImagePipeline.content_hash``, which remembers hashes by stat signature.
    """
    for rec in catalog.iter_records():
        note_record_media(rec, media_hash)


def note_record_media(rec: dict, media_hash: Callable[[str], str]) -> None:
    """``note_media`` for one record."""
    rec["_media"] = "|".join(media_hash(image["src"]) for image in image_objects(rec))


def write_static(job: BuildJob):
    """Copy theme static files under hashed names; return the template helper resolving them."""
    mapping = assets.collect(job.theme_dir / "static")
    for out_rel, data in mapping.values():
        job.output.write(out_rel, data)

    def static_url(rel: str) -> str:
        try:
            return "/" + mapping[rel][0]
        except KeyError:
            raise BuildError(f"theme static file {rel!r} does not exist in {job.theme_dir / 'static'}") from None

    return static_url, repr(sorted((k, v[0]) for k, v in mapping.items()))


def make_image_pipeline(job: BuildJob):
    from .images import ImagePipeline

    return ImagePipeline(media_root=job.content_dir / "media", output_dir=job.output.staging,
                         cache_dir=job.cache_dir / "images", workers=job.workers or None)


# -- rendering pages, incrementally and in parallel ---------------------------------------------------

_SHARED: dict[str, Any] = {}  # set before forking: worker processes inherit the renderer and pages


def _render_chunk(indexes: list[int]) -> list[tuple[str, bool, frozenset, str | None]]:
    """Render pages by index into staging; return (url, written?, image requests, fingerprint) for each.

    The fingerprint is computed here only on a fresh build (``_SHARED["fingerprints"]`` set), where
    the parent has not needed it to decide what to render: that way it costs no serial time.
    """
    renderer: Renderer = _SHARED["renderer"]
    pages: list[Page] = _SHARED["pages"]
    tree: OutputTree = _SHARED["tree"]
    template_fps: dict[str, str] | None = _SHARED["fingerprints"]
    out = []
    for i in indexes:
        page = pages[i]
        renderer.requests = set()
        try:
            html = renderer.render(page)
        except Exception as exc:  # a template bug: name the page and template, keep the old output
            source = page.record["_file"] if page.record else page.url or "home"
            raise BuildError(f"rendering {page.template} for {source} failed: {type(exc).__name__}: {exc}") from exc
        written = tree.write_bytes(urls.output_file(page.url), html.encode())
        fp = page_fingerprint(page, template_fps[page.template]) if template_fps is not None else None
        out.append((page.url, written, frozenset(renderer.requests), fp))
    return out


def render_pages(job: BuildJob, renderer: Renderer, static_hash: str,
                 meanwhile: Callable[[bool], object] | None = None) -> None:
    """Render the pages whose fingerprint changed (all of them on a full build), on every core.

    ``meanwhile(busy)`` runs in this process while worker processes render (``busy`` True: the cores are
    taken), or after the pages when they are rendered here: work that does not depend on the pages,
    done while this process would otherwise only wait.
    """
    extra = "\n".join([job.base_url, static_hash, translations_hash(job.theme_dir), code_hash(), str(STATE_VERSION)])
    memo = None
    if renderer.bytecode_dir is not None:
        import jinja2  # what a template references is what this Jinja's parser finds

        memo = renderer.bytecode_dir / f"references-{jinja2.__version__}.json"
    templates = TemplateFingerprints(renderer.envs["en"], extra, memo)
    template_fps = job.template_fps = {name: templates.fingerprint(name)
                                       for name in sorted({p.template for p in job.pages})}
    templates.save()
    fresh = not job.state.pages  # a full build, or no usable state: every page is rendered
    todo: list[int] = []
    if fresh:
        todo = list(range(len(job.pages)))
    else:
        for i, page in enumerate(job.pages):
            fp = page_fingerprint(page, template_fps[page.template])
            rel = urls.output_file(page.url)
            old = job.state.pages.get(page.url)
            job.new_state.pages[page.url] = fp
            if old is not None and old == fp and page.url in job.state.requests and job.output.exists(rel):
                job.output.produced.add(rel)
                job.new_state.requests[page.url] = job.state.requests[page.url]
            else:
                todo.append(i)
    workers = workers_for(job, len(todo))
    if workers > 1:  # about to fork: compile the templates once, here, rather than in every worker
        renderer.load_templates()
    from .render import CARD_CACHE_ALL_BELOW, CARD_CACHE_MAX

    records = job.catalog.count()
    renderer.card_cache_max = None if records < CARD_CACHE_ALL_BELOW else CARD_CACHE_MAX
    # Pages ask for the same renditions over and over; workers send each chunk's requests as new
    # objects, so one copy of each is kept (the saved state at 10k artisans: 57 -> 47 MB).
    canonical: dict[tuple, tuple] = {}
    for requests in job.new_state.requests.values():
        for r in requests:
            canonical.setdefault(r, r)
    images, planned = job.images, job.planned_images

    def take(part: list[tuple[str, bool, frozenset, str | None]]) -> None:
        """As each batch of pages comes back: link the images they use that are already encoded, while
        the other batches render (``write_images`` does the rest, once every page is known)."""
        if images is None:
            return
        for _url, _written, requests, _fp in part:
            for request in requests:
                request = canonical.setdefault(request, request)
                if request not in planned:
                    images.plan(request)
                    planned.add(request)
        images.link_cached()

    _SHARED.update(renderer=renderer, pages=job.pages, tree=job.output, fingerprints=template_fps if fresh else None)
    try:
        results = _run_chunks(plan_chunks(job.pages, todo, workers), workers, job.progress, meanwhile, take)
    finally:
        _SHARED.clear()
    for url, written, requests, fp in results:
        requests = frozenset(canonical.setdefault(r, r) for r in requests)
        rel = urls.output_file(url)
        job.output.produced.add(rel)
        if written:
            job.output.written.append(rel)
        else:
            job.output.unchanged += 1
        job.new_state.requests[url] = requests
        if fp is not None:
            job.new_state.pages[url] = fp
    job.report.pages = len(job.pages)
    job.report.rendered = len(todo)


def worker_count(job: BuildJob) -> int:
    """``--workers``, or one process per core this process may run on."""
    return worker_count_for(job.workers)


def worker_count_for(workers: int) -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, workers or cores)


def workers_for(job: BuildJob, n_pages: int) -> int:
    return 1 if n_pages < 400 else worker_count(job)


# Pages that show lists of cards: a worker renders (and keeps) the card of each record it lists.
CARD_LISTS = ("home", "craft", "district", "collection", "campaign")


def plan_chunks(pages: list[Page], todo: list[int], workers: int) -> list[list[int]]:
    """The render pool's tasks: page indexes, in the order workers take them.

    Each language's list pages (indexes, sublists, home, craft, district, collection and campaign
    pages) go together, in as few chunks as keep the workers evenly loaded, and first: every index of
    a language shows every record's card in that language, so a worker that takes one language's lists
    renders that language's cards, and no other worker needs them. Spread over all workers, as a plain
    cut of the page order did, each worker rendered nearly every card in every language. The other
    pages follow in small chunks that even out the load. Output does not depend on the chunks.
    """
    size = max(50, len(todo) // (workers * 8)) if workers > 1 else 200
    if workers == 1:
        return [todo[i:i + size] for i in range(0, len(todo), size)]
    lists: dict[str, list[int]] = {}
    rest: list[int] = []
    for i in todo:
        page = pages[i]
        if page.kind.endswith("_index") or page.kind in CARD_LISTS:
            lists.setdefault(page.locale, []).append(i)
        else:
            rest.append(i)
    cap = max(size, len(todo) // (workers * 2))
    chunks: list[list[int]] = []
    for locale in sorted(lists, key=lambda loc: (-len(lists[loc]), loc)):
        found = lists[locale]
        chunks += [found[i:i + cap] for i in range(0, len(found), cap)]
    return chunks + [rest[i:i + size] for i in range(0, len(rest), size)]


def _run_chunks(chunks: list[list[int]], workers: int, progress: bool = False,
                meanwhile: Callable[[bool], object] | None = None,
                take: Callable[[list], object] | None = None) -> list[tuple[str, bool, frozenset, str | None]]:
    """Render ``chunks`` of page indexes, in ``workers`` forked processes when more than one; ``take``
    sees each chunk's results as they arrive (in this process)."""
    results: list[tuple[str, bool, frozenset, str | None]] = []
    total = sum(map(len, chunks))
    bar = None
    if progress:
        from tqdm import tqdm  # only on a terminal: importing it costs as much as rendering 100 pages

        bar = tqdm(total=total, unit="page", desc="render", file=sys.stderr, leave=False)
    if workers == 1:
        parts = map(_render_chunk, chunks)
        pool = None
    else:
        # Objects created so far are shared with the workers copy-on-write; freezing them keeps the
        # garbage collector from touching (and so copying) every page of them in each worker. (No
        # collection first: the build makes little garbage, and a full collection walks every object.)
        gc.freeze()
        pool = multiprocessing.get_context("fork").Pool(workers)
        parts = pool.imap_unordered(_render_chunk, chunks)
    try:
        if pool is not None and meanwhile is not None:
            meanwhile(True)  # the pool's own threads collect the workers' results in the meantime
        for part in parts:
            results.extend(part)
            if take is not None:
                take(part)
            if bar is not None:
                bar.update(len(part))
        if pool is None and meanwhile is not None:
            meanwhile(False)
    finally:
        if pool is not None:
            if sys.exc_info()[0]:
                pool.terminate()
            else:
                pool.close()
            pool.join()
            gc.unfreeze()
        if bar is not None:
            bar.close()
    results.sort(key=lambda r: r[0])
    return results


@functools.cache
def code_hash() -> str:
    """The build code itself: a change to how pages are made (JSON-LD, URLs...) changes every page."""
    h = hashlib.sha256()
    for path in sorted(Path(__file__).parent.rglob("*.py")):
        h.update(path.read_bytes())
    return h.hexdigest()


def translations_hash(theme_dir: Path) -> str:
    h = hashlib.sha256()
    for po in sorted((theme_dir / "translations").rglob("*.po")):
        h.update(po.read_bytes())
    return h.hexdigest()


def write_images(job: BuildJob, images) -> None:
    """Plan every rendition any page uses (rendered now or earlier), encode what is missing, link them."""
    wanted = sorted(set().union(*job.new_state.requests.values())) if job.new_state.requests else []
    for request in wanted:
        if request not in job.planned_images:  # planned while the pages came back (``render_pages``)
            images.plan(request)
    job.planned_images.clear()
    images.write()
    job.output.produced.update(images.output_files())
    job.report.images = images.stats


def write_site_files(job: BuildJob, renderer: Renderer, relations) -> None:
    """404 page, sitemap, robots.txt, story feeds and redirect rules."""
    from . import seo

    out = job.output
    for locale in LOCALES:
        page = Page(urls.prefix(locale) + "404.html", "404.html", locale, {},
                    {loc: urls.prefix(loc) + "404.html" for loc in LOCALES}, kind="404")
        out.write(page.url, renderer.render(page).encode())
    write_feeds(out, job.catalog, renderer, relations)
    out.write("sitemap.xml", seo.sitemap(job.pages, renderer.absolute))
    out.write("robots.txt", seo.robots(renderer.absolute))
    out.write("_redirects", seo.redirects(job.catalog))


def write_feeds(out: OutputTree, catalog: Catalog, renderer: Renderer, relations) -> None:
    """The story feed of each language."""
    from . import seo
    from .render import SITE_NAME

    for locale in LOCALES:
        title = f"{SITE_NAME[locale]} — " + renderer.translations[locale].gettext("Stories")
        out.write(urls.feed(locale), seo.atom_feed(catalog, relations.stories_by_date, locale, title,
                                                   renderer.absolute))


def write_search_index(job: BuildJob, images, busy: bool = False) -> None:
    """Index the catalog for search, in this process (``SearchStage``); thumbnails are requested here,
    so this runs before images are written.

    ``busy``: the render workers are running, so the index is made in this one process (forking more
    workers would only add memory: the cores are taken).
    """
    from .search import write_index

    t = time.perf_counter()

    # Files go through the output tree, so unchanged index files keep their mtime.
    keep: dict = {}
    job.report.search = write_index(job.catalog, None, job.cache_dir,
                                    thumbnail=lambda image: images.thumbnail(image).url,
                                    workers=1 if busy else job.workers, write=job.output.write, full=job.full,
                                    previous=job.search_previous, keep=keep, memo=job.search_memo,
                                    keep_file=job.output.keep)
    job.search_state = keep["state"]
    job.timed("search", t)


def pelican_settings(content_dir: Path, output_dir: Path, base_url: str, publish: bool = False) -> dict:
    from pelican.settings import read_settings

    conf = SITE_DIR / ("publishconf.py" if publish else "pelicanconf.py")
    override: dict[str, Any] = {"PATH": str(content_dir), "OUTPUT_PATH": str(output_dir)}
    if base_url:
        override["SITEURL"] = base_url
    return read_settings(str(conf), override=override)


def build(content_dir: Path, output_dir: Path, base_url: str = "", cache_dir: Path | None = None,
          theme_dir: Path | None = None, publish: bool = False, *, workers: int = 0,
          full: bool = False, progress: bool = False) -> BuildReport:
    """Build ``content_dir`` into ``output_dir`` through Pelican; raise on failure, output untouched.

    Incremental unless ``full``: when no input file changed since the last build (same content, theme,
    code and settings, and the output is the one that build made) nothing is done at all; otherwise
    pages whose inputs did not change are not rendered again (see ``chinar.incremental``). ``workers``
    processes render pages (default: one per core); the output is the same whatever the number.
    """
    content_dir, output_dir = Path(content_dir).resolve(), Path(output_dir).resolve()
    with collector_paused():
        ahead = read_ahead(content_dir, Path(cache_dir).resolve() if cache_dir else DEFAULT_CACHE_DIR, workers,
                           full)
        try:
            return _build(content_dir, output_dir, base_url, cache_dir, theme_dir, publish, workers, full,
                          progress, ahead)
        finally:
            if ahead is not None:
                ahead.close()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection in this process, and the ones it forks, until the block ends.

    A build allocates millions of objects it keeps (records, pages, search postings), and the
    collector, triggered by allocation counts, walked them again and again: 0.3 CPU-seconds of a
    1,000-artisan build (``gc.callbacks`` timing), in every process. The build makes little cyclic
    garbage; what it makes is collected once the block ends.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build(content_dir: Path, output_dir: Path, base_url: str, cache_dir: Path | None, theme_dir: Path | None,
           publish: bool, workers: int, full: bool, progress: bool, ahead: ReadAhead | None) -> BuildReport:
    from pelican import Pelican
    from pelican.log import console

    start = time.perf_counter()
    settings = pelican_settings(content_dir, output_dir, base_url, publish)
    cache_dir = Path(cache_dir or SITE_DIR / settings["CHINAR_CACHE_PATH"]).resolve()
    theme_dir = Path(theme_dir or settings["THEME"]).resolve()
    base_url = settings["SITEURL"] or "http://localhost:8000"
    signature = inputs_signature(content_dir, theme_dir, base_url)
    if not full and read_signature(cache_dir) == (signature, output_identity(output_dir)):
        log.info("nothing changed since the last build of %s", output_dir)
        return BuildReport(seconds={"total": round(time.perf_counter() - start, 3)})

    tree = OutputTree(output_dir)
    staging = tree.open()
    try:
        settings["OUTPUT_PATH"] = str(staging)
        job = BuildJob(content_dir=content_dir, output=tree, base_url=base_url, cache_dir=cache_dir,
                       theme_dir=theme_dir, workers=workers, full=full, progress=progress, ahead=ahead)
        settings["CHINAR_JOB"] = job
        quiet, console.quiet = console.quiet, True  # Pelican's summary counts Markdown articles: always 0 here
        try:
            Pelican(settings).run()
        finally:
            console.quiet = quiet
        tree.commit(job.state.outputs or None)
        job.new_state.outputs = set(tree.produced)
        job.new_state.save(job.cache_dir)
        write_signature(cache_dir, signature, output_identity(output_dir))
    except BaseException:
        tree.abort()
        raise
    job.report.written, job.report.unchanged, job.report.removed = len(tree.written), tree.unchanged, len(tree.removed)
    job.report.changed_files, job.report.removed_files = tree.moved, tree.removed
    job.report.seconds["total"] = round(time.perf_counter() - start, 3)
    return job.report


def read_ahead(content_dir: Path, cache_dir: Path, workers: int, full: bool) -> ReadAhead | None:
    """Start reading every record now, before Pelican is imported and the build set up (a few tenths
    of a second on one core), when the build will read them all anyway: ``full``, or no cached state.

    ``cache_dir`` is the one given, else the default: Pelican's settings, which may name another,
    are not read yet. A wrong guess costs nothing but the work: ``load_catalog`` uses the results only
    if they are of the files it needs read.
    """
    if not full and (cache_dir / "build-state.pickle").exists():
        return None
    prepare_validators(cache_dir)  # before the fork: the workers inherit them
    return ReadAhead(list(record_files(content_dir)), worker_count_for(workers))


def inputs_signature(content_dir: Path, theme_dir: Path, base_url: str) -> str:
    """Everything a build reads, by stat: content, theme, the build code itself, and the settings."""
    return tree_signature(content_dir, theme_dir, Path(__file__).parent, SITE_DIR / "pelicanconf.py",
                          SITE_DIR / "publishconf.py") + "|" + base_url


def output_identity(output_dir: Path) -> str:
    """The output folder a build made (each build swaps in a new one), to notice it was replaced or removed."""
    try:
        st = output_dir.stat()
    except FileNotFoundError:
        return "missing"
    return f"{st.st_dev}:{st.st_ino}"


def read_signature(cache_dir: Path) -> tuple[str, str] | None:
    try:
        signature, identity = (cache_dir / "build-inputs.txt").read_text().split("\n")[:2]
        return signature, identity
    except (OSError, ValueError):
        return None


def write_signature(cache_dir: Path, signature: str, identity: str) -> None:
    (cache_dir / "build-inputs.txt").write_text(f"{signature}\n{identity}\n")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"), help="content directory (default: content)")
    parser.add_argument("--output", type=Path, default=Path("output"), help="output directory (default: output)")
    parser.add_argument("--base-url", default="", help="absolute site URL for canonical links, feeds and sitemap")
    parser.add_argument("--cache", type=Path, default=None, help="cache directory (default: .cache)")
    parser.add_argument("--publish", action="store_true", help="use site/publishconf.py (production settings)")
    parser.add_argument("--full", action="store_true", help="ignore what the last build recorded: render every page")
    parser.add_argument("--workers", type=int, default=0, help="rendering processes (default: one per core)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar, even on a terminal")


def run(args: argparse.Namespace) -> int:
    from .images import ImageError

    start = time.perf_counter()
    try:
        report = build(args.content, args.output, args.base_url, args.cache, publish=args.publish,
                       workers=args.workers, full=args.full, progress=sys.stderr.isatty() and not args.no_progress)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"build failed: {len(exc.problems)} problem(s) in {args.content}; {args.output} left unchanged",
              file=sys.stderr)
        return 1
    except (ImageError, BuildError) as exc:
        print(f"build failed: {exc}; {args.output} left unchanged", file=sys.stderr)
        return 1
    print(summary(report, args.output, time.perf_counter() - start))
    return 0


def summary(report: BuildReport, output: Path, took: float) -> str:
    """The closing lines of ``chinar build``: what was done, and where the time went."""
    if not report.pages:
        return f"{output}: nothing changed since the last build, 0 files written ({took:.2f}s)"
    img = report.images
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in report.seconds.items() if k != "total")
    return (f"built {output} in {took:.1f}s: {report.pages} pages, {report.rendered} rendered, "
            f"{report.pages - report.rendered} unchanged; files {report.written} written, {report.unchanged} "
            f"identical, {report.removed} removed; images {img.get('encoded', 0)} encoded, "
            f"{img.get('reused', 0)} reused\nstages: {stages}")


__all__ = ["build", "generate", "BuildJob", "BuildReport", "BuildError"]
