"""The one sanitiser: editor Markdown becomes safe HTML here and nowhere else."""

import re
from functools import partial
from urllib.parse import unquote, urlparse

import bleach
import markdown
from bleach.linkifier import LinkifyFilter

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


_cleaner = bleach.sanitizer.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[_link_rel], skip_tags={"pre", "code"})],
)


def render_markdown(text: str) -> str:
    """Markdown from an editor -> sanitised HTML safe to mark safe in templates."""
    if not text:
        return ""
    html = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return _cleaner.clean(html)
