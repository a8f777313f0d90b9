"""The one sanitiser, fed hostile Markdown: nothing executable survives."""

import re

import pytest

from claims.rich_text import render_markdown

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
