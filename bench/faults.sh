#!/usr/bin/env bash
# Faults: (1) a soak run on the claim page that must give no errors and no non-2xx answers;
# (2) PostgreSQL stopped in the middle of a load run: what pages and /healthz answer, and
# whether pages recover once it is back, without restarting gunicorn.
#
#   bench/faults.sh [--soak 60s] [--connections 64] [--outage 10]
#
# Takes about 2.5 minutes with the defaults.
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

bench_init faults
bench_require_wrk
bench_pg_start
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
say "- server: gunicorn config.wsgi -w 2, bench.settings (DEBUG off), seed content on PostgreSQL; machine load average $(cut -d' ' -f1-3 /proc/loadavg)"

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
  # One request to each page; appends phase, second, page, status, seconds, body kind.
  local phase=$1 entry name path body status kind
  for entry in "${PAGES[@]}"; do
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
while [ $((SECONDS - down_at)) -lt "$OUTAGE" ]; do probe_round "2 database down"; sleep 1; done
log "starting PostgreSQL again"
bench_pg_resume
up_at=$SECONDS
recovered=""
while [ $((SECONDS - up_at)) -lt 30 ]; do
  probe_round "3 database back"
  if [ -z "$recovered" ] && [ "$(tail -n "${#PAGES[@]}" "$PROBES" | awk -F'\t' '$4 != 200' | wc -l)" = 0 ]; then
    recovered=$((SECONDS - up_at))
  fi
  # Keep probing a few seconds after recovery, to show it lasts.
  [ -n "$recovered" ] && [ $((SECONDS - up_at - recovered)) -ge 5 ] && break
  sleep 1
done
wait "$wrk_pid" || true
workers_after=$(workers)

say ""
say "## 2. PostgreSQL stopped for $OUTAGE s during \`wrk -t2 -c8 -d${fault_seconds}s $CLAIM\`"
say ""
say "Probes: one request to each page every second or so. Counts of (status, what the body is):"
say ""
say "| phase | page | answers |"
say "|---|---|---|"
for phase in "1 before" "2 database down" "3 database back"; do
  for entry in "${PAGES[@]}"; do
    name=${entry%%|*}
    answers=$(awk -F'\t' -v p="$phase" -v n="$name" '$1 == p && $3 == n { print $4 " (" $6 ")" }' "$PROBES" \
      | sort | uniq -c | sed 's/^ *\([0-9]*\) /\1 x /' | paste -sd';' | sed 's/;/; /g')
    say "| $phase | $name | ${answers:-no probe} |"
  done
done

fault_statuses=$(sed -n 's/^STATUS //p' "$BENCH_WORK/fault-wrk.txt")
fault_errors=$(sed -n 's/^ERRORS //p' "$BENCH_WORK/fault-wrk.txt")
say ""
say "Background load on the claim page over the whole fault run: statuses $fault_statuses; socket $fault_errors."

# Keep what the pages said while the database was down, for the app owners.
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}
  [ -f "$BENCH_WORK/body-$name-2 database down.html" ] && \
    cp "$BENCH_WORK/body-$name-2 database down.html" "$OUT_DIR/fault-$name-database-down.html"
done

down_pages=$(awk -F'\t' '$1 == "2 database down" && $3 != "healthz"' "$PROBES")
down_health=$(awk -F'\t' '$1 == "2 database down" && $3 == "healthz"' "$PROBES")
pages_503=$(printf '%s\n' "$down_pages" | awk -F'\t' 'NF && $4 != 503' | wc -l)
no_traceback=$(printf '%s\n' "$down_pages" | awk -F'\t' '$6 == "traceback"' | wc -l)
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
say "| database down: pages answer 503 | $statuses_seen | $(verdict "$([ "$pages_503" = 0 ] && echo 1 || echo 0)") |"
say "| database down: no traceback in any page | $no_traceback with a traceback (bodies in bench/out/fault-*-database-down.html) | $(verdict "$([ "$no_traceback" = 0 ] && echo 1 || echo 0)") |"
say "| database down: /healthz answers 503 | $(printf '%s\n' "$down_health" | awk -F'\t' 'NF { print $4 }' | sort | uniq -c | awk '{ printf "%s%s x %s", sep, $1, $2; sep = ", " }') | $(verdict "$([ "$health_503" = 0 ] && echo 1 || echo 0)") |"
if [ -n "$recovered" ]; then
  say "| database back: every page 200 again | within $recovered s of the restart | ok |"
else
  say "| database back: every page 200 again | not within 30 s | **FAILED** |"
fi
say "| gunicorn not restarted | master pid $master_before (still $GUNICORN_PID); workers before: $workers_before; after: $workers_after | $(verdict "$([ "$master_before" = "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" && echo 1 || echo 0)") |"
say ""
say "Whole run: $SECONDS s. Report saved to ${REPORT#"$ROOT"/}."
