"""Rendering pages with the Jinja2 theme, shared by the static build and the CMS preview.

``Renderer`` owns one Jinja2 environment per locale (gettext catalogs installed) and turns a ``Page``
into HTML. The page context is completed here with what every template needs: language and
direction, the language switcher, canonical and alternate URLs, breadcrumbs, JSON-LD, the link
preview image, and helpers for pictures, prices, dates and outbound links.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from keyword import iskeyword
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.compiler import CodeGenerator, optimizeconst
from jinja2.visitor import NodeTransformer
from markupsafe import Markup, escape

from . import districtmap, i18n, jsonld, links, offers, urls
from .catalog import Record
from .i18n import format_day, format_price
from .languages import BY_CODE, LANGUAGE_NAMES, LANGUAGES, LOCALES, N_, direction
from .pages import Page
from .record_types import BY_NAME, NAV, SEARCH_TYPES, SECTION_TITLES
from .richtext import plain_text
from .text import excerpt

SITE_NAME = {code: lang.site_name for code, lang in BY_CODE.items()}
LAZY_IMAGE = ' loading="lazy" decoding="async"'  # every picture below the first screen
EAGER_IMAGE = ' fetchpriority="high"'  # the page's first picture (its LCP element on a phone)
DESCRIPTION_LIMIT = 200  # meta and Open Graph descriptions, cut at a word (``text.excerpt``)

FLAG_LABELS = {"women-led": N_("Women-led enterprise"), "disability-led": N_("Artisan with a disability"),
               "rural-weaver": N_("Rural weaver"), "cooperative-member": N_("Cooperative member"),
               "master-craftsperson": N_("Master craftsperson")}
DIVISIONS = {"Jammu": N_("Jammu"), "Kashmir": N_("Kashmir")}


def fast_gettext(translations) -> Callable[..., Markup]:
    """Jinja's newstyle gettext, memoised: translated, escaped once, then %-formatted with escaped values.

    Interface strings are looked up tens of times per page; Jinja's own alias re-translates and
    re-escapes on every call, which was a fifth of the rendering time.
    """
    cache: dict[str, Markup] = {}
    named: dict[str, bool] = {}  # message -> its translation has only %(name)s and %% in it

    def gettext(message: str, **variables: Any) -> Markup:
        rv = cache.get(message)
        if rv is None:
            rv = cache[message] = Markup(escape(translations.gettext(message)))
            named[message] = "%" not in _NAMED_FIELD.sub("", rv)
        if not variables:
            return rv
        if named[message]:
            # What ``Markup.__mod__`` gives (each value escaped, or its own HTML if it has some), without
            # wrapping every value in a helper object: 8% of a product page's rendering went there.
            return Markup(str.__mod__(rv, {k: _escape_output(v) for k, v in variables.items()}))
        return rv % variables

    return gettext


_NAMED_FIELD = re.compile(r"%\([A-Za-z_]\w*\)s|%%")


class _Context(jinja2.runtime.Context):
    """A template context that calls the theme's plain helpers directly.

    Jinja routes every call in a template through ``Context.call``, which asks each callable (and its
    ``__call__``) whether it wants the context or environment passed in; a page makes about forty such
    calls (``href``, ``_``, ``picture``, ``price``...) and the asking was a tenth of the rendering time.
    The helpers in ``plain_calls`` were checked once, when the environment was made.
    """

    plain_calls: dict[int, Any] = {}

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        if __self.plain_calls.get(id(__obj)) is __obj:
            if kwargs:
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            return __obj(*args, **kwargs)
        return super().call(__obj, *args, **kwargs)


def _plain_callables(values: Any) -> dict[int, Any]:
    """The callables among ``values`` that take no context, environment or eval context from Jinja."""
    out = {}
    for v in values:
        if not callable(v) or isinstance(v, type) or hasattr(v, "jinja_pass_arg"):
            continue
        if hasattr(getattr(v, "__call__", None), "jinja_pass_arg"):  # noqa: B004
            continue
        out[id(v)] = v
    return out


def _escape_output(value: Any) -> str:
    """What ``{{ value }}`` writes with autoescape on: the same text as ``markupsafe.escape``.

    Jinja wraps every output expression in ``escape``, which returns a ``Markup`` that is joined into
    the page and dropped at once; making those objects (several Python calls each) was about a tenth
    of a page's rendering. Here the escaped text is returned as a plain string: ``escape`` in compiled
    templates only ever wraps a value on its way into the output (``_Template``), so nothing else
    sees the difference. Same entities as markupsafe: ``&amp; &lt; &gt; &#34; &#39;``.
    """
    if type(value) is not str:
        html = getattr(value, "__html__", None)
        if html is not None:
            return html()
        value = str(value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&#34;").replace("'", "&#39;"))


class _Template(jinja2.Template):
    """Compiled templates whose output expressions use ``_escape_output``.

    A compiled template module binds ``escape`` (from ``jinja2.runtime``) once, when its code runs;
    Jinja's generated code calls it only to escape an ``{{ expression }}`` before writing it out.
    """

    @classmethod
    def _from_namespace(cls, environment, namespace, globals):  # type: ignore[override]
        if namespace.get("escape") is escape:
            namespace["escape"] = _escape_output
        namespace["_plain_calls"] = environment.context_class.plain_calls  # see ``_CodeGenerator``
        return super()._from_namespace(environment, namespace, globals)


class _CodeGenerator(CodeGenerator):
    """Compiles a call in a template so that the theme's plain helpers are called directly.

    Jinja compiles every ``f(x)`` to ``context.call(f, x, _block_vars=..., _loop_vars=...)``, and
    ``_Context.call`` then passes the call on; for ``href``, ``picture``, ``price``, ``urls.record``...
    (``_Context.plain_calls``, checked once per environment) that detour, with its argument tuple and
    keyword dict, was a fourteenth of a page's rendering. Here such a call is
    ``(_f(x) if _plain_calls.get(id(_f := f)) is _f else context.call(_f, x, ...))``: ``f`` is evaluated
    once, and anything else (macros, callables that want the context) goes through ``context.call``.
    """

    @optimizeconst  # as Jinja's own: a call it can evaluate while compiling is written as its value
    def visit_Call(self, node: nodes.Call, frame, forward_caller: bool = False) -> None:  # type: ignore[override]
        if (forward_caller or self.environment.is_async or self.environment.sandboxed
                or any(iskeyword(kwarg.key) for kwarg in node.kwargs)
                or sum(1 for _ in node.find_all(nodes.Call)) > 3):  # the arguments are written twice
            return super().visit_Call(node, frame, forward_caller=forward_caller)
        self.write("(_f(")
        first = True
        for part, prefix in [*((a, "") for a in node.args), *((k, "") for k in node.kwargs),
                             *(((node.dyn_args, "*"),) if node.dyn_args else ()),
                             *(((node.dyn_kwargs, "**"),) if node.dyn_kwargs is not None else ())]:
            self.write(("" if first else ", ") + prefix)
            self.visit(part, frame)
            first = False
        self.write(") if _plain_calls.get(id(_f := ")
        self.visit(node.node, frame)
        self.write(")) is _f else context.call(_f")
        extra = {"_loop_vars": "_loop_vars"} if frame.loop_frame else {}
        if frame.block_frame:
            extra["_block_vars"] = "_block_vars"
        self.signature(node, frame, extra or None)
        self.write("))")


class _FoldGettext(NodeTransformer):
    """Replace ``_('literal')`` (no variables) by its translation, as constant markup.

    Each environment renders one language, so an interface string without variables is the same on
    every page: translated while the template is compiled, it joins the static text around it instead
    of being a call, a lookup and an escape on every page. Same text as the call would give
    (``fast_gettext``). Templates that bind ``_`` or ``gettext`` themselves are left alone.
    """

    NAMES = ("_", "gettext")

    def __init__(self, gettext: Callable[[str], Markup]):
        self.gettext = gettext

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        node = self.generic_visit(node)
        if (isinstance(node.node, nodes.Name) and node.node.name in self.NAMES and len(node.args) == 1
                and isinstance(node.args[0], nodes.Const) and type(node.args[0].value) is str
                and not node.kwargs and node.dyn_args is None and node.dyn_kwargs is None):
            return nodes.MarkSafe(nodes.Const(str(self.gettext(node.args[0].value))), lineno=node.lineno)
        return node

    @classmethod
    def rebinds(cls, tree: nodes.Template) -> bool:
        """Whether the template assigns, imports, defines as a macro or takes as an argument a name
        ``_`` or ``gettext``."""
        for name in tree.find_all(nodes.Name):
            if name.name in cls.NAMES and name.ctx in ("store", "param"):
                return True
        if any(macro.name in cls.NAMES for macro in tree.find_all(nodes.Macro)):
            return True
        for imp in tree.find_all(nodes.FromImport):
            if any((n if isinstance(n, str) else n[-1]) in cls.NAMES for n in imp.names):
                return True
        return any(imp.target in cls.NAMES for imp in tree.find_all(nodes.Import))


_NOT_THERE = object()
_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """A Jinja environment whose templates see the globals as a plain dict.

    Jinja layers each template's globals over the environment's in a ``ChainMap`` and copies it into
    every new context key by key in Python; with ~40 globals and several contexts per page (the page,
    its base template, each card) that copy was a tenth of the rendering time. Globals are complete
    before the first template is loaded (``Renderer._make_env``), so a snapshot is equivalent.
    """

    template_class = _Template
    code_generator_class = _CodeGenerator
    fold_gettext: Callable[[str], Markup] | None = None  # this environment's gettext, once installed

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._missing: dict[str, jinja2.Undefined] = {}  # see ``getattr``

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        if self.fold_gettext is not None and not _FoldGettext.rebinds(tree):
            tree = _FoldGettext(self.fold_gettext).visit(tree)
            tree.set_environment(self)
        return tree

    def make_globals(self, d):  # type: ignore[override]
        return {**self.globals, **(d or {})}

    def getattr(self, obj: Any, attribute: str) -> Any:
        """``rec.name`` on a record (a dict) is ``rec["name"]``, looked up first.

        Jinja tries the Python attribute first, which for a dict key means raising and catching an
        AttributeError on every ``rec.field`` in every template; records are plain dicts and the theme
        never calls dict methods, so the key comes first here.

        A field the record leaves out (records do, constantly: ``rec.summary``, ``rec.portrait``) is
        the Undefined Jinja would make after trying the attribute and the key again, raising twice
        more; one per field name, kept (for an empty dict, not the record: its message names only the
        type and the field).
        A miss took 1.9 us, eight times a hit, and a 1,000-artisan build has about 190,000.
        """
        if type(obj) is dict:
            value = obj.get(attribute, _NOT_THERE)
            if value is not _NOT_THERE:
                return value
            if attribute not in _DICT_ATTRIBUTES:
                found = self._missing.get(attribute)
                if found is None:
                    found = self._missing[attribute] = self.undefined(obj={}, name=attribute)
                return found
        return super().getattr(obj, attribute)


def _render_shared(env: jinja2.Environment, template: jinja2.Template, variables: dict) -> str:
    """``template.render(variables)``, with ``variables`` as the context's parent instead of a copy of it.

    ``variables`` holds the template's globals already (copied once, by the caller, who reuses the dict):
    Jinja's ``render`` copies about fifty globals into a new dict on every call, 3-4 µs of a card's 20. A
    template's own assignments and imports go to its context, never to its parent.
    """
    try:
        return env.concat(template.root_render_func(template.new_context(variables, shared=True)))
    except Exception:
        env.handle_exception()  # as ``render``: the error raised again with the template's lines in it
        raise  # not reached


def default_theme_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "themes" / "chinar"


class Renderer:
    """Render pages of one site: theme + base URL + image and static-asset resolvers."""

    def __init__(self, theme_dir: Path, base_url: str, static_url: Callable[[str], str],
                 picture: Callable[[dict, str], Any] | None = None,
                 og_image: Callable[[dict], Any] | None = None, bytecode_dir: Path | None = None):
        self.theme_dir = Path(theme_dir)
        self.bytecode_dir = Path(bytecode_dir) if bytecode_dir is not None else None
        self.base_url = base_url.rstrip("/")
        self.static_url = static_url
        self.picture = picture
        self.og_image = og_image
        self._pictures: dict[tuple, Markup] = {}
        self._image_keys: dict[int, tuple[dict, str]] = {}
        self._requests_made: dict[tuple[str, str, str], tuple[str, str, str]] = {}  # ``_request``
        # Cards kept, every language together (None: all). A card is used on an index page, its craft's and
        # district's lists and its neighbours' pages, far apart in the page order, so a bound renders cards
        # again; the build sets it from its memory budget (``BuildPolicy.cards_kept``). How cards are kept
        # within it: ``_keep_card``.
        self.card_cache_max: int | None = None
        # Per language: the cards kept for good and the recent ones, past the bound (``_keep_card``), each
        # card as UTF-8 (half the memory of the text: a card is mostly ASCII markup, which a ``str`` holding
        # one Devanagari letter or the rupee sign stores in two bytes a character; decoding it again costs
        # about half a microsecond, rendering it about 25).
        self._cards: dict[str, tuple[dict, dict]] = {}
        self._cards_kept = 0  # in all the languages' first dicts
        self._recent_kept = 0  # in all their second
        # Image renditions the page being rendered asks for: (kind, image as JSON, spec).
        self.requests: set[tuple[str, str, str]] = set()
        self.translations = {loc: i18n.translations(str(self.theme_dir / "translations"), loc) for loc in LOCALES}
        self.envs = {loc: self._make_env(loc) for loc in LOCALES}

    def _make_env(self, locale: str) -> jinja2.Environment:
        env = _Environment(
            loader=jinja2.FileSystemLoader(self.theme_dir / "templates"),
            autoescape=True, extensions=["jinja2.ext.i18n"], trim_blocks=True, lstrip_blocks=True,
            keep_trailing_newline=True, auto_reload=False, cache_size=-1, bytecode_cache=self._bytecode_cache(locale),
        )
        env.install_gettext_translations(self.translations[locale], newstyle=True)
        fast = fast_gettext(self.translations[locale])
        env.globals.update(_=fast, gettext=fast)
        env.fold_gettext = fast
        env.globals.update(
            locale=locale, dir=direction(locale), cldr_locale=BY_CODE[locale].cldr, urls=urls, href=urls.href,
            static=self.static_url,
            picture=self.picture_html, price=functools.partial(format_price, locale=locale),
            day=functools.partial(format_day, locale=locale),
            outbound_url=links.outbound_url, outbound_rel=links.outbound_rel, is_buyable=offers.is_buyable,
            is_dead=offers.is_dead, listing_state=offers.listing_state, is_stale=offers.is_stale,
            product_price=offers.product_price, primary_listing=offers.primary_listing,
            choices=offers.choices,
            language_names=LANGUAGE_NAMES, site_name=SITE_NAME[locale], search_url=urls.href(urls.search(locale)),
            # each language named in this page's language ("अंग्रेज़ी"): what marks a record shown in another
            language_label={lang.code: fast(lang.english_name) for lang in LANGUAGES},
            price_bands=offers.PRICE_BANDS,
            section_titles=SECTION_TITLES, search_types=[(t, BY_NAME[t].label) for t in SEARCH_TYPES],
            flag_labels=FLAG_LABELS, divisions=DIVISIONS, plain_text=plain_text,
            text_dir=lambda r: direction(r["locale"]),
            nav=[(SECTION_TITLES[t], urls.href(urls.index(t, locale)))
                 for t in NAV],
        )
        card = env.globals["card"] = self._card_renderer(env)

        def cards(records: list[Record], campaign: str | None = None, eager: bool = False) -> Markup:
            """A grid of cards (the common list on every page): plain Python, no template call per card.

            ``eager``: the grid opens the page, so its first card's picture is the largest thing on a
            phone's first screen (the LCP element): loaded at once, at high priority, not lazily.
            """
            items = [f"<li>{card(r, campaign)}</li>\n" for r in records]
            if eager and items:
                items[0] = items[0].replace(LAZY_IMAGE, EAGER_IMAGE, 1)
            return Markup('<ul class="grid">\n' + "".join(items) + "</ul>")

        other_language = {loc: Markup(f' lang="{loc}" dir="{direction(loc)}"') for loc in LOCALES}
        other_language[locale] = Markup("")
        other_link = {loc: Markup(f' hreflang="{loc}"') + other_language[loc] for loc in LOCALES}
        other_link[locale] = Markup("")

        def lang_attrs(rec: Record) -> Markup:
            """lang/dir for a record shown in another language than the page (a fallback translation)."""
            return other_language[rec["locale"]]

        stop_label = self.translations[locale].gettext(districtmap.STOP_LABEL)

        def district_map(places: list[tuple[Record, int, int]], trail: list[str] = (), labelledby: str = "",
                         describedby: str = "") -> Markup:
            """The district map (``districtmap.svg``) of ``places`` (``pages.map_places``): each district
            named in the page's language (or its fallback, marked with its ``lang``), linking to its page."""
            tiles = [districtmap.Tile(rec["translation_key"], rec["name"], urls.href(urls.record(rec)), (col, row),
                                      rec["division"], "" if rec["locale"] == locale else rec["locale"])
                     for rec, col, row in places]
            return Markup(districtmap.svg(tiles, trail=list(trail), stop_label=stop_label, labelledby=labelledby,
                                          describedby=describedby))

        def link_attrs(rec: Record) -> Markup:
            """For a link whose text is the record's: ``lang_attrs`` and ``hreflang``, saying the page it
            opens is in that other language."""
            return other_link[rec["locale"]]

        sold_out = fast(N_("Sold out"))

        def card_price(rec: Record) -> Markup:
            """A product card's price line: "Sold out", "from ₹X" (listings at several prices) or "₹X"."""
            shown = offers.product_price(rec)
            if shown is None or not shown.available:
                return sold_out
            amount = format_price(shown.amount, locale)
            return fast(N_("from %(price)s"), price=amount) if shown.several else escape(amount)

        env.globals.update(cards=cards, lang_attrs=lang_attrs, link_attrs=link_attrs, district_map=district_map,
                           card_price=card_price)
        env.globals["fragment"] = self._fragment_renderer(env)
        url_helpers = [f for f in vars(urls).values() if getattr(f, "__module__", "") == urls.__name__]
        helpers = [*env.globals.values(), *url_helpers]  # templates also call urls.record(), urls.detail()...
        env.context_class = type("_PageContext", (_Context,), {"plain_calls": _plain_callables(helpers)})
        return env

    def _bytecode_cache(self, locale: str) -> jinja2.BytecodeCache | None:
        """Compiled templates of one language (interface strings are translated into the code, see
        ``_Environment``): in a folder named by the language and its catalog's content. Folders of
        earlier versions of the catalog are deleted."""
        if self.bytecode_dir is None:
            return None
        po = self.theme_dir / "translations" / locale / "LC_MESSAGES" / "messages.po"
        digest = hashlib.sha256(po.read_bytes() if po.exists() else b"").hexdigest()[:16]
        folder = self.bytecode_dir / f"{locale}-{digest}"
        for other in self.bytecode_dir.glob(f"{locale}-*"):  # none yet if the folder does not exist
            if other != folder:
                shutil.rmtree(other, ignore_errors=True)
        folder.mkdir(parents=True, exist_ok=True)
        return jinja2.FileSystemBytecodeCache(str(folder))

    def forget_cards(self, record_ids: set[str]) -> None:
        """Drop the kept cards of these records (edited in place by a resident build)."""
        for kept in self._cards.values():
            for cache in kept:
                for key in [k for k in cache if k[0] in record_ids]:
                    del cache[key]
        self._count_cards()

    def keep_cards_of(self, locales: set[str]) -> None:
        """Drop the kept cards of every language but ``locales``: a page shows cards in its own language
        only, so a render worker whose next pages are all in other languages than the cards it holds (it
        has rendered one language's lists and takes another's, or the detail pages) would only fill the
        bound with cards it never shows again, and render the ones it needs past it, again and again."""
        for locale, kept in self._cards.items():
            if locale not in locales:
                for cache in kept:
                    cache.clear()
        self._count_cards()

    def _count_cards(self) -> None:
        self._cards_kept = sum(len(cache) for cache, _recent in self._cards.values())
        self._recent_kept = sum(len(recent) for _cache, recent in self._cards.values())

    @staticmethod
    def _fragment_renderer(env: jinja2.Environment):
        """``partials/<name>.html`` rendered once per language and arguments: the parts of every page
        that do not depend on the page (header, navigation, footer) cost nothing after the first page."""
        cache: dict[tuple, Markup] = {}

        def fragment(name: str, **kwargs: Any) -> Markup:
            key = (name, *kwargs.items())  # in call order: another order is another key, the same HTML
            html = cache.get(key)
            if html is None:
                html = cache[key] = Markup(env.get_template(f"partials/{name}.html").render(**kwargs))
            return html

        return fragment

    def _image_key(self, image: dict) -> str:
        """The image object as canonical JSON (what a rendition request names), once per object.

        Records do not change during a build, so the text is kept by object identity (with the object,
        so the identity cannot be reused); pages ask for the same few images thousands of times.
        """
        hit = self._image_keys.get(id(image))
        if hit is None or hit[0] is not image:
            hit = self._image_keys[id(image)] = (image, json.dumps(image, sort_keys=True, ensure_ascii=False))
        return hit[1]

    def _request(self, kind: str, image: dict, spec: str) -> tuple[str, str, str]:
        """A rendition request, one object for all the pages that make it: the pages' requests travel back
        from the workers and into the build state by pickle, which writes an object it has seen once
        as a reference (at 100,000 pages, 8.6 MB of requests in the state instead of 27.9 MB)."""
        request = (kind, self._image_key(image), spec)
        return self._requests_made.setdefault(request, request)

    def picture_html(self, image: dict, spec: str, eager: bool = False) -> Markup:
        """``<picture>`` markup for an image slot; memoised, as the same image appears on many pages."""
        request = self._request("picture", image, spec)
        self.requests.add(request)
        key = (request, eager)
        html = self._pictures.get(key)
        if html is None:
            p = self.picture(image, spec)
            sources = "".join(f'<source type="{mime}" srcset="{escape(srcset)}" sizes="{escape(p.sizes)}">'
                              for mime, srcset in p.sources)
            loading = EAGER_IMAGE if eager else LAZY_IMAGE
            html = Markup(f'<picture>{sources}<img src="{escape(p.fallback.url)}" srcset="{escape(p.srcset)}" '
                          f'sizes="{escape(p.sizes)}" width="{p.width}" height="{p.height}" '
                          f'alt="{escape(p.alt)}"{loading}></picture>')
            self._pictures[key] = html
        return html

    def _card_renderer(self, env: jinja2.Environment):
        """A record's card (``card.html``), rendered once per language and campaign and reused on every list."""
        cache: dict[tuple[str, str | None], tuple[bytes, frozenset]] = {}
        recent: dict[tuple[str, str | None], tuple[bytes, frozenset]] = {}
        self._cards[env.globals["locale"]] = (cache, recent)

        made: list = []  # card.html, and its context's variables (the globals, rec, campaign): on first use

        def card(rec: Record, campaign: str | None = None) -> Markup:
            key = (rec["id"], campaign)
            hit = cache.get(key) or recent.get(key)
            if hit is None:
                if not made:
                    template = env.get_template("card.html")
                    made[:] = [template, dict(template.globals)]
                template, variables = made
                variables["rec"], variables["campaign"] = rec, campaign
                outer, self.requests = self.requests, set()
                try:
                    html = _render_shared(env, template, variables)
                    requests = frozenset(self.requests)
                finally:
                    self.requests = outer
                self._keep_card(cache, recent, key, (html.encode(), requests))
                self.requests.update(requests)
                return Markup(html)
            self.requests.update(hit[1])  # a cached card still needs its images in the output
            return Markup(hit[0].decode())

        return card

    def _keep_card(self, cache: dict, recent: dict, key: tuple, hit: tuple) -> None:
        """Keep a card just rendered, within ``card_cache_max`` for every language together.

        Seven eighths of the bound hold the first cards rendered, and they stay: a worker goes through its
        lists in the same order several times (the index, each craft's list, each district's list), and in
        such a loop whatever is evicted is needed again before what is kept. The last eighth holds the
        cards rendered past that, emptied when full: a detail page shows its neighbours (the artisan's
        other products), whose pages come next. Emptying every cache at the bound, as before, rendered
        540,000 cards in the two workers of a 100,000-page build, against 470,000 this way.
        """
        bound = self.card_cache_max
        recent_max = max(1, bound // 8) if bound is not None else 0
        if bound is None or self._cards_kept < bound - recent_max:
            cache[key] = hit
            self._cards_kept += 1
            return
        if self._recent_kept >= recent_max:
            for _cache, kept in self._cards.values():
                kept.clear()
            self._recent_kept = 0
        recent[key] = hit
        self._recent_kept += 1

    def load_templates(self) -> None:
        """Compile every template in every language now (from the bytecode cache when it has them).

        Called before rendering forks its workers, so they inherit compiled templates instead of each
        compiling all of them again.
        """
        for env in self.envs.values():
            for name in env.list_templates(extensions=["html"]):
                env.get_template(name)

    def absolute(self, url: str) -> str:
        return urls.absolute(self.base_url, url)

    def render(self, page: Page) -> str:
        env = self.envs[page.locale]
        _ = self.translations[page.locale].gettext
        ctx = dict(page.context)
        title = self.title(page, _)
        ctx.update(
            page=page, title=title, canonical=self.absolute(page.url),
            alternates=[(loc, self.absolute(u)) for loc, u in sorted(page.alternates.items())],
            switcher=[(loc, LANGUAGE_NAMES[loc], urls.href(page.alternates[loc]) if loc in page.alternates else None)
                      for loc in LOCALES],
            description=self.description(page, _),
            breadcrumbs=self.breadcrumbs(page, title, _),
            section_url=self.section_url(page),
        )
        ctx["og_image"] = self.preview_image(page)
        ctx["jsonld"] = [jsonld.dumps(d) for d in self.structured_data(page, ctx)]
        return env.get_template(page.template).render(ctx)

    # -- per-page facts -------------------------------------------------------------------------

    @staticmethod
    def section_url(page: Page) -> str | None:
        """The main-navigation entry this page belongs to (marked aria-current)."""
        type_ = page.kind.removesuffix("_index")
        return urls.href(urls.index(type_, page.locale)) if type_ in SECTION_TITLES else None

    def title(self, page: Page, _) -> str:
        rec = page.record
        if rec is not None:
            title = rec.get("name") or rec.get("title") or ""
            n = page.context["pagination"]["number"] if "pagination" in page.context else 1
            return title if n == 1 else _("%(title)s, page %(n)s") % {"title": title, "n": n}
        if page.kind == "home":
            return SITE_NAME[page.locale]
        if page.kind == "search":
            return _("Search")
        if page.kind.endswith("_index"):
            title = _(SECTION_TITLES[page.kind.removesuffix("_index")])
            parent = page.context.get("parent")
            if parent is not None:
                title = _("%(section)s: %(name)s") % {"section": title, "name": parent["name"]}
            n = page.context["pagination"]["number"]
            return title if n == 1 else _("%(title)s, page %(n)s") % {"title": title, "n": n}
        return SITE_NAME[page.locale]

    def description(self, page: Page, _) -> str:
        rec = page.record
        if rec is not None:
            text = rec.get("summary") or plain_text(rec.get("bio") or rec.get("description") or rec.get("body") or "")
            return excerpt(text, DESCRIPTION_LIMIT)
        return _("Heritage crafts of Jammu & Kashmir and the artisans who make them.")

    def breadcrumbs(self, page: Page, title: str, _) -> list[tuple[str, str]]:
        trail = [(SITE_NAME[page.locale], urls.home(page.locale))]
        if page.kind == "home":
            return trail
        type_ = page.kind.removesuffix("_index")
        parent = page.context.get("parent")
        if parent is not None:  # Home > Crafts > Kani shawl > Artisans: Kani shawl
            trail.append((_(SECTION_TITLES[parent["type"]]), urls.index(parent["type"], page.locale)))
            trail.append((parent["name"], urls.record(parent)))
        elif type_ in SECTION_TITLES:
            trail.append((_(SECTION_TITLES[type_]), urls.index(type_, page.locale)))
        if page.record is not None or page.kind == "search" or page.url != trail[-1][1]:
            trail.append((title, page.url))
        return trail

    def main_image(self, page: Page) -> dict | None:
        rec = page.record
        if rec is None:
            items = page.context.get("collections") or page.context.get("crafts") or []
            rec = items[0] if items else None
            if rec is None:
                return None
        for field in ("hero", "portrait", "image"):
            if rec.get(field):
                return rec[field]
        if rec.get("images"):
            return rec["images"][0]
        return None

    def preview_image(self, page: Page) -> dict | None:
        """The 1200x630 link-preview JPEG (WhatsApp, social cards), as absolute URL + size."""
        image = self.main_image(page)
        if image is None or self.og_image is None:
            return None
        self.requests.add(self._request("og", image, ""))
        r = self.og_image(image)
        return {"url": self.absolute(r.url.lstrip("/")), "width": r.width, "height": r.height, "alt": image["alt"]}

    def structured_data(self, page: Page, ctx: dict) -> list[dict]:
        data: list[dict] = [jsonld.breadcrumbs(ctx["breadcrumbs"], self.absolute)]
        url = self.absolute(page.url)
        image = ctx["og_image"]["url"] if ctx.get("og_image") else None
        if page.kind.endswith("_index"):
            builder = "collection_page"
        else:
            rtype = BY_NAME.get(page.kind)
            builder = rtype.jsonld if rtype is not None else None
        if builder is not None:
            data.append(jsonld.BUILDERS[builder](jsonld.Subject(page.record, ctx, url, image, self.absolute)))
        return data


__all__ = ["Renderer", "default_theme_dir", "render_record"]


# -- preview -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _PreviewImage:
    url: str
    width: int
    height: int
    mime: str = "image/jpeg"


@dataclass(frozen=True)
class _PreviewPicture:
    fallback: _PreviewImage
    alt: str
    sources: tuple = ()
    sizes: str = "100vw"

    @property
    def srcset(self) -> str:
        return f"{self.fallback.url} {self.fallback.width}w"

    @property
    def width(self) -> int:
        return self.fallback.width

    @property
    def height(self) -> int:
        return self.fallback.height


ImageResolver = Callable[[dict], tuple[str, int, int]]  # image object -> (url, width, height)


def render_record(record: Record, catalog, *, image: ImageResolver, static_url: Callable[[str], str],
                  base_url: str = "http://localhost:8000", theme_dir: Path | None = None) -> str:
    """HTML of one record's page exactly as the static build renders it, for the CMS preview.

    Same templates, context and JSON-LD as ``chinar build``; only images differ: ``image`` maps an image
    object to a URL the previewing server can show (no renditions are encoded for a preview), and
    ``static_url`` maps theme static files to wherever the preview serves them.
    """
    from .pages import Resolver, detail_page
    from .relations import resolve

    def picture(img: dict, spec: str) -> _PreviewPicture:
        url, width, height = image(img)
        return _PreviewPicture(_PreviewImage(url, width, height), img["alt"])

    def og(img: dict) -> _PreviewImage:
        return _PreviewImage(*image(img))

    relations = resolve(catalog)
    res = Resolver(catalog, record["locale"])
    page = detail_page(catalog, relations, record, res)
    renderer = Renderer(theme_dir or default_theme_dir(), base_url, static_url, picture=picture, og_image=og)
    return renderer.render(page)
