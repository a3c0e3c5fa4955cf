#!/bin/sh
# The policy system over HTTP (/api/v1/policies, SPEC §2 and §7): the
# objects are `luoshi policy show --json` byte for byte; 201 with
# Location and ETag; 400 naming the field (dates, level, status, unknown
# field, query filters); 403 for staff and viewers; 404 outside the
# caller's scope; PATCH with If-Match (412 stale, nothing changed); 409
# for a status no longer possible and a link made twice; list filters
# and paging on the reference day 2026-11-26.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "DL" unit add DL 道里区 --parent HRB --kind district
expect_ok "NG" unit add NG 南岗区 --parent HRB --kind district
api_token admin
api_user wang HRB supervisor 王督查
api_user dl DL leader 道里区长
api_user li DL staff 李干事
api_user kan DL viewer 道里只读
api_user ng NG leader 南岗区长
expect_ok "goal 1" goal add 经济 --unit DL --year 2026
expect_ok "goal 2" goal add 创新 --unit NG --year 2026
expect_ok "task 1" task add 申报 --lead DL --due 2026-12-05
server_start

# cli_is DESC CLI-ARGS...: the last body is `luoshi --json CLI-ARGS`.
cli_is() {
	_ci_d=$1
	_ci_b=$BODY
	shift
	ls_run --json "$@"
	if [ "$RC" -eq 0 ]; then ok; else bad "$_ci_d: luoshi $* exit $RC"; fi
	expect_eq "$_ci_b" "$OUT" "$_ci_d: the CLI's JSON (luoshi --json $*)"
	BODY=$_ci_b
	OUT=$_ci_b
}

P1='{"title":"专项债券","issuer":"财政部","level":"national","issued_on":"2026-10-01","window_open":"2026-11-01","window_close":"2026-12-10","unit":"DL"}'

# --- create: refusals change nothing ----------------------------------
n=$(audit_count)
apij li POST /api/v1/policies "$P1"
expect_error 403 forbidden role "staff cannot add a policy"
apij kan POST /api/v1/policies "$P1"
expect_error 403 forbidden role "a viewer cannot add a policy"
apij ng POST /api/v1/policies "$P1"
expect_error 404 not_found unit "a leader adds for another district"
apij wang POST /api/v1/policies '{"title":"x","issuer":"y","level":"county","issued_on":"2026-10-01","window_open":"2026-11-01","window_close":"2026-12-10","unit":"DL"}'
expect_error 400 invalid level "unknown level"
jq_is .error.message "invalid level 'county' (national, provincial or municipal)" \
	"level message"
apij wang POST /api/v1/policies '{"title":"x","issuer":"y","level":"national","issued_on":"2026-10-01","window_open":"2026-12-11","window_close":"2026-12-10","unit":"DL"}'
expect_error 400 invalid window_open "window opens after it closes"
jq_is .error.message "window_open 2026-12-11 is after window_close 2026-12-10" \
	"window message"
apij wang POST /api/v1/policies '{"title":"x","issuer":"y","level":"national","issued_on":"2026-12-11","window_open":"2026-11-01","window_close":"2026-12-10","unit":"DL"}'
expect_error 400 invalid issued_on "issued after the close"
apij wang POST /api/v1/policies '{"title":"x","issuer":"y","level":"national","issued_on":"2026-10-01","window_open":"2026-11-01","unit":"DL"}'
expect_error 400 invalid window_close "no close"
apij wang POST /api/v1/policies '{"title":"x","issuer":"y","level":"national","issued_on":"2026-10-01","window_open":"2026-11-01","window_close":"2026-12-32","unit":"DL"}'
expect_error 400 invalid window_close "bad date"
apij wang POST /api/v1/policies '{"issuer":"y","level":"national","issued_on":"2026-10-01","window_open":"2026-11-01","window_close":"2026-12-10","unit":"DL"}'
expect_error 400 invalid title "no title"
apij wang POST /api/v1/policies '{"title":"x","issuer":"y","level":"national","issued_on":"2026-10-01","window_open":"2026-11-01","window_close":"2026-12-10","unit":"DL","goals":[1]}'
expect_error 400 invalid goals "unknown field"
apij wang POST /api/v1/policies '{"title":"x","issuer":"y","level":"national","issued_on":"2026-10-01","window_open":"2026-11-01","window_close":"2026-11-20","unit":"DL","status":"watching"}'
expect_error 409 conflict status "watching a closed window"
expect_eq "$(audit_count)" "$n" "nothing recorded by refused creations"

apij dl POST /api/v1/policies "$P1"
expect_status 201 "the district's leader adds policy 1"
expect_header Location /api/v1/policies/1 "policy 1"
expect_header ETag '"1"' "policy 1 at version 1"
expect_eq "$BODY" '{"id":1,"title":"专项债券","issuer":"财政部","level":"national","issued_on":"2026-10-01","window_open":"2026-11-01","window_close":"2026-12-10","unit":"DL","status":"watching","recorded_status":"watching","closing":true,"days_left":14,"value":null,"goals":[],"tasks":[],"created_at":"2026-11-26T00:00:00Z","version":1}' \
	"policy 1's object"
cli_is "created = show --json" policy show 1
# 2: DL's, closed 11-25 un-landed (recorded watching then): missed
expect_ok "policy 2" --today 2026-11-01 policy add 就业补贴 --issuer 人社局 \
	--level municipal --issued 2026-09-01 --open 2026-09-01 \
	--close 2026-11-25 --unit DL
