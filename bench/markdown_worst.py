"""Times the slowest Markdown known, at the longest length a Markdown field takes.

    .venv/bin/python bench/markdown_worst.py [--repeat 9] [--before]

Each input is built to MARKDOWN_MAX_CHARS characters (claims/limits.py) and rendered through
claims.rich_text.render_markdown --repeat times; the median and the worst time are printed, in
milliseconds, as a Markdown table. --before also renders each once the way render_markdown
did before its bounds (python-markdown, then bleach's stock link finder) and, as finding 4
did, its two shapes at 8.8 KB. Needs no database and no settings.

"pathological" inputs are those whose cost grew with the square of their length (or, for
nested list markers, raised RecursionError). "dense" inputs are ordinary Markdown packed as
tightly as it goes: their cost is linear, mostly bleach's per-element work.

A field also refuses Markdown over its line or markup limit (claims.limits), so an input the
admin would refuse is timed as the longest start of it that the admin accepts ("allowed" says
which): the slowest text an editor can save is what the last line reports.
"""

import argparse
import platform
import statistics
import sys
import time
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import bleach  # noqa: E402
import markdown  # noqa: E402
from bleach.linkifier import LinkifyFilter  # noqa: E402

from claims import rich_text  # noqa: E402
from claims.limits import (  # noqa: E402
    MARKDOWN_MAX_CHARS,
    MARKDOWN_MAX_LINES,
    MARKDOWN_MAX_MARKUP,
    MARKUP_CHARACTERS,
    markdown_shape_problem,
)


