"""bench/ratios.py: the statistics and tables of bench/load.sh (no server, no database)."""

import math
import statistics

import pytest

from bench import ratios
from bench.ratios import COLUMNS, Spread, quantile


def write_runs(path, rows):
    lines = ["\t".join(COLUMNS)]
    for row in rows:
        values = {
            "claims": 100, "goal": "-", "connections": 16, "path": "/", "bytes": 1000,
            "status": 200, "requests": 3000, "rps": 0, "seconds": 3.0, "p50_ms": 10, "p90_ms": 15,
            "p99_ms": 20, "non2xx3xx": 0, "socket_errors": 0, "timeouts": 0, "load1": 1.5,
            **row,
        }
        lines.append("\t".join(str(values[name]) for name in COLUMNS))
    path.write_text("\n".join(lines) + "\n")
    return ratios.read_runs(path)


def interleaved(page, rps_page, rps_trivial, **common):
    """trivial, page, trivial, ..., trivial, as load.sh runs them."""
    rows = []
    for trivial, own in zip(rps_trivial, rps_page, strict=False):
        rows.append({"page": page, "kind": "trivial", "rps": trivial, "path": "/bench/trivial",
                     **common})
        rows.append({"page": page, "kind": "page", "rps": own, **common})
    rows.append({"page": page, "kind": "trivial", "rps": rps_trivial[-1],
                 "path": "/bench/trivial", **common})
    return rows


# --- statistics ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values",
    [[1.0], [3.0, 1.0], [5, 1, 4, 2, 3], [0.81, 0.95, 0.9, 0.88, 0.79, 1.02, 0.93],
     [2.5, 2.5, 2.5, 7.0]],
)
def test_quantiles_agree_with_the_standard_library(values):
    assert quantile(values, 0.5) == pytest.approx(statistics.median(values))
    if len(values) >= 2:
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
        assert quantile(values, 0.25) == pytest.approx(q1)
        assert quantile(values, 0.75) == pytest.approx(q3)
    assert quantile(values, 0) == min(values)
    assert quantile(values, 1) == max(values)


def test_spread_of_seven_pairs():
    spread = Spread.of([0.80, 0.95, 0.90, 0.88, 0.79, 1.02, 0.93])
    assert spread.n == 7
    assert spread.median == pytest.approx(0.90)
    # Sorted: 0.79 0.80 0.88 0.90 0.93 0.95 1.02; the quartiles sit at positions 1.5 and 4.5.
    assert spread.q1 == pytest.approx(0.84)
    assert spread.q3 == pytest.approx(0.94)
    assert (spread.low, spread.high) == (0.79, 1.02)


def test_infinite_values_sort_last_and_stay_infinite():
    assert quantile([10, 20, math.inf], 0.5) == 20
    assert quantile([10, math.inf], 0.5) == math.inf
    assert quantile([10, 20, math.inf], 0.25) == 15
    assert quantile([math.inf, math.inf], 0.5) == math.inf


def test_no_values_is_an_error():
    with pytest.raises(ValueError):
        quantile([], 0.5)


# --- pairs --------------------------------------------------------------------------------


def test_each_page_run_is_divided_by_the_mean_of_the_trivial_runs_beside_it(tmp_path):
    runs = write_runs(tmp_path / "runs.tsv",
                      interleaved("home", [900, 800, 1000], [1000, 1200, 800, 1000]))
    [entry] = ratios.entries(runs)
    assert entry.ratios() == pytest.approx([900 / 1100, 800 / 1000, 1000 / 900])
    assert len(entry.page_runs) == 3
    assert len(entry.trivial_runs) == 4


def test_a_page_run_with_one_trivial_neighbour_uses_that_one(tmp_path):
    runs = write_runs(tmp_path / "runs.tsv", [
        {"page": "home", "kind": "trivial", "rps": 1000},
        {"page": "home", "kind": "page", "rps": 900},
        {"page": "home", "kind": "page", "rps": 450},
    ])
    [entry] = ratios.entries(runs)
    # The second page run's nearest trivial run before it is the first line.
    assert entry.ratios() == pytest.approx([0.9, 0.45])


