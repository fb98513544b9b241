"""``chinar serve``: serving the output, the 404 page, and rebuilding on change with --watch."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from chinar.serve import serve_in_thread


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_serves_pages_and_the_404_page(tiny_site: Path) -> None:
    server, base = serve_in_thread(tiny_site)
    try:
        status, html = get(base + "/ur/crafts/sozni/")
        assert status == 200 and 'dir="rtl"' in html
        status, html = get(base + "/no/such/page/")
        assert status == 404 and "Page not found" in html
    finally:
        server.shutdown()


class Output:
    """The lines a process prints, collected by a thread, so a test can wait for one."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self.thread = threading.Thread(target=lambda: self.lines.extend(iter(proc.stdout.readline, "")),
                                       daemon=True)
        self.thread.start()

    def wait_for(self, pattern: str, start: int = 0, timeout: float = 120) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.lines[start:]:
                found = re.search(pattern, line)
                if found:
                    return found
            time.sleep(0.05)
        raise AssertionError(f"{pattern!r} was not printed; got: {''.join(self.lines)[-2000:]}")


def test_watch_rebuilds_on_change(tiny_content: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "chinar.cli", "serve", "--watch", "--content", str(tiny_content), "--output",
           str(out), "--cache", str(tmp_path / "cache"), "--port", "0", "--base-url", "https://chinar.example.in"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        printed = Output(proc)
        base = printed.wait_for(r"at (http://127\.0\.0\.1:\d+)/").group(1)
        html = get(base + "/artisans/shazia-akhter/")[1]
        assert "Shazia Akhter" in html
        # Rebuilds use the site URL given (the demo's first build used it too: no page changes for it).
        assert '<link rel="canonical" href="https://chinar.example.in/artisans/shazia-akhter/">' in html
        time.sleep(0.5)  # let the watcher start
        path = tiny_content / "artisans/shazia-akhter.en.json"
        data = json.loads(path.read_text())
        data["name"] = "Shazia Akhter Wani"
        path.write_text(json.dumps(data, ensure_ascii=False))
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and "Shazia Akhter Wani" not in get(base + "/artisans/shazia-akhter/")[1]:
            time.sleep(0.2)
        assert "Shazia Akhter Wani" in get(base + "/artisans/shazia-akhter/")[1]
        # A broken edit keeps the last good site online: once the watcher has taken it, and said so.
        seen = len(printed.lines)
        path.write_text("{ broken")
        printed.wait_for(r"artisans/shazia-akhter\.en\.json.*malformed JSON", seen)
        printed.wait_for(r"rebuild failed: still serving the last good build", seen)
        status, html = get(base + "/artisans/shazia-akhter/")
        assert status == 200 and "Shazia Akhter Wani" in html
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_watch_follows_the_content_folder_a_pull_swaps_in(tiny_content: Path, tmp_path: Path) -> None:
    """``chinar pull`` builds the new snapshot beside the old one and swaps the folders: the watcher
    must rebuild from the new folder, and keep watching it."""
    import shutil

    from chinar.pull import _swap

    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "chinar.cli", "serve", "--watch", "--content", str(tiny_content), "--output",
           str(out), "--cache", str(tmp_path / "cache"), "--port", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def shows(base: str, name: str) -> bool:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if name in get(base + "/artisans/shazia-akhter/")[1]:
                return True
            time.sleep(0.2)
        return False

    def rename(folder: Path, name: str) -> None:
        path = folder / "artisans/shazia-akhter.en.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data["name"] = name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    try:
        base = None
        while base is None:
            line = proc.stdout.readline()
            assert line, "server did not start"
            m = re.search(r"at (http://127\.0\.0\.1:\d+)/", line)
            base = m.group(1) if m else None
        time.sleep(0.5)
        work = tmp_path / ".content.pull"
        shutil.copytree(tiny_content, work)
        rename(work, "Shazia Akhter Mir")
        _swap(work, tiny_content)
        assert shows(base, "Shazia Akhter Mir")
        time.sleep(0.5)
        rename(tiny_content, "शाज़िया अख़्तर मीर")  # an edit in the folder now in place
        assert shows(base, "शाज़िया अख़्तर मीर")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_sends_compressed_text_and_the_production_headers(tiny_site: Path) -> None:
    """Issue 18 item 7: `chinar serve` (the real command) answers as the CDN does: brotli or gzip for
    text, and the headers netlify.toml gives each path."""
    import gzip

    import brotli

    from chinar.deploy.rules import load_rules

    cmd = [sys.executable, "-m", "chinar.cli", "serve", "--output", str(tiny_site), "--port", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            cwd=Path(__file__).parents[1])
    try:
        m = re.search(r"at (http://127\.0\.0\.1:\d+)/", proc.stdout.readline())
        assert m, "server did not start"
        base = m.group(1)
        rules = load_rules()
        html = (tiny_site / "ur/crafts/sozni/index.html").read_bytes()
        css = next((tiny_site / "static/css").glob("site.*.css"))
        css_url = "/" + css.relative_to(tiny_site).as_posix()
        for path, body in [("/ur/crafts/sozni/", html), (css_url, css.read_bytes())]:
            for accept, encoding, decode in [("gzip, deflate, br", "br", brotli.decompress),
                                             ("gzip", "gzip", gzip.decompress),
                                             ("br;q=0, gzip;q=1", "gzip", gzip.decompress),
                                             ("identity", None, bytes)]:
                req = urllib.request.Request(base + path, headers={"Accept-Encoding": accept})
                with urllib.request.urlopen(req, timeout=10) as r:
                    raw = r.read()
                    assert r.headers.get("Content-Encoding") == encoding, (path, accept)
                    assert decode(raw) == body
                    if encoding:
                        assert len(raw) < len(body) / 2 and r.headers["Vary"] == "Accept-Encoding"
                        assert int(r.headers["Content-Length"]) == len(raw)
                    for name, value in rules.headers_for(path).items():
                        assert r.headers.get(name) == value, (path, name)
        # A content-hashed file is immutable, a page is revalidated: as netlify.toml says.
        with urllib.request.urlopen(base + "/" + css.relative_to(tiny_site).as_posix(), timeout=10) as r:
            assert "immutable" in r.headers["Cache-Control"]
        with urllib.request.urlopen(base + "/", timeout=10) as r:
            assert "default-src 'none'" in r.headers["Content-Security-Policy"]
        status, page = get(base + "/no/such/page/")
        assert status == 404 and "Page not found" in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)
