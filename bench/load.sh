#!/usr/bin/env bash
# Load test: requests/s and p50/p99 latency of the public pages under gunicorn + PostgreSQL,
# each compared with a trivial view measured in the same run, at 10,000 claims and at 100.
#
#   bench/load.sh [--claims 10000] [--small 100] [--duration 10s] [--connections 16]
#
# --small 0 skips the second pass. Takes about 10-11 minutes with the defaults on 2 idle cores
# (generating 10,000 claims is about 100 s of it); longer when other work shares the cores.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

CLAIMS=10000
SMALL=100
DURATION=10s
CONNECTIONS=16
while [ $# -gt 0 ]; do
  case "$1" in
    --claims) CLAIMS=$2; shift 2 ;;
    --small) SMALL=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

SEED_CLAIM=/claims/sublingual-b12-absorbs-better/
SEARCH=/search/?q=sublingual+b12
SEARCH_TYPO=/search/?q=sublingal+vitamn+b12   # two misspelt words
SEARCH_NEW=/search/?q=b12+relapses+daily      # a sample; wrk_search_mix.lua varies every request
GOAL_RATIO=0.80
GOAL_SEARCH_P99_MS=100
GOAL_SEARCH_GROWTH=2.0

bench_init load
bench_require_wrk
bench_pg_start
bench_redis_start
OUT_DIR="$BENCH_DIR/out"
mkdir -p "$OUT_DIR"
REPORT="$OUT_DIR/load-$(date +%Y%m%d-%H%M%S).md"

say() { printf '%s\n' "$*" | tee -a "$REPORT"; }

say "# bench/load.sh $(date -u '+%Y-%m-%d %H:%M UTC')"
say ""
say "- command: \`bench/load.sh --claims $CLAIMS --small $SMALL --duration $DURATION --connections $CONNECTIONS\`"
say "- code: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "($(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l) files changed in the work tree)"
say "- machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start;" \
  "wrk -t2 -c$CONNECTIONS -d$DURATION --latency on the same cores as the server"
say "- server: gunicorn config.wsgi -w 2 (sync workers), bench.settings (DEBUG off), PostgreSQL $(postgres --version | awk '{print $3}') fsync off," \
  "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) as the shared cache (REDIS_URL, as in production)"

# measure_row CLAIMS NAME CONNECTIONS PATH BYTES [SCRIPT]: one wrk run (with the Lua SCRIPT
# that makes its requests, if given), one table row; sets MEASURED_RPS.
MEASURED_RPS=""
measure_row() {
  local n=$1 name=$2 conns=$3 path=$4 bytes=$5 script=${6:-}
  local line requests rps p50 p99 errs timeouts
  bench_wrk "$BASE_URL$path" 1s 2 $script >/dev/null # warm both workers
  bench_gunicorn_drain
  line=$(bench_wrk "$BASE_URL$path" "$DURATION" "$conns" $script)
  bench_gunicorn_drain
  requests=$(field "$line" requests)
  rps=$(field "$line" rps)
  p50=$(field "$line" p50_ms)
  p99=$(field "$line" p99_ms)
  timeouts=$(field "$line" timeout_err)
  errs=$(( $(field "$line" connect_err) + $(field "$line" read_err) + $(field "$line" write_err) + timeouts ))
  # wrk leaves requests slower than --timeout, and those still running when it stops, out
  # of its latencies: when that happens, say so rather than print a small number.
  if [ "$requests" = 0 ]; then
    p50=">$DURATION"
    p99=">$DURATION"
  elif [ "$timeouts" != 0 ]; then
    p99=">$((WRK_TIMEOUT * 1000))"
  fi
  local shown=$path
  [ -z "$script" ] || shown="/search/?q=THEME+OUTCOME+WORD (a new query each request)"
  say "| $name | $conns | \`$shown\` | $bytes | $requests | $rps | $p50 | $p99 | - | $(field "$line" non2xx3xx) | $errs ($timeouts) |"
  printf '%s\t%s\t%s\t%s\t%s\n' "$n" "$name" "$rps" "$p50" "$p99" >>"$BENCH_WORK/results.tsv"
  MEASURED_RPS=$rps
}