def test_runs_alone_have_no_ratio(tmp_path):
    runs = write_runs(tmp_path / "runs.tsv", [
        {"page": "search, 1 connection", "kind": "page", "rps": 700, "connections": 1},
    ] * 3)
    [entry] = ratios.entries(runs)
    assert entry.ratios() == []


def test_entries_are_grouped_by_claims_page_and_connections(tmp_path):
    runs = write_runs(tmp_path / "runs.tsv", [
        *interleaved("home", [900], [1000, 1000], claims=10000),
        *interleaved("home", [950], [1000, 1000], claims=100),
        {"page": "search", "kind": "page", "rps": 50, "connections": 1, "claims": 100},
        {"page": "search", "kind": "page", "rps": 500, "connections": 16, "claims": 100},
    ])
    assert [(e.claims, e.page, e.connections) for e in ratios.entries(runs)] == [
        (10000, "home", 16), (100, "home", 16), (100, "search", 1), (100, "search", 16),
    ]
    assert [e.page for e in ratios.entries(runs, claims=10000)] == ["home"]


def test_timeouts_make_p99_unknown_and_no_requests_every_percentile(tmp_path):
    runs = write_runs(tmp_path / "runs.tsv", [
        {"page": "s", "kind": "page", "rps": 5, "timeouts": 2, "p99_ms": 9000},
        {"page": "s", "kind": "page", "rps": 0, "requests": 0, "p50_ms": 0, "p99_ms": 0},
        {"page": "s", "kind": "page", "rps": 40, "p50_ms": 30, "p90_ms": 50, "p99_ms": 80},
    ])
    spreads = ratios.latency_spreads(runs)
    assert spreads["p99_ms"].median == math.inf
    assert spreads["p99_ms"].low == 80
    assert spreads["p50_ms"].median == 30  # 10, 30 and infinity
    assert spreads["p50_ms"].high == math.inf


# --- the report and the goals -------------------------------------------------------------


def test_report_gives_the_median_ratio_its_spread_and_the_number_of_pairs(tmp_path):
    rows = interleaved("home", [900, 950, 1000, 850, 880, 990, 920],
                       [1000] * 8, bytes=31143)
    rows += [{"page": "search, 1 connection", "kind": "page", "rps": 700, "connections": 1,
              "p50_ms": p50, "path": "/search/?q=b12"} for p50 in (1.0, 1.2, 1.1)]
    runs = write_runs(tmp_path / "runs.tsv", rows)
    text = ratios.report(runs, claims=100, connections=16)
    assert (
        "| home | `/` | 31143 | 7 | **0.92** | 0.89–0.97 | 0.85–1.00 | 920 | 1000 (1000–1000)"
    ) in text
    # Latency rows: the page, its trivial view, and the run alone at 1 connection.
    assert "| home | 16 | 7 | 3000 | 10.0 [10.0–10.0] (10.0–10.0) |" in text
    assert "| ↳ trivial view, 31143 bytes | 16 | 8 | 3000 |" in text
    assert "| search, 1 connection | 1 | 3 | 3000 | 1.10 [1.05–1.15] (1.00–1.20) |" in text
    assert "Load average (1 minute) as each run started: 1.50 to 1.50." in text


def test_report_says_when_a_page_was_not_measured(tmp_path):
    runs = write_runs(tmp_path / "runs.tsv", [
        {"page": "topic", "kind": "unmeasured", "status": "000", "path": "/topics/x/"},
    ])
    assert "| topic | `/topics/x/` | - | 0 |" in ratios.report(runs, 100, 16)
    assert "HTTP 000" in ratios.report(runs, 100, 16)


