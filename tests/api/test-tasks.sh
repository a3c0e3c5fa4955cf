#!/bin/sh
# Tasks over HTTP (SPEC §3, §7, §9): the whole life cycle through the
# actions, each answering the task object with SPEC §9's keys in order;
# 409 for illegal transitions; 412 for a stale If-Match, changing
# nothing; 404, 400 (naming the field), 415 and 413; list filters and
# paging; and the same JSON as `luoshi --json task show`.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
api_user wang HRB supervisor 王督查
api_user li HRB-DL staff 李干事
server_start

T0='"created_at":"2026-11-26T00:00:00Z"'
NOW='2026-11-26T00:00:00Z'

# task_is JQ-FILTER WANT DESC: jq -c FILTER of the last body.
task_is() {
	expect_eq "$(printf '%s' "$BODY" | jq -c "$1" 2>&1)" "$2" "$3: $1"
}

# unchanged ID DESC: the task, its timeline and the audit trail are what
# they were at the last `snapshot ID`.
snapshot() {
	api_as wang GET "/api/v1/tasks/$1"
	SNAP_TASK=$BODY
	api_as wang GET "/api/v1/tasks/$1/timeline"
	SNAP_TL=$BODY
	SNAP_AUDIT=$(audit_count)
}
unchanged() {
	_u_status=$STATUS
	_u_body=$BODY
	expect_eq "$(audit_count)" "$SNAP_AUDIT" "$2: audit count unchanged"
	api_as wang GET "/api/v1/tasks/$1"
	expect_eq "$BODY" "$SNAP_TASK" "$2: task unchanged"
	api_as wang GET "/api/v1/tasks/$1/timeline"
	expect_eq "$BODY" "$SNAP_TL" "$2: timeline unchanged"
	STATUS=$_u_status
	BODY=$_u_body
	OUT=$BODY
}

# --- create ------------------------------------------------------------------
NEW1='{"title":"修缮道里区老旧小区","description":"三年行动","lead":"HRB-DL",
"co":["HRB-NG"],"owner":"li","source":"会议","important":true,
"start":"2026-11-20","due":"2026-12-20"}'
n=$(audit_count)
apij wang POST /api/v1/tasks "$NEW1"
expect_status 201 "create"
expect_task "create"
# expected 100*(26-20)/(20+30-20) = 20; percent 0 >= 20 - 25: not behind;
# due - T = 24 > 7: not urgent, important: Q2
expect_out '{"id":1,"title":"修缮道里区老旧小区","description":"三年行动","lead":"HRB-DL","co":["HRB-NG"],"owner":"li","leader":null,"goal_id":null,"source":"会议","important":true,"key":false,"daily":false,"start":"2026-11-20","due":"2026-12-20","percent":0,"status":"open","light":"green","quadrant":"Q2",'"$T0"',"acked_at":null,"closed_at":null,"version":1}' \
	"the created task"
expect_header Location /api/v1/tasks/1 "create"
expect_header ETag '"1"' "create"
expect_eq "$(audit_count)" $((n + 1)) "create is audited once"
CREATED=$BODY
api_as li GET /api/v1/tasks/1
expect_status 200 "GET the new task"
expect_eq "$BODY" "$CREATED" "GET answers what POST did"
expect_header ETag '"1"' "GET"
ls_run --json task show 1
expect_eq "$OUT" "$CREATED" "the same JSON as luoshi --json task show"

# --- the life cycle ----------------------------------------------------------
api_as li POST /api/v1/tasks/1/ack
expect_status 200 "ack"
expect_task "ack"
task_is '[.status,.acked_at,.version,.percent,.light]' \
	"[\"doing\",\"$NOW\",2,0,\"green\"]" "ack"
expect_header ETag '"2"' "ack"
api_as li POST /api/v1/tasks/1/ack
expect_error 409 conflict status "ack twice"

