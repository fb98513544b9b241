"""A search site for browser tests: the index, the theme's search page in every language and a stub page
per result, served with the production CSP (importable by test modules; conftest.py is not)."""

from __future__ import annotations

import http.server
import shutil
from pathlib import Path

import jinja2

from chinar import urls
from chinar.content import load_catalog
from chinar.i18n import format_price
from chinar.languages import LANGUAGE_NAMES, LANGUAGES, LOCALES, RTL_LOCALES
from chinar.offers import PRICE_BANDS
from chinar.record_types import BY_NAME, NAV, SEARCH_TYPES, SECTION_TITLES
from chinar.search import write_index
from chinar.search.documents import catalog_documents

ROOT = Path(__file__).resolve().parents[1]


THEME = ROOT / "themes" / "chinar"


CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'"
)


BASE = """<!doctype html>
<html lang="{{ locale }}" dir="{{ dir }}">
<head><meta charset="utf-8"><link rel="icon" href="data:,">
<title>{% block title %}Chinar{% endblock %}</title>
{% block head %}{% endblock %}
<script defer src="{{ static('js/search.js') }}"></script>
{% block scripts %}{% endblock %}</head>
<body>
<header><form role="search" action="{{ search_url }}" method="get" class="site-search">
<label for="site-q">{{ _('Search crafts, artisans and products') }}</label>
<input id="site-q" type="search" name="q" autocomplete="off">
<button type="submit">Search</button></form></header>
<main id="main">{% block main %}{% endblock %}</main>
</body></html>
"""


STUB = """{% extends "base.html" %}{% block main %}<h1 class="record">{{ title }}</h1>{% endblock %}"""


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".bin": "application/octet-stream",
        ".css": "text/css",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args):  # keep test output quiet
        pass


def render_site(content: Path, out: Path, cache: Path) -> None:
    """search-index/, the theme's search page in every locale, and a stub page per search result."""
    catalog = load_catalog(content, check_media=False)
    write_index(catalog, out, cache)
    for rel in ("js/search.js", "css/search.css"):
        (out / "static" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(THEME / "static" / rel, out / "static" / rel)
    env = jinja2.Environment(
        autoescape=True,
        loader=jinja2.ChoiceLoader(
            [
                jinja2.DictLoader({"base.html": BASE, "stub.html": STUB}),
                jinja2.FileSystemLoader(str(THEME / "templates")),
            ]
        ),
    )

    def context(locale: str) -> dict:
        return {
            "locale": locale,
            "dir": "rtl" if locale in RTL_LOCALES else "ltr",
            "_": lambda s, **values: s % values if values else s,  # the English interface
            "static": lambda p: "/static/" + p,
            "urls": urls,
            "href": urls.href,
            "search_url": urls.href(urls.search(locale)),
            "language_names": LANGUAGE_NAMES,
            "language_label": {lang.code: lang.english_name for lang in LANGUAGES},
            "price": lambda amount: format_price(amount, locale),
            "price_bands": PRICE_BANDS,
            "search_types": [(t, BY_NAME[t].label) for t in SEARCH_TYPES],
            "nav": [(SECTION_TITLES[t], urls.href(urls.index(t, locale))) for t in NAV],
        }

    for locale in LOCALES:
        page = out / urls.output_file(urls.search(locale))
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(env.get_template("search.html").render(**context(locale)), encoding="utf-8")
    for doc in catalog_documents(catalog):
        page = out / urls.output_file(doc.url.lstrip("/"))
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            env.get_template("stub.html").render(title=doc.title, **context(doc.locale)), encoding="utf-8"
        )
