"""The static build: every page type in every locale, safe failure, determinism, site files."""

from __future__ import annotations

import hashlib
import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from catalogs import TINY
from chinar.build import build
from chinar.cli import main


def tree(root: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under root."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


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


# Each record version in the tiny catalog, with the URL its page must have.
RECORD_PAGES = [
    ("/districts/srinagar/", "en", "Srinagar"), ("/hi/districts/srinagar/", "hi", "श्रीनगर"),
    ("/ur/districts/srinagar/", "ur", "سری نگر"), ("/districts/kathua/", "en", "Kathua"),
    ("/crafts/sozni/", "en", "Sozni embroidery"), ("/hi/crafts/sozni/", "hi", "सोज़नी कढ़ाई"),
    ("/ur/crafts/sozni/", "ur", "سوزنی کڑھائی"), ("/artisans/shazia-akhter/", "en", "Shazia Akhter"),
    ("/hi/artisans/shazia-akhter/", "hi", "शाज़िया अख़्तर"),
    ("/products/sozni-stole/", "en", "Sozni pashmina stole, paisley border"),
    ("/collections/winter-gifts/", "en", "Winter gifts"), ("/collections/under-20000/", "en", "Sozni under ₹20,000"),
    ("/stories/a-needle-and-a-winter/", "en", "A needle and a winter"),
    ("/campaigns/winter-craft-trail/", "en", "Winter craft trail"), ("/about/", "en", "About Chinar"),
]
STRUCTURAL = ["", "crafts/", "artisans/", "products/", "districts/", "collections/", "stories/", "campaigns/",
              "search/"]


@pytest.mark.parametrize(("url", "locale", "title"), RECORD_PAGES)
def test_every_record_page_renders_in_its_locale(tiny_site: Path, url: str, locale: str, title: str) -> None:
    doc = page(tiny_site, url)
    assert doc.html_attrs == {"lang": locale, "dir": "rtl" if locale == "ur" else "ltr"}
    assert doc.h1 == [title]


@pytest.mark.parametrize("locale", ["en", "hi", "ur"])
@pytest.mark.parametrize("section", STRUCTURAL)
def test_structural_pages_exist_in_every_locale(tiny_site: Path, locale: str, section: str) -> None:
    prefix = "" if locale == "en" else f"{locale}/"
    doc = page(tiny_site, prefix + section)
    assert doc.html_attrs["lang"] == locale
    assert len(doc.h1) == 1


def test_pages_exist_only_where_a_translation_exists(tiny_site: Path) -> None:
    assert not (tiny_site / "ur/artisans/shazia-akhter").exists()
    assert not (tiny_site / "hi/products/sozni-stole").exists()
    # ...but the Hindi product list still shows the English product, marked as English.
    html = (tiny_site / "hi/products/index.html").read_text()
    assert 'lang="en"' in html and "/products/sozni-stole/" in html


def test_language_switcher_and_hreflang(tiny_site: Path) -> None:
    doc = page(tiny_site, "/crafts/sozni/")
    alternates = {a["hreflang"]: a["href"] for a in doc.links if a.get("rel") == "alternate" and "hreflang" in a}
    assert alternates == {"en": "https://chinar.example.in/crafts/sozni/",
                          "hi": "https://chinar.example.in/hi/crafts/sozni/",
                          "ur": "https://chinar.example.in/ur/crafts/sozni/"}
    switch = {a["hreflang"]: a["href"] for a in doc.anchors if "hreflang" in a}
    assert switch == {"en": "/crafts/sozni/", "hi": "/hi/crafts/sozni/", "ur": "/ur/crafts/sozni/"}
    # An artisan with no Urdu version offers no Urdu link.
    switch = {a["hreflang"] for a in page(tiny_site, "/artisans/shazia-akhter/").anchors if "hreflang" in a}
    assert switch == {"en", "hi"}


def test_interface_strings_are_translated(tiny_site: Path) -> None:
    assert "कहाँ से खरीदें" not in (tiny_site / "products/sozni-stole/index.html").read_text()
    hi = (tiny_site / "hi/artisans/shazia-akhter/index.html").read_text()
    assert "मुख्य सामग्री पर जाएँ" in hi and "Skip to content" not in hi
    ur = (tiny_site / "ur/crafts/sozni/index.html").read_text()
    assert "اصل کی پہچان کیسے کریں" in ur


def test_product_page_links_out_to_marketplaces(tiny_site: Path) -> None:
    doc = page(tiny_site, "/products/sozni-stole/")
    buy = [a for a in doc.anchors if "flipkart.com" in a.get("href", "")]
    assert len(buy) == 1
    assert buy[0]["rel"] == "noopener sponsored external"
    assert buy[0]["href"] == ("https://www.flipkart.com/sozni-pashmina-stole/p/itm0001?pid=STLG0001"
                              "&utm_source=chinar&utm_medium=referral")
    # The out-of-stock listing is shown as unavailable, not as a buy button.
    assert not [a for a in doc.anchors if "emporium.jkhhc.example" in a.get("href", "")]
    assert "Currently unavailable" in (tiny_site / "products/sozni-stole/index.html").read_text()


def test_campaign_page_tags_links_with_its_campaign(tiny_site: Path) -> None:
    doc = page(tiny_site, "/campaigns/winter-craft-trail/")
    buy = [a["href"] for a in doc.anchors if "flipkart.com" in a.get("href", "")]
    assert buy and all("utm_campaign=winter-trail-2026" in h for h in buy)
    html = (tiny_site / "campaigns/winter-craft-trail/index.html").read_text()
    # Blocks render in order.
    order = [html.index(s) for s in ("block-text", "block-featured_artisans", "block-featured_collection",
                                      "block-craft_trail", "block-call_to_action")]
    assert order == sorted(order)


def test_prices_use_indian_grouping(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    path = tiny_content / "products/sozni-stole.en.json"
    data = json.loads(path.read_text())
    data["listings"][0]["price_inr"] = 125000
    path.write_text(json.dumps(data))
    build(tiny_content, tmp_path / "out", cache_dir=image_cache)
    assert "₹1,25,000" in (tmp_path / "out/products/sozni-stole/index.html").read_text()


def test_site_files(tiny_site: Path) -> None:
    sitemap = ET.parse(tiny_site / "sitemap.xml").getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    locs = [e.text for e in sitemap.findall("s:url/s:loc", ns)]
    assert "https://chinar.example.in/ur/crafts/sozni/" in locs and len(locs) == len(set(locs))
    for url in sitemap.findall("s:url", ns):
        loc = url.find("s:loc", ns).text
        path = loc.removeprefix("https://chinar.example.in/")
        assert (tiny_site / (path + "index.html" if path.endswith("/") or not path else path)).is_file(), loc
    craft = next(u for u in sitemap.findall("s:url", ns) if u.find("s:loc", ns).text.endswith("/crafts/sozni/"))
    assert {link.get("hreflang") for link in craft.findall("x:link", ns)} == {"en", "hi", "ur", "x-default"}
    robots = (tiny_site / "robots.txt").read_text()
    assert "Sitemap: https://chinar.example.in/sitemap.xml" in robots
    feed = ET.parse(tiny_site / "stories/feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert [e.find(f"{atom}title").text for e in feed.findall(f"{atom}entry")] == ["A needle and a winter"]
    assert (tiny_site / "404.html").is_file()


def test_redirects_from_old_slugs(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    path = tiny_content / "crafts/sozni.hi.json"
    data = json.loads(path.read_text())
    data["old_slugs"] = ["sozani"]
    path.write_text(json.dumps(data, ensure_ascii=False))
    build(tiny_content, tmp_path / "out", cache_dir=image_cache)
    assert (tmp_path / "out/_redirects").read_text() == "/hi/crafts/sozani/ /hi/crafts/sozni/ 301\n"


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    # Separate caches: even the image renditions are encoded twice and must match.
    build(TINY, tmp_path / "a", "https://chinar.example.in", cache_dir=tmp_path / "cache-a")
    build(TINY, tmp_path / "b", "https://chinar.example.in", cache_dir=tmp_path / "cache-b")
    a, b = tree(tmp_path / "a"), tree(tmp_path / "b")
    assert len(a) > 50 and a == b


def test_rebuild_rewrites_nothing(tiny_site: Path, tmp_path: Path, image_cache: Path) -> None:
    out = tmp_path / "out"
    build(TINY, out, "https://chinar.example.in", cache_dir=image_cache)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    report = build(TINY, out, "https://chinar.example.in", cache_dir=image_cache)
    assert report.written == 0 and report.rendered == 0  # nothing changed: nothing done at all
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before


def test_failed_build_keeps_the_last_good_output(tiny_content: Path, tmp_path: Path, image_cache: Path,
                                                 capsys) -> None:
    out = tmp_path / "out"
    build(tiny_content, out, cache_dir=image_cache)
    before = tree(out)
    (tiny_content / "products/sozni-stole.en.json").write_text("{ not json")
    status = main(["build", "--content", str(tiny_content), "--output", str(out), "--cache", str(image_cache)])
    assert status == 1
    err = capsys.readouterr().err
    assert "products/sozni-stole.en.json" in err and "malformed JSON" in err and "left unchanged" in err
    assert tree(out) == before
    assert not any(p.name.startswith(".out.") for p in tmp_path.iterdir())


def test_template_error_keeps_the_last_good_output(tiny_content: Path, tmp_path: Path, image_cache: Path) -> None:
    import shutil

    from chinar.build import BuildError
    from chinar.render import default_theme_dir

    out = tmp_path / "out"
    build(tiny_content, out, cache_dir=image_cache)
    before = tree(out)
    theme = tmp_path / "theme"
    shutil.copytree(default_theme_dir(), theme)
    broken = "{% extends 'base.html' %}{% block main %}{{ rec.title|nope }}{% endblock %}"
    (theme / "templates/product.html").write_text(broken)
    with pytest.raises(Exception) as info:
        build(tiny_content, out, cache_dir=image_cache, theme_dir=theme)
    assert isinstance(info.value, BuildError) or "nope" in str(info.value)
    assert tree(out) == before


def test_long_lists_are_paginated_under_their_craft(tmp_path: Path, synthetic_cache) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=120, products=1)
    out = tmp_path / "out"
    build(content, out, "https://chinar.example.in", cache_dir=synthetic_cache())
    craft = page(out, "/crafts/sozni/")
    listed = [a["href"] for a in craft.anchors if a["href"].startswith("/artisans/artisan-")]
    assert 0 < len(listed) <= 12
    more = [a["href"] for a in craft.anchors if a["href"] == "/crafts/sozni/artisans/"]
    assert more
    catalog_artisans = sorted(p.name.split(".")[0] for p in (content / "artisans").glob("*.en.json")
                              if '"sozni"' in p.read_text())
    seen, url = [], "/crafts/sozni/artisans/"
    while url:  # follow "next" through every page of the sublist
        doc = page(out, url)
        assert doc.h1 == [f"Artisans: {json.loads((content / 'crafts/sozni.en.json').read_text())['name']}"]
        seen += [a["href"].split("/")[2] for a in doc.anchors if a["href"].startswith("/artisans/artisan-")]
        nxt = [a["href"] for a in doc.anchors if a.get("rel") == "next"]
        url = nxt[0] if nxt else None
    assert sorted(set(seen)) == catalog_artisans
    # The pager links to a window of pages, never to every page.
    assert len([a for a in page(out, "/products/").anchors if "/products/page/" in a["href"]]) <= 8


def test_bounded_card_cache_gives_the_same_pages(tmp_path: Path, tiny_site: Path, image_cache: Path,
                                                 monkeypatch) -> None:
    """Render workers drop their card cache when it is full; cards made again must be identical."""
    import chinar.render

    monkeypatch.setattr(chinar.render, "CARD_CACHE_ALL_BELOW", 0)
    monkeypatch.setattr(chinar.render, "CARD_CACHE_MAX", 2)
    out = tmp_path / "out"
    build(TINY, out, "https://chinar.example.in", cache_dir=image_cache)
    assert tree(out) == tree(tiny_site)


def test_template_helpers_are_called_directly_and_context_helpers_still_get_their_context():
    """Plain helpers skip Jinja's per-call check; a helper that asks for the context still gets it,
    including one added to the environment after it was made."""
    from jinja2 import pass_context, pass_environment

    from chinar.render import Renderer, _plain_callables, default_theme_dir

    @pass_context
    def page_locale(ctx):
        return ctx["locale"]

    class Counter:
        @pass_environment
        def __call__(self, env):
            return len(env.globals) > 0

    def double(x):
        return x * 2

    counter = Counter()
    assert list(_plain_callables([page_locale, counter, double, dict, "text"]).values()) == [double]

    renderer = Renderer(default_theme_dir(), "https://example.org", lambda p: "/static/" + p)
    env = renderer.envs["hi"]
    env.globals.update(page_locale=page_locale, counter=counter, double=double)
    out = env.from_string(
        "{{ page_locale() }} {{ counter() }} {{ double(21) }} {{ href('hi/artisans/') }} "
        "{% for x in [1] %}{{ page_locale() }}{% endfor %}"
    ).render()
    assert out == "hi True 42 /hi/artisans/ hi"


def test_render_chunks_keep_each_languages_list_pages_together():
    """Every page is rendered once; a language's list pages go to one worker, before the other pages."""
    from chinar.build import plan_chunks
    from chinar.pages import Page

    kinds = ["artisan_index", "product", "craft", "artisan", "home", "product_index", "story"]
    pages = [Page(f"/{loc}/{i}/", "x.html", loc, {}, kind=kinds[i % len(kinds)])
             for loc in ("en", "hi", "ur") for i in range(700)]
    todo = list(range(len(pages)))
    chunks = plan_chunks(pages, todo, workers=2)
    assert sorted(i for chunk in chunks for i in chunk) == todo
    is_list = [p.kind.endswith("_index") or p.kind in ("home", "craft") for p in pages]
    list_chunks = [c for c in chunks if is_list[c[0]]]
    assert chunks[:len(list_chunks)] == list_chunks  # list pages first
    assert [{pages[i].locale for i in c} for c in list_chunks] == [{"en"}, {"hi"}, {"ur"}]
    assert all(is_list[i] for c in list_chunks for i in c)
    assert plan_chunks(pages, todo, workers=1) == [todo[i:i + 200] for i in range(0, len(todo), 200)]


def test_output_escaping_writes_what_markupsafe_would():
    """``{{ value }}`` goes through ``_escape_output`` (plain strings, no Markup objects): same text."""
    from jinja2 import Undefined
    from markupsafe import Markup, escape

    from chinar.render import Renderer, _escape_output, default_theme_dir

    class Html:
        def __html__(self):
            return "<b>ok</b>"

    values = ["plain", "a & b <c> \"d\" 'e'", "&amp; already", "हिन्दी <ग>", "اردو & ‘quote’", "",
              Markup("<i>safe</i>"), 42, 3.5, None, Undefined(), Html(), ["<x>"]]
    for value in values:
        assert _escape_output(value) == str(escape(value)), value
    renderer = Renderer(default_theme_dir(), "https://example.org", lambda p: "/static/" + p)
    env = renderer.envs["ur"]
    text = "<script>alert('x')</script> & \"quotes\" اردو"
    assert env.from_string("<p title=\"{{ t }}\">{{ t }}{{ m }}</p>").render(t=text, m=Markup("<br>")) == (
        f"<p title=\"{escape(text)}\">{escape(text)}<br></p>")


def test_interface_strings_are_translated_when_templates_compile():
    """``_('literal')`` is folded into the compiled template of each language, as the call would give;
    a template that binds ``_`` itself keeps its own."""
    from chinar.render import Renderer, default_theme_dir

    renderer = Renderer(default_theme_dir(), "https://example.org", lambda p: "/static/" + p)
    for locale, env in renderer.envs.items():
        expected = str(env.globals["_"]("Skip to content"))
        template = env.from_string("[{{ _('Skip to content') }}|{{ gettext('Skip to content') }}]")
        assert template.render() == f"[{expected}|{expected}]"
        if locale == "hi":
            assert expected != "Skip to content" and any("\u0900" <= ch <= "\u097f" for ch in expected)
        # Folded: the compiled code holds the translation and no call to the gettext function.
        code = env.compile("{{ _('Skip to content') }}", raw=True)
        assert "context.call" not in code and expected in code
    hi = renderer.envs["hi"]
    assert hi.from_string("{% macro _(s) %}[{{ s }}]{% endmacro %}{{ _('Search') }}").render() == "[Search]"
    assert hi.from_string("{% set gettext = _ %}{{ gettext('Search') }}").render() == str(hi.globals["_"]("Search"))
    assert hi.from_string("{% for _ in ['x'] %}{{ _ }}{% endfor %}").render() == "x"
    assert hi.from_string("{{ _('%(n)s pages', n=3) }}").render() == str(hi.globals["_"]("%(n)s pages", n=3))


def test_compiled_templates_are_kept_per_language_and_catalog(tmp_path: Path):
    """Translations are compiled into the templates, so each language has its own compiled code, and
    an edited catalog is never served from code compiled with the old one (also within one process)."""
    from chinar.render import Renderer

    theme = tmp_path / "theme"
    (theme / "templates").mkdir(parents=True)
    (theme / "templates/t.html").write_text("{{ _('Search') }}\n")
    po = theme / "translations/hi/LC_MESSAGES/messages.po"
    po.parent.mkdir(parents=True)

    def catalog(text: str) -> None:
        po.write_text(f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                      f'msgid "Search"\nmsgstr "{text}"\n', encoding="utf-8")

    def render(locale: str) -> str:
        renderer = Renderer(theme, "https://example.org", lambda p: p, bytecode_dir=tmp_path / "bytecode")
        return renderer.envs[locale].get_template("t.html").render().strip()

    catalog("खोजें")
    assert render("hi") == "खोजें"
    assert render("en") == "Search"  # the same bytecode folder: English did not get the Hindi code
    assert render("hi") == "खोजें"  # now from the compiled code on disk
    catalog("ढूँढें")
    assert render("hi") == "ढूँढें"
    assert sorted(p.name.split("-")[0] for p in (tmp_path / "bytecode").iterdir()) == ["en", "hi", "ur"]


def test_a_missing_record_field_behaves_as_in_plain_jinja():
    """Records leave optional fields out; ``rec.field`` on them is Undefined exactly as Jinja makes it:
    empty, false, not defined, and an error naming the field when used further."""
    import jinja2

    from chinar.render import Renderer, default_theme_dir

    renderer = Renderer(default_theme_dir(), "https://chinar.example.in", lambda rel: "/static/" + rel)
    plain = jinja2.Environment(autoescape=True)
    source = ("[{{ rec.summary }}|{{ 'yes' if rec.summary else 'no' }}|{{ rec.summary is defined }}|"
              "{{ rec.name }}|{{ rec.items is defined }}|{{ other.summary is defined }}]")
    records = [{"name": "कानी शॉल"}, {"name": "سوزنی"}, {"name": "x", "summary": "<b>s</b>"}]
    for env in renderer.envs.values():
        for rec in records:
            data = {"rec": rec, "other": records[0]}
            assert env.from_string(source).render(data) == plain.from_string(source).render(data)
        with pytest.raises(jinja2.UndefinedError) as ours:
            env.from_string("{{ rec.summary.text }}").render(rec=records[0])
        with pytest.raises(jinja2.UndefinedError) as theirs:
            plain.from_string("{{ rec.summary.text }}").render(rec=records[1])
        assert str(ours.value) == str(theirs.value) == "'dict object' has no attribute 'summary'"


def test_interface_strings_with_values_are_what_markupsafe_makes():
    """``_('Seller: %(seller)s', seller=...)``: every value escaped (or its own HTML) exactly as
    ``Markup.__mod__`` does, in translations with only ``%(name)s`` fields and in the others."""
    from markupsafe import Markup, escape

    from chinar.render import fast_gettext

    class Catalog:
        def gettext(self, message: str) -> str:
            return {"Seller: %(seller)s": "विक्रेता: %(seller)s", "Price %(n)d": "قیمت %(n)d",
                    "100%% %(what)s": "100%% %(what)s · <b>%(what)s</b>"}.get(message, message)

    gettext = fast_gettext(Catalog())
    values = ["बशीर भट", "سوزنی & کانی", "<script>alert('x')</script>", 'say "hi"', Markup("<em>kept</em>"), 7,
              None, 2.5, ""]
    for message in ("Seller: %(seller)s", "100%% %(what)s", "Checked %(date)s"):
        field = message.rsplit("%(", 1)[1].split(")")[0]
        for value in values:
            expected = Markup(escape(Catalog().gettext(message))) % {field: value}
            found = gettext(message, **{field: value})
            assert found == expected and isinstance(found, Markup)
    assert gettext("Price %(n)d", n=12) == Markup(escape("قیمت %(n)d")) % {"n": 12}  # other fields: markupsafe's way


def test_compiled_calls_give_what_jinja_gives():
    """Templates compile plain-helper calls to direct calls (``render._CodeGenerator``); every form of
    call gives the output stock Jinja gives with the same helpers."""
    import jinja2
    from jinja2 import pass_context

    from chinar import urls
    from chinar.render import Renderer, default_theme_dir

    @pass_context
    def page_locale(ctx):
        return ctx["locale"]

    def join(*parts, sep="-", **named):
        return sep.join([*map(str, parts), *(f"{k}={v}" for k, v in sorted(named.items()))])

    renderer = Renderer(default_theme_dir(), "https://example.org", lambda p: "/static/" + p)
    env = renderer.envs["ur"]
    helpers = {"join": join, "page_locale": page_locale, "href": urls.href, "urls": urls}
    env.globals.update(helpers)
    env.context_class.plain_calls[id(join)] = join
    plain = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    plain.globals.update(helpers, locale="ur")
    rec = {"type": "artisan", "slug": "کاریگر", "locale": "ur"}
    source = (
        "{{ join(1, 2) }}|{{ join('a', sep='+') }}|{{ join(*parts, **named) }}|{{ href(urls.record(rec)) }}|"
        "{{ join(join(join(join('x')))) }}|{{ page_locale() }}|"
        "{% macro m(x) %}{{ join(x, caller()) }}{% endmacro %}{% call m('کانی') %}{{ join('c') }}{% endcall %}|"
        "{% for i in [1, 2] %}{{ join(i, loop.index, sep=':') }}{% endfor %}|"
        "{% block b %}{{ join('<b>', sep='&') }}{% endblock %}|{{ missing(1) if false else 'ok' }}"
    )
    data = {"parts": ["پ", 1], "named": {"z": "ज़", "a": 2}, "rec": rec}
    assert env.from_string(source).render(data) == plain.from_string(source).render(data)
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ nothing(1) }}").render()
