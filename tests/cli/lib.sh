# Shared helpers for the CLI tests: each test script sources this, runs the
# real binary ($LUOSHI_BIN) on a fresh temporary database with a fixed
# reference day, and counts passed/failed checks. Exits non-zero on failure
# and prints "N passed, N failed" as its last line.

set -u
: "${LUOSHI_BIN:?set LUOSHI_BIN to the luoshi binary}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/luoshi-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export LUOSHI_DB="$TMP/t.db"
export LUOSHI_TODAY=2026-11-26
unset LUOSHI_NOW
export NO_COLOR=1
PASS=0
FAIL=0
OUT=""
ERR=""
RC=0

# ls ARGS...: runs luoshi, capturing stdout in $OUT, stderr in $ERR and
# the exit status in $RC.
ls_run() {
	OUT=$("$LUOSHI_BIN" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
}

ok() {
	PASS=$((PASS + 1))
}

bad() {
	FAIL=$((FAIL + 1))
	printf 'FAIL: %s\n' "$1" >&2
	[ -n "$OUT" ] && printf '  stdout: %s\n' "$OUT" | head -20 >&2
	[ -n "$ERR" ] && printf '  stderr: %s\n' "$ERR" | head -5 >&2
	return 0
}

# expect_rc N DESC ARGS...: runs luoshi and checks its exit status.
expect_rc() {
	want=$1
	desc=$2
	shift 2
	ls_run "$@"
	if [ "$RC" -eq "$want" ]; then ok; else bad "$desc: exit $RC, want $want (luoshi $*)"; fi
}

# expect_out TEXT DESC: the last stdout equals TEXT exactly.
expect_out() {
	if [ "$OUT" = "$1" ]; then ok; else bad "$2: got '$OUT', want '$1'"; fi
}

# expect_contains TEXT DESC: the last stdout contains TEXT.
expect_contains() {
	case "$OUT" in
	*"$1"*) ok ;;
	*) bad "$2: stdout lacks '$1'" ;;
	esac
}

# expect_err TEXT DESC: the last stderr contains TEXT.
expect_err() {
	case "$ERR" in
	*"$1"*) ok ;;
	*) bad "$2: stderr lacks '$1'" ;;
	esac
}

# jq_is FILTER VALUE DESC: jq -r FILTER of the last stdout equals VALUE.
jq_is() {
	got=$(printf '%s' "$OUT" | jq -r "$1" 2>&1)
	if [ "$got" = "$2" ]; then ok; else bad "$3: jq '$1' gave '$got', want '$2'"; fi
}

done_testing() {
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}
