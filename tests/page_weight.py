"""The page weight budget (issue 18): HTML + CSS + JS of a page, gzipped, images excluded."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

BUDGET = 50 * 1024


def weight(site: Path, html_path: Path) -> int:
    html = html_path.read_bytes()
    total = len(gzip.compress(html, 9))
    for ref in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        total += len(gzip.compress((site / ref.decode().lstrip("/")).read_bytes(), 9))
    return total