# run_pass CLAIMS DATABASE: fills a fresh database, serves it, measures every page once.
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

  # Each page at $CONNECTIONS connections is compared with the trivial view returning as many
  # bytes, measured just before and just after it, so the ratio is about the work, not the
  # size or drift.
  # Search comes last because an overloaded search leaves a queue behind it.
  local pages=(
    "home|$CONNECTIONS|/"
    "topic (100 claims)|$CONNECTIONS|/topics/bench-topic-1/"
    "claim (generated)|$CONNECTIONS|$claim_url"
    "claim (seed)|$CONNECTIONS|$SEED_CLAIM"
    "search|$CONNECTIONS|$SEARCH"
    "search, misspelt|$CONNECTIONS|$SEARCH_TYPO"
    "search, a new query each time|$CONNECTIONS|$SEARCH_NEW|$BENCH_DIR/wrk_search_mix.lua"
    "search, a new query each time, 2 connections (one per worker)|2|$SEARCH_NEW|$BENCH_DIR/wrk_search_mix.lua"
    "search, 1 connection|1|$SEARCH"
    "search, misspelt, 1 connection|1|$SEARCH_TYPO"
    "search, a new query each time, 1 connection|1|$SEARCH_NEW|$BENCH_DIR/wrk_search_mix.lua"
  )

  say ""
  say "## $n claims ($(manage shell -v 0 -c 'from claims.models import Topic; print(Topic.objects.filter(is_published=True).count())') topics)"
  say ""
  say "Each page's ratio (the ↳ row) is its requests/s over the mean of the trivial view's just" \
    "before and just after it; the trivial view returns the same number of bytes through the" \
    "same middleware."
  say ""
  say "| page | connections | path | bytes | requests | requests/s | p50 ms | p99 ms | vs trivial | non-2xx/3xx | socket errors (timeouts) |"
  say "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"

  local entry name conns path script status bytes before page_rps ratio
  for entry in "${pages[@]}"; do
    IFS='|' read -r name conns path script <<<"$entry"
    read -r status bytes <<<"$(http_status_size "$BASE_URL$path" 60)"
    if [ "$status" != 200 ]; then
      say "| $name | $conns | \`$path\` | - | - | - | - | - | - | HTTP $status (000: no answer in 60 s), not measured | - |"
      bench_gunicorn_drain
      continue
    fi
    if [ "$conns" != "$CONNECTIONS" ]; then
      measure_row "$n" "$name" "$conns" "$path" "$bytes" "$script"
      continue
    fi
    # The trivial view just before and just after the page, and the page compared with their
    # mean: drift in the machine's speed over those 30 s falls on both sides of the ratio.
    measure_row "$n" "trivial view, $bytes bytes" "$conns" "/bench/trivial?bytes=$bytes" "$bytes"
    before=$MEASURED_RPS
    measure_row "$n" "$name" "$conns" "$path" "$bytes" "$script"
    page_rps=$MEASURED_RPS
    measure_row "$n" "trivial view, $bytes bytes, again" "$conns" "/bench/trivial?bytes=$bytes" "$bytes"
    ratio=$(awk -v p="$page_rps" -v a="$before" -v b="$MEASURED_RPS" 'BEGIN { printf "%.2f", p / ((a + b) / 2) }')
    say "| ↳ $name vs trivial view | | | | | | | | **$ratio** (trivial view $before and $MEASURED_RPS requests/s) | | |"
    printf '%s\t%s\t%s\n' "$n" "$name" "$ratio" >>"$BENCH_WORK/ratios.tsv"
  done
  bench_gunicorn_stop
  say ""
  say "Pass took $((SECONDS - started)) s."
}

: >"$BENCH_WORK/results.tsv"
: >"$BENCH_WORK/ratios.tsv"
run_pass "$CLAIMS" claimcheck
[ "$SMALL" -gt 0 ] && run_pass "$SMALL" "claimcheck_small"

# --- goals ----------------------------------------------------------------------------------
# results.tsv columns: claims, page, requests/s, p50, p99; ratios.tsv: claims, page, ratio.
get() { awk -F'\t' -v n="$1" -v p="$2" -v c="$3" '$1 == n && $2 == p { print $c }' "$BENCH_WORK/results.tsv"; }
met() { if awk "BEGIN { exit !($1) }"; then echo met; else echo "**NOT met**"; fi; }
say ""
say "## Goals"
say ""
say "| goal | measured | result |"
say "|---|---|---|"
for page in "claim (generated)" "topic (100 claims)"; do
  r=$(awk -F'\t' -v n="$CLAIMS" -v p="$page" '$1 == n && $2 == p { print $3 }' "$BENCH_WORK/ratios.tsv")
  say "| $page at $CLAIMS claims: requests/s >= $GOAL_RATIO x trivial view | ${r:-not measured} | $( [ -n "$r" ] && met "$r >= $GOAL_RATIO" || echo "**NOT met**") |"
done
for q in "search" "search, misspelt" "search, a new query each time"; do
  p99=$(get "$CLAIMS" "$q" 5)
  case "$p99" in
    "") say "| $q p99 at $CLAIMS claims <= $GOAL_SEARCH_P99_MS ms | not measured | **NOT met** |" ;;
    ">"*) say "| $q p99 at $CLAIMS claims <= $GOAL_SEARCH_P99_MS ms ($CONNECTIONS connections) | $p99 (requests timed out or none finished) | **NOT met** |" ;;
    *) say "| $q p99 at $CLAIMS claims <= $GOAL_SEARCH_P99_MS ms ($CONNECTIONS connections) | $p99 ms | $(met "$p99 <= $GOAL_SEARCH_P99_MS") |" ;;
  esac
done
if [ "$SMALL" -gt 0 ]; then
  # Cost per request, so the single-connection runs: under overload p50 is mostly queueing.
  for q in "search, 1 connection" "search, misspelt, 1 connection" \
    "search, a new query each time, 1 connection"; do
    big=$(get "$CLAIMS" "$q" 4)
    small=$(get "$SMALL" "$q" 4)
    if [ "${big#>}" != "$big" ] || [ "${small#>}" != "$small" ]; then
      say "| $q: p50 at $CLAIMS claims <= ${GOAL_SEARCH_GROWTH} x p50 at $SMALL | $big / $small (no request finished) | **NOT met** |"
    elif [ -n "$big" ] && [ -n "$small" ]; then
      growth=$(awk -v a="$big" -v b="$small" 'BEGIN { printf "%.2f", a / b }')
      say "| $q: p50 at $CLAIMS claims <= ${GOAL_SEARCH_GROWTH} x p50 at $SMALL | $big ms / $small ms = ${growth}x | $(met "$growth <= $GOAL_SEARCH_GROWTH") |"
    else
      say "| $q: p50 at $CLAIMS claims <= ${GOAL_SEARCH_GROWTH} x p50 at $SMALL | not measured | **NOT met** |"
    fi
  done
fi
say ""
say "Whole run: $SECONDS s. Report saved to ${REPORT#"$ROOT"/}."
