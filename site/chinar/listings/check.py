"""Checking listings: each URL fetched (``fetch``), its page read (``structured``), an ``Outcome`` made.

``run_checks`` is the whole job for a list of listings and never raises for a listing: whatever a
marketplace answers, or fails to, becomes a recorded outcome. It stops at ``budget`` seconds, and the
listings it did not reach are ``not_checked``. Conditional requests (If-None-Match /
If-Modified-Since from the previous check) make a re-check of an unchanged page a 304 without a body.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import aiohttp

from .. import __version__
from ..marketplaces import Marketplace, Registry, registry
from . import outcome as o
from .fetch import HTML_TYPES, HostGate, PublicResolver, Robots, TooLarge, read_body
from .structured import extract_offer

log = logging.getLogger(__name__)

USER_AGENT = f"ChinarListingChecker/{__version__} (+https://chinar.example.in/about/; checks listing links once a day)"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass
class CheckSettings:
    user_agent: str = USER_AGENT
    per_host: int = 8  # requests at once to one host
    delay: float = 0.05  # seconds between request starts to one host (robots.txt Crawl-delay wins if longer)
    timeout: float = 20.0  # one request, start to last byte
    connect_timeout: float = 10.0
    retries: int = 2  # after the first try, for timeouts, connection errors, 429 and 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled each time (or the server's Retry-After)
    max_bytes: int = 4_000_000  # a page's body after decompression
    max_redirects: int = 5
    budget: float = 1800.0  # the whole run
    resolver: object | None = None  # tests: ``fetch.MappedResolver``; production: public addresses only
    ssl_context: ssl.SSLContext | None = None  # tests: a context trusting their local CA
    registry: Registry | None = None


@dataclass(frozen=True)
class Target:
    url: str
    marketplace: str


@dataclass(frozen=True)
class Previous:
    """What the last check of a URL left for this one: validators, and the values a 304 confirms."""

    etag: str = ""
    last_modified: str = ""
    price_inr: int | None = None
    currency: str = ""
    availability: str | None = None
    price_valid_until: str | None = None


@dataclass
class _Run:
    settings: CheckSettings
    session: aiohttp.ClientSession
    robots: Robots
    deadline: float
    gates: dict[str, HostGate] = field(default_factory=dict)

    def gate(self, host: str) -> HostGate:
        gate = self.gates.get(host)
        if gate is None:
            gate = self.gates[host] = HostGate(self.settings.per_host, self.settings.delay)
        return gate

    def left(self) -> float:
        return self.deadline - time.monotonic()


def run_checks(targets: Iterable[Target], previous: dict[str, Previous] | None = None,
               settings: CheckSettings | None = None) -> list[o.Outcome]:
    """Check every target (each URL once), in the order given; a blocking call (its own event loop, in a
    thread of its own when the caller's thread already runs one: a Django async view, a notebook, a test
    that drives a browser through Playwright's sync API)."""
    work = check_all(list(targets), previous or {}, settings or CheckSettings())
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(work)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="listings-check") as pool:
        return pool.submit(asyncio.run, work).result()


async def check_all(targets: list[Target], previous: dict[str, Previous], settings: CheckSettings) -> list[o.Outcome]:
    reg = settings.registry or registry()
    connector = aiohttp.TCPConnector(limit=0, limit_per_host=settings.per_host,
                                     resolver=settings.resolver or PublicResolver(),
                                     ssl=settings.ssl_context if settings.ssl_context is not None else True,
                                     ttl_dns_cache=600)
    timeout = aiohttp.ClientTimeout(total=settings.timeout, connect=settings.connect_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
               "Accept-Encoding": "gzip, deflate", "Accept-Language": "en-IN,en;q=0.8"}
    async with aiohttp.ClientSession(connector=connector, timeout=timeout, headers=headers,
                                     auto_decompress=False) as session:
        run = _Run(settings, session, Robots(session, settings.user_agent, settings.timeout),
                   time.monotonic() + settings.budget)
        unique = list(dict.fromkeys(targets))
        tasks = [asyncio.ensure_future(_check_one(run, t, reg.get(t.marketplace), previous.get(t.url)))
                 for t in unique]
        done, pending = await asyncio.wait(tasks, timeout=max(0.0, run.left())) if tasks else (set(), set())
        for task in pending:
            task.cancel()
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
        results = []
        for target, task in zip(unique, tasks, strict=True):
            if task in done and not task.cancelled() and task.exception() is None:
                results.append(task.result())
            elif task in done and not task.cancelled():
                log.exception("checking %s failed", target.url, exc_info=task.exception())
                results.append(o.Outcome(target.url, o.CONNECTION_ERROR, f"checker error: {task.exception()!r}"))
            else:
                results.append(o.Outcome(target.url, o.NOT_CHECKED,
                                         f"not reached within the run's time budget ({settings.budget:.0f} s)"))
    return results


