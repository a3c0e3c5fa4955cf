#!/bin/sh
# Cadre assessment (SPEC §6, the cadre row of §9) through the real binary
# on a small fixed city: who may rate whom (403 rating oneself or for
# others, 404 out of scope), bad input naming the field and changing
# nothing, replacing a ballot (audited with before and after), and the
# grades with every number computed by hand below: renormalised rater
# types, performance from owned tasks, the excellent quota of a unit, a
# tie at the quota boundary, a veto, and what each role may see.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
expect_ok "wang" user add wang --name 王督查 --unit HRB --role supervisor
expect_ok "dl" user add dl --name 道里区长 --unit HRB-DL --role leader
for u in li zhao sun zhou; do
	expect_ok "$u" user add $u --name "$u" --unit HRB-DL --role staff
done
expect_ok "ng" user add ng --name 南岗干事 --unit HRB-NG --role staff
expect_ok "ngsup" user add ngsup --name 南岗督查 --unit HRB-NG \
	--role supervisor
expect_ok "kan" user add kan --name 道里只读 --unit HRB-DL --role viewer

# rate ACTOR LOGIN TYPE POL COMP RESP STRG COND [MORE...]: a ballot of
# period 2026-Q4 cast by ACTOR as themselves.
rate() {
	_r_as=$1
	_r_login=$2
	_r_type=$3
	shift 3
	_r_p=$1 _r_c=$2 _r_r=$3 _r_s=$4 _r_d=$5
	shift 5
	expect_ok "$_r_as rates $_r_login" --as "$_r_as" cadre rate \
		"$_r_login" --period 2026-Q4 --type "$_r_type" \
		--political "$_r_p" --competence "$_r_c" \
		--responsibility "$_r_r" --struggle "$_r_s" --conduct "$_r_d" "$@"
}

# --- tasks owned in 2026-Q4 (performance) ----------------------------------
# li: #1 due 11-10 closed 11-09 (on time), #2 due 11-20 closed 11-25
# (late), #3 due 12-20 open, #4 due 12-31 cancelled (not counted), #5 due
# 2027-01-10 (outside the period): 1 on time of 3 owned.
# zhao: #6 due 11-15 closed 11-15 (on time): 1 of 1.
T0="--today 2026-11-01"
expect_ok "t1" $T0 task add 一 --lead HRB-DL --owner li --due 2026-11-10
expect_ok "t2" $T0 task add 二 --lead HRB-DL --owner li --due 2026-11-20
expect_ok "t3" $T0 task add 三 --lead HRB-DL --owner li --due 2026-12-20
expect_ok "t4" $T0 task add 四 --lead HRB-DL --owner li --due 2026-12-31
expect_ok "t5" $T0 task add 五 --lead HRB-DL --owner li --due 2027-01-10
expect_ok "t6" $T0 task add 六 --lead HRB-DL --owner zhao --due 2026-11-15
close_on() {	# ID DAY
	expect_ok "ack $1" $T0 task ack "$1"
	expect_ok "submit $1" --today "$2" task submit "$1"
	expect_ok "close $1" --today "$2" task close "$1"
}
close_on 1 2026-11-09
close_on 2 2026-11-25
close_on 6 2026-11-15
expect_ok "cancel 4" task cancel 4 --reason 撤销

# --- who may rate whom --------------------------------------------------------
n=$(audit_count)
expect_fail 4 "rating oneself" --as li cadre rate li --period 2026-Q4 \
	--type peer --political 90 --competence 90 --responsibility 90 \
	--struggle 90 --conduct 90
expect_err "'li' may not rate themselves" "rating oneself: message"
expect_fail 4 "a paper ballot on oneself" --as wang cadre rate li \
	--rater li --period 2026-Q4 --type peer --political 90 \
	--competence 90 --responsibility 90 --struggle 90 --conduct 90
expect_fail 4 "staff records for another rater" --as li cadre rate zhao \
	--rater sun --period 2026-Q4 --type peer --political 90 \
	--competence 90 --responsibility 90 --struggle 90 --conduct 90
expect_err "user 'li' (role staff) may not record ratings for other raters" \
	"staff records for another rater: message"