def test_report_shows_timeouts_as_above_the_timeout(tmp_path):
    runs = write_runs(tmp_path / "runs.tsv", [
        {"page": "slow", "kind": "page", "rps": 1, "timeouts": 3, "socket_errors": 3,
         "connections": 1},
    ])
    assert "| >10000 [>10000–>10000] (>10000–>10000) | 0 | 3 (3) |" in ratios.report(
        runs, 100, 16
    )


def goal_rows(tmp_path):
    rows = [
        *interleaved("claim", [950, 920, 930, 940, 910, 960, 900], [1000] * 8, goal="ratio",
                     claims=10000),
        *interleaved("topic", [800, 950, 880, 910, 850, 930, 870], [1000] * 8, goal="ratio",
                     claims=10000),
        *[{"page": "new query", "kind": "page", "rps": 60, "goal": "p99", "claims": 10000,
           "p99_ms": p99} for p99 in (90, 120, 95, 99, 101, 97, 300)],
        *[{"page": "new query, 1", "kind": "page", "rps": 30, "goal": "growth",
           "connections": 1, "claims": claims, "p50_ms": p50}
          for claims, p50 in ((10000, 28), (10000, 30), (100, 25), (100, 26))],
    ]
    return write_runs(tmp_path / "runs.tsv", rows)


def test_goals(tmp_path):
    runs = goal_rows(tmp_path)
    rows = ratios.goals(runs, claims=10000, connections=16, small=100)
    assert rows[0] == (
        "claim at 10000 claims: median requests/s >= 0.9 x the trivial view",
        "0.93 (IQR 0.92–0.94, min–max 0.90–0.96, 7 pairs)",
        "met",
    )
    goal, measured, result = rows[1]
    # Sorted: 0.80 0.85 0.87 0.88 0.91 0.93 0.95; the median 0.88 is below the goal, the
    # upper quartile above it.
    assert measured == "0.88 (IQR 0.86–0.92, min–max 0.80–0.95, 7 pairs)"
    assert result == "**NOT met** (the IQR spans the goal)"
    assert rows[2] == (
        "new query p99 at 10000 claims <= 100 ms (16 connections)",
        "99.0 ms (IQR 96.0–110, min–max 90.0–300, 7 runs)",
        "met",
    )
    assert rows[3] == (
        "new query, 1: median p50 at 10000 claims <= 2 x median p50 at 100",
        "29.0 ms / 25.5 ms = 1.14x",
        "met",
    )


def test_goals_without_the_small_pass_leave_out_growth(tmp_path):
    rows = ratios.goals(goal_rows(tmp_path), claims=10000, connections=16, small=0)
    assert [goal.split(" ")[0] for goal, _, _ in rows] == ["claim", "topic", "new"]


def test_a_goal_page_not_measured_is_not_met(tmp_path):
    runs = write_runs(tmp_path / "runs.tsv", [
        {"page": "claim", "kind": "unmeasured", "goal": "ratio", "status": "500"},
    ])
    assert ratios.goals(runs, claims=100, connections=16) == [
        ("claim at 100 claims: median requests/s >= 0.9 x the trivial view", "not measured",
         "**NOT met**"),
    ]


def test_command_line(tmp_path, capsys):
    goal_rows(tmp_path)
    assert ratios.main(["goals", str(tmp_path / "runs.tsv"), "--claims", "10000",
                        "--small", "100"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("| goal | measured | result |\n|---|---|---|\n| claim at 10000")
    assert ratios.main(["report", str(tmp_path / "runs.tsv"), "--claims", "100"]) == 0
    assert "### Latency (ms)" in capsys.readouterr().out


def test_a_file_without_the_columns_is_refused(tmp_path):
    (tmp_path / "runs.tsv").write_text("claims\tpage\n100\thome\n")
    with pytest.raises(ValueError, match="missing columns"):
        ratios.read_runs(tmp_path / "runs.tsv")
