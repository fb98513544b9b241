"""Shared parts for the deploy tests: a real S3 server on 127.0.0.1 with fault injection,
small realistic output trees, and the "no live page references a missing asset" check.

The S3 server is moto's own WSGI application served over HTTP by werkzeug (what
``ThreadedMotoServer`` does), wrapped in a middleware that can fail or throttle writes and that
logs every successful write in the order the server completed it.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import make_server

MANIFEST = ".chinar-deploy-manifest.json"


@dataclass
class FaultInjector:
    """WSGI middleware in front of moto.

    * ``fail_after = K``: the first K object PUTs succeed, then every PUT and delete gets a 500
      (and keeps getting it, retries included) until ``fail_after`` is reset to None.
    * ``throttle_every = N``: every Nth PUT gets one 503 SlowDown (a retry then succeeds).
    * ``writes``: ("put"|"delete", key) for each write the server completed, in order.
    """

    app: object
    fail_after: int | None = None
    throttle_every: int | None = None
    puts_seen: int = 0
    puts_ok: int = 0
    throttled: int = 0
    failed: int = 0
    writes: list[tuple[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        with self.lock:
            self.fail_after = self.throttle_every = None
            self.puts_seen = self.puts_ok = self.throttled = self.failed = 0
            self.writes.clear()

    def __call__(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        path = unquote(environ.get("PATH_INFO", ""))
        query = environ.get("QUERY_STRING", "")
        bucket, _, key = path.lstrip("/").partition("/")
        is_put = method == "PUT" and bool(key)
        is_delete = (method == "POST" and "delete" in query.split("&")) or (method == "DELETE" and key)
        deleted_keys: list[str] = []
        if method == "POST" and is_delete:
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            environ["wsgi.input"] = BytesIO(body)
            root = ElementTree.fromstring(body)
            deleted_keys = [el.text for el in root.iter() if el.tag.endswith("Key")]
        elif is_delete:
            deleted_keys = [key]

        with self.lock:
            if is_put:
                self.puts_seen += 1
                if self.throttle_every and self.puts_seen % self.throttle_every == 0:
                    self.throttled += 1
                    return _error(start_response, "503 Slow Down", "SlowDown", "Reduce your request rate.")
            if (is_put or is_delete) and self.fail_after is not None and self.puts_ok >= self.fail_after:
                self.failed += 1
                return _error(start_response, "500 Internal Server Error", "InternalError",
                              "We encountered an internal error. Please try again.")

        def recording_start_response(status, headers, exc_info=None):
            if status.startswith("2"):
                with self.lock:
                    if is_put:
                        self.puts_ok += 1
                        self.writes.append(("put", key))
                    for k in deleted_keys:
                        self.writes.append(("delete", k))
            return start_response(status, headers, exc_info)

        return self.app(environ, recording_start_response)


def _error(start_response, status: str, code: str, message: str):
    body = (f'<?xml version="1.0" encoding="UTF-8"?><Error><Code>{code}</Code>'
            f"<Message>{message}</Message></Error>").encode()
    start_response(status, [("Content-Type", "application/xml"), ("Content-Length", str(len(body)))])
    return [body]


class _QuietHandler(MotoRequestHandler):
    def log_request(self, *args, **kwargs) -> None:  # one log line per request slows tests down
        pass


class S3Server:
    """moto's S3 over real HTTP on 127.0.0.1 (free port), with a :class:`FaultInjector`."""

    def __init__(self) -> None:
        self.faults = FaultInjector(DomainDispatcherApplication(create_backend_app))
        self._server = make_server("127.0.0.1", 0, self.faults, threaded=True,
                                   request_handler=_QuietHandler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._thread.join()


# -- output trees -----------------------------------------------------------------------------

def _page(title: str, css: str, body: str, lang: str = "en") -> str:
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="stylesheet" href="/static/{css}">'
            '<link rel="icon" href="/favicon.ico">'
            '<link rel="alternate" type="application/atom+xml" href="/stories/feed.xml">'
            '<link rel="canonical" href="https://chinar.example/">'
            '<script src="/static/app.2b7e9c1d.js" defer></script></head>'
            f'<body><main>{body}</main><a href="/artisans/">Artisans</a></body></html>\n')


