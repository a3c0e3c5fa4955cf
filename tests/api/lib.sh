# Shared helpers for the HTTP API tests. A suite sources this file (which
# sources tests/cli/lib.sh for the counters and the CLI helpers), builds
# its data with the CLI on the temporary database, starts the real server
# with server_start, talks to it with curl through api/api_as/apij and
# ends with api_done: that stops every server it started with SIGTERM,
# counts a failure unless each exited 0 with no sanitizer report in its
# log, and prints "N passed, N failed".
#
# Besides coreutils it uses curl, jq and the sqlite3 CLI, or psql and
# pg_dump when LUOSHI_TEST_PG_URL names a PostgreSQL database (tests/run.sh
# gives each suite a new one); scripts/deps.sh installs them.

. "$(dirname "$0")/../cli/lib.sh"

STATUS=""
BODY=""
HDRS="$TMP/headers"
BODYF="$TMP/body"
PORT=""
BASE=""
SERVER_PID=""
SERVER_LOG=""
SERVERS=""		# "pid:log" of every server still running
PWFILE="$TMP/password"
PASSWORD="secret-pass-1"
printf '%s\n' "$PASSWORD" >"$PWFILE"
CURL_MAX=30		# seconds for one request

# Kills servers still running when the suite stops early, then cleans up.
_api_cleanup() {
	for _c_s in $SERVERS; do
		kill -TERM "${_c_s%%:*}" 2>/dev/null
	done
	for _c_s in $SERVERS; do
		wait "${_c_s%%:*}" 2>/dev/null
	done
	rm -rf "$TMP"
}
trap _api_cleanup EXIT
trap 'exit 130' INT TERM

# api_init: a fresh database with `admin` (password $PASSWORD).
api_init() {
	expect_ok "init" init --password-file "$PWFILE"
}

# api_user LOGIN UNIT ROLE [NAME]: adds a user with password $PASSWORD
# and a bearer token kept for api_as (see tok).
api_user() {
	expect_ok "user $1" user add "$1" --name "${4:-$1}" --unit "$2" \
		--role "$3" --password-file "$PWFILE"
	api_token "$1"
}

# api_token LOGIN: creates a bearer token for LOGIN with the CLI.
api_token() {
	ls_run token create "$1"
	if [ "$RC" -eq 0 ] && [ "${#OUT}" -ge 32 ]; then ok; else
		bad "token create $1: exit $RC"
	fi
	printf '%s' "$OUT" >"$TMP/token.$1"
}

# tok LOGIN: prints the bearer token of LOGIN.
tok() {
	cat "$TMP/token.$1"
}

# _port_free P: nothing answers on 127.0.0.1:P (curl: connection refused).
_port_free() {
	curl -s -o /dev/null --max-time 2 "http://127.0.0.1:$1/" 2>/dev/null
	[ $? -eq 7 ]
}

_random() {
	od -An -N2 -tu2 /dev/urandom | tr -d ' '
}

# server_start [SERVE OPTIONS...]: starts `luoshi serve` on a free
# loopback port (a random one, tried again when taken meanwhile) and waits
# for /healthz. Sets PORT, BASE, SERVER_PID and SERVER_LOG; several
# servers may run at once (the last one started is the current one).
server_start() {
	_ss_n=0
	while [ $_ss_n -lt 20 ]; do
		_ss_n=$((_ss_n + 1))
		_ss_port=$((20000 + $(_random) % 40000))
		_port_free "$_ss_port" || continue
		_ss_log="$TMP/server.$_ss_port.log"
		: >"$_ss_log"	# before the child's redirection: grep below
		"$LUOSHI_BIN" --db "$LUOSHI_DB" serve \
			--listen "127.0.0.1:$_ss_port" --quiet "$@" \
			>"$_ss_log" 2>&1 &
		_ss_pid=$!
		_ss_i=0
		while [ $_ss_i -lt 200 ]; do
			_ss_i=$((_ss_i + 1))
			if ! kill -0 "$_ss_pid" 2>/dev/null; then
				break	# could not listen: another port
			fi
			if grep -q '^luoshi: serving' "$_ss_log" &&
			    [ "$(curl -s -o /dev/null -w '%{http_code}' \
				--max-time 2 \
				"http://127.0.0.1:$_ss_port/healthz")" = 200 ]
			then
				PORT=$_ss_port
				BASE="http://127.0.0.1:$PORT"
				SERVER_PID=$_ss_pid
				SERVER_LOG=$_ss_log
				SERVERS="$SERVERS $_ss_pid:$_ss_log"
				ok
				return 0
			fi
			sleep 0.05
		done
		if kill -0 "$_ss_pid" 2>/dev/null; then
			kill -TERM "$_ss_pid"
			wait "$_ss_pid"
			bad "server on port $_ss_port never answered /healthz"
			sed 's/^/  server: /' "$_ss_log" | head -20 >&2
			return 1
		fi
		wait "$_ss_pid" 2>/dev/null
		case $(cat "$_ss_log") in
		*"cannot listen"*) ;;	# taken meanwhile: try another
		*)
			bad "server did not start"
			sed 's/^/  server: /' "$_ss_log" | head -20 >&2
			return 1
			;;
		esac
	done
	bad "no free port found"
	return 1
}

