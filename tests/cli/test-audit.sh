#!/bin/sh
# The audit trail (SPEC §8): every write is logged with actor, action,
# entity, before and after, hash-chained; `audit verify` detects an edited
# entry, a deleted middle entry and a deleted last entry (tampering done
# with the sqlite3 CLI); `backup` makes a copy that verifies and holds the
# same tasks.
. "$(dirname "$0")/lib.sh"

# expect_last ACTOR ACTION ENTITY ENTITY_ID DESC: the newest audit entry.
expect_last() {
	expect_ok "$5: audit log" --json audit log
	jq_is '.[-1] | [.actor, .action, .entity, .entity_id] | join(" ")' \
		"$1 $2 $3 $4" "$5"
}
# db_copy NAME: a consistent copy of the database, printed path.
db_copy() {
	sqlite3 "$LUOSHI_DB" ".backup '$TMP/$1'" && printf '%s' "$TMP/$1"
}

expect_ok "init" init
expect_last admin init user admin "init is logged"
expect_ok "unit" unit add HRB 哈尔滨市 --kind city
expect_last admin unit.add unit HRB "unit add"
jq_is '.[-1] | [.before, .after.code, .after.name] | map(tostring) | join(" ")' \
	"null HRB 哈尔滨市" "unit add: before null, after the unit"
expect_ok "unit 2" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "user" user add li --name 李四 --unit HRB-DL --role staff
expect_last admin user.add user li "user add"
expect_ok "user 2" user add sup --name 督查 --unit HRB --role supervisor
expect_ok "task" task add "修路" --lead HRB-DL --due 2026-12-20 --owner li
expect_last admin task.add task 1 "task add"
jq_is '.[-1] | [.before, .after.title, .after.status] | map(tostring) | join(" ")' \
	"null 修路 open" "task add: after holds the task"
expect_ok "ack" --as li task ack 1
expect_last li task.ack task 1 "ack logged with the --as actor"
jq_is '.[-1] | [.before.status, .after.status, .before.version,
	.after.version] | map(tostring) | join(" ")' "open doing 1 2" \
	"ack: before and after"
expect_ok "report" --as li task report 1 --percent 30 --note 进展
expect_last li task.report task 1 "report"
jq_is '.[-1] | [.before.percent, .after.percent] | map(tostring) | join(" ")' \
	"0 30" "report: percent before and after"
expect_ok "urge" --as sup task urge 1 --note 催办
expect_last sup task.urge task 1 "urge"
expect_ok "extend" --as sup task extend 1 --to 2027-01-10 --reason 延期
expect_last sup task.extend task 1 "extend"
jq_is '.[-1] | [.before.due, .after.due] | join(" ")' "2026-12-20 2027-01-10" \
	"extend: due before and after"
expect_ok "risk" --as li task risk 1 --description 风险 --plan 预案
expect_last li task.risk task 1 "risk"
expect_ok "milestone" milestone add 1 节点 --due 2026-12-01
expect_last admin milestone.add task 1 "milestone add"
expect_ok "milestone done" --as li milestone done 1
expect_last li milestone.done task 1 "milestone done"
expect_ok "settings" settings set warn_days 5
expect_last admin settings.set settings warn_days "settings set"
jq_is '.[-1] | [.before.warn_days, .after.warn_days] | map(tostring) |
	join(" ")' "3 5" "settings: before and after"
expect_ok "calendar" calendar workday 2026-10-10 --name 调休
expect_last admin calendar.set calendar 2026-10-10 "calendar"
expect_ok "goal" goal add 目标 --unit HRB-DL --year 2026
expect_ok "goal log" --json audit log
jq_is '.[-1] | [.actor, .entity, .entity_id] | join(" ")' "admin goal 1" \
	"goal add logged"
expect_ok "indicator" indicator add 1 指标 --measure 个 --baseline 0 --target 10
expect_ok "indicator log" --json audit log
jq_is '.[-1] | [.actor, .entity] | join(" ")' "admin indicator" \
	"indicator add logged"
expect_ok "indicator report" --as li indicator report 1 --period 2026-10 \
	--value 4
expect_ok "indicator report log" --json audit log
jq_is '.[-1] | .actor' li "indicator report logged with the --as actor"
expect_ok "cancel" task add "取消" --lead HRB --due 2026-12-20
expect_ok "cancel" --as sup task cancel 2 --reason 不需要
expect_last sup task.cancel task 2 "cancel"