expect_fail 4 "a viewer rates" --as kan cadre rate li --period 2026-Q4 \
	--type public --political 90 --competence 90 --responsibility 90 \
	--struggle 90 --conduct 90
expect_err "user 'kan' (role viewer) may not rate cadres" "viewer: message"
expect_fail 3 "a supervisor records a rater out of scope" --as ngsup \
	cadre rate ng --rater li --period 2026-Q4 --type peer \
	--political 90 --competence 90 --responsibility 90 --struggle 90 \
	--conduct 90
expect_err "user 'li' not found" "rater out of scope: message"
expect_fail 3 "a supervisor records on a person out of scope" --as ngsup \
	cadre rate li --rater ng --period 2026-Q4 --type public \
	--political 90 --competence 90 --responsibility 90 --struggle 90 \
	--conduct 90
expect_err "user 'li' not found" "person out of scope: message"
expect_fail 3 "an unknown person" --as li cadre rate nobody \
	--period 2026-Q4 --type peer --political 90 --competence 90 \
	--responsibility 90 --struggle 90 --conduct 90
expect_err "user 'nobody' not found" "unknown person: message"
expect_fail 2 "the built-in admin has no unit" --as wang cadre rate admin \
	--period 2026-Q4 --type peer --political 90 --competence 90 \
	--responsibility 90 --struggle 90 --conduct 90
expect_err "user 'admin' belongs to no unit and cannot be assessed" \
	"unitless: message"

# --- bad input names the field and value ----------------------------------
expect_fail 2 "score 101" --as li cadre rate zhao --period 2026-Q4 \
	--type peer --political 101 --competence 90 --responsibility 90 \
	--struggle 90 --conduct 90
expect_err "invalid value '101' for --political (an integer 0..100)" \
	"score 101: message"
expect_fail 2 "score -1" --as li cadre rate zhao --period 2026-Q4 \
	--type peer --political 90 --competence 90 --responsibility 90 \
	--struggle -1 --conduct 90
expect_err "invalid value '-1' for --struggle" "score -1: message"
expect_fail 2 "score 9.5" --as li cadre rate zhao --period 2026-Q4 \
	--type peer --political 90 --competence 90 --responsibility 90 \
	--struggle 90 --conduct 9.5
expect_err "invalid value '9.5' for --conduct" "score 9.5: message"
expect_fail 2 "missing --conduct" --as li cadre rate zhao \
	--period 2026-Q4 --type peer --political 90 --competence 90 \
	--responsibility 90 --struggle 90
expect_err "missing --conduct for cadre rate" "missing --conduct: message"
expect_fail 2 "bad type" --as li cadre rate zhao --period 2026-Q4 \
	--type boss --political 90 --competence 90 --responsibility 90 \
	--struggle 90 --conduct 90
expect_err "invalid rater type 'boss' for --type" "bad type: message"
expect_fail 2 "bad period" --as li cadre rate zhao --period 2026-Q5 \
	--type peer --political 90 --competence 90 --responsibility 90 \
	--struggle 90 --conduct 90
expect_err "invalid period '2026-Q5' (expected YYYY, YYYY-Qn or YYYY-MM)" "bad period: message"
expect_fail 2 "empty veto" --as li cadre rate zhao --period 2026-Q4 \
	--type peer --political 90 --competence 90 --responsibility 90 \
	--struggle 90 --conduct 90 --veto ""
expect_err "empty veto" "empty veto: message"
expect_fail 2 "grade: bad period" cadre grade --period 26
expect_err "invalid period '26' (expected YYYY, YYYY-Qn or YYYY-MM)" "grade: bad period: message"
expect_fail 2 "grade: no period" cadre grade
expect_eq "$(audit_count)" "$n" "nothing recorded by refused ballots"
ls_run --json cadre grade --period 2026-Q4
expect_out "[]" "nobody assessed yet"