def _picture(name: str) -> str:
    return (f'<picture><source type="image/avif" '
            f'srcset="/img/{name}-480.avif 480w, /img/{name}-960.avif 960w">'
            f'<source type="image/webp" srcset="/img/{name}-480.webp 480w">'
            f'<img src="/img/{name}-480.jpg" alt="" width="480" height="320"></picture>')


def site_v1() -> dict[str, bytes]:
    """A small site as `chinar build` writes one: hashed CSS/JS, image renditions, pages in
    three locales, search files, sitemap, feed, robots, _redirects, 404."""
    css = "site.5f1c2a9e.css"
    files = {
        f"static/{css}": b"body{font-family:system-ui}\n.card{margin:1rem}\n",
        "static/app.2b7e9c1d.js": b"document.documentElement.classList.add('js');\n",
        "static/app.2b7e9c1d.js.map": b'{"version":3,"sources":[],"mappings":""}\n',
        "static/noto.9a8b7c6d.woff2": b"wOF2" + bytes(60),
        "favicon.ico": bytes(range(64)),
        "site.webmanifest": b'{"name":"Chinar","icons":[{"src":"/img/icon-192.png"}]}\n',
        "img/icon-192.png": b"\x89PNG\r\n\x1a\n" + bytes(40),
        "img/logo.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n',
        "search-index/meta.json": b'{"shards":["/search-index/t-0.json"]}\n',
        "search-index/t-0.json": b'{"pashmina":[[1,2.5]]}\n',
        "sitemap.xml": b'<?xml version="1.0"?><urlset><url><loc>https://chinar.example/</loc></url></urlset>\n',
        "robots.txt": b"User-agent: *\nSitemap: https://chinar.example/sitemap.xml\n",
        "stories/feed.xml": b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>\n',
        "_redirects": b"/artisans/shazia/ /artisans/shazia-akhter/ 301\n",
        "404.html": _page("Not found", css, "<h1>Not found</h1>").encode(),
        "index.html": _page("Chinar", css, "<h1>Crafts</h1>" + _picture("pashmina")).encode(),
        "artisans/index.html": _page("Artisans", css, "<h1>Artisans</h1>").encode(),
        "artisans/shazia-akhter/index.html":
            _page("Shazia", css, "<h1>Shazia</h1>" + _picture("shazia")).encode(),
        "products/sozni-stole/index.html": _page("Stole", css, "<h1>Stole</h1>" + _picture("stole")).encode(),
        "hi/index.html": _page("चिनार", css, "<h1>शिल्प</h1>", "hi").encode(),
        "ur/index.html": _page("چنار", css, "<h1>دستکاری</h1>", "ur").encode(),
    }
    for name in ("pashmina", "shazia", "stole"):
        for ext, magic in (("avif", b"\x00\x00\x00\x1cftypavif"), ("webp", b"RIFF\x00\x00\x00\x00WEBP"),
                           ("jpg", b"\xff\xd8\xff\xe0")):
            files[f"img/{name}-480.{ext}"] = magic + name.encode() + bytes(32)
        files[f"img/{name}-960.avif"] = b"\x00\x00\x00\x1cftypavif" + name.encode() + bytes(64)
    return files


def site_v2(v1: Mapping[str, bytes]) -> dict[str, bytes]:
    """The next build: a new stylesheet (new hashed name) on every page, a new product image,
    a new artisan page, the Hindi home page gone, a changed search shard and sitemap."""
    files = dict(v1)
    old_css, new_css = "site.5f1c2a9e.css", "site.c0ffee42.css"
    del files[f"static/{old_css}"]
    files[f"static/{new_css}"] = b"body{font-family:system-ui;color:#222}\n"
    del files["hi/index.html"]
    for rel in [r for r in files if r.endswith(".html")]:
        files[rel] = files[rel].replace(old_css.encode(), new_css.encode())
    for ext, magic in (("avif", b"\x00\x00\x00\x1cftypavif"), ("webp", b"RIFF\x00\x00\x00\x00WEBP"),
                       ("jpg", b"\xff\xd8\xff\xe0")):
        files[f"img/stole2-480.{ext}"] = magic + b"stole2" + bytes(32)
    files["img/stole2-960.avif"] = b"\x00\x00\x00\x1cftypavif" + b"stole2" + bytes(64)
    files["products/sozni-stole/index.html"] = _page(
        "Stole", new_css, "<h1>Stole</h1>" + _picture("stole2")).encode()
    files["artisans/rafiq-mir/index.html"] = _page(
        "Rafiq", new_css, "<h1>Rafiq</h1>" + _picture("pashmina")).encode()
    files["search-index/t-0.json"] = b'{"pashmina":[[1,2.5],[4,1.1]]}\n'
    files["sitemap.xml"] = files["sitemap.xml"].replace(
        b"</urlset>", b"<url><loc>/artisans/rafiq-mir/</loc></url></urlset>")
    return files