printf 'evidence one\n' >"$TMP/ev1.txt"
printf '%s' '第二份证明材料' >"$TMP/证明.txt"
EV1=$(sha256sum "$TMP/ev1.txt" | cut -d' ' -f1)
EV2=$(sha256sum "$TMP/证明.txt" | cut -d' ' -f1)
api_as li POST /api/v1/tasks/1/report -F percent=40 -F 'note=过半' \
	-F "evidence=@$TMP/ev1.txt" -F "evidence=@$TMP/证明.txt"
expect_status 200 "report with evidence (multipart)"
expect_task "multipart report"
task_is '[.status,.percent,.version]' '["doing",40,3]' "multipart report"
expect_header ETag '"3"' "report"
apij li POST /api/v1/tasks/1/report '{"percent":60,"note":"六成"}'
expect_status 200 "report (JSON)"
task_is '[.status,.percent,.version]' '["doing",60,4]' "JSON report"
api_as li GET /api/v1/tasks/1/timeline
expect_status 200 "timeline"
task_is '[.reports[] | [.author,.percent,.note,.at]]' \
	"[[\"li\",40,\"过半\",\"$NOW\"],[\"li\",60,\"六成\",\"$NOW\"]]" \
	"the reports"
task_is '[.evidence[] | [.name,.size,.sha256]]' \
	"[[\"ev1.txt\",13,\"$EV1\"],[\"证明.txt\",21,\"$EV2\"]]" \
	"the evidence files"
task_is '[.evidence[].report_id | . == 1] | all' true "evidence of report 1"

api_as li POST /api/v1/tasks/1/submit
expect_status 200 "submit"
task_is '[.status,.version]' '["review",5]' "submit"
api_as li POST /api/v1/tasks/1/close
expect_error 403 forbidden role "staff cannot close"
apij wang POST /api/v1/tasks/1/reject '{}'
expect_error 400 invalid reason "reject without a reason"
apij wang POST /api/v1/tasks/1/reject '{"reason":"材料不全"}'
expect_status 200 "reject"
task_is '[.status,.version,.closed_at]' '["doing",6,null]' "reject"

snapshot 1
apij wang POST /api/v1/tasks/1/reject '{"reason":"again"}'
expect_error 409 conflict status "reject a task in progress"
jq_is .error.message "cannot reject a task whose status is 'doing'" \
	"409 message"
unchanged 1 "after the 409"
api_as wang POST /api/v1/tasks/1/close
expect_error 409 conflict status "close a task in progress"
unchanged 1 "after the second 409"

api_as li POST /api/v1/tasks/1/submit
task_is '[.status,.version]' '["review",7]' "submit again"
api_as wang POST /api/v1/tasks/1/close
expect_status 200 "close"
expect_task "close"
task_is '[.status,.percent,.light,.quadrant,.closed_at,.version]' \
	"[\"done\",100,\"done\",null,\"$NOW\",8]" "close"
expect_header ETag '"8"' "close"

snapshot 1
for a in ack submit close; do
	api_as wang POST "/api/v1/tasks/1/$a"
	expect_error 409 conflict status "$a a done task"
done
apij wang POST /api/v1/tasks/1/report '{"percent":10}'
expect_error 409 conflict status "report on a done task"
apij wang POST /api/v1/tasks/1/cancel '{"reason":"x"}'
expect_error 409 conflict status "cancel a done task"
apij wang POST /api/v1/tasks/1/urge '{"note":"x"}'
expect_error 409 conflict status "urge a done task"
apij wang PATCH /api/v1/tasks/1 '{"title":"x"}'
expect_error 409 conflict status "edit a done task"
unchanged 1 "after the 409s on a done task"

apij wang POST /api/v1/tasks/1/reopen '{"reason":""}'
expect_error 400 invalid reason "reopen with an empty reason"
apij wang POST /api/v1/tasks/1/reopen '{"reason":"复查发现问题"}'
expect_status 200 "reopen"
task_is '[.status,.light,.quadrant,.closed_at,.percent,.version]' \
	'["doing","green","Q2",null,100,9]' "reopen"
