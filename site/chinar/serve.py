"""``chinar serve``: serve the built site on localhost, as a static host would.

Directory URLs serve their ``index.html``; unknown paths get the site's ``404.html`` with status 404.
Requests are logged to stderr. This is for previewing a build, not for production.

With ``--watch`` it also rebuilds, incrementally, whenever a file under the content directory or the
theme changes. Each rebuild runs ``chinar build`` in a child process (the build forks its own workers,
which must not happen in a process that is serving requests on threads); a failed rebuild prints its
errors and the last good output keeps being served.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".avif": "image/avif", ".webp": "image/webp", ".svg": "image/svg+xml",
                      ".xml": "application/xml", ".json": "application/json", ".js": "text/javascript",
                      ".css": "text/css", ".html": "text/html; charset=utf-8", ".txt": "text/plain; charset=utf-8"}

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
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


def rebuild_command(args: argparse.Namespace) -> list[str]:
    cmd = [sys.executable, "-m", "chinar.cli", "build", "--content", str(args.content), "--output", str(args.output),
           "--no-progress"]
    if args.cache:
        cmd += ["--cache", str(args.cache)]
    if args.base_url:
        cmd += ["--base-url", args.base_url]
    return cmd


def watch(args: argparse.Namespace, stop: threading.Event) -> None:
    """Rebuild on every batch of changes until ``stop`` is set."""
    from watchfiles import watch as watch_changes

    from .render import default_theme_dir

    paths = [args.content, args.theme or default_theme_dir()]
    for changes in watch_changes(*paths, stop_event=stop, debounce=300, step=100):
        names = sorted({Path(p).name for _kind, p in changes})
        print(f"changed: {', '.join(names[:5])}{' ...' if len(names) > 5 else ''} — rebuilding", flush=True)
        result = subprocess.run(rebuild_command(args), capture_output=True, text=True)
        output = (result.stdout + result.stderr).strip().splitlines()
        for line in output:
            if not line.startswith("INFO"):
                print(line, flush=True)
        if result.returncode != 0:
            print("rebuild failed: still serving the last good build", flush=True)


def run(args: argparse.Namespace) -> int:
    if args.watch:
        subprocess.run(rebuild_command(args), check=False)
    if not (args.output / "index.html").is_file():
        print(f"{args.output} has no index.html: run `chinar build` first")
        return 1
    server = make_server(args.output, args.host, args.port)
    print(f"Serving {args.output} at http://{args.host}:{server.server_address[1]}/ (Ctrl-C to stop)", flush=True)
    stop = threading.Event()
    if args.watch:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            watch(args, stop)
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            server.shutdown()
            server.server_close()
        return 0
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
