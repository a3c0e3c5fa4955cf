#!/bin/sh
# Every exit status of SPEC §7: 0 ok, 1 failure, 2 bad usage or invalid
# value, 3 not found, 4 forbidden, 5 conflict; errors on stderr as
# "luoshi: error: <message>" naming the value; a rejected command changes
# nothing (the audit trail and the tasks stay as they were).
. "$(dirname "$0")/lib.sh"

# snapshot: remembers the audit length and the task list;
# unchanged DESC: checks both are still the same.
snapshot() {
	SNAP_AUDIT=$(audit_count)
	SNAP_TASKS=$("$LUOSHI_BIN" --json task list 2>/dev/null)
}
unchanged() {
	expect_eq "$(audit_count)" "$SNAP_AUDIT" "$1: audit trail unchanged"
	expect_eq "$("$LUOSHI_BIN" --json task list 2>/dev/null)" \
		"$SNAP_TASKS" "$1: tasks unchanged"
}

# --- 1: failures before a database exists ------------------------------
expect_fail 1 "database missing" task list
expect_err "does not exist" "missing database explained"
expect_err "$LUOSHI_DB" "missing database named"
if [ ! -e "$LUOSHI_DB" ]; then ok; else bad "a failed command created the db"; fi
: >"$TMP/empty.db"
expect_fail 1 "database not initialised" --db "$TMP/empty.db" task list
expect_err "not initialised" "uninitialised database explained"
expect_fail 1 "--db pointing at a directory" --db "$TMP" task list

# --- 0 ------------------------------------------------------------------
expect_ok "--help" --help
expect_contains "Exit status" "--help lists exit statuses"
expect_ok "task --help" task --help
expect_contains "usage: luoshi task add" "task usage"
expect_ok "task add --help" task add --help
expect_ok "init" init
expect_ok "unit HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "unit HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "unit HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
expect_ok "staff" user add li --name 李四 --unit HRB-DL --role staff
expect_ok "viewer" user add kan --name 看看 --unit HRB-DL --role viewer
expect_ok "leader" user add lead --name 区长 --unit HRB-DL --role leader
expect_ok "task 1" task add "修路" --lead HRB-DL --due 2026-12-20 --owner li
expect_ok "task 2" task add "植树" --lead HRB-DL --due 2026-12-24
expect_ok "ack 2" task ack 2
expect_ok "audit verify" audit verify
expect_contains "intact" "verify says intact"
snapshot

# --- 5: init twice ------------------------------------------------------
expect_fail 5 "init twice" init
expect_err "already initialised" "init twice explained"
unchanged "init twice"

# --- 2: bad usage --------------------------------------------------------
expect_rc 2 "no command"
expect_err "usage: luoshi" "no command prints the usage"
expect_fail 2 "unknown command" frobnicate
expect_err "unknown command 'frobnicate'" "unknown command named"
expect_fail 2 "unknown global option" --frob task list
expect_err "'--frob'" "unknown global option named"
expect_fail 2 "unknown subcommand" task frob
expect_err "'frob'" "unknown subcommand named"
expect_fail 2 "missing subcommand" task
expect_fail 2 "unknown option" task list --colour
expect_err "unknown option '--colour'" "unknown option named"
expect_fail 2 "missing option value" task add x --lead
expect_err "missing value for '--lead'" "missing value named"
expect_fail 2 "missing positional" task show
expect_fail 2 "extra positional" task show 1 2
expect_fail 2 "invalid task id" task show abc
expect_err "'abc'" "invalid id named"
expect_fail 2 "invalid --due" task add "x" --lead HRB-DL --due 2026-13-40
expect_err "invalid date '2026-13-40' for --due" "date message names value and option"
expect_fail 2 "invalid --due 02-30" task add "x" --lead HRB-DL --due 2026-02-30
expect_err "'2026-02-30'" "Feb 30 named"
expect_fail 2 "invalid --start" task add "x" --lead HRB-DL --due 2026-12-01 \
	--start 26-11-01
expect_err "invalid date '26-11-01' for --start" "start date named"
expect_fail 2 "start after due" task add "x" --lead HRB-DL --due 2026-12-01 \
	--start 2026-12-05