apij wang POST /api/v1/tasks/1/urge '{"note":"抓紧"}'
expect_status 200 "urge"
expect_task "urge"
task_is '[.status,.version]' '["doing",9]' "urge leaves the task as is"
apij li POST /api/v1/tasks/1/urge '{"note":"x"}'
expect_error 403 forbidden role "staff cannot urge"
apij wang POST /api/v1/tasks/1/instruct '{"note":"务必按期完成"}'
expect_status 200 "instruct"
task_is '[.status,.version]' '["doing",9]' "instruct"
apij wang POST /api/v1/tasks/1/extend '{"to":"2027-01-15","reason":"冬季"}'
expect_status 200 "extend"
task_is '[.due,.version]' '["2027-01-15",10]' "extend"
expect_header ETag '"10"' "extend"
apij wang POST /api/v1/tasks/1/extend '{"reason":"x"}'
expect_error 400 invalid to "extend without --to"
apij wang POST /api/v1/tasks/1/extend '{"to":"2027-02-30","reason":"x"}'
expect_error 400 invalid to "extend to an invalid date"
apij li POST /api/v1/tasks/1/risk \
	'{"description":"冬季施工","plan":"错峰作业","level":"high"}'
expect_status 200 "risk"
task_is '[.status,.version]' '["doing",10]' "risk"
apij li POST /api/v1/tasks/1/risk \
	'{"description":"d","plan":"p","level":"extreme"}'
expect_error 400 invalid level "risk with a bad level"
apij li POST /api/v1/tasks/1/risk '{"description":"d"}'
expect_error 400 invalid plan "risk without a plan"

api_as li GET /api/v1/tasks/1/timeline
expect_status 200 "timeline after the life cycle"
task_is 'keys_unsorted | .[0]' '"task"' "timeline starts with the task"
task_is '.task.version' 10 "timeline's task"
task_is '[.events[] | .kind] | join(",")' \
	'"create,ack,submit,reject,submit,close,reopen,urge,instruct"' \
	"the events"
task_is '[.events[] | .by] | join(",")' \
	'"wang,li,li,wang,li,wang,wang,wang,wang"' "who did what"
task_is '[.events[] | .note]' \
	'[null,null,null,"材料不全",null,null,"复查发现问题","抓紧","务必按期完成"]' \
	"the notes and reasons"
task_is '[.extensions[] | [.from_due,.to_due,.reason,.by]]' \
	'[["2026-12-20","2027-01-15","冬季","wang"]]' "the extension"
task_is '.original_due' '"2026-12-20"' "the original due date"
task_is '[.risks[] | [.description,.plan,.level,.by]]' \
	'[["冬季施工","错峰作业","high","li"]]' "the risk"
ls_run --json task show 1
api_as li GET /api/v1/tasks/1
expect_eq "$BODY" "$OUT" "task 1 over HTTP is the CLI's JSON"

# cancel, on another task
apij wang POST /api/v1/tasks '{"title":"撤销的任务","lead":"HRB-NG","due":"2026-12-01"}'
expect_status 201 "create task 2"
expect_header Location /api/v1/tasks/2 "task 2"
apij wang POST /api/v1/tasks/2/cancel '{}'
expect_error 400 invalid reason "cancel without a reason"
apij wang POST /api/v1/tasks/2/cancel '{"reason":"上级撤销"}'
expect_status 200 "cancel"
expect_task "cancel"
task_is '[.status,.light,.quadrant,.version]' '["cancelled","none",null,2]' \
	"cancel"
snapshot 2
api_as wang POST /api/v1/tasks/2/ack
expect_error 409 conflict status "ack a cancelled task"
apij wang POST /api/v1/tasks/2/reopen '{"reason":"x"}'
expect_error 409 conflict status "reopen a cancelled task"
apij wang POST /api/v1/tasks/2/cancel '{"reason":"x"}'
expect_error 409 conflict status "cancel twice"
unchanged 2 "after the 409s on a cancelled task"

