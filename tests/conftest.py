"""Shared fixtures: the tiny catalog, builds of it, and a static server for browser tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from catalogs import TINY
from chinar.build import build
from chinar.render import default_theme_dir

ROOT = Path(__file__).resolve().parents[1]


# Fixtures that make a test slow whatever it does: a Chromium session, a build of the whole demo catalog.
SLOW_FIXTURES = {"browser", "phone", "demo_site", "demo_server", "demo_images"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests and tests of the demo build are slow tests too: the fast lane, ``pytest -m "not
    slow"``, leaves them out with the tests marked ``slow`` by hand."""
    for item in items:
        if item.get_closest_marker("slow"):
            continue
        if item.get_closest_marker("browser") or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _signal_handlers_left_as_found():
    """A test that installs a signal handler in the test process (a command run in-process: the task
    worker, ``serve --watch``) must put the old one back: one left behind outlives the test and is
    inherited by every build worker forked later (a whole run once hung on that)."""
    import signal

    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    before = {sig: signal.getsignal(sig) for sig in signals}
    yield
    after = {sig: signal.getsignal(sig) for sig in signals}
    changed = [signal.Signals(sig).name for sig in signals if after[sig] is not before[sig]]
    for sig in signals:
        signal.signal(sig, before[sig])
    assert not changed, f"the test left its own handler for {', '.join(changed)}"


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright: one for the whole session, shared by the browser
    tests of the static site (the CMS's live-server tests start one per test: tests/cms/conftest.py)."""
    from chromium import chromium

    with chromium() as b:
        yield b


@pytest.fixture
def phone(browser):
    """A page in a 360 x 740 phone-sized context."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1, is_mobile=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone800(browser):
    """A page in a 360 x 800 phone (the size the buyer-on-a-phone tests of issue 19 measure the first screen
    at); what reaches the console as an error or warning, or as an uncaught error, is in ``page.errors``."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, device_scale_factor=1, is_mobile=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.errors = errors
    yield page
    context.close()


@pytest.fixture(scope="session")
def tiny_server(tiny_site: Path):
    """The tiny site served on 127.0.0.1 as ``chinar serve`` serves it; yields the base URL."""
    from chinar.serve import serve_in_thread

    server, base = serve_in_thread(tiny_site)
    yield base
    server.shutdown()


@pytest.fixture
def tiny_catalog():
    """The tiny catalog, loaded (a fresh copy each time: tests may change its records)."""
    from chinar.content import load_catalog

    return load_catalog(TINY)


@pytest.fixture
def tiny_content(tmp_path: Path) -> Path:
    """A writable copy of the tiny catalog, for tests that break or edit it."""
    dest = tmp_path / "content"
    shutil.copytree(TINY, dest)
    return dest


@pytest.fixture(scope="session")
def image_cache(tmp_path_factory) -> Path:
    """One image cache for the session: renditions of the tiny catalog are encoded once."""
    return tmp_path_factory.mktemp("image-cache")


@pytest.fixture(scope="session")
def tiny_site(tmp_path_factory, image_cache: Path) -> Path:
    """The tiny catalog built once per session (read-only for tests)."""
    out = tmp_path_factory.mktemp("tiny-site") / "output"
    build(TINY, out, "https://chinar.example.in", cache_dir=image_cache)
    return out


@pytest.fixture(scope="session")
def demo_images(tmp_path_factory) -> Path:
    """Renditions of the demo catalog's photos, encoded once per session (about a minute on two cores)."""
    return tmp_path_factory.mktemp("demo-images")


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory, demo_images: Path) -> Path:
    """The shipped demo catalog (content/) built once per session, with its search index (read-only for
    tests: what a buyer gets from ``make demo``)."""
    out = tmp_path_factory.mktemp("demo-site") / "output"
    cache = tmp_path_factory.mktemp("demo-cache")
    (cache / "images").symlink_to(demo_images, target_is_directory=True)
    build(ROOT / "content", out, "https://chinar.example.in", cache_dir=cache)
    return out


@pytest.fixture(scope="session")
def demo_server(demo_site: Path):
    """The demo site served on 127.0.0.1 as ``chinar serve`` serves it; yields the base URL."""
    from chinar.serve import serve_in_thread

    server, base = serve_in_thread(demo_site)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def shared_images(tmp_path_factory) -> Path:
    """Renditions shared by every build of a synthetic catalog (their pooled originals are identical)."""
    return tmp_path_factory.mktemp("synthetic-images")


@pytest.fixture
def synthetic_cache(tmp_path: Path, shared_images: Path):
    """Fresh build caches (state, search) whose image renditions are shared across the session."""
    made = []

    def make(name: str = "cache") -> Path:
        path = tmp_path / name
        path.mkdir()
        (path / "images").symlink_to(shared_images, target_is_directory=True)
        made.append(path)
        return path

    return make


@pytest.fixture
def site(tiny_content: Path, tmp_path: Path, image_cache: Path):
    """For incremental-build tests: the tiny catalog plus a second artisan, a theme copy, output folders,
    and cache folders sharing one image cache."""
    second = tiny_content / "artisans/ghulam-dar.en.json"
    first = tiny_content / "artisans/shazia-akhter.en.json"
    data = json.loads(first.read_text(encoding="utf-8"))
    first.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")  # as edit_json writes it
    data.update(id="artisan-ghulam-dar-en", slug="ghulam-dar", translation_key="ghulam-dar", name="Ghulam Dar",
                featured=False, bio="<p>Ghulam works sozni on shawls for export houses.</p>")
    second.write_text(json.dumps(data, ensure_ascii=False))
    theme = tmp_path / "theme"
    shutil.copytree(default_theme_dir(), theme)

    def cache(name: str) -> Path:
        path = tmp_path / name
        path.mkdir()
        (path / "images").symlink_to(image_cache, target_is_directory=True)
        return path

    return {"content": tiny_content, "theme": theme, "inc": cache("cache-inc"), "full": cache("cache-full"),
            "out": tmp_path / "out", "full_out": tmp_path / "full-out", "tmp": tmp_path}
