"""Where a request's time goes, from py-spy's raw samples of the gunicorn workers (written by
bench/profile_cached.sh): per request, for each target (the cached page, the trivial view of
its size), the time by package, the top functions by inclusive and by self time, and the
functions the page spends more in than the trivial view.

    python bench/profile_cached.py --rate 200 --top 20 \\
        'claim page=out/page.txt:5120' 'trivial view=out/trivial.txt:6400'

Each target is LABEL=RAW_FILE:REQUESTS (REQUESTS: how many requests wrk completed while py-spy
sampled). py-spy's raw format is one line per distinct stack, "frame;frame;... COUNT", root
first, each frame "function (file)" (--nolineno), after "process PID:"command";" prefixes
with --subprocesses. A sample is one process seen running Python code (py-spy leaves idle
ones out without --idle), so samples / rate is CPU-ish seconds, and divided by the requests,
milliseconds a request.
"""

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

_PROCESS = re.compile(r'^(?:process \d+:"[^"]*";?)+', re.S)
_FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*)\)$")
NO_PYTHON = "(no Python frame)"
# Where the application starts: gunicorn calls Django's WSGI handler. Above it (gunicorn's
# arbiter, worker loop) every sample has the same frames, so the tables of functions start
# there; time outside it is gunicorn's own (accepting, parsing, writing, closing).
APP_FRAME = "WSGIHandler.__call__ (django/core/handlers/wsgi.py)"
_SHORTEN = (
    re.compile(r"^.*/site-packages/"),
    re.compile(r"^.*/lib/python3\.\d+/"),
)


def short_file(path: str, root: str = "") -> str:
    """A frame's file relative to site-packages, the standard library or the project."""
    for pattern in _SHORTEN:  # first: the project's .venv is inside the project
        shortened = pattern.sub("", path)
        if shortened != path:
            return shortened
    if root and path.startswith(root.rstrip("/") + "/"):
        return path[len(root.rstrip("/")) + 1:]
    return path


def short_frame(frame: str, root: str = "") -> str:
    match = _FRAME.match(frame)
    if not match:
        return frame
    return f"{match['function']} ({short_file(match['file'], root)})"


def package(frame: str) -> str:
    """The top-level package (or module) of a shortened frame: "django", "claims", "gunicorn";
    the standard library's modules by name."""
    match = _FRAME.match(frame)
    if not match:
        return frame
    top = match["file"].split("/")[0]
    return top.removesuffix(".py") or frame


@dataclass
class Profile:
    """The samples of one target."""

    label: str
    requests: int
    rate: float
    samples: int = 0
    in_app: int = 0  # samples inside APP_FRAME
    inclusive: Counter = field(default_factory=Counter)  # function in the app -> samples on it
    own: Counter = field(default_factory=Counter)  # function -> samples it was the leaf
    packages: Counter = field(default_factory=Counter)  # leaf's package -> samples

    def add(self, stack: list[str], count: int) -> None:
        self.samples += count
        if not stack:
            stack = [NO_PYTHON]
        if APP_FRAME in stack:
            self.in_app += count
            for frame in set(stack[stack.index(APP_FRAME):]):
                self.inclusive[frame] += count
        self.own[stack[-1]] += count
        self.packages[package(stack[-1]) if stack[-1] != NO_PYTHON else NO_PYTHON] += count

    def ms_per_request(self, samples: int) -> float:
        if not self.requests:
            return 0.0
        return samples / self.rate / self.requests * 1000

    @property
    def total_ms(self) -> float:
        return self.ms_per_request(self.samples)


def parse_line(line: str, root: str = "") -> tuple[list[str], int] | None:
    """(frames root first, count) of one line of py-spy's raw output; None for a blank one."""
    line = line.rstrip("\n")
    if not line.strip():
        return None
    stack, _, count = line.rpartition(" ")
    stack = _PROCESS.sub("", stack)
    frames = [short_frame(frame, root) for frame in stack.split(";") if frame]
    return frames, int(count)


def read_raw(text: str, root: str = "") -> list[tuple[list[str], int]]:
    """Lines of py-spy's raw output. A process's command line can span lines (python -c):
    a line is complete when it ends in a count and has no open quote."""
    lines, pending = [], ""
    for line in text.splitlines():
        pending = f"{pending}\n{line}" if pending else line
        if pending.count('"') % 2 == 0 and re.search(r" \d+$", pending):
            parsed = parse_line(pending, root)
            if parsed:
                lines.append(parsed)
            pending = ""
    return lines


