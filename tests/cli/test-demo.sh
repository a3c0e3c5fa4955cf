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

# The policy system: windows by fate relative to 2026-11-26, whatever the
# seed: four closing within policy_warn_days (14), four landed, three
# watching far ahead, exactly one missed.

expect_rc 0 "policies" --db "$D" --json policy list
jq_is 'length' 12 "twelve policies"
jq_is '[.[].level] | unique | join(",")' "municipal,national,provincial" \
	"policies of all three levels"
jq_is '[.[] | select(.status == "landed") | .value] | sort | join(",")' \
	"争取专项债券额度 12.5 亿元,争取资金 1.2 亿元,争取资金 8600 万元,兑现补助资金 3200 万元" \
	"four landed, each with the value secured"
jq_is '[.[] | select(.status == "missed") |
	"\(.title):\(.recorded_status):\(.days_left < 0)"] | join(",")' \
	"省级外经贸发展专项资金项目申报:watching:true" \
	"exactly one effective missed: recorded watching, its window closed"
jq_is '[.[] | select(.status == "watching" and .days_left > 14)] | length' \
	3 "three watched far ahead"
jq_is '[.[] | .goals | length == 1] | all' true \
	"every policy is linked to its goal"
jq_is '[.[].unit] | unique | length' 8 "policies of eight units"
policies_first=$OUT
expect_rc 0 "closing policies" --db "$D" --json policy list --closing
jq_is 'length' 4 "four policies closing within 14 days"
jq_is '[.[] | .closing and .days_left >= 0 and .days_left <= 14] | all' \
	true "every row listed as closing is closing"
jq_is '[.[].status] | unique | join(",")' "applying,watching" \
	"closing policies are watched or applied for"
expect_rc 0 "missed policies" --db "$D" --json policy list --status missed
jq_is 'length' 1 "policy list --status missed finds exactly one"
expect_rc 0 "policy audit" --db "$D" --json audit log --entity policy
jq_is '[.[].action] | unique | join(",")' \
	"policy.add,policy.link,policy.update" \
	"policies were added, linked and updated through the audited svc"

# The practice library: ten practices of eight units, two promoted by
# wang, two made from the demo's commendations.

expect_rc 0 "practices" --db "$D" --json practice list
jq_is 'length' 10 "ten practices"
jq_is '[.[].unit] | unique | join(",")' \
	"HRB-DL,HRB-HL,HRB-NG,HRB-SB,HRB-STJ,HRB-XF,HRB-YSJ,HRB-ZJJ" \
	"practices of eight units"
jq_is '[.[] | (.tags | length) >= 1 and (.body | length) > 30] | all' true \
	"every practice has tags and a body"
jq_is '[.[] | select(.promoted) | "\(.title):\(.promoted_by)"] | sort |
	join(",")' \
	"“接诉即办”三级响应机制:wang,企业开办“一窗通办、一日办结”:wang" \
	"two promoted by wang"
jq_is '[.[] | select(.merit_id != null) | .title] | sort | join(",")' \
	"“一刻钟便民生活圈”建设经验在全省推广,营商环境评价位居全省前列" \
	"two made from commendations, titled by their reasons"
practices_first=$OUT
from_merit=$(printf '%s' "$OUT" | jq -r '[.[] | select(.title ==
	"营商环境评价位居全省前列")][0].merit_id')
expect_rc 0 "commendations again" --db "$D" --json commend list
jq_is "[.[] | select(.id == $from_merit) | .reason] | join(\",\")" \
	"营商环境评价位居全省前列" \
	"the practice's merit_id is that commendation's id"
expect_rc 0 "search 河长制" --db "$D" --json practice list --search 河长制
jq_is '[.[].title] | join(",")' "河长制“巡河+督办”闭环管理" \
	"practice list --search 河长制 finds one"
expect_rc 0 "tag 基层减负" --db "$D" --json practice list --tag 基层减负
jq_is 'length' 2 "two practices are tagged 基层减负"
expect_rc 0 "promoted" --db "$D" --json practice list --promoted
jq_is 'length' 2 "practice list --promoted lists two"

expect_rc 0 "demo --json" --db "$TMP/json.db" --json demo --scale 10 \
	--seed 7
jq_is '"\(.eval_period) \(.cadre_period) \(.evaluations) \(.ballots)
	\(.inspections > 30) \(.rectifications > 0)"' \
	"2026-Q3 2026 3 34
	true true" "demo --json counts the evaluation system"
jq_is '"\(.policies) \(.practices) \(.promoted)"' "12 10 2" \
	"demo --json counts policies, practices and promotions"

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
expect_rc 0 "policies 2" --db "$TMP/again.db" --json policy list
expect_eq "$OUT" "$policies_first" "the same seed gives the same policies"
expect_rc 0 "practices 2" --db "$TMP/again.db" --json practice list
expect_eq "$OUT" "$practices_first" \
	"the same seed gives the same practices"
expect_rc 0 "another seed" --db "$TMP/other.db" demo --scale 10 --seed 8
expect_rc 0 "eval 3" --db "$TMP/other.db" --json eval --period 2026-Q3 \
	--group district
[ "$OUT" != "$eval_first" ] && ok ||
	bad "another seed gives another evaluation"

done_testing
