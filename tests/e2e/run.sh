#!/bin/sh
# Browser tests: seeds a demo city into a temporary database, serves it
# (with the web UI embedded in $LUOSHI_BIN) on a free loopback port, and
# runs each tests/e2e/*.mjs in headless Chromium through playwright-core
# (installed in web/node_modules). Prints "N passed, N failed".
set -u
: "${LUOSHI_BIN:?set LUOSHI_BIN}"
tmp=$(mktemp -d)
pass=0
fail=0
export LUOSHI_TODAY=2026-11-26
port=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 20000))
"$LUOSHI_BIN" --db "$tmp/e2e.db" demo --scale 200 >/dev/null || exit 1
"$LUOSHI_BIN" --db "$tmp/e2e.db" serve --listen "127.0.0.1:$port" --quiet \
	2>"$tmp/serve.log" &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"' EXIT
i=0
until curl -sf "127.0.0.1:$port/healthz" >/dev/null; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "server did not start"; echo "0 passed, 1 failed"; exit 1; }
	sleep 0.1
done
for t in tests/e2e/*.mjs; do
	[ -f "$t" ] || continue
	BASE_URL="http://127.0.0.1:$port" NODE_PATH="$PWD/web/node_modules" \
		node "$t" >"$tmp/out" 2>&1
	rc=$?
	cat "$tmp/out"
	p=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed.*/\1/p' "$tmp/out" | tail -1)
	f=$(sed -n 's/^[0-9]* passed, \([0-9]*\) failed.*/\1/p' "$tmp/out" | tail -1)
	pass=$((pass + ${p:-0}))
	fail=$((fail + ${f:-0}))
	[ $rc -ne 0 ] && [ "${f:-0}" -eq 0 ] && fail=$((fail + 1))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
