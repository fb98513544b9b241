"""What a buyer's phone loads first (issue 18, item 7), on the real build of the tiny catalog.

The first screen's picture loads at once at high priority; the search client loads only where it is
used, minified; the GI guide is linked wherever a buyer meets a GI claim.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def html(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8") if url.strip("/") else \
        (site / "index.html").read_text(encoding="utf-8")


def main_images(page: str) -> list[str]:
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    return re.findall(r"<img [^>]*>", main)


@pytest.mark.parametrize("url", ["/", "/hi/", "/ur/", "/crafts/", "/artisans/", "/products/"])
def test_the_first_picture_loads_at_once_and_the_rest_lazily(tiny_site: Path, url: str) -> None:
    images = main_images(html(tiny_site, url))
    assert len(images) >= 1
    first, rest = images[0], images[1:]
    assert 'fetchpriority="high"' in first and 'loading="lazy"' not in first
    assert all('loading="lazy"' in img and "fetchpriority" not in img for img in rest)


def test_record_pages_keep_their_hero_first(tiny_site: Path) -> None:
    images = main_images(html(tiny_site, "/crafts/sozni/"))
    assert 'fetchpriority="high"' in images[0]
    assert sum('fetchpriority="high"' in img for img in images) == 1


def test_the_search_client_loads_only_on_the_search_page(tiny_site: Path) -> None:
    client = re.compile(r'<script[^>]* src="(/static/js/search\.[0-9a-f]{10}\.js)"')
    loader = re.compile(r'<script defer src="(/static/js/search-loader\.[0-9a-f]{10}\.js)" '
                        r'data-src="(/static/js/search\.[0-9a-f]{10}\.js)" '
                        r'data-css="/static/css/search\.[0-9a-f]{10}\.css"></script>')
    pages = sorted(tiny_site.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        page = path.read_text(encoding="utf-8")
        found = loader.search(page)
        assert found, path
        assert (tiny_site / found.group(1).lstrip("/")).is_file() and (tiny_site / found.group(2).lstrip("/")).is_file()
        is_search = path.parent.name == "search"
        assert bool(client.search(page)) == is_search, path


def test_published_javascript_is_minified(tiny_site: Path) -> None:
    source = (ROOT / "themes/chinar/static/js/search.js").read_text(encoding="utf-8")
    [published] = (tiny_site / "static/js").glob("search.*.js")
    text = published.read_text(encoding="utf-8")
    assert len(text) < 0.8 * len(source)
    assert "/*" not in text and "\n  " not in text
    assert "ChinarSearch" in text and "HeaderSearch" in text  # nothing renamed


GUIDE = {"en": "/how-to-verify-gi/", "hi": "/hi/how-to-verify-gi/", "ur": "/ur/how-to-verify-gi/"}


@pytest.mark.parametrize(("url", "locale"), [("/crafts/sozni/", "en"), ("/hi/crafts/sozni/", "hi"),
                                             ("/ur/crafts/sozni/", "ur"), ("/products/sozni-stole/", "en")])
def test_a_gi_claim_links_to_the_guide(tiny_site: Path, url: str, locale: str) -> None:
    page = html(tiny_site, url)
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert re.search(rf'<span class="badge gi">[^<]*</span> <a class="gi-guide" href="{GUIDE[locale]}">', main)


@pytest.mark.parametrize("url", ["/", "/hi/", "/ur/artisans/", "/about/", "/search/"])
def test_the_footer_links_the_guide(tiny_site: Path, url: str) -> None:
    page = html(tiny_site, url)
    locale = url.split("/")[1] if url.split("/")[1] in ("hi", "ur") else "en"
    footer = page.split('<footer class="site-footer">', 1)[1]
    assert f'href="{GUIDE[locale]}"' in footer
