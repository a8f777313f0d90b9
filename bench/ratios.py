"""The statistics and tables of bench/load.sh: from its runs (a TSV file), each page's median
ratio to its trivial view with the spread over the pairs, the median of each latency
percentile over the runs with its spread, and the goals.

    python bench/ratios.py report RUNS.tsv --claims 10000 [--connections 16]
    python bench/ratios.py goals RUNS.tsv --claims 10000 [--small 100] [--goal-ratio 0.9]

RUNS.tsv has a header line and one line per wrk run (COLUMNS below), in the order they ran.
`kind` is "page" for a run of the page itself, "trivial" for a run of the trivial view of the
same size measured beside it, "unmeasured" when the page did not answer 200 (`status` says
what it answered). `goal` says which goal a page's rows count towards: "ratio" (its median
ratio to the trivial view), "p99" (its median p99 at the main connection count), "growth"
(its median p50 at --claims against --small), or "-".

Pairs: each page run is divided by the mean of the trivial runs just before and just after it
(load.sh runs trivial, page, trivial, page, ..., trivial), or by the one beside it if there
is only one, so drift in the machine's speed falls on both sides of every ratio.

Spread: the interquartile range (25th to 75th percentile, interpolated between the values as
statistics.quantiles(method="inclusive") does) and the minimum and maximum. A latency of a run
in which wrk counted timeouts is unknown above its timeout: p99 is taken as infinite (shown
">TIMEOUT"); a run with no request finished has every percentile infinite.
"""

import argparse
import csv
import math
import sys
from dataclasses import dataclass
from pathlib import Path

COLUMNS = [
    "claims", "page", "kind", "goal", "connections", "path", "bytes", "status", "requests",
    "seconds", "rps", "p50_ms", "p90_ms", "p99_ms", "non2xx3xx", "socket_errors", "timeouts",
    "load1",
]
PERCENTILES = ("p50_ms", "p90_ms", "p99_ms")
INF = math.inf


# --- statistics ---------------------------------------------------------------------------


def quantile(values: list[float], q: float) -> float:
    """The q-quantile (0 <= q <= 1) of values, interpolated linearly between the sorted values
    (the "inclusive" method of statistics.quantiles and numpy's default). Infinite values
    sort last; a quantile that reaches into them is infinite."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    if ordered[low] == ordered[high]:
        return ordered[low]
    if math.isinf(ordered[high]):
        return INF
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Spread:
    """The median of some values, their interquartile range and their extremes."""

    n: int
    median: float
    q1: float
    q3: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float]) -> "Spread":
        return cls(
            n=len(values),
            median=quantile(values, 0.5),
            q1=quantile(values, 0.25),
            q3=quantile(values, 0.75),
            low=min(values),
            high=max(values),
        )


# --- runs ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    claims: int
    page: str
    kind: str  # page, trivial or unmeasured
    goal: str
    connections: int
    path: str
    bytes: int
    status: str
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    non2xx3xx: int
    socket_errors: int
    timeouts: int
    load1: float

    @property
    def latencies(self) -> dict[str, float]:
        """p50, p90 and p99 as known: infinite where wrk's timeouts hide them."""
        if self.requests == 0:
            return dict.fromkeys(PERCENTILES, INF)
        values = {name: getattr(self, name) for name in PERCENTILES}
        if self.timeouts:
            values["p99_ms"] = INF
        return values


def _number(text: str, kind=float):
    try:
        return kind(text)
    except ValueError:
        return kind(0)