# --- If-Match ----------------------------------------------------------------
snapshot 1
apij wang PATCH /api/v1/tasks/1 '{"title":"新标题"}' -H 'If-Match: "9"'
expect_error 412 version_mismatch version "PATCH with a stale If-Match"
jq_is .error.message "task 1 has version 10, not 9" "412 message"
unchanged 1 "after the stale PATCH"
apij li POST /api/v1/tasks/1/report '{"percent":70}' -H 'If-Match: "3"'
expect_error 412 version_mismatch version "action with a stale If-Match"
unchanged 1 "after the stale report"
api_as li POST /api/v1/tasks/1/report -F percent=70 -H 'If-Match: "9"' \
	-F "evidence=@$TMP/ev1.txt"
expect_error 412 version_mismatch version "upload with a stale If-Match"
unchanged 1 "after the stale upload"
apij wang PATCH /api/v1/tasks/1 '{"title":"新标题"}' -H 'If-Match: abc'
expect_error 400 invalid If-Match "an If-Match that is no version"
unchanged 1 "after the bad If-Match"
apij wang PATCH /api/v1/tasks/1 '{"title":"新标题","key":true}' \
	-H 'If-Match: "10"'
expect_status 200 "PATCH with the current If-Match"
expect_task "PATCH"
task_is '[.title,.key,.important,.quadrant,.version]' \
	'["新标题",true,true,"Q2",11]' "PATCH"
expect_header ETag '"11"' "PATCH"
apij li POST /api/v1/tasks/1/report '{"percent":70}' -H 'If-Match: "11"'
expect_status 200 "action with the current If-Match"
task_is '[.percent,.version]' '[70,12]' "report with If-Match"
apij wang PATCH /api/v1/tasks/1 '{"due":"2027-02-01"}'
expect_error 400 invalid due "PATCH due (extend instead)"
apij wang PATCH /api/v1/tasks/1 '{"status":"done"}'
expect_error 400 invalid status "PATCH status"
apij wang PATCH /api/v1/tasks/1 '{"title":""}'
expect_error 400 invalid title "PATCH an empty title"
apij li PATCH /api/v1/tasks/1 '{"title":"x"}'
expect_error 403 forbidden role "staff cannot PATCH"

# --- 404 ---------------------------------------------------------------------
for p in /api/v1/tasks/999 /api/v1/tasks/999/timeline /api/v1/tasks/0 \
	/api/v1/tasks/abc /api/v1/tasks/-1 /api/v1/tasks/1x; do
	api_as wang GET "$p"
	expect_error 404 not_found id "GET $p"
done
api_as wang POST /api/v1/tasks/999/ack
expect_error 404 not_found id "ack an unknown task"
apij wang POST /api/v1/tasks/999/report '{"percent":5}'
expect_error 404 not_found id "report on an unknown task"
apij wang PATCH /api/v1/tasks/999 '{"title":"x"}'
expect_error 404 not_found id "PATCH an unknown task"
jq_is .error.message "task '999' not found" "404 message"
apij wang POST /api/v1/tasks '{"title":"x","lead":"NOPE","due":"2026-12-01"}'
expect_error 404 not_found lead "an unknown lead unit"
apij wang POST /api/v1/tasks '{"title":"x","lead":"HRB","due":"2026-12-01","owner":"nobody"}'
expect_error 404 not_found owner "an unknown owner"

# --- 400, naming the field ---------------------------------------------------
n=$(audit_count)
bad400() {	# FIELD DESC JSON [PATH]
	apij wang POST "${4:-/api/v1/tasks}" "$3"
	expect_error 400 invalid "$1" "$2"
}
D='"lead":"HRB","due":"2026-12-01"'
bad400 titel "unknown field" '{"titel":"x",'"$D"'}'
jq_is .error.message "unknown field 'titel'" "unknown field message"
bad400 title "missing title" "{$D}"
bad400 title "title of the wrong type" '{"title":5,'"$D"'}'
bad400 due "invalid due" '{"title":"x","lead":"HRB","due":"2026-13-40"}'
jq_is .error.message \
	"invalid date '2026-13-40' for due (expected YYYY-MM-DD)" \
	"invalid date message"