# --- the ballots ------------------------------------------------------------
# li: superiors wang 90 and dl 80 (mean 85), peer zhao
#     (20·70 + 25·80 + 20·90 + 15·60 + 20·100)/100 = 8100/100 = 81,
#     public ng 60. rating = (40·85 + 30·81 + 10·60) / (40+30+10) =
#     (3400 + 2430 + 600) / 80 = 6430 / 80 = 80.375 → 80.38;
#     performance 1/3 → 33.33; score 0.7·80.375 + 0.3·100/3 = 56.2625 +
#     10 = 66.2625 → 66.26: basic.
rate wang li superior 90 90 90 90 90
rate dl li superior 80 80 80 80 80
rate zhao li peer 50 50 50 50 50	# replaced below by 70 80 90 60 100
rate ng li public 60 60 60 60 60
# zhao: superior wang 95, peer li 100: (40·95 + 30·100) / 70 = 6800 / 70
#     = 97.142857… → 97.14; performance 100; score 0.7·6800/70 + 30 = 68
#     + 30 = 98: excellent (the first of the unit's quota of 1).
rate wang zhao superior 95 95 95 95 95
rate li zhao peer 100 100 100 100 100
# sun: superior wang 92, no tasks: score 92 ≥ 90 but zhao's 98 already
#     fills floor(5/5) = 1: competent by quota.
rate wang sun superior 92 92 92 92 92
# zhou: superiors wang 90 and dl 90 with a veto: 90 but incompetent.
rate wang zhou superior 90 90 90 90 90
rate dl zhou superior 90 90 90 90 90 --veto 廉洁问题
# dl (paper ballot of li, entered by the supervisor wang): superior wang
#     75, subordinate li 65: (40·75 + 20·65) / 60 = 4300 / 60 =
#     71.666… → 71.67, no tasks: competent.
rate wang dl superior 75 75 75 75 75
ls_run --as wang cadre rate dl --rater li --period 2026-Q4 \
	--type subordinate --political 65 --competence 65 \
	--responsibility 65 --struggle 65 --conduct 65 --json
jq_is '[.rater, .recorded_by, .type, .score] | join(",")' \
	"li,wang,subordinate,65" "a paper ballot is li's, recorded by wang"
# ng (HRB-NG): superior wang 88: competent, alone in the unit (quota 0).
rate wang ng superior 88 88 88 88 88

# replacing a ballot: zhao's peer ballot on li was 50s; rating again
# leaves one ballot, and the audit entry has before and after.
n=$(audit_count)
ls_run --as zhao --json cadre rate li --period 2026-Q4 --type peer \
	--political 70 --competence 80 --responsibility 90 --struggle 60 \
	--conduct 100
expect_eq "$RC" 0 "rating again"
id=$(printf '%s' "$OUT" | jq -r .id)
jq_is .score 81 "the rater's score 8100/100"
expect_eq "$(audit_count)" $((n + 1)) "a replacement is audited"
ls_run --json audit log
jq_is '.[-1] | [.action, .entity, .entity_id, (.before | .political),
	(.after | .political), (.after | has("score"))] | map(tostring) |
	join(",")' "cadre.rate,cadre_rating,$id,50,70,false" \
	"the audit entry carries before and after (record form)"
ls_run --as zhao --json cadre ratings --period 2026-Q4
jq_is 'length' 1 "zhao cast one ballot"
jq_is '.[0] | [.login, .rater, .type, .score] | map(tostring) | join(",")' \
	"li,zhao,peer,81" "zhao's own ballot"
ls_run --as zhao cadre ratings --period 2026-Q4
expect_out "LOGIN         TYPE         POL  COMP  RESP  STRG  COND   SCORE  VETO
li            peer          70    80    90    60   100   81.00  -" \
	"zhao's ballots as a table"
ls_run --as zhao --json cadre ratings --period 2026-Q3
expect_out "[]" "no ballots in another period"

