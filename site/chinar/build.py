"""``chinar build``: the build pipeline — one for every route.

``generate`` reads top to bottom as the whole build: load and check the records, list the pages, render
the ones that changed, write the site files, index for search, encode and link the images. It is the
same function for a full build, for ``chinar build`` after some edits (its state read from the cache
directory) and for an edit kept in memory (``chinar serve --watch``, the publisher: ``chinar.resident``).
Only what each stage has to do differs: when a change is an *edit in place* (``chinar.changes``), the
stages reuse the last build's pages, renderer and search state and work on the records it touched;
otherwise they list every page and let the fingerprints decide what to render.

``build`` wraps it for ``chinar build``: settings, the no-op check, the output tree (files are staged
beside the live output and swapped in only when every stage succeeded, so a failed build leaves the last
good output in place), and the state for the next build. Plugins (``PLUGINS`` in the settings) connect
to ``chinar.signals``, sent by ``generate`` on every route.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import logging
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from . import assets, shards, signals, urls
from .catalog import Catalog, Record
from .changes import in_place_edits
from .content import ReadAhead, load_catalog, record_files
from .errors import BuildError, ContentError
from .incremental import BuildState, tree_signature
from .job import BuildJob, BuildReport
from .languages import LOCALES
from .output import OutputTree
from .pages import Page, build_pages
from .policy import BuildPolicy
from .progress import Progress
from .relations import resolve
from .rendering import Result, code_hash, render_pages, template_cache_dir
from .settings import SITE_DIR, Settings, load_plugins, read_settings, settings_file
from .shards import Shard
from .validate import image_srcs, media_problems, prepare_validators

log = logging.getLogger(__name__)


def generate(job: BuildJob) -> None:
    """The stages of a build, in order, writing into ``job.output`` (staging)."""
    # Imported here, while the records are being read (``read_ahead``), rather than before that starts:
    # Jinja, Babel (``render``) and the XML helpers (``seo``) are a few tenths of a second on one core.
    from . import render, seo  # noqa: F401
    from .search.stage import SearchStage

    signals.build_started.send(job)
    t = time.perf_counter()
    in_place = job.in_place = load_records(job)
    job.timed("load", t)
    if job.touched:
        job.report.pages = len(job.pages)
        return  # files touched or copied, nothing in them changed
    signals.catalog_loaded.send(job)

    t = time.perf_counter()
    job.images = job.previous.images if in_place else image_pipeline(job)
    search = SearchStage(job, job.images, in_place)  # from here on, beside everything else
    try:
        candidates = list_pages(job, in_place)
        if job.shard is not None:  # a shard renders its slice of the pages (``chinar.shards``)
            candidates = [i for i in (candidates or range(len(job.pages))) if job.shard.holds(job.pages[i].url)]
        job.timed("resolve", t)
        signals.pages_listed.send(job)

        t = time.perf_counter()
        static_hash = prepare_renderer(job, in_place)

        def meanwhile(busy: bool) -> None:  # while the workers render: what needs only the list of pages
            if job.shard is None:  # the site files are the merge's
                write_site_files(job)
            search.meanwhile(busy)

        if job.merged is not None:  # a merge takes the pages its shards rendered
            _take_shard_pages(job)
            meanwhile(False)
        else:
            render_pages(job, candidates, static_hash, meanwhile, take=lambda part: note_images(job, part, in_place))
        job.timed("render", t)
        search.finish()  # its thumbnails are planned now, so before the images are written
    except BaseException:
        search.stop()
        raise

    t = time.perf_counter()
    write_images(job, in_place)
    job.timed("images", t)
    signals.build_finished.send(job)


# -- the stages ---------------------------------------------------------------------------------------

def load_records(job: BuildJob) -> bool:
    """Read and check the records into ``job.catalog``; True for an edit in place.

    An edit in place (``changes.in_place_edits``) updates the last build's record objects where they are,
    so every page holding them sees the change. Otherwise the content folder is read, reusing the records
    of unchanged files (the last build's, in memory or from the cache).
    """
    prev = job.previous
    if prev is not None and not job.full:
        edits = in_place_edits(job.changes, job.content_dir, prev.catalog, prev.new_state.records)
        if edits is not None:
            check_media((data for _sig, data in edits.values()), prev.images)  # before anything is changed
            carry_in_place(job, prev)
            for rel, (sig, data) in edits.items():
                rec = job.new_state.records[rel][1]
                job.new_state.records[rel] = (sig, rec)
                if data["_hash"] != rec["_hash"]:
                    rec.clear()
                    rec.update(data)
                    note_record_media(rec, job.images.content_hash)
                    job.edited.append(rec)
            if job.edited:  # the output moves on from the last build's files (a touch leaves them be)
                job.output.produced = set(prev.new_state.outputs)
            return True
    if job.full:
        job.state = BuildState()
    else:
        job.state = prev.new_state if prev is not None else BuildState.load(job.cache_dir)
    job.new_state.records = dict(job.state.records)
    prepare_validators(job.cache_dir)
    job.catalog = load_catalog(job.content_dir, record_cache=job.new_state.records, policy=job.policy,
                               ahead=job.ahead, progress=job.progress)
    return False


def carry_in_place(job: BuildJob, prev: BuildJob) -> None:
    """An edit in place starts from the last build: its state (updated in place), catalog, pages, renderer,
    images and search, and the indexes made over them. Its output is the last build's files (set by
    ``load_records`` once an edit is found); the search and image stages replace what changes of theirs."""
    job.state = job.new_state = prev.new_state
    for name in ("catalog", "relations", "pages", "renderer", "static", "images", "request_files", "search_state",
                 "search_memo", "_holders", "_search_index", "_image_use"):
        setattr(job, name, getattr(prev, name))


def image_pipeline(job: BuildJob):
    from .images import ImagePipeline

    return ImagePipeline(media_root=job.content_dir / "media", output_dir=job.output.staging,
                         cache_dir=job.cache_dir / "images", workers=job.policy.encoding_processes,
                         progress=job.progress)


def list_pages(job: BuildJob, in_place: bool) -> list[int] | None:
    """Every page of the site in ``job.pages``; returns the pages to fingerprint (None: all of them).

    An edit in place keeps the page list (every record kept its structure), so only the pages holding an
    edited record can have changed."""
    if in_place:
        holders = job.holders()
        return sorted({i for rec in job.edited for i in holders.get(rec["_file"], ())})
    job.relations = resolve(job.catalog)
    note_media(job.catalog, job.images.content_hash)
    check_media(job.catalog.iter_records(), job.images)
    job.pages = build_pages(job.catalog, job.relations)
    return None


def note_media(catalog: Catalog, media_hash) -> None:
    """Fold the image originals' content hashes into each record's identity for page fingerprints.

    A replaced photo keeps its path but gets new rendition names, so pages showing it must change. By
    content, not by stat: ``chinar pull`` copies every original (new inode and ctime, same bytes), and
    a stat signature made every page showing an image render again after each pull.
    ``media_hash(src)``: ``ImagePipeline.content_hash``, which remembers hashes by stat signature.
    """
    for rec in catalog.iter_records():
        note_record_media(rec, media_hash)


def check_media(records: Iterable[Record], images) -> None:
    """Raise ContentError naming every use of an original that cannot be built (record file, JSON pointer,
    file, why), not only the first, before any page is rendered: the checks ``chinar check`` makes
    (``ImagePipeline.problem``; the originals were probed already, by ``note_media``)."""
    problems = media_problems(records, images.problem)
    if problems:
        raise ContentError(problems)


def encode_images(job: BuildJob) -> None:
    """``ImagePipeline.write``; damage found only by decoding is named the way ``check_media`` names it."""
    from .images import ImageError

    try:
        job.images.write()
    except ImageError:
        check_media(job.catalog.iter_records(), job.images)
        raise


def note_record_media(rec: dict, media_hash) -> None:
    """``note_media`` for one record."""
    rec["_media"] = "|".join(map(media_hash, image_srcs(rec)))


def prepare_renderer(job: BuildJob, in_place: bool) -> str:
    """The theme's static files and the renderer; returns the static files' hash (pages depend on it).

    An edit in place keeps the last renderer (its compiled templates, pictures and cards), forgetting the
    cards of the edited records."""
    if in_place:
        job.renderer.forget_cards({rec["id"] for rec in job.edited})
        return job.static[1]
    from .render import Renderer

    mapping = assets.collect(job.theme_dir / "static")
    for out_rel, data in mapping.values():
        job.output.write(out_rel, data)
    job.static = (mapping, repr(sorted((k, v[0]) for k, v in mapping.items())))

    def static_url(rel: str) -> str:
        try:
            return "/" + mapping[rel][0]
        except KeyError:
            raise BuildError(f"theme static file {rel!r} does not exist in {job.theme_dir / 'static'}") from None

    job.renderer = Renderer(job.theme_dir, job.base_url, static_url, picture=job.images.picture,
                            og_image=job.images.og_image, bytecode_dir=template_cache_dir(job.cache_dir))
    job.renderer.card_cache_max = job.policy.cards_kept(job.catalog.count(), len(LOCALES))
    return job.static[1]


def note_images(job: BuildJob, part: list[Result], in_place: bool) -> None:
    """As each batch of pages comes back from the render workers: plan the renditions they ask for and link
    those already encoded, while the other batches render (``write_images`` does the rest). An edit in
    place also moves the use counts from each page's old requests to its new ones."""
    for url, _written, requests, _fp in part:
        for request in requests:
            job.files_of(request)
        if in_place:
            job.image_use().page(job.state.requests.get(url, frozenset()), requests)
    job.images.link_cached()