bad400 due "29 February 2026" '{"title":"x","lead":"HRB","due":"2026-02-29"}'
bad400 due "due as a number" '{"title":"x","lead":"HRB","due":20261201}'
bad400 start "start after due" '{"title":"x","start":"2026-12-10",'"$D"'}'
bad400 important "important as a string" '{"title":"x","important":"yes",'"$D"'}'
bad400 co "co as a number" '{"title":"x","co":5,'"$D"'}'
bad400 goal_id "goal_id zero" '{"title":"x","goal_id":0,'"$D"'}'
bad400 body "broken JSON" '{"title":"x",'
bad400 body "a JSON array" '[1,2]'
bad400 body "duplicate keys" '{"title":"x","title":"y",'"$D"'}'
bad400 body "empty body" ''
bad400 body "invalid UTF-8" "$(printf '{"title":"\377",%s}' "$D")"
bad400 percent "percent as a string" '{"percent":"x"}' /api/v1/tasks/1/report
jq_is .error.message \
	'invalid value "x" for percent (expected an integer)' \
	"wrong type message"
bad400 percent "percent 101" '{"percent":101}' /api/v1/tasks/1/report
bad400 percent "percent -1" '{"percent":-1}' /api/v1/tasks/1/report
bad400 percent "percent 1.5" '{"percent":1.5}' /api/v1/tasks/1/report
bad400 percent "report without percent" '{"note":"x"}' /api/v1/tasks/1/report
bad400 why "an unknown field of an action" '{"reason":"x","why":1}' \
	/api/v1/tasks/1/urge
api_as li POST /api/v1/tasks/1/report -F percent=x
expect_error 400 invalid percent "multipart percent=x"
api_as li POST /api/v1/tasks/1/report -F percent=50 -F bogus=1
expect_error 400 invalid bogus "multipart with an unknown field"
api_as li POST /api/v1/tasks/1/ack -F "evidence=@$TMP/ev1.txt"
expect_error 400 invalid evidence "files with ack"
expect_eq "$(audit_count)" "$n" "nothing recorded by the 400s"
for q in per_page=500 per_page=0 page=0 page=x light=purple \
	status=finished due_before=2026-13-01 quadrant=Q5 key=yes sort=title \
	goal=x; do
	api_as wang GET "/api/v1/tasks?$q"
	expect_error 400 invalid "${q%%=*}" "GET /tasks?$q"
done

# --- 415 ---------------------------------------------------------------------
api_as wang POST /api/v1/tasks -H 'Content-Type: text/plain' \
	--data-binary '{"title":"x","lead":"HRB","due":"2026-12-01"}'
expect_error 415 unsupported_media_type Content-Type "text/plain body"
api_as wang POST /api/v1/tasks -H 'Content-Type:' \
	--data-binary '{"title":"x","lead":"HRB","due":"2026-12-01"}'
expect_error 415 unsupported_media_type Content-Type "no Content-Type"
api_as wang POST /api/v1/tasks/1/urge --data-urlencode 'note=x'
expect_error 415 unsupported_media_type Content-Type "a url-encoded form"
api_as wang PATCH /api/v1/tasks/1 -H 'Content-Type: text/plain' \
	--data-binary '{"title":"x"}'
expect_error 415 unsupported_media_type Content-Type "PATCH as text/plain"
api_as wang POST /api/v1/tasks -H 'Content-Type: application/jsonx' \
	--data-binary '{"title":"x","lead":"HRB","due":"2026-12-01"}'
expect_error 415 unsupported_media_type Content-Type "application/jsonx"
apij wang POST /api/v1/tasks '{"title":"x","lead":"HRB","due":"2026-12-01"}' \
	-H 'Content-Type: application/json; charset=utf-8'
expect_status 201 "application/json with a charset"
expect_eq "$(audit_count)" $((n + 1)) "only that one was recorded"
apij wang POST /api/v1/tasks/3/cancel '{"reason":"test"}'
expect_status 200 "cancel task 3"

