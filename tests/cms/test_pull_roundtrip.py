"""`chinar pull` over real HTTP from a live CMS: round trip, incremental pulls, failures mid-pull."""

from __future__ import annotations

import hashlib
import json
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from admin import LIVE

from chinar import cli
from chinar.content import load_catalog
from chinar.pull import PullError, pull

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "tiny"
# Transactional (live server, threads); see conftest.py for the serialized rollback.


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _normalise(catalog, keymap: dict[str, str]) -> dict[tuple, dict]:
    """Records keyed by (type, key, locale), without ids, with demo keys and image content hashes."""

    def walk(value):
        if isinstance(value, dict):
            out = {k: walk(v) for k, v in value.items() if k != "id" and not k.startswith("_")}
            if "src" in value and "alt" in value:
                out["src"] = "sha1:" + hashlib.sha1(catalog.media_path(value["src"]).read_bytes()).hexdigest()
            return out
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, str):
            return keymap.get(value, value)
        return value

    return {
        (r["type"], keymap.get(r["translation_key"], r["translation_key"]), r["locale"]): walk(r)
        for r in catalog.iter_records()
    }


@LIVE
def test_round_trip_equals_the_shipped_snapshot_and_builds(live_server, load_tiny, tmp_path):
    from chinar_cms.base.contract import demo_key

    load_tiny()
    out = tmp_path / "pulled"
    assert cli.main(["pull", "--api", live_server.url + "/api/v2/", "--out", str(out)]) == 0
    shipped, pulled = load_catalog(TINY), load_catalog(out)
    keymap = {str(demo_key(t, k)): k for (t, k) in shipped.records}
    expected, got = _normalise(shipped, keymap), _normalise(pulled, keymap)
    assert sorted(got) == sorted(expected)
    for where, record in expected.items():
        for name in sorted(set(record) | set(got[where])):
            assert got[where].get(name) == record.get(name), (where, name)
    # Each original downloaded once, named by its content hash.
    media = sorted(p.name for p in (out / "media" / "cms").iterdir())
    assert media == sorted(
        {hashlib.sha1(p.read_bytes()).hexdigest() + p.suffix for p in (TINY / "media").rglob("*.jpg")}
    )
    # ...and the static build takes it.
    site = tmp_path / "site"
    assert cli.main(["build", "--content", str(out), "--output", str(site), "--cache", str(tmp_path / "cache")]) == 0
    assert (site / "artisans" / "shazia-akhter" / "index.html").is_file()
    assert "शाज़िया अख़्तर" in (site / "hi" / "artisans" / "shazia-akhter" / "index.html").read_text("utf-8")


class FaultyProxy(BaseHTTPRequestHandler):
    """Forwards to the CMS; after ``server.allow`` requests fails with ``server.mode`` (500 or drop)."""

    def do_GET(self):  # noqa: N802 - http.server API
        server = self.server
        server.seen += 1
        if server.allow is not None and server.seen > server.allow:
            if server.mode == "drop":
                self.close_connection = True
                self.connection.close()
                return
            self.send_error(500, "injected failure")
            return
        req = urllib.request.Request(server.upstream + self.path, headers={"Host": self.headers["Host"]})
        with urllib.request.urlopen(req, timeout=30) as resp:
            body = resp.read()
            self.send_response(resp.status)
            for name in ("Content-Type", "Date"):
                if resp.headers.get(name):
                    self.send_header(name, resp.headers[name])
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def proxy(live_server):
    server = ThreadingHTTPServer(("127.0.0.1", 0), FaultyProxy)
    server.upstream, server.seen, server.allow, server.mode = live_server.url, 0, None, "500"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.api = f"http://127.0.0.1:{server.server_address[1]}/api/v2/"
    yield server
    server.shutdown()
    server.server_close()


def _publish_contact_and_unpublish_story():
    from chinar_cms.home.models import HomePage
    from chinar_cms.pages.models import StandardPage
    from chinar_cms.stories.models import StoryPage
    from wagtail.models import Locale

    home = HomePage.objects.get(locale=Locale.objects.get(language_code="ur"))
    page = StandardPage(title="رابطہ", slug="contact", body="<p>ہم سے رابطہ کریں۔</p>", live=False)
    home.add_child(instance=page)
    page.save_revision().publish()
    StoryPage.objects.get().unpublish()


@LIVE
def test_incremental_pull_and_failures_keep_the_previous_snapshot(proxy, load_tiny, tmp_path):
    from datetime import timedelta

    from chinar_cms.districts.models import District
    from django.utils import timezone
    from wagtail.models import Page

    load_tiny()
    # Published an hour ago: outside the pull's safety margin for changes still being committed.
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Page.objects.update(last_published_at=an_hour_ago)
    District.objects.update(updated_at=an_hour_ago)
    out = tmp_path / "content"
    first = pull(proxy.api, out)
    assert first.full and first.downloaded == 4 and first.records == 15
    before = _tree(out)

    again = pull(proxy.api, out)
    assert not again.full and again.written == 0 and again.downloaded == 0 and again.removed == 0
    after = _tree(out)
    state_after, state_before = (json.loads(t.pop(".pull-state.json")) for t in (after, before))
    # "since" never goes back (it has one-second resolution: two quick pulls may share it); nothing else moves.
    assert state_after.pop("since") >= state_before.pop("since")
    assert state_after == state_before
    assert after == before
    before = _tree(out)

    _publish_contact_and_unpublish_story()
    # An incremental pull makes 9 requests (published/ and one listing per record type): fail early, mid, last.
    for mode, allow in (("500", 0), ("drop", 4), ("500", 8)):
        proxy.seen, proxy.allow, proxy.mode = 0, allow, mode
        with pytest.raises(PullError):
            pull(proxy.api, out)
        assert _tree(out) == before, (mode, allow)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["content"]  # no half-written leftovers
    assert cli.main(["pull", "--api", proxy.api, "--out", str(out)]) == 1

    proxy.allow = None
    report = pull(proxy.api, out)
    assert not report.full
    assert report.written == 1 and report.removed == 1
    assert report.media_removed == 1  # the story's photo: nothing else uses it
    story_photo = next(c for c in report.changed if c.startswith("media/cms/"))
    assert sorted(c.split("/")[0] for c in report.changed) == ["media", "pages", "stories"]
    assert not (out / story_photo).exists()
    catalog = load_catalog(out)
    assert [r["title"] for r in catalog.all("page", "ur", fallback=False)] == ["رابطہ"]
    assert catalog.keys("story") == []