expect_err "2026-12-05" "start after due names the start"
expect_fail 2 "no due" task add "x" --lead HRB-DL
expect_err "--due" "missing due explained"
expect_fail 2 "two dues" task add "x" --lead HRB-DL --due 2026-12-01 --daily
expect_fail 2 "no lead" task add "x" --due 2026-12-01
expect_err "--lead" "missing lead named"
expect_fail 2 "empty title" task add "" --lead HRB-DL --due 2026-12-01
expect_err "title" "empty title named"
expect_fail 2 "bad --within" task add "x" --lead HRB-DL --within 5x
expect_err "invalid value '5x' for --within" "within named"
expect_fail 2 "co = lead" task add "x" --lead HRB-DL --due 2026-12-01 --co HRB-DL
expect_err "HRB-DL" "co = lead named"
expect_fail 2 "percent 101" task report 1 --percent 101
expect_err "invalid value '101' for --percent" "percent 101 named"
expect_fail 2 "percent -1" task report 1 --percent -1
expect_fail 2 "percent abc" task report 1 --percent abc
expect_err "'abc' for --percent" "percent abc named"
expect_fail 2 "percent missing" task report 1
expect_err "--percent" "missing percent named"
expect_fail 2 "bad role" user add zz --name Z --unit HRB --role boss
expect_err "invalid role 'boss' for --role" "role named"
expect_fail 2 "bad unit code (space)" unit add "HRB DL" 道里
expect_err "invalid unit code 'HRB DL'" "unit code named"
expect_fail 2 "bad unit code (Chinese)" unit add 城市 城市
expect_err "'城市'" "Chinese code named"
expect_fail 2 "bad login" user add "a b" --name Z --unit HRB --role staff
expect_err "'a b'" "login named"
expect_fail 2 "bad --today" --today 2026-11-31 task list
expect_err "invalid date '2026-11-31' for --today" "--today named"
export LUOSHI_TODAY=2026-99-01
expect_fail 2 "bad LUOSHI_TODAY" task list
expect_err "'2026-99-01'" "LUOSHI_TODAY value named"
export LUOSHI_TODAY=2026-11-26
expect_fail 2 "bad --limit" --limit 0 task list
expect_err "'0' for --limit" "--limit named"
expect_fail 2 "bad --light" task list --light purple
expect_err "'purple'" "light named"
expect_fail 2 "bad --status" task list --status finished
expect_err "'finished'" "status named"
expect_fail 2 "bad --quadrant" task list --quadrant Q5
expect_fail 2 "bad setting value" settings set warn_days abc
expect_err "'abc'" "setting value named"
expect_fail 2 "unknown setting" settings set colour 3
expect_fail 2 "extend without --to" task extend 1 --reason x
expect_fail 2 "bad --to" task extend 1 --to 2026-12-32 --reason x
expect_err "invalid date '2026-12-32' for --to" "--to named"
expect_fail 2 "bad --if-version" task ack 1 --if-version x
unchanged "bad usage"

# --- 3: not found --------------------------------------------------------
expect_fail 3 "unknown task" task show 999
expect_err "task '999' not found" "task id named"
expect_fail 3 "act on unknown task" task ack 999
expect_fail 3 "unknown lead unit" task add "x" --lead HRB-XX --due 2026-12-01
expect_err "unit 'HRB-XX' not found" "unit named"
expect_fail 3 "unknown co unit" task add "x" --lead HRB-DL --due 2026-12-01 \
	--co HRB-NG,HRB-XX
expect_err "'HRB-XX'" "co unit named"
expect_fail 3 "unknown owner" task add "x" --lead HRB-DL --due 2026-12-01 \
	--owner nobody
expect_err "'nobody'" "owner named"
expect_fail 3 "unknown goal" task add "x" --lead HRB-DL --due 2026-12-01 --goal 7
expect_fail 3 "unknown parent unit" unit add HRB-XQ 新区 --parent HRB-XX
expect_fail 3 "user in unknown unit" user add zz --name Z --unit HRB-XX --role staff
expect_fail 3 "list by unknown unit" task list --unit HRB-XX
expect_eq "$OUT" "" "no table header before a not-found error"
expect_fail 3 "board of unknown unit" board --unit HRB-XX
expect_fail 3 "unknown --as user" --as nobody task list
expect_err "user 'nobody' not found" "--as user named"
expect_fail 3 "unknown milestone" milestone done 5
expect_fail 3 "milestone on unknown task" milestone add 999 m --due 2026-12-01
unchanged "not found"