# --- 413 ---------------------------------------------------------------------
n=$(audit_count)
big=$(head -c 1100000 /dev/zero | tr '\0' a)
printf '{"title":"%s","lead":"HRB","due":"2026-12-01"}' "$big" >"$TMP/big.json"
unset big
api_as wang POST /api/v1/tasks -H 'Content-Type: application/json' \
	--data-binary "@$TMP/big.json"
expect_error 413 too_large body "a JSON body over 1 MiB"
api_as wang POST /api/v1/tasks -H 'Content-Type: application/json' \
	-H 'Transfer-Encoding: chunked' --data-binary "@$TMP/big.json"
expect_error 413 too_large body "a chunked JSON body over 1 MiB"
expect_eq "$(audit_count)" "$n" "nothing recorded by the 413s"
ls_run settings set evidence_max 1024
snapshot 1
head -c 2000 /dev/urandom >"$TMP/ev2000.bin"
head -c 1024 /dev/urandom >"$TMP/ev1024.bin"
api_as li POST /api/v1/tasks/1/report -F percent=75 \
	-F "evidence=@$TMP/ev2000.bin"
expect_error 413 too_large evidence "evidence over evidence_max"
jq_is .error.message \
	"evidence file 'ev2000.bin' is too large (2000 bytes, at most 1024)" \
	"evidence limit message"
unchanged 1 "after the refused evidence"
api_as li POST /api/v1/tasks/1/report -F percent=75 \
	-F "evidence=@$TMP/ev1.txt" -F "evidence=@$TMP/ev2000.bin"
expect_error 413 too_large evidence "second file over evidence_max"
unchanged 1 "nothing of a half-good upload is kept"
api_as li POST /api/v1/tasks/1/report -F percent=75 \
	-F "evidence=@$TMP/ev1024.bin"
expect_status 200 "evidence of exactly evidence_max"
task_is '[.percent,.version]' '[75,13]' "the report went in"
ls_run settings set evidence_max 20971520

MAIN_PID=$SERVER_PID
MAIN_BASE=$BASE
server_start --max-upload 4096
head -c 6000 /dev/urandom >"$TMP/ev6000.bin"
snapshot 1
api_as li POST /api/v1/tasks/1/report -F percent=80 \
	-F "evidence=@$TMP/ev6000.bin"
expect_error 413 too_large body "an upload over --max-upload"
unchanged 1 "after the upload over --max-upload"
api_as li POST /api/v1/tasks/1/report -F percent=80 \
	-F "evidence=@$TMP/ev1024.bin"
expect_status 200 "an upload under --max-upload"
task_is '[.percent,.version]' '[80,14]' "the small upload went in"
api_as li POST /api/v1/tasks/1/report -H 'Content-Type: application/json' \
	--data-binary "@$TMP/big.json"
expect_error 413 too_large body "JSON over --max-body on that server"
server_stop
SERVER_PID=$MAIN_PID
BASE=$MAIN_BASE

# --- lists: filters and paging ----------------------------------------------
# 1 doing HRB-DL key important owner li due 2027-01-15: green Q2
# 2 cancelled HRB-NG due 2026-12-01: none; 3 cancelled HRB due 2026-12-01
expect_ok "task 4" task add 红灯任务 --lead HRB-NG --due 2026-11-20
expect_ok "task 5" task add 黄灯任务 --lead HRB-DL --due 2026-11-28 --key
expect_ok "task 6" task add 重要紧急 --lead HRB --due 2026-11-30 \
	--important --owner li
expect_ok "task 7" task add "Road Repair" --lead HRB-NG --due 2027-03-01 \
	--key --description "repair ROADS"
