#!/bin/sh
# The evaluation system (SPEC §5) on a small fixed city: every metric, the
# tie (1, 1, 3), a null score, bonus and penalty, funnel flags, Wilson
# intervals, explain, schemes, inspections with rectification tasks and
# the monthly cap, merits, publish and burden. Every expected number is
# worked out by hand in the comment above its check.
. "$(dirname "$0")/lib.sh"

L() { "$LUOSHI_BIN" "$@"; }

L init >/dev/null 2>&1
L unit add HRB 哈尔滨市 --kind city >/dev/null
for u in A B C D E; do
	L unit add $u "区$u" --parent HRB --kind district >/dev/null
done
L unit add X 外市 --kind district >/dev/null
L user add sup --name 督查 --unit HRB --role supervisor >/dev/null
L user add zhang --name 张 --unit A --role staff >/dev/null
L user add lead --name 领导 --unit A --role leader >/dev/null
L user add dview --name 看 --unit D --role viewer >/dev/null

# task LEAD CREATED DUE [ACKED [CLOSED]]: prints the new id; creation
# instants are CREATED at 00:00:00Z, so an ack one day later is 24 h.
task() {
	_id=$(L --today "$2" task add "t" --lead "$1" --due "$3")
	[ -n "${4:-}" ] && L --today "$4" task ack "$_id" >/dev/null
	if [ -n "${5:-}" ]; then
		L --today "$5" task submit "$_id" >/dev/null
		L --today "$5" task close "$_id" >/dev/null
	fi
	echo "$_id"
}

# Unit A: ids 1..4.
#  1 due 11-10, acked the day created (0 h), closed 11-05: on time
#  2 due 11-10, acked 11-03 (48 h > 24: late answer), closed 11-12: late
#  3 due 11-20, never acknowledged, open
#  4 daily, created 11-02, acked and closed 11-02: same day
task A 2026-11-01 2026-11-10 2026-11-01 2026-11-05 >/dev/null
task A 2026-11-01 2026-11-10 2026-11-03 2026-11-12 >/dev/null
task A 2026-11-01 2026-11-20 >/dev/null
id=$(L --today 2026-11-02 task add "日清" --lead A --daily)
L --today 2026-11-02 task ack "$id" >/dev/null
L --today 2026-11-02 task submit "$id" >/dev/null
L --today 2026-11-02 task close "$id" >/dev/null
expect_eq "$id" 4 "daily task id"
# Unit B: ids 5..10, due 11-15, acked the day created, closed 11-10.
for i in 1 2 3 4 5 6; do
	task B 2026-11-01 2026-11-15 2026-11-01 2026-11-10 >/dev/null
done
# Unit C: id 11, like B's; id 12 cancelled (not counted).
task C 2026-11-01 2026-11-16 2026-11-01 2026-11-10 >/dev/null
id=$(task C 2026-11-01 2026-11-16)
L task cancel "$id" --reason dup >/dev/null
# Unit D: ids 13..18, due 11-05, acked the day created, closed 11-09.
for i in 1 2 3 4 5 6; do
	task D 2026-11-01 2026-11-05 2026-11-01 2026-11-09 >/dev/null
done
# Outside the period (due 2026-12-01): never counted in 2026-11. id 19
task A 2026-11-01 2026-12-01 2026-11-01 2026-11-02 >/dev/null

# Indicators of A's 2026 goal: #1 up 0 → 100, actual 50 in 10, 80 in 11:
# latest up to 2026-11 is 80 → 0.8. #2 up 10 → 20, 25 in 09 → 1.5,
# clamped 1.2 and capped at 1 → 1 (the 30 of 12 is after the period).
# Mean (0.8 + 1) / 2 = 0.9 → 90.
g=$(L goal add 增长 --unit A --year 2026)
i1=$(L indicator add "$g" 产值 --measure 亿元 --baseline 0 --target 100 |
	tail -1)
