#!/bin/sh
# The evaluation system over HTTP: /inspections, /commendations,
# /accountabilities, /eval (GET and POST with an inline scheme), the
# explain route /eval/{unit} and /burden. Answers are the CLI's --json
# byte for byte; 403 for staff creating, 404 out of scope, 400 naming the
# field for a bad period or scheme, the cap's Warning header and 409.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "DL" unit add DL 道里区 --parent HRB --kind district
expect_ok "NG" unit add NG 南岗区 --parent HRB --kind district
api_token admin
api_user wang HRB supervisor 王督查
api_user li DL staff 李干事
api_user ng NG staff 南岗干事
# DL: one task due 11-10, acked the day created, closed 11-05 (on time);
# NG: one task due 11-10 never acked or closed.
expect_ok "task DL" --today 2026-11-01 task add a --lead DL --due 2026-11-10
expect_ok "ack" --today 2026-11-01 task ack 1
expect_ok "submit" --today 2026-11-05 task submit 1
expect_ok "close" --today 2026-11-05 task close 1
expect_ok "task NG" --today 2026-11-01 task add b --lead NG --due 2026-11-10
server_start

# Inspections.
apij wang POST /api/v1/inspections \
	'{"unit":"DL","on":"2026-11-02","score":80,"findings":"台账",
	  "rectify":["补台账, 二期@2026-12-15"]}'
expect_status 201 "create inspection"
jq_is '.rectifications[0].title' "补台账, 二期" "a comma in a title"
jq_is '.rectifications[0].rectified_on_time' null "open rectification"
expect_header Location /api/v1/inspections/1 "Location"
apij li POST /api/v1/inspections '{"unit":"DL","on":"2026-11-02","score":80}'
expect_error 403 forbidden role "staff cannot create inspections"
apij wang POST /api/v1/inspections '{"unit":"DL","on":"2026-11-02","score":180}'
expect_error 400 invalid score "score out of range"
apij wang POST /api/v1/inspections \
	'{"unit":"DL","on":"2026-11-02","score":80,"rectify":["x"]}'
expect_error 400 invalid rectify "bad rectification item"
apij wang POST /api/v1/inspections \
	'{"unit":"DL","on":"2026-11-02","score":80,"color":1}'
expect_error 400 invalid color "unknown field"
api_as wang GET /api/v1/inspections/1
expect_status 200 "show"
expect_eq "$BODY" "$(L_OUT=$("$LUOSHI_BIN" --json inspect show 1); \
	printf '%s' "$L_OUT")" "show = CLI --json"
api_as ng GET /api/v1/inspections/1
expect_error 404 not_found id "out of scope"
api_as li GET "/api/v1/inspections?period=2026-11"
expect_status 200 "list"
expect_body_ids 1 "list in scope"
expect_header X-Total-Count 1 "total"
expect_eq "$BODY" "$("$LUOSHI_BIN" --json inspect list --period 2026-11)" \
	"list = CLI --json"
api_as ng GET /api/v1/inspections
expect_body_ids "" "NG sees none"
api_as li GET "/api/v1/inspections?period=2026-Q5"
expect_error 400 invalid period "bad period in list"

# The cap (2): the second in a month warns in a Warning header, the third
# is a conflict unless over_cap gives the reason.
expect_ok "cap 2" settings set inspection_cap 2
apij wang POST /api/v1/inspections '{"unit":"DL","on":"2026-11-20","score":90}'
expect_status 201 "second reaches the cap"
case $(header Warning) in
*"inspection 2 of 2 for unit 'DL' in 2026-11 reaches inspection_cap"*)
	ok ;;
*) bad "Warning header: '$(header Warning)'" ;;
esac
apij wang POST /api/v1/inspections '{"unit":"DL","on":"2026-11-21","score":90}'
expect_error 409 conflict over_cap "beyond the cap"
apij wang POST /api/v1/inspections \
	'{"unit":"DL","on":"2026-11-21","score":90,"over_cap":"专项"}'
expect_status 201 "beyond the cap with a reason"
jq_is .over_cap 专项 "reason kept"

# Merits.
apij wang POST /api/v1/commendations \
	'{"unit":"DL","on":"2026-11-03","points":2,"reason":"先进"}'
expect_status 201 "commend"
jq_is '"\(.id) \(.kind) \(.unit) \(.person) \(.points)"' \
	"1 commend DL null 2" "commendation object"
apij wang POST /api/v1/accountabilities \
	'{"person":"ng","on":"2026-11-03","points":1,"reason":"迟报"}'
expect_status 201 "account a person"
jq_is '"\(.kind) \(.unit) \(.person)"' "account NG ng" "person's unit kept"
apij li POST /api/v1/commendations \
	'{"unit":"DL","on":"2026-11-03","points":2,"reason":"x"}'
