#!/usr/bin/env bash
# Load test: requests/s and p50/p90/p99 latency of the public pages under gunicorn + PostgreSQL,
# each page interleaved with a trivial view of the same size in short runs (trivial, page,
# trivial, page, ..., trivial), at 10,000 claims and at 100. The report gives each page's
# median ratio to the trivial view over the pairs, with its spread (bench/ratios.py).
#
#   bench/load.sh [--claims 10000] [--small 100] [--pairs 7] [--duration 3s] [--connections 16]
#                 [--only TEXT] [--workers 2]
#
# --only measures only the rows whose name contains TEXT (e.g. --only "a new query"), and
# reports the goals of those rows alone.
# --small 0 skips the second pass. Takes about 19 minutes with the defaults on 2 idle cores
# (each pass about 7.5 minutes of runs and 1 of set-up; generating 10,000 claims about
# 100 s); longer when other work shares the cores. Every run is kept in
# bench/out/load-*-runs.tsv.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

CLAIMS=10000
SMALL=100
PAIRS=7
DURATION=3s
CONNECTIONS=16
ONLY=
WORKERS=2
while [ $# -gt 0 ]; do
  case "$1" in
    --claims) CLAIMS=$2; shift 2 ;;
    --small) SMALL=$2; shift 2 ;;
    --pairs) PAIRS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --only) ONLY=$2; shift 2 ;;
    --workers) WORKERS=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[ "$PAIRS" -ge 1 ] 2>/dev/null || die "--pairs must be a whole number of at least 1"
[ "$WORKERS" -ge 1 ] 2>/dev/null || die "--workers must be a whole number of at least 1"
export BENCH_WORKERS=$WORKERS

SEED_CLAIM=/claims/sublingual-b12-absorbs-better/
SEARCH=/search/?q=sublingual+b12
SEARCH_TYPO=/search/?q=sublingal+vitamn+b12   # two misspelt words
SEARCH_NEW=/search/?q=b12+relapses+daily+women   # a sample; wrk_search_mix.lua varies every request
SEARCH_NEW_SHOWN="/search/?q=THEME+OUTCOME+WORD+WHO (a new query each request)"
# New searches are measured twice at 16 connections. First just after a content change: each
# worker has built the version's indexes (1 s of warm-up) but has read no claim for the scorer
# or the results, as after an editor's change. Then in the steady state between changes:
# after WARM_SEARCHES more of them (at 2 connections, about 250 a second), by which time the
# claims the scorer and the results read are kept (claims.search.ranking). bench/RESULTS.md
# shows how the first runs climb from one to the other.
WARM_SEARCHES=20s
GOAL_RATIO=0.90
GOAL_SEARCH_P99_MS=100
GOAL_SEARCH_GROWTH=2.0

bench_init load
bench_require_wrk
bench_pg_start
bench_redis_start
OUT_DIR="$BENCH_DIR/out"
mkdir -p "$OUT_DIR"
STAMP=$(date +%Y%m%d-%H%M%S)
REPORT="$OUT_DIR/load-$STAMP.md"
RUNS="$OUT_DIR/load-$STAMP-runs.tsv"   # every wrk run, the input of bench/ratios.py

say() { printf '%s\n' "$*" | tee -a "$REPORT"; }

say "# bench/load.sh $(date -u '+%Y-%m-%d %H:%M UTC')"
say ""
say "- command: \`bench/load.sh --claims $CLAIMS --small $SMALL --pairs $PAIRS --duration $DURATION --connections $CONNECTIONS${ONLY:+ --only \"$ONLY\"} --workers $WORKERS\`"
say "- code: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "($(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l) files changed in the work tree)"
say "- machine at start: $(bench_machine_summary)"
say "- load: each page at $CONNECTIONS connections runs $PAIRS times, interleaved with the trivial" \
  "view of its size ($((PAIRS + 1)) runs: trivial, page, trivial, ..., trivial), each run" \
  "\`wrk -t2 -c$CONNECTIONS -d$DURATION --latency\` on the same cores as the server, after 1 s of" \
  "warm-up of each; the 1- and 2-connection rows run $PAIRS times alone"
