"""Site-wide files for crawlers and feed readers: sitemap, robots.txt, Atom feeds, redirect rules.

Pure functions returning bytes, so two builds of the same content produce identical files.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from . import urls
from .catalog import Catalog
from .languages import DEFAULT_LOCALE
from .pages import Page
from .richtext import plain_text

XHTML = "http://www.w3.org/1999/xhtml"


def sitemap(pages: list[Page], absolute) -> bytes:
    """sitemap.xml with hreflang alternates for every page that has translations."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}">']
    for page in sorted(pages, key=lambda p: p.url):
        out.append(f"<url><loc>{escape(absolute(page.url))}</loc>")
        if len(page.alternates) > 1:
            for loc, url in sorted(page.alternates.items()):
                out.append(f'<xhtml:link rel="alternate" hreflang={quoteattr(loc)} href={quoteattr(absolute(url))}/>')
            default = page.alternates.get(DEFAULT_LOCALE)
            if default is not None:
                out.append(f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(absolute(default))}/>')
        out.append("</url>")
    out.append("</urlset>")
    return ("\n".join(out) + "\n").encode()


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
                f"<summary>{escape(s['summary'] or plain_text(s['body'])[:300])}</summary>",
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

