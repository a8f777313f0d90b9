# Shared helpers for the bench scripts: prerequisites, a throwaway PostgreSQL server, gunicorn,
# wrk, and one cleanup that stops everything a script started. Source it; do not run it.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   bench_init            # sets ROOT, PY, a private work dir, the production-like environment
#   bench_pg_start        # initdb + start; exports DATABASE_URL for database "claimcheck"
#   bench_redis_start     # the shared cache of production; exports REDIS_URL
#   bench_gunicorn_start  # 2 workers on a free 127.0.0.1 port; sets BASE_URL
#
# Everything started here is stopped by the EXIT trap that bench_init installs.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PY="$ROOT/.venv/bin/python"
GUNICORN="$ROOT/.venv/bin/gunicorn"

BENCH_WORK=""        # private temporary directory of this run
PG_DIR=""            # its PostgreSQL data, socket and log
PG_PORT="${BENCH_PG_PORT:-55433}"
GUNICORN_PID=""
REDIS_PID=""
BASE_URL=""
WRK_TIMEOUT=10       # seconds; wrk counts slower requests as timeouts, not in its latencies

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# --- prerequisites ------------------------------------------------------------------------

_apt_updated=""
bench_apt_install() {
  # Installs Debian packages that are missing; needs root, as on the project's machines.
  [ "$(id -u)" = 0 ] || die "need root to apt-get install $*"
  if [ -z "$_apt_updated" ]; then
    apt-get update -qq >/dev/null
    _apt_updated=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

bench_require_wrk() {
  command -v wrk >/dev/null || bench_apt_install wrk
}

bench_require_postgres() {
  if ! command -v initdb >/dev/null; then
    if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
      bench_apt_install postgresql
    fi
    PATH="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)"):$PATH"
    export PATH
  fi
}

bench_require_venv() {
  if [ ! -x "$GUNICORN" ] || ! "$PY" -c "import django, psycopg" 2>/dev/null; then
    log "installing the Python environment (make install)"
    make -C "$ROOT" install >/dev/null
  fi
}

bench_require_redis() {
  command -v redis-server >/dev/null || bench_apt_install redis-server
}

bench_require_curl() {
  command -v curl >/dev/null || bench_apt_install curl
}

# --- set-up and cleanup -------------------------------------------------------------------

bench_init() {
  # $1: a short name for the work directory.
  BENCH_WORK="$(mktemp -d "/tmp/bench-${1:-run}.XXXXXX")"
  chmod 755 "$BENCH_WORK"
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
  bench_require_venv
  bench_require_curl

  # Production settings (DEBUG off, a SECRET_KEY) on plain-HTTP loopback: no TLS redirect,
  # no HSTS, no secure-only cookies. bench.settings adds the trivial view and a static root.
  export DJANGO_SETTINGS_MODULE=bench.settings
  export DEBUG=false
  export SECRET_KEY="bench-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  export ALLOWED_HOSTS=127.0.0.1,localhost
  export SECURE_SSL_REDIRECT=false SECURE_HSTS_SECONDS=0 SECURE_HSTS_PRELOAD=false
  export SECURE_HSTS_INCLUDE_SUBDOMAINS=false
  export SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
  export BENCH_STATIC_ROOT="$BENCH_WORK/staticfiles"
  export PYTHONDONTWRITEBYTECODE=1
  unset DATABASE_URL REDIS_URL
}

bench_cleanup() {
  local status=$?
  trap - EXIT INT TERM
  bench_gunicorn_stop
  bench_redis_stop
  bench_pg_stop
  if [ -n "$BENCH_WORK" ] && [ -d "$BENCH_WORK" ] && [ -z "${BENCH_KEEP:-}" ]; then
    rm -rf "$BENCH_WORK"
  fi
  exit "$status"
}

manage() { (cd "$ROOT" && "$PY" manage.py "$@"); }

# --- the machine --------------------------------------------------------------------------

bench_cpu_governor() {
  # The CPU frequency governors of all CPUs, counted ("performance x2"), or "not exposed"
  # where the kernel gives no cpufreq (as in most virtual machines).
  local files
  files=$(ls /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor 2>/dev/null || true)
  if [ -z "$files" ]; then
    echo "not exposed (no /sys/devices/system/cpu/cpu*/cpufreq/scaling_governor)"
  else
    # shellcheck disable=SC2086
    cat $files | sort | uniq -c | awk '{ printf "%s%s x%s", (NR > 1 ? ", " : ""), $2, $1 }'
  fi
}

