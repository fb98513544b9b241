"""Deploy with the real build: netlify.toml, its build command from a clean checkout, an
incremental S3 deploy after editing one artisan, and the Content-Security-Policy in Chromium.

These use `chinar build` on tests/fixtures/tiny, so they need the build and the theme.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from deploy_helpers import (
    MANIFEST,
    S3Server,
    bucket_md5s,
    bucket_objects,
    missing_assets,
    read_tree,
    replay,
    tree_md5s,
)

from chinar.cli import main
from chinar.deploy.httpd import start_server
from chinar.deploy.rules import DEFAULT_CACHE_CONTROL, load_rules, parse_rules

REPO = Path(__file__).resolve().parents[1]
TINY = REPO / "tests" / "fixtures" / "tiny"
NETLIFY_TOML = REPO / "netlify.toml"
BASE_URL = "https://chinar.example"
SCREENSHOTS = Path(os.environ.get("CHINAR_SCREENSHOTS", "/tmp/chinar-screenshots"))


def build(content: Path, output: Path) -> None:
    code = main(["build", "--content", str(content), "--output", str(output), "--base-url", BASE_URL])
    assert code == 0, "chinar build failed"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site") / "output"
    build(TINY, out)
    return out


# -- netlify.toml -----------------------------------------------------------------------------

def test_netlify_toml_parses_with_build_settings_and_strict_headers():
    config = tomllib.loads(NETLIFY_TOML.read_text())
    assert config["build"]["publish"] == "output"
    assert config["build"]["environment"]["PYTHON_VERSION"] == "3.11"
    assert "netlify_build.sh" in config["build"]["command"]

    headers = load_rules(NETLIFY_TOML).headers_for("/artisans/shazia-akhter/")
    csp = {d.split()[0]: d.split()[1:] for d in headers["Content-Security-Policy"].split("; ")}
    assert csp["default-src"] == ["'none'"]
    for directive in ("script-src", "style-src", "font-src", "connect-src", "manifest-src", "form-action"):
        assert csp[directive] == ["'self'"], directive
    assert csp["img-src"] == ["'self'", "data:"]
    assert csp["base-uri"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert "unsafe" not in headers["Content-Security-Policy"]
    assert headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["Cache-Control"] == DEFAULT_CACHE_CONTROL


def test_header_rules_match_paths_like_netlify():
    rules = parse_rules(tomllib.loads('''
        [[headers]]
        for = "/*"
        values = { X-A = "all" }
        [[headers]]
        for = "/static/*"
        values = { Cache-Control = "immutable", X-A = "static" }
        [[headers]]
        for = "/artisans/:slug/"
        values = { X-B = "artisan" }
    '''))
    assert rules.headers_for("/") == {"X-A": "all", "Cache-Control": DEFAULT_CACHE_CONTROL}
    assert rules.headers_for("/static/css/site.1a2b.css") == {"X-A": "static", "Cache-Control": "immutable"}
    assert rules.headers_for("/staticky.css")["Cache-Control"] == DEFAULT_CACHE_CONTROL
    assert rules.headers_for("/artisans/shazia/")["X-B"] == "artisan"
    assert rules.headers_for("/artisans/shazia")["X-B"] == "artisan"  # trailing slash optional
    assert "X-B" not in rules.headers_for("/artisans/shazia/gallery/")
    with pytest.raises(ValueError, match="headers\\[0\\]"):
        parse_rules({"headers": [{"values": {}}]})


def test_every_built_file_gets_one_value_per_header_and_hashed_assets_are_immutable(built):
    """Netlify and S3 agree only if no two matching rules set the same header for one path."""
    rules = load_rules(NETLIFY_TOML)
    for path in sorted(p.relative_to(built).as_posix() for p in built.rglob("*") if p.is_file()):
        matching = [r for r in rules.rules if r.matches("/" + path)]
        names = [n.lower() for r in matching for n in r.values]
        assert len(names) == len(set(names)), (path, [r.pattern for r in matching])
        cache = rules.cache_control_for("/" + path)
        if path.startswith(("static/", "img/")):
            assert cache == "public, max-age=31536000, immutable", path
        else:
            assert cache == DEFAULT_CACHE_CONTROL, path


def test_build_command_works_from_a_clean_checkout(tmp_path):
    """Netlify runs `[build] command` in a fresh clone of the repository (committed files only)."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True, timeout=60)
    command = tomllib.loads((clone / "netlify.toml").read_text())["build"]["command"]
    env = {k: v for k, v in os.environ.items() if k not in ("CHINAR_CMS_API", "NETLIFY", "PYTHONPATH")}
    env.update(PATH=f"{Path(sys.executable).parent}:{env['PATH']}", PYTHON=sys.executable,
               CHINAR_CONTENT="tests/fixtures/tiny", URL=BASE_URL)

    proc = subprocess.run(["sh", "-c", command], cwd=clone, env=env, capture_output=True, text=True,
                          timeout=180)

    assert proc.returncode == 0, proc.stdout + proc.stderr
    publish = clone / tomllib.loads((clone / "netlify.toml").read_text())["build"]["publish"]
    for rel in ("index.html", "404.html", "sitemap.xml", "robots.txt", "stories/feed.xml",
                "artisans/shazia-akhter/index.html"):
        assert (publish / rel).is_file(), rel
    assert f'href="{BASE_URL}/"' in (publish / "index.html").read_text()


# -- S3 with the real build -------------------------------------------------------------------

