"""Site-wide files for crawlers and feed readers: sitemap, robots.txt, Atom feeds, redirect rules.

Pure functions returning bytes, so two builds of the same content produce identical files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from xml.sax.saxutils import escape, quoteattr

from . import urls
from .catalog import Catalog
from .languages import DEFAULT_LOCALE
from .pages import Page
from .richtext import summary

XHTML = "http://www.w3.org/1999/xhtml"


def record_day(rec: dict) -> str:
    """The day a record's content last changed: its ``updated`` (a story: else its ``date``), or ""."""
    return rec.get("updated") or rec.get("date") or ""


def last_changed(page: Page) -> str:
    """The latest day among the records a page shows (its own and those listed in its context), or "".

    A craft page changes when one of its artisans does; a list page when one of its cards does. Only
    the context's records and lists of records are looked at (a card shows its record's own fields).
    """
    latest = record_day(page.record) if page.record is not None else ""
    for value in page.context.values():
        if isinstance(value, dict):
            if "translation_key" in value:
                day = record_day(value)
                if day > latest:
                    latest = day
        elif isinstance(value, list) and value and isinstance(value[0], dict) and "translation_key" in value[0]:
            for rec in value:
                day = record_day(rec)
                if day > latest:
                    latest = day
    return latest


def update_sitemap(pages: list[Page], absolute, memo: dict[str, tuple[str, str]],
                   stale: set[str] | None = None) -> bool:
    """Bring ``memo`` (url -> (day, entry): each page's part of the sitemap, kept between builds in the
    build state) up to ``pages``; True if the sitemap it makes changed.

    Given the last build's memo and ``stale``, the URLs of the pages this build renders (every other page
    has the fingerprint it had, so the same records and alternates), only those and pages new to the memo
    are worked out again, and pages gone leave it: a one-artisan edit at 100,000 pages no longer walks
    every page, and when none of its pages' entries moved (a name edited, not a date) the sitemap is the
    last build's file. With ``stale`` None every page is worked out, the memo filled anew.
    """
    if stale is None:
        memo.clear()
        changed = True
    else:
        present = {page.url for page in pages}
        gone = [url for url in memo if url not in present]
        for url in gone:
            del memo[url]
        changed = bool(gone)
    redone = pages if stale is None else (p for p in pages if p.url in stale or p.url not in memo)
    return refresh_sitemap(redone, absolute, memo) or changed


def refresh_sitemap(pages: Iterable[Page], absolute, memo: dict[str, tuple[str, str]]) -> bool:
    """Work out again the entries of ``pages`` in ``memo``; True if one of them moved. Alone, it is
    ``update_sitemap`` for an edit in place, which keeps the page list: only the pages rendered again can
    have moved, and the other 100,000 need not be looked at."""
    changed = False
    for page in pages:
        entry = (last_changed(page), _sitemap_entry(page, absolute))
        if memo.get(page.url) != entry:
            memo[page.url] = entry
            changed = True
    return changed


def sitemap_xml(memo: dict[str, tuple[str, str]]) -> bytes:
    """sitemap.xml of the pages in ``memo`` (``update_sitemap``), in URL order, with hreflang alternates
    for every page that has translations, and ``<lastmod>``.

    ``<lastmod>`` is the day the page's content last changed, from the records (``last_changed``),
    never the clock, so the same content gives the same file. A page that shows no dated record (the
    search page, a list of undated records) gets the latest day of the whole catalog.
    """
    catalog_day = max((day for day, _ in memo.values()), default="")
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}">']
    for url in sorted(memo):
        day, (loc, alternates) = memo[url][0] or catalog_day, memo[url][1].split("\n", 1)
        out.append(loc)
        if day:
            out.append(f"<lastmod>{day}</lastmod>")
        if alternates:
            out.append(alternates)
        out.append("</url>")
    out.append("</urlset>")
    return ("\n".join(out) + "\n").encode()


def _sitemap_entry(page: Page, absolute) -> str:
    """A page's ``<url>`` lines but its ``<lastmod>``: the ``<loc>`` line, a newline, then its alternates."""
    lines = []
    if len(page.alternates) > 1:
        for loc, url in sorted(page.alternates.items()):
            lines.append(f'<xhtml:link rel="alternate" hreflang={quoteattr(loc)} href={quoteattr(absolute(url))}/>')
        default = page.alternates.get(DEFAULT_LOCALE)
        if default is not None:
            lines.append(f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(absolute(default))}/>')
    return f"<url><loc>{escape(absolute(page.url))}</loc>" + "\n" + "\n".join(lines)


def robots(absolute) -> bytes:
    return (f"User-agent: *\nAllow: /\nDisallow: /search/?\n\nSitemap: {absolute('sitemap.xml')}\n").encode()


def atom_feed(catalog: Catalog, story_keys: list[str], locale: str, title: str, absolute) -> bytes:
    """Atom feed of the stories written in ``locale`` (newest first); dates come from the content."""
    stories = [s for s in (catalog.versions("story", k).get(locale) for k in story_keys) if s is not None][:30]
    updated = max((s.get("updated", s["date"]) for s in stories), default="2020-01-01")

    def ts(day: str) -> str:
        return dt.date.fromisoformat(day).isoformat() + "T00:00:00Z"

    feed_url = absolute(urls.feed(locale))
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{locale}">',
           f"<title>{escape(title)}</title>",
           f'<link href={quoteattr(absolute(urls.index("story", locale)))} rel="alternate"/>',
           f'<link href={quoteattr(feed_url)} rel="self"/>',
           f"<id>{escape(feed_url)}</id>", f"<updated>{ts(updated)}</updated>"]
    for s in stories:
        link = absolute(urls.record(s))
        out += ["<entry>", f"<title>{escape(s['title'])}</title>", f'<link href={quoteattr(link)} rel="alternate"/>',
                f"<id>{escape(link)}</id>", f"<published>{ts(s['date'])}</published>",
                f"<updated>{ts(s.get('updated', s['date']))}</updated>",
                f"<author><name>{escape(s.get('author') or 'Chinar')}</name></author>",
                f"<summary>{escape(s['summary'] or summary(s['body'], 300))}</summary>",
                f'<content type="html">{escape(s["body"])}</content>', "</entry>"]
    out.append("</feed>")
    return ("\n".join(out) + "\n").encode()


def redirects(catalog: Catalog) -> bytes:
    """Netlify ``_redirects`` rules (301) from each record's ``old_slugs`` to its current URL."""
    rules = []
    for rec in catalog.iter_records():
        for old in rec.get("old_slugs", []):
            source = urls.detail(rec["type"], old, rec["locale"])
            rules.append(f"{urls.href(source)} {urls.href(urls.record(rec))} 301")
    return ("".join(r + "\n" for r in sorted(rules))).encode()

