"""Debian's Chromium for browser tests (importable by test modules; conftest.py is not).

``CHINAR_CHROMIUM`` names another binary. The flags keep Chromium off this machine's closed network
(background fetches, component updates, sync, QUIC) and let it run as root in a container.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHINAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
