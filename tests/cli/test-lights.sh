#!/bin/sh
# Lights, quadrants and the urgency order (SPEC §3) through the CLI. Tasks
# are created on 2026-11-26 (lib.sh's LUOSHI_TODAY); --today moves the
# reference day per command. Every expected value is computed by hand in
# the comments next to it.
. "$(dirname "$0")/lib.sh"

# expect_light WANT ID TODAY DESC: task ID's light seen on day TODAY.
expect_light() {
	expect_ok "$4" --today "$3" --json task show "$2"
	jq_is .light "$1" "$4"
}
# expect_quadrant WANT ID TODAY DESC
expect_quadrant() {
	expect_ok "$4" --today "$3" --json task show "$2"
	jq_is .quadrant "$1" "$4"
}

expect_ok "init" init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district

expect_ok "t1" task add "due 11-30" --lead HRB-DL --due 2026-11-30
expect_ok "t2" task add "due 12-03" --lead HRB-DL --due 2026-12-03
expect_ok "t3" task add "milestone" --lead HRB-DL --due 2027-01-31
expect_ok "t4" task add "stale" --lead HRB-DL --due 2027-06-30
expect_ok "t5" task add "behind" --lead HRB-DL --start 2026-11-16 \
	--due 2026-12-26
expect_ok "t6" task add "done" --lead HRB-NG --due 2026-11-28
expect_ok "t7" task add "late" --lead HRB-NG --due 2026-11-28
expect_ok "t8" task add "cancelled" --lead HRB-NG --due 2026-11-28
expect_ok "t9" task add "due 12-01" --lead HRB --due 2026-12-01
expect_ok "t10" task add "due 12-02" --lead HRB --due 2026-12-02
expect_ok "t11" task add "important 12-03" --lead HRB --due 2026-12-03 --important
expect_ok "t12" task add "important 12-04" --lead HRB --due 2026-12-04 --important
expect_ok "t13" task add "plain 12-03" --lead HRB --due 2026-12-03
expect_ok "t14" task add "plain 12-04" --lead HRB --due 2026-12-04
expect_out "14" "fourteen tasks"

# --- due date and warn_days (3) ----------------------------------------------
expect_light green 1 2026-11-26 "4 days before due: green"
expect_light yellow 1 2026-11-27 "3 days before due: yellow"
expect_light yellow 1 2026-11-30 "due today: yellow"
expect_light red 1 2026-12-01 "a day after due: red"
expect_light yellow 2 2026-11-30 "due in exactly warn_days: yellow"
expect_light green 2 2026-11-29 "due in 4 days: green"

# --- milestones ------------------------------------------------------------------
expect_ok "milestone" milestone add 3 "方案" --due 2026-11-28
expect_light green 3 2026-11-28 "milestone due today: not red"
expect_light red 3 2026-11-29 "milestone overdue: red"
expect_ok "milestone 2" milestone add 3 "实施" --due 2026-12-20

# --- stale: no activity for more than report_days (7) ---------------------------
expect_light green 4 2026-12-03 "7 days without activity: green"
expect_light yellow 4 2026-12-04 "8 days without activity: yellow"

# --- behind schedule: start 11-16, due 12-26 (40 days), lag 25 -----------------
# expected = 100*(T-start)/40; yellow when percent < expected - 25
expect_light green 5 2026-11-26 "10/40 = 25%: 0 < 0 is false, green"
expect_light yellow 5 2026-11-27 "11/40 = 27.5%: 0 < 2.5, yellow"
expect_ok "report 5%" task report 5 --percent 5
expect_light green 5 2026-11-28 "12/40 = 30%: 5 < 5 is false, green"
expect_light yellow 5 2026-11-29 "13/40 = 32.5%: 5 < 7.5, yellow"
expect_light yellow 5 2026-11-30 "14/40 = 35%: 5 < 10, yellow"

# --- after activity ---------------------------------------------------------------
expect_ok "milestone done" milestone done 1
expect_light green 3 2026-11-29 "milestone done: green again"
expect_light red 3 2026-12-21 "the next open milestone overdue: red"
expect_ok "ack on 12-01" --today 2026-12-01 task ack 4
expect_light green 4 2026-12-08 "7 days after the ack: green"
expect_light yellow 4 2026-12-09 "8 days after the ack: yellow"

