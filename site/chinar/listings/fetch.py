"""Fetching marketplace pages politely and safely, with aiohttp.

aiohttp rather than httpx: its connector takes a resolver object, so tests point each marketplace
host at a local HTTPS server (``127.0.0.1:port``) while the URL, the Host header, SNI and certificate
checks stay exactly as in production; it can hand over the raw, still-compressed body
(``auto_decompress=False``) so we decompress with a hard cap; and it does thousands of requests a
minute on one core (its C HTTP parser), which httpx's pure-Python pool does not.

- **Per host**: at most ``per_host`` requests at once, and request starts at least ``delay`` seconds
  apart (longer if robots.txt asks with Crawl-delay): ``HostGate``.
- **robots.txt** (``Robots``) read with protego: Google-style wildcards (``Disallow: /*/search``) and
  Crawl-delay, which the standard library's robotparser does not understand; an unreachable
  robots.txt (5xx, timeout) means "disallow everything" for this run (RFC 9309).
- **Bounded**: a total timeout per request, a body cap counted after decompression (a gzip bomb stops
  at the cap, not in memory), redirects followed one by one by the caller.
- **Production DNS** (``PublicResolver``) refuses hosts that resolve to private, loopback or link-local
  addresses: listing hosts are public marketplaces, never something inside our own network.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
import time
import zlib
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver

from . import outcome as o

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
ROBOTS_MAX_BYTES = 500_000


class TooLarge(Exception):
    """The body (after decompression) is larger than allowed."""


class PublicResolver(AbstractResolver):
    """The system resolver, keeping only public addresses (no SSRF through a listing's host name)."""

    def __init__(self) -> None:
        self._inner = aiohttp.ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list:
        found = [r for r in await self._inner.resolve(host, port, family)
                 if ipaddress.ip_address(r["host"]).is_global]
        if not found:
            raise OSError(f"{host} resolves to no public address")
        return found

    async def close(self) -> None:
        await self._inner.close()


class MappedResolver(AbstractResolver):
    """For tests and benchmarks only: every host name in ``hosts`` goes to ``(ip, port)``."""

    def __init__(self, hosts: dict[str, tuple[str, int]]):
        self.hosts = hosts

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list:
        if host not in self.hosts:
            raise OSError(f"{host} is not a test host")
        ip, mapped = self.hosts[host]
        return [{"hostname": host, "host": ip, "port": mapped, "family": socket.AF_INET, "proto": 0,
                 "flags": socket.AI_NUMERICHOST}]

    async def close(self) -> None:
        return None


@dataclass
class HostGate:
    """At most ``limit`` requests at once to one host, their starts at least ``delay`` seconds apart."""

    limit: int
    delay: float
    semaphore: asyncio.Semaphore = field(init=False)
    next_start: float = 0.0

    def __post_init__(self) -> None:
        self.semaphore = asyncio.Semaphore(self.limit)

    async def __aenter__(self) -> HostGate:
        await self.semaphore.acquire()
        now = time.monotonic()
        start = max(now, self.next_start)
        self.next_start = start + self.delay
        if start > now:
            await asyncio.sleep(start - now)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        self.semaphore.release()


async def read_body(resp: aiohttp.ClientResponse, max_bytes: int) -> bytes:
    """The response body, decompressed (gzip or deflate) with at most ``max_bytes`` kept; ``TooLarge``
    as soon as there would be more, before the rest is read or inflated."""
    encoding = resp.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        inflate = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected
    else:
        raise ValueError(f"unsupported Content-Encoding {encoding!r}")
    length = resp.headers.get("Content-Length", "")
    if length.isdigit() and int(length) > max_bytes:
        raise TooLarge(f"Content-Length {int(length):,} bytes")
    out = bytearray()
    raw = 0
    async for chunk in resp.content.iter_chunked(1 << 16):
        raw += len(chunk)
        if inflate is None:
            out += chunk
        else:
            pending = chunk
            while pending:
                out += inflate.decompress(pending, max_bytes + 1 - len(out))
                if len(out) > max_bytes:
                    break
                pending = inflate.unconsumed_tail
        if len(out) > max_bytes:
            what = f"{raw:,} bytes compressed" if inflate is not None else "the body"
            raise TooLarge(f"more than {max_bytes:,} bytes after {what}")
    return bytes(out)


class Robots:
    """robots.txt of each host, fetched once per run (through the host's gate) and read with protego."""

    def __init__(self, session: aiohttp.ClientSession, user_agent: str, timeout: float):
        self.session = session
        self.agent = user_agent.split("/")[0]
        self.timeout = timeout
        self._rules: dict[str, Any] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def rules(self, origin: str, gate: HostGate) -> Any:
        """Protego rules for ``origin`` (``https://host``); a string saying why everything is disallowed;
        a (kind, message) failure of the host itself; or None when everything is allowed."""
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._rules:
                self._rules[origin] = await self._fetch(origin, gate)
        return self._rules[origin]

    async def _fetch(self, origin: str, gate: HostGate) -> Any:
        from protego import Protego

        try:
            async with gate, self.session.get(f"{origin}/robots.txt", allow_redirects=True, max_redirects=5,
                                              timeout=aiohttp.ClientTimeout(total=self.timeout)) as resp:
                if resp.status >= 500:
                    return f"robots.txt answered HTTP {resp.status} (RFC 9309: assume everything is disallowed)"
                if resp.status >= 400:
                    return None  # no robots.txt: everything allowed
                text = (await read_body(resp, ROBOTS_MAX_BYTES)).decode("utf-8", "replace")
        except aiohttp.ClientSSLError as exc:
            return (o.TLS_ERROR, f"TLS: {type(exc).__name__}: {exc}"[:300])
        except (TimeoutError, aiohttp.ServerTimeoutError):
            return (o.TIMEOUT, f"no answer to robots.txt within {self.timeout:g} s")
        except (aiohttp.ClientError, OSError) as exc:
            return (o.CONNECTION_ERROR, f"{type(exc).__name__}: {exc}"[:300])
        except (TooLarge, ValueError) as exc:
            return f"robots.txt could not be read ({exc}: RFC 9309: assume everything is disallowed)"
        return Protego.parse(text)

    async def allowed(self, url: str, origin: str, gate: HostGate) -> tuple[str, str]:
        """('', '') when ``url`` may be fetched; else the outcome kind and why: blocked by robots.txt, or
        the host's own failure (timeout, TLS, connection) met while asking for robots.txt."""
        rules = await self.rules(origin, gate)
        if rules is None:
            return "", ""
        if isinstance(rules, tuple):
            return rules
        if isinstance(rules, str):
            return o.BLOCKED_BY_ROBOTS, rules
        if rules.can_fetch(url, self.agent):
            delay = rules.crawl_delay(self.agent)
            if delay:
                gate.delay = max(gate.delay, min(float(delay), 60.0))
            return "", ""
        return o.BLOCKED_BY_ROBOTS, "robots.txt disallows it"
