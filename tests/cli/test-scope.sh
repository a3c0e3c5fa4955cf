#!/bin/sh
# Data scope and roles (SPEC §1) through --as: a user sees their unit and
# every unit below it, plus the tasks they own; anything else answers
# "not found" (exit 3), never "forbidden"; role checks inside the scope
# answer 4.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
expect_ok "HRB-DL-01" unit add HRB-DL-01 新阳路街道 --parent HRB-DL --kind street
expect_ok "sup" user add sup --name 督查室 --unit HRB --role supervisor
expect_ok "dl" user add dl --name 道里区长 --unit HRB-DL --role leader
expect_ok "ng" user add ng --name 南岗干事 --unit HRB-NG --role staff
expect_ok "kan" user add kan --name 道里只读 --unit HRB-DL --role viewer

due="--due 2026-12-20"
expect_ok "t1 led HRB-DL" task add "t1" --lead HRB-DL $due
expect_ok "t2 led HRB-DL-01" task add "t2" --lead HRB-DL-01 $due
expect_ok "t3 led HRB-NG" task add "t3" --lead HRB-NG $due
expect_ok "t4 HRB-NG co HRB-DL" task add "t4" --lead HRB-NG --co HRB-DL $due
expect_ok "t5 HRB-NG owned by dl" task add "t5" --lead HRB-NG --owner dl $due
expect_ok "t6 led HRB" task add "t6" --lead HRB $due
expect_ok "t7 HRB-DL-01 owned by ng" task add "t7" --lead HRB-DL-01 --owner ng $due
expect_ok "t8 HRB-NG co HRB-DL-01" task add "t8" --lead HRB-NG --co HRB-DL-01 $due
expect_out "8" "eight tasks"

# --- task list ------------------------------------------------------------
expect_ids "1,2,3,4,5,6,7,8" "admin sees all" task list
expect_ids "1,2,3,4,5,6,7,8" "supervisor at the root sees all" --as sup task list
expect_ids "1,2,4,5,7,8" "leader: subtree, co-units, owned" --as dl task list
expect_ids "3,4,5,7,8" "staff: own unit and owned" --as ng task list
expect_ids "1,2,4,7,8" "viewer: subtree and co-units only" --as kan task list
expect_ids "2,7" "leader filters a unit below" --as dl task list --unit HRB-DL-01
expect_ids "1,2,7" "--unit is the lead's subtree" --as dl task list --unit HRB-DL
expect_fail 3 "--unit outside scope" --as dl task list --unit HRB-NG
expect_err "unit 'HRB-NG' not found" "out-of-scope unit is not found"
expect_ids "3,4,5,8" "staff filters own unit" --as ng task list --unit HRB-NG
expect_ids "1,2,4,5,7,8" "next keeps the scope" --as dl next
expect_ids "3,4,5,7,8" "next keeps the staff scope" --as ng next
expect_ids "5" "owner filter" --as dl task list --owner dl

