"""`chinar publish` as a real process between a live Wagtail server and a real target (a folder, or moto's S3
over HTTP): the build hook's authentication, coalescing, restarts, an unreachable CMS or bucket, bad content,
unpublishing, and the editor's whole path in headless Chromium with the task worker as a process too.

The CMS runs in the test process (pytest-django's live server) on the test database, which is a file on
SQLite (settings/test.py) so the worker process shares it; on PostgreSQL it is the test database.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from admin import LIVE, login

from chinar.publish.auth import sign

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


# -- parts -------------------------------------------------------------------------------------------------

def _db_url() -> str:
    """The test database, for processes the test starts."""
    from django.db import connection

    d = connection.settings_dict
    if d["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{d['NAME']}"
    return f"postgres://{d['USER']}:{d['PASSWORD']}@{d['HOST'] or '127.0.0.1'}:{d['PORT'] or 5432}/{d['NAME']}"


class Proxy(BaseHTTPRequestHandler):
    """In front of the CMS: passes requests on, or (``server.down``) answers 503 as a CMS being restarted
    would; ``server.delay`` slows every request (a cycle that takes a while)."""

    def _forward(self, method: str) -> None:
        if self.server.down:
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        time.sleep(self.server.delay)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
        req = urllib.request.Request(self.server.upstream + self.path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                status, data, rh = resp.status, resp.read(), resp.headers
        except urllib.error.HTTPError as exc:
            status, data, rh = exc.code, exc.read(), exc.headers
        self.send_response(status)
        for k in ("Content-Type", "Date"):
            if rh.get(k):
                self.send_header(k, rh[k])
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802
        self._forward("GET")

    def do_POST(self):  # noqa: N802
        self._forward("POST")

    def log_message(self, *args):
        pass


@pytest.fixture
def cms(live_server, settings):
    """The live CMS behind a proxy the test can take down."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    server.upstream, server.down, server.delay = live_server.url, False, 0.0
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def image_renditions(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("publish-images")


class Publisher:
    """A `chinar publish` process."""

    def __init__(self, tmp: Path, api: str, target: str, renditions: Path, env: dict | None = None,
                 extra: tuple = ()) -> None:
        self.tmp, self.api, self.target = tmp, api, target
        self.state = tmp / "publisher"
        cache = self.state / "cache"
        if not cache.exists():
            cache.mkdir(parents=True)
            (cache / "images").symlink_to(renditions, target_is_directory=True)
        self.log = tmp / f"publisher-{uuid.uuid4().hex[:6]}.log"
        from django.conf import settings

        self.env = {**os.environ, "CHINAR_PUBLISH_SECRET": settings.CHINAR_PUBLISH_SECRET, **(env or {})}
        self.cmd = [sys.executable, "-m", "chinar.cli", "publish", "--api", api, "--deploy", target,
                    "--listen", "127.0.0.1:0", "--state", str(self.state), "--base-url", "https://chinar.example.in",
                    "--retry-min", "0.3", "--retry-max", "1", "--idle-save", "3600", "--workers", "1", *extra]
        self.proc: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        out = self.log.open("ab")
        self.proc = subprocess.Popen(self.cmd, env=self.env, stdout=out, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for line in self.log.read_text("utf-8", "replace").splitlines():
                if "listening on http://" in line:
                    self.hook_url = line.split("listening on ")[1].split(";")[0]
            if getattr(self, "hook_url", None) and self.proc.poll() is None:
                break
            assert self.proc.poll() is None, self.text()
            time.sleep(0.05)
        self.base = self.hook_url.rsplit("/", 1)[0]

    def text(self) -> str:
        return self.log.read_text("utf-8", "replace")

    def health(self) -> dict:
        with urllib.request.urlopen(self.base + "/health", timeout=5) as resp:
            return json.loads(resp.read())

    def wait(self, predicate, timeout: float = 90, what: str = "") -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                h = self.health()
            except OSError:
                h = {}
            if predicate(h):
                return h
            assert self.proc.poll() is None, self.text()
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}: {h}\n{self.text()[-3000:]}")

    def wait_cycle(self, cycle: int, state: str = "live", timeout: float = 90) -> dict:
        return self.wait(lambda h: h.get("cycle", 0) >= cycle and h.get("state") in ("live", "failed"), timeout,
                         f"cycle {cycle}")

    def hook(self, body: bytes | None = None, headers: dict | None = None) -> int:
        from django.conf import settings

        body = body if body is not None else json.dumps({"kind": "build-hook", "id": uuid.uuid4().hex}).encode()
        if headers is None:
            headers = sign(settings.CHINAR_PUBLISH_SECRET, body)
        req = urllib.request.Request(self.hook_url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", **headers})
        try:
            with urllib.request.urlopen(req, timeout=10) as resp:
                return resp.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


@pytest.fixture
def publishers():
    made: list[Publisher] = []
    yield made
    for p in made:
        p.stop()


@pytest.fixture
def start_publisher(tmp_path, cms, image_renditions, publishers):
    def start(target: str | None = None, env: dict | None = None) -> Publisher:
        p = Publisher(tmp_path, cms.url + "/api/v2/", target or str(tmp_path / "live"), image_renditions, env)
        publishers.append(p)
        h = p.wait_cycle(1)
        assert h["state"] == "live", p.text()
        return p

    return start


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _artisan(slug: str = "shazia-akhter", locale: str = "en"):
    from chinar_cms.artisans.models import ArtisanPage

    return ArtisanPage.objects.get(slug=slug, locale__language_code=locale)


def _publish_bio(text: str, slug: str = "shazia-akhter", clean: bool = True):
    page = _artisan(slug)
    page.bio = f"<p>{text}</p>"
    page.save_revision(clean=clean).publish()
    return page


def _cycles():
    from chinar_cms.buildhook.models import PublishCycle

    return {c.cycle: c for c in PublishCycle.objects.all()}


# -- the hook: authenticated, replay-proof, coalesced ----------------------------------------------------

@LIVE
def test_unsigned_wrongly_signed_old_and_replayed_hooks_get_401_and_run_nothing(start_publisher, tmp_path):
    from django.conf import settings

    p = start_publisher()
    live = _tree(tmp_path / "live")
    body = json.dumps({"kind": "build-hook", "id": uuid.uuid4().hex}).encode()
    good = sign(settings.CHINAR_PUBLISH_SECRET, body)
    assert p.hook(body, headers={}) == 401  # unsigned
    assert p.hook(body, headers=sign("another-secret-of-enough-length", body)) == 401  # wrong secret
    assert p.hook(body + b" ", headers=good) == 401  # body changed after signing
    assert p.hook(body, headers=sign(settings.CHINAR_PUBLISH_SECRET, body, now=time.time() - 3600)) == 401  # old
    time.sleep(1.5)
    h = p.health()
    assert h["cycle"] == 1 and h["hooks_received"] == 0  # nothing ran
    assert p.hook(body, headers=good) == 202
    assert p.hook(body, headers=good) == 401  # the same request again: a replay
    h = p.wait_cycle(2)
    time.sleep(1.5)
    assert p.health()["cycle"] == 2 and p.health()["hooks_received"] == 1  # one cycle, for the one good hook
    assert _tree(tmp_path / "live") == live  # nothing was published, so nothing changed
    assert "refused a build hook" in p.text() and "replayed request" in p.text()


@LIVE
def test_five_hooks_in_one_second_make_one_or_two_cycles_and_every_change_goes_live(start_publisher, tmp_path):
    from chinar_cms.pages.models import StandardPage

    p = start_publisher()
    about = StandardPage.objects.get()
    for i in range(5):  # the editors' work first: on PostgreSQL a publish alone can take most of a second
        about.body = f"<p>Chinar revision {i}: Sozni, Pashmina, पश्मीना, پشمینہ.</p>"
        about.save_revision().publish()
        if i == 2:
            _publish_bio("Shazia embroiders sozni stoles; now also papier-mâché boxes.")
    start = time.monotonic()
    assert [p.hook() for _ in range(5)] == [202] * 5  # then the five hooks, back to back
    assert time.monotonic() - start < 1
    p.wait(lambda h: h.get("state") == "live" and h.get("cycle", 0) >= 2, what="the hooks' cycles")
    time.sleep(2)  # any further cycle would have started by now
    h = p.health()
    assert h["state"] == "live" and 2 <= h["cycle"] <= 3, h  # the start, then one or two for the five hooks
    assert h["hooks_received"] == 5
    html = (tmp_path / "live" / "about" / "index.html").read_text("utf-8")
    assert "Chinar revision 4" in html and "पश्मीना" in html and "پشمینہ" in html
    assert "papier-mâché boxes" in (tmp_path / "live/artisans/shazia-akhter/index.html").read_text("utf-8")


@LIVE
def test_a_publish_during_a_cycle_gets_exactly_one_more_cycle(start_publisher, cms, tmp_path):
    p = start_publisher()
    cms.delay = 0.25  # every CMS request takes a while: the cycle is still running when the next publish comes
    _publish_bio("First edit of the afternoon.")
    assert p.hook() == 202
    p.wait(lambda h: h.get("state") == "building" and h.get("cycle") == 2, what="cycle 2 to start")
    _publish_bio("Second edit, published while the first was being built.")
    assert p.hook() == 202
    assert p.hook() == 202  # and a duplicate delivery: still one more cycle
    cms.delay = 0
    p.wait(lambda h: h.get("state") == "live" and h.get("cycle") == 3, what="cycle 3")
    time.sleep(1.5)
    assert p.health()["cycle"] == 3  # not four: the two hooks during cycle 2 became one cycle
    assert "Second edit" in (tmp_path / "live/artisans/shazia-akhter/index.html").read_text("utf-8")
    cycles = _cycles()
    assert cycles[3].state == "live" and cycles[3].figures["hooks"] == 2


# -- failures: the CMS down, bad content, the publisher killed mid-deploy ---------------------------------

@LIVE
def test_the_cms_down_during_a_cycle_is_retried_and_the_site_kept(start_publisher, cms, tmp_path):
    p = start_publisher()
    live = _tree(tmp_path / "live")
    _publish_bio("Published while the CMS was being restarted.")
    cms.down = True
    assert p.hook() == 202
    p.wait(lambda h: h.get("state") == "retrying", what="a retry")
    assert _tree(tmp_path / "live") == live  # the site is as it was
    time.sleep(1.5)  # a few retries, all failing
    assert p.health()["state"] == "retrying"
    cms.down = False  # no new hook: the publisher retries by itself
    h = p.wait(lambda h: h.get("state") == "live" and h.get("cycle", 0) >= 3, what="recovery")
    assert "Published while the CMS" in (tmp_path / "live/artisans/shazia-akhter/index.html").read_text("utf-8")
    assert "cannot pull from the CMS" in p.text()
    cycles = _cycles()  # the reports that could not be delivered while the CMS was down came after
    assert cycles[h["cycle"]].state == "live"


@LIVE
def test_a_record_that_fails_the_checks_is_reported_to_the_editor_and_the_site_kept(start_publisher, tmp_path,
                                                                                    admin_client):

    p = start_publisher()
    live = _tree(tmp_path / "live")
    from chinar_cms.artisans.models import ArtisanPage
    from django.utils import timezone

    page = _artisan()
    # The form refuses it; a script writing to the database may not (published as of now).
    ArtisanPage.objects.filter(pk=page.pk).update(practising_since=1850, last_published_at=timezone.now())
    assert p.hook() == 202
    h = p.wait_cycle(2)
    assert h["state"] == "failed"
    assert _tree(tmp_path / "live") == live  # the live site stays at its last good version
    [problem] = h["problems"]
    assert problem["pointer"] == "/practising_since" and problem["file"].startswith("artisans/")

    status = _status_becomes("failed")  # the publisher reports to the CMS just after its own state changes
    assert status.problems[0].startswith("Artisan “Shazia Akhter” (English), field “practising_since”: 1850")
    fragment = admin_client.get(f"/admin/publishing/pages/{page.pk}/").content.decode()
    assert "Not on the site" in fragment and "practising_since" in fragment
    dashboard = admin_client.get("/admin/").content.decode()
    assert "failed. The site still shows the previous version." in dashboard

    page = _artisan()
    page.practising_since = 2001  # the editor corrects it and publishes again
    page.save_revision().publish()
    assert p.hook() == 202
    assert p.wait_cycle(3)["state"] == "live"
    assert _status_becomes("live").state == "live"


def _status_becomes(state: str, timeout: float = 15):
    """The artisan's status as the editor sees it, once it reads ``state`` (or the last one seen)."""
    from chinar_cms.buildhook.status import page_status

    deadline = time.monotonic() + timeout
    status = page_status(_artisan())
    while status.state != state and time.monotonic() < deadline:
        time.sleep(0.1)
        status = page_status(_artisan())
    return status


def _s3_env(server_url: str, tmp_path: Path) -> dict:
    return {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": str(tmp_path / "no-aws-config"), "AWS_MAX_ATTEMPTS": "2",
            "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "no-aws-credentials"), "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_ENDPOINT_URL": server_url}


@pytest.fixture
def s3_bucket(tmp_path, monkeypatch):
    import boto3
    from botocore.config import Config
    from deploy_helpers import S3Server

    server = S3Server()
    env = _s3_env(server.url, tmp_path)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    client = boto3.client("s3", endpoint_url=server.url, config=Config(s3={"addressing_style": "path"}))
    name = f"chinar-{uuid.uuid4().hex[:10]}"
    client.create_bucket(Bucket=name)
    yield server, client, name, env
    server.stop()


@LIVE
def test_killed_mid_deploy_and_restarted_converges(start_publisher, s3_bucket, tmp_path):
    from deploy_helpers import bucket_md5s, bucket_objects, missing_assets, tree_md5s

    server, s3, bucket, env = s3_bucket
    p = start_publisher(f"s3://{bucket}/site", env)
    server.faults.reset()
    server.faults.fail_after = 3  # the bucket starts failing three uploads into the deploy
    _publish_bio("Edited just before the storage failed: शॉल और स्टोल, شال اور اسٹول.")
    assert p.hook() == 202
    p.wait(lambda h: h.get("state") == "retrying", what="the failing deploy")
    assert missing_assets(bucket_objects(s3, bucket, "site/")) == {}  # no live page points at a missing file
    p.kill()  # mid-deploy, with uploads still to do

    server.faults.reset()
    restarted = Publisher(tmp_path, p.api, p.target, tmp_path / "publisher/cache/images", env)
    p.proc = restarted.proc  # stopped at teardown
    h = restarted.wait(lambda h: h.get("state") == "live" and h.get("cycle", 0) >= 3, what="the catch-up cycle")
    assert h["state"] == "live"
    objects = bucket_objects(s3, bucket, "site/")
    page = objects["artisans/shazia-akhter/index.html"].decode()
    assert "शॉल और स्टोल" in page and "شال اور اسٹول" in page  # nothing published was lost
    assert missing_assets(objects) == {}
    output = _tree(tmp_path / "publisher" / "output")
    assert bucket_md5s(s3, bucket, "site/") == tree_md5s(output)  # the bucket is exactly the output


@LIVE
def test_an_unpublished_artisan_leaves_the_bucket_and_search(start_publisher, s3_bucket, tmp_path):
    from deploy_helpers import bucket_objects, missing_assets

    _server, s3, bucket, env = s3_bucket
    p = start_publisher(f"s3://{bucket}", env)
    before = bucket_objects(s3, bucket)
    mentions = [k for k, v in before.items() if k.startswith("search-index/") and b"artisans/shazia-akhter/" in v]
    assert "artisans/shazia-akhter/index.html" in before and mentions
    for locale in ("en", "hi"):  # the artisan, in every language
        _artisan(locale=locale).unpublish()
    assert p.hook() == 202
    assert p.wait_cycle(2)["state"] == "live"
    after = bucket_objects(s3, bucket)
    assert not [k for k in after if "shazia-akhter" in k]
    assert not [k for k, v in after.items() if k.startswith("search-index/") and b"shazia-akhter" in v]
    assert "Shazia" not in after["artisans/index.html"].decode()
    assert "shazia-akhter" not in after["sitemap.xml"].decode()
    assert missing_assets(after) == {}


# -- the editor's path, in a real browser -------------------------------------------------------------

@pytest.fixture
def worker(publishers, settings):
    """The task worker as its own process (``manage.py db_worker``), delivering hooks to ``url``."""
    procs = []

    def start(hook_url: str) -> subprocess.Popen:
        settings.CHINAR_BUILD_HOOK_URL = hook_url  # this process queues; the worker delivers
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "chinar_cms.settings.test", "DATABASE_URL": _db_url(),
               "CHINAR_TEST_BUILD_HOOK_URL": hook_url}
        proc = subprocess.Popen([sys.executable, "manage.py", "db_worker", "--backend", "db", "--queue-name",
                                 "buildhook", "--interval", "0.2", "--no-startup-delay", "--no-reload"],
                                cwd=REPO / "cms", env=env, start_new_session=True)
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(20)


@pytest.mark.browser
@LIVE
def test_an_editor_publishes_in_the_admin_and_the_bucket_serves_it_then_the_admin_shows_it_live(
        start_publisher, s3_bucket, worker, live_server, browser, tmp_path, settings):
    _server, s3, bucket, env = s3_bucket
    settings.CHINAR_SITE_BASE_URL = "https://chinar.example.in"
    p = start_publisher(f"s3://{bucket}", env)
    worker(p.hook_url)
    shots = Path(os.environ.get("CHINAR_SCREENSHOTS", "/tmp/chinar-screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    artisan = _artisan()
    base = live_server.url

    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    login(page, base, "admin", "chinar-admin")
    page.goto(f"{base}/admin/pages/{artisan.pk}/edit/")
    page.fill("#id_cooperative", "Sozni Karigar Cooperative, Srinagar — سوزنی کاریگر")
    page.locator("[data-w-dropdown-target=toggle]").last.click()  # the footer's other actions
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    published = time.monotonic()

    key = "artisans/shazia-akhter/index.html"
    deadline = time.monotonic() + 60
    html = ""
    while time.monotonic() < deadline:  # no command in between: the hook, the worker and the publisher do it
        html = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode()
        if "Sozni Karigar Cooperative" in html:
            break
        time.sleep(0.2)
    assert "Sozni Karigar Cooperative, Srinagar — سوزنی کاریگر" in html, p.text()[-2000:]
    print(f"published -> in the bucket: {time.monotonic() - published:.1f} s")

    page.goto(f"{base}/admin/pages/{artisan.pk}/edit/")
    bar = page.locator("#chinar-publish-status")
    bar.get_by_text("Live on the site since").wait_for(timeout=30000)
    link = bar.get_by_role("link")
    assert link.get_attribute("href") == "https://chinar.example.in/artisans/shazia-akhter/"
    page.screenshot(path=str(shots / "publish-editor-live.png"), full_page=False)
    page.goto(f"{base}/admin/")
    panel = page.locator("#chinar-publishing-section, .chinar-publishing").first
    assert "The site is up to date" in panel.inner_text()
    page.screenshot(path=str(shots / "publish-dashboard.png"), full_page=True)

    from django.contrib.auth import get_user_model
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(get_user_model().objects.get(username="admin"))
    profile.preferred_language = "hi"
    profile.save()
    page.goto(f"{base}/admin/pages/{artisan.pk}/edit/")
    page.locator("#chinar-publish-status").get_by_text("से साइट पर उपलब्ध").wait_for(timeout=30000)
    page.screenshot(path=str(shots / "publish-editor-live-hi.png"), full_page=False)


@pytest.mark.browser
@LIVE
def test_view_live_opens_the_page_on_the_public_site(live_server, browser, tiny_site, settings, client):
    """As a new user would: publish, then "View live" in the confirmation (and in the page's menu)."""
    from chinar.serve import serve_in_thread

    server, site = serve_in_thread(tiny_site)
    try:
        settings.CHINAR_SITE_BASE_URL = site
        artisan = _artisan()
        assert client.get("/artisans/shazia-akhter/").headers["Location"] == f"{site}/artisans/shazia-akhter/"
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        login(page, live_server.url, "admin", "chinar-admin")
        page.goto(f"{live_server.url}/admin/pages/{artisan.pk}/edit/")
        page.locator("[data-w-dropdown-target=toggle]").last.click()
        page.get_by_role("button", name="Publish").click()
        page.wait_for_load_state()
        view_live = page.get_by_role("link", name="View live").first
        assert view_live.get_attribute("href") == f"{site}/artisans/shazia-akhter/"
        view_live.click()
        page.wait_for_load_state()
        assert page.url == f"{site}/artisans/shazia-akhter/"
        assert "Shazia Akhter" in page.title()  # the public page, not a CMS error

        hindi = _artisan(locale="hi")
        page.goto(f"{live_server.url}/admin/pages/{hindi.get_parent().pk}/")  # the Hindi artisans listing
        href = f"{site}/hi/artisans/shazia-akhter/"
        assert page.locator(f'a[href="{href}"]').count() >= 1  # the page's "View live" in its menu
        response = page.goto(href)
        assert response.status == 200 and "lang=\"hi\"" in page.content()
    finally:
        server.shutdown()


@pytest.mark.django_db
def test_published_ids_match_the_listings(client, load_tiny):
    """``published/`` (one request) lists exactly what the paginated listings list."""
    load_tiny()
    ids = client.get("/api/v2/published/").json()["ids"]
    for type_, listed in ids.items():
        path = "/api/v2/districts/" if type_ == "district" else f"/api/v2/pages/?record_type={type_}"
        sep = "&" if "?" in path else "?"
        items = client.get(f"{path}{sep}fields=_,id&limit=100").json()["items"]
        assert sorted(listed) == sorted(item["id"] for item in items), type_