def write_tree(root: Path, files: Mapping[str, bytes]) -> Path:
    """Make ``root`` hold exactly ``files`` (removing anything else)."""
    if root.exists():
        for p in sorted(root.rglob("*"), reverse=True):
            if p.is_file():
                if p.relative_to(root).as_posix() not in files:
                    p.unlink()
            elif not any(p.iterdir()):
                p.rmdir()
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if not p.exists() or p.read_bytes() != data:
            p.write_bytes(data)
    return root


def read_tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


# -- the consistency invariant ----------------------------------------------------------------

_ASSET_LINK_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name in ("src", "poster"):
            if a.get(name):
                self.refs.append(a[name])
        if a.get("srcset"):
            self.refs += [part.strip().split()[0] for part in a["srcset"].split(",") if part.strip()]
        if tag == "link" and a.get("href") and set((a.get("rel") or "").lower().split()) & _ASSET_LINK_RELS:
            self.refs.append(a["href"])


@functools.lru_cache(maxsize=4096)
def asset_refs(page_key: str, html: bytes) -> frozenset[str]:
    """Bucket keys (relative) of the files a page needs to render: scripts, styles, images,
    icons, fonts preloaded, the web manifest. Links to other pages and feeds are not assets."""
    parser = _Refs()
    parser.feed(html.decode("utf-8", "replace"))
    keys = set()
    for ref in parser.refs:
        parts = urlsplit(urljoin("/" + page_key, ref))
        if parts.scheme in ("http", "https") and parts.netloc or parts.scheme == "data":
            continue  # external or inline, not in the bucket
        path = unquote(parts.path)
        keys.add((path + "index.html" if path.endswith("/") else path).lstrip("/"))
    return frozenset(keys)


def missing_assets(objects: Mapping[str, bytes]) -> dict[str, set[str]]:
    """page -> referenced assets absent from ``objects`` (empty dict = consistent)."""
    out = {}
    for key, body in objects.items():
        if key.endswith(".html"):
            missing = asset_refs(key, body) - set(objects)
            if missing:
                out[key] = missing
    return out


def replay(initial: Mapping[str, bytes], writes: Iterable[tuple[str, str]],
           new: Mapping[str, bytes], prefix: str = "") -> Iterable[tuple[int, dict[str, bytes]]]:
    """Yield the bucket's state after each write: a put stores ``new``'s bytes for the key."""
    state = dict(initial)
    for i, (op, key) in enumerate(writes):
        rel = key[len(prefix):]
        if rel == MANIFEST:
            continue
        if op == "put":
            state[rel] = new[rel]
        else:
            state.pop(rel, None)
        yield i, state


def bucket_objects(s3, bucket: str, prefix: str = "", html_only: bool = False) -> dict[str, bytes]:
    """rel key -> body of every object under ``prefix`` except the deploy manifest.
    With ``html_only``, other objects are listed with an empty body (enough for missing_assets)."""
    keys = [obj["Key"]
            for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
            for obj in page.get("Contents", []) if obj["Key"][len(prefix):] != MANIFEST]

    def body(key: str) -> bytes:
        if html_only and not key.endswith(".html"):
            return b""
        return s3.get_object(Bucket=bucket, Key=key)["Body"].read()

    with ThreadPoolExecutor(max_workers=8) as pool:
        return {k[len(prefix):]: b for k, b in zip(keys, pool.map(body, keys), strict=True)}


def bucket_md5s(s3, bucket: str, prefix: str = "") -> dict[str, str]:
    """rel key -> MD5 (the ETag of a single-part upload) of every object but the manifest:
    compares a whole bucket with a tree in one listing."""
    return {obj["Key"][len(prefix):]: obj["ETag"].strip('"')
            for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
            for obj in page.get("Contents", []) if obj["Key"][len(prefix):] != MANIFEST}


def tree_md5s(files: Mapping[str, bytes]) -> dict[str, str]:
    return {rel: hashlib.md5(data).hexdigest() for rel, data in files.items()}