# sanitizer_check LOG DESC: counts a failure for a sanitizer report.
sanitizer_check() {
	if grep -q -e 'ERROR: AddressSanitizer' -e 'runtime error:' \
	    -e 'LeakSanitizer' "$1"; then
		bad "$2: sanitizer report in the server log"
		grep -A12 -e 'ERROR: AddressSanitizer' -e 'runtime error:' \
			-e 'LeakSanitizer' "$1" | head -30 | sed 's/^/  /' >&2
	else
		ok
	fi
}

# server_stop [PID]: SIGTERM, waits, checks the exit status is 0 (graceful
# shutdown), that the log says so and has no sanitizer report. Stops the
# current server without an argument.
server_stop() {
	_st_pid=${1:-$SERVER_PID}
	_st_log=""
	_st_rest=""
	for _st_s in $SERVERS; do
		if [ "${_st_s%%:*}" = "$_st_pid" ]; then
			_st_log=${_st_s#*:}
		else
			_st_rest="$_st_rest $_st_s"
		fi
	done
	[ -n "$_st_log" ] || { bad "server_stop: no server $_st_pid"; return; }
	SERVERS=$_st_rest
	kill -TERM "$_st_pid"
	_st_i=0	# 20 s to finish, then SIGKILL rather than hang the suite
	while kill -0 "$_st_pid" 2>/dev/null && [ $_st_i -lt 400 ]; do
		sleep 0.05
		_st_i=$((_st_i + 1))
	done
	if kill -0 "$_st_pid" 2>/dev/null; then
		bad "server $_st_pid still running 20 s after SIGTERM"
		kill -KILL "$_st_pid"
	fi
	wait "$_st_pid"
	_st_rc=$?
	if [ "$_st_rc" -eq 0 ]; then ok; else
		bad "server $_st_pid exited $_st_rc after SIGTERM, want 0"
		tail -20 "$_st_log" | sed 's/^/  server: /' >&2
	fi
	if grep -q '^luoshi: stopped' "$_st_log"; then ok; else
		bad "server $_st_pid: no 'luoshi: stopped' in its log"
	fi
	sanitizer_check "$_st_log" "server $_st_pid"
	[ "$_st_pid" = "$SERVER_PID" ] && SERVER_PID=""
	return 0
}

# server_kill PID: kill -9, as when a machine dies: no shutdown, no
# lease given back. Forgets the server (api_done will not stop it) after
# checking its log has no sanitizer report.
server_kill() {
	_k_rest=""
	_k_log=""
	for _k_s in $SERVERS; do
		if [ "${_k_s%%:*}" = "$1" ]; then
			_k_log=${_k_s#*:}
		else
			_k_rest="$_k_rest $_k_s"
		fi
	done
	[ -n "$_k_log" ] || { bad "server_kill: no server $1"; return; }
	SERVERS=$_k_rest
	kill -KILL "$1"
	wait "$1" 2>/dev/null
	sanitizer_check "$_k_log" "server $1 (killed)"
	[ "$1" = "$SERVER_PID" ] && SERVER_PID=""
	return 0
}

# api_done: stops the servers still running and prints the counts.
api_done() {
	for _d_s in $SERVERS; do
		server_stop "${_d_s%%:*}"
	done
	done_testing
}

# api METHOD PATH [CURL ARGS...]: one request to the current server with
# no credentials but those in the arguments. Sets STATUS (000 when no
# answer), BODY (also in OUT, for jq_is) and the headers in $HDRS.
api() {
	_a_m=$1
	_a_p=$2
	shift 2
	: >"$HDRS"
	: >"$BODYF"
	STATUS=$(curl -s -g --max-time "$CURL_MAX" -X "$_a_m" -D "$HDRS" \
		-o "$BODYF" -w '%{http_code}' "$@" "$BASE$_a_p")
	BODY=$(cat "$BODYF")
	OUT=$BODY
	ERR=""
}

# api_as LOGIN METHOD PATH [CURL ARGS...]: the same with LOGIN's token.
api_as() {
	_as_l=$1
	shift
	_as_m=$1
	_as_p=$2
	shift 2
	api "$_as_m" "$_as_p" -H "Authorization: Bearer $(tok "$_as_l")" "$@"
}

# apij LOGIN METHOD PATH JSON [CURL ARGS...]: a JSON body with LOGIN's
# token.
apij() {
	_j_l=$1
	_j_m=$2
	_j_p=$3
	_j_b=$4
	shift 4
	api_as "$_j_l" "$_j_m" "$_j_p" -H 'Content-Type: application/json' \
		--data-binary "$_j_b" "$@"
}

# header NAME: the value of response header NAME of the last request
# (the last one when repeated), without the CR.
header() {
	tr -d '\r' <"$HDRS" | grep -i "^$1:" | tail -1 | sed 's/^[^:]*: *//'
}

# has_header NAME DESC: the last response has header NAME.
has_header() {
	if tr -d '\r' <"$HDRS" | grep -qi "^$1:"; then ok; else
		bad "$2: no $1 header"
	fi
}

# expect_header NAME VALUE DESC: header NAME of the last response is VALUE.
expect_header() {
	expect_eq "$(header "$1")" "$2" "$3: header $1"
}

# expect_status N DESC: the last status is N.
expect_status() {
	if [ "$STATUS" = "$1" ]; then ok; else
		bad "$2: status $STATUS, want $1 (body: $(printf '%s' \
"$BODY" | cut -c1-300))"
	fi
}

# expect_error STATUS CODE FIELD DESC: the last response is that error,
# with exactly the keys {"error":{"code","message","field"}}, a message,
# and the JSON content type.
expect_error() {
	expect_status "$1" "$4"
	_e_got=$(printf '%s' "$BODY" | jq -c '[keys_unsorted,
		(.error | keys_unsorted)]' 2>&1)
	expect_eq "$_e_got" '[["error"],["code","message","field"]]' \
		"$4: error shape"
	jq_is .error.code "$2" "$4: error code"
	jq_is .error.field "$3" "$4: error field"
	jq_is '.error.message | length > 0' true "$4: error message"
	case $(header Content-Type) in
	application/json*) ok ;;
	*) bad "$4: Content-Type '$(header Content-Type)'" ;;
	esac
}

