"""CMS tests: Django is configured here only, so the rest of tests/ runs without it.

Database: SQLite by default; PostgreSQL when DATABASE_URL is set (pytest-django creates and drops
``test_<name>``), e.g. ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/chinar``.
"""

from __future__ import annotations

import os
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TINY = REPO / "tests" / "fixtures" / "tiny"
sys.path.insert(0, str(REPO / "cms"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chinar_cms.settings.test")
# Playwright's sync API runs an event loop in the test thread while it drives the browser; the Django
# calls the tests make meanwhile are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def compile_admin_messages() -> None:
    """The CMS admin's Hindi and Urdu catalogs as Django reads them (``make messages`` does the same)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in (REPO / "cms").glob("chinar_cms/*/locale/*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            with po.open("rb") as f:
                catalog = read_po(f, locale=po.parts[-3])
            with mo.open("wb") as f:
                write_mo(f, catalog)


def pytest_configure(config):
    """Set Django up now: this conftest loads after pytest-django's own (trylast) configure hook.

    Same steps as pytest-django does for a ``--ds`` given on the command line (its documented
    "configure settings in pytest_configure" path).
    """
    import django.conf

    compile_admin_messages()
    from pytest_django.plugin import _setup_django

    django.conf.settings.INSTALLED_APPS  # noqa: B018 - forces the lazy settings to load
    _setup_django(config)


@pytest.fixture(scope="session", autouse=True)
def no_personal_data_in_stored_media():
    """After the whole CMS suite, walk every file stored in every media folder it used (the test
    settings' MEDIA_ROOT and any a test switched to): none may hold GPS, camera or owner data, or any
    string planted in the test photos' metadata (``media_helpers.personal_data``). A file found fails
    the run (an error at the teardown of the last test), naming it and what it holds."""
    from django.conf import settings
    from django.test.signals import setting_changed
    from media_helpers import personal_data

    roots = {Path(settings.MEDIA_ROOT)}

    def remember(setting, value, **kwargs):
        if setting == "MEDIA_ROOT" and value:
            roots.add(Path(value))

    setting_changed.connect(remember, weak=False)
    yield
    setting_changed.disconnect(remember)
    found = {}
    checked = 0
    for root in sorted(roots):
        for path in sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []:
            checked += 1
            if problems := personal_data(path.read_bytes()):
                found[str(path)] = problems
    assert not found, f"personal data in stored media ({checked} files checked): {found}"


def _load(content: Path = TINY) -> None:
    from chinar_cms.base.demo import load_content
    from chinar_cms.base.management.commands.load_demo import create_demo_users

    load_content(content)
    create_demo_users()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The tiny catalog, loaded once: every test starts from it.

    Rolled-back tests see it directly; transactional tests (``LIVE``) get it back through Django's
    serialized rollback, so the serialized copy is refreshed after loading.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        _load()
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def load_tiny():
    """Make sure the tiny catalog and the demo users are in the CMS (loads them if not)."""

    def load(content: Path = TINY):
        from chinar_cms.base.contract import demo_key
        from wagtail.models import Page

        if content != TINY or not Page.objects.filter(translation_key=demo_key("artisan", "shazia-akhter")).exists():
            _load(content)

    return load


@pytest.fixture
def browser():
    """Chromium for the CMS's live-server tests, one per test: a Playwright instance alive across Django's
    database restore between transactional tests left the next test without its data."""
    from chromium import chromium

    with chromium() as b:
        yield b


@pytest.fixture
def api_url(live_server):
    return live_server.url + "/api/v2/"


class Recorder(BaseHTTPRequestHandler):
    """A build-hook endpoint: records POSTs (``requests``: statuses; ``bodies``: (headers, body)); answers
    with the next status of ``server.statuses``."""

    def do_POST(self):  # noqa: N802 - http.server API
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        statuses = self.server.statuses
        status = statuses.pop(0) if statuses else 200
        self.server.requests.append(status)
        self.server.bodies.append((dict(self.headers), body))
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def hook_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []
    server.bodies = []
    server.statuses = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}/build"
    yield server
    server.shutdown()
    server.server_close()
