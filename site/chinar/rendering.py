"""The render stage: the pages whose inputs changed, rendered on every core the policy gives.

Which pages: a page is rendered when its *fingerprint* (``incremental.page_fingerprint``: the records it
holds, by content, its templates, the translations, the static files, the code and the site URL) differs
from the last build's, or its file left the output. A build that listed every page fingerprints every
page; an edit in place fingerprints only the pages holding the edited records. A fresh build renders
everything, and its workers compute the fingerprints (they cost no serial time there).

How: pages are rendered on a fork pool (objects frozen out of the garbage collector first, so workers
share them copy-on-write) and written by the workers. Each language's list pages form one task, taken
first (``plan_chunks``): every index of a language shows every record's card, so one worker renders a
language's cards instead of every worker rendering all of them.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import multiprocessing
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import urls
from .errors import BuildError
from .faults import crash_point
from .incremental import STATE_VERSION, TemplateFingerprints, page_fingerprint
from .output import OutputTree
from .pages import Page
from .policy import worker_started
from .record_types import RECORD_TYPES

if TYPE_CHECKING:
    from .job import BuildJob
    from .render import Renderer

Result = tuple[str, bool, frozenset, "str | None"]  # (url, written?, image requests, fingerprint)

# Pages that show lists of cards: a worker renders (and keeps) the card of each record it lists.
CARD_LISTS = ("home", *(t.name for t in RECORD_TYPES if t.lists_cards))

_WORK: dict[str, Any] = {}  # set before forking: worker processes inherit the renderer and pages


def _render_chunk(indexes: list[int]) -> list[Result]:
    """Render pages by index into staging; return (url, written?, image requests, fingerprint) for each.

    The fingerprint is computed here only on a fresh build (``_WORK["fingerprints"]`` set), where the
    parent has not needed it to decide what to render: that way it costs no serial time.
    """
    renderer: Renderer = _WORK["renderer"]
    pages: list[Page] = _WORK["pages"]
    tree: OutputTree = _WORK["tree"]
    template_fps: dict[str, str] | None = _WORK["fingerprints"]
    if _WORK["pooled"]:  # chunks are planned by language (``plan_chunks``): the others' cards are done with
        renderer.keep_cards_of({pages[i].locale for i in indexes})
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
    crash_point("render worker")
    return out


def template_fingerprints(job: BuildJob, static_hash: str) -> dict[str, str]:
    """Each page template's fingerprint: its source with everything it extends, imports or includes, and
    what every page depends on (site URL, static files, translations, the build code)."""
    renderer = job.renderer
    extra = "\n".join([job.base_url, static_hash, translations_hash(job.theme_dir), code_hash(), str(STATE_VERSION)])
    memo = None
    if renderer.bytecode_dir is not None:
        import jinja2  # what a template references is what this Jinja's parser finds

        memo = renderer.bytecode_dir / f"references-{jinja2.__version__}.json"
    templates = TemplateFingerprints(renderer.envs["en"], extra, memo)
    found = {name: templates.fingerprint(name) for name in sorted({p.template for p in job.pages})}
    templates.save()
    return found


def render_pages(job: BuildJob, candidates: list[int] | None, static_hash: str,
                 meanwhile: Callable[[bool], object] | None = None,
                 take: Callable[[list[Result]], object] | None = None) -> list[Result]:
    """Render the pages among ``candidates`` (indexes into ``job.pages``; None: every page) whose fingerprint
    changed, or all of them on a fresh build; record their fingerprints and image requests in
    ``job.new_state``. Returns what each rendered page gave (url, written?, requests, fingerprint).

    ``meanwhile(busy)`` runs in this process while worker processes render (``busy`` True: the cores are
    taken), or after the pages when they are rendered here: work that does not depend on the pages, done
    while this process would otherwise only wait. ``take(part)`` sees each batch of results as it arrives.
    """
    renderer = job.renderer
    template_fps = job.template_fps = template_fingerprints(job, static_hash)
    pages, state, new_state = job.pages, job.state, job.new_state
    fresh = not state.pages and candidates is None  # a full build, or no usable state: every page is rendered
    todo: list[int] = []
    if fresh:
        todo = list(range(len(pages)))
    else:
        for i in range(len(pages)) if candidates is None else candidates:
            page = pages[i]
            fp = page_fingerprint(page, template_fps[page.template])
            rel = urls.output_file(page.url)
            old = state.pages.get(page.url)
            new_state.pages[page.url] = fp
            if old is not None and old == fp and page.url in state.requests and job.output.exists(rel):
                job.output.produced.add(rel)
                new_state.requests[page.url] = state.requests[page.url]
            else:
                todo.append(i)
    job.rendering = None if fresh else todo
    workers = job.policy.render_processes(len(todo))
    if workers > 1:  # about to fork: compile the templates once, here, rather than in every worker
        renderer.load_templates()
    _WORK.update(renderer=renderer, pages=pages, tree=job.output, fingerprints=template_fps if fresh else None,
                 pooled=workers > 1)
    try:
        results = run_chunks(plan_chunks(pages, todo, workers), workers, job, meanwhile, take)
    finally:
        _WORK.clear()
    for url, written, requests, fp in results:
        rel = urls.output_file(url)
        job.output.produced.add(rel)
        if written:
            job.output.written.append(rel)
        else:
            job.output.unchanged += 1
        new_state.requests[url] = requests
        if fp is not None:
            new_state.pages[url] = fp
    job.report.pages = len(pages)
    job.report.rendered = len(todo)
    return results


def is_list(page: Page) -> bool:
    """A page that shows a list of cards (an index, a sublist, the home page, a craft's or district's page)."""
    return page.kind.endswith("_index") or page.kind in CARD_LISTS


def plan_chunks(pages: list[Page], todo: list[int], workers: int) -> list[list[int]]:
    """The render pool's tasks: page indexes, in the order workers take them.

    Each language's list pages (indexes, sublists, home, and the pages of types that list cards) go
    together, in as few chunks as keep the workers evenly loaded, and first: every index of a language
    shows every record's card in that language, so a worker that takes one language's lists renders that
    language's cards, and no other worker needs them. Spread over all workers, as a plain cut of the page
    order did, each worker rendered nearly every card in every language. The other pages follow in small
    chunks that even out the load. Output does not depend on the chunks.
    """
    size = max(50, len(todo) // (workers * 8)) if workers > 1 else 200
    if workers == 1:
        return [todo[i:i + size] for i in range(0, len(todo), size)]
    lists: dict[str, list[int]] = {}
    rest: list[int] = []
    for i in todo:
        page = pages[i]
        if is_list(page):
            lists.setdefault(page.locale, []).append(i)
        else:
            rest.append(i)
    cap = max(size, len(todo) // (workers * 2))
    chunks: list[list[int]] = []
    for locale in sorted(lists, key=lambda loc: (-len(lists[loc]), loc)):
        found = lists[locale]
        chunks += [found[i:i + cap] for i in range(0, len(found), cap)]
    return chunks + [rest[i:i + size] for i in range(0, len(rest), size)]


def run_chunks(chunks: list[list[int]], workers: int, job: BuildJob,
               meanwhile: Callable[[bool], object] | None = None,
               take: Callable[[list[Result]], object] | None = None) -> list[Result]:
    """Render ``chunks`` of page indexes, in ``workers`` forked processes when more than one; ``take``
    sees each chunk's results as they arrive (in this process)."""
    results: list[Result] = []
    total = sum(map(len, chunks))
    with job.progress.stage("render", total=total, unit="page") as bar:
        if workers == 1:
            parts: Iterable[list[Result]] = map(_render_chunk, chunks)
            pool = None
        else:
            # Objects created so far are shared with the workers copy-on-write; freezing them keeps the
            # garbage collector from touching (and so copying) every page of them in each worker. (No
            # collection first: the build makes little garbage, and a full collection walks every object.)
            # A process pool that notices a worker dying (killed, out of memory) and says so: a plain
            # multiprocessing.Pool replaces the worker and waits for its batch for ever.
            gc.freeze()
            pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                       initializer=worker_started)
            parts = _completed(pool, [pool.submit(_render_chunk, chunk) for chunk in chunks])
        try:
            if pool is not None and meanwhile is not None:
                meanwhile(True)  # the pool's own threads collect the workers' results in the meantime
            for part in parts:
                results.extend(part)
                if take is not None:
                    take(part)
                bar.update(len(part))
                crash_point("pages rendered")
            if pool is None and meanwhile is not None:
                meanwhile(False)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=sys.exc_info()[0] is not None)
                gc.unfreeze()
    results.sort(key=lambda r: r[0])
    return results


def _completed(pool: ProcessPoolExecutor, futures: list[Future]) -> Iterator[list[Result]]:
    """Each batch's results as it is done; a worker that died fails the build, naming what happened."""
    for future in as_completed(futures):
        try:
            yield future.result()
        except BrokenProcessPool as exc:
            raise BuildError(f"a render worker process ended abruptly (killed, or out of memory?): {exc}") from exc


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