def repeated(unit: str, length: int) -> str:
    return (unit * (length // len(unit) + 1))[:length]


def cases(length: int) -> list[tuple[str, str, str]]:
    """(kind, name, text) for every input."""
    third = length // 3
    pathological = {
        "[ x N (finding 4)": "[" * length,
        "[[[...](](... (finding 4)": "[" * third + "](" * third,
        "[a]( x N": repeated("[a](", length),
        "[a](< x N": repeated("[a](<", length),
        '[a](" x N': repeated('[a]("', length),
        "[a][ x N": repeated("[a][", length),
        "![ x N": repeated("![", length),
        "<![CDATA[ x N": repeated("<![CDATA[", length),
        "<a  x N (unclosed tags)": repeated("<a ", length),
        "<a x N": repeated("<a", length),
        "<http://a x N": repeated("<http://a", length),
        "( x N": "(" * length,
        "a- x N (hyphenated word)": repeated("a-", length),
        "1.  x N (nested list markers)": repeated("1. ", length),
        "> x N (nested quotes)": ">" * length,
        "<ul> x N": repeated("<ul>", length),
    }
    dense = {
        "a|b / -|- rows (one table)": repeated("a|b\n-|-\n", length),
        "|-| rows (one table)": repeated("|-|\n", length),
        "# a lines (headings in one block)": repeated("# a\n", length),
        "a + blank line (paragraphs)": repeated("a\n\n", length),
        "- a lines (list items)": repeated("- a\n", length),
        "*a x N (emphasis)": repeated("*a", length),
        "`a`  x N (code spans)": repeated("`a` ", length),
        "[a](b) x N (links)": repeated("[a](b)", length),
        "< x N": "<" * length,
        "& x N": "&" * length,
    }
    return [("pathological", name, text) for name, text in pathological.items()] + [
        ("dense", name, text) for name, text in dense.items()
    ] + [("every limit", name, text) for name, text in at_every_limit(length).items()]


def _spread(rows: list[str], length: int) -> str:
    """rows as lines, each padded with plain words so the whole is `length` characters."""
    pad = max(0, (length - sum(map(len, rows)) - len(rows)) // len(rows))
    return "\n".join(row + " " + "w" * (pad - 1) if pad else row for row in rows)[:length]


def _table(lines: int, pipes: int, length: int) -> str:
    """One table of `lines` rows with `pipes` pipes a row, its cells padded to `length`."""
    width = max(1, (length - 2 * pipes - lines) // ((lines - 1) * (pipes + 1)))
    row = "|".join(["w" * width] * (pipes + 1))
    return "\n".join([row, "|".join(["-"] * (pipes + 1))] + [row] * (lines - 2))[:length]


def at_every_limit(length: int) -> dict[str, str]:
    """Inputs at the length, line and markup limits at once: the most an editor can save."""
    lines, markup = MARKDOWN_MAX_LINES, MARKDOWN_MAX_MARKUP
    cells = markup // lines  # pipes a table row may have
    return {
        "table, every row padded": _table(lines, cells, length),
        "links on every line": _spread(["[a](b) " * (markup // lines // 2)] * lines, length),
        "emphasis on every line": _spread(["*a* " * (markup // lines // 2)] * lines, length),
        "list items with links": _spread(["- [a](b)"] * lines, length),
        "bare links (no markup)": repeated("http://a.co ", length),
        "bare domains (no markup)": repeated("a.co ", length),
    }


_stock_cleaner = bleach.sanitizer.Cleaner(
    tags=rich_text.ALLOWED_TAGS, attributes=rich_text.ALLOWED_ATTRIBUTES,
    protocols=rich_text.ALLOWED_PROTOCOLS, strip=True, strip_comments=True,
    filters=[partial(LinkifyFilter, callbacks=[rich_text._link_rel], skip_tags={"pre", "code"})],
)


def allowed_start(text: str) -> str:
    """The longest start of text within the line and markup limits."""
    lines = markup = 0
    for index, character in enumerate(text):
        if character == "\n" and index and text[index - 1] != "\n":
            lines += 1
        markup += character in MARKUP_CHARACTERS
        if lines >= MARKDOWN_MAX_LINES or markup > MARKDOWN_MAX_MARKUP:
            return text[:index]
    return text


def render_unbounded(text: str) -> str:
    """render_markdown as it was before its bounds."""
    html = markdown.markdown(text, extensions=rich_text.MARKDOWN_EXTENSIONS, output_format="html")
    return _stock_cleaner.clean(html)


def milliseconds(render, text: str) -> float | str:
    start = time.perf_counter()
    try:
        render(text)
    except RecursionError:
        return "RecursionError"
    return (time.perf_counter() - start) * 1000


def cell(value) -> str:
    return value if isinstance(value, str) else f"{value:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--before", action="store_true", help="also time the unbounded path")
    args = parser.parse_args()

    length = MARKDOWN_MAX_CHARS
    print(f"python {platform.python_version()}, markdown {markdown.__version__}, "
          f"bleach {bleach.__version__}; {length:,} characters; worst and best of "
          f"{args.repeat} renders in ms")
    if args.before:  # finding 4's two shapes at its 8.8 KB
        for name, text in (("[[[...](](...", "[" * 2933 + "](" * 2933), ("[ x N", "[" * 8800)):
            print(f"before, {name} of {len(text):,} characters: "
                  f"{cell(milliseconds(render_unbounded, text))} ms; after: "
                  f"{cell(milliseconds(rich_text.render_markdown, text))} ms")
    print()
    header = ("| kind | input | allowed | median ms | worst ms |"
              + (" before ms (whole input) |" if args.before else ""))
    print(header)
    print("|---|---|---|---:|---:|" + ("---:|" if args.before else ""))
    worst_allowed = 0.0
    for kind, name, text in cases(length):
        saved = text if not markdown_shape_problem(text) else allowed_start(text)
        assert not markdown_shape_problem(saved), name
        times = [milliseconds(rich_text.render_markdown, saved) for _ in range(args.repeat)]
        worst, median = max(times), statistics.median(times)
        worst_allowed = max(worst_allowed, median)
        shown = f"`` {name} ``".replace("|", "\\|")  # a code span a Markdown table keeps
        allowed = "whole" if saved == text else f"first {len(saved):,} characters"
        row = f"| {kind} | {shown} | {allowed} | {median:.1f} | {worst:.1f} |"
        if args.before:
            row += f" {cell(milliseconds(render_unbounded, text))} |"
        print(row, flush=True)
    print(f"\nslowest text an editor can save (median): {worst_allowed:.1f} ms "
          "(goal: under 50 ms)")


if __name__ == "__main__":
    main()
