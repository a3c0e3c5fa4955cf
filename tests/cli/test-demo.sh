#!/bin/sh
# luoshi demo: seeds a new database only, deterministically, with tasks in
# every status and every light at the reference day, an intact audit chain
# and the three documented demo logins, and the evaluation system at work:
# inspections under the cap, rectification tasks, merits, published
# evaluations and the cadre assessment with its quota and a veto.
. "$(dirname "$0")/lib.sh"

D="$TMP/demo.db"
expect_rc 0 "demo at scale 10" --db "$D" demo --scale 10 --seed 7
expect_contains "demo12345" "demo prints the password"
expect_contains "inspections" "the closing message counts inspections"
expect_contains "eval --period 2026-Q3 --group district" \
	"the closing message shows the published evaluation"
expect_contains "cadre grade --period 2026" \
	"the closing message shows the cadre grades"
expect_rc 5 "demo refuses an existing database" --db "$D" demo
expect_err "already exists" "the refusal says why"
expect_rc 2 "scale out of range" --db "$TMP/x.db" demo --scale 3
[ ! -e "$TMP/x.db" ] && ok || bad "a refused demo leaves no file"

expect_rc 0 "statuses" --db "$D" --json task list
jq_is '[.[].status] | unique | join(",")' "cancelled,doing,done,open,review" \
	"every status is present"
jq_is '[.[].light] | unique | join(",")' "done,green,late,none,red,yellow" \
	"every light is present"
expect_rc 0 "audit verify" --db "$D" audit verify
for who in admin wang zhang; do
	expect_rc 0 "user $who exists" --db "$D" --as "$who" board
done
expect_rc 0 "wang sees the city" --db "$D" --as wang --json board
jq_is 'map(.unit) | index("HRB") != null' true "wang's board has HRB"

# The evaluation system (reference day 2026-11-26, so the quarter before
# is 2026-Q3 and the cadre assessment is of 2026).

expect_rc 0 "inspections" --db "$D" --json inspect list
jq_is '[.[].score] | (min >= 60 and max <= 98)' true \
	"inspection scores lie in 60..98"
jq_is '[.[] | select(.unit | startswith("HRB-")) | .unit] | unique |
	length > 8' true "districts and departments are inspected"
jq_is '[.[].inspectors | startswith("市委督查室")] | all' true \
	"every inspection names its inspectors"
jq_is '[.[].findings | test("督查：")] | all' true \
	"every inspection has Chinese findings"
jq_is '[.[] | select(.unit == "HRB-DW" and (.on | startswith("2026-08")))]
	| length' 4 "道外区 has inspection_cap (4) inspections in 2026-08"

expect_rc 0 "rectification tasks" --db "$D" --json task list
jq_is '[.[] | select(.source | startswith("整改 inspection #"))] |
	length > 0' true "rectification items became tasks"
jq_is '[.[] | select(.source | startswith("整改 inspection #")) | .status]
	| unique | length >= 2' true "rectification tasks are in several states"
rect=$(printf '%s' "$OUT" | jq -r '[.[] | select(.source |
	startswith("整改 inspection #"))][0] | "\(.id) \(.source)"')
