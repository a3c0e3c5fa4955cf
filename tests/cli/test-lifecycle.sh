#!/bin/sh
# A task through its whole life (SPEC §3): add → ack → report (with an
# evidence file) → submit → reject → report → submit → close → reopen →
# submit → close; cancel; urge, instruct, extend, risk, milestones; the
# text of `task show`; versions; every illegal transition exits 5.
. "$(dirname "$0")/lib.sh"

# --- set-up -----------------------------------------------------------
expect_ok "init" init
expect_contains "initialised" "init says so"
expect_ok "unit HRB" unit add HRB 哈尔滨市 --kind city
expect_out "HRB" "unit add prints the code"
expect_ok "unit HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "user sup" user add sup --name 督查员 --unit HRB --role supervisor
expect_out "sup" "user add prints the login"
expect_ok "user lead" user add lead --name 区长 --unit HRB-DL --role leader
expect_ok "user li" user add li --name 李四 --unit HRB-DL --role staff

# --- add --------------------------------------------------------------
expect_ok "task add" task add "整治背街小巷" --lead HRB-DL --due 2026-12-20 \
	--owner li --leader lead --source 会议 --important \
	--description "三条小巷"
expect_out "1" "task add prints the new id"
expect_ok "task show 1" --json task show 1
jq_is .status open "new task is open"
jq_is .version 1 "new task has version 1"
jq_is .percent 0 "new task at 0%"
jq_is .created_at 2026-11-26T00:00:00Z "created at the reference day"
jq_is .acked_at null "not acknowledged yet"

# --- ack --------------------------------------------------------------
expect_ok "ack" --as li task ack 1
expect_out "task 1 acknowledged: doing, 0%, due 2026-12-20 (version 2)" \
	"ack confirmation"
expect_ok "show after ack" --json task show 1
jq_is .status doing "ack → doing"
jq_is .version 2 "ack bumps the version"
jq_is .acked_at 2026-11-26T00:00:00Z "acked_at set"

# --- report with evidence ---------------------------------------------
printf 'photo of the cleaned lane\n' >"$TMP/现场.jpg"
sha=$(sha256sum "$TMP/现场.jpg" | cut -c1-64)
expect_ok "report 40%" --json --as li task report 1 --percent 40 \
	--note "完成一半" --evidence "$TMP/现场.jpg"
jq_is .status doing "report keeps doing"
jq_is .percent 40 "report sets percent"
jq_is .version 3 "report bumps the version"
stored="${LUOSHI_FILES:-$LUOSHI_DB.files}/$(printf '%s' "$sha" | cut -c1-2)/$sha"
if [ -f "$stored" ] && cmp -s "$stored" "$TMP/现场.jpg"; then ok; else
	bad "evidence not stored as $stored"
fi
expect_ok "show text" task show 1
expect_contains "  2026-11-26T00:00:00Z  li  40%  完成一半" "report line"
expect_contains "report 1: 现场.jpg (26 bytes, sha256 $(printf '%s' "$sha" |
	cut -c1-12)…)" "evidence line"
expect_fail 2 "evidence file missing" --as li task report 1 --percent 50 \
	--evidence "$TMP/nope.jpg"
expect_err "nope.jpg" "missing evidence file named"
expect_ok "settings" settings set evidence_max 10
expect_fail 2 "evidence too large" --as li task report 1 --percent 50 \
	--evidence "$TMP/现场.jpg"
expect_err "too large" "too large explained"
expect_ok "settings back" settings set evidence_max 1048576
expect_ok "failed reports changed nothing" --json task show 1
jq_is '[.percent, .version] | map(tostring) | join(" ")' "40 3" \
	"a failed report is not half-done"
expect_ok "one report only" task show 1
n=$(printf '%s\n' "$OUT" | grep -c '^  2026-11-26T00:00:00Z  li  ')
expect_eq "$n" 1 "no report row left by the failed reports"

# --- urge, instruct, extend, risk while doing --------------------------
expect_ok "urge" --as sup task urge 1 --note "请加快进度"
expect_contains "task 1 urged" "urge confirmation"
expect_ok "instruct" --as lead task instruct 1 --note "务必月底完成"
expect_ok "extend" --json --as sup task extend 1 --to 2027-01-15 \
	--reason "雨雪天气"
jq_is .due 2027-01-15 "extend moves due"
jq_is .version 4 "extend bumps the version"
expect_fail 2 "extend to an earlier date" --as sup task extend 1 \
	--to 2027-01-10 --reason x
expect_err "2027-01-10" "extend error names the date"
expect_fail 2 "extend without reason" --as sup task extend 1 --to 2027-02-01
expect_ok "risk" --as li task risk 1 --description "材料涨价" \
	--plan "提前采购" --level high
expect_fail 2 "risk with a bad level" --as li task risk 1 \
	--description a --plan b --level extreme
expect_err "extreme" "bad level named"
expect_ok "show text after extend" task show 1
expect_contains "due          2027-01-15 (originally 2026-12-20)" \
	"original due stays visible"
expect_contains "2026-12-20 → 2027-01-15  by sup: 雨雪天气" "extension line"
expect_contains "[high] 材料涨价" "risk line"
expect_contains "预案/plan: 提前采购" "risk plan"