@pytest.fixture
def s3_server(monkeypatch, tmp_path):
    for var in [v for v in os.environ if v.startswith("AWS_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    server = S3Server()
    yield server
    server.stop()


def test_rebuild_after_editing_one_artisan_uploads_only_what_changed(s3_server, tmp_path):
    s3 = boto3.client("s3", endpoint_url=s3_server.url, config=Config(s3={"addressing_style": "path"}))
    bucket = f"chinar-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=bucket)
    content, out = tmp_path / "content", tmp_path / "output"
    shutil.copytree(TINY, content)

    def deploy(*extra: str) -> int:
        s3_server.faults.reset()
        return main(["deploy", f"s3://{bucket}", "--output", str(out), "--endpoint-url", s3_server.url,
                     *extra])

    build(content, out)
    before = read_tree(out)
    assert deploy() == 0
    assert bucket_md5s(s3, bucket) == tree_md5s(before)

    assert deploy() == 0  # immediately again: nothing to upload
    assert s3_server.faults.writes == []

    artisan = content / "artisans" / "shazia-akhter.en.json"
    record = json.loads(artisan.read_text())
    record["bio"] = record["bio"].replace("twelve women", "fourteen women")
    artisan.write_text(json.dumps(record, ensure_ascii=False, indent=2))
    build(content, out)
    after = read_tree(out)
    changed = {k for k in after if before.get(k) != after[k]}

    assert deploy() == 0

    uploaded = {k for op, k in s3_server.faults.writes if op == "put" and k != MANIFEST}
    assert uploaded == changed
    # Named: the artisan's page, the artisan index that shows the bio's first line, and the
    # search manifest; never images, CSS/JS, other locales' artisan pages, sitemap, feeds or robots.
    assert {"artisans/shazia-akhter/index.html", "artisans/index.html",
            "search-index/manifest.json"} <= uploaded
    for rel in uploaded:
        assert not rel.startswith(("img/", "static/", "hi/artisans/shazia-akhter/")), rel
        assert rel not in {"sitemap.xml", "robots.txt", "stories/feed.xml", "hi/stories/feed.xml",
                           "products/sozni-stole/index.html", "404.html"}, rel
        assert rel.endswith(".html") or rel.startswith("search-index/"), rel
    # The pages and search manifest went up only after every new search shard they name.
    for i, state in replay(before, s3_server.faults.writes, after):
        assert missing_assets(state) == {}, f"after write {i}"
    assert missing_assets(bucket_objects(s3, bucket, html_only=True)) == {}

    stale = sorted(set(before) - set(after))  # search shards the new index no longer uses
    assert deploy("--delete") == 0
    assert sorted(k for op, k in s3_server.faults.writes if op == "delete") == stale
    assert bucket_md5s(s3, bucket) == tree_md5s(after)


# -- Content-Security-Policy in a real browser ------------------------------------------------

CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' @' + e.sourceFile);
});
"""


class Visitor:
    """One tab that records, per navigation, CSP violation events and console messages about CSP."""

    def __init__(self, browser):
        self.page = browser.new_page()
        self.console: list[str] = []
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.add_init_script(CSP_LISTENER)

    def visit(self, url: str, wait_until: str = "load") -> tuple[list[str], dict[str, str]]:
        """Load ``url``; return (violations + CSP console messages, response headers)."""
        self.console.clear()
        response = self.page.goto(url, wait_until=wait_until)
        violations = self.page.evaluate("window.__csp")
        about_csp = [m for m in self.console if "Content Security Policy" in m or "Refused to" in m]
        return violations + about_csp, (response.headers if response else {})


@pytest.mark.browser
def test_the_csp_listener_catches_violations(browser, tmp_path):
    """Control: the detector used below does see inline scripts, inline styles and foreign images."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title><style>p{color:red}</style></head>'
        '<body><p style="color:blue">x</p><script>document.title="y"</script>'
        '<img src="http://192.0.2.1/x.png" alt=""></body></html>')
    server = start_server(tmp_path, load_rules(NETLIFY_TOML))
    try:
        problems, _ = Visitor(browser).visit(f"http://127.0.0.1:{server.server_address[1]}/")
    finally:
        server.shutdown()
    directives = {v.split()[0] for v in problems if not v.startswith(("error:", "warning:"))}
    assert {"script-src-elem", "style-src-elem", "style-src-attr", "img-src"} <= directives, problems
    assert any(v.startswith("error:") and "Content Security Policy" in v for v in problems), problems


@pytest.mark.browser
def test_no_page_of_the_built_site_reports_a_csp_violation(browser, built, tmp_path):
    rules = load_rules(NETLIFY_TOML)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    server = start_server(built, rules)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pages = sorted("/" + p.relative_to(built).as_posix().removesuffix("index.html")
                   for p in built.rglob("*.html"))
    # The search page with a query also exercises fetches (connect-src) from the search client.
    pages += ["/search/?q=sozni", "/hi/search/?q=%E0%A4%B8%E0%A5%8B%E0%A4%9C%E0%A4%BC%E0%A4%A8%E0%A5%80",
              "/no-such-page/"]
    problems = {}
    visitor = Visitor(browser)
    try:
        for path in pages:
            # Pages that fetch (search) are given time to finish; the rest only need to load.
            found, headers = visitor.visit(base + path, "networkidle" if "?q=" in path else "load")
            csp = rules.headers_for(path)["Content-Security-Policy"]
            assert headers.get("content-security-policy") == csp, path
            if found:
                problems[path] = found
        visitor.page.set_viewport_size({"width": 390, "height": 844})
        visitor.page.goto(base + "/ur/", wait_until="load")
        visitor.page.screenshot(path=str(SCREENSHOTS / "csp-ur-home.png"), full_page=True)
        visitor.page.goto(base + "/search/?q=sozni", wait_until="networkidle")
        visitor.page.screenshot(path=str(SCREENSHOTS / "csp-search.png"), full_page=True)
    finally:
        visitor.page.close()
        server.shutdown()
    assert len(pages) > 40
    assert problems == {}