# --- closed and cancelled -----------------------------------------------------------
expect_ok "ack t6" --today 2026-11-28 task ack 6
expect_ok "submit t6" --today 2026-11-28 task submit 6
expect_ok "close t6 on its due day" --today 2026-11-28 task close 6
expect_light done 6 2026-12-10 "closed on the due day: done"
expect_light done 6 2026-11-28 "done on any day"
expect_ok "ack t7" --today 2026-11-29 task ack 7
expect_ok "submit t7" --today 2026-11-29 task submit 7
expect_ok "close t7 a day late" --today 2026-11-29 task close 7
expect_light late 7 2026-12-10 "closed after due: late"
expect_ok "cancel t8" task cancel 8 --reason 取消
expect_light none 8 2026-12-10 "cancelled: none"
expect_quadrant null 8 2026-11-26 "cancelled: no quadrant"

# --- quadrants: important x urgent (due - T <= 7 or red) ---------------------------
expect_quadrant Q1 11 2026-11-26 "important, due in 7 days: Q1"
expect_quadrant Q2 12 2026-11-26 "important, due in 8 days: Q2"
expect_quadrant Q1 12 2026-11-27 "important, due in 7 days: Q1"
expect_quadrant Q3 13 2026-11-26 "not important, due in 7 days: Q3"
expect_quadrant Q4 14 2026-11-26 "not important, due in 8 days: Q4"
expect_quadrant Q3 14 2026-12-05 "not important, red: Q3"
expect_quadrant Q4 4 2026-11-26 "far and plain: Q4"
expect_quadrant Q3 3 2026-12-21 "red by milestone: urgent, Q3"
expect_ids "11" "--quadrant Q1" task list --quadrant Q1
expect_ids "12" "--quadrant Q2" task list --quadrant Q2

# --- board and --light on 12-01 -------------------------------------------------------
# HRB-DL: t1 red (due 11-30); t2 yellow (2 days); t3 green (milestone 1
# done, next 12-20); t4 green (acked 12-01); t5 yellow (15/40 = 37.5%,
# 5 < 12.5). HRB-NG: t6 done, t7 late, t8 cancelled (not counted).
# HRB: t9..t14 due 12-01..12-04, all within 3 days: yellow.
expect_ok "board" --today 2026-12-01 --json board
jq_is '[.[] | [.unit, .red, .yellow, .green, .done, .late] |
	map(tostring) | join(" ")] | join(",")' \
	"HRB 0 6 0 0 0,HRB-DL 1 2 2 0 0,HRB-NG 0 0 0 1 1" "board counts"
expect_ok "board text" --today 2026-12-01 board
expect_contains "$(printf '%-14s  %5s  %6s  %5s  %5s  %5s  %s' HRB-DL 1 2 2 0 0 \
	道里区)" "board text row"
expect_ids "1" "--light red" --today 2026-12-01 task list --light red
expect_ids "2,5,9,10,11,12,13,14" "--light yellow" \
	--today 2026-12-01 task list --light yellow
expect_ids "6" "--light done" task list --light done
expect_ids "7" "--light late" task list --light late
expect_ids "8" "--light none" task list --light none

# --- other filters ---------------------------------------------------------------------
expect_ids "6,7" "--status done" task list --status done
expect_ids "4,5,6,7,8" "--status repeated" task list --status done \
	--status cancelled --status doing
expect_ids "1,6,7,8" "--due-before 2026-12-01" task list --due-before 2026-12-01
expect_ids "1,2" "--limit 2" --limit 2 task list
expect_ids "11,12" "--unit and --quadrant Q2 on 11-20" --today 2026-11-20 \
	task list --unit HRB --quadrant Q2

# --- a start date in the future: not behind ----------------------------------------------
expect_ok "t15" task add "future start" --lead HRB --start 2026-12-10 \
	--due 2026-12-30
