#!/bin/sh
# luoshi export tasks (SPEC §7 Import/export): the CSV bytes (BOM, header
# in zh-CN and en, CRLF, RFC 4180 quoting, the formula guard, booleans,
# co-units, ISO dates), task list's filters and scope, the XLSX cells, and
# every error leaving the output file alone.
. "$(dirname "$0")/lib.sh"

expect_ok "init" init
expect_ok "HRB" unit add HRB 哈尔滨市
expect_ok "HRB-DL" unit add HRB-DL 道里区 --parent HRB
expect_ok "HRB-NG" unit add HRB-NG 南岗区 --parent HRB
expect_ok "ng" user add ng --name 南岗干事 --unit HRB-NG --role staff
expect_ok "t1" task add '=SUM(A1)' --lead HRB-DL --due 2026-12-01 \
	--co HRB-NG,HRB --important --description 'a,"b"'
expect_ok "t2" task add 排水 --lead HRB-NG --due 2026-11-20 \
	--start 2026-11-01 --key --source 会议 --owner ng
expect_ok "t3" task add 道路 --lead HRB-DL --due 2026-12-31

BOM=$(printf '\357\273\277')
CR=$(printf '\r')
HZH="标题,牵头单位,截止日期,开始日期,配合单位,责任人,责任领导,目标编号,\
来源,重要,重点,说明,编号,状态,亮灯,进度"
HEN="title,lead,due,start,co,owner,leader,goal_id,source,important,key,\
description,id,status,light,percent"
# today 2026-11-26: t1 due in 5 days (> warn 3) green, t2 overdue red
R1="'=SUM(A1),HRB-DL,2026-12-01,,HRB-NG、HRB,,,,,是,否,\"a,\"\"b\"\"\",1,\
待签收,绿灯,0"
R2="排水,HRB-NG,2026-11-20,2026-11-01,,ng,,,会议,否,是,,2,待签收,红灯,0"
R3="道路,HRB-DL,2026-12-31,,,,,,,否,否,,3,待签收,绿灯,0"
R1EN="'=SUM(A1),HRB-DL,2026-12-01,,\"HRB-NG,HRB\",,,,,yes,no,\"a,\"\"b\"\"\",\
1,Open,Green,0"

# csv_is FILE DESC LINE...: FILE is BOM + the lines, each ending in CRLF.
csv_is() {
	_ci_f=$1
	_ci_d=$2
	shift 2
	_ci_want="$TMP/want.csv"
	printf '%s' "$BOM" >"$_ci_want"
	for _ci_l in "$@"; do
		printf '%s\r\n' "$_ci_l" >>"$_ci_want"
	done
	if cmp -s "$_ci_f" "$_ci_want"; then ok; else
		bad "$_ci_d: $(diff "$_ci_want" "$_ci_f" | head -5 | tr '\n' ' ')"
	fi
}

cd "$TMP" || exit 1
expect_ok "export csv" export tasks -o t.csv
expect_out "3 tasks written to t.csv" "export says how many"
csv_is t.csv "zh-CN csv bytes" "$HZH" "$R1" "$R2" "$R3"
expect_eq "$(head -c 3 t.csv | od -An -tx1 | tr -d ' ')" "efbbbf" "BOM"
expect_eq "$(grep -c "$CR\$" t.csv)" 4 "every line ends in CRLF"

expect_ok "export csv en" export tasks -o en.csv --lang en
csv_is en.csv "en csv bytes" "$HEN" "$R1EN" \
	"排水,HRB-NG,2026-11-20,2026-11-01,,ng,,,会议,no,yes,,2,Open,Red,0" \
	"道路,HRB-DL,2026-12-31,,,,,,,no,no,,3,Open,Green,0"

# filters: the rows of task list with the same filters
expect_ids 1,3 "task list --unit" task list --unit HRB-DL
expect_ok "export --unit" export tasks -o unit.csv --unit HRB-DL
csv_is unit.csv "--unit HRB-DL" "$HZH" "$R1" "$R3"
expect_ids 2 "task list --light red" task list --light red
expect_ok "export --light" export tasks -o red.csv --light red
csv_is red.csv "--light red" "$HZH" "$R2"
expect_ok "export --key --search" export tasks -o k.csv --key --search 排
csv_is k.csv "--key --search" "$HZH" "$R2"
expect_ok "export nothing" export tasks -o none.csv --status done
csv_is none.csv "no match: the header alone" "$HZH"
expect_out "0 tasks written to none.csv" "zero rows"

