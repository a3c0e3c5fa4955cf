#!/bin/sh
# Data scope and roles over HTTP (SPEC §1), with the units and tasks of
# tests/cli/test-scope.sh: each user, with a bearer token, lists exactly
# the tasks of their unit and below, its co-units and those they own;
# anything else answers 404 (never 403) like an id that does not exist;
# role checks answer 403; the board has one row per unit of their subtree.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
expect_ok "HRB-DL-01" unit add HRB-DL-01 新阳路街道 --parent HRB-DL \
	--kind street
api_token admin
api_user sup HRB supervisor 督查室
api_user dl HRB-DL leader 道里区长
api_user ng HRB-NG staff 南岗干事
api_user kan HRB-DL viewer 道里只读

due="--due 2026-12-20"
expect_ok "t1 led HRB-DL" task add "t1" --lead HRB-DL $due
expect_ok "t2 led HRB-DL-01" task add "t2" --lead HRB-DL-01 $due
expect_ok "t3 led HRB-NG" task add "t3" --lead HRB-NG $due
expect_ok "t4 HRB-NG co HRB-DL" task add "t4" --lead HRB-NG --co HRB-DL $due
expect_ok "t5 HRB-NG owned by dl" task add "t5" --lead HRB-NG --owner dl $due
expect_ok "t6 led HRB" task add "t6" --lead HRB $due
expect_ok "t7 HRB-DL-01 owned by ng" task add "t7" --lead HRB-DL-01 \
	--owner ng $due
expect_ok "t8 HRB-NG co HRB-DL-01" task add "t8" --lead HRB-NG \
	--co HRB-DL-01 $due
server_start

# --- lists -------------------------------------------------------------------
scope_list() {	# LOGIN WANT
	api_as "$1" GET /api/v1/tasks
	expect_status 200 "$1 lists tasks"
	expect_body_ids "$2" "$1's tasks"
	expect_header X-Total-Count "$(printf '%s' "$2" | tr ',' '\n' |
		grep -c .)" "$1's total"
	expect_eq "$(cli_ids --as "$1" task list)" "$2" "$1's tasks in the CLI"
}
scope_list admin 1,2,3,4,5,6,7,8
scope_list sup 1,2,3,4,5,6,7,8
scope_list dl 1,2,4,5,7,8
scope_list ng 3,4,5,7,8
scope_list kan 1,2,4,7,8
api_as dl GET "/api/v1/tasks?unit=HRB-DL-01"
expect_body_ids 2,7 "leader filters a unit below"
api_as dl GET "/api/v1/tasks?unit=HRB-NG"
expect_error 404 not_found unit "a unit outside scope"
jq_is .error.message "unit 'HRB-NG' not found" "an outside unit is unknown"
NOUNIT=$(printf '%s' "$BODY" | sed 's/HRB-NG/X/')
api_as dl GET "/api/v1/tasks?unit=NOPE"
expect_eq "$(printf '%s' "$BODY" | sed 's/NOPE/X/')" "$NOUNIT" \
	"an outside unit answers like one that does not exist"
api_as dl GET "/api/v1/tasks?owner=dl"
expect_body_ids 5 "owner filter within the scope"
api_as ng GET "/api/v1/tasks?status=open&per_page=2&page=2"
expect_body_ids 5,7 "paging within the scope"
expect_header X-Total-Count 5 "staff's paged total"
for u in sup dl ng kan; do
	for v in next today; do
		api_as "$u" GET "/api/v1/$v"
		expect_status 200 "$u GET /$v"
		expect_eq "$(body_ids)" "$(cli_ids --as "$u" $v)" \
			"$u's /$v is the CLI's"
	done
done
api_as dl GET /api/v1/next
expect_body_ids 1,2,4,5,7,8 "next keeps the leader's scope"