i2=$(L indicator add "$g" 投资 --measure 亿元 --baseline 10 --target 20 |
	tail -1)
L indicator report "$i1" --period 2026-10 --value 50 >/dev/null
L indicator report "$i1" --period 2026-11 --value 80 >/dev/null
L indicator report "$i2" --period 2026-09 --value 25 >/dev/null
L indicator report "$i2" --period 2026-12 --value 30 >/dev/null

# Inspections of A: 80 and 90 → mean 85. The rectification task is due
# in December, outside the period (task 20).
expect_ok "inspect A" --as sup inspect add --unit A --on 2026-11-02 \
	--score 80 --findings 台账不全 --inspectors "李,王" \
	--rectify "补齐台账@2026-12-15"
expect_out 1 "inspection id"
expect_ok "inspect A again" --as sup inspect add --unit A \
	--on 2026-11-15 --score 90
# Merits: A +3 −1 (score + 2); a person's commendation leaves A alone.
expect_ok "commend A" --as sup commend add --unit A --on 2026-11-20 \
	--points 3 --reason 先进
expect_ok "account A" --as sup account add --unit A --on 2026-11-21 \
	--points 1 --reason 迟报
expect_ok "commend zhang" --as sup commend add --person zhang \
	--on 2026-11-21 --points 5 --reason 个人先进
expect_ok "commend out of period" commend add --unit D --on 2026-10-31 \
	--points 9 --reason 上月

# A: tasks 1,2,3,4: completion 3/4 = 75; ontime 2/3 = 66.67 (1 and 4 of
# 1, 2, 4); response 2/4 = 50 (1 and 4); daily 1/1 = 100; indicators
# 90; inspection 85.
# score = (30·75 + 20·66.667 + 10·50 + 5·100 + 25·90 + 10·85) / 100
#       = (2250 + 1333.33 + 500 + 500 + 2250 + 850) / 100 = 76.8333
#       + 3 − 1 = 78.8333 → 78.83
# B: 6/6 closed, 6/6 on time, 6/6 answered → (3000+2000+1000)/60 = 100
# C: 1/1 each → 100: ties with B at rank 1; A is 3 (1, 1, 3).
# D: 6 closed, none on time, all answered: (30·100 + 20·0 + 10·100)/60
#    = 4000/60 = 66.67, rank 4. E: nothing → null, unranked, last.
# X (another root, same kind) has nothing either.
# Pooled on time: (2 + 6 + 1 + 0) / (3 + 6 + 1 + 6) = 9/16 = 0.5625.
# B: 1.96·√(0.5625·0.4375/6) = 1.96·0.20252 = 0.39695; 1 > 0.95945:
#    above. D: 0 < 0.5625 − 0.39695 = 0.16555: below.
# A: 1.96·√(0.24609/3) = 0.56137; 0.667 in [0.001, 1.124]: within.
# Wilson A (2 of 3): centre 0.66667 + 0.64027 = 1.30693, half
#    1.96·√(0.07407 + 0.10671) = 0.83337, / 2.28053 → [20.77, 93.85].
# B (6 of 6): [0.99999/1.64027, 1] = [60.97, 100]; D (0 of 6): [0, 39.03].
ls_run --json eval --period 2026-11 --group district
expect_eq "$RC" 0 "eval runs"
jq_is '[.[].unit] | join(",")' "B,C,A,D,E,X" "sorted by rank then code"
jq_is '[.[].rank | tostring] | join(",")' "1,1,3,4,null,null" \
	"competition ranks with a tie and nulls"
jq_is '.[2].score' 78.83 "A's score"
jq_is '.[2].metrics | [.completion,.ontime,.response,.daily,.indicators,.inspection] | map(tostring) | join(",")' \
	"75,66.67,50,100,90,85" "A's metrics"
