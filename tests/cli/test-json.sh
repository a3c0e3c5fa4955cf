#!/bin/sh
# The JSON shapes of SPEC §9: exact key sets in order, null for absent
# values, co as an array, `add` printing the id or the object, lists as
# arrays; goal roll-up numbers computed by hand.
. "$(dirname "$0")/lib.sh"

TASK_KEYS='["id","title","description","lead","co","owner","leader","goal_id","source","important","key","daily","start","due","percent","status","light","quadrant","created_at","acked_at","closed_at","version"]'
BOARD_KEYS='["unit","name","red","yellow","green","done","late"]'
GOAL_KEYS='["id","title","unit","year","weight","progress","light","children","indicators"]'

expect_ok "init" init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" --json unit add HRB-DL 道里区 --parent HRB --kind district
jq_is 'type' object "unit add --json prints an object"
jq_is '[.code, .name, .parent, .kind] | join(" ")' "HRB-DL 道里区 HRB district" \
	"unit object"
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
expect_ok "user" --json user add li --name 李四 --unit HRB-DL --role staff
jq_is '[.login, .name, .unit, .role] | join(" ")' "li 李四 HRB-DL staff" \
	"user object"
expect_ok "leader" user add wang --name 王五 --unit HRB-DL --role leader

# --- task object -----------------------------------------------------------------
expect_ok "bare task" task add "最简单" --lead HRB-DL --due 2026-12-20
expect_out "1" "task add prints only the id"
expect_ok "bare task json" --json task show 1
jq_is 'keys_unsorted | tostring' "$TASK_KEYS" "task keys in order"
jq_is '[.description, .owner, .leader, .goal_id, .source, .start, .acked_at,
	.closed_at] | map(tostring) | join(",")' \
	"null,null,null,null,null,null,null,null" "absent values are null"
jq_is '.co | tostring' "[]" "no co-units: empty array"
jq_is '[.id, .important, .key, .daily, .co, .percent, .version, .due,
	.light, .quadrant] | map(type) | join(",")' \
	"number,boolean,boolean,boolean,array,number,number,string,string,string" \
	"value types"
jq_is '[.important, .key, .daily] | map(tostring) | join(",")' \
	"false,false,false" "flags false"

expect_ok "full task --json" --json task add "全字段" --lead HRB-DL \
	--co "HRB-NG" --owner li --leader wang --source 领导批示 --important \
	--key --start 2026-11-20 --due 2026-12-31 --description 说明
jq_is 'type' object "task add --json prints the object"
jq_is 'keys_unsorted | tostring' "$TASK_KEYS" "add --json keys in order"
jq_is '[.id, .title, .description, .lead, .owner, .leader, .source, .start,
	.due, .status, .light, .quadrant] | map(tostring) | join(" ")' \
	"2 全字段 说明 HRB-DL li wang 领导批示 2026-11-20 2026-12-31 open green Q2" \
	"full task values"
jq_is '.co | tostring' '["HRB-NG"]' "co is an array of codes"
jq_is '[.important, .key, .daily, .goal_id] | map(tostring) | join(",")' \
	"true,true,false,null" "flags and goal"
jq_is '.created_at' "2026-11-26T00:00:00Z" "created_at is RFC 3339 UTC"
expect_ok "two co-units" --json task add "两个配合" --lead HRB --co \
	"HRB-DL,HRB-NG" --due 2026-12-31
jq_is '.co | tostring' '["HRB-DL","HRB-NG"]' "two co-units"
expect_ok "daily" --json task add "当日事" --lead HRB --daily
jq_is '[.daily, .due] | map(tostring) | join(" ")' "true 2026-11-26" \
	"daily task due today"

expect_ok "action --json" --json --as li task ack 2
jq_is 'keys_unsorted | tostring' "$TASK_KEYS" "action prints the task object"
jq_is '[.status, .acked_at, .version] | map(tostring) | join(" ")' \
	"doing 2026-11-26T00:00:00Z 2" "acked task"

# --- lists are arrays of the same objects ------------------------------------------
for cmd in "task list" "next" "today"; do
	# shellcheck disable=SC2086
	expect_ok "$cmd --json" --json $cmd
	jq_is 'type' array "$cmd is an array"
	jq_is 'map(keys_unsorted == '"$TASK_KEYS"') | all' true \
		"$cmd: every element is a task object"
done
expect_ids "1,2,3,4" "task list ids" task list
expect_ids "4" "today: the daily task" today
expect_ok "empty list" --json task list --status review
expect_out "[]" "an empty list is []"
for cmd in "unit list" "user list" "audit log" "calendar list" "goal tree" \
	"board"; do
	# shellcheck disable=SC2086
	expect_ok "$cmd --json" --json $cmd
	jq_is 'type' array "$cmd is an array"
done
expect_ok "user list" --json user list
jq_is 'map(has("pwhash") or has("password")) | any' false \
	"no password hashes in user objects"

# --- board rows ---------------------------------------------------------------------
expect_ok "board" --json board
jq_is 'map(keys_unsorted == '"$BOARD_KEYS"') | all' true \
	"board row keys in order"
jq_is '[.[].unit] | join(",")' "HRB,HRB-DL,HRB-NG" "one row per unit, by code"
jq_is '.[1] | [.red, .yellow, .green, .done, .late] | map(type) | join(",")' \
	"number,number,number,number,number" "counts are numbers"

