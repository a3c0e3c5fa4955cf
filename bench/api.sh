#!/bin/sh
# API benchmark: seeds a demo city, serves it, and drives it with wrk on
# loopback; prints requests/s and p99 per endpoint beside the same run's
# /healthz ceiling, plus the server's RSS. Usage: bench/api.sh BUILD_DIR
# Writes build/bench/api.json: {scale, endpoints: [{endpoint, rps, p50_ms,
# p99_ms, ratio}], server_rss_kib}, ratio being rps over /healthz's.
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
out="$PWD/build/bench"
scale=${SCALE:-5000}
secs=${SECS:-5}
port=${PORT:-18999}
mkdir -p "$out"
tmp=$(mktemp -d)
db="$tmp/api.db"
export LUOSHI_TODAY=2026-11-26
# BENCH_DB: a demo database made before (it is copied, never changed)
if [ -n "${BENCH_DB:-}" ]; then
	"$bin" --db "$BENCH_DB" backup "$db" >/dev/null
	[ -n "${SCALE:-}" ] ||
		scale=$(sqlite3 "$db" "SELECT count(*) FROM tasks")
else
	"$bin" --db "$db" demo --scale "$scale" >/dev/null
fi
TOKEN=$("$bin" --db "$db" token create wang)
export TOKEN
"$bin" --db "$db" serve --listen "127.0.0.1:$port" --quiet 2>"$tmp/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
until curl -sf "127.0.0.1:$port/healthz" >/dev/null; do
	i=$((i + 1))
	[ $i -lt 50 ] || { echo "server did not start" >&2; exit 1; }
	sleep 0.1
done

# run NAME PATH [LUA]: prints "NAME rps p50_ms p99_ms"
run() {
	script=${3:-bench/auth.lua}
	# one request first: wrk measures the steady state, caches warm
	[ -n "${3:-}" ] || curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" \
		"http://127.0.0.1:$port$2"
	wrk -t2 -c16 -d"${secs}s" --latency -s "$script" \
		"http://127.0.0.1:$port$2" >"$tmp/wrk.txt" 2>&1
	rps=$(awk '/^Requests\/sec/ { print $2 }' "$tmp/wrk.txt")
	p50=$(pct 50%)
	p99=$(pct 99%)
	[ -n "${ceiling:-}" ] || ceiling=$rps
	ratio=$(awk -v a="$rps" -v b="$ceiling" \
		'BEGIN { printf "%.3f", a / b }')
	non2xx=$(awk '/Non-2xx/ { print $NF }' "$tmp/wrk.txt")
	printf '%-44s %10s %8s %8s %s\n' "$1" "$rps" "$p50" "$p99" \
		"${non2xx:+non-2xx: $non2xx}"
	printf '{"endpoint":"%s","rps":%s,"p50_ms":%s,"p99_ms":%s,"ratio":%s},\n' \
		"$1" "$rps" "$p50" "$p99" "$ratio" >>"$tmp/json"
}

# pct P: wrk's latency at percentile P in ms
pct() {
	awk -v p="$1" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u);
		sub(/[a-z]+$/, "", v);
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
		print v }' "$tmp/wrk.txt"
}

printf 'tasks: %s, %s s per endpoint, wrk -t2 -c16\n' "$scale" "$secs"
printf '%-44s %10s %8s %8s\n' endpoint req/s p50_ms p99_ms
: >"$tmp/json"
ceiling=""
run "GET /healthz (ceiling)" /healthz
run "GET /api/v1/tasks/{id}" /api/v1/tasks/100
run "GET /api/v1/tasks?per_page=25&status=doing" \
	"/api/v1/tasks?per_page=25&status=doing"
run "GET /api/v1/board" /api/v1/board
run "POST /api/v1/tasks" /api/v1/tasks bench/create.lua
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
printf 'server RSS: %s KiB\n' "$rss"
{
	printf '{"scale":%s,"endpoints":[\n' "$scale"
	sed '$ s/,$//' "$tmp/json"
	printf '],"server_rss_kib":%s}\n' "$rss"
} >"$out/api.json"
echo "results: $out/api.json"
