#!/usr/bin/env bash
# Faults: (1) a soak run on the claim page that must give no errors and no non-2xx answers;
# (2) PostgreSQL stopped in the middle of a load run: what pages and /healthz answer (pages
# already in the cache, or the friendly 503 page), and whether pages recover once it is back,
# without restarting gunicorn; (3) Redis, the shared cache, stopped under load: pages must
# still answer, rendered from the database, and caching resumes once it is back.
#
#   bench/faults.sh [--soak 60s] [--connections 64] [--outage 10]
#
# Takes about 3.5 minutes with the defaults.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

SOAK=60s
CONNECTIONS=64
OUTAGE=10
while [ $# -gt 0 ]; do
  case "$1" in
    --soak) SOAK=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --outage) OUTAGE=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

CLAIM=/claims/sublingual-b12-absorbs-better/
PAGES=("home|/" "topic|/topics/vitamin-b12-and-ms/" "claim|$CLAIM"
       "search|/search/?q=sublingual+b12" "healthz|/healthz")
# Visited for the first time while PostgreSQL is down, so no cache can answer for them.
NEW_PAGES=("claim, first visit|/claims/daily-supplement-stack-for-ms/"
           "search, new query|/search/?q=injections+every+week")

bench_init faults
bench_require_wrk
bench_pg_start
bench_redis_start
bench_prepare_database
bench_collectstatic
bench_gunicorn_start
OUT_DIR="$BENCH_DIR/out"
mkdir -p "$OUT_DIR"
REPORT="$OUT_DIR/faults-$(date +%Y%m%d-%H%M%S).md"
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }
verdict() { if [ "$1" = 1 ]; then echo ok; else echo "**FAILED**"; fi; }

say "# bench/faults.sh $(date -u '+%Y-%m-%d %H:%M UTC')"
say ""
say "- command: \`bench/faults.sh --soak $SOAK --connections $CONNECTIONS --outage $OUTAGE\`"
say "- code: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "($(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l) files changed in the work tree)"
say "- server: gunicorn config.wsgi -w 2, bench.settings (DEBUG off), seed content on PostgreSQL, Redis as the shared cache (REDIS_URL); machine load average $(cut -d' ' -f1-3 /proc/loadavg)"

# --- 1. soak --------------------------------------------------------------------------------
log "soak: wrk -c$CONNECTIONS -d$SOAK on $CLAIM"
soak_out="$BENCH_WORK/soak.txt"
wrk -t2 -c"$CONNECTIONS" -d"$SOAK" --timeout "${WRK_TIMEOUT}s" --latency \
  -s "$BENCH_DIR/wrk_status.lua" "$BASE_URL$CLAIM" >"$soak_out" 2>&1
soak_requests=$(awk '/requests in/ { print $1 }' "$soak_out")
soak_rps=$(awk '/^Requests\/sec/ { print $2 }' "$soak_out")
soak_non2xx=$(awk '/Non-2xx or 3xx responses/ { print $NF }' "$soak_out")
soak_socket=$(sed -n 's/.*Socket errors: \(.*\)$/\1/p' "$soak_out")
soak_p99=$(awk '$1 == "99%" { print $2 }' "$soak_out")
soak_statuses=$(sed -n 's/^STATUS //p' "$soak_out")
say ""
say "## 1. Soak: \`wrk -t2 -c$CONNECTIONS -d$SOAK --latency $CLAIM\`"
say ""
say "| requests | requests/s | p99 | statuses | Non-2xx or 3xx responses | socket errors | result |"
say "|---:|---:|---:|---|---:|---|---|"
soak_ok=$([ -z "$soak_non2xx" ] && [ -z "$soak_socket" ] && echo 1 || echo 0)
say "| $soak_requests | $soak_rps | $soak_p99 | $soak_statuses | ${soak_non2xx:-0} | ${soak_socket:-none} | $(verdict "$soak_ok") |"
bench_gunicorn_drain

