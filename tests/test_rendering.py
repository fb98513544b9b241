"""The render stage (``chinar.rendering``): which pages render, in which processes, and that neither the
chunking nor the process count nor a bounded card cache changes a byte of the output."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sites import BASE, snapshot, tree

from catalogs import TINY
from chinar.build import build


def test_render_chunks_keep_each_languages_list_pages_together():
    """Every page is rendered once; a language's list pages go to one worker, before the other pages."""
    from chinar.pages import Page
    from chinar.rendering import plan_chunks

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


def test_bounded_card_cache_gives_the_same_pages(tmp_path: Path, tiny_site: Path, image_cache: Path) -> None:
    """Render workers keep no more cards once their bound is reached; cards made again must be identical."""
    from chinar.policy import BuildPolicy

    policy = BuildPolicy(memory_budget=1, cards_min=2)  # no room for cards: two per language, six in all
    assert policy.cards_kept(50, 3) == 6
    out = tmp_path / "out"
    build(TINY, out, "https://chinar.example.in", cache_dir=image_cache, policy=policy)
    assert tree(out) == tree(tiny_site)


def test_render_workers_keep_only_the_cards_of_their_chunks_languages(tmp_path: Path, tiny_site: Path,
                                                                       image_cache: Path, monkeypatch) -> None:
    """In worker processes each chunk of pages first drops the cards of the languages it has no page in
    (``Renderer.keep_cards_of``): each language's lists come as chunks of their own. Under a tight card
    bound, the output is the same."""
    from chinar.policy import FORK_ALWAYS, BuildPolicy
    from chinar.render import Renderer

    calls = tmp_path / "calls"
    plain = Renderer.keep_cards_of

    def noted(self: Renderer, locales: set[str]) -> None:  # in the workers: they append to one file
        with calls.open("a", encoding="utf-8") as f:
            f.write(" ".join(sorted(locales)) + "\n")
        plain(self, locales)

    monkeypatch.setattr(Renderer, "keep_cards_of", noted)
    out = tmp_path / "out"
    policy = BuildPolicy(cores=2, fork_min=FORK_ALWAYS, memory_budget=1, cards_min=2)
    build(TINY, out, "https://chinar.example.in", cache_dir=image_cache, full=True, policy=policy)
    assert tree(out) == tree(tiny_site)
    chunks = calls.read_text(encoding="utf-8").splitlines()
    assert {"en", "hi", "ur"} <= set(chunks)  # a language's list pages alone
    assert "en hi ur" in chunks  # the detail pages, small chunks of them in page order


def test_worker_count_does_not_change_the_output(tmp_path: Path, synthetic_cache) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import generate

    content = tmp_path / "content"
    generate(content, artisans=150, products=3)
    cache = synthetic_cache("cache")
    one = build(content, tmp_path / "one", BASE, cache_dir=cache, workers=1, full=True)
    two = build(content, tmp_path / "two", BASE, cache_dir=cache, workers=2, full=True)
    assert one.rendered == two.rendered > 400  # enough pages for the pool to be used
    assert {k: v[0] for k, v in snapshot(tmp_path / "one").items()} == \
        {k: v[0] for k, v in snapshot(tmp_path / "two").items()}


def test_template_references_are_remembered_by_source(tmp_path: Path, monkeypatch) -> None:
    """The templates each template names are kept in a memo by its source: a build with the memo gets
    the same fingerprints without parsing, and an edited template is parsed again."""
    import jinja2

    from chinar.incremental import TemplateFingerprints

    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text('{% extends "base.html" %}{% block main %}कानी{% endblock %}')
    (folder / "base.html").write_text("<main>{% block main %}{% endblock %}</main>")
    (folder / "card.html").write_text("<article>سوزنی</article>")
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(folder))
    memo = tmp_path / "references.json"

    def fingerprints() -> TemplateFingerprints:
        return TemplateFingerprints(env, "extra", memo)

    first = fingerprints()
    before = first.fingerprint("page.html")
    first.save()
    assert memo.exists()
    parse = env.parse
    monkeypatch.setattr(env, "parse", lambda *a, **k: pytest.fail("parsed although remembered"))
    assert fingerprints().fingerprint("page.html") == before
    monkeypatch.setattr(env, "parse", parse)

    # An edit that includes another template: parsed again; that template now counts for the page.
    (folder / "page.html").write_text('{% extends "base.html" %}{% block main %}{% include "card.html" %}'
                                      '{% endblock %}')
    edited = fingerprints()
    assert edited.closure("page.html") == {"page.html", "base.html", "card.html"}
    with_card = edited.fingerprint("page.html")
    edited.save()
    (folder / "card.html").write_text("<article>पश्मीना</article>")
    assert fingerprints().fingerprint("page.html") != with_card

    memo.write_text("{damaged")  # a damaged memo: parsed again, same answer
    assert fingerprints().fingerprint("page.html") == TemplateFingerprints(env, "extra").fingerprint("page.html")


def test_a_render_worker_that_dies_fails_the_build_and_keeps_the_output(tmp_path: Path, image_cache: Path,
                                                                       monkeypatch) -> None:
    """A worker killed mid-batch (the kernel's out-of-memory killer, say) fails the build at once, naming
    it; the last good output stays. (A plain process pool would wait for the lost batch for ever.)"""
    from chinar.errors import BuildError
    from chinar.policy import FORK_ALWAYS, BuildPolicy

    out = tmp_path / "out"
    build(TINY, out, BASE, cache_dir=image_cache)
    before = tree(out)
    monkeypatch.setenv("CHINAR_TEST_CRASH_AT", "render worker:1")
    with pytest.raises(BuildError, match="render worker process ended abruptly"):
        build(TINY, out, BASE, cache_dir=image_cache, full=True, policy=BuildPolicy(cores=2, fork_min=FORK_ALWAYS))
    assert tree(out) == before and not (tmp_path / ".out.staging").exists()
