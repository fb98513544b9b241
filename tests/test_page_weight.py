"""Page weight budget: HTML + CSS + JS of every page, gzipped, at most 50 KB (images excluded).

Buyers arrive on phones over slow connections; this keeps every page type inside one or two round trips.
"""

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


def test_every_page_is_within_the_budget(tiny_site: Path) -> None:
    pages = sorted(tiny_site.rglob("*.html"))
    assert len(pages) > 40
    weights = {p.relative_to(tiny_site).as_posix(): weight(tiny_site, p) for p in pages}
    over = {k: v for k, v in weights.items() if v > BUDGET}
    assert over == {}
    # The budget check really counts the stylesheet and scripts, not just the HTML.
    home = tiny_site / "index.html"
    assert weight(tiny_site, home) > len(gzip.compress(home.read_bytes(), 9))
