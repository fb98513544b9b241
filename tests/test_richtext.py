"""Rich text: the plain text of markup (summaries, meta descriptions, JSON-LD, search documents).

``plain_text`` cuts the tags out of simple markup instead of parsing it; these tests hold it to the
HTML parser's answer (nh3, as the sanitiser uses) on hand-picked and generated markup.
"""

from __future__ import annotations

import html
import random
import re

import nh3
import pytest

from chinar import richtext
from chinar.richtext import ALLOWED_TAGS, plain_text, sanitise


def parsed_text(markup: str) -> str:
    """What the parser makes of ``markup``: the reference ``plain_text`` must equal. The parser keeps
    block elements (bare, text escaped), whose tags become spaces: paragraphs do not run together."""
    kept = nh3.clean(markup, tags=set(richtext.BLOCK_TAGS), attributes={}, link_rel=None)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", kept)).split())


SIMPLE = [
    "",
    "plain words",
    "<p>Pashmina is spun by hand.</p>",
    "<p>One</p><p>two</p>",  # block tags keep their texts apart with a space, as the parser path does
    "<p>  spaced\n\tout \r\n text  </p>",
    "<h2>Kani</h2><p>Woven with <strong>kanis</strong>, <em>small</em> spools.</p><ul><li>a</li><li>b</li></ul>",
    "<p>कश्मीर की <b>पश्मीना</b> शॉल हाथ से बुनी जाती है।</p>",
    "<p>کشمیر کی <em>پشمینہ</em> شال ہاتھ سے بُنی جاتی ہے۔</p>",
    "<p>line<br>break</p><hr><blockquote>quoted</blockquote>",
    "<p>non\u00a0breaking\u2003space</p>",
    "<figure><figcaption>caption</figcaption></figure><p>x<sub>2</sub><sup>3</sup></p>",
    "<li>list item without a list</li><p>unclosed paragraph",
    "</p>stray end tag<q>quote</q>",
]

NOT_SIMPLE = [
    "<p>Tom &amp; Jerry</p>",
    "<p>a &lt; b</p>",
    '<p lang="ur" dir="rtl">اردو</p>',
    '<a href="https://example.com/">link</a>',
    "<p>it's</p>",
    "<P>upper case</P>",
    "<p>self closing<br/></p>",
    "<script>alert(1)</script><p>after</p>",
    "<style>p{}</style>text",
    "<!-- comment --><p>text</p>",
    "<table><tr><td>cell</td></tr></table>text",
    "<p>nul\x00char</p>",
    "<p>a > b</p>",
]


@pytest.mark.parametrize("markup", SIMPLE)
def test_simple_markup_takes_the_cut_and_gives_the_parsers_text(markup):
    assert richtext._SIMPLE_MARKUP.fullmatch(markup)
    assert plain_text(markup) == parsed_text(markup)


@pytest.mark.parametrize("markup", NOT_SIMPLE)
def test_other_markup_is_parsed(markup):
    assert not richtext._SIMPLE_MARKUP.fullmatch(markup)
    assert plain_text(markup) == parsed_text(markup)


def test_sanitised_paragraphs_take_the_cut():
    """What the sanitiser hands on for ordinary editor text is simple markup (or the cut never runs)."""
    for markup in ["<p>Namda felt rugs from <em>Srinagar</em>.</p>", "<p>बसोहली चित्रकला</p><p>دوسرا</p>",
                   "<h3>Khatamband</h3><ul><li>walnut</li><li>deodar</li></ul>"]:
        assert richtext._SIMPLE_MARKUP.fullmatch(sanitise(markup))


def test_generated_markup_matches_the_parser():
    """Random mixes of allowed and other tags, attributes, entities, quotes and whitespace in three scripts."""
    rng = random.Random(20261127)
    tags = sorted(ALLOWED_TAGS) + ["script", "style", "div", "table", "td", "textarea", "P", "title"]
    words = ["Pashmina", "कानी", "سوزنی", "walnut", "&amp;", "&lt;", "&nbsp;", "'", '"', ">", "<", "a&b",
             " ", "  ", "\n", "\t", "\u00a0", "ग़", "۔", "x\x0cy", "\r\n"]
    simple = simple_clean = 0
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(0, 8)):
            roll = rng.random()
            tag = rng.choice(tags)
            if roll < 0.3:
                parts.append(f"<{tag}>")
            elif roll < 0.5:
                parts.append(f"</{tag}>")
            elif roll < 0.55:
                parts.append(f'<{tag} title="{rng.choice(words)}">')
            elif roll < 0.58:
                parts.append(f"<{tag}/>")
            else:
                parts.append(rng.choice(words))
        markup = "".join(parts)
        simple += bool(richtext._SIMPLE_MARKUP.fullmatch(markup))
        # Malformed markup: the same text; a stray end tag ("x</h2>y") may or may not part words, since the
        # parser drops it (or, for </p>, makes an empty paragraph of it) and the cut cannot know.
        assert "".join(plain_text(markup).split()) == "".join(parsed_text(markup).split()), markup
        # What the build reads is sanitised (well-formed): there the cut gives exactly the parser's text.
        clean = sanitise(markup)
        simple_clean += bool(richtext._SIMPLE_MARKUP.fullmatch(clean))
        assert plain_text(clean) == parsed_text(clean), clean
    assert simple > 300 and simple_clean > 1000  # the cut itself was exercised, not only the parser


@pytest.mark.parametrize("markup, text", [
    ("<p>Checked by the corporation: a small check.</p><p>Made by Shazia.</p>",
     "Checked by the corporation: a small check. Made by Shazia."),
    ("<ul><li>walnut</li><li>deodar</li></ul><p>wood</p>", "walnut deodar wood"),
    ("<p>line<br>break</p>", "line break"),
    ("<p>Wo<em>ven</em> with <strong>kanis</strong>.</p>", "Woven with kanis."),
    ('<p lang="ur">پشمینہ</p><p dir="rtl">شال</p>', "پشمینہ شال"),
    ("<p>a &amp; b</p><div>c</div>", "a & b c"),
])
def test_paragraphs_are_kept_apart_inline_markup_is_not(markup, text):
    """Issue 18 item 7: "…a small check.Made by…" in descriptions; inline tags still join their text."""
    assert plain_text(markup) == text