# scope: ng (staff, HRB-NG) sees t1 (co-unit) and t2
expect_ids 1,2 "ng's task list" --as ng task list
expect_ok "export as ng" --as ng export tasks -o ng.csv
csv_is ng.csv "scope with --as" "$HZH" "$R1" "$R2"
ls_run --json export tasks --output j.csv --format csv
jq_is '.file + " " + .format + " " + (.rows|tostring)' "j.csv csv 3" \
	"--json answer"

# errors: exit status, message naming the value, old file untouched
printf old >keep.csv
expect_fail 3 "unit out of scope" --as ng export tasks -o keep.csv \
	--unit HRB-DL
expect_err "unit 'HRB-DL' not found" "out of scope is not found"
expect_eq "$(cat keep.csv)" old "a failed export leaves the file"
expect_fail 2 "no extension" export tasks -o t.txt
expect_err "cannot tell the format from 't.txt'" "names the file"
expect_fail 2 "bad --format" export tasks -o keep.csv --format pdf
expect_err "invalid format 'pdf' (csv or xlsx)" "names the format"
expect_fail 2 "bad --lang" export tasks -o keep.csv --lang fr
expect_err "invalid language 'fr' for --lang" "names the language"
expect_fail 2 "bad filter" export tasks -o keep.csv --light blue
expect_err "invalid light 'blue' for --light" "names the light"
expect_fail 2 "no -o" export tasks
expect_err "export tasks needs -o FILE" "says -o is needed"
expect_fail 1 "unwritable" export tasks -o /nonexistent/x.csv
expect_err "cannot create '/nonexistent/x.csv': No such file or directory" \
	"names the path"
expect_eq "$(cat keep.csv)" old "still the old file"
expect_eq "$(ls | grep -c 'csv\.')" 0 "no temporary file left"
expect_ok "--help" export tasks --help
expect_contains "usage: luoshi export tasks -o FILE" "help text"
expect_contains "formula" "help explains the guard"

# XLSX: one sheet 任务, frozen header, cells by cell
expect_ok "export xlsx" export tasks -o t.xlsx
unzip -p t.xlsx xl/workbook.xml >wb.xml
grep -q '<sheets><sheet name="任务" sheetId="1" r:id="rId1"/></sheets>' \
	wb.xml && ok || bad "one sheet named 任务"
unzip -p t.xlsx xl/worksheets/sheet1.xml >s.xml
OUT=$(cat s.xml)
expect_contains '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' \
	"frozen header"
expect_contains '<c r="A1" s="1" t="inlineStr"><is><t>标题</t></is></c>' \
	"A1 header"
expect_contains '<c r="P1" s="2" t="inlineStr"><is><t>进度</t></is></c>' \
	"P1 header (a number column: right-aligned)"
# a text cell is never a formula in XLSX: no guard needed
expect_contains '<c r="A2" s="3" t="inlineStr"><is><t>=SUM(A1)</t></is></c>' \
	"A2 title as text"
# 2026-12-01: 2026-11-26 is day 20783 (tests/unit/test-date.c), + 5 =
# 20788; Excel's serial of 1970-01-01 is 25569: 25569 + 20788 = 46357
expect_contains '<c r="C2" s="4"><v>46357</v></c>' "C2 due as a date"
expect_contains '<c r="E2" s="3" t="inlineStr"><is><t>HRB-NG、HRB</t></is></c>' \
	"E2 co-units"
expect_contains '<c r="J2" s="3" t="inlineStr"><is><t>是</t></is></c>' \
	"J2 important"
expect_contains '<c r="M2" s="5"><v>1</v></c>' "M2 id as a number"
# t2: start 2026-11-01 = 20783 - 25 = 20758 → 46327; due 11-20 → 46346
expect_contains '<c r="C3" s="4"><v>46346</v></c>' "C3 due"
expect_contains '<c r="D3" s="4"><v>46327</v></c>' "D3 start"
expect_contains '<c r="O3" s="3" t="inlineStr"><is><t>红灯</t></is></c>' \
	"O3 light"
expect_contains '<dimension ref="A1:P4"/>' "three rows of 16 columns"
unzip -p t.xlsx xl/styles.xml | grep -q 'formatCode="yyyy-mm-dd"' && ok ||
	bad "dates shown yyyy-mm-dd"
expect_ok "xlsx by --format" export tasks -o x.bin --format xlsx --lang en
unzip -p x.bin xl/workbook.xml | grep -q '<sheet name="Tasks"' && ok ||
	bad "--format xlsx whatever the name; en sheet name"

done_testing
