"""The one sanitiser against hostile editor input, in the style of OWASP's XSS evasion list.

Each input goes through claims.rich_text.render_markdown; the output is parsed and every
tag, attribute and URL in it is checked against what a browser could execute.
"""

import re
from html.parser import HTMLParser
from urllib.parse import unquote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claims.rich_text import ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, ALLOWED_TAGS, render_markdown

HOSTILE_INPUTS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=//xss.example/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"http://xss.example/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=http://xss.example/xss.js?< B >",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>XSS</text></a></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><set attributeName=href to=javascript:alert(1) /></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<math href=\"javascript:alert(1)\">CLICKME</math>",
    "<math><maction actiontype=\"statusline#http://x\" xlink:href=\"javascript:alert(2)\">CLICKME</maction></math>",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<TD BACKGROUND=\"javascript:alert('XSS')\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.example/scriptlet.html\"></OBJECT>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv\" AllowScriptAccess=\"always\"></EMBED>",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html;base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">data link</a>",
    "<a href=\"vbscript:msgbox('XSS')\">vb</a>",
    "<a href=\"&#x6A;avascript:alert(1)\">entity link</a>",
    "<a href=\"java%0ascript:alert(1)\">percent link</a>",
    "<a href=\" javascript:alert(1)\">leading space</a>",
    "<a href=\"JAVASCRIPT:alert(1)\" title=\"x\" onclick=\"alert(2)\">upper</a>",
    "[click me](javascript:alert(1))",
    "[click me](JaVaScRiPt:alert(1))",
    "[click me](&#106;avascript:alert(1))",
    "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click me](vbscript:alert(1))",
    "![img](javascript:alert(1))",
    "![img](x \"onerror=alert(1)\")",
    "[a](https://example.org \"title\" onclick=alert(1))",
    "<a href='https://example.org' target=_blank rel=opener>opener</a>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=\"alert(1)\">",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<button formaction=\"javascript:alert(1)\">go</button>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<p>ok</p><scr<script>ipt>alert(1)</scr</script>ipt>",
    "<a href=\"javas&#99;ript:alert(1)\">split entity</a>",
    "```\n<script>alert(1)</script>\n```",
    "`<img src=x onerror=alert(1)>`",
    "<xss style=\"xss:expression(alert('XSS'))\">",
    "<template><script>alert(1)</script></template>",
]

EVENT_HANDLER = re.compile(r"^on", re.IGNORECASE)
DANGEROUS_URL = re.compile(r"^\s*(javascript|vbscript|data|livescript|mocha)\s*:", re.IGNORECASE)


class _Inspector(HTMLParser):
    """Collects every start tag with its attributes, after entity decoding."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    handle_startendtag = handle_starttag


def _problems(html: str) -> list[str]:
    inspector = _Inspector()
    inspector.feed(html)
    problems = []
    for tag, attrs in inspector.tags:
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag <{tag}> is not allowed")
        allowed = set(ALLOWED_ATTRIBUTES.get(tag, []))
        for name, value in attrs:
            if EVENT_HANDLER.match(name):
                problems.append(f"event handler {name} on <{tag}>")
            if name not in allowed:
                problems.append(f"attribute {name} on <{tag}> is not allowed")
            if name == "href" and value is not None:
                decoded = unquote(value).replace("\t", "").replace("\n", "")
                scheme = decoded.split(":", 1)[0].lower() if ":" in decoded else ""
                if DANGEROUS_URL.match(decoded) or (scheme and scheme not in ALLOWED_PROTOCOLS
                                                    and "/" not in scheme):
                    problems.append(f"script or unsafe URL {value!r}")
    if re.search(r"<\s*script", html, re.IGNORECASE):
        problems.append("a <script> tag survived")
    return problems


def test_there_are_at_least_fifty_hostile_inputs():
    assert len(HOSTILE_INPUTS) >= 50


@pytest.mark.parametrize("hostile", HOSTILE_INPUTS)
def test_hostile_input_yields_nothing_executable(hostile):
    html = render_markdown(hostile)
    assert _problems(html) == [], html


def test_an_ordinary_external_link_survives_and_is_not_followed():
    html = render_markdown("See [the NICE guideline](https://www.nice.org.uk/guidance/ng239).")
    assert '<a href="https://www.nice.org.uk/guidance/ng239" rel="nofollow noopener">' in html


def test_a_link_with_a_forged_rel_gets_ours():
    html = render_markdown('<a href="https://example.org" rel="opener">x</a>')
    assert 'rel="nofollow noopener"' in html and "opener\"" not in html.replace("noopener", "")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>\"'=/:&#;()[]! abcjsvrtiponelx\n`-*_")), max_size=120))
def test_random_markup_soup_never_yields_anything_executable(soup):
    assert _problems(render_markdown(soup)) == []
