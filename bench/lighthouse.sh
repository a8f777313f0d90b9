#!/usr/bin/env bash
# Lighthouse (performance, accessibility, best practices, SEO) on four pages served by
# gunicorn with production settings (DEBUG off, WhiteNoise static files) on SQLite with the
# seed content; writes the scores and the audits that cost points into bench/RESULTS.md.
#
#   bench/lighthouse.sh [--no-write]      (--no-write: print the section, leave RESULTS.md)
#
# Takes about 2-4 minutes (first run: plus about 30 s for npm ci of Lighthouse).
set -euo pipefail
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

WRITE=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-write) WRITE=""; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

PAGES=("home|/" "topic|/topics/vitamin-b12-and-ms/" "claim|/claims/sublingual-b12-absorbs-better/"
       "dose-claim|/claims/high-dose-methylcobalamin-for-ms/" "origin|/origins/supplement-blog-ms-b12/" "about|/about/"
       "explorer|/explorer/")
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
CATEGORIES=performance,accessibility,best-practices,seo

bench_init lighthouse
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
[ -x "$CHROME_PATH" ] || bench_apt_install chromium
command -v npm >/dev/null || bench_apt_install npm
if [ ! -x "$BENCH_DIR/node_modules/.bin/lighthouse" ]; then
  log "npm ci in bench/ (Lighthouse pinned by bench/package-lock.json)"
  (cd "$BENCH_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
LIGHTHOUSE="$BENCH_DIR/node_modules/.bin/lighthouse"

export DATABASE_URL="sqlite:///$BENCH_WORK/db.sqlite3"
bench_prepare_database
bench_collectstatic
bench_gunicorn_start

OUT_DIR="$BENCH_DIR/out/lighthouse"
mkdir -p "$OUT_DIR"
reports=()
notes=()
for entry in "${PAGES[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  status=$(http_status "$BASE_URL$path" 30)
  [ "$status" = 200 ] || notes+=("- **$name** \`$path\` answers HTTP $status (Lighthouse ran on it anyway).")
  log "lighthouse $name ($path, HTTP $status)"
  rm -f "$OUT_DIR/$name.json"
  if ! timeout 150 "$LIGHTHOUSE" "$BASE_URL$path" --quiet --chrome-flags="$CHROME_FLAGS" \
      --only-categories="$CATEGORIES" --output=json --output-path="$OUT_DIR/$name.json" \
      2>"$BENCH_WORK/lighthouse-$name.log"; then
    notes+=("- **$name**: Lighthouse failed: $(tail -n 3 "$BENCH_WORK/lighthouse-$name.log" | tr '\n' ' ')")
  fi
  reports+=("$name=$OUT_DIR/$name.json")
done

SECTION="$BENCH_WORK/section.md"
{
  echo "## Lighthouse ($(date -u '+%Y-%m-%d %H:%M UTC'))"
  echo ""
  echo "- command: \`bench/lighthouse.sh\`; per page it ran \`CHROME_PATH=$CHROME_PATH" \
    "bench/node_modules/.bin/lighthouse URL --chrome-flags=\"$CHROME_FLAGS\"" \
    "--only-categories=$CATEGORIES --output=json\`"
  echo "- Lighthouse $("$LIGHTHOUSE" --version), $("$CHROME_PATH" --version 2>/dev/null | head -n 1)," \
    "default config (mobile, simulated throttling); server: gunicorn, bench.settings" \
    "(DEBUG off, WhiteNoise), SQLite with the seed content, http://127.0.0.1"
  echo "- code: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "($(git -C "$ROOT" status --porcelain 2>/dev/null | wc -l) files changed in the work tree);" \
    "full reports in bench/out/lighthouse/ (not committed)"
  echo ""
  (cd "$ROOT" && "$PY" bench/lighthouse_report.py "${reports[@]}")
  if [ ${#notes[@]} -gt 0 ]; then
    echo ""
    printf '%s\n' "${notes[@]}"
  fi
} >"$SECTION"
cat "$SECTION"

if [ -n "$WRITE" ]; then
  # Replace the section between the markers in RESULTS.md (or append it).
  "$PY" - "$BENCH_DIR/RESULTS.md" "$SECTION" <<'EOF'
import pathlib
import sys

results, section = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).read_text()
start, end = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"
block = f"{start}\n{section.rstrip()}\n{end}"
text = results.read_text() if results.exists() else "# Bench results\n"
if start in text and end in text[text.index(start):]:
    # The end marker after the start: an end left alone earlier in the file once made
    # this copy everything between them a second time.
    at = text.index(start)
    text = text[:at] + block + text[text.index(end, at) + len(end):]
else:
    text = text.rstrip() + "\n\n" + block + "\n"
results.write_text(text)
EOF
  log "wrote the Lighthouse section into bench/RESULTS.md"
fi