# --- submit, reject, report, submit, close ----------------------------
expect_ok "submit" --json --as li task submit 1
jq_is .status review "submit → review"
jq_is .version 5 "submit bumps the version"
expect_fail 5 "report on a review task" --as li task report 1 --percent 99
expect_err "cannot report a task whose status is 'review'" "conflict message"
expect_fail 5 "ack a review task" task ack 1
expect_fail 5 "submit a review task" task submit 1
expect_fail 5 "reopen a review task" task reopen 1 --reason x
expect_fail 2 "reject without reason" --as lead task reject 1
expect_ok "reject" --json --as lead task reject 1 --reason "材料不全"
jq_is .status doing "reject → doing"
jq_is .version 6 "reject bumps the version"
expect_ok "report 90%" --json --as li task report 1 --percent 90
jq_is .percent 90 "second report"
jq_is .version 7 "version 7"
expect_ok "submit again" --json --as li task submit 1
jq_is .version 8 "version 8"
expect_ok "close" --json --as lead task close 1
jq_is .status done "close → done"
jq_is .percent 100 "close sets 100%"
jq_is .closed_at 2026-11-26T00:00:00Z "closed_at set"
jq_is .light done "closed before due: done"
jq_is .quadrant null "no quadrant when done"
jq_is .version 9 "version 9"

# --- illegal on a done task -------------------------------------------
expect_fail 5 "ack a done task" task ack 1
expect_err "cannot ack a task whose status is 'done'" "ack conflict message"
expect_fail 5 "close a done task" task close 1
expect_fail 5 "submit a done task" task submit 1
expect_fail 5 "report on a done task" task report 1 --percent 10
expect_fail 5 "reject a done task" task reject 1 --reason x
expect_fail 5 "cancel a done task" task cancel 1 --reason x
expect_fail 5 "urge a done task" task urge 1 --note x
expect_fail 5 "extend a done task" task extend 1 --to 2027-03-01 --reason x
expect_ok "still version 9" --json task show 1
jq_is .version 9 "conflicts changed nothing"

# --- reopen, submit, close --------------------------------------------
expect_fail 2 "reopen without reason" task reopen 1
expect_ok "reopen" --json --as sup task reopen 1 --reason "复查不合格"
jq_is .status doing "reopen → doing"
jq_is .closed_at null "reopen clears closed_at"
jq_is .version 10 "version 10"
expect_ok "submit after reopen" --json --as li task submit 1
jq_is .version 11 "version 11"
expect_ok "close after reopen" --as lead task close 1
expect_out "task 1 closed: done, 100%, due 2027-01-15 (version 12)" \
	"close confirmation"

# --- timeline ---------------------------------------------------------
expect_ok "show timeline" task show 1
kinds=$(printf '%s\n' "$OUT" | sed -n '/^timeline:/,$p' | sed 1d |
	awk '{ printf "%s%s", (NR > 1 ? "," : ""), $2 }')
expect_eq "$kinds" \
	"create,ack,urge,instruct,submit,reject,submit,close,reopen,submit,close" \
	"timeline kinds in order"
by=$(printf '%s\n' "$OUT" | sed -n '/^timeline:/,$p' | sed 1d |
	awk '{ printf "%s%s", (NR > 1 ? "," : ""), $3 }')
expect_eq "$by" "admin,li,sup,lead,li,lead,li,lead,sup,li,lead" \
	"timeline actors in order"
expect_contains "#1 整治背街小巷" "show title line"
expect_contains "status       done" "show status"
expect_contains "lead         HRB-DL" "show lead"
expect_contains "owner        li" "show owner"
expect_contains "leader       lead" "show leader"
expect_contains "source       会议" "show source"
expect_contains "flags        important" "show flags"
expect_contains "version      12" "show version"
expect_contains "description  三条小巷" "show description"

# --- cancel another ---------------------------------------------------
expect_ok "task 2" task add "临时任务" --lead HRB-DL --due 2026-12-31
expect_out "2" "second id"
expect_fail 2 "cancel without reason" --as sup task cancel 2
expect_ok "cancel" --json --as sup task cancel 2 --reason "上级取消"
jq_is .status cancelled "cancel → cancelled"
jq_is .light none "cancelled: light none"
jq_is .quadrant null "cancelled: no quadrant"
jq_is .version 2 "cancel bumps the version"
expect_fail 5 "cancel a cancelled task" --as sup task cancel 2 --reason x
expect_err "cannot cancel a task whose status is 'cancelled'" \
	"cancel conflict message"
expect_fail 5 "ack a cancelled task" task ack 2
expect_fail 5 "reopen a cancelled task" task reopen 2 --reason x
expect_fail 5 "milestone on a cancelled task" milestone add 2 m --due 2026-12-01

# --- illegal on an open task; milestones -------------------------------
expect_ok "task 3" task add "编制方案" --lead HRB-DL --due 2026-12-31
expect_fail 5 "close an open task" task close 3
expect_err "cannot close a task whose status is 'open'" "close conflict"
expect_fail 5 "submit an open task" task submit 3
expect_fail 5 "reopen an open task" task reopen 3 --reason x
expect_fail 5 "reject an open task" task reject 3 --reason x
expect_ok "show task 3" --json task show 3
jq_is .status open "task 3 still open"
expect_ok "milestone add" milestone add 3 "初稿" --due 2026-12-01
expect_out "1" "milestone add prints the id"
expect_ok "milestone add 2" --json milestone add 3 "定稿" --due 2026-12-15
jq_is .id 2 "second milestone id"
jq_is .done_on null "new milestone not done"
expect_ok "milestone done" --as lead milestone done 1
expect_out "milestone 1 done" "milestone done message"
expect_fail 5 "milestone done twice" milestone done 1
expect_fail 3 "milestone unknown" milestone done 99
expect_ok "show milestones" task show 3
expect_contains "  #1 初稿  due 2026-12-01  done 2026-11-26" "done milestone"
expect_contains "  #2 定稿  due 2026-12-15  open" "open milestone"
# a report on an open task moves it to doing (first report)
expect_ok "report on open" --json --as li task report 3 --percent 10
jq_is .status doing "first report → doing"
jq_is .acked_at 2026-11-26T00:00:00Z "a report answers the task"

done_testing
