#!/bin/sh
# GET /api/v1/bulletin: status, Content-Type and Content-Disposition of
# each format, the same file as `luoshi bulletin`, the language from lang
# or Accept-Language, scope (a district user's bulletin), 400 and 404.
. "$(dirname "$0")/lib.sh"

# the server's temporary files in a folder of this run only, so the
# "no temporary file left" check sees no other run's
TMPDIR="$TMP/tmp"
export TMPDIR
mkdir -p "$TMPDIR"
api_init
expect_ok "HRB" unit add HRB 哈尔滨市 --kind city
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB --kind district
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB --kind district
api_token admin
api_user ng HRB-NG staff 南岗干事
# t1 red (due 11-20, T = 11-26: 6 days), t2 red (11-01: 25 days)
expect_ok "t1" task add 排水 --lead HRB-NG --due 2026-11-20
expect_ok "t2" task add 路灯 --lead HRB-DL --due 2026-11-01
server_start

api_as admin GET "/api/v1/bulletin?period=2026-Q4"
expect_status 200 "html by default"
expect_header Content-Type "text/html; charset=utf-8" "html"
expect_header Content-Disposition \
	'attachment; filename="bulletin-2026-Q4.html"' "html"
expect_contains "<title>2026年第四季度督查通报</title>" "html: zh title"
expect_eq "$(header Content-Length)" "$(wc -c <"$BODYF" | tr -d ' ')" \
	"Content-Length is the file's size"

api_as admin GET "/api/v1/bulletin?period=2026-Q4&format=md"
expect_status 200 "md"
expect_header Content-Type "text/markdown; charset=utf-8" "md"
cp "$BODYF" "$TMP/api.md"
ls_run bulletin --period 2026-Q4 -o "$TMP/cli.md"
expect_eq "$(cmp -s "$TMP/api.md" "$TMP/cli.md" && echo same)" same \
	"md: the same file as luoshi bulletin"
OUT=$(cat "$TMP/api.md")
expect_contains "| HRB-DL | 道里区 | 2 | 路灯 |  | 2026-11-01 | 25 | 红灯 | \
待签收 |" "md: HRB-DL's red item"

api_as admin GET "/api/v1/bulletin?period=2026-Q4&format=xlsx"
expect_status 200 "xlsx"
expect_header Content-Type \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" \
	"xlsx"
expect_header Content-Disposition \
	'attachment; filename="bulletin-2026-Q4.xlsx"' "xlsx"
expect_eq "$(head -c 2 "$BODYF")" "PK" "xlsx: a zip"

api_as admin GET "/api/v1/bulletin?period=2026-Q4&format=pdf"
expect_status 200 "pdf"
expect_header Content-Type "application/pdf" "pdf"
expect_eq "$(head -c 5 "$BODYF")" "%PDF-" "pdf: a PDF"

# language: lang wins, else Accept-Language
api_as admin GET "/api/v1/bulletin?period=2026-11&format=md" \
	-H "Accept-Language: en-US,en;q=0.9"
expect_eq "$(head -1 "$BODYF")" "# Supervision bulletin, 2026-11" \
	"English when Accept-Language asks for it"
api_as admin GET "/api/v1/bulletin?period=2026-11&format=md&lang=zh-CN" \
	-H "Accept-Language: en"
expect_eq "$(head -1 "$BODYF")" "# 2026年11月督查通报" \
	"lang=zh-CN beats Accept-Language"

# scope: ng sees HRB-NG only
api_as ng GET "/api/v1/bulletin?period=2026-Q4&format=md"
expect_status 200 "ng"
expect_contains "| HRB-NG | 南岗区 | 1 | 排水 |" "ng: its red item"
expect_lacks "HRB-DL" "ng: nothing of HRB-DL"

# errors
api_as admin GET "/api/v1/bulletin"
expect_error 400 invalid period "no period"
api_as admin GET "/api/v1/bulletin?period=2026-Q5"
expect_error 400 invalid period "bad period"
jq_is .error.message "invalid period '2026-Q5' (expected YYYY, YYYY-Qn or \
YYYY-MM)" "bad period: names it"
api_as admin GET "/api/v1/bulletin?period=2026&format=csv"
expect_error 400 invalid format "csv is not a bulletin format"
jq_is .error.message "invalid format 'csv' (html, xlsx, pdf or md)" \
	"bad format: names it"
api_as admin GET "/api/v1/bulletin?period=2026&lang=fr"
expect_error 400 invalid lang "bad lang"
api_as admin GET "/api/v1/bulletin?period=2026&group=county"
expect_error 400 invalid group "unknown group"
api_as ng GET "/api/v1/bulletin?period=2026&unit=HRB-DL"
expect_error 404 not_found unit "a unit outside scope"
api GET "/api/v1/bulletin?period=2026"
expect_status 401 "no credentials"
api_as admin POST "/api/v1/bulletin?period=2026"
expect_status 405 "GET only"
expect_eq "$(ls "${TMPDIR:-/tmp}" | grep -c '^luoshi-bulletin-')" 0 \
	"no temporary file left"

api_done
