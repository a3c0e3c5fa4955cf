#!/bin/sh
# `make soak`: a seeded demo city (SOAK_SCALE tasks, 5000) served by the
# real server, then SOAK_SECONDS (600) of a paced mixed read/write load
# (tests/soak/load.py: SOAK_CLIENTS clients, 4, SOAK_RATE requests/s in
# all, 100) while the server's RSS and open descriptors are sampled.
# Fails on any error answer, RSS or descriptor growth after warm-up, or a
# p99 that doubled (the bounds are in load.py); then the server must stop
# cleanly on SIGTERM. Prints a table and writes build/soak/results.json.
# Usage: tests/soak/soak.sh [BUILD_DIR]
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
here=$(cd "$(dirname "$0")" && pwd)
out="$PWD/build/soak"
secs=${SOAK_SECONDS:-600}
scale=${SOAK_SCALE:-5000}
clients=${SOAK_CLIENTS:-4}
rate=${SOAK_RATE:-100}
PY=${PYTHON:-python3}
mkdir -p "$out"
tmp=$(mktemp -d)
db="$tmp/soak.db"
export LUOSHI_TODAY=2026-11-26
pid=""
cleanup() {
	[ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
	rm -rf "$tmp"
}
trap cleanup EXIT

echo "soak: seeding a demo city of $scale tasks"
"$bin" --db "$db" demo --scale "$scale" >/dev/null
token=$("$bin" --db "$db" token create wang)
n=0
while :; do	# a free port on loopback
	port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 40000))
	"$bin" --db "$db" serve --listen "127.0.0.1:$port" --quiet \
		>"$tmp/serve.log" 2>&1 &
	pid=$!
	i=0
	while [ $i -lt 100 ] && kill -0 "$pid" 2>/dev/null &&
	    ! curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"; do
		sleep 0.1
		i=$((i + 1))
	done
	curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
	kill "$pid" 2>/dev/null || :
	wait "$pid" 2>/dev/null || :
	pid=""
	n=$((n + 1))
	[ $n -lt 10 ] || { echo "soak: the server did not start" >&2
		cat "$tmp/serve.log" >&2; exit 1; }
done
echo "soak: server $pid on port $port, $secs s of load"
rc=0
"$PY" "$here/load.py" "http://127.0.0.1:$port" "$token" "$pid" "$secs" \
	"$clients" "$rate" "$out/results.json" || rc=1
kill -TERM "$pid"
if wait "$pid"; then
	echo "ok: the server stopped cleanly"
else
	echo "FAIL: the server exited $? on SIGTERM"
	rc=1
fi
pid=""
if grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' \
    -e 'LeakSanitizer' "$tmp/serve.log"; then
	echo "FAIL: sanitizer report in the server log"
	head -40 "$tmp/serve.log"
	rc=1
fi
echo "soak: results in build/soak/results.json"
exit $rc
