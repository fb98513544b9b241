"""``chinar serve``: serve the built site on localhost, as a static host would.

Directory URLs serve their ``index.html``; unknown paths get the site's ``404.html`` with status 404.
Requests are logged to stderr. This is for previewing a build, not for production.

With ``--watch`` it also rebuilds whenever a file under the content directory or the theme changes,
with a resident build (``chinar.resident``): the build stays in memory, so an edit to one record is
live in about a second even at 100,000 pages. The build runs in this process and the server in a
child process (the build forks its own workers, which must not happen in a process serving requests
on threads). A failed rebuild prints its errors and the last good output keeps being served. The
build state is written to the cache directory when the watcher is idle and on exit, so a later
``chinar build`` carries on from it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from .languages import DEFAULT_LOCALE, LOCALES


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".avif": "image/avif", ".webp": "image/webp", ".svg": "image/svg+xml",
                      ".xml": "application/xml", ".json": "application/json", ".js": "text/javascript",
                      ".css": "text/css", ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}

    def send_error(self, code, message=None, explain=None):
        # The not-found page in the language of the path, as netlify.toml's rules give it.
        first = self.path.lstrip("/").split("/", 1)[0]
        prefix = f"{first}/" if first in LOCALES and first != DEFAULT_LOCALE else ""
        page = Path(self.directory) / prefix / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def make_server(output_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> http.server.ThreadingHTTPServer:
    """A server for ``output_dir`` (port 0 picks a free port; read it from ``server.server_address``)."""
    handler = functools.partial(SiteHandler, directory=str(output_dir))
    return http.server.ThreadingHTTPServer((host, port), handler)


def serve_in_thread(output_dir: Path, host: str = "127.0.0.1", port: int = 0):
    """Start a server in a daemon thread; returns (server, base URL). Used by tests."""
    server = make_server(output_dir, host, port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", type=Path, default=Path("output"), help="built site to serve (default: output)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000, help="port (0 picks a free one)")
    parser.add_argument("--watch", action="store_true", help="rebuild incrementally when content or theme change")
    parser.add_argument("--content", type=Path, default=Path("content"), help="content directory to watch and build")
    parser.add_argument("--theme", type=Path, default=None, help="theme directory to watch (default: the site theme)")
    parser.add_argument("--cache", type=Path, default=None, help="cache directory for rebuilds")
    parser.add_argument("--base-url", default="",
                        help="site URL for rebuilds (use the one the output was built with, or every page changes)")


IDLE_SAVE_SECONDS = 10  # with no change for this long, the watcher writes its state to the cache


def watch(args: argparse.Namespace, builder, stop: threading.Event) -> None:
    """Rebuild ``builder`` (a ``ResidentBuild``) on every batch of changes until ``stop`` is set.

    ``chinar pull`` replaces the whole content folder (it builds the new snapshot beside it and swaps
    it in), and a watch follows the folder it was given, not its name: when a watched folder goes, the
    watch is started again on the new one, and that batch is rebuilt as "anything may have changed".
    """
    from watchfiles import watch as watch_changes

    from .render import default_theme_dir

    paths = [Path(args.content).resolve(), Path(args.theme or default_theme_dir()).resolve()]
    while not stop.is_set():
        while not all(p.is_dir() for p in paths) and not stop.is_set():
            time.sleep(0.05)  # between the two renames of a swap
        for changes in watch_changes(*paths, stop_event=stop, debounce=300, step=50,
                                     rust_timeout=IDLE_SAVE_SECONDS * 1000, yield_on_timeout=True):
            if not changes:  # idle: a `chinar build` (or `chinar search`) now would find the state
                builder.save()
                continue
            names = sorted({Path(p).name for _kind, p in changes})
            print(f"changed: {', '.join(names[:5])}{' ...' if len(names) > 5 else ''} — rebuilding", flush=True)
            swapped = any(Path(p) in paths for _kind, p in changes)
            if swapped:
                while not all(p.is_dir() for p in paths) and not stop.is_set():
                    time.sleep(0.05)
            rebuild(builder, None if swapped else {p for _kind, p in changes}, args.output)
            if swapped:
                break  # watch the folder now in place


def rebuild(builder, changed: set[str] | None, output: Path) -> bool:
    """One build; prints its summary, or its errors and that the last good build is still served."""
    from .build import BuildError, summary
    from .errors import ContentError
    from .images import ImageError

    start = time.perf_counter()
    try:
        report = builder.build(changed)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, flush=True)
        print("rebuild failed: still serving the last good build", flush=True)
        return False
    except (ImageError, BuildError) as exc:
        print(f"rebuild failed: {exc}; still serving the last good build", flush=True)
        return False
    print(summary(report, output, time.perf_counter() - start), flush=True)
    return True


def _terminate(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt


def serve_and_watch(args: argparse.Namespace) -> int:
    """Build in this process, keeping the build in memory (``chinar.resident``), serve from a child
    process (the build forks its own workers, which a process serving on threads must not do), and
    rebuild on every change. The state is written to the cache when idle and on exit."""
    from .resident import ResidentBuild

    builder = ResidentBuild(args.content, args.output, args.base_url, args.cache, args.theme)
    rebuild(builder, None, args.output)
    if not (args.output / "index.html").is_file():
        print(f"{args.output} has no index.html: nothing to serve")
        return 1
    server = subprocess.Popen([sys.executable, "-m", "chinar.cli", "serve", "--output", str(args.output),
                               "--host", args.host, "--port", str(args.port)])
    signal.signal(signal.SIGTERM, _terminate)
    stop = threading.Event()
    try:
        watch(args, builder, stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.terminate()
        server.wait()
        builder.save()
    return 0


def run(args: argparse.Namespace) -> int:
    if args.watch:
        return serve_and_watch(args)
    if not (args.output / "index.html").is_file():
        print(f"{args.output} has no index.html: run `chinar build` first")
        return 1
    server = make_server(args.output, args.host, args.port)
    print(f"Serving {args.output} at http://{args.host}:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