jq_is '.[2].bonus' 3 "A's bonus"
jq_is '.[2].penalty' 1 "A's penalty"
jq_is '.[2].ontime_interval | map(tostring) | join(",")' "20.77,93.85" \
	"A's Wilson interval"
jq_is '.[2].funnel' within "A within the funnel"
jq_is '.[0].funnel' above "B above the funnel"
jq_is '.[0].ontime_interval | map(tostring) | join(",")' "60.97,100" \
	"B's Wilson interval"
jq_is '.[3].funnel' below "D below the funnel"
jq_is '.[3].score' 66.67 "D's score, nulls redistributed"
jq_is '.[3].ontime_interval | map(tostring) | join(",")' "0,39.03" \
	"D's Wilson interval"
jq_is '.[3].metrics.daily' null "D has no daily tasks"
jq_is '.[3].bonus' 0 "D's out-of-period commendation ignored"
jq_is '.[4] | [.score, .rank, .funnel, .ontime_interval] | map(tostring) | join(",")' \
	"null,null,null,null" "E: all null"
jq_is '.[1].metrics.completion' 100 "C's cancelled task not counted"
jq_is '.[0] | keys | join(",")' \
	"bonus,funnel,group,metrics,name,ontime_interval,penalty,rank,score,unit" \
	"eval row keys"

# The funnel plot's data: pooled 9/16 = 56.25%; limits 56.25 ∓ 196·√(0.24609
# /n): n = 1: ∓ 97.23 → [0, 100] clamped; n = 3: ∓ 56.137 → [0.11, 100];
# n = 6: ∓ 39.695 → [16.56, 95.94]. Units in rank order with closed tasks.
ls_run --json eval --period 2026-11 --group district --funnel
expect_eq "$RC" 0 "eval --funnel runs"
jq_is '.pooled' 56.25 "funnel: the pooled on-time rate"
jq_is '[.units[] | "\(.unit):\(.closed):\(.ontime):\(.rate):\(.funnel)"] | join(",")' \
	"B:6:6:100:above,C:1:1:100:within,A:3:2:66.67:within,D:6:0:0:below" \
	"funnel: the units"
jq_is '[.limits[].n | tostring] | join(",")' "1,2,3,4,5,6" "funnel: n 1..6"
jq_is '.limits[0] | [.lo,.hi] | map(tostring) | join(",")' "0,100" \
	"funnel: limits at n = 1, clamped"
jq_is '.limits[2] | [.lo,.hi] | map(tostring) | join(",")' "0.11,100" \
	"funnel: limits at n = 3"
jq_is '.limits[5] | [.lo,.hi] | map(tostring) | join(",")' "16.56,95.94" \
	"funnel: limits at n = 6"
ls_run eval --period 2026-11 --group district --funnel
expect_contains "pooled on-time rate of district: 56.25%" "funnel table: pooled"
expect_contains "16.56    95.94  below" "funnel table: D's limits and flag"
ls_run eval --period 2026-11 --funnel
expect_eq "$RC" 2 "--funnel without --group"

# Without --group every kind is ranked apart: HRB (city) alone, null.
ls_run --json eval --period 2026-11
jq_is 'map(select(.unit == "HRB"))[0].group' city "city row"
jq_is 'map(select(.unit == "A"))[0].rank' 3 "A's rank within districts"
ls_run eval --period 2026-11 --group district
expect_contains "78.83" "human table shows A's score"

# Explain: the ids behind every count.
ls_run --json eval --period 2026-11 --explain A
expect_eq "$RC" 0 "explain runs"
jq_is '.metrics.completion | "\(.numerator)/\(.denominator) \(.ids) \(.of)"' \
	"3/4 [1,2,4] [1,2,3,4]" "completion inputs"
jq_is '.metrics.ontime | "\(.numerator)/\(.denominator) \(.ids) \(.of)"' \
	"2/3 [1,4] [1,2,4]" "ontime inputs"
