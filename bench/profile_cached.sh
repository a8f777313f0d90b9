#!/usr/bin/env bash
# Where a cached page's time goes: serves it (and the trivial view of its size) under gunicorn
# as load.sh does, samples the workers with py-spy while wrk loads each, and prints per request
# the time by package and the top functions for each, and what the page spends beyond the
# trivial view (bench/profile_cached.py).
#
#   bench/profile_cached.sh [--path /claims/sublingual-b12-absorbs-better/] [--path ...]
#       [--claims 0] [--duration 10s] [--connections 2] [--rate 200] [--top 20]
#
# Every --path is profiled beside its own trivial view (default: the seed claim page). With
# --claims N the database also gets N generated claims (bench/generate_claims.py; its first
# claim is /claims/bench-1-1-high-dose-sublingual-reduces-ms-lesions/). Takes about
# 30 s + 2 x (duration + 4 s) a path. py-spy 0.4.3 runs through uv's tool runner (uv tool run:
# installed into uv's cache, not the project's environment). Needs root for ptrace, as on the
# project's machines.
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

PATHS=()
CLAIMS=0
DURATION=10s
CONNECTIONS=2
RATE=200
TOP=20
PYSPY_VERSION=0.4.3
while [ $# -gt 0 ]; do
  case "$1" in
    --path) PATHS+=("$2"); shift 2 ;;
    --claims) CLAIMS=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --rate) RATE=$2; shift 2 ;;
    --top) TOP=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/claims/sublingual-b12-absorbs-better/)
SECONDS_EACH=${DURATION%s}
[ "$SECONDS_EACH" -ge 1 ] 2>/dev/null || die "--duration takes whole seconds, e.g. 10s"

bench_init profile
bench_require_wrk

# py-spy: the one on PATH if it is this version, else through uv's tool runner.
if command -v py-spy >/dev/null && py-spy --version | grep -q " $PYSPY_VERSION\$"; then
  PYSPY=(py-spy)
else
  UV="$ROOT/.tools/bin/uv"
  [ -x "$UV" ] || make -C "$ROOT" .tools/bin/uv >/dev/null
  PYSPY=(env UV_PYTHON_DOWNLOADS=never "$UV" tool run --from "py-spy==$PYSPY_VERSION" py-spy)
  "${PYSPY[@]}" --version >/dev/null || die "py-spy $PYSPY_VERSION could not be installed"
fi
[ "$(id -u)" = 0 ] || log "warning: py-spy needs ptrace rights (root, or CAP_SYS_PTRACE)"

bench_pg_start
bench_redis_start
bench_prepare_database
if [ "$CLAIMS" -gt 0 ]; then
  (cd "$ROOT" && "$PY" bench/generate_claims.py --claims "$CLAIMS") 2>&1 | sed 's/^/  /' >&2
fi
_as_postgres psql -q -h "$PG_DIR/sock" -p "$PG_PORT" -d claimcheck -c 'VACUUM ANALYZE' >/dev/null
bench_collectstatic
bench_gunicorn_start

OUT_DIR="$BENCH_DIR/out"
mkdir -p "$OUT_DIR"
STAMP=$(date +%Y%m%d-%H%M%S)
REPORT="$OUT_DIR/profile-$STAMP.md"
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }

# profile NAME PATH: warm-up, then py-spy on the gunicorn master and its workers from just
# before wrk starts to just after it ends (idle samples are left out, so the margins add
# nothing); sets PROFILED_REQUESTS to the number of requests wrk completed. (Not run in a
# $(...) subshell: a gunicorn restarted by bench_gunicorn_drain must stay known to cleanup.)
PROFILED_REQUESTS=0
profile() {
  local name=$1 path=$2 raw=$BENCH_WORK/$1.raw line pyspy_pid
  bench_wrk "$BASE_URL$path" 2s 2 >/dev/null # warm both workers; the page is now cached
  bench_gunicorn_drain
  "${PYSPY[@]}" record --pid "$GUNICORN_PID" --subprocesses --rate "$RATE" \
    --duration $((SECONDS_EACH + 2)) --format raw --nolineno --output "$raw" \
    >"$BENCH_WORK/$name.py-spy.log" 2>&1 &
  pyspy_pid=$!
  sleep 1
  line=$(bench_wrk "$BASE_URL$path" "$DURATION" "$CONNECTIONS")
  wait "$pyspy_pid" || { cat "$BENCH_WORK/$name.py-spy.log" >&2; die "py-spy failed"; }
  bench_gunicorn_drain
  cp "$raw" "$OUT_DIR/profile-$STAMP-$name.raw"
  log "$name: $(field "$line" requests) requests, $(field "$line" rps)/s under sampling;" \
    "$(grep -o 'Samples: [0-9]*' "$BENCH_WORK/$name.py-spy.log" || echo 'samples: ?')"
  PROFILED_REQUESTS=$(field "$line" requests)
}

say "# bench/profile_cached.sh $(date -u '+%Y-%m-%d %H:%M UTC')"
say ""
say "- command: \`bench/profile_cached.sh$(printf ' --path %s' "${PATHS[@]}") --claims $CLAIMS --duration $DURATION --connections $CONNECTIONS --rate $RATE --top $TOP\`"
say "- code: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "($(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l) files changed in the work tree)"
say "- machine at start: $(bench_machine_summary)"
say "- server: gunicorn config.wsgi -w 2 (sync workers), bench.settings (DEBUG off), PostgreSQL," \
  "Redis as the shared cache, as in bench/load.sh; load: \`wrk -c$CONNECTIONS -d$DURATION\`" \
  "after 2 s of warm-up (the page is then in the cache); sampled by py-spy $PYSPY_VERSION" \
  "at $RATE Hz in each worker (Python frames only: time in C code counts to the Python" \
  "function that called it; sampling pauses the workers briefly, so requests/s are lower" \
  "than in load.sh)"
say "- raw samples: \`bench/out/profile-$STAMP-*.raw\` (flamegraph.pl or speedscope read them)"

index=0
for path in "${PATHS[@]}"; do
  index=$((index + 1))
  read -r status bytes <<<"$(http_status_size "$BASE_URL$path" 60)"
  [ "$status" = 200 ] || die "$path answers HTTP $status"
  log "profiling $path ($bytes bytes) and the trivial view of its size"
  profile "page$index" "$path"
  page_requests=$PROFILED_REQUESTS
  profile "trivial$index" "/bench/trivial?bytes=$bytes"
  trivial_requests=$PROFILED_REQUESTS
  tables=$("$PY" "$BENCH_DIR/profile_cached.py" --rate "$RATE" --top "$TOP" \
    "$path=$OUT_DIR/profile-$STAMP-page$index.raw:$page_requests" \
    "trivial view ($bytes bytes)=$OUT_DIR/profile-$STAMP-trivial$index.raw:$trivial_requests")
  say ""
  say "## \`$path\`"
  say ""
  say "$tables"
done
say ""
say "Whole run: $SECONDS s. Report saved to ${REPORT#"$ROOT"/}."