# --- goals: roll-up by hand --------------------------------------------------------------
# G1 (HRB)
#   G2 weight 3: I1 up 100 → 200, actual 150 (2026-10): 0.5;
#                I2 down 50 → 30, actual 35: (50-35)/(50-30) = 0.75;
#                progress (0.5 + 0.75) / 2 = 62.5%
#   G3 weight 2: tasks 40% (red), done (1), cancelled (ignored):
#                (0.4 + 1) / 2 = 70%; light red
#   G4 weight 2: I3 without actuals: null, ignored by G1
#   G5 weight 1: I4 up 0 → 10, actual 15: achievement 1.2, capped 1: 100%;
#                one green task at 0% → (1 + 0) / 2 = 50%
#   G1 = (3·0.625 + 2·0.7 + 1·0.5) / (3 + 2 + 1) = 3.775 / 6 = 62.9166… %
#        → 62.92; light: worst of red, done, green = red
# G6 (HRB-DL): I5 up 0 → 3, actual 1: 33.33%
expect_ok "G1" goal add "经济发展" --unit HRB --year 2026
expect_out "1" "goal add prints the id"
expect_ok "G2" --json goal add "工业" --unit HRB --year 2026 --parent 1 --weight 3
jq_is 'keys_unsorted | tostring' \
	'["id","title","parent_id","unit","year","weight"]' "goal add --json keys"
jq_is '[.id, .parent_id, .weight] | map(tostring) | join(" ")' "2 1 3" \
	"goal add --json values"
expect_ok "G3" goal add "项目" --unit HRB-DL --year 2026 --parent 1 --weight 2
expect_ok "G4" goal add "无数据" --unit HRB --year 2026 --parent 1 --weight 2
expect_ok "G5" goal add "超额" --unit HRB --year 2026 --parent 1
expect_ok "G6" goal add "道里目标" --unit HRB-DL --year 2026
expect_ok "I1" indicator add 2 "工业产值" --measure 亿元 --baseline 100 \
	--target 200
expect_out "1" "indicator add prints the id"
expect_ok "I2" --json indicator add 2 "能耗" --measure 吨 --baseline 50 \
	--target 30 --direction down
jq_is '[.id, .goal_id, .direction, .weight] | map(tostring) | join(" ")' \
	"2 2 down 1" "indicator add --json"
expect_ok "I3" indicator add 4 "未报" --measure 个 --baseline 0 --target 5
expect_ok "I4" indicator add 5 "超额指标" --measure 个 --baseline 0 --target 10
expect_ok "I5" indicator add 6 "三分之一" --measure 个 --baseline 0 --target 3
expect_ok "I1 actual 09" indicator report 1 --period 2026-09 --value 120
expect_ok "I1 plan 10" indicator plan 1 --period 2026-10 --value 160
expect_ok "I1 actual 10" indicator report 1 --period 2026-10 --value 150
expect_ok "I1 plan 11" indicator plan 1 --period 2026-11 --value 170
expect_ok "I2 plan 10" indicator plan 2 --period 2026-10 --value 38
expect_ok "I2 actual 10" indicator report 2 --period 2026-10 --value 35
expect_ok "I4 actual" indicator report 4 --period 2026-10 --value 15
expect_ok "I5 actual" indicator report 5 --period 2026-10 --value 1
expect_ok "G3 task red" task add "修桥" --lead HRB-DL --due 2026-11-25 --goal 3
expect_ok "report 40" task report 5 --percent 40
expect_ok "G3 task done" task add "清雪" --lead HRB-DL --due 2026-12-25 --goal 3
expect_ok "ack" task ack 6
expect_ok "submit" task submit 6
expect_ok "close" task close 6
expect_ok "G3 task cancelled" task add "取消" --lead HRB-DL --due 2026-12-25 \
	--goal 3
expect_ok "cancel" task cancel 7 --reason x
expect_ok "G5 task" task add "绿灯" --lead HRB --due 2027-03-01 --goal 5

expect_ok "goal tree" --json goal tree
jq_is 'length' 2 "two roots"
jq_is '.[0] | keys_unsorted | tostring' "$GOAL_KEYS" "goal node keys in order"
jq_is '[.. | objects | select(has("children")) | keys_unsorted == '"$GOAL_KEYS"'] | all' \
	true "every node has the goal keys"
jq_is '.[0] | [.id, .progress, .light] | map(tostring) | join(" ")' \
	"1 62.92 red" "G1 progress and worst light"
jq_is '[.[0].children[] | [.id, .weight, .progress, .light] | map(tostring) |
	join(" ")] | join(",")' \
	"2 3 62.5 null,3 2 70 red,4 2 null null,5 1 50 green" "children"
jq_is '.[1] | [.id, .progress] | map(tostring) | join(" ")' "6 33.33" \
	"progress rounded to 2 decimals"
jq_is '.[0].children[0].indicators | map([.id, .achievement, .actual, .plan,
	.month, .on_trajectory] | map(tostring) | join(" ")) | join(",")' \
	"1 0.5 150 160 2026-10 false,2 0.75 35 38 2026-10 true" \
	"indicator latest month, achievement, trajectory"
jq_is '.[0].children[2].indicators[0] | [.achievement, .actual, .month,
	.on_trajectory] | map(tostring) | join(" ")' "null null null null" \
	"indicator without actuals"
jq_is '.[0].children[3].indicators[0].achievement' 1.2 \
	"achievement clamped to 1.2"
jq_is '.[0].children[0].indicators[0].trajectory | length' 3 \
	"trajectory months"
expect_ok "goal tree 2" --json goal tree 3
jq_is 'type' object "goal tree ID prints one node"
jq_is '[.id, .progress] | map(tostring) | join(" ")' "3 70" "subtree node"
expect_ok "goal tree text" goal tree
expect_contains "#1 经济发展  [HRB]  62.92%  red" "text tree root"
expect_contains "  #4 无数据  [HRB]  -  -" "text tree node without data"

done_testing
