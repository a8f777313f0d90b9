"""The one sanitiser, fed hostile Markdown: nothing executable survives, nothing takes long."""

import re
from functools import partial
from types import SimpleNamespace

import bleach
import markdown
import pytest
from bleach.linkifier import LinkifyFilter
from markdown.inlinepatterns import LinkInlineProcessor

from claims.limits import MARKDOWN_MAX_CHARS
from claims.models import Claim, DoseCheck, Topic
from claims.rich_text import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    LINK_SCAN_BUDGET,
    MARKDOWN_EXTENSIONS,
    MAX_LINE_NESTING,
    TAG_SCAN_BUDGET,
    _cleaner,
    _link_rel,
    render_markdown,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    '<a href="javascript&#58;alert(1)">x</a>',
    "<img src=x onerror=alert(1)>",
    '<p onmouseover="alert(1)">hover</p>',
    "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](data:text/html,<script>alert(1)</script>)",
    '<iframe src="https://evil.example"></iframe>',
    '<p style="position:fixed;top:0">cover</p>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "<object data=x.swf></object><embed src=x.swf>",
    '<form action="https://evil.example"><input name=x></form>',
    "<style>body{display:none}</style>",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    "[x](vbscript:msgbox(1))",
]


@pytest.mark.parametrize("markdown", HOSTILE)
def test_hostile_markdown_yields_nothing_executable(markdown):
    html = render_markdown(markdown).lower()
    assert "<script" not in html
    assert not re.search(r"\son[a-z]+\s*=", html)
    assert "javascript:" not in html and "vbscript:" not in html
    assert 'href="data:' not in html and 'src="data:' not in html
    for tag in ("<iframe", "<img", "<object", "<embed", "<form", "<input", "<style", "<svg"):
        assert tag not in html
    assert "style=" not in html


def test_external_links_get_nofollow_noopener():
    html = render_markdown("[NICE](https://www.nice.org.uk/guidance/ng239)")
    assert 'href="https://www.nice.org.uk/guidance/ng239"' in html
    assert 'rel="nofollow noopener"' in html


def test_bare_urls_become_links_with_nofollow():
    assert 'rel="nofollow noopener"' in render_markdown("See https://example.org/page")


def test_internal_links_keep_no_rel():
    html = render_markdown('[scale](/about/evidence/ "x")')
    assert 'href="/about/evidence/"' in html and "rel=" not in html


def test_plain_markdown_survives():
    html = render_markdown("Some **bold** and a list:\n\n- one\n- two")
    assert "<strong>bold</strong>" in html and "<li>one</li>" in html


def test_empty_markdown_is_empty():
    assert render_markdown("") == ""


# --- hostile shapes: rendered as literal text, with python-markdown's work bounded ----------

LENGTH = MARKDOWN_MAX_CHARS