# --- 2. database outage under load ----------------------------------------------------------
PROBES="$BENCH_WORK/probes.tsv"
: >"$PROBES"
t0=$SECONDS
probe_round() {
  # One request to each page (and to NEW_PAGES if $2 is "new"); appends phase, second, page,
  # status, seconds, body kind.
  local phase=$1 entry name path body status kind pages=("${PAGES[@]}")
  [ "${2:-}" != new ] || pages+=("${NEW_PAGES[@]}")
  for entry in "${pages[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    body="$BENCH_WORK/body-$name-$phase.html"
    status=$(curl -s -o "$body.new" -w '%{http_code} %{time_total}' --max-time 5 "$BASE_URL$path" || true)
    if grep -q 'Traceback' "$body.new" 2>/dev/null; then kind=traceback
    elif grep -qi '<title>' "$body.new" 2>/dev/null; then
      # A title has "|" in it: escape it for the Markdown table.
      kind="page: $(sed -n 's:.*<title>\(.*\)</title>.*:\1:p' "$body.new" | head -n 1 | tr -s ' ' | sed 's/|/\\|/g')"
    elif [ -s "$body.new" ]; then kind="body: $(head -c 80 "$body.new" | tr -d '\n')"
    else kind="no body"
    fi
    [ -f "$body" ] || mv "$body.new" "$body"   # keep the first body of each phase
    rm -f "$body.new"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$((SECONDS - t0))" "$name" \
      "${status% *}" "${status#* }" "$kind" >>"$PROBES"
  done
}
workers() { pgrep -P "$GUNICORN_PID" | sort | tr '\n' ' '; }

master_before=$GUNICORN_PID
workers_before=$(workers)
fault_seconds=$((OUTAGE + 35))
log "fault run: wrk -c8 -d${fault_seconds}s on $CLAIM; PostgreSQL stops after 8 s for $OUTAGE s"
wrk -t2 -c8 -d"${fault_seconds}s" --timeout "${WRK_TIMEOUT}s" -s "$BENCH_DIR/wrk_status.lua" \
  "$BASE_URL$CLAIM" >"$BENCH_WORK/fault-wrk.txt" 2>&1 &
wrk_pid=$!

while [ $((SECONDS - t0)) -lt 8 ]; do probe_round "1 before"; sleep 1; done
log "stopping PostgreSQL (pg_ctl stop -m fast)"
bench_pg_pause
down_at=$SECONDS
while [ $((SECONDS - down_at)) -lt "$OUTAGE" ]; do probe_round "2 database down" new; sleep 1; done
log "starting PostgreSQL again"
bench_pg_resume
up_at=$SECONDS
recovered=""
while [ $((SECONDS - up_at)) -lt 30 ]; do
  probe_round "3 database back" new
  if [ -z "$recovered" ] && [ "$(tail -n $((${#PAGES[@]} + ${#NEW_PAGES[@]})) "$PROBES" | awk -F'\t' '$4 != 200' | wc -l)" = 0 ]; then
    recovered=$((SECONDS - up_at))
  fi
  # Keep probing a few seconds after recovery, to show it lasts.
  [ -n "$recovered" ] && [ $((SECONDS - up_at - recovered)) -ge 5 ] && break
  sleep 1
done
wait "$wrk_pid" || true

# --- 3. cache outage under load -------------------------------------------------------------
cache_seconds=$((OUTAGE + 15))
log "cache run: wrk -c8 -d${cache_seconds}s on $CLAIM; Redis stops after 3 s for $OUTAGE s"
wrk -t2 -c8 -d"${cache_seconds}s" --timeout "${WRK_TIMEOUT}s" -s "$BENCH_DIR/wrk_status.lua" \
  "$BASE_URL$CLAIM" >"$BENCH_WORK/cache-wrk.txt" 2>&1 &
wrk_pid=$!
sleep 3
log "stopping Redis"
bench_redis_pause
cache_down_at=$SECONDS
while [ $((SECONDS - cache_down_at)) -lt "$OUTAGE" ]; do probe_round "4 cache down" new; sleep 1; done
log "starting Redis again (empty, as after a restart)"
bench_redis_resume
cache_up_at=$SECONDS
while [ $((SECONDS - cache_up_at)) -lt 8 ]; do probe_round "5 cache back" new; sleep 1; done
wait "$wrk_pid" || true
cache_hits_after=$(redis-cli -u "$REDIS_URL" dbsize)
workers_after=$(workers)

say ""
say "## 2. PostgreSQL stopped for $OUTAGE s during \`wrk -t2 -c8 -d${fault_seconds}s $CLAIM\`"
say ""
say "Probes: one request to each page every second or so. Counts of (status, what the body is):"
say ""
say "| phase | page | answers |"
say "|---|---|---|"
for phase in "1 before" "2 database down" "3 database back" "4 cache down" "5 cache back"; do
  for entry in "${PAGES[@]}" "${NEW_PAGES[@]}"; do
    name=${entry%%|*}
    answers=$(awk -F'\t' -v p="$phase" -v n="$name" '$1 == p && $3 == n { print $4 " (" $6 ")" }' "$PROBES" \
      | sort | uniq -c | sed 's/^ *\([0-9]*\) /\1 x /' | paste -sd';' | sed 's/;/; /g')
    [ -z "$answers" ] || say "| $phase | $name | $answers |"
  done
done

fault_statuses=$(sed -n 's/^STATUS //p' "$BENCH_WORK/fault-wrk.txt")
fault_errors=$(sed -n 's/^ERRORS //p' "$BENCH_WORK/fault-wrk.txt")
cache_statuses=$(sed -n 's/^STATUS //p' "$BENCH_WORK/cache-wrk.txt")
cache_errors=$(sed -n 's/^ERRORS //p' "$BENCH_WORK/cache-wrk.txt")
say ""
say "Background load on the claim page: over the database fault run, statuses $fault_statuses; socket $fault_errors. Over the cache fault run, statuses $cache_statuses; socket $cache_errors."

# Keep what the pages said while the database was down, for the app owners.
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}
  [ -f "$BENCH_WORK/body-$name-2 database down.html" ] && \
    cp "$BENCH_WORK/body-$name-2 database down.html" "$OUT_DIR/fault-$name-database-down.html"