expect_ok "task 8" task add 绿灯任务 --lead HRB-DL --due 2027-02-01 --owner li
# 4 red Q3; 5 yellow Q3 (2 days); 6 green Q1 (4 days > warn_days 3);
# 7 green Q4; 8 green Q4
list_is() {	# QUERY WANT [CLI OPTIONS...]: ids over HTTP and in the CLI
	_l_q=$1
	_l_w=$2
	shift 2
	api_as wang GET "/api/v1/tasks$_l_q"
	expect_status 200 "GET /tasks$_l_q"
	expect_body_ids "$_l_w" "GET /tasks$_l_q"
	if [ $# -gt 0 ] || [ -z "$_l_q" ]; then
		expect_eq "$(cli_ids task list "$@")" "$_l_w" \
			"luoshi task list $*"
	fi
}
list_is "" 1,2,3,4,5,6,7,8
expect_header X-Total-Count 8 "unfiltered list"
list_is "?status=open" 4,5,6,7,8 --status open
expect_header X-Total-Count 5 "open tasks"
list_is "?status=doing" 1 --status doing
list_is "?status=cancelled" 2,3 --status cancelled
list_is "?status=doing,cancelled" 1,2,3
list_is "?status=done" ""
expect_header X-Total-Count 0 "no done task"
list_is "?light=red" 4 --light red
list_is "?light=yellow" 5 --light yellow
list_is "?light=green" 1,6,7,8 --light green
list_is "?light=none" 2,3 --light none
list_is "?unit=HRB-DL" 1,5,8 --unit HRB-DL
list_is "?unit=HRB-NG" 2,4,7 --unit HRB-NG
list_is "?unit=HRB" 1,2,3,4,5,6,7,8 --unit HRB
list_is "?owner=li" 1,6,8 --owner li
list_is "?key=true" 1,5,7 --key
list_is "?key=false" 1,2,3,4,5,6,7,8
list_is "?due_before=2026-12-01" 4,5,6 --due-before 2026-12-01
list_is "?quadrant=Q1" 6 --quadrant Q1
list_is "?quadrant=Q2" 1 --quadrant Q2
list_is "?quadrant=Q3" 4,5 --quadrant Q3
list_is "?quadrant=Q4" 7,8 --quadrant Q4
list_is "?search=road" 7 --search road
list_is "?search=ROADS" 7 --search ROADS
list_is "?q=Road" 7
list_is "?search=%E7%81%AF%E4%BB%BB%E5%8A%A1" 4,5,8 --search 灯任务
list_is "?search=100%25" ""
list_is "?unit=HRB-DL&key=true" 1,5 --unit HRB-DL --key
list_is "?unit=HRB-DL&light=green&owner=li" 1,8
list_is "?sort=urgency" "$(cli_ids next)"
case $(body_ids) in
4,5,*) ok ;;
*) bad "sort=urgency: red then yellow first, got $(body_ids)" ;;
esac
list_is "?sort=id" 1,2,3,4,5,6,7,8
api_as wang GET "/api/v1/tasks?unit=NOPE"
expect_error 404 not_found unit "a filter on an unknown unit"

# paging
L='/api/v1/tasks'
list_is "?per_page=3" 1,2,3
expect_header X-Total-Count 8 "page 1"
expect_header Link "<$L?page=1&per_page=3>; rel=\"first\", <$L?page=3&per_page=3>; rel=\"last\", <$L?page=2&per_page=3>; rel=\"next\"" \
	"page 1"
list_is "?per_page=3&page=2" 4,5,6
expect_header X-Total-Count 8 "page 2"
expect_header Link "<$L?page=1&per_page=3>; rel=\"first\", <$L?page=3&per_page=3>; rel=\"last\", <$L?page=3&per_page=3>; rel=\"next\", <$L?page=1&per_page=3>; rel=\"prev\"" \
	"page 2"
list_is "?per_page=3&page=3" 7,8
expect_header Link "<$L?page=1&per_page=3>; rel=\"first\", <$L?page=3&per_page=3>; rel=\"last\", <$L?page=2&per_page=3>; rel=\"prev\"" \
	"page 3"
