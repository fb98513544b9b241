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