def load(label: str, path: Path, requests: int, rate: float, root: str = "") -> Profile:
    profile = Profile(label, requests, rate)
    for frames, count in read_raw(path.read_text(), root):
        profile.add(frames, count)
    return profile


def fmt(ms: float) -> str:
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}"


def table(profile: Profile, counter: Counter, top: int, what: str) -> list[str]:
    lines = [f"| {what} | ms a request | share |", "|---|---:|---:|"]
    for frame, samples in counter.most_common(top):
        share = samples / profile.samples if profile.samples else 0
        lines.append(f"| `{frame}` | {fmt(profile.ms_per_request(samples))} | {share:.0%} |")
    return lines


def difference_table(page: Profile, trivial: Profile, a: Counter, b: Counter,
                     top: int) -> list[str]:
    """Functions by their time a request in a (of page) minus in b (of trivial), largest
    first, those with more time in the page only."""
    differences = []
    for frame in set(a) | set(b):
        in_page = page.ms_per_request(a[frame])
        in_trivial = trivial.ms_per_request(b[frame])
        if in_page > in_trivial:
            differences.append((in_page - in_trivial, frame, in_page, in_trivial))
    differences.sort(key=lambda item: (-item[0], item[1]))
    lines = [f"| function | {page.label} ms | {trivial.label} ms | difference ms |",
             "|---|---:|---:|---:|"]
    lines += [f"| `{frame}` | {fmt(x)} | {fmt(y)} | {fmt(d)} |"
              for d, frame, x, y in differences[:top]]
    return lines


def report(profiles: list[Profile], top: int) -> str:
    lines = []
    for profile in profiles:
        lines += [
            f"### {profile.label}",
            "",
            f"{profile.requests} requests, {profile.samples} samples at {profile.rate:g} Hz: "
            f"**{fmt(profile.total_ms)} ms of worker CPU a request** (sampled), of which "
            f"{fmt(profile.ms_per_request(profile.in_app))} ms in the application (Django's "
            f"WSGI handler and below) and "
            f"{fmt(profile.ms_per_request(profile.samples - profile.in_app))} ms in gunicorn "
            "around it (accepting, reading the request, writing the response, closing).",
            "",
            *table(profile, profile.packages, top, "package (of the running function)"),
            "",
            *table(profile, profile.inclusive, top,
                   "function in the application, inclusive (it and what it calls)"),
            "",
            *table(profile, profile.own, top, "function, self (running itself)"),
            "",
        ]
    if len(profiles) >= 2:
        page, trivial = profiles[0], profiles[1]
        lines += [
            f"### What {page.label} spends beyond {trivial.label}",
            "",
            f"Per request: {fmt(page.total_ms)} ms against {fmt(trivial.total_ms)} ms, "
            f"{fmt(page.total_ms - trivial.total_ms)} ms more; in the application "
            f"{fmt(page.ms_per_request(page.in_app))} ms against "
            f"{fmt(trivial.ms_per_request(trivial.in_app))} ms. Functions in the application "
            "by their inclusive time a request in the first minus in the second (largest "
            "first):",
            "",
            *difference_table(page, trivial, page.inclusive, trivial.inclusive, top),
            "",
            "By self time, anywhere in the worker (the function running itself, not what it "
            "calls):",
            "",
            *difference_table(page, trivial, page.own, trivial.own, top),
            "",
        ]
    return "\n".join(lines)


def parse_target(text: str) -> tuple[str, Path, int]:
    label, _, rest = text.partition("=")
    path, _, requests = rest.rpartition(":")
    if not label or not path or not requests.isdigit():
        raise argparse.ArgumentTypeError(f"{text!r}: expected LABEL=RAW_FILE:REQUESTS")
    return label, Path(path), int(requests)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("targets", nargs="+", type=parse_target,
                        help="LABEL=RAW_FILE:REQUESTS; the first is compared with the second")
    parser.add_argument("--rate", type=float, required=True, help="py-spy's --rate")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--root", default=str(Path(__file__).resolve().parent.parent),
                        help="the project folder, left out of file names")
    args = parser.parse_args(argv)
    profiles = [load(label, path, requests, args.rate, args.root)
                for label, path, requests in args.targets]
    print(report(profiles, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