rect_task=${rect%% *}
rect_insp=${rect##*#}
expect_rc 0 "inspection of a rectification task" \
	--db "$D" --json inspect show "$rect_insp"
jq_is "[.rectifications[].id] | index($rect_task) != null" true \
	"the rectification task is linked to its inspection"

expect_rc 0 "burden" --db "$D" --json burden
jq_is '[.[] | select(.inspections > .inspection_cap)] | length' 0 \
	"no unit is over the inspection cap"
jq_is '[.[] | select(.inspections == .inspection_cap) | .unit] | unique |
	join(",")' "HRB-DW" "only 道外区 reaches the cap, once"
jq_is '[.[] | select(.inspections > 0)] | length > 20' true \
	"the burden shows inspections"
jq_is '[.[] | select(.evaluations > 0) | .unit] | unique | length' 14 \
	"the burden shows evaluations of every district and department"
expect_rc 0 "burden of 道里区" --db "$D" --json burden --unit HRB-DL
jq_is '[.[] | select(.evaluations > 0) | "\(.month):\(.evaluations)"] |
	join(",")' "2026-07:1,2026-10:1" \
	"2026-Q2 and 2026-Q3 were published early the next quarter"

expect_rc 0 "commendations" --db "$D" --json commend list
jq_is 'length' 5 "five commendations"
jq_is 'map(.reason) | index("营商环境评价位居全省前列") != null' true \
	"commendations have realistic reasons"
expect_rc 0 "accountability" --db "$D" --json account list
jq_is 'length' 4 "four accountability records"
jq_is '[.[] | select(.person != null) | .person] | join(",")' "wu" \
	"one accountability record is on a person"

expect_rc 0 "eval 2026-Q3" --db "$D" --json eval --period 2026-Q3 \
	--group district
jq_is 'map(.unit) | sort | join(",")' \
	"HRB-AC,HRB-DL,HRB-DW,HRB-HL,HRB-NG,HRB-PF,HRB-SB,HRB-XF" \
	"one row per district"
jq_is '[.[] | select(.rank != null and .score != null)] | length' 8 \
	"every district is ranked"
jq_is '[.[].metrics.inspection != null] | all' true \
	"every district was inspected in the quarter"
jq_is '[.[] | select(.funnel != null)] | length > 0' true \
	"some districts have a funnel flag"
jq_is '[.[] | select(.bonus > 0 or .penalty > 0) |
	"\(.unit):+\(.bonus)-\(.penalty)"] | sort | join(",")' \
	"HRB-DW:+0-2,HRB-HL:+0-1,HRB-NG:+2-0,HRB-SB:+2-0" \
	"the quarter's commendations and accountability count"
eval_first=$OUT

expect_rc 0 "cadre grade" --db "$D" --json cadre grade --period 2026
jq_is '[.[] | select(.unit == "HRB-DL")] | length' 6 \
	"道里区 has six people assessed"
jq_is '[.[] | select(.grade == "excellent") | .login] | join(",")' "xu" \
	"one excellent place (floor(6 / 5) = 1), taken by xu"
jq_is '[.[] | select(.score >= 90 and .grade == "competent") | .login] |
	join(",")' "feng" "feng scores 90 or more but is beyond the quota"
jq_is '[.[] | select(.veto != null) | "\(.login):\(.grade)"] | join(",")' \
	"deng:incompetent" "one veto, on deng, makes the grade incompetent"
cadre_first=$OUT
expect_rc 0 "feng's page" --db "$D" --json cadre show feng --period 2026
jq_is '"\(.basis) \(.unit_assessed) \(.unit_quota)"' "quota 6 1" \
	"feng's grade is due to the quota of 道里区"
jq_is '[.raters[] | select(. != null)] | length >= 3' true \
	"feng was rated by several rater types"

expect_rc 0 "demo --json" --db "$TMP/json.db" --json demo --scale 10 \
	--seed 7
jq_is '"\(.eval_period) \(.cadre_period) \(.evaluations) \(.ballots)
	\(.inspections > 30) \(.rectifications > 0)"' \
	"2026-Q3 2026 3 34
	true true" "demo --json counts the evaluation system"

# Same seed, same city: the task titles are identical.
expect_rc 0 "demo again" --db "$TMP/again.db" demo --scale 10 --seed 7
expect_rc 0 "list 1" --db "$D" --json task list
first=$(printf '%s' "$OUT" | jq -c 'map([.title, .lead, .due, .status])')
expect_rc 0 "list 2" --db "$TMP/again.db" --json task list
second=$(printf '%s' "$OUT" | jq -c 'map([.title, .lead, .due, .status])')
expect_eq "$second" "$first" "demo is deterministic for a seed"
expect_rc 0 "eval 2" --db "$TMP/again.db" --json eval --period 2026-Q3 \
	--group district
expect_eq "$OUT" "$eval_first" "the same seed gives the same evaluation"
expect_rc 0 "cadre grade 2" --db "$TMP/again.db" --json cadre grade \
	--period 2026
expect_eq "$OUT" "$cadre_first" "the same seed gives the same cadre grades"
expect_rc 0 "another seed" --db "$TMP/other.db" demo --scale 10 --seed 8
expect_rc 0 "eval 3" --db "$TMP/other.db" --json eval --period 2026-Q3 \
	--group district
[ "$OUT" != "$eval_first" ] && ok ||
	bad "another seed gives another evaluation"

done_testing
