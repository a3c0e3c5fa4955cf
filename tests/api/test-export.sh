#!/bin/sh
# GET /api/v1/export/tasks: status, Content-Type, Content-Disposition, the
# rows matching GET /api/v1/tasks with the same filters (and scope), the
# language from lang or Accept-Language, XLSX bytes, 400 and 404 cases.
. "$(dirname "$0")/lib.sh"

# the server's temporary files in a folder of this run only, so the
# "no temporary file left" check sees no other run's
TMPDIR="$TMP/tmp"
export TMPDIR
mkdir -p "$TMPDIR"
api_init
expect_ok "HRB" unit add HRB 哈尔滨市
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB
api_token admin
api_user ng HRB-NG staff 南岗干事
expect_ok "t1" task add 路灯 --lead HRB-DL --due 2026-12-01 --co HRB-NG
expect_ok "t2" task add 排水 --lead HRB-NG --due 2026-11-20 --key
expect_ok "t3" task add 道路 --lead HRB-DL --due 2026-12-31
expect_ok "t4" task add 绿化 --lead HRB --due 2026-12-10 --important
server_start

# ids of a CSV export (column 13, 编号; these titles hold no comma)
csv_ids() {
	tail -n +2 "$BODYF" | tr -d '\r' | cut -d, -f13 | paste -sd, -
}

# same_rows QUERY LOGIN DESC: the export's ids are the list's
same_rows() {
	api_as "$2" GET "/api/v1/tasks?per_page=200&$1"
	_sr_want=$(body_ids)
	api_as "$2" GET "/api/v1/export/tasks?format=csv&$1"
	expect_status 200 "$3"
	expect_eq "$(csv_ids)" "$_sr_want" "$3: rows as GET /api/v1/tasks"
}

api_as admin GET /api/v1/export/tasks
expect_status 200 "csv by default"
expect_header Content-Type "text/csv; charset=utf-8" "csv"
expect_header Content-Disposition \
	'attachment; filename="tasks-2026-11-26.csv"' "csv"
expect_header X-Total-Count 4 "csv"
expect_eq "$(head -c 3 "$BODYF" | od -An -tx1 | tr -d ' ')" efbbbf "BOM"
expect_eq "$(head -1 "$BODYF" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')" \
"标题,牵头单位,截止日期,开始日期,配合单位,责任人,责任领导,目标编号,来源,\
重要,重点,说明,编号,状态,亮灯,进度" "zh-CN header without Accept-Language"
expect_eq "$(sed -n 3p "$BODYF")" \
	"$(printf '排水,HRB-NG,2026-11-20,,,,,,,否,是,,2,待签收,红灯,0\r')" \
	"a row, byte for byte"
expect_eq "$(csv_ids)" 1,2,3,4 "every task, not a page"

same_rows "unit=HRB-DL" admin "unit filter"
same_rows "light=red" admin "light filter"
same_rows "key=true" admin "key filter"
same_rows "status=open,doing&due_before=2026-12-05" admin "status, due"
same_rows "" ng "ng's scope"
expect_eq "$(csv_ids)" 1,2 "ng sees t1 (co-unit) and t2"

# language: lang wins, else Accept-Language
api_as admin GET "/api/v1/export/tasks" -H "Accept-Language: en-US,en;q=0.9"
expect_eq "$(head -1 "$BODYF" | cut -d, -f1-3 | sed 's/^\xef\xbb\xbf//')" \
	"title,lead,due" "English when Accept-Language asks for it"
expect_eq "$(sed -n 3p "$BODYF" | tr -d '\r')" \
	"排水,HRB-NG,2026-11-20,,,,,,,no,yes,,2,Open,Red,0" "en words"
api_as admin GET "/api/v1/export/tasks?lang=zh-CN" \
	-H "Accept-Language: en"
expect_eq "$(head -1 "$BODYF" | cut -d, -f1 | sed 's/^\xef\xbb\xbf//')" \
	"标题" "lang=zh-CN beats Accept-Language"
api_as admin GET "/api/v1/export/tasks" \
	-H "Accept-Language: zh-CN,zh;q=0.9,en;q=0.8"
expect_eq "$(head -1 "$BODYF" | cut -d, -f1 | sed 's/^\xef\xbb\xbf//')" \
	"标题" "Chinese when asked for first"

# XLSX
api_as admin GET "/api/v1/export/tasks?format=xlsx&unit=HRB-DL"
expect_status 200 "xlsx"
expect_header Content-Type \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
	"xlsx"
expect_header Content-Disposition \
	'attachment; filename="tasks-2026-11-26.xlsx"' "xlsx"
expect_header X-Total-Count 2 "xlsx"
expect_eq "$(header Content-Length)" "$(wc -c <"$BODYF" | tr -d ' ')" \
	"Content-Length is the file's size"
cp "$BODYF" "$TMP/t.xlsx"
OUT=$(unzip -p "$TMP/t.xlsx" xl/worksheets/sheet1.xml)
expect_contains '<c r="A2" s="3" t="inlineStr"><is><t>路灯</t></is></c>' \
	"A2: t1"
expect_contains '<c r="A3" s="3" t="inlineStr"><is><t>道路</t></is></c>' \
	"A3: t3"
expect_contains '<c r="C2" s="4"><v>46357</v></c>' "C2: 2026-12-01 a date"
expect_contains 'state="frozen"' "frozen header"
expect_contains '<dimension ref="A1:P3"/>' "two rows"

# errors
api_as admin GET "/api/v1/export/tasks?format=pdf"
expect_error 400 invalid format "bad format"
jq_is .error.message "invalid format 'pdf' (csv or xlsx)" "names it"
api_as admin GET "/api/v1/export/tasks?lang=fr"
expect_error 400 invalid lang "bad lang"
api_as admin GET "/api/v1/export/tasks?light=blue"
expect_error 400 invalid light "bad filter"
api_as admin GET "/api/v1/export/tasks?due_before=2026-13-01"
expect_error 400 invalid due_before "bad date"
api_as ng GET "/api/v1/export/tasks?unit=HRB-DL"
expect_error 404 not_found unit "a unit outside scope"
api GET /api/v1/export/tasks
expect_status 401 "no credentials"
api_as admin POST /api/v1/export/tasks
expect_status 405 "GET only"
expect_eq "$(ls "${TMPDIR:-/tmp}" | grep -c '^luoshi-export-')" 0 \
	"no temporary file left"

api_done
