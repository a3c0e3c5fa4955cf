#!/bin/sh
# The working-day calendar (SPEC §2): holidays, make-up working days (调休)
# and "--within N wd". 2026-09-29 is a Tuesday; 2026-10-01..07 is the
# National Day holiday and Saturday 2026-10-10 a make-up working day.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init
expect_ok "unit" unit add HRB 哈尔滨市
expect_ok "user" user add li --name 李四 --unit HRB --role staff

# --- without exceptions: Monday to Friday -------------------------------------------
# from Tue 09-29: Wed 30 (1), Thu 10-01 (2), Fri 02 (3), Mon 05 (4), Tue 06 (5)
expect_ok "5wd, plain calendar" --today 2026-09-29 --json task add "平时" \
	--lead HRB --within 5wd
jq_is .due 2026-10-06 "5 working days skip the weekend"
# from Fri 11-27: Mon 30 (1)
expect_ok "1wd from Friday" --today 2026-11-27 --json task add "周五" \
	--lead HRB --within 1wd
jq_is .due 2026-11-30 "1 working day from Friday is Monday"
expect_ok "0wd" --today 2026-11-28 --json task add "零" --lead HRB --within 0wd
jq_is .due 2026-11-28 "0 working days is today"

# --- holidays and the make-up day ---------------------------------------------------
expect_ok "holiday" calendar holiday 2026-10-01..2026-10-07 --name 国庆
expect_out "7 day(s) marked as holiday" "holiday range confirmation"
expect_ok "workday" calendar workday 2026-10-10 --name 国庆调休
expect_out "1 day(s) marked as workday" "workday confirmation"
expect_fail 4 "only administrators" --as li calendar holiday 2026-12-31
expect_fail 2 "bad date" calendar holiday 2026-02-30
expect_err "'2026-02-30'" "bad date named"
expect_fail 2 "bad range end" calendar holiday 2026-10-01..2026-10-32
expect_fail 2 "reversed range" calendar holiday 2026-10-07..2026-10-01
expect_fail 2 "workday needs a date" calendar workday

expect_ok "calendar list" calendar list
want=$(printf '%-10s  %-8s  %s\n' DAY KIND NAME \
	2026-10-01 holiday 国庆 2026-10-02 holiday 国庆 2026-10-03 holiday 国庆 \
	2026-10-04 holiday 国庆 2026-10-05 holiday 国庆 2026-10-06 holiday 国庆 \
	2026-10-07 holiday 国庆 2026-10-10 workday 国庆调休)
expect_eq "$OUT" "$want" "calendar list text"
expect_ok "calendar list --json" --json calendar list
jq_is 'length' 8 "eight marked days"
jq_is '.[7] | [.day, .kind, .name] | join(" ")' "2026-10-10 workday 国庆调休" \
	"the make-up day"
jq_is '.[0] | keys_unsorted | join(",")' "day,kind,name" "calendar keys"

# from Tue 09-29: Wed 09-30 (1); 10-01..07 rest; Thu 10-08 (2), Fri 09 (3),
# Sat 10 make-up (4); Sun 11 rests; Mon 12 (5)
expect_ok "5wd over the holiday" --today 2026-09-29 --json task add "国庆后" \
	--lead HRB --within 5wd
jq_is .due 2026-10-12 "5 working days over National Day"
expect_ok "5wd text" --today 2026-09-29 task add "国庆后2" --lead HRB --within 5wd
expect_out "5" "add prints the id"
expect_ok "show" --json task show 5
jq_is .due 2026-10-12 "same due through the text path"
# from Wed 09-30: Thu 10-08 (1), Fri 09 (2), Sat 10 (3), Mon 12 (4)
expect_ok "4wd from the eve" --today 2026-09-30 --json task add "节前" \
	--lead HRB --within 4wd
jq_is .due 2026-10-12 "4 working days from 09-30"
# from Fri 10-09: Sat 10-10 is a working day
expect_ok "1wd before the make-up Saturday" --today 2026-10-09 --json \
	task add "调休" --lead HRB --within 1wd
jq_is .due 2026-10-10 "the make-up Saturday counts"
# during the holiday, from Sat 10-03: Thu 10-08 is the first working day
expect_ok "1wd in the holiday" --today 2026-10-03 --json task add "假期中" \
	--lead HRB --within 1wd
jq_is .due 2026-10-08 "first working day after the holiday"
# calendar days ignore the calendar
expect_ok "5d" --today 2026-09-29 --json task add "日历日" --lead HRB --within 5d
jq_is .due 2026-10-04 "5 calendar days"
expect_ok "5" --today 2026-09-29 --json task add "无单位" --lead HRB --within 5
jq_is .due 2026-10-04 "a bare number is calendar days"
expect_fail 2 "bad --within" task add "x" --lead HRB --within 5w
expect_fail 2 "negative --within" task add "x" --lead HRB --within -1wd

# --- changing a day back -------------------------------------------------------------
expect_ok "make 10-08 a holiday too" calendar holiday 2026-10-08 --name 延长
# from Tue 09-29: Wed 30 (1), Fri 10-09 (2), Sat 10 (3), Mon 12 (4), Tue 13 (5)
expect_ok "5wd again" --today 2026-09-29 --json task add "再算" --lead HRB \
	--within 5wd
jq_is .due 2026-10-13 "an added holiday moves the due date"
expect_ok "weekday marked as workday is no-op" calendar workday 2026-12-01
expect_ok "audit has the calendar" --json audit log
jq_is '[.[] | select(.entity == "calendar")] | length' 10 \
	"one audit entry per marked day"

done_testing