jq_is '.metrics.response | "\(.numerator)/\(.denominator) \(.ids)"' \
	"2/4 [1,4]" "response inputs"
jq_is '.metrics.daily | "\(.numerator)/\(.denominator) \(.ids)"' \
	"1/1 [4]" "daily inputs"
jq_is '.metrics.indicators | "\(.numerator)/\(.denominator)"' "180/2" \
	"indicators: 80 + 100 over 2"
jq_is "[.metrics.indicators.items[] | \"\\(.id):\\(.month):\\(.achievement)\"] | join(\",\")" \
	"$i1:2026-11:80,$i2:2026-09:100" "indicator items"
jq_is '[.metrics.inspection.items[].id] | map(tostring) | join(",")' \
	"1,2" "inspection ids"
jq_is '.metrics.inspection.numerator' 170 "inspection sum 80 + 90"
jq_is '"\(.bonus.points) \(.bonus.ids) \(.penalty.points) \(.penalty.ids)"' \
	"3 [1] 1 [2]" "merits behind bonus and penalty"
jq_is '.group_ontime' 56.25 "pooled on-time rate 9/16"
jq_is '.rank' 3 "explain rank"
jq_is '.warnings | length' 0 "no warnings without thresholds"
expect_fail 3 "explain unknown unit" eval --period 2026-11 --explain NOPE
expect_fail 3 "explain out of scope" --as zhang eval --period 2026-11 \
	--explain B
expect_ok "explain own unit" --as zhang eval --period 2026-11 --explain A
expect_contains '"score":78.83' "human explain shows the score"

# Scope: zhang (A) sees only A's row, ranked among all districts.
ls_run --as zhang --json eval --period 2026-11 --group district
jq_is '[.[] | "\(.unit):\(.rank)"] | join(",")' "A:3" "scoped rows"

# Schemes. Weights 1 for completion only: A = 75; B, C, D = 100 → ranks
# B, C, D 1 and A 4. Warn thresholds flag A in explain.
printf '{"weights":{"completion":1,"ontime":0,"response":0,"daily":0,"indicators":0,"inspection":0}}' \
	>"$TMP/s1.json"
ls_run --json eval --period 2026-11 --group district --scheme "$TMP/s1.json"
jq_is '[.[] | "\(.unit):\(.rank):\(.score)"] | join(",")' \
	"B:1:100,C:1:100,D:1:100,A:4:77,E:null:null,X:null:null" \
	"completion-only scheme (A 75 + 2)"
printf '{"warn":{"score":80,"ontime":70,"inspection":80}}' >"$TMP/s2.json"
ls_run --json eval --period 2026-11 --explain A --scheme "$TMP/s2.json"
jq_is '.warnings | join(";")' "score 78.83 below 80;ontime 66.67 below 70" \
	"warn thresholds (inspection 85 is not below 80)"
printf '{"weights":{"speed":1}}' >"$TMP/bad1.json"
expect_fail 2 "unknown weight" eval --period 2026-11 --scheme "$TMP/bad1.json"
expect_err "unknown key 'speed'" "names the key"
printf '{"weights":{"ontime":-1}}' >"$TMP/bad2.json"
expect_fail 2 "negative weight" eval --period 2026-11 --scheme "$TMP/bad2.json"
expect_err "weights.ontime" "names the key"
printf '{"weights":{"ontime":"x"}}' >"$TMP/bad3.json"
expect_fail 2 "non-numeric weight" eval --period 2026-11 \
	--scheme "$TMP/bad3.json"
expect_err "weights.ontime" "names the key"
printf '{"weights":{"completion":0,"ontime":0,"response":0,"daily":0,"indicators":0,"inspection":0}}' \
	>"$TMP/bad4.json"
