# Shared helpers for the CLI tests: each test script sources this, runs the
# real binary ($LUOSHI_BIN) on a fresh temporary database with a fixed
# reference day, and counts passed/failed checks. Exits non-zero on failure
# and prints "N passed, N failed" as its last line.

set -u
: "${LUOSHI_BIN:?set LUOSHI_BIN to the luoshi binary}"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/luoshi-cli.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export LUOSHI_DB="$TMP/t.db"
# On PostgreSQL (tests/run.sh gives each suite a new, empty database):
# that database, with the evidence files in $TMP.
if [ -n "${LUOSHI_TEST_PG_URL:-}" ]; then
	export LUOSHI_DB="$LUOSHI_TEST_PG_URL"
	export LUOSHI_FILES="$TMP/t.db.files"
fi
export LUOSHI_TODAY=2026-11-26
unset LUOSHI_NOW
export NO_COLOR=1
PASS=0
FAIL=0
OUT=""
ERR=""
RC=0

# ls_run ARGS...: runs luoshi, capturing stdout in $OUT, stderr in $ERR
# and the exit status in $RC. A sanitizer report (ASan, LSan, UBSan) on
# stderr fails a check even when the exit status is the expected one.
ls_run() {
	OUT=$("$LUOSHI_BIN" "$@" 2>"$TMP/stderr")
	RC=$?
	ERR=$(cat "$TMP/stderr")
	case "$ERR" in
	*"ERROR: AddressSanitizer"* | *"ERROR: LeakSanitizer"* | \
	*"runtime error:"*)
		bad "sanitizer report (luoshi $*)"
		;;
	esac
}

ok() {
	PASS=$((PASS + 1))
}

bad() {
	FAIL=$((FAIL + 1))
	printf 'FAIL: %s\n' "$1" >&2
	[ -n "$OUT" ] && printf '  stdout: %s\n' "$OUT" | head -20 |
		cut -c1-300 >&2
	[ -n "$ERR" ] && printf '  stderr: %s\n' "$ERR" | head -5 |
		cut -c1-300 >&2
	return 0
}

# expect_rc N DESC ARGS...: runs luoshi and checks its exit status.
# (Helpers name their variables _<helper>_<name>: POSIX sh has no locals.)
expect_rc() {
	_rc_want=$1
	_rc_desc=$2
	shift 2
	ls_run "$@"
	if [ "$RC" -eq "$_rc_want" ]; then ok; else
		bad "$_rc_desc: exit $RC, want $_rc_want (luoshi $*)"
	fi
}

# expect_ok DESC ARGS...: runs luoshi and checks it exits 0.
expect_ok() {
	_ok_desc=$1
	shift
	expect_rc 0 "$_ok_desc" "$@"
}

# expect_fail N DESC ARGS...: runs luoshi, checks exit status N, that
# stderr starts with "luoshi: error: " and that stdout is empty.
expect_fail() {
	expect_rc "$@"
	case "$ERR" in
	"luoshi: error: "*) ok ;;
	*) bad "$2: stderr does not start with 'luoshi: error: '" ;;
	esac
	if [ -z "$OUT" ]; then ok; else bad "$2: output on stdout"; fi
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

# expect_lacks TEXT DESC: the last stdout does not contain TEXT.
expect_lacks() {
	case "$OUT" in
	*"$1"*) bad "$2: stdout contains '$1'" ;;
	*) ok ;;
	esac
}

# expect_eq GOT WANT DESC: two strings are equal.
expect_eq() {
	if [ "$1" = "$2" ]; then ok; else bad "$3: got '$1', want '$2'"; fi
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
	_jq_got=$(printf '%s' "$OUT" | jq -r "$1" 2>&1)
	if [ "$_jq_got" = "$2" ]; then ok; else
		bad "$3: jq '$1' gave '$_jq_got', want '$2'"
	fi
}

# audit_count: prints the number of audit entries (admin's view).
audit_count() {
	"$LUOSHI_BIN" --json audit log 2>/dev/null | jq length
}

# expect_ids WANT DESC ARGS...: runs luoshi --json ARGS, which must exit 0
# with a JSON array whose ids, in order and joined by ',', equal WANT.
expect_ids() {
	_ids_want=$1
	_ids_desc=$2
	shift 2
	ls_run --json "$@"
	_ids_got=$(printf '%s' "$OUT" | jq -r '[.[].id] | map(tostring) |
		join(",")' 2>&1)
	if [ "$RC" -eq 0 ] && [ "$_ids_got" = "$_ids_want" ]; then
		ok
	else
		bad "$_ids_desc: exit $RC, ids '$_ids_got', want \
'$_ids_want' (luoshi $*)"
	fi
}

done_testing() {
	echo "$PASS passed, $FAIL failed"
	[ "$FAIL" -eq 0 ]
}