def _repeat(unit: str) -> str:
    return (unit * (LENGTH // len(unit) + 1))[:LENGTH]


# (name, text of the longest length a Markdown field takes, what the reader sees of it)
SLOW_SHAPES = [
    ("deep-brackets", "[" * LENGTH, "[[[[[[[[[["),
    ("finding-4", "[" * (LENGTH // 3) + "](" * (LENGTH // 3), "[[[[[[[[](](](]("),
    ("unclosed-links", _repeat("[a]("), "[a]([a]([a]("),
    ("unclosed-images", _repeat("!["), "![![![!["),
    ("unclosed-references", _repeat("[a]["), "[a][[a][[a]["),
    ("cdata", _repeat("<![CDATA["), "&lt;![CDATA[&lt;![CDATA["),
    ("paren-nesting", "(" * LENGTH, "(((((((((("),
    ("hyphenated-word", _repeat("a-"), "a-a-a-a-a-"),
    ("star-runs", _repeat("*a"), "<em>a</em>a<em>a</em>"),
    ("underscore-runs", _repeat("_a"), "_a_a_a_a_a"),
    ("unclosed-tags", _repeat("<a "), "&lt;a &lt;a &lt;a"),
    ("less-than-runs", "<" * LENGTH, "&lt;&lt;&lt;&lt;"),
    ("backtick-runs", "`" * LENGTH, "``````````"),
    ("code-spans", _repeat("`a` "), "<code>a</code> <code>a</code>"),
    ("link-chain", _repeat("[a](b)"), '<a href="b">a</a><a href="b">a</a>'),
    ("quote-nesting", ">" * LENGTH, "&gt;&gt;&gt;&gt;"),
    ("list-nesting", _repeat("1. "), "1. 1. 1. 1."),
]


@pytest.fixture
def markdown_work(monkeypatch):
    """What render_markdown hands python-markdown, and how far its link patterns scan."""
    work = SimpleNamespace(sources=[], link_scan=0)
    convert = markdown.Markdown.convert

    def recording_convert(self, source):
        work.sources.append(source)
        return convert(self, source)

    def counting(scan):
        def counted(self, data, index):
            found = scan(self, data, index)
            work.link_scan += (found[-2] if found[-2] >= index else len(data)) - index
            return found

        return counted

    monkeypatch.setattr(markdown.Markdown, "convert", recording_convert)
    for name in ("getText", "getLink"):
        monkeypatch.setattr(LinkInlineProcessor, name, counting(getattr(LinkInlineProcessor, name)))
    return work


def _nesting_per_line(source: str) -> int:
    """The most quote and list markers opening one line: each is a level python-markdown
    recurses into."""
    leading = re.compile(r"(?:[ \t]*(?:>|[*+-][ \t]|\d+\.[ \t]))*")
    return max(len(re.findall(r">|[*+-]|\d+\.", leading.match(line).group()))
               for line in source.split("\n"))


def _tag_scan(source: str) -> int:
    """What Python's HTML parser may rescan: from every "<" and letter to the end of the text."""
    return sum(len(source) - match.start() for match in re.finditer(r"<[A-Za-z]", source))


@pytest.mark.parametrize(("text", "seen"), [(t, s) for _, t, s in SLOW_SHAPES],
                         ids=[name for name, _, _ in SLOW_SHAPES])
def test_hostile_shapes_render_as_text_with_bounded_work(text, seen, markdown_work):
    html = render_markdown(text)

    assert seen in html
    (source,) = markdown_work.sources
    assert markdown_work.link_scan <= LINK_SCAN_BUDGET + len(text)
    assert _nesting_per_line(source) <= MAX_LINE_NESTING
    assert _tag_scan(source) <= TAG_SCAN_BUDGET


def test_ordinary_links_inside_hostile_text_still_work():
    text = "[NICE](https://www.nice.org.uk/)\n\n" + "[" * (LENGTH - 50)
    assert '<a href="https://www.nice.org.uk/" rel="nofollow noopener">NICE</a>' in (
        render_markdown(text))


def test_unclosed_brackets_from_typos_leave_later_links_working():
    typos = ("Levels [in pmol/L vary " + "from lab to lab " * 14) * 20  # 20 never closed
    text = typos[: LENGTH - 40] + " [NICE](https://www.nice.org.uk/)"
    assert 'href="https://www.nice.org.uk/"' in render_markdown(text)
    assert render_markdown(text) == _render_unbounded(text)


def test_deeply_nested_list_markers_do_not_exhaust_the_stack():
    html = render_markdown("1. " * 2_000 + "x")  # python-markdown alone: RecursionError
    assert html.count("<ol>") == MAX_LINE_NESTING and "1. 1. x" in html


def test_noncharacters_in_the_text_are_dropped_not_turned_into_markup():
    assert render_markdown("a\ufdd0\ufdd1b") == "<p>ab</p>"


def test_bare_link_pattern_never_rescans_a_run():
    # bleach's own pattern tries every position of a run of "(" or of a hyphenated word and
    # rescans the rest of the run from each; ours bounds both, so the run is read once.
    pattern = _cleaner.filters[0].keywords["url_re"].pattern
    assert r"\({0,10}" in pattern and r"[\w-]{1,63}\." in pattern
    assert r"\(*" not in pattern and r"[\w-]+\." not in pattern
    html = render_markdown("(see www.nhs.uk) and https://well-known.example.org/a-b (x)")
    assert 'href="http://www.nhs.uk"' in html
    assert 'href="https://well-known.example.org/a-b"' in html


# --- ordinary text: the bounds change nothing ------------------------------------------------

ORDINARY = [
    "[NICE](https://www.nice.org.uk/guidance/ng239) and [scale](/about/evidence/ \"x\")",
    "[a [nested] link](/x/), a [ref][1] and [1] alone\n\n[1]: https://example.org \"T\"",
    "`code [x](y) <b> *a*`\n\n    indented [code <a\n\nafter",
    "> a quote\n> > nested\n\n1. one\n2. two\n   - sub\n     - subsub",
    '<abbr title="multiple sclerosis">MS</abbr>, B<sub>12</sub> and a note<sup>1</sup>',
    "| test | means |\n|---|---|\n| B12 | level |",
    "a < b, c > d & e; ((https://example.org/x)) and well-known-site.example.org.",
    "***strong em*** and line  \nbreak, a_b_c",
]


def _render_unbounded(text: str) -> str:
    """render_markdown without its bounds: python-markdown, then bleach's stock link finder."""
    cleaner = bleach.sanitizer.Cleaner(
        tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, protocols=ALLOWED_PROTOCOLS,
        strip=True, strip_comments=True,
        filters=[partial(LinkifyFilter, callbacks=[_link_rel], skip_tags={"pre", "code"})],
    )
    return cleaner.clean(
        markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    )


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_markdown_renders_exactly_as_without_the_bounds(text):
    assert render_markdown(text) == _render_unbounded(text)


@pytest.mark.django_db
def test_every_seed_markdown_value_renders_exactly_as_without_the_bounds(seed_content):
    fields = [
        (Topic, ["intro", "what_to_do"]),
        (Claim, ["patient_summary", "clinician_summary", "what_to_do"]),
        (DoseCheck, ["explanation"]),
    ]
    compared = 0
    for model, names in fields:
        for row in model.objects.all():
            for name in names:
                markdown_text = getattr(row, f"{name}_md")
                assert getattr(row, f"{name}_html") == _render_unbounded(markdown_text)
                compared += 1
    assert compared > 100  # 35 claims, their dose checks and the topic