def write_site_files(job: BuildJob) -> None:
    """404 pages, sitemap, robots.txt, story feeds and redirect rules. The sitemap works out again only the
    entries of the pages this build renders (``job.rendering``), keeping the others from the last build's
    state (``seo.update_sitemap``); an edit in place keeps the redirect rules (``pages.structure``: its
    records kept their slugs), the 404 pages and, unless it edited a story, the feeds."""
    from . import seo
    from .render import SITE_NAME

    out, renderer = job.output, job.renderer
    # An edit in place changes records only: the 404 pages show none, and the feeds only stories.
    keep_404 = job.in_place
    keep_feeds = job.in_place and all(rec["type"] != "story" for rec in job.edited)
    for locale in LOCALES:
        page = Page(urls.prefix(locale) + "404.html", "404.html", locale, {},
                    {loc: urls.prefix(loc) + "404.html" for loc in LOCALES}, kind="404")
        if keep_404 and out.exists(page.url):
            out.keep(page.url)
        else:
            out.write(page.url, renderer.render(page).encode())
        if keep_feeds and out.exists(urls.feed(locale)):
            out.keep(urls.feed(locale))
        else:
            title = f"{SITE_NAME[locale]} — " + renderer.translations[locale].gettext("Stories")
            out.write(urls.feed(locale), seo.atom_feed(job.catalog, job.relations.stories_by_date, locale, title,
                                                       renderer.absolute))
    memo = dict(job.state.sitemap) if job.rendering is not None else {}
    if job.in_place:  # the page list is the last build's
        moved = seo.refresh_sitemap((job.pages[i] for i in job.rendering), renderer.absolute, memo)
    else:
        stale = None if job.rendering is None else {job.pages[i].url for i in job.rendering}
        moved = seo.update_sitemap(job.pages, renderer.absolute, memo, stale)
    if moved or not out.exists("sitemap.xml"):
        out.write("sitemap.xml", seo.sitemap_xml(memo))
    else:  # no page's entry moved: the live file is this build's (and its state's) sitemap
        out.keep("sitemap.xml")
    job.new_state.sitemap = memo
    out.write("robots.txt", seo.robots(renderer.absolute))
    if job.in_place and out.exists("_redirects"):
        out.keep("_redirects")  # made from slugs and old slugs, which an edit in place never changes
    else:
        out.write("_redirects", seo.redirects(job.catalog))


