#!/bin/sh
# backup and restore: a backup is a consistent database that verifies; a
# restore brings the live database back to it, records itself in the audit
# trail, and refuses files that are not luoshi backups (changing nothing).
. "$(dirname "$0")/lib.sh"

expect_rc 0 "init" init
expect_rc 0 "unit HRB" unit add HRB 哈尔滨市 --kind city
expect_rc 0 "task 1" task add "第一项任务" --lead HRB --due 2026-12-31
expect_rc 0 "backup" backup "$TMP/b.db"
expect_rc 2 "backup onto an existing file" backup "$TMP/b.db"
expect_err "already exists" "backup refuses to overwrite"
expect_rc 0 "task 2 after the backup" task add "第二项任务" --lead HRB \
	--due 2026-12-31
expect_rc 0 "backup verifies" --db "$TMP/b.db" audit verify
expect_rc 0 "backup lists" --db "$TMP/b.db" --json task list
jq_is 'map(.title) | join(",")' "第一项任务" "backup holds only task 1"

expect_rc 2 "restore of a non-luoshi file" restore /etc/hostname
expect_err "is not a luoshi backup" "restore names the file"
expect_rc 0 "still two tasks" --json task list
jq_is 'length' 2 "a refused restore changed nothing"

expect_rc 0 "add a staff user" user add li --name 李 --unit HRB --role staff
expect_rc 4 "staff may not restore" --as li restore "$TMP/b.db"
expect_rc 0 "restore" restore "$TMP/b.db"
expect_out "restored from $TMP/b.db" "restore says so"
expect_rc 0 "after restore" --json task list
jq_is 'map(.id) | join(",")' 1 "restored database holds task 1 only"
expect_rc 0 "verify after restore" audit verify
expect_rc 0 "audit log" --json audit log
jq_is '.[-1].action' restore "the restore is the last audit entry"
expect_rc 3 "user li is gone with the restore" --as li task list

done_testing
