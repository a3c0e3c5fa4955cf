#!/bin/sh
# The PostgreSQL server going away under a running `luoshi serve` (issue
# 7): /healthz answers 503 {"status":"unavailable"}, every other request
# 503 with the JSON error "unavailable" (not 500) and changes nothing;
# once the database is back the server recovers by itself (each thread's
# connection is re-opened at its next statement), /healthz is 200 again
# within seconds and a write succeeds. Only meaningful on PostgreSQL:
# tests/run.sh runs it in its PostgreSQL pass alone, with the cluster of
# tests/pg.sh in LUOSHI_TEST_PG_DIR (stopped and started here by
# `pg.sh pause|resume`).
. "$(dirname "$0")/lib.sh"

if [ -z "${LUOSHI_TEST_PG_URL:-}" ] || [ -z "${LUOSHI_TEST_PG_DIR:-}" ]; then
	echo "test-pgdown: PostgreSQL only (LUOSHI_TEST_PG_URL and" \
		"LUOSHI_TEST_PG_DIR, as tests/run.sh sets them)"
	done_testing
	exit 0
fi
PG_SH="$(dirname "$0")/../pg.sh"
PAUSED=""
# never leave the shared cluster stopped for the suites after this one
trap '[ -z "$PAUSED" ] || sh "$PG_SH" resume "$LUOSHI_TEST_PG_DIR";
	_api_cleanup' EXIT

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
api_token admin
task='{"title":"修路","lead":"HRB","due":"2026-12-31"}'

server_start --no-scheduler
api GET /healthz
expect_status 200 "healthz with the database up"
expect_out '{"status":"ok"}' "healthz body"
apij admin POST /api/v1/tasks "$task"
expect_status 201 "a write with the database up"

# --- the database goes away --------------------------------------------------
if sh "$PG_SH" pause "$LUOSHI_TEST_PG_DIR"; then
	PAUSED=1
	ok
else
	bad "pg.sh pause"
fi
api GET /healthz
expect_status 503 "healthz with the database down"
expect_out '{"status":"unavailable"}' "healthz body when down"
api_as admin GET /api/v1/tasks
expect_error 503 unavailable db "a read with the database down"
jq_is '.error.message | test("^(database unavailable|cannot connect to database)")' true \
	"the read names the cause"
apij admin POST /api/v1/tasks "$task"
expect_error 503 unavailable db "a write with the database down"
api GET /healthz
expect_status 503 "healthz still 503 after failed requests"
# the CLI: exit 1 (SPEC §7) naming the database, no password in it
ls_run task list
expect_eq "$RC" 1 "the CLI with the database down: exit status"
expect_err "cannot connect to database" "the CLI names the cause"

# --- the database comes back -------------------------------------------------
if sh "$PG_SH" resume "$LUOSHI_TEST_PG_DIR"; then
	PAUSED=""
	ok
else
	bad "pg.sh resume"
fi
i=0
STATUS=000
while [ "$STATUS" != 200 ] && [ $i -lt 100 ]; do	# 5 s at most
	sleep 0.05
	i=$((i + 1))
	api GET /healthz
done
expect_status 200 "healthz once the database is back (within 5 s)"
expect_out '{"status":"ok"}' "healthz body once back"
apij admin POST /api/v1/tasks "$task"
expect_status 201 "a write once the database is back"
jq_is .id 2 "the refused write took no id"
# several requests: whichever thread (and connection) serves them
for n in 1 2 3 4 5 6; do
	api_as admin GET /api/v1/tasks
	expect_status 200 "read $n once back"
done
expect_body_ids "1,2" "the tasks once back"
expect_eq "$(cli_ids task list)" "1,2" "the CLI once back"
if grep -q 'bug:' "$SERVER_LOG"; then bad "the server log reports a bug"
else ok; fi
api_done