def write_images(job: BuildJob, in_place: bool) -> None:
    """Encode the renditions the cache lacks and link every rendition in use into the output; the ones no
    page or search result uses any more leave it."""
    images = job.images
    before = images.stats
    if in_place:
        born, dead = job.image_use().settle()
        images.forget_written(born)  # new to the output, or removed from it by an earlier build: link it
        encode_images(job)
        job.output.produced -= dead
        job.output.produced |= born
        job.report.images = {k: v - before.get(k, 0) for k, v in images.stats.items()}
        return
    for requests in job.new_state.requests.values():
        for request in requests:
            job.files_of(request)
    encode_images(job)
    job.output.produced.update(images.output_files())
    job.report.images = images.stats


# -- ``chinar build`` ------------------------------------------------------------------------------------

def _take_shard_pages(job: BuildJob) -> None:
    """A merge's render stage: every page comes from the shard that rendered it (the catalog and the code
    are the same, so the page and its fingerprint are what a single build makes)."""
    for page in job.pages:
        found = job.merged.get(page.url)
        if found is None:
            raise BuildError(f"no shard rendered {page.url or 'the home page'}: were the shards built from this "
                             "catalog?")
        fingerprint, requests, site = found
        rel = urls.output_file(page.url)
        job.output.write(rel, (site / rel).read_bytes())
        job.new_state.pages[page.url] = fingerprint
        job.new_state.requests[page.url] = requests
        for request in requests:
            job.files_of(request)
    job.report.pages = len(job.pages)