async def _check_one(run: _Run, target: Target, market: Marketplace | None, previous: Previous | None) -> o.Outcome:
    started = time.monotonic()
    result = await _follow(run, target, market, previous)
    result.elapsed_ms = int((time.monotonic() - started) * 1000)
    return result


async def _follow(run: _Run, target: Target, market: Marketplace | None, previous: Previous | None) -> o.Outcome:
    """Fetch ``target.url``, following redirects one hop at a time (each checked against the marketplace)."""
    url = target.url
    if market is None:
        return o.Outcome(url, o.CONNECTION_ERROR, f"unknown marketplace {target.marketplace!r}: not fetched")
    seen = [url]
    for _hop in range(run.settings.max_redirects + 1):
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        gate = run.gate(parts.netloc)
        refused, why = await run.robots.allowed(url, origin, gate)
        if refused:
            message = f"not fetched: {why} ({url})" if refused == o.BLOCKED_BY_ROBOTS else f"{why} ({url})"
            return o.Outcome(target.url, refused, message, final_url=_moved(url, target))
        conditional = previous if url == target.url else None
        answer = await _request(run, url, gate, conditional)
        if isinstance(answer, o.Outcome):
            answer.url, answer.final_url = target.url, _moved(url, target)
            return answer
        resp, body = answer
        status = resp.status
        if status in (301, 302, 303, 307, 308):
            location = resp.headers.get("Location", "")
            if not location:
                return o.Outcome(target.url, o.SERVER_ERROR, f"HTTP {status} without a Location ({url})", status)
            nxt = urljoin(url, location)
            if nxt in seen:
                chain = " → ".join([*seen[seen.index(nxt):], nxt])
                return o.Outcome(target.url, o.REDIRECT_LOOP, f"redirect loop: {chain}", status, nxt)
            seen.append(nxt)
            dead = _dead_end(market, nxt)
            if dead:
                return o.Outcome(target.url, o.DEAD_REDIRECT, f"redirected {dead}: {nxt}", status, nxt)
            url = nxt
            continue
        return _classify(target, market, previous, url, resp, body)
    return o.Outcome(target.url, o.TOO_MANY_REDIRECTS,
                     f"more than {run.settings.max_redirects} redirects: {' → '.join(seen)}", None, url)


def _moved(url: str, target: Target) -> str:
    return url if url != target.url else ""


