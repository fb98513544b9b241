"""A real HTTPS server on 127.0.0.1 that plays marketplaces, for the listing checker's tests and benchmark.

One threaded server (the standard library's, not the checker's HTTP library) answers for many host
names, told apart by the Host header; a local certificate authority (trustme) signs a certificate for
all of them, and the checker trusts that CA and maps those names to this server's port
(``chinar.listings.fetch.MappedResolver``) in tests only. Pages are ``Page`` objects keyed by
(host, path with query); a host's robots.txt is ``robots[host]``. ``silent_server`` accepts connections
and never answers.
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import trustme


@dataclass
class Page:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0  # seconds before the answer
    etag: str = ""  # answered 304 to a matching If-None-Match
    then: Page | None = None  # the page served after the first request (a server error that recovers)


def product_html(price: object = "18500", currency: str = "INR", availability: str = "https://schema.org/InStock",
                 extra: str = "", padding: int = 0, **offer: object) -> bytes:
    """A marketplace product page with schema.org JSON-LD, optionally padded to a realistic size."""
    data = {"@context": "https://schema.org", "@type": "Product", "name": "Sozni stole",
            "offers": {"@type": "Offer", "price": price, "priceCurrency": currency, "availability": availability,
                       **offer}}
    filler = ("<div class='reco'><a href='/p/other'>Other product</a><span>₹9,999</span></div>\n" * (padding // 70))
    return (f"<!doctype html><html><head><title>Sozni stole</title>"
            f"<script type=\"application/ld+json\">{json.dumps(data)}</script>{extra}</head>"
            f"<body><h1>Sozni stole</h1>{filler}</body></html>").encode()


def redirect(location: str, status: int = 302) -> Page:
    return Page(status, b"", {"Location": location, "Content-Length": "0"})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        server = self.server
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        with server.lock:
            server.requests.append((host, self.path, dict(self.headers)))
        if self.path == "/robots.txt":
            text = server.robots.get(host)
            page = Page(404, b"no robots", {"Content-Type": "text/plain"}) if text is None else (
                text if isinstance(text, Page) else Page(200, text.encode(), {"Content-Type": "text/plain"}))
        else:
            page = server.pages.get((host, self.path)) or Page(404, b"<h1>Not found</h1>")
            if page.then is not None:
                server.pages[(host, self.path)] = page.then
        delay = page.delay or (server.latency() if server.latency else 0.0)
        if delay:
            time.sleep(delay)
        if page.etag and self.headers.get("If-None-Match") == page.etag:
            self.send_response(304)
            self.send_header("ETag", page.etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(page.status)
        headers = dict(page.headers)
        if page.etag:
            headers["ETag"] = page.etag
        headers.setdefault("Content-Length", str(len(page.body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(page.body)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # the checker stopped reading (a page over its size limit): expected

    def log_message(self, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256

    def __init__(self, context: ssl.SSLContext):
        super().__init__(("127.0.0.1", 0), _Handler)
        # The TLS handshake happens in each request's thread, not in the accepting one.
        self.socket = context.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)
        self.pages: dict[tuple[str, str], Page] = {}
        self.robots: dict[str, str | Page] = {}
        self.requests: list[tuple[str, str, dict]] = []
        self.lock = threading.Lock()
        self.latency = None  # a callable giving each answer's delay (the benchmark)

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 - socketserver API
        pass  # a client that went away mid-answer is part of the tests, not an error


class FakeMarketplace:
    """The server, its CA, and how a checker reaches it (``resolver_map``, ``client_context``)."""

    def __init__(self, hosts: list[str], ca: trustme.CA | None = None, cert_hosts: list[str] | None = None):
        self.ca = ca or trustme.CA()
        self.hosts = hosts
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.ca.issue_cert(*(cert_hosts or hosts)).configure_cert(context)
        self.server = _Server(context)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def pages(self) -> dict[tuple[str, str], Page]:
        return self.server.pages

    @property
    def robots(self) -> dict[str, str | Page]:
        return self.server.robots

    @property
    def requests(self) -> list[tuple[str, str, dict]]:
        return self.server.requests

    def resolver_map(self) -> dict[str, tuple[str, int]]:
        return dict.fromkeys(self.hosts, ("127.0.0.1", self.port))

    def client_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context()
        self.ca.configure_trust(context)
        return context

    def __enter__(self) -> FakeMarketplace:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never says a word (a host that never answers)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.held: list[socket.socket] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
                self.held.append(conn)
            except OSError:
                continue

    def __enter__(self) -> SilentServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()
        for conn in self.held:
            conn.close()
        self.sock.close()