# --- grades -------------------------------------------------------------------
# HRB-DL (5 assessed, quota 1) by score descending, then HRB-NG.
ROWS='[{"login":"zhao","name":"zhao","unit":"HRB-DL","rating":97.14,"performance":100,"score":98,"grade":"excellent","veto":null},{"login":"sun","name":"sun","unit":"HRB-DL","rating":92,"performance":null,"score":92,"grade":"competent","veto":null},{"login":"zhou","name":"zhou","unit":"HRB-DL","rating":90,"performance":null,"score":90,"grade":"incompetent","veto":"廉洁问题"},{"login":"dl","name":"道里区长","unit":"HRB-DL","rating":71.67,"performance":null,"score":71.67,"grade":"competent","veto":null},{"login":"li","name":"li","unit":"HRB-DL","rating":80.38,"performance":33.33,"score":66.26,"grade":"basic","veto":null},{"login":"ng","name":"南岗干事","unit":"HRB-NG","rating":88,"performance":null,"score":88,"grade":"competent","veto":null}]'
ls_run --json cadre grade --period 2026-Q4
expect_out "$ROWS" "every row, by unit, score, login"
ls_run --as wang --json cadre grade --period 2026-Q4
expect_out "$ROWS" "the supervisor at the root sees every row"
ls_run --as dl --json cadre grade --period 2026-Q4
jq_is '[.[].login] | join(",")' "zhao,sun,zhou,dl,li" "the leader: HRB-DL"
ls_run --as wang --json cadre grade --period 2026-Q4 --unit HRB-NG
jq_is '[.[].login] | join(",")' "ng" "--unit HRB-NG"
expect_fail 3 "--unit out of scope" --as dl cadre grade --period 2026-Q4 \
	--unit HRB-NG
expect_err "unit 'HRB-NG' not found" "--unit out of scope: message"
ls_run --as li --json cadre grade --period 2026-Q4
expect_out '[{"login":"li","name":"li","unit":"HRB-DL","rating":80.38,"performance":33.33,"score":66.26,"grade":"basic","veto":null}]' \
	"staff see only their own row"
ls_run --as kan --json cadre grade --period 2026-Q4
expect_out "[]" "a viewer not assessed sees nothing"
ls_run --as ngsup --json cadre grade --period 2026-Q4
jq_is '[.[] | .login + ":" + .grade] | join(",")' "ng:competent" \
	"a supervisor of HRB-NG sees HRB-NG"
ls_run cadre grade --period 2026-Q4 --unit HRB-NG
expect_out "UNIT          LOGIN         RATING    PERF   SCORE  GRADE        NAME          VETO
HRB-NG        ng             88.00       -   88.00  competent    南岗干事      -" \
	"grade as a table"
ls_run --limit 2 --json cadre grade --period 2026-Q4
jq_is '[.[].login] | join(",")' "zhao,sun" "--limit 2"

# --- one person's page ------------------------------------------------------
ls_run --as wang --json cadre show li --period 2026-Q4
jq_is '[.score, .grade, .basis, .unit_assessed, .unit_quota, .owned,
	.on_time] | map(tostring) | join(",")' "66.26,basic,score,5,1,3,1" \
	"li's page: score and why"
# shares: 40/80 = 50%, 30/80 = 37.5%, 0, 10/80 = 12.5%
jq_is '[.raters[] | "\(.type):\(.weight):\(.share):\(.raters):\(.mean)"] |
	join(",")' \
	"superior:40:50:2:85,peer:30:37.5:1:81,subordinate:20:0:0:null,public:10:12.5:1:60" \
	"the ballots by type, renormalised"
jq_is '.raters[1].dimensions | [.political, .competence, .responsibility,
	.struggle, .conduct] | map(tostring) | join(",")' "70,80,90,60,100" \
	"the peer's dimension means"
jq_is '[.tasks[] | "\(.id):\(.due):\(.closed_on):\(.on_time)"] |
	join(",")' \
	"1:2026-11-10:2026-11-09:true,2:2026-11-20:2026-11-25:false,3:2026-12-20:null:false" \
	"the tasks counted (cancelled and out of period left out)"
ls_run --as li --json cadre show li --period 2026-Q4
jq_is '[.score, .grade, .raters, .owned] | map(tostring) | join(",")' \
	"66.26,basic,null,3" "the person sees their score, not the ballots"
ls_run --as li cadre show li --period 2026-Q4
expect_lacks "ballots" "no ballots on the person's own page"
expect_contains "grade basic, score 66.26 = 0.7 × rating 80.38 + 0.3 × performance 33.33" \
	"the page explains the score"
