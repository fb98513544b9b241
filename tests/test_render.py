"""The renderer (``chinar.render``): Jinja2 compiled for speed, giving exactly what plain Jinja would."""

from __future__ import annotations

from pathlib import Path

import pytest


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


def _counted_cards(renderer, locales: tuple[str, ...]) -> tuple[list[str], dict]:
    """Each language's ``card`` function of ``renderer``, and the list of the languages of the cards it
    rendered (not taken from its caches), in order."""
    rendered: list[str] = []
    cards = {}
    for locale in locales:
        env = renderer.envs[locale]
        template = env.get_template("card.html")
        plain = template.root_render_func
        template.root_render_func = lambda ctx, _plain=plain, _loc=locale: rendered.append(_loc) or _plain(ctx)
        cards[locale] = env.globals["card"]
    return rendered, cards


def _craft(n: int, locale: str) -> dict:
    name = {"en": f"Craft {n}", "hi": f"शिल्प {n}", "ur": f"دستکاری {n}"}[locale]
    return {"type": "craft", "id": f"craft-{n}.{locale}", "translation_key": f"c{n}", "locale": locale,
            "slug": f"c{n}", "name": name}


def test_the_card_bound_holds_for_every_language_together():
    """``card_cache_max`` bounds the cards a renderer keeps in all its languages at once (the memory the
    policy plans for). Under it a card is rendered once and reused, in any language. Past seven eighths of
    it, the cards kept stay (a worker's lists visit their cards in the same order again and again: emptying
    the caches there rendered every card on every visit) and the last eighth holds the latest cards,
    emptied when full (a detail page's neighbours come next)."""
    from chinar.render import Renderer, default_theme_dir

    renderer = Renderer(default_theme_dir(), "https://example.org", lambda p: "/static/" + p)
    renderer.card_cache_max = 8  # seven kept for good, one recent
    rendered, cards = _counted_cards(renderer, ("en", "hi"))

    def show(pairs: list[tuple[str, int]]) -> list[str]:
        html = [cards[loc](_craft(n, loc)) for loc, n in pairs]
        assert renderer._cards_kept + renderer._recent_kept <= 8
        return html

    kept = [("en", n) for n in range(1, 5)] + [("hi", n) for n in range(1, 4)]
    first = show(kept)
    assert rendered == ["en"] * 4 + ["hi"] * 3 and "शिल्प 3" in first[-1]
    assert show(kept) == first and len(rendered) == 7  # kept, in both languages
    fourth = show([("hi", 4), ("hi", 4)])[0]  # the eighth: kept as the recent one
    assert "शिल्प 4" in fourth and len(rendered) == 8
    show([("hi", 5)])  # past the bound: the recent one makes room
    assert show([("hi", 4)]) == [fourth] and len(rendered) == 10  # so it is rendered again
    assert show(kept) == first and len(rendered) == 10  # and the seven kept before stay kept


def test_a_worker_keeps_only_the_cards_of_the_languages_it_renders_next():
    """``keep_cards_of`` (a render worker, before each chunk of pages): the cards of the other languages
    are dropped, so the room they took under the bound goes to the cards the next pages show. Kept, the
    worker that rendered the Hindi lists would take the Urdu ones with its bound full of Hindi cards, and
    render every Urdu card again on each list that shows it."""
    from chinar.render import Renderer, default_theme_dir

    renderer = Renderer(default_theme_dir(), "https://example.org", lambda p: "/static/" + p)
    renderer.card_cache_max = 8  # seven kept for good, one recent
    rendered, cards = _counted_cards(renderer, ("en", "hi", "ur"))
    first = {(loc, n): cards[loc](_craft(n, loc)) for loc in ("en", "hi") for n in (1, 2, 3)}
    renderer.keep_cards_of({"ur"})
    assert renderer._cards_kept == renderer._recent_kept == 0
    urdu = [cards["ur"](_craft(n, "ur")) for n in range(1, 8)]
    assert rendered == ["en"] * 3 + ["hi"] * 3 + ["ur"] * 7 and "دستکاری 7" in urdu[-1]
    assert [cards["ur"](_craft(n, "ur")) for n in range(1, 8)] == urdu
    assert len(rendered) == 13  # all seven kept: the room of the six dropped went to them
    renderer.keep_cards_of({"ur", "hi"})  # the Urdu cards stay
    assert [cards["ur"](_craft(n, "ur")) for n in range(1, 8)] == urdu and len(rendered) == 13
    again = {key: cards[key[0]](_craft(key[1], key[0])) for key in first}
    assert again == first and rendered[13:] == ["en"] * 3 + ["hi"] * 3  # the dropped ones: rendered again


def test_every_page_asking_for_a_rendition_holds_the_same_request():
    """The image requests of pages are one object per rendition (``Renderer._request``), however many pages
    and records make them: the build state pickles each once. The images may be equal dicts of different
    records (the same file with the same alt text in two languages' records)."""
    import pickle
    from types import SimpleNamespace

    from chinar.render import Renderer, default_theme_dir

    def picture(image: dict, spec: str) -> SimpleNamespace:
        return SimpleNamespace(sources=[("image/webp", "/a.webp 480w")], sizes="100vw", srcset="/a.jpg 480w",
                               fallback=SimpleNamespace(url="/a.jpg"), width=480, height=360, alt=image["alt"])

    renderer = Renderer(default_theme_dir(), "https://example.org", lambda p: "/static/" + p, picture=picture)
    pages = []
    for alt in ("कानी शॉल", "کانی شال", "کانی شال"):
        renderer.requests = set()
        renderer.picture_html({"src": "pool/p01.jpg", "alt": alt}, "card")
        renderer.picture_html({"src": "pool/p01.jpg", "alt": alt}, "hero", eager=True)
        pages.append(frozenset(renderer.requests))
    assert pages[1] == pages[2] and pages[0] != pages[1]
    same = {id(r) for r in pages[1]}
    assert same == {id(r) for r in pages[2]} and len(same) == 2
    state = {"/ur/a/": pages[1], "/ur/b/": pages[2], "/hi/a/": pages[0]}
    assert len(pickle.dumps(state)) < len(pickle.dumps(pages[0])) * 2 + 100  # the second page: references only