# --- shape and chain ---------------------------------------------------------------
expect_ok "audit log" --json audit log
n=$(printf '%s' "$OUT" | jq length)
jq_is '[.[].id] == [range(1; length + 1)]' true "ids are 1..n"
jq_is '.[0].prev' 0000000000000000000000000000000000000000000000000000000000000000 \
	"the chain starts at the genesis hash"
jq_is '[range(1; length) as $i | .[$i].prev == .[$i - 1].hash] | all' true \
	"every entry links to the previous hash"
jq_is '[.[].hash | test("^[0-9a-f]{64}$")] | all' true "SHA-256 hex hashes"
jq_is '[.[].at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$")] | all' true \
	"RFC 3339 UTC times"
jq_is '.[0] | keys_unsorted | join(",")' \
	"id,at,actor,action,entity,entity_id,before,after,prev,hash" "entry keys"
expect_ids "6,7,8,9,10,11,12,13" "filter by entity and id" \
	audit log --entity task --id 1
expect_ok "audit log text" audit log
expect_contains "li          task.ack" "text log shows actor and action"
expect_fail 4 "non-admins may not read the log" --as sup audit log
expect_fail 4 "non-admins may not verify" --as sup audit verify
expect_ok "verify" audit verify
expect_out "audit trail intact: $n entries verified" "verify passes"
expect_ok "verify --json" --json audit verify
jq_is '[.ok, .checked, .bad_id] | map(tostring) | join(" ")' "true $n null" \
	"verify --json"

# --- backup ---------------------------------------------------------------------------
expect_ok "backup" backup "$TMP/backup.db"
expect_out "backed up to $TMP/backup.db" "backup confirmation"
expect_fail 2 "backup over an existing file" backup "$TMP/backup.db"
expect_ok "backup verifies" --db "$TMP/backup.db" audit verify
expect_out "audit trail intact: $n entries verified" "backup chain intact"
tasks=$("$LUOSHI_BIN" --json task list)
expect_ok "backup tasks" --db "$TMP/backup.db" --json task list
expect_eq "$OUT" "$tasks" "backup shows the same tasks"
jq_is 'length' 2 "two tasks in the backup"

# --- tampering -----------------------------------------------------------------------
# (a) an edited after text: entry 7 is task 1's ack by li
expect_ok "entry 7 is the ack" --json audit log
jq_is '.[6] | [.id, .action, .after.status] | map(tostring) | join(" ")' \
	"7 task.ack doing" "entry 7"
a=$(db_copy edited.db)
sqlite3 "$a" "UPDATE audit SET after = replace(after, '\"doing\"', '\"done\"')
	WHERE id = 7"
expect_ok "the edit took" --db "$a" --json audit log
jq_is '.[6].after.status' done "entry 7 now says done"
expect_fail 1 "edited entry" --db "$a" audit verify
expect_err "entry 7" "edited entry named"
expect_rc 1 "verify --json on tampered exits 1" --db "$a" --json audit verify
jq_is '[.ok, .bad_id] | map(tostring) | join(" ")' "false 7" \
	"verify --json names the entry"
# an edited actor, on another copy
a=$(db_copy actor.db)
sqlite3 "$a" "UPDATE audit SET actor = 'admin' WHERE id = 8"
expect_fail 1 "edited actor" --db "$a" audit verify
expect_err "entry 8" "edited actor named"
# (b) a deleted middle entry
a=$(db_copy middle.db)
sqlite3 "$a" "DELETE FROM audit WHERE id = 9"
expect_fail 1 "deleted middle entry" --db "$a" audit verify
expect_err "entry 9" "deleted entry named"
# (c) the last entry deleted
a=$(db_copy last.db)
sqlite3 "$a" "DELETE FROM audit WHERE id = $n"
expect_fail 1 "deleted last entry" --db "$a" audit verify
expect_err "$n" "deleted last entry named"
# an edited hash, and a forged link
a=$(db_copy hash.db)
sqlite3 "$a" "UPDATE audit SET hash = '$(printf '%064d' 0)' WHERE id = 4"
expect_fail 1 "edited hash" --db "$a" audit verify
expect_err "entry" "edited hash detected"
# the original is untouched
expect_ok "original still verifies" audit verify

done_testing