expect_error 403 forbidden role "staff cannot commend"
apij wang POST /api/v1/commendations \
	'{"unit":"DL","on":"2026-11-03","points":-2,"reason":"x"}'
expect_error 400 invalid points "negative points"
api_as admin GET /api/v1/accountabilities
expect_eq "$BODY" "$("$LUOSHI_BIN" --json account list)" \
	"accountabilities = CLI --json"
api_as li GET /api/v1/accountabilities
expect_body_ids "" "DL staff does not see NG's"

# Eval. DL: completion 1/1, ontime 1/1, response 1/1 → 100 on those;
# inspection (80 + 90 + 90)/3 = 86.67; score (3000 + 2000 + 1000 +
# 866.67)/70 = 98.10 + 2 = 100.10. NG: 0/1, -, 0/1 → 0 (its person's
# accountability leaves the unit alone). Ranks DL 1, NG 2.
api_as wang GET "/api/v1/eval?period=2026-11&group=district"
expect_status 200 "eval"
jq_is '[.[] | "\(.unit):\(.rank):\(.score)"] | join(",")' \
	"DL:1:100.1,NG:2:0" "ranks and scores"
expect_eq "$BODY" \
	"$("$LUOSHI_BIN" --json eval --period 2026-11 --group district)" \
	"eval = CLI --json"
api_as li GET "/api/v1/eval?period=2026-11&group=district"
jq_is '[.[] | "\(.unit):\(.rank)"] | join(",")' "DL:1" "scoped rows"
api_as li GET "/api/v1/eval?period=2026-13"
expect_error 400 invalid period "bad period"
api_as li GET "/api/v1/eval"
expect_error 400 invalid period "missing period"
apij li POST /api/v1/eval \
	'{"period":"2026-11","group":"district","scheme":{"weights":{"completion":1,"ontime":0,"response":0,"daily":0,"indicators":0,"inspection":0}}}'
expect_status 200 "inline scheme"
# completion only: DL 100 + 2 = 102
jq_is '.[0].score' 102 "scheme applied"
apij li POST /api/v1/eval '{"period":"2026-11","scheme":{"weights":{"speed":1}}}'
expect_error 400 invalid weights.speed "unknown weight"
apij li POST /api/v1/eval '{"period":"2026-11","scheme":{"weights":{"daily":-1}}}'
expect_error 400 invalid weights.daily "negative weight"
api_as li GET "/api/v1/eval?period=2026-11&scheme=%7B%22weights%22%3A%7B%22x%22%3A1%7D%7D"
expect_error 400 invalid weights.x "scheme in the query"
apij li POST /api/v1/eval '{"period":"2026-11","publish":true}'
expect_error 403 forbidden role "staff cannot publish"
apij wang POST /api/v1/eval '{"period":"2026-11","group":"district","publish":true}'
expect_status 200 "publish"

# The funnel plot's data (the same JSON as eval --funnel).
api_as wang GET "/api/v1/eval/funnel?period=2026-11&group=district"
expect_status 200 "funnel"
expect_eq "$BODY" \
	"$("$LUOSHI_BIN" --json eval --period 2026-11 --group district --funnel)" \
	"funnel = CLI --json"
jq_is '[.pooled, (.units | length), (.limits | length)] | map(tostring) | join(",")' \
	"100,1,1" "funnel: DL 1 of 1 on time, NG none closed"
api_as li GET "/api/v1/eval/funnel?period=2026-11"
expect_error 400 invalid group "funnel without a group"
api_as li GET "/api/v1/eval/funnel?period=2026-1&group=district"
expect_error 400 invalid period "funnel with a bad period"

# Explain.
api_as li GET "/api/v1/eval/DL?period=2026-11"
expect_status 200 "explain"
expect_eq "$BODY" \
	"$("$LUOSHI_BIN" --json eval --period 2026-11 --explain DL)" \
	"explain = CLI --json"
jq_is '.metrics.completion.ids | map(tostring) | join(",")' 1 "explain ids"
jq_is '.metrics.inspection.denominator' 3 "inspections counted"
api_as li GET "/api/v1/eval/NG?period=2026-11"
expect_error 404 not_found unit "explain out of scope"
api_as li GET "/api/v1/eval/DL?period=26"
expect_error 400 invalid period "explain bad period"

# Burden.
api_as wang GET "/api/v1/burden?period=2026-11"
expect_status 200 "burden"
jq_is '[.[] | "\(.unit):\(.inspections):\(.evaluations):\(.over_cap)"] | join(",")' \
	"DL:3:1:true,NG:0:1:false" "burden rows"
expect_eq "$BODY" "$("$LUOSHI_BIN" --json burden --period 2026-11)" \
	"burden = CLI --json"

api_done