done

down_pages=$(awk -F'\t' '$1 == "2 database down" && $3 != "healthz"' "$PROBES")
down_health=$(awk -F'\t' '$1 == "2 database down" && $3 == "healthz"' "$PROBES")
# While the database is down a page may come from the cache: then it must be the very page
# served before the outage. Anything else must be the friendly 503 page.
count_rows() { awk -F'\t' -v phase="$1" "\$1 == \"1 before\" { before[\$3] = \$6 } \$1 == phase && ($2)" "$PROBES" | wc -l; }
pages_wrong=$(count_rows "2 database down" '$3 != "healthz" && !(($4 == 200 && $6 == before[$3]) || ($4 == 503 && $6 ~ /Back soon/))')
new_not_503=$(count_rows "2 database down" '$3 ~ /first visit|new query/ && !($4 == 503 && $6 ~ /Back soon/)')
cache_down_wrong=$(count_rows "4 cache down" '!($4 == 200 && ($3 ~ /first visit|new query/ || $6 == before[$3]))')
cache_back_wrong=$(count_rows "5 cache back" '$4 != 200')
no_traceback=$(awk -F'\t' '$6 == "traceback"' "$PROBES" | wc -l)
health_503=$(printf '%s\n' "$down_health" | awk -F'\t' 'NF && $4 != 503' | wc -l)
statuses_seen=$(printf '%s\n' "$down_pages" | awk -F'\t' 'NF { print $4 }' | sort | uniq -c | awk '{ printf "%s%s x %s", sep, $1, $2; sep = ", " }')
error_line=$(grep -m 1 -E '^[A-Za-z_.]+(Error|Exception): ' "$BENCH_WORK/gunicorn.log" || true)
say ""
say "What the server logged for the first failed page: \`${error_line:-nothing}\` ($(grep -c 'Internal Server Error' "$BENCH_WORK/gunicorn.log" || true) \"Internal Server Error\" entries in the gunicorn log)."
say ""
say "## Summary"
say ""
say "| check | observed | result |"
say "|---|---|---|"
say "| soak: 0 socket errors, 0 non-2xx/3xx | ${soak_non2xx:-0} non-2xx/3xx, socket errors: ${soak_socket:-none} | $(verdict "$soak_ok") |"
say "| database down: each page is the one served before (from the cache) or the friendly 503 page | $statuses_seen; $pages_wrong otherwise | $(verdict "$([ "$pages_wrong" = 0 ] && echo 1 || echo 0)") |"
say "| database down: pages never visited before answer the friendly 503 page | $new_not_503 did not | $(verdict "$([ "$new_not_503" = 0 ] && echo 1 || echo 0)") |"
say "| no traceback in any answer, any phase | $no_traceback with a traceback (bodies while the database was down in bench/out/fault-*-database-down.html) | $(verdict "$([ "$no_traceback" = 0 ] && echo 1 || echo 0)") |"
say "| database down: /healthz answers 503 | $(printf '%s\n' "$down_health" | awk -F'\t' 'NF { print $4 }' | sort | uniq -c | awk '{ printf "%s%s x %s", sep, $1, $2; sep = ", " }') | $(verdict "$([ "$health_503" = 0 ] && echo 1 || echo 0)") |"
if [ -n "$recovered" ]; then
  say "| database back: every page 200 again | within $recovered s of the restart | ok |"
else
  say "| database back: every page 200 again | not within 30 s | **FAILED** |"
fi
say "| cache down: every page and /healthz answer 200, the same pages as before | $cache_down_wrong did not | $(verdict "$([ "$cache_down_wrong" = 0 ] && echo 1 || echo 0)") |"
cache_load_ok=$([ -z "$(printf '%s' "$cache_statuses" | tr ' ' '\n' | grep -v '^200=' || true)" ] && echo 1 || echo 0)
say "| cache down: the background load on the claim page saw only 200 | statuses $cache_statuses; socket $cache_errors | $(verdict "$cache_load_ok") |"
say "| cache back: every page 200, and pages are cached again | $cache_back_wrong not 200; $cache_hits_after keys in Redis after | $(verdict "$([ "$cache_back_wrong" = 0 ] && [ "$cache_hits_after" -gt 1 ] && echo 1 || echo 0)") |"
say "| gunicorn not restarted | master pid $master_before (still $GUNICORN_PID); workers before: $workers_before; after: $workers_after | $(verdict "$([ "$master_before" = "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" && echo 1 || echo 0)") |"
say ""
say "Whole run: $SECONDS s. Report saved to ${REPORT#"$ROOT"/}."