# --- 4: forbidden --------------------------------------------------------
expect_fail 4 "staff task add" --as li task add "x" --lead HRB-DL --due 2026-12-01
expect_err "li" "forbidden names the user"
expect_fail 4 "staff unit add" --as li unit add HRB-DL-02 二街 --parent HRB-DL
expect_fail 4 "staff user add" --as li user add zz --name Z --unit HRB-DL --role staff
expect_fail 4 "staff close" --as li task close 2
expect_fail 4 "staff reject" --as li task reject 2 --reason x
expect_fail 4 "staff cancel" --as li task cancel 1 --reason x
expect_fail 4 "staff extend" --as li task extend 1 --to 2027-01-01 --reason x
expect_fail 4 "viewer ack" --as kan task ack 1
expect_fail 4 "viewer report" --as kan task report 1 --percent 5
expect_fail 4 "viewer milestone" --as kan milestone add 1 m --due 2026-12-01
expect_fail 4 "leader urge" --as lead task urge 1 --note x
expect_fail 4 "leader settings" --as lead settings set warn_days 5
expect_fail 4 "leader audit log" --as lead audit log
expect_fail 4 "leader calendar" --as lead calendar workday 2026-12-05
expect_fail 4 "leader backup" --as lead backup "$TMP/b.db"
if [ ! -e "$TMP/b.db" ]; then ok; else bad "forbidden backup wrote a file"; fi
unchanged "forbidden"

# --- 5: conflicts --------------------------------------------------------
expect_fail 5 "close an open task" task close 1
expect_err "cannot close a task whose status is 'open'" "conflict explained"
expect_fail 5 "submit an open task" task submit 1
expect_fail 5 "ack twice" task ack 2
expect_fail 5 "duplicate unit" unit add HRB-DL 道里区
expect_err "'HRB-DL'" "duplicate unit named"
expect_fail 5 "duplicate user" user add li --name 李四 --unit HRB-DL --role staff
expect_fail 5 "stale --if-version" --as li task ack 1 --if-version 2
expect_err "version" "stale version explained"
unchanged "conflicts"
expect_ok "show after stale" --json task show 1
jq_is .status open "stale ack did not happen"
jq_is .version 1 "version still 1"
expect_ok "fresh --if-version" --json --as li task ack 1 --if-version 1
jq_is .version 2 "ack with the right version"
expect_fail 5 "stale again" --as li task report 1 --percent 50 --if-version 1
expect_ok "show after second stale" --json task show 1
jq_is .percent 0 "stale report did not happen"
jq_is .version 2 "version still 2"

# goals and indicators: every change raises the version; a stale
# --if-version changes nothing (no value, no history, no audit entry)
expect_ok "goal" goal add 经济发展 --unit HRB --year 2026
expect_ok "indicator" indicator add 1 产值 --measure 亿元 --baseline 1 \
	--target 2
expect_fail 2 "bad --if-version for goal weight" goal weight 1 --weight 2 \
	--if-version 0
expect_fail 2 "--if-version is no option of goal add" goal add x \
	--unit HRB --year 2026 --if-version 1
expect_ok "goal weight at version 1" goal weight 1 --weight 2 --if-version 1
expect_ok "indicator plan at version 1" indicator plan 1 --period 2026-10 \
	--value 1.5 --if-version 1
expect_ok "indicator report, no check" indicator report 1 --period 2026-10 \
	--value 1.2
snapshot
REV=$(sqlite3 "$LUOSHI_DB" "SELECT count(*) FROM revisions")
expect_fail 5 "stale goal weight" goal weight 1 --weight 3 --if-version 1
expect_err "goal 1 has version 2, not 1" "stale goal explained"
expect_fail 5 "stale indicator update" indicator update 1 --target 3 \
	--if-version 2
expect_err "indicator 1 has version 3, not 2" "stale indicator explained"
expect_fail 5 "stale indicator report" indicator report 1 \
	--period 2026-11 --value 1.9 --if-version 2
unchanged "stale goal and indicator changes"
expect_eq "$(sqlite3 "$LUOSHI_DB" "SELECT count(*) FROM revisions")" "$REV" \
	"no history for the stale changes"
expect_eq "$(sqlite3 "$LUOSHI_DB" "SELECT g.version || ' ' || g.weight ||
	' ' || i.version || ' ' || i.target || ' ' || (SELECT count(*) FROM
	indicator_values) FROM goals g, indicators i")" "2 2.0 3 2.0 1" \
	"versions, weight, target and values unchanged"
expect_ok "indicator update at version 3" --json indicator update 1 \
	--target 3 --if-version 3
expect_ok "the tree" --json goal show 1
jq_is '.indicators[0] | "\(.version) \(.target)"' '4 3' \
	"the update made version 4"

# --- 1: I/O and a tampered audit trail ------------------------------------
expect_fail 1 "backup into a missing directory" backup "$TMP/no/such/dir.db"
expect_ok "verify before tampering" audit verify
sqlite3 "$LUOSHI_DB" "UPDATE audit SET actor = 'mallory' WHERE id = 3"
expect_fail 1 "audit verify on a tampered db" audit verify
expect_err "entry 3" "tampered entry named"

done_testing
