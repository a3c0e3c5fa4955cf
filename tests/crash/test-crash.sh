#!/bin/sh
# Crash safety (SPEC §8, issue 8): the real server on one database, a write
# load from several concurrent clients through the API (tests/crash/
# crash.py load: create, PATCH with If-Match, ack, reports with evidence
# files, urges), `kill -9` at a random moment, then on the crashed
# database: `PRAGMA integrity_check` says ok, `luoshi audit verify` passes;
# restarted on it, every acknowledged write is there exactly and nothing
# is half-applied (crash.py check). Looped CRASH_KILLS times (25, or 8 on
# a sanitizer build; `make crash CRASH_KILLS=500` for a long run) with
# CRASH_CLIENTS clients (4); CRASH_SEED makes the choices repeatable.
. "$(dirname "$0")/../api/lib.sh"

PY=${PYTHON:-python3}
HERE=$(cd "$(dirname "$0")" && pwd)
if grep -q __asan_init "$LUOSHI_BIN" 2>/dev/null; then
	KILLS=${CRASH_KILLS:-8}
else
	KILLS=${CRASH_KILLS:-25}
fi
CLIENTS=${CRASH_CLIENTS:-4}
SEED=${CRASH_SEED:-$(date +%s)}
LOGS="$TMP/crash-logs"
FILES="${LUOSHI_FILES:-$LUOSHI_DB.files}"
mkdir -p "$LOGS"
echo "crash: $KILLS kills, $CLIENTS clients, CRASH_SEED=$SEED"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
api_user wang HRB supervisor 王督查
api_user li HRB-DL staff 李干事

# delay SEED ROUND: seconds before the kill, 0.10 to 1.00, from the seed
delay() {
	awk -v s="$1" -v r="$2" \
		'BEGIN { srand(s * 1000 + r); printf "%.2f", 0.1 + rand() * 0.9 }'
}

# forget PID: the server PID was killed; lib.sh must not stop it again
forget() {
	_f_rest=""
	for _f_s in $SERVERS; do
		[ "${_f_s%%:*}" = "$1" ] || _f_rest="$_f_rest $_f_s"
	done
	SERVERS=$_f_rest
	SERVER_PID=""
}

start=$(date +%s)
server_start || { done_testing; exit 1; }
r=1
while [ $r -le "$KILLS" ]; do
	"$PY" "$HERE/crash.py" load "$BASE" "$(tok wang)" "$(tok li)" \
		"$LOGS" $r "$CLIENTS" "$SEED" &
	load=$!
	sleep "$(delay "$SEED" $r)"
	victim=$SERVER_PID
	vlog=$SERVER_LOG
	kill -KILL "$victim"
	wait "$victim" 2>/dev/null
	forget "$victim"
	sanitizer_check "$vlog" "round $r: killed server"
	if wait "$load"; then ok; else bad "round $r: the load driver failed"; fi
	# the crashed database, as the next start finds it
	got=$(sqlite3 "$LUOSHI_DB" 'PRAGMA integrity_check' 2>&1)
	expect_eq "$got" ok "round $r: integrity_check"
	expect_ok "round $r: audit verify" audit verify
	server_start || break
	"$PY" "$HERE/crash.py" check "$LUOSHI_DB" "$FILES" "$LOGS" "$BASE" \
		"$(tok wang)" $r >"$TMP/check.out" 2>&1
	rc=$?
	p=$(sed -n 's/^checked: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' \
		"$TMP/check.out")
	f=$(sed -n 's/^checked: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' \
		"$TMP/check.out")
	PASS=$((PASS + ${p:-0}))
	FAIL=$((FAIL + ${f:-0}))
	if [ $rc -ne 0 ] || [ -z "$p" ]; then
		[ "${f:-0}" -gt 0 ] || FAIL=$((FAIL + 1))
		echo "round $r: check failed (CRASH_SEED=$SEED):" >&2
		head -40 "$TMP/check.out" | sed 's/^/  /' >&2
	fi
	grep '^round' "$TMP/check.out"
	r=$((r + 1))
done
echo "crash: $((r - 1)) kills in $(($(date +%s) - start)) s"
# the last server stops cleanly (exit 0, no sanitizer report)
api_done