# TASK_KEYS: the task object's keys in SPEC §9 order.
TASK_KEYS='["id","title","description","lead","co","owner","leader","goal_id","source","important","key","daily","start","due","percent","status","light","quadrant","created_at","acked_at","closed_at","version"]'

# expect_task DESC: the last body is a task object with SPEC §9's keys in
# that order.
expect_task() {
	expect_eq "$(printf '%s' "$BODY" | jq -c 'keys_unsorted' 2>&1)" \
		"$TASK_KEYS" "$1: task keys in order"
}

# body_ids: the ids of the JSON array in the last body, joined by ','.
body_ids() {
	printf '%s' "$BODY" | jq -r '[.[].id] | map(tostring) | join(",")' \
		2>&1
}

# expect_body_ids WANT DESC
expect_body_ids() {
	expect_eq "$(body_ids)" "$1" "$2: ids"
}

# cli_ids ARGS...: the ids of `luoshi --json ARGS` joined by ',' (its
# stderr, if any, goes to ours).
cli_ids() {
	"$LUOSHI_BIN" --json "$@" 2>"$TMP/cli_ids.err" |
		jq -r '[.[].id] | map(tostring) | join(",")'
	[ -s "$TMP/cli_ids.err" ] && sed 's/^/  cli_ids: /' \
		"$TMP/cli_ids.err" >&2
	return 0
}

# db_dump: the database as SQL text (the sqlite3 CLI reads the WAL too;
# on PostgreSQL, pg_dump's data: rows in their stored order, and the
# sequences, which a refused request must not advance either).
db_dump() {
	if [ -n "${LUOSHI_TEST_PG_URL:-}" ]; then
		# (its warning about the goals' circular key is no concern;
		# \restrict lines carry a new random key each time)
		pg_dump --data-only --no-owner "$LUOSHI_TEST_PG_URL" \
			2>"$TMP/pg_dump.err" | grep -v '^\\\(un\)\{0,1\}restrict '
		[ ! -s "$TMP/pg_dump.err" ] ||
			grep -v '^pg_dump: \(warning\|detail\|hint\)' \
				"$TMP/pg_dump.err" >&2
	else
		sqlite3 "$LUOSHI_DB" .dump
	fi
}

# db_sql SQL [PG_SQL]: runs SQL on the suite's database, by the sqlite3
# CLI or by psql on PostgreSQL (PG_SQL there, when the two must differ:
# how a number is printed), one row a line with columns joined by '|'.
# For what no command shows (stored versions, revisions) and for
# tampering; SQL both backends accept needs no PG_SQL.
db_sql() {
	if [ -n "${LUOSHI_TEST_PG_URL:-}" ]; then
		psql -X -q -A -t -v ON_ERROR_STOP=1 -c "${2:-$1}" \
			"$LUOSHI_TEST_PG_URL"
	else
		sqlite3 "$LUOSHI_DB" "$1"
	fi
}

# files_dir: where the server keeps evidence files (LUOSHI_FILES on
# PostgreSQL, beside the SQLite file otherwise).
files_dir() {
	printf '%s\n' "${LUOSHI_FILES:-$LUOSHI_DB.files}"
}