def read_runs(path: str | Path) -> list[Run]:
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = set(COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        runs = []
        for row in reader:
            runs.append(
                Run(
                    claims=int(row["claims"]),
                    page=row["page"],
                    kind=row["kind"],
                    goal=row["goal"],
                    connections=int(row["connections"]),
                    path=row["path"],
                    bytes=_number(row["bytes"], int),
                    status=row["status"],
                    requests=_number(row["requests"], int),
                    seconds=_number(row["seconds"]),
                    rps=_number(row["rps"]),
                    p50_ms=_number(row["p50_ms"]),
                    p90_ms=_number(row["p90_ms"]),
                    p99_ms=_number(row["p99_ms"]),
                    non2xx3xx=_number(row["non2xx3xx"], int),
                    socket_errors=_number(row["socket_errors"], int),
                    timeouts=_number(row["timeouts"], int),
                    load1=_number(row["load1"]),
                )
            )
    return runs


@dataclass
class Entry:
    """One page at one connection count in one pass: its runs and its trivial view's, in the
    order they ran."""

    claims: int
    page: str
    connections: int
    runs: list[tuple[int, Run]]  # (position in the file, run)

    @property
    def page_runs(self) -> list[Run]:
        return [run for _, run in self.runs if run.kind == "page"]

    @property
    def trivial_runs(self) -> list[Run]:
        return [run for _, run in self.runs if run.kind == "trivial"]

    @property
    def unmeasured(self) -> Run | None:
        return next((run for _, run in self.runs if run.kind == "unmeasured"), None)

    @property
    def goal(self) -> str:
        return self.runs[0][1].goal

    @property
    def path(self) -> str:
        return self.runs[0][1].path if not self.page_runs else self.page_runs[0].path

    @property
    def bytes(self) -> int:
        return self.runs[0][1].bytes

    def ratios(self) -> list[float]:
        """Each page run's requests/s over the mean of the trivial runs just before and just
        after it (either alone at an end); none without trivial runs."""
        ordered = [run for _, run in self.runs if run.kind in ("page", "trivial")]
        ratios = []
        for at, run in enumerate(ordered):
            if run.kind != "page":
                continue
            before = next((r for r in reversed(ordered[:at]) if r.kind == "trivial"), None)
            after = next((r for r in ordered[at + 1:] if r.kind == "trivial"), None)
            beside = [r.rps for r in (before, after) if r is not None]
            if beside:
                mean = sum(beside) / len(beside)
                ratios.append(run.rps / mean if mean > 0 else 0.0)
        return ratios


def entries(runs: list[Run], claims: int | None = None) -> list[Entry]:
    """The runs grouped by (claims, page, connections), in the order each first ran."""
    grouped: dict[tuple[int, str, int], Entry] = {}
    for position, run in enumerate(runs):
        if claims is not None and run.claims != claims:
            continue
        key = (run.claims, run.page, run.connections)
        if key not in grouped:
            grouped[key] = Entry(run.claims, run.page, run.connections, [])
        grouped[key].runs.append((position, run))
    return list(grouped.values())


def latency_spreads(runs: list[Run]) -> dict[str, Spread]:
    return {name: Spread.of([run.latencies[name] for run in runs]) for name in PERCENTILES}


# --- formatting ---------------------------------------------------------------------------


def fmt_ms(value: float, timeout_ms: float) -> str:
    if math.isinf(value):
        return f">{timeout_ms:g}"
    if value < 10:
        return f"{value:.2f}"
    if value < 100:
        return f"{value:.1f}"
    return f"{value:.0f}"


def fmt_ratio(value: float) -> str:
    return f"{value:.2f}"


def spread_cell(spread: Spread, fmt) -> str:
    """'median [q1-q3] (min-max)'."""
    return (
        f"{fmt(spread.median)} [{fmt(spread.q1)}–{fmt(spread.q3)}]"
        f" ({fmt(spread.low)}–{fmt(spread.high)})"
    )


def _errors(runs: list[Run]) -> tuple[int, int, int]:
    return (
        sum(run.non2xx3xx for run in runs),
        sum(run.socket_errors for run in runs),
        sum(run.timeouts for run in runs),
    )


def report(runs: list[Run], claims: int, connections: int, timeout_ms: float = 10_000) -> str:
    """The tables of one pass (the runs at `claims` claims) in Markdown."""
    ms = lambda value: fmt_ms(value, timeout_ms)  # noqa: E731
    pass_entries = entries(runs, claims)
    lines = [
        f"### Requests/s beside the trivial view ({connections} connections)",
        "",
        "Ratio: each run of the page over the mean of the trivial view's runs just before and "
        "just after it (the same number of bytes through the same middleware); the median over "
        "the pairs, its interquartile range and its extremes.",
        "",
        "| page | path | bytes | pairs | ratio: median | IQR | min–max "
        "| page requests/s: median | trivial view requests/s: median (min–max) "
        "| non-2xx/3xx | socket errors (timeouts) |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for entry in pass_entries:
        if entry.unmeasured:
            lines.append(
                f"| {entry.page} | `{entry.path}` | - | 0 | - | - | - | - | - "
                f"| HTTP {entry.unmeasured.status} (000: no answer in 60 s), not measured | - |"
            )
            continue
        ratios = entry.ratios()
        if not ratios:
            continue
        r = Spread.of(ratios)
        page_rps = Spread.of([run.rps for run in entry.page_runs])
        trivial = Spread.of([run.rps for run in entry.trivial_runs])
        non2xx, socket, timeouts = _errors(entry.page_runs + entry.trivial_runs)
        lines.append(
            f"| {entry.page} | `{entry.path}` | {entry.bytes} | {r.n} | **{fmt_ratio(r.median)}**"
            f" | {fmt_ratio(r.q1)}–{fmt_ratio(r.q3)} | {fmt_ratio(r.low)}–{fmt_ratio(r.high)}"
            f" | {page_rps.median:.0f} | {trivial.median:.0f} ({trivial.low:.0f}–"
            f"{trivial.high:.0f}) | {non2xx} | {socket} ({timeouts}) |"
        )
    lines += [
        "",
        "### Latency (ms)",
        "",
        "Each cell: the median over the runs of that run's percentile [interquartile range] "
        "(min–max). `requests a run` is the median number of requests a run finished: a p99 "
        "of fewer than 100 requests is close to their slowest.",
        "",
        "| page | connections | runs | requests a run | p50 | p90 | p99 | non-2xx/3xx "
        "| socket errors (timeouts) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for entry in pass_entries:
        if entry.unmeasured:
            continue
        for label, group in ((entry.page, entry.page_runs),
                             (f"↳ trivial view, {entry.bytes} bytes", entry.trivial_runs)):
            if not group:
                continue
            spreads = latency_spreads(group)
            requests = Spread.of([run.requests for run in group])
            non2xx, socket, timeouts = _errors(group)
            lines.append(
                f"| {label} | {entry.connections} | {len(group)} | {requests.median:.0f} | "
                + " | ".join(spread_cell(spreads[name], ms) for name in PERCENTILES)
                + f" | {non2xx} | {socket} ({timeouts}) |"
            )
    loads = [run.load1 for run in runs if run.claims == claims and run.kind != "unmeasured"]
    if loads:
        lines += ["", f"Load average (1 minute) as each run started: {min(loads):.2f} to "
                      f"{max(loads):.2f}."]
    return "\n".join(lines)


# --- goals --------------------------------------------------------------------------------


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _met(ok: bool) -> str:
    return "met" if ok else "**NOT met**"


def goals(
    runs: list[Run],
    claims: int,
    connections: int,
    small: int = 0,
    goal_ratio: float = 0.9,
    goal_p99_ms: float = 100.0,
    goal_growth: float = 2.0,
    timeout_ms: float = 10_000,
) -> list[tuple[str, str, str]]:
    """(goal, measured, result) rows."""
    ms = lambda value: fmt_ms(value, timeout_ms)  # noqa: E731
    rows = []
    big = {(e.page, e.connections): e for e in entries(runs, claims)}
    for entry in big.values():
        if entry.goal == "ratio" and entry.connections == connections:
            goal = (f"{entry.page} at {claims} claims: median requests/s >= {goal_ratio:g} x "
                    "the trivial view")
            ratios = entry.ratios()
            if not ratios:
                rows.append((goal, "not measured", _met(False)))
                continue
            r = Spread.of(ratios)
            measured = (f"{fmt_ratio(r.median)} (IQR {fmt_ratio(r.q1)}–{fmt_ratio(r.q3)}, "
                        f"min–max {fmt_ratio(r.low)}–{fmt_ratio(r.high)}, {plural(r.n, 'pair')})")
            result = _met(r.median >= goal_ratio)
            if r.q1 < goal_ratio <= r.q3:
                result += " (the IQR spans the goal)"
            rows.append((goal, measured, result))
    for entry in big.values():
        if entry.goal == "p99" and entry.connections == connections:
            goal = (f"{entry.page} p99 at {claims} claims <= {goal_p99_ms:g} ms "
                    f"({connections} connections)")
            if not entry.page_runs:
                rows.append((goal, "not measured", _met(False)))
                continue
            p99 = latency_spreads(entry.page_runs)["p99_ms"]
            measured = (f"{ms(p99.median)} ms (IQR {ms(p99.q1)}–{ms(p99.q3)}, "
                        f"min–max {ms(p99.low)}–{ms(p99.high)}, {plural(p99.n, 'run')})")
            rows.append((goal, measured, _met(p99.median <= goal_p99_ms)))
    if small:
        low = {(e.page, e.connections): e for e in entries(runs, small)}
        for key, entry in big.items():
            if entry.goal != "growth":
                continue
            goal = (f"{entry.page}: median p50 at {claims} claims <= {goal_growth:g} x "
                    f"median p50 at {small}")
            other = low.get(key)
            if not entry.page_runs or other is None or not other.page_runs:
                rows.append((goal, "not measured", _met(False)))
                continue
            a = latency_spreads(entry.page_runs)["p50_ms"].median
            b = latency_spreads(other.page_runs)["p50_ms"].median
            if math.isinf(a) or math.isinf(b) or b <= 0:
                rows.append((goal, f"{ms(a)} / {ms(b)} ms (no request finished)", _met(False)))
                continue
            rows.append((goal, f"{ms(a)} ms / {ms(b)} ms = {a / b:.2f}x",
                         _met(a / b <= goal_growth)))
    return rows


def goals_table(rows: list[tuple[str, str, str]]) -> str:
    lines = ["| goal | measured | result |", "|---|---|---|"]
    lines += [f"| {goal} | {measured} | {result} |" for goal, measured, result in rows]
    return "\n".join(lines)


# --- command line -------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("report", "goals"):
        command = sub.add_parser(name)
        command.add_argument("runs", help="the TSV of runs load.sh writes")
        command.add_argument("--claims", type=int, required=True)
        command.add_argument("--connections", type=int, default=16)
        command.add_argument("--timeout-ms", type=float, default=10_000)
    goals_parser = sub.choices["goals"]
    goals_parser.add_argument("--small", type=int, default=0)
    goals_parser.add_argument("--goal-ratio", type=float, default=0.9)
    goals_parser.add_argument("--goal-p99-ms", type=float, default=100.0)
    goals_parser.add_argument("--goal-growth", type=float, default=2.0)
    args = parser.parse_args(argv)
    runs = read_runs(args.runs)
    if args.command == "report":
        print(report(runs, args.claims, args.connections, args.timeout_ms))
    else:
        rows = goals(runs, args.claims, args.connections, args.small, args.goal_ratio,
                     args.goal_p99_ms, args.goal_growth, args.timeout_ms)
        print(goals_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