# 3: NG's, far off
apij wang POST /api/v1/policies '{"title":"科创","issuer":"科技部","level":"national","issued_on":"2026-11-01","window_open":"2026-11-01","window_close":"2027-03-31","unit":"NG","status":"applying","value":"申报 500 万元"}'
expect_status 201 "the supervisor adds policy 3 for NG"
jq_is '[.status, .closing, .days_left, .value]|tostring' \
	'["applying",false,125,"申报 500 万元"]' \
	"policy 3: 5 + 31 + 31 + 28 + 31 = 126 - 1 = 125 days left"

# --- show and list: scope, filters, paging ----------------------------
api_as dl GET /api/v1/policies/2
expect_status 200 "show policy 2"
expect_header ETag '"1"' "policy 2's version"
jq_is '[.status, .recorded_status, .days_left]|tostring' \
	'["missed","watching",-1]' "missed the day after the close"
api_as ng GET /api/v1/policies/1
expect_error 404 not_found id "another district's policy is not found"
api_as admin GET /api/v1/policies/9
expect_error 404 not_found id "no policy 9"
api_as kan GET /api/v1/policies
expect_status 200 "a viewer lists"
expect_body_ids "2,1" "DL's, by close"
expect_header X-Total-Count 2 "DL's total"
expect_eq "$BODY" "$("$LUOSHI_BIN" --as kan --json policy list)" \
	"list = CLI --json"
api_as admin GET "/api/v1/policies?per_page=2&page=2"
expect_body_ids "3" "page 2 of 2"
expect_header X-Total-Count 3 "all three"
api_as admin GET "/api/v1/policies?closing=true"
expect_body_ids "1" "closing within policy_warn_days"
api_as admin GET "/api/v1/policies?closing_within=13"
expect_body_ids "" "14 days left is not within 13"
api_as admin GET "/api/v1/policies?closing_within=125"
expect_body_ids "1,3" "within 125 days"
api_as admin GET "/api/v1/policies?status=missed"
expect_body_ids "2" "missed"
api_as admin GET "/api/v1/policies?unit=NG"
expect_body_ids "3" "NG's"
api_as dl GET "/api/v1/policies?unit=NG"
expect_error 404 not_found unit "a unit outside scope"
api_as admin GET "/api/v1/policies?status=late"
expect_error 400 invalid status "bad status filter"
api_as admin GET "/api/v1/policies?closing_within=x"
expect_error 400 invalid closing_within "bad closing_within"
api_as admin GET "/api/v1/policies?closing=yes"
expect_error 400 invalid closing "bad closing"

# --- PATCH with If-Match ----------------------------------------------
n=$(audit_count)
apij li PATCH /api/v1/policies/1 '{"status":"applying"}'
expect_error 403 forbidden role "staff cannot update"
apij ng PATCH /api/v1/policies/1 '{"status":"applying"}'
expect_error 404 not_found id "another district's leader"
apij dl PATCH /api/v1/policies/1 '{}'
expect_error 400 invalid status "nothing to change"
apij dl PATCH /api/v1/policies/1 '{"status":"done"}'
expect_error 400 invalid status "bad status"
apij dl PATCH /api/v1/policies/1 '{"status":"applying"}' -H 'If-Match: "2"'
expect_error 412 version_mismatch version "stale If-Match"
apij dl PATCH /api/v1/policies/2 '{"status":"applying"}'
expect_error 409 conflict status "applying after the close"
expect_eq "$(audit_count)" "$n" "nothing recorded by refused updates"
apij dl PATCH /api/v1/policies/1 '{"status":"applying","value":"申报 2 亿元"}' \
	-H 'If-Match: "1"'
expect_status 200 "update with the right version"
expect_header ETag '"2"' "version 2"
jq_is '[.status, .value, .version]|tostring' '["applying","申报 2 亿元",2]' \
	"status and value"
cli_is "patched = show --json" policy show 1
apij dl PATCH /api/v1/policies/1 '{"value":null}'
jq_is '[.value, .version]|tostring' '[null,3]' "null clears the value"
apij dl PATCH /api/v1/policies/2 '{"status":"landed","value":"到位 80 万元"}'
jq_is '[.status, .closing]|tostring' '["landed",false]' "landed late"
expect_eq "$(audit_count)" $((n + 3)) "three updates audited"

# --- links ------------------------------------------------------------
apij dl POST /api/v1/policies/1/links '{"goal_id":2}'
expect_error 404 not_found goal_id "a goal outside scope"
apij dl POST /api/v1/policies/1/links '{"task_id":9}'
expect_error 404 not_found task_id "no task 9"
apij dl POST /api/v1/policies/1/links '{}'
expect_error 400 invalid goal_id "no target"
apij dl POST /api/v1/policies/1/links '{"goal_id":1,"task_id":1}'
expect_error 400 invalid task_id "two targets"
apij dl POST /api/v1/policies/1/links '{"goal_id":1}' -H 'If-Match: "1"'
expect_error 412 version_mismatch version "stale link"
apij li POST /api/v1/policies/1/links '{"goal_id":1}'
expect_error 403 forbidden role "staff cannot link"
apij dl POST /api/v1/policies/1/links '{"goal_id":1}'
expect_status 200 "link goal 1"
apij dl POST /api/v1/policies/1/links '{"task_id":1}' -H 'If-Match: "4"'
expect_status 200 "link task 1"
expect_header ETag '"5"' "each link bumps the version"
jq_is '[.goals, .tasks]|tostring' '[[1],[1]]' "linked"
apij dl POST /api/v1/policies/1/links '{"task_id":1}'
expect_error 409 conflict task_id "linked twice"

api_done
