#!/bin/sh
# API benchmark: seeds a demo city, serves it, and drives it with wrk on
# loopback; prints requests/s and p99 per endpoint beside the same run's
# /healthz ceiling, plus the server's RSS. Usage: bench/api.sh BUILD_DIR
# Writes build/bench/api.json: {scale, endpoints: [{endpoint, rps, p50_ms,
# p99_ms, ratio}], server_rss_kib}, ratio being rps over /healthz's.
# The machine's speed drifts within a minute, so each endpoint runs ROUNDS
# times (default 3) for SECS seconds (default 2), each time right after
# /healthz for as long; the round of the median ratio is reported, and
# /healthz's line is the median of its rounds.
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
out="$PWD/build/bench"
scale=${SCALE:-5000}
secs=${SECS:-2}
rounds=${ROUNDS:-3}
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

# leg PATH [LUA]: one wrk run; sets rps, p50, p99 and non2xx
leg() {
	script=${2:-bench/auth.lua}
	# one request first: wrk measures the steady state, caches warm
	[ -n "${2:-}" ] || curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" \
		"http://127.0.0.1:$port$1"
	wrk -t2 -c16 -d"${secs}s" --latency -s "$script" \
		"http://127.0.0.1:$port$1" >"$tmp/wrk.txt" 2>&1
	rps=$(awk '/^Requests\/sec/ { print $2 }' "$tmp/wrk.txt")
	p50=$(pct 50%)
	p99=$(pct 99%)
	non2xx=$(awk '/Non-2xx/ { print $NF }' "$tmp/wrk.txt")
}

# run NAME PATH [LUA]: ROUNDS of /healthz then PATH; prints and records
# "NAME rps p50_ms p99_ms" of the round with the median ratio
run() {
	: >"$tmp/rounds"
	i=0
	while [ $i -lt "$rounds" ]; do
		leg /healthz
		h=$rps
		echo "$h $p50 $p99" >>"$tmp/healthz"
		leg "$2" "${3:-}"
		awk -v a="$rps" -v b="$h" -v p50="$p50" -v p99="$p99" \
			-v n="${non2xx:-0}" 'BEGIN { printf "%.3f %s %s %s %s\n",
			a / b, a, p50, p99, n }' >>"$tmp/rounds"
		i=$((i + 1))
	done
	set -- "$1" $(sort -n "$tmp/rounds" |
		sed -n "$(( (rounds + 1) / 2 ))p")
	printf '%-44s %10s %8s %8s %s\n' "$1" "$3" "$4" "$5" \
		"$([ "$6" = 0 ] || echo "non-2xx: $6")"
	printf '{"endpoint":"%s","rps":%s,"p50_ms":%s,"p99_ms":%s,"ratio":%s},\n' \
		"$1" "$3" "$4" "$5" "$2" >>"$tmp/json"
}

# pct P: wrk's latency at percentile P in ms
pct() {
	awk -v p="$1" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u);
		sub(/[a-z]+$/, "", v);
		if (u == "us") v /= 1000; else if (u == "s") v *= 1000;
		print v }' "$tmp/wrk.txt"
}

printf 'tasks: %s, %s rounds of %s s per endpoint after as long of /healthz, wrk -t2 -c16\n' \
	"$scale" "$rounds" "$secs"
printf '%-44s %10s %8s %8s\n' endpoint req/s p50_ms p99_ms
: >"$tmp/json"
: >"$tmp/healthz"
run "GET /api/v1/tasks/{id}" /api/v1/tasks/100
run "GET /api/v1/tasks?per_page=25&status=doing" \
	"/api/v1/tasks?per_page=25&status=doing"
run "GET /api/v1/board" /api/v1/board
run "POST /api/v1/tasks" /api/v1/tasks bench/create.lua
rss=$(awk '/VmRSS/ { print $2 }' "/proc/$pid/status")
# the median /healthz round: req/s, p50, p99
set -- $(sort -n "$tmp/healthz" |
	sed -n "$(( ($(wc -l <"$tmp/healthz") + 1) / 2 ))p")
printf '%-44s %10s %8s %8s (median of %s rounds)\n' \
	"GET /healthz (ceiling)" "$1" "$2" "$3" "$(wc -l <"$tmp/healthz")"
printf 'server RSS: %s KiB\n' "$rss"
{
	printf '{"scale":%s,"endpoints":[\n' "$scale"
	printf '{"endpoint":"GET /healthz (ceiling)","rps":%s,"p50_ms":%s,"p99_ms":%s,"ratio":1},\n' \
		"$1" "$2" "$3"
	sed '$ s/,$//' "$tmp/json"
	printf '],"server_rss_kib":%s}\n' "$rss"
} >"$out/api.json"
echo "results: $out/api.json"