def _dead_end(market: Marketplace, url: str) -> str:
    """Why a redirect to ``url`` means the listing is gone ('' when it may be the listing's new address)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or not market.has_host(parts.hostname or "") or parts.port is not None:
        return f"away from {market.name}"
    if market.is_search_or_home(parts.path):
        return f"to {market.name}'s {'home' if parts.path.strip('/') == '' else 'search'} page"
    return ""


async def _request(run: _Run, url: str, gate: HostGate, previous: Previous | None):
    """(response, body) for a final answer, or an ``Outcome`` for a failure after the retries."""
    headers = {}
    if previous is not None and previous.etag:
        headers["If-None-Match"] = previous.etag
    if previous is not None and previous.last_modified:
        headers["If-Modified-Since"] = previous.last_modified
    settings = run.settings
    failure: o.Outcome | None = None
    retry_after = ""
    for attempt in range(settings.retries + 1):
        if attempt:
            wait = _retry_after(retry_after, settings.backoff * 2 ** (attempt - 1))
            if wait > run.left() - settings.timeout:
                break  # no time left for another try within the budget
            await asyncio.sleep(wait)
        try:
            async with gate, run.session.get(url, headers=headers, allow_redirects=False) as resp:
                if resp.status in RETRY_STATUSES:
                    kind = o.REFUSED if resp.status == 429 else o.SERVER_ERROR
                    failure = o.Outcome(url, kind, f"HTTP {resp.status} after {attempt + 1} tries", resp.status)
                    retry_after = resp.headers.get("Retry-After", "")
                    continue
                if resp.status != 200:
                    return resp, b""
                ctype = resp.headers.get("Content-Type", "").split(";")[0].strip().lower()
                if ctype not in HTML_TYPES:
                    return o.Outcome(url, o.NOT_HTML, f"answered {ctype or 'no content type'}, not a web page",
                                     resp.status)
                try:
                    body = await read_body(resp, settings.max_bytes)
                except TooLarge as exc:
                    return o.Outcome(url, o.TOO_LARGE, f"page not read: {exc} (limit {settings.max_bytes:,})",
                                     resp.status)
                return resp, body
        except ValueError as exc:  # an encoding we do not accept
            return o.Outcome(url, o.NOT_HTML, str(exc))
        except aiohttp.ClientSSLError as exc:
            return o.Outcome(url, o.TLS_ERROR, f"TLS: {_short(exc)}")
        except (TimeoutError, aiohttp.ServerTimeoutError):
            retry_after = ""
            failure = o.Outcome(url, o.TIMEOUT, f"no complete answer within {settings.timeout:g} s "
                                                f"({attempt + 1} tries)")
        except (aiohttp.ClientError, OSError) as exc:
            retry_after = ""
            failure = o.Outcome(url, o.CONNECTION_ERROR, f"{_short(exc)} ({attempt + 1} tries)")
    assert failure is not None
    return failure


def _retry_after(value: str, default: float) -> float:
    """The server's Retry-After (seconds or a date), capped at a minute; else ``default``."""
    value = value.strip()
    if value.isdigit():
        return min(float(value), 60.0)
    if value:
        try:
            return max(0.0, min(parsedate_to_datetime(value).timestamp() - time.time(), 60.0))
        except (TypeError, ValueError):
            pass
    return default


def _short(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _classify(target: Target, market: Marketplace, previous: Previous | None, url: str,
              resp: aiohttp.ClientResponse, body: bytes) -> o.Outcome:
    status = resp.status
    moved = _moved(url, target)
    validators = {"etag": resp.headers.get("ETag", ""), "last_modified": resp.headers.get("Last-Modified", "")}
    if status == 304:
        prev = previous or Previous()
        return o.Outcome(target.url, o.UNCHANGED, "not modified since the last check", status, moved,
                         price_inr=prev.price_inr, currency=prev.currency, availability=prev.availability,
                         price_valid_until=prev.price_valid_until,
                         etag=validators["etag"] or prev.etag,
                         last_modified=validators["last_modified"] or prev.last_modified)
    if status == 404:
        return o.Outcome(target.url, o.NOT_FOUND, f"HTTP 404 Not Found ({url})", status, moved)
    if status == 410:
        return o.Outcome(target.url, o.GONE, f"HTTP 410 Gone ({url})", status, moved)
    if status >= 500:
        return o.Outcome(target.url, o.SERVER_ERROR, f"HTTP {status}", status, moved)
    if status != 200:
        return o.Outcome(target.url, o.REFUSED, f"HTTP {status}", status, moved)
    kind = o.REDIRECTED if moved else o.OK
    message = f"works, at {url}" if moved else "works"
    result = o.Outcome(target.url, kind, message, status, moved, **validators)
    if not market.schema_org:
        return result
    stated = extract_offer(body, url, resp.charset)
    result.notes = stated.notes
    if not stated.found:
        return o.Outcome(target.url, o.NO_PRODUCT_DATA,
                         f"{market.name} pages carry schema.org product data; this one has none (a blocked or "
                         "changed page?)", status, moved, notes=stated.notes)
    result.price_inr, result.price_text, result.currency = stated.price_inr, stated.price_text, stated.currency
    result.availability, result.price_valid_until = stated.availability, stated.price_valid_until
    return result
