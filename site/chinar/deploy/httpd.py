"""A local static server that answers like Netlify: same headers, ``404.html`` for missing paths.

Used by the browser tests (a Content-Security-Policy violation only shows when the header is
actually sent) and available to ``chinar serve`` so a preview carries production's policy.
Standard library only; not meant for production traffic.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

from ..serve import RulesHandler
from .rules import HeaderRules


class NetlifyLikeHandler(RulesHandler):
    """Serves ``directory`` with the header rules applied and Netlify's 404 behaviour (``chinar.serve``),
    quietly (test output)."""

    def log_message(self, format, *args):  # noqa: A002 - keep test output quiet
        pass


def start_server(directory: Path, rules: HeaderRules, host: str = "127.0.0.1",
                 port: int = 0) -> http.server.ThreadingHTTPServer:
    """Serve ``directory`` in a daemon thread; ``server.server_address`` has the bound port.
    Call ``server.shutdown()`` to stop it."""
    handler = functools.partial(NetlifyLikeHandler, directory=str(directory), rules=rules)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True, name="chinar-httpd").start()
    return server