expect_fail 2 "all-zero weights" eval --period 2026-11 --scheme "$TMP/bad4.json"
expect_err "every weight is 0" "says why"
printf '{"colour":{}}' >"$TMP/bad5.json"
expect_fail 2 "unknown section" eval --period 2026-11 --scheme "$TMP/bad5.json"
expect_err "'colour'" "names the key"
expect_fail 2 "missing scheme file" eval --period 2026-11 \
	--scheme "$TMP/none.json"

# Periods.
for p in 2026-Q5 2026-13 26; do
	expect_fail 2 "bad period $p" eval --period "$p"
	expect_err "invalid period '$p'" "names the period"
done
expect_fail 2 "unknown group" eval --period 2026-11 --group nosuch
ls_run --json eval --period 2026-Q4 --group district
# Q4 adds A's December tasks 19 (closed 11-02) and 20 (rectification,
# open): closed 1, 2, 4, 19 of 1, 2, 3, 4, 19, 20 = 4/6 = 66.67
jq_is 'map(select(.unit == "A"))[0].metrics.completion' 66.67 \
	"Q4 counts A's December tasks too"

# Inspections: show, list, rectification task linked, rights.
ls_run --json inspect show 1
jq_is '.rectifications | length' 1 "one rectification"
jq_is '.rectifications[0] | "\(.id) \(.due) \(.status) \(.light) \(.rectified_on_time)"' \
	"20 2026-12-15 open green null" "rectification task, open"
jq_is '.findings' 台账不全 "findings"
ls_run --json task show 20
jq_is '.source' "整改 inspection #1" "rectification source"
jq_is '.lead' A "led by the inspected unit"
L --today 2026-12-10 task ack 20 >/dev/null
L --today 2026-12-10 task submit 20 >/dev/null
L --today 2026-12-10 task close 20 >/dev/null
ls_run --json inspect show 1
jq_is '.rectifications[0].rectified_on_time' true "closed before due"
ls_run --json inspect list --unit A --period 2026-11
jq_is '[.[].id] | map(tostring) | join(",")' "1,2" "list by unit and period"
expect_fail 4 "staff cannot inspect" --as zhang inspect add --unit A \
	--on 2026-11-20 --score 70
expect_fail 4 "leader cannot inspect" --as lead inspect add --unit A \
	--on 2026-11-20 --score 70
expect_fail 3 "supervisor only in subtree" --as sup inspect add --unit X \
	--on 2026-11-20 --score 70
expect_fail 2 "score over 100" inspect add --unit A --on 2026-11-20 \
	--score 101
expect_err "invalid value '101' for score" "names the score"
expect_fail 2 "bad rectify" inspect add --unit A --on 2026-11-20 \
	--score 70 --rectify "no date"
expect_err "invalid value 'no date' for --rectify" "names the item"
n=$(audit_count)
expect_fail 2 "bad rectification due leaves nothing" inspect add \
	--unit A --on 2026-11-20 --score 70 --rectify "x@2026-02-30"
expect_eq "$(audit_count)" "$n" "nothing recorded"
ls_run --json inspect list --unit A
jq_is 'length' 2 "still two inspections of A"
expect_fail 3 "zhang cannot see D's inspections" --as zhang inspect show 99

# The cap: 2 per unit and month. C in December: 1st fine, 2nd reaches
# the cap (warning), 3rd refused (exit 5) unless --over-cap REASON.
L settings set inspection_cap 2 >/dev/null
expect_ok "first" inspect add --unit C --on 2026-12-01 --score 90
expect_eq "$ERR" "" "no warning below the cap"
expect_ok "second reaches the cap" inspect add --unit C --on 2026-12-02 \
	--score 90
expect_err "luoshi: warning: inspection 2 of 2 for unit 'C' in 2026-12 reaches inspection_cap" \
	"warning on stderr"
expect_fail 5 "third refused" inspect add --unit C --on 2026-12-03 \
	--score 90
expect_err "inspection_cap 2" "names the cap"
expect_ok "third over the cap" inspect add --unit C --on 2026-12-03 \
	--score 90 --over-cap 专项督查
