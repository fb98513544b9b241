"""The publisher's HTTP side: the CMS's build hook in, the publisher's health out. Runs in its own process.

The build forks worker processes; forking a process that serves HTTP on threads can copy a lock some
thread holds and deadlock the child. So, as ``chinar serve --watch`` does, the server runs in a separate
(spawned) process and talks to the publisher through two shared objects:

- ``wake`` (an Event): set by every accepted hook. The publisher clears it before a cycle's pull starts,
  so a hook that arrives during a cycle sets it again and gets exactly one next cycle, whatever the
  number of hooks: coalesced, never run in parallel, never dropped.
- ``hooks`` (a counter): hooks accepted since the start, for the log and ``/health``.

Routes:

- ``POST /hook``: the build hook. Authenticated (``chinar.publish.auth``); anything else gets 401 and
  does nothing. 202 when accepted.
- ``GET /health``: the publisher's last cycle as JSON (the status file the publisher writes), for
  probes and operators. No secrets in it.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .auth import AuthError, ReplayGuard, verify

log = logging.getLogger(__name__)

MAX_BODY = 64 * 1024


class HookServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], secret: str, window: float, wake: Any, hooks: Any,
                 status_file: Path, on_hook=None) -> None:
        super().__init__(address, HookHandler)
        self.secret, self.window = secret, window
        self.guard = ReplayGuard(window)
        self.wake, self.hooks, self.status_file = wake, hooks, Path(status_file)
        self.on_hook = on_hook


class HookHandler(BaseHTTPRequestHandler):
    server: HookServer
    server_version = "chinar-publish"
    sys_version = ""

    def do_POST(self):  # noqa: N802 - http.server API
        if self.path.split("?")[0].rstrip("/") != "/hook":
            return self._answer(404, {"error": "not found"})
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            return self._answer(413, {"error": f"body must be at most {MAX_BODY} bytes"})
        body = self.rfile.read(length)
        try:
            verify(self.server.secret, self.headers, body, self.server.guard, self.server.window)
        except AuthError as exc:
            log.warning("refused a build hook from %s: %s", self.client_address[0], exc)
            return self._answer(401, {"error": str(exc)})
        with self.server.hooks.get_lock():
            self.server.hooks.value += 1
        self.server.wake.set()
        if self.server.on_hook is not None:
            self.server.on_hook(body)
        return self._answer(202, {"queued": True})

    def do_GET(self):  # noqa: N802 - http.server API
        if self.path.split("?")[0].rstrip("/") != "/health":
            return self._answer(404, {"error": "not found"})
        try:
            status = json.loads(self.server.status_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            status = {"state": "starting"}
        status["hooks_received"] = self.server.hooks.value
        return self._answer(200, status)

    def _answer(self, code: int, data: dict) -> None:
        body = json.dumps(data, ensure_ascii=False).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002 - http.server API
        log.debug("%s %s", self.client_address[0], format % args)


def serve(host: str, port: int, secret: str, window: float, wake: Any, hooks: Any, bound: Any,
          status_file: str, queued_report: dict | None) -> None:
    """The listener process's body: serve until terminated. ``bound`` receives the port."""
    logging.basicConfig(level=os.environ.get("CHINAR_PUBLISH_LOG_LEVEL", "INFO"),
                        format="%(levelname)s %(name)s: %(message)s")
    on_hook = None
    if queued_report:
        from .cms import StatusReporter

        reporter = StatusReporter(queued_report["url"], secret)

        def on_hook(_body: bytes) -> None:
            # Tell the CMS the next cycle is queued, off the request thread (the CMS may be slow or down).
            try:
                status = json.loads(Path(status_file).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                status = {}
            if status.get("state") in (None, "building", "retrying"):
                return  # a cycle is running: the publisher reports it; the hook only queues the next one
            cycle = int(status.get("cycle") or 0) + 1
            threading.Thread(target=reporter.send, args=({"cycle": cycle, "state": "queued"},), daemon=True).start()

    server = HookServer((host, port), secret, window, wake, hooks, Path(status_file), on_hook)
    bound.value = server.server_address[1]
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
