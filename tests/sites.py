"""Helpers for tests that build sites and compare them (importable by test modules; conftest.py is not)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from html.parser import HTMLParser
from pathlib import Path

BASE = "https://chinar.example.in"


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """path -> (sha256, inode) for every file."""
    return {p.relative_to(root).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_ino)
            for p in sorted(root.rglob("*")) if p.is_file()}


def tree(root: Path) -> dict[str, str]:
    """path -> sha256 for every file: what a reader sees."""
    return {path: digest for path, (digest, _inode) in snapshot(root).items()}


def edit_json(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def file_states(*roots: Path) -> dict[str, tuple[int, int, int]]:
    """path -> (mtime, size, inode) of every file: what a watcher compares."""
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size, p.stat().st_ino)
            for root in roots for p in root.rglob("*") if p.is_file()}


def changed_files(before: dict, after: dict, also: Iterable[Path | str] = ()) -> set[str]:
    """The files a watcher would report between two ``file_states``."""
    return {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)} | {str(p) for p in also}


class Doc(HTMLParser):
    """Just enough HTML parsing for assertions: attributes of <html>, links, scripts, headings."""

    def __init__(self, text: str):
        super().__init__()
        self.html_attrs: dict = {}
        self.links: list[dict] = []
        self.anchors: list[dict] = []
        self.jsonld: list = []
        self.h1: list[str] = []
        self._in: str | None = None
        self._buf = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_attrs = a
        elif tag == "link":
            self.links.append(a)
        elif tag == "a":
            self.anchors.append(a)
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in, self._buf = "jsonld", ""
        elif tag == "h1":
            self._in, self._buf = "h1", ""

    def handle_data(self, data):
        if self._in:
            self._buf += data

    def handle_endtag(self, tag):
        if self._in == "jsonld" and tag == "script":
            self.jsonld.append(json.loads(self._buf))
            self._in = None
        elif self._in == "h1" and tag == "h1":
            self.h1.append(self._buf.strip())
            self._in = None


def page(site: Path, url: str) -> Doc:
    path = site / (url.strip("/") + "/index.html" if url.strip("/") else "index.html")
    return Doc(path.read_text(encoding="utf-8"))