expect_light green 15 2026-11-26 "before its start a task is not behind"
expect_ok "ack t15 on 12-12" --today 2026-12-12 task ack 15
# start 12-10, due 12-30 (20 days): expected = 5·(T - start)
expect_light green 15 2026-12-12 "2/20 = 10%: green"
expect_light green 15 2026-12-15 "5/20 = 25%: 0 < 0 is false, green"
expect_light yellow 15 2026-12-16 "6/20 = 30%: 0 < 5, yellow"

# --- settings: warn_days 5 --------------------------------------------------------------
expect_light green 9 2026-11-26 "due in 5 days, warn_days 3: green"
expect_ok "settings" settings set warn_days 5
expect_ok "settings list" --json settings list
jq_is .warn_days 5 "warn_days stored"
expect_light yellow 9 2026-11-26 "due in 5 days, warn_days 5: yellow"
expect_light green 10 2026-11-26 "due in 6 days, warn_days 5: green"
expect_ok "settings back" settings set warn_days 3
expect_fail 2 "warn_days out of range" settings set warn_days -1

# --- next and today: a separate database --------------------------------------------------
export LUOSHI_DB="$TMP/next.db"
expect_ok "init next" init
expect_ok "unit" unit add HRB 哈尔滨市
add() {	# title due [flags]
	_add_t=$1
	_add_d=$2
	shift 2
	expect_ok "add $_add_t" task add "$_add_t" --lead HRB --due "$_add_d" "$@"
}
# Seen on 11-30 (light, key, quadrant, due):
add n1 2026-11-29		# red, Q3
add n2 2026-11-28 --key		# red, key, Q3
add n3 2026-11-29 --important	# red, Q1
add n4 2026-12-02		# yellow, Q3
add n5 2026-12-02 --important	# yellow, Q1
add n6 2026-12-02 --key		# yellow, key, Q3
add n7 2026-12-20 --important	# green, Q2
add n8 2026-12-20		# green, Q4, 12-20
add n9 2026-12-15		# green, Q4, 12-15
add n10 2026-12-15		# green, Q4, 12-15 (tie with n9: by id)
add n11 2026-12-05		# green, Q3 (5 days: not yellow, urgent)
add n12 2026-12-05 --important	# green, Q1
add n13 2026-11-27		# red, Q3, earlier than n1
add n14 2026-12-20		# closed below: not in next
add n15 2026-12-20		# cancelled below: not in next
add n16 2026-12-02 --key --important	# yellow, key, Q1
expect_ok "daily" task add n17 --lead HRB --daily	# due 11-26: red, Q3
expect_out "17" "seventeen tasks"
expect_ok "ack n14" task ack 14
expect_ok "submit n14" task submit 14
expect_ok "close n14" task close 14
expect_ok "cancel n15" task cancel 15 --reason x
expect_ok "milestone on n7" milestone add 7 "节点" --due 2026-11-30
# reds: key n2; Q1 n3; Q3 by due n17 (11-26), n13 (11-27), n1 (11-29);
# yellows: key Q1 n16, key Q3 n6, Q1 n5, Q3 n4; greens: Q1 n12, Q2 n7,
# Q3 n11, Q4 by due n9 (12-15), n10 (12-15, higher id), n8 (12-20).
expect_ids "2,3,17,13,1,16,6,5,4,12,7,11,9,10,8" "next order" \
	--today 2026-11-30 next
expect_ids "2,3,17" "next --limit 3" --today 2026-11-30 --limit 3 next
expect_ok "next text" --today 2026-11-30 next
first=$(printf '%s\n' "$OUT" | sed -n 2p | awk '{ print $1, $2, $3 }')
expect_eq "$first" "2 red Q3" "next text: first row"
# today on 11-30: live tasks due on or before 11-30 (n2, n3, n17, n13,
# n1) and n7 whose milestone is due 11-30; in next's order.
expect_ids "2,3,17,13,1,7" "today on 11-30" --today 2026-11-30 today
# today on 11-26: the daily task created today (due today).
expect_ids "17" "today on 11-26" today
expect_ids "" "today on 11-25: nothing" --today 2026-11-25 today

done_testing