# --- show: out of scope is not found -----------------------------------------
# the answer for an id that does not exist, with the id blanked
noid() {
	printf '%s' "$BODY" | sed "s/'$1'/'ID'/"
}
for pair in dl:3 dl:6 ng:1 ng:2 ng:6 kan:3 kan:5 kan:6; do
	u=${pair%:*}
	t=${pair#*:}
	api_as "$u" GET /api/v1/tasks/999
	want=$(noid 999)
	for p in "/api/v1/tasks/$t" "/api/v1/tasks/$t/timeline"; do
		api_as "$u" GET "$p"
		expect_error 404 not_found id "$u GET $p out of scope"
		expect_eq "$(noid "$t")" "$want" \
			"$u GET $p: the same as an unknown id"
	done
done
for pair in dl:4 dl:5 dl:8 ng:7 ng:4 kan:7 kan:8 sup:6 admin:3; do
	u=${pair%:*}
	t=${pair#*:}
	api_as "$u" GET "/api/v1/tasks/$t"
	expect_status 200 "$u GET task $t in scope"
	jq_is .id "$t" "$u sees task $t"
	api_as "$u" GET "/api/v1/tasks/$t/timeline"
	expect_status 200 "$u GET task $t's timeline"
done

# --- writes: scope first, then the role --------------------------------------
n=$(audit_count)
# staff and leaders have the right, so out of scope shows as not found
for pair in ng:1 ng:2 ng:6 dl:3 dl:6; do
	u=${pair%:*}
	t=${pair#*:}
	api_as "$u" POST "/api/v1/tasks/$t/ack"
	expect_error 404 not_found id "$u acks out-of-scope task $t"
	apij "$u" POST "/api/v1/tasks/$t/report" '{"percent":10}'
	expect_error 404 not_found id "$u reports on out-of-scope task $t"
	apij "$u" POST "/api/v1/tasks/$t/risk" '{"description":"d","plan":"p"}'
	expect_error 404 not_found id "$u adds a risk to out-of-scope task $t"
done
apij dl PATCH /api/v1/tasks/3 '{"title":"x"}'
expect_error 404 not_found id "leader edits an out-of-scope task"
api_as dl POST /api/v1/tasks/6/close
expect_error 404 not_found id "leader closes an out-of-scope task"
apij dl POST /api/v1/tasks '{"title":"x","lead":"HRB-NG","due":"2026-12-20"}'
expect_error 404 not_found lead "leader creates a task for an outside unit"
apij dl POST /api/v1/tasks '{"title":"x","lead":"HRB-DL","due":"2026-12-20","co":["HRB-NG"]}'
expect_status 201 "a co-unit may be outside the leader's scope"
T9=$(printf '%s' "$BODY" | jq .id)
expect_eq "$T9" 9 "task 9"
apij dl POST /api/v1/tasks '{"title":"x","lead":"HRB-DL","due":"2026-12-20","owner":"ng"}'
expect_error 404 not_found owner "an owner outside the leader's scope"
expect_eq "$(audit_count)" $((n + 1)) "only task 9 was recorded"

# roles, within the scope: 403
n=$(audit_count)
apij ng POST /api/v1/tasks '{"title":"x","lead":"HRB-NG","due":"2026-12-20"}'
expect_error 403 forbidden role "staff creates a task"
apij kan POST /api/v1/tasks '{"title":"x","lead":"HRB-DL","due":"2026-12-20"}'
expect_error 403 forbidden role "viewer creates a task"
api_as kan POST /api/v1/tasks/1/ack
expect_error 403 forbidden role "viewer acks a task in scope"
apij kan POST /api/v1/tasks/1/report '{"percent":5}'
expect_error 403 forbidden role "viewer reports"
apij kan PATCH /api/v1/tasks/1 '{"title":"x"}'
expect_error 403 forbidden role "viewer edits"
apij ng PATCH /api/v1/tasks/3 '{"title":"x"}'
expect_error 403 forbidden role "staff edits"
api_as ng POST /api/v1/tasks/3/close
expect_error 403 forbidden role "staff closes"
apij ng POST /api/v1/tasks/3/urge '{"note":"x"}'
expect_error 403 forbidden role "staff urges"
apij dl POST /api/v1/tasks/1/urge '{"note":"x"}'
expect_error 403 forbidden role "leader urges"
apij dl POST /api/v1/tasks/1/extend '{"to":"2027-01-01","reason":"x"}'
expect_error 403 forbidden role "leader extends"
apij dl POST /api/v1/tasks/1/cancel '{"reason":"x"}'
expect_error 403 forbidden role "leader cancels"
# a viewer's refusal says nothing about the task: the same for any id
api_as kan POST /api/v1/tasks/3/ack
s3=$STATUS
b3=$(noid 3)
api_as kan POST /api/v1/tasks/999/ack
expect_eq "$STATUS:$(noid 999)" "$s3:$b3" \
	"viewer acks out of scope: the same answer as for an unknown id"
expect_eq "$(audit_count)" "$n" "nothing recorded by the 403s"

# rights within the scope
api_as ng POST /api/v1/tasks/7/ack
expect_status 200 "staff acks the task she owns in another unit"
apij ng POST /api/v1/tasks/3/report '{"percent":30}'
expect_status 200 "staff reports on her unit's task"
api_as dl POST /api/v1/tasks/2/ack
expect_status 200 "leader acks a task below"
api_as dl POST /api/v1/tasks/2/submit
api_as dl POST /api/v1/tasks/2/close
expect_status 200 "leader closes a task below"
jq_is .status done "task 2 done"
apij dl POST /api/v1/tasks/2/instruct '{"note":"x"}'
expect_error 409 conflict status "instruct on a done task"
apij dl POST /api/v1/tasks/1/instruct '{"note":"抓紧"}'
expect_status 200 "leader instructs within the scope"
apij sup POST /api/v1/tasks/3/urge '{"note":"抓紧"}'
expect_status 200 "supervisor urges anywhere"

# --- board: one row per unit of the subtree ----------------------------------
row() {	# UNIT NAME RED YELLOW GREEN DONE LATE
	printf '{"unit":"%s","name":"%s","red":%s,"yellow":%s,"green":%s,"done":%s,"late":%s}' \
		"$@"
}
HRB=$(row HRB 哈尔滨市 0 0 1 0 0)
DL=$(row HRB-DL 道里区 0 0 2 0 0)
DL01=$(row HRB-DL-01 新阳路街道 0 0 1 1 0)
NG=$(row HRB-NG 南岗区 0 0 4 0 0)
board_is() {	# LOGIN WANT
	api_as "$1" GET /api/v1/board
	expect_status 200 "$1's board"
	expect_out "$2" "$1's board rows"
	expect_eq "$("$LUOSHI_BIN" --as "$1" --json board)" "$2" \
		"$1's board in the CLI"
}
board_is sup "[$HRB,$DL,$DL01,$NG]"
board_is admin "[$HRB,$DL,$DL01,$NG]"
board_is dl "[$DL,$DL01]"
board_is kan "[$DL,$DL01]"
board_is ng "[$NG]"
api_as dl GET "/api/v1/board?unit=HRB-DL-01"
expect_status 200 "board of a unit below"
expect_out "[$DL01]" "the leader's board for HRB-DL-01"
api_as dl GET "/api/v1/board?unit=HRB-NG"
expect_error 404 not_found unit "board of an outside unit"

# --- who am I ----------------------------------------------------------------
for u in sup dl ng kan; do
	api_as "$u" GET /api/v1/me
	jq_is .login "$u" "$u's token is $u's"
done
api_as kan GET /api/v1/me
expect_out '{"login":"kan","name":"道里只读","unit":"HRB-DL","role":"viewer"}' \
	"the viewer's /me"

api_done