# --- task show -------------------------------------------------------------
for pair in dl:3 dl:6 ng:1 ng:2 ng:6 kan:3 kan:5 kan:6; do
	u=${pair%:*}
	t=${pair#*:}
	expect_fail 3 "$u shows out-of-scope task $t" --as "$u" task show "$t"
	expect_err "task '$t' not found" "$u/$t answers not found"
done
for pair in dl:4 dl:5 dl:8 ng:7 ng:4 kan:7 kan:8 sup:6; do
	u=${pair%:*}
	t=${pair#*:}
	expect_ok "$u shows in-scope task $t" --as "$u" --json task show "$t"
	jq_is .id "$t" "$u sees task $t"
done

# --- out of scope beats forbidden -------------------------------------------
expect_fail 3 "viewer acks out of scope" --as kan task ack 3
expect_fail 3 "staff closes out of scope" --as ng task close 1
expect_fail 3 "staff reports out of scope" --as ng task report 2 --percent 5
expect_fail 3 "leader cancels out of scope" --as dl task cancel 3 --reason x
expect_fail 3 "leader adds a task to another district" \
	--as dl task add "x" --lead HRB-NG $due
expect_fail 3 "leader adds a task to the city" --as dl task add "x" --lead HRB $due
expect_fail 3 "leader assigns an owner outside its scope" \
	--as dl task add "x" --lead HRB-DL --owner ng $due
expect_err "user 'ng' not found" "out-of-scope owner is not found"
expect_fail 3 "leader names a leader outside its scope" \
	--as dl task add "x" --lead HRB-DL --leader sup $due
expect_fail 3 "milestone of an out-of-scope task" --as dl milestone add 3 m \
	--due 2026-12-01

# --- role checks inside the scope ---------------------------------------------
expect_fail 4 "staff may not add tasks" --as ng task add "x" --lead HRB-NG $due
expect_fail 4 "viewer may not ack" --as kan task ack 1
expect_fail 4 "viewer may not report" --as kan task report 2 --percent 5
expect_fail 4 "leader may not cancel" --as dl task cancel 1 --reason x
expect_fail 4 "leader may not extend" --as dl task extend 1 --to 2027-01-01 \
	--reason x
expect_fail 4 "staff may not close" --as ng task close 3
expect_fail 4 "staff may not add units" --as ng unit add HRB-NG-01 街道 \
	--parent HRB-NG
expect_fail 4 "viewer may not add milestones" --as kan milestone add 1 m \
	--due 2026-12-01
expect_ok "supervisor assigns an owner anywhere below" --as sup task add \
	"t9" --lead HRB-DL --owner ng $due
expect_out "9" "supervisor's task id"
expect_ok "supervisor cancels it" --as sup task cancel 9 --reason x
expect_ok "leader assigns within the subtree" --as dl task add "t10" \
	--lead HRB-DL-01 --owner kan $due
expect_out "10" "leader's task id"
expect_ok "staff acks the task it owns in another unit" --as ng task ack 7
expect_ok "staff acks its unit's task" --as ng task ack 3
expect_ok "staff submits" --as ng task submit 3
expect_fail 3 "other district's leader cannot close it" --as dl task close 3
expect_ok "supervisor closes" --as sup task close 3
expect_ok "co-unit leader works on a co-led task" --as dl task ack 4
expect_ok "the owning leader works on a task of another unit" --as dl task ack 5
expect_ok "leader acks in subtree" --as dl task ack 1
expect_ok "leader submits" --as dl task submit 1
expect_ok "leader approves its unit's task" --as dl task close 1

# --- board -------------------------------------------------------------------
# expect_board WANT DESC ARGS...: the board's unit codes, in order.
expect_board() {
	_eb_want=$1
	_eb_desc=$2
	shift 2
	expect_ok "$_eb_desc" --json "$@"
	jq_is '[.[].unit] | join(",")' "$_eb_want" "$_eb_desc"
}
expect_board "HRB,HRB-DL,HRB-DL-01,HRB-NG" "admin board rows" board
expect_board "HRB,HRB-DL,HRB-DL-01,HRB-NG" "supervisor board rows" \
	--as sup board
expect_board "HRB-DL,HRB-DL-01" "leader board rows" --as dl board
expect_board "HRB-DL,HRB-DL-01" "viewer board rows" --as kan board
expect_board "HRB-NG" "staff board rows" --as ng board
expect_ok "leader board" --json --as dl board
jq_is '.[0] | [.unit, .green, .done] | join(" ")' "HRB-DL 0 1" \
	"HRB-DL: t1 closed on time"
jq_is '.[1] | [.unit, .green, .done] | join(" ")' "HRB-DL-01 3 0" \
	"HRB-DL-01: t2, t7, t10 green"
expect_ok "supervisor board" --json --as sup board
jq_is '.[] | select(.unit == "HRB-NG") | [.green, .done] | join(" ")' "3 1" \
	"HRB-NG: t4 t5 t8 green, t3 done"
jq_is '.[] | select(.unit == "HRB") | .green' 1 "HRB: t6"
expect_board "HRB-DL,HRB-DL-01" "board --unit narrows to a subtree" \
	--as sup board --unit HRB-DL
expect_fail 3 "board of a unit outside scope" --as dl board --unit HRB-NG

# --- units, users, goals --------------------------------------------------------
expect_ok "unit list as leader" --json --as dl unit list
jq_is '[.[].code] | join(",")' "HRB-DL,HRB-DL-01" "leader's units"
expect_ok "unit list as staff" --json --as ng unit list
jq_is '[.[].code] | join(",")' "HRB-NG" "staff's units"
expect_ok "user list as leader" --json --as dl user list
jq_is '[.[].login] | sort | join(",")' "dl,kan" "leader's users"
expect_ok "goal 1" goal add "全市目标" --unit HRB --year 2026
expect_ok "goal 2" goal add "道里目标" --unit HRB-DL --year 2026 --parent 1
expect_ok "goal 3" goal add "南岗目标" --unit HRB-NG --year 2026 --parent 1
expect_ok "goal tree as leader" --json --as dl goal tree
jq_is '[.[].id] | map(tostring) | join(",")' "2" "leader's goal tree root"
expect_ok "goal tree as admin" --json goal tree
jq_is '[.[].id] | map(tostring) | join(",")' "1" "admin's root"
jq_is '[.[0].children[].id] | map(tostring) | join(",")' "2,3" "children"
expect_fail 3 "goal of another district" --as ng goal show 2
expect_fail 3 "goal of the city" --as dl goal show 1

done_testing