bench_machine_summary() {
  # One line: cores, CPU model and clock, frequency governor, load average, memory.
  local model mhz
  model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  mhz=$(sed -n 's/^cpu MHz[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  printf '%s cores (%s%s); CPU frequency governor: %s; load average %s; %s MB memory free' \
    "$(nproc)" "${model:-CPU model not given}" "${mhz:+, ${mhz%.*} MHz}" \
    "$(bench_cpu_governor)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "$(awk '/^MemAvailable:/ { printf "%d", $2 / 1024 }' /proc/meminfo)"
}

# --- PostgreSQL ---------------------------------------------------------------------------

_as_postgres() {
  # initdb refuses to run as root; the server and its files belong to the postgres user.
  if [ "$(id -u)" = 0 ]; then
    (cd /tmp && runuser -u postgres -- "$@")
  else
    (cd /tmp && "$@")
  fi
}

bench_pg_start() {
  # A throwaway server on a Unix socket only (no TCP), fsync off; database "claimcheck".
  bench_require_postgres
  PG_DIR="$BENCH_WORK/pg"
  mkdir -p "$PG_DIR/sock"
  [ "$(id -u)" = 0 ] && chown -R postgres: "$PG_DIR"
  _as_postgres initdb -D "$PG_DIR/data" -A trust -U postgres --no-sync -E UTF8 \
    --locale=C.UTF-8 >/dev/null
  bench_pg_resume
  _as_postgres createdb -h "$PG_DIR/sock" -p "$PG_PORT" claimcheck
  bench_use_database claimcheck
  log "PostgreSQL $(_as_postgres postgres --version | awk '{print $3}') on socket $PG_DIR/sock"
}

bench_pg_resume() {
  # Starts (or restarts) the server created by bench_pg_start, keeping its data.
  _as_postgres pg_ctl -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 30 \
    -o "-k $PG_DIR/sock -p $PG_PORT -c listen_addresses='' -c fsync=off \
        -c synchronous_commit=off -c full_page_writes=off -c max_connections=50" \
    start >/dev/null
}

bench_pg_pause() {
  # Stops the server but keeps its data (for the fault run). Fast mode: clients are cut off.
  _as_postgres pg_ctl -D "$PG_DIR/data" -w -t 30 stop -m fast >/dev/null
}

bench_pg_stop() {
  if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
    _as_postgres pg_ctl -D "$PG_DIR/data" -w -t 30 stop -m immediate >/dev/null 2>&1 || true
  fi
}

bench_pg_createdb() { _as_postgres createdb -h "$PG_DIR/sock" -p "$PG_PORT" "$1"; }

bench_use_database() {
  local sock
  sock="$("$PY" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' \
    "$PG_DIR/sock")"
  export DATABASE_URL="postgres://postgres@${sock}:${PG_PORT}/$1"
}

bench_prepare_database() {
  # Schema, seed content and static files for the database in DATABASE_URL.
  manage migrate --no-input >/dev/null
  manage load_seed_content | sed 's/^/  seed: /' >&2
}

bench_collectstatic() {
  manage collectstatic --no-input >/dev/null
}

# --- Redis: the shared cache, as in production ---------------------------------------------

bench_redis_start() {
  # A throwaway Redis on a free loopback port (or port $1), in memory only; exports
  # REDIS_URL, which config.settings turns into the shared cache (pages, content version).
  bench_require_redis
  local port=${1:-}
  [ -n "$port" ] || port="$(_free_port)"
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$BENCH_WORK" --logfile "$BENCH_WORK/redis.log" &
  REDIS_PID=$!
  local i
  for i in $(seq 1 50); do
    if redis-cli -p "$port" ping >/dev/null 2>&1; then
      export REDIS_URL="redis://127.0.0.1:$port/0"
      log "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on $REDIS_URL"
      return 0
    fi
    sleep 0.1
  done
  die "redis-server did not start (see $BENCH_WORK/redis.log)"
}

bench_redis_pause() { bench_redis_stop; }

bench_redis_resume() {
  # Starts Redis again on the same port, empty, as after a restart without persistence.
  local port=${REDIS_URL##*:}
  bench_redis_start "${port%%/*}"
}

bench_redis_flush() {
  redis-cli -u "$REDIS_URL" flushall >/dev/null
}

bench_redis_stop() {
  if [ -n "$REDIS_PID" ] && kill -0 "$REDIS_PID" 2>/dev/null; then
    kill -TERM "$REDIS_PID" 2>/dev/null || true
    wait "$REDIS_PID" 2>/dev/null || true
  fi
  REDIS_PID=""
}

# --- gunicorn -----------------------------------------------------------------------------

_free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

bench_gunicorn_start() {
  # gunicorn config.wsgi with 2 workers on 127.0.0.1 (DJANGO_SETTINGS_MODULE=bench.settings),
  # on port $1 if given (a restart keeps its address), else a free one.
  local port=${1:-}
  [ -n "$port" ] || port="$(_free_port)"
  "$GUNICORN" config.wsgi --chdir "$ROOT" -w "${BENCH_WORKERS:-2}" -b "127.0.0.1:$port" \
    --access-logfile - --log-level warning --timeout 30 --graceful-timeout 5 \
    >"$BENCH_WORK/gunicorn-access.log" 2>"$BENCH_WORK/gunicorn.log" &
  GUNICORN_PID=$!
  BASE_URL="http://127.0.0.1:$port"
  local i
  for i in $(seq 1 60); do
    if curl -s -o /dev/null --max-time 2 "$BASE_URL/healthz"; then
      log "gunicorn (pid $GUNICORN_PID, ${BENCH_WORKERS:-2} workers) on $BASE_URL"
      return 0
    fi
    kill -0 "$GUNICORN_PID" 2>/dev/null || { cat "$BENCH_WORK/gunicorn.log" >&2; die "gunicorn exited"; }
    sleep 0.5
  done
  cat "$BENCH_WORK/gunicorn.log" >&2
  die "gunicorn did not answer within 30 s"
}

bench_gunicorn_stop() {
  if [ -n "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill -TERM "$GUNICORN_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 20); do
      kill -0 "$GUNICORN_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
  fi
  GUNICORN_PID=""
}

bench_gunicorn_drain() {
  # After an overload, sync workers still serve requests queued by connections wrk has
  # closed. Wait up to 5 s for a fast answer, then restart gunicorn rather than wait longer.
  local i
  for i in $(seq 1 5); do
    curl -s -o /dev/null --max-time 1 "$BASE_URL/bench/trivial" && return 0
  done
  log "gunicorn still busy with queued requests: restarting it"
  local port=${BASE_URL##*:}
  bench_gunicorn_stop
  bench_gunicorn_start "$port"
}

# --- HTTP and wrk -------------------------------------------------------------------------

# Never fail the script: a page that times out answers "000" (and size 0).
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-5}" "$1" || true; }
http_status_size() { curl -s -o /dev/null -w '%{http_code} %{size_download}' --max-time "${2:-60}" "$1" || true; }

bench_wrk() {
  # wrk URL DURATION CONNECTIONS [SCRIPT] -> one line of key=value from the Lua script
  # (bench/wrk_report.lua unless given) on stdout. wrk's own report goes to
  # $BENCH_WORK/wrk-*.txt for the record.
  local url=$1 duration=${2:-10s} connections=${3:-16} script=${4:-$BENCH_DIR/wrk_report.lua}
  local threads=2 out
  [ "$connections" -ge 2 ] || threads=1
  out="$BENCH_WORK/wrk-$(date +%s%N).txt"
  BENCH_DIR="$BENCH_DIR" wrk -t"$threads" -c"$connections" -d"$duration" \
    --timeout "${WRK_TIMEOUT}s" --latency \
    -s "$script" "$url" >"$out" 2>&1 || { cat "$out" >&2; die "wrk failed"; }
  grep '^BENCH ' "$out" | tail -n 1 | cut -c7-
}

field() {
  # field "key=value key2=value2" key -> value
  local line=$1 key=$2
  printf '%s\n' "$line" | tr ' ' '\n' | sed -n "s/^$key=//p"
}