def _save_shard(job: BuildJob, shard_dir: Path) -> None:
    """A shard's last stage: what the merge needs of it besides its files (``chinar.shards``)."""
    rendered = {page.url for page in job.pages if job.shard.holds(page.url)}
    pages = {url: [job.new_state.pages[url], sorted(map(list, job.new_state.requests.get(url, ())))]
             for url in sorted(rendered)}
    shards.save(shard_dir, job.shard, job.base_url, job.catalog.count(), pages, job.analysed)


def build(content_dir: Path, output_dir: Path, base_url: str = "", cache_dir: Path | None = None,
          theme_dir: Path | None = None, publish: bool = False, *, workers: int = 0, policy: BuildPolicy | None = None,
          full: bool = False, progress: bool | Progress = False, shard: Shard | None = None,
          merge: list[Path] | None = None) -> BuildReport:
    """Build ``content_dir`` into ``output_dir``; raise on failure, output untouched.

    Incremental unless ``full``: when no input file changed since the last build (same content, theme,
    code and settings, and the output is the one that build made) nothing is done at all; otherwise
    pages whose inputs did not change are not rendered again (see ``chinar.incremental``). ``policy``
    (default: this machine's, ``workers`` processes at most) decides the processes and memory; the output
    is the same whatever it says. ``shard``: build one slice into the shard folder ``output_dir``;
    ``merge``: take the pages of those shard folders (``chinar.shards``).
    """
    settings = read_settings(content_dir, output_dir, base_url, cache_dir, theme_dir, publish=publish)
    policy = policy or BuildPolicy.for_machine(workers)
    progress = progress if isinstance(progress, Progress) else Progress(enabled=progress)
    with collector_paused():
        ahead = read_ahead(settings, policy, full or shard is not None)
        try:
            if shard is not None:
                return _build_shard(settings, policy, progress, ahead, shard)
            return _build(settings, publish, policy, full, progress, ahead, merge)
        finally:
            if ahead is not None:
                ahead.close()


def _build(settings: Settings, publish: bool, policy: BuildPolicy, full: bool, progress: Progress,
           ahead: ReadAhead | None, merge: list[Path] | None = None) -> BuildReport:
    start = time.perf_counter()
    load_plugins(settings.plugins)
    signature = inputs_signature(settings, publish)
    output_dir, cache_dir = settings.output_dir, settings.cache_dir
    if not full and not merge and read_signature(cache_dir) == (signature, output_identity(output_dir)):
        log.info("nothing changed since the last build of %s", output_dir)
        return BuildReport(seconds={"total": round(time.perf_counter() - start, 3)})

    tree = OutputTree(output_dir)
    tree.open()
    tree.start_standby()
    try:
        job = new_job(settings, tree, policy, full=full, progress=progress, ahead=ahead)
        if merge:
            try:
                job.merged, job.analysed = shards.load(merge, settings.base_url)
            except ValueError as exc:
                raise BuildError(str(exc)) from exc
            shards.adopt_renditions(merge, cache_dir / "images")
        generate(job)
        forget_state(cache_dir)  # the live output is about to move ahead of it
        tree.commit(job.state.outputs or None)
        job.new_state.outputs = set(tree.produced)
        job.new_state.save(cache_dir)
        write_signature(cache_dir, signature, output_identity(output_dir))
    except BaseException:
        tree.abort()
        raise
    job.report.written, job.report.unchanged, job.report.removed = len(tree.written), tree.unchanged, len(tree.removed)
    job.report.changed_files, job.report.removed_files = tree.moved, tree.removed
    job.report.seconds["total"] = round(time.perf_counter() - start, 3)
    return job.report


def _build_shard(settings: Settings, policy: BuildPolicy, progress: Progress, ahead: ReadAhead | None,
                 shard: Shard) -> BuildReport:
    """One slice of a sharded build, from scratch, into the shard folder (``chinar.shards``); no state is
    kept for the next build (the merge keeps it)."""
    start = time.perf_counter()
    load_plugins(settings.plugins)
    shard_dir = settings.output_dir
    if shard_dir.exists() or shard_dir.is_symlink():
        shutil.rmtree(shard_dir)
    shard_dir.mkdir(parents=True)
    tree = OutputTree(shards.site_dir(shard_dir), versioned=False)
    tree.open()
    try:
        job = new_job(settings, tree, policy, full=True, progress=progress, ahead=ahead, shard=shard)
        generate(job)
        tree.commit(None)
        _save_shard(job, shard_dir)
    except BaseException:
        tree.abort()
        raise
    job.report.written, job.report.unchanged = len(tree.written), tree.unchanged
    job.report.seconds["total"] = round(time.perf_counter() - start, 3)
    return job.report