id=$OUT
ls_run --json audit log
jq_is "map(select(.entity == \"inspection\" and .entity_id == \"$id\"))[0].after.over_cap" \
	专项督查 "over-cap reason audited"
expect_ok "another month is fresh" inspect add --unit C --on 2027-01-03 \
	--score 90

# Merits: lists, person merits, validation.
ls_run --json commend list
jq_is '[.[] | "\(.unit):\(.person):\(.points)"] | join(",")' \
	"A:null:3,A:zhang:5,D:null:9" "commendations (a person's under its unit)"
ls_run --json account list --unit A --period 2026-11
jq_is '[.[].id] | map(tostring) | join(",")' "2" "accountability of A"
ls_run --json commend list --person zhang
jq_is 'length' 1 "commendations of zhang"
expect_fail 2 "unit and person" commend add --unit A --person zhang \
	--on 2026-11-01 --points 1 --reason x
expect_fail 2 "zero points" commend add --unit A --on 2026-11-01 \
	--points 0 --reason x
expect_err "invalid value '0' for points" "names the points"
expect_fail 4 "staff cannot commend" --as zhang commend add --unit A \
	--on 2026-11-01 --points 1 --reason x
expect_fail 3 "unknown person" account add --person nobody \
	--on 2026-11-01 --points 1 --reason x
ls_run --as dview --json commend list
jq_is '[.[].unit] | join(",")' D "viewer sees merits in scope"

# Publish and burden. A in 2026-11: reports — none filed (acks only);
# urges: one on task 3; inspections 2; evaluations 1 after publishing.
L --today 2026-11-25 task urge 3 --note 快 >/dev/null
L --today 2026-11-25 task report 3 --percent 50 >/dev/null
L --today 2026-11-26 task report 3 --percent 60 >/dev/null
expect_fail 4 "staff cannot publish" --as zhang eval --period 2026-11 \
	--publish
expect_ok "publish" --as sup eval --period 2026-11 --group district \
	--publish
expect_err "published evaluation 1" "publish says so"
ls_run --json burden --unit A --period 2026-11
jq_is '.[0] | "\(.month) \(.reports) \(.urges) \(.inspections) \(.evaluations) \(.inspection_cap) \(.over_cap)"' \
	"2026-11 2 1 2 1 2 false" "A's burden in November"
ls_run --json burden --unit C --period 2026-12
jq_is '.[0] | "\(.inspections) \(.over_cap)"' "3 true" "C over the cap"
ls_run --json burden --period 2026-11
# ranked units published: B, C, A, D (E and X unranked; X outside sup's
# subtree) → evaluations 1 for A, B, C, D
jq_is '[.[] | select(.evaluations == 1) | .unit] | join(",")' "A,B,C,D" \
	"one evaluation per ranked unit"
ls_run --as zhang --json burden --period 2026-11
jq_is '[.[].unit] | unique | join(",")' A "burden in scope"
ls_run burden --unit A --period 2026-11
expect_contains "2026-11" "human burden table"
# A report or urge on a task A only co-works counts for A too (the
# counters kept at each write): 2 + 1 reports, 1 + 1 urges.
co=$(L --today 2026-11-27 task add 协办测试 --lead B --co A --due 2026-11-30)
L --today 2026-11-27 task report "$co" --percent 10 >/dev/null
L --today 2026-11-27 task urge "$co" --note 请配合 >/dev/null
ls_run --json burden --unit A --period 2026-11
jq_is '.[0] | "\(.reports) \(.urges)"' "3 2" "a co-unit's burden"
ls_run --json burden --unit A --period 2026-12
jq_is 'length' 0 "nothing counted in December"

# Help on every new command.
for c in inspect commend account eval burden; do
	expect_ok "$c --help" $c --help
	expect_contains "usage: luoshi $c" "$c usage"
done

done_testing