list_is "?per_page=3&page=4" ""
expect_header X-Total-Count 8 "past the last page"
list_is "?page=2" ""
expect_header X-Total-Count 8 "page 2 of 50"
list_is "?per_page=200" 1,2,3,4,5,6,7,8
list_is "?status=open&per_page=2&page=2" 6,7
expect_header X-Total-Count 5 "a filtered page"
# the page links keep the filters (encoded), so "next" is the next page
S='status=open&search=%E7%81%AF'
list_is "?status=open&search=%E7%81%AF&per_page=1&page=2" 5
expect_header X-Total-Count 3 "open tasks with 灯"
expect_header Link "<$L?page=1&per_page=1&$S>; rel=\"first\", <$L?page=3&per_page=1&$S>; rel=\"last\", <$L?page=3&per_page=1&$S>; rel=\"next\", <$L?page=1&per_page=1&$S>; rel=\"prev\"" \
	"a filtered page 2"
next=$(header Link | sed 's/.*<\([^>]*\)>; rel="next".*/\1/')
api_as wang GET "$next"
expect_body_ids 8 "following rel=next"
prev=$(header Link | sed 's/.*<\([^>]*\)>; rel="prev".*/\1/')
api_as wang GET "$prev"
expect_body_ids 5 "following rel=prev from page 3"
api_as wang GET "/api/v1/tasks?per_page=2"
task_is "map(keys_unsorted == $TASK_KEYS) | all" true "list items are tasks"

# every task: the API's JSON is the CLI's
for id in 1 2 3 4 5 6 7 8; do
	ls_run --json task show $id
	api_as wang GET /api/v1/tasks/$id
	expect_eq "$BODY" "$OUT" "task $id: API and CLI JSON"
	expect_header ETag "\"$(printf '%s' "$OUT" | jq .version)\"" "task $id"
done
api_as wang GET /api/v1/tasks
expect_eq "$BODY" "$("$LUOSHI_BIN" --json task list)" \
	"the list is the CLI's list"
for v in today next board; do
	api_as wang GET "/api/v1/$v"
	expect_status 200 "GET /$v"
	expect_eq "$BODY" "$("$LUOSHI_BIN" --json $v)" "/$v is the CLI's"
done
api_as li GET /api/v1/tasks
expect_eq "$BODY" "$("$LUOSHI_BIN" --as li --json task list)" \
	"li's list is the CLI's for li"

# --- urges received (the dashboard's 催办) -----------------------------------
# task 1 (HRB-DL, li's) was urged once above; an HRB-NG task li cannot see
apij wang POST /api/v1/tasks '{"title":"南岗区背街小巷整治","lead":"HRB-NG","due":"2026-12-31"}'
expect_status 201 "an HRB-NG task"
ng=$(printf '%s' "$BODY" | jq .id)
apij wang POST "/api/v1/tasks/$ng/urge" '{"note":"请加快"}'
expect_status 200 "urge the HRB-NG task"
api_as wang GET /api/v1/urges
expect_status 200 "GET /urges"
task_is '[.[] | [.task_id,.title,.by,.note]]' \
	"[[$ng,\"南岗区背街小巷整治\",\"wang\",\"请加快\"],[1,\"新标题\",\"wang\",\"抓紧\"]]" \
	"the supervisor sees both urges, newest first"
task_is 'map(keys_unsorted) | unique' \
	'[["id","task_id","title","at","by","note"]]' "an urge's keys"
expect_header X-Total-Count 2 "GET /urges"
api_as wang GET "/api/v1/urges?per_page=1&page=2"
task_is '[.[] | .task_id]' '[1]' "page 2 of 1 is the older urge"
api_as li GET /api/v1/urges
task_is '[.[] | .task_id]' '[1]' "li sees only the urge on her unit's task"
expect_header X-Total-Count 1 "li's urges"
api_as wang GET "/api/v1/urges?unit=HRB-DL"
task_is '[.[] | .task_id]' '[1]' "urges on HRB-DL's tasks"
api_as li GET "/api/v1/urges?unit=HRB-NG"
expect_error 404 not_found unit "li asks for another district's urges"

api_done