def new_job(settings: Settings, tree: OutputTree, policy: BuildPolicy, **kwargs: Any) -> BuildJob:
    """A job for ``settings`` writing into ``tree`` (``kwargs``: the other ``BuildJob`` fields)."""
    return BuildJob(content_dir=settings.content_dir, output=tree, base_url=settings.base_url,
                    cache_dir=settings.cache_dir, theme_dir=settings.theme_dir, policy=policy, **kwargs)


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


def read_ahead(settings: Settings, policy: BuildPolicy, full: bool) -> ReadAhead | None:
    """Start reading every record now, before the build is set up (a few tenths of a second on one core),
    when the build will read them all anyway: ``full``, or no cached state. ``load_catalog`` uses the
    results only if they are of the files it needs read."""
    if not full and (settings.cache_dir / "build-state.pickle").exists():
        return None
    prepare_validators(settings.cache_dir)  # before the fork: the workers inherit them
    return ReadAhead(list(record_files(settings.content_dir)), policy)


def inputs_signature(settings: Settings, publish: bool) -> str:
    """Everything a build reads, by stat: content, theme, the build code itself, and the settings."""
    return tree_signature(settings.content_dir, settings.theme_dir, Path(__file__).parent,
                          settings_file(False), settings_file(publish)) + "|" + settings.base_url


def output_identity(output_dir: Path) -> str:
    """The output folder a build made (each build swaps in a new one), to notice it was replaced or removed."""
    try:
        st = output_dir.stat()
    except FileNotFoundError:
        return "missing"
    return f"{st.st_dev}:{st.st_ino}"


def forget_state(cache_dir: Path) -> None:
    """Delete the cached build state before the output it describes is replaced. The state must describe
    the live output or not exist: a build killed between its commit and saving its own state would
    otherwise leave the last one, and the next build would take pages (and the sitemap) it rendered since
    for the older ones. Without a state, that next build renders everything."""
    for name in ("build-state.pickle", "build-inputs.txt"):
        (cache_dir / name).unlink(missing_ok=True)


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
    parser.add_argument("--theme", type=Path, default=None, help="theme directory (default: THEME of the settings)")
    parser.add_argument("--publish", action="store_true", help="use site/publishconf.py (production settings)")
    parser.add_argument("--full", action="store_true", help="ignore what the last build recorded: render every page")
    parser.add_argument("--workers", type=int, default=0, help="processes to use at most (default: one per core)")
    parser.add_argument("--memory", type=float, default=0,
                        help="memory budget in GB the build plans for (default: a quarter of the machine's, "
                             "at most 2)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars, even on a terminal")
    sharded = parser.add_argument_group("sharded builds (docs/deploy.md, \"Sharded builds\")")
    sharded.add_argument("--shard", metavar="K/N", default=None,
                         help="build only slice K of N into the shard folder --output (pages, their images, "
                              "its search documents)")
    sharded.add_argument("--merge", metavar="SHARD_DIR", nargs="+", type=Path, default=None,
                         help="merge these shard folders into --output: exactly the tree a single build makes")
    sharded.add_argument("--cluster", metavar="ADDRESS", default=None,
                         help="run the shards on this Dask scheduler (tcp://host:8786), then merge here")
    sharded.add_argument("--shards", type=int, default=2, help="how many shards --cluster runs (default: 2)")


def run(args: argparse.Namespace) -> int:
    from .images import ImageError

    start = time.perf_counter()
    policy = BuildPolicy.for_machine(args.workers, int(args.memory * 1024**3))
    content = args.content
    progress = sys.stderr.isatty() and not args.no_progress
    try:
        merge, cache = args.merge, args.cache
        if args.cluster:  # the shards run on the cluster; their merge runs here
            cache = cache or read_settings().cache_dir
            merge = shards.build_on_cluster(args.cluster, args.shards, content, args.base_url, cache, args.theme)
        report = build(content, args.output, args.base_url, cache, args.theme, publish=args.publish,
                       policy=policy, full=args.full, progress=progress, merge=merge,
                       shard=Shard.parse(args.shard) if args.shard else None)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"build failed: {len(exc.problems)} problem(s) in {content}; {args.output} left unchanged",
              file=sys.stderr)
        return 1
    except (ImageError, BuildError) as exc:
        print(f"build failed: {exc}; {args.output} left unchanged", file=sys.stderr)
        return 1
    except ValueError as exc:  # a bad --shard
        print(f"chinar build: error: {exc}", file=sys.stderr)
        return 2
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


__all__ = ["build", "generate", "BuildJob", "BuildReport", "BuildError", "SITE_DIR", "code_hash"]
