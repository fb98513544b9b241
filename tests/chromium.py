"""Debian's Chromium for browser tests (importable by test modules; conftest.py is not).

``CHINAR_CHROMIUM`` names another binary. The flags keep Chromium off this machine's closed network
(background fetches, component updates, sync, QUIC) and let it run as root in a container.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CHROMIUM = os.environ.get("CHINAR_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@contextmanager
def chromium() -> Iterator:
    """A headless Chromium (Playwright's sync API), closed when the block ends."""
    import shutil

    import pytest
    from playwright.sync_api import sync_playwright

    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package (see .ci/run)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(page, url: str) -> list[str]:
    """Load ``url`` in ``page``; return the console errors and warnings it printed. A URL with
    ``/no-such-page/`` must answer 404 (and that 404 is not counted), any other 200."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    missing = "/no-such-page/" in url
    response = page.goto(url, wait_until="load")
    assert response is not None and response.status == (404 if missing else 200), url
    if missing:  # the browser reports the page's own status; nothing else may fail
        page.wait_for_load_state("networkidle")
        errors.remove("error: Failed to load resource: the server responded with a status of 404 (Not Found)")
    return errors