say "- server: gunicorn config.wsgi -w $WORKERS (sync workers), bench.settings (DEBUG off), PostgreSQL $(_as_postgres postgres --version | awk '{print $3}') fsync off," \
  "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) as the shared cache (REDIS_URL, as in production)"
say "- every run: \`${RUNS#"$ROOT"/}\`"

printf '%s\n' "claims	page	kind	goal	connections	path	bytes	status	requests	seconds	rps	p50_ms	p90_ms	p99_ms	non2xx3xx	socket_errors	timeouts	load1" >"$RUNS"

# run_once CLAIMS PAGE KIND GOAL CONNECTIONS SHOWN_PATH BYTES URL_PATH [SCRIPT]: one wrk run of
# URL_PATH (with the Lua SCRIPT that makes its requests, if given), one line of $RUNS.
run_once() {
  local n=$1 page=$2 kind=$3 goal=$4 conns=$5 shown=$6 bytes=$7 path=$8 script=${9:-}
  local load1 line socket timeouts
  load1=$(cut -d' ' -f1 /proc/loadavg)
  line=$(bench_wrk "$BASE_URL$path" "$DURATION" "$conns" $script)
  bench_gunicorn_drain
  timeouts=$(field "$line" timeout_err)
  socket=$(( $(field "$line" connect_err) + $(field "$line" read_err) + $(field "$line" write_err) + timeouts ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t200\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$n" "$page" "$kind" "$goal" "$conns" "$shown" "$bytes" \
    "$(field "$line" requests)" "$(field "$line" seconds)" "$(field "$line" rps)" \
    "$(field "$line" p50_ms)" "$(field "$line" p90_ms)" "$(field "$line" p99_ms)" \
    "$(field "$line" non2xx3xx)" "$socket" "$timeouts" "$load1" >>"$RUNS"
  printf '.' >&2
}

warm() {
  # WARM_PATH [SCRIPT] [DURATION]: 1 s (or DURATION) at 2 connections: both workers have
  # served the page (and built what it needs).
  bench_wrk "$BASE_URL$1" "${3:-1s}" 2 ${2:-} >/dev/null
  bench_gunicorn_drain
}

# run_pass CLAIMS DATABASE: fills a fresh database, serves it, measures every page.
run_pass() {
  local n=$1 db=$2 started=$SECONDS
  log "pass with $n claims: database $db"
  [ "$db" = claimcheck ] || bench_pg_createdb "$db"
  bench_redis_flush # one cache per database, as in production
  bench_use_database "$db"
  bench_prepare_database
  (cd "$ROOT" && "$PY" bench/generate_claims.py --claims "$n") 2>&1 | sed 's/^/  /' >&2
  _as_postgres psql -q -h "$PG_DIR/sock" -p "$PG_PORT" -d "$db" -c 'VACUUM ANALYZE' >/dev/null
  [ -d "$BENCH_STATIC_ROOT" ] || bench_collectstatic
  bench_gunicorn_start

  local claim_slug claim_url status
  claim_slug=$(manage shell -v 0 -c 'from claims.models import Claim; print(Claim.objects.filter(topic__slug="bench-topic-1").order_by("number").values_list("slug", flat=True).first())')
  claim_url="/claims/$claim_slug/"
  status=$(http_status "$BASE_URL$claim_url")
  [ "$status" = 200 ] || die "claim page $claim_url answers HTTP $status"

  # name|connections|path|Lua script|goal. Pages at $CONNECTIONS connections are interleaved
  # with the trivial view returning as many bytes; the others run alone (their latency is
  # the point). Search comes last because an overloaded search leaves a queue behind it.
  local mix=$BENCH_DIR/wrk_search_mix.lua
  local pages=(
    "home|$CONNECTIONS|/||ratio"
    "topic (100 claims)|$CONNECTIONS|/topics/bench-topic-1/||ratio"
    "claim (generated)|$CONNECTIONS|$claim_url||ratio"
    "claim (seed)|$CONNECTIONS|$SEED_CLAIM||ratio"
    "search|$CONNECTIONS|$SEARCH||p99"
    "search, misspelt|$CONNECTIONS|$SEARCH_TYPO||p99"
    "search, a new query each time, just after a content change|$CONNECTIONS|$SEARCH_NEW|$mix|p99"
    "search, a new query each time|$CONNECTIONS|$SEARCH_NEW|$mix|p99|$WARM_SEARCHES"
    "search, a new query each time, 2 connections|2|$SEARCH_NEW|$mix|-"
    "search, 1 connection|1|$SEARCH||growth"
    "search, misspelt, 1 connection|1|$SEARCH_TYPO||growth"
    "search, a new query each time, 1 connection|1|$SEARCH_NEW|$mix|growth"
  )

  local entry name conns path script goal bytes shown trivial i
  for entry in "${pages[@]}"; do
    IFS='|' read -r name conns path script goal warm_for <<<"$entry"
    [ -z "$ONLY" ] || [[ "$name" == *"$ONLY"* ]] || continue
    read -r status bytes <<<"$(http_status_size "$BASE_URL$path" 60)"
    shown=$path
    [ -z "$script" ] || shown=$SEARCH_NEW_SHOWN
    if [ "$status" != 200 ]; then
      printf '%s\t%s\tunmeasured\t%s\t%s\t%s\t0\t%s\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n' \
        "$n" "$name" "$goal" "$conns" "$shown" "$status" >>"$RUNS"
      log "$name: HTTP $status, not measured"
      bench_gunicorn_drain
      continue
    fi
    printf '[%s] %s ' "$(date +%H:%M:%S)" "$name" >&2
    warm "$path" "$script" "${warm_for:-1s}"
    if [ "$conns" != "$CONNECTIONS" ]; then
      for i in $(seq 1 "$PAIRS"); do
        run_once "$n" "$name" page "$goal" "$conns" "$shown" "$bytes" "$path" "$script"
      done
    else
      # trivial, page, trivial, ..., page, trivial: each page run sits between two trivial
      # runs, so drift in the machine's speed falls on both sides of its ratio.
      trivial="/bench/trivial?bytes=$bytes"
      warm "$trivial"
      for i in $(seq 1 "$PAIRS"); do
        run_once "$n" "$name" trivial "$goal" "$conns" "$trivial" "$bytes" "$trivial"
        run_once "$n" "$name" page "$goal" "$conns" "$shown" "$bytes" "$path" "$script"
      done
      run_once "$n" "$name" trivial "$goal" "$conns" "$trivial" "$bytes" "$trivial"
    fi
    printf '\n' >&2
  done
  bench_gunicorn_stop

  say ""
  say "## $n claims ($(manage shell -v 0 -c 'from claims.models import Topic; print(Topic.objects.filter(is_published=True).count())') topics)"
  local tables
  tables=$("$PY" "$BENCH_DIR/ratios.py" report "$RUNS" --claims "$n" \
    --connections "$CONNECTIONS" --timeout-ms $((WRK_TIMEOUT * 1000)))
  say ""
  say "$tables"
  say ""
  say "Pass took $((SECONDS - started)) s."
}

run_pass "$CLAIMS" claimcheck
[ "$SMALL" -gt 0 ] && run_pass "$SMALL" "claimcheck_small"

GOALS=$("$PY" "$BENCH_DIR/ratios.py" goals "$RUNS" --claims "$CLAIMS" --small "$SMALL" \
  --connections "$CONNECTIONS" --timeout-ms $((WRK_TIMEOUT * 1000)) --goal-ratio "$GOAL_RATIO" \
  --goal-p99-ms "$GOAL_SEARCH_P99_MS" --goal-growth "$GOAL_SEARCH_GROWTH")
say ""
say "## Goals"
say ""
say "$GOALS"
say ""
say "- machine at the end: load average $(cut -d' ' -f1-3 /proc/loadavg)"
say ""
say "Whole run: $SECONDS s. Report saved to ${REPORT#"$ROOT"/}."