ls_run --as dl --json cadre show dl --period 2026-Q4
jq_is .raters null "a leader does not see the ballots on themselves"
ls_run --as wang cadre show sun --period 2026-Q4
expect_contains "why: score 92.00 ≥ 90, but the unit's excellent quota is 1 (floor(5 / 5))" \
	"the quota explained"
ls_run --as wang --json cadre show sun --period 2026-Q4
jq_is .basis quota "sun: quota"
ls_run --as dl --json cadre show zhou --period 2026-Q4
jq_is '[.grade, .basis, .veto] | join(",")' "incompetent,veto,廉洁问题" \
	"zhou: vetoed"
ls_run --as dl --json cadre show zhao --period 2026-Q4
jq_is '[.grade, .basis, .performance] | map(tostring) | join(",")' \
	"excellent,score,100" "zhao: excellent"
expect_fail 4 "staff read someone else's page" --as li cadre show zhao \
	--period 2026-Q4
expect_fail 3 "a leader reads a page out of scope" --as dl cadre show ng \
	--period 2026-Q4
expect_err "user 'ng' not found" "out of scope: message"
expect_fail 3 "staff read a page out of scope" --as li cadre show ng \
	--period 2026-Q4
expect_fail 3 "nobody rated kan" --as wang cadre show kan --period 2026-Q4
expect_err "'kan' has no ratings for period 2026-Q4" "not assessed: message"
expect_fail 2 "show: bad period" --as wang cadre show li --period 2026-13

# --- a tie at the quota boundary (2026-Q3: no owned tasks due) -------------
# 5 assessed in HRB-DL, quota 1; li and zhao tie at 95: admitting both
# would make 2 > 1, so neither is excellent (at most 20% holds).
for u in li zhao; do
	expect_ok "95 for $u" --as wang cadre rate $u --period 2026-Q3 \
		--type superior --political 95 --competence 95 \
		--responsibility 95 --struggle 95 --conduct 95
done
for u in sun zhou dl; do
	expect_ok "80 for $u" --as wang cadre rate $u --period 2026-Q3 \
		--type superior --political 80 --competence 80 \
		--responsibility 80 --struggle 80 --conduct 80
done
ls_run --json cadre grade --period 2026-Q3
jq_is '[.[] | "\(.login):\(.score):\(.grade)"] | join(",")' \
	"li:95:competent,zhao:95:competent,dl:80:competent,sun:80:competent,zhou:80:competent" \
	"a tie at the boundary: neither admitted, login breaks the tie"
ls_run --json cadre show li --period 2026-Q3
jq_is '[.basis, .owned, .performance] | map(tostring) | join(",")' \
	"quota,0,null" "the tie: by quota, no tasks"
# a sixth person makes no difference (floor(6/5) = 1) ...
expect_ok "sixth" --as wang cadre rate kan --period 2026-Q3 \
	--type superior --political 60 --competence 60 --responsibility 60 \
	--struggle 60 --conduct 60
ls_run --json cadre grade --period 2026-Q3 --unit HRB-DL
jq_is '[.[] | select(.grade == "excellent")] | length' 0 "6 assessed: still none"
# ... but a veto on zhao frees the place for li alone.
expect_ok "veto zhao" --as dl cadre rate zhao --period 2026-Q3 \
	--type superior --political 95 --competence 95 --responsibility 95 \
	--struggle 95 --conduct 95 --veto 作风问题
ls_run --json cadre grade --period 2026-Q3
jq_is '[.[] | "\(.login):\(.grade)"] | join(",")' \
	"li:excellent,zhao:incompetent,dl:competent,sun:competent,zhou:competent,kan:basic" \
	"a vetoed person takes no place"

# --- help -------------------------------------------------------------------
expect_ok "help" cadre --help
expect_contains "at most floor(n / 5) excellent per unit" "help: the quota"
expect_ok "rate --help" cadre rate --help
expect_contains "usage: luoshi cadre rate LOGIN" "rate --help"
expect_fail 2 "unknown subcommand" cadre promote

done_testing
