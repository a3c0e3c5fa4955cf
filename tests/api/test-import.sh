#!/bin/sh
# POST /api/v1/import/{kind} (multipart upload and raw body, ?dry_run=1),
# GET /api/v1/import/{kind}/template and /api/v1/export/{units,users,
# actuals}: statuses, the result object, bad rows by line (nothing
# written), rights by kind, and the uploaded export round trip.
. "$(dirname "$0")/lib.sh"

api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
api_token admin
api_user ng HRB-NG staff 南岗干事
api_user wang HRB supervisor 王督查
server_start

F="$TMP/tasks.csv"
printf '%s\r\n' '标题,牵头单位,截止日期,配合单位,重点' \
	'道路维修,道里区,2026/12/01,南岗区,是' \
	'排水改造,HRB-NG,2026年12月15日,,否' >"$F"

api_as wang POST "/api/v1/import/tasks?dry_run=1" -F "file=@$F"
expect_status 200 "dry run of a good file"
expect_eq "$(printf '%s' "$BODY" | jq -c .)" \
'{"kind":"tasks","format":"csv","dry_run":true,"rows":2,"imported":2,'\
'"unchanged":0,"errors":[]}' "dry run result"
api_as wang GET "/api/v1/tasks"
expect_header X-Total-Count 0 "a dry run writes nothing"

api_as wang POST "/api/v1/import/tasks" -F "file=@$F"
expect_status 201 "multipart import"
jq_is .imported 2 "two imported"
api_as wang GET "/api/v1/tasks"
expect_eq "$(printf '%s' "$BODY" | jq -c '[.[] | [.title, .lead, .co,
	.due, .key]]')" \
'[["道路维修","HRB-DL",["HRB-NG"],"2026-12-01",true],'\
'["排水改造","HRB-NG",[],"2026-12-15",false]]' "the tasks as written"

# raw body, two bad rows: 400 naming both, nothing written
printf '%s\n' 'title,lead,due' 'ok,HRB-DL,2026-12-01' \
	'bad lead,HRB-XX,2026-12-01' 'bad due,HRB-DL,2026-02-30' >"$TMP/bad.csv"
api_as wang POST "/api/v1/import/tasks" --data-binary "@$TMP/bad.csv" \
	-H 'Content-Type: text/csv'
expect_status 400 "two bad rows"
jq_is .error.code invalid "bad rows: code"
jq_is .error.message "2 bad rows, nothing imported" "bad rows: message"
expect_eq "$(printf '%s' "$BODY" | jq -c '[.error.rows[] |
	[.line, .column, .value]]')" \
	'[[3,"lead","HRB-XX"],[4,"due","2026-02-30"]]' "each bad row named"
api_as wang GET "/api/v1/tasks"
expect_header X-Total-Count 2 "nothing imported from the bad file"

# rights: staff may not create tasks, only admins units and users
api_as ng POST "/api/v1/import/tasks" --data-binary "@$F"
expect_error 403 forbidden role "staff importing tasks"
printf '%s\n' 'code,name,parent' 'HRB-DW,道外区,HRB' >"$TMP/u.csv"
api_as wang POST "/api/v1/import/units" --data-binary "@$TMP/u.csv"
expect_error 403 forbidden role "supervisor importing units"
api_as admin POST "/api/v1/import/units" --data-binary "@$TMP/u.csv"
expect_status 201 "admin imports a unit"
api_as admin GET "/api/v1/units/HRB-DW"
jq_is .parent HRB "the unit imported with its parent"

api_as admin POST "/api/v1/import/things" --data-binary "@$TMP/u.csv"
expect_error 404 not_found kind "unknown kind"
api_as admin POST "/api/v1/import/units" -F "x=1"
expect_error 400 invalid file "a form without a file"
api_as admin POST "/api/v1/import/units?dry_run=maybe" \
	--data-binary "@$TMP/u.csv"
expect_error 400 invalid dry_run "bad dry_run"

# export units as XLSX, import it back: every unit unchanged
api_as admin GET "/api/v1/export/units?format=xlsx"
expect_status 200 "units as XLSX"
expect_header Content-Disposition \
	'attachment; filename="units-2026-11-26.xlsx"' "units export"
expect_header X-Total-Count 4 "four units"
cp "$BODYF" "$TMP/units.xlsx"
api_as admin POST "/api/v1/import/units" -F "file=@$TMP/units.xlsx"
expect_status 201 "the export imports back"
jq_is '[.format, .rows, .imported, .unchanged] | map(tostring) | join(" ")' \
	"xlsx 4 0 4" "all unchanged"

api_as admin GET "/api/v1/export/users?lang=en"
expect_status 200 "users as CSV"
expect_eq "$(head -1 "$BODYF" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')" \
	"login,name,unit,role" "users header"

# templates
api_as wang GET "/api/v1/import/tasks/template?format=csv&lang=zh-CN"
expect_status 200 "task template"
expect_header Content-Disposition \
	'attachment; filename="tasks-template.csv"' "template name"
expect_eq "$(head -1 "$BODYF" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')" \
"标题,牵头单位,截止日期,开始日期,配合单位,责任人,责任领导,目标编号,来源,\
重要,重点,说明" "template header: the importable columns"
expect_eq "$(wc -l <"$BODYF" | tr -d ' ')" 2 "header and one example"
api_as wang GET "/api/v1/import/units/template?format=xlsx&lang=en"
expect_status 200 "unit template as XLSX"
expect_eq "$(head -c 2 "$BODYF")" PK "an XLSX (zip)"
api_as wang GET "/api/v1/import/tasks/template?format=pdf"
expect_error 400 invalid format "template format"

api_done
