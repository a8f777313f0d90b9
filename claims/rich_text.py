"""The one sanitiser: editor Markdown becomes safe HTML here and nowhere else.

It also keeps the time that takes in step with the text's length. python-markdown, the HTML
parser it relies on and bleach's link finder each have inputs whose cost grows with the square
of their length (seconds for a few thousand unclosed brackets); the bounds below cut those
short, and the text that would have set one off is shown as the literal characters it is.
"""

import html
import re
from functools import partial
from urllib.parse import unquote, urlparse

import bleach
import markdown
from bleach.linkifier import URL_RE, LinkifyFilter
from markdown.extensions import Extension
from markdown.inlinepatterns import LinkInlineProcessor

ALLOWED_TAGS = frozenset(
    {
        "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote",
        "code", "pre", "h3", "h4", "abbr", "sup", "sub", "table", "thead", "tbody",
        "tr", "th", "td",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title", "rel"], "abbr": ["title"], "th": ["scope"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
MARKDOWN_EXTENSIONS = ["sane_lists", "tables"]
EXTERNAL_REL = "nofollow noopener"

# python-markdown's link, image and reference patterns look for the "]" and ")" closing every
# "[" by scanning ahead, so unclosed ones ("[[[[", "[a](" again and again) cost the square of
# their number. Scanning stops for the rest of the document after this many characters, and
# the brackets left over are plain text: 60 links cost 6,000, each "[" never closed (a typo)
# the rest of its paragraph three times over, so about 50 of them in the longest paragraph.
LINK_SCAN_BUDGET = 250_000
# "> > > ..." or "1. 1. 1. ..." at the start of a line nests one level per marker, and
# python-markdown recurses once per level (RecursionError after about 500).
MAX_LINE_NESTING = 8
# Python's HTML parser, which python-markdown runs over the whole text, rescans to the end of
# the text from every "<" and letter that is never closed ("<a <a <a"). The tag starts kept
# are the last ones whose distances to the end add up to at most this.
TAG_SCAN_BUDGET = 500_000


def _is_external(href: str) -> bool:
    parsed = urlparse(href)
    return bool(parsed.scheme in {"http", "https"} and parsed.netloc)


_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):", re.IGNORECASE)
_CONTROL_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")


def _has_unsafe_scheme(href: str) -> bool:
    # Decode %-escapes and drop whitespace/control characters before looking for a scheme,
    # so "java%0ascript:" or " javascript:" cannot slip past as a "relative" link.
    decoded = _CONTROL_AND_SPACE.sub("", unquote(href))
    match = _SCHEME.match(decoded)
    return bool(match and match.group(1).lower() not in ALLOWED_PROTOCOLS)


def _link_rel(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if _has_unsafe_scheme(href):
        return None  # bleach then keeps the link text and drops the link
    if _is_external(href):
        attrs[(None, "rel")] = EXTERNAL_REL
    else:
        attrs.pop((None, "rel"), None)
    return attrs


def _bounded_url_re() -> re.Pattern:
    """bleach's pattern for bare links, with at most 10 "(" before a link and 63 characters
    to a domain label (the DNS limit). Unbounded, it rescans a run of "(" or a hyphenated
    word from every position in it."""
    pattern = URL_RE.pattern
    for unbounded, bounded in ((r"\(*", r"\({0,10}"), (r"([\w-]+\.)+", r"([\w-]{1,63}\.)+")):
        if unbounded not in pattern:
            raise RuntimeError(f"bleach's URL pattern has changed: no {unbounded} to bound")
        pattern = pattern.replace(unbounded, bounded, 1)
    return re.compile(pattern, URL_RE.flags)


_cleaner = bleach.sanitizer.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[
        partial(
            LinkifyFilter, callbacks=[_link_rel], skip_tags={"pre", "code"},
            url_re=_bounded_url_re(),
        )
    ],
)


class _LinkScanBudget(Extension):
    """Gives python-markdown's link patterns LINK_SCAN_BUDGET characters to scan in a document."""

    def extendMarkdown(self, md):
        self.left = LINK_SCAN_BUDGET
        for pattern in md.inlinePatterns:
            if isinstance(pattern, LinkInlineProcessor):
                pattern.getText = self._budgeted(pattern.getText, nothing=("",))
                pattern.getLink = self._budgeted(pattern.getLink, nothing=("", None))

    def _budgeted(self, scan, nothing):
        def budgeted(data, index):
            if self.left <= 0:
                return (*nothing, index, False)
            found = scan(data, index)
            end = found[-2] if found[-2] >= index else len(data)
            self.left -= max(end - index, 1)
            return found

        return budgeted


# Characters kept literal are swapped for Unicode noncharacters (reserved for internal use),
# which python-markdown passes through as text, and swapped back, HTML-escaped, in its output.
# Unlike a backslash escape, this reads the same inside code.
_LITERAL = {char: chr(0xFDD0 + i) for i, char in enumerate("<>*+-.")}
_TO_LITERAL = str.maketrans(_LITERAL)
_FROM_LITERAL = str.maketrans({ph: html.escape(char) for char, ph in _LITERAL.items()})
_NONCHARACTERS = dict.fromkeys(range(0xFDD0, 0xFDF0))  # str.translate drops these
_LINE_MARKERS = re.compile(r"^(?:[ \t]*+(?:>|[*+-][ \t]|\d++\.[ \t]))+", re.MULTILINE)
_MARKER = re.compile(r">|[*+-](?=[ \t])|\d+\.(?=[ \t])")
_TAG_START = re.compile(r"<(?=[A-Za-z])")


def _flatten_line(match: re.Match) -> str:
    prefix = match.group()
    markers = list(_MARKER.finditer(prefix))
    if len(markers) <= MAX_LINE_NESTING:
        return prefix
    cut = markers[MAX_LINE_NESTING].start()
    return prefix[:cut] + prefix[cut:].translate(_TO_LITERAL)


def _bound_tag_starts(text: str) -> str:
    # Keep tag starts from the end back while their scans fit; show every "<" before as text.
    starts = [match.start() for match in _TAG_START.finditer(text)]
    kept, scanned = len(starts), 0
    while kept and scanned + len(text) - starts[kept - 1] <= TAG_SCAN_BUDGET:
        kept -= 1
        scanned += len(text) - starts[kept]
    if not kept:
        return text
    cut = starts[kept - 1] + 1
    return text[:cut].replace("<", _LITERAL["<"]) + text[cut:]


def _bounded(text: str) -> str:
    """The text as python-markdown gets it: line ends as it would make them, nesting per line
    and raw HTML tag starts bounded."""
    text = text.translate(_NONCHARACTERS).replace("\r\n", "\n").replace("\r", "\n")
    return _bound_tag_starts(_LINE_MARKERS.sub(_flatten_line, text))


def render_markdown(text: str) -> str:
    """Markdown from an editor -> sanitised HTML safe to mark safe in templates."""
    if not text:
        return ""
    converter = markdown.Markdown(
        extensions=[*MARKDOWN_EXTENSIONS, _LinkScanBudget()], output_format="html"
    )
    html_text = converter.convert(_bounded(text)).translate(_FROM_LITERAL)
    return _cleaner.clean(html_text)
