#!/bin/sh
# First-load benchmark of the web UI (bench/web.mjs) against a served demo
# city: seeds SCALE tasks (default 100000, about two minutes) or copies
# BENCH_DB, serves it on loopback and runs headless Chromium RUNS times.
# Usage: bench/web.sh BUILD_DIR. Results also go to build/bench/web.json.
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
out="$PWD/build/bench"
scale=${SCALE:-100000}
port=${PORT:-18998}
mkdir -p "$out"
[ -f web/dist/index.html ] || { echo "bench/web.sh: no web UI built" >&2; exit 1; }
tmp=$(mktemp -d)
db="$tmp/web.db"
export LUOSHI_TODAY=2026-11-26
if [ -n "${BENCH_DB:-}" ]; then
	"$bin" --db "$BENCH_DB" backup "$db" >/dev/null
else
	echo "seeding a demo city of about $scale tasks"
	"$bin" --db "$db" demo --scale "$scale" >/dev/null
fi
"$bin" --db "$db" serve --listen "127.0.0.1:$port" --quiet 2>"$tmp/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
until curl -sf "127.0.0.1:$port/healthz" >/dev/null; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "server did not start" >&2; exit 1; }
	sleep 0.1
done
tasks=$(sqlite3 "$db" 'SELECT count(*) FROM tasks' 2>/dev/null || echo '?')
echo "web first load, $tasks tasks, cold cache per run"
BASE_URL="http://127.0.0.1:$port" node bench/web.mjs "${RUNS:-5}" | tee "$tmp/web.txt"
tail -1 "$tmp/web.txt" >"$out/web.json"
