"""Page weight budget: HTML + CSS + JS of every page, gzipped, at most 50 KB (images excluded).

Buyers arrive on phones over slow connections; this keeps every page type inside one or two round trips.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from page_weight import BUDGET, weight


def test_every_page_is_within_the_budget(tiny_site: Path) -> None:
    pages = sorted(tiny_site.rglob("*.html"))
    assert len(pages) > 40
    weights = {p.relative_to(tiny_site).as_posix(): weight(tiny_site, p) for p in pages}
    over = {k: v for k, v in weights.items() if v > BUDGET}
    assert over == {}
    # The budget check really counts the stylesheet and scripts, not just the HTML.
    home = tiny_site / "index.html"
    assert weight(tiny_site, home) > len(gzip.compress(home.read_bytes(), 9))
