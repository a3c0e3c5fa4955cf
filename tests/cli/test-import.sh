#!/bin/sh
# luoshi import: the same Chinese file as UTF-8, UTF-8 with BOM, GB18030
# and XLSX imports the same tasks; a file with two bad rows imports
# nothing and names both; export → import round trip of units, users,
# actuals and tasks gives the same files; dry run, template, rights.
. "$(dirname "$0")/lib.sh"

# fresh NAME: a new database with the same units and users
fresh() {
	export LUOSHI_DB="$TMP/$1.db"
	expect_ok "$1: init" init
	expect_ok "$1: HRB" unit add HRB 哈尔滨市 --kind city
	expect_ok "$1: HRB-DL" unit add HRB-DL 道里区 --parent HRB \
		--kind district
	expect_ok "$1: HRB-NG" unit add HRB-NG 南岗区 --parent HRB \
		--kind district
	expect_ok "$1: zhang" user add zhang --name 张伟 --unit HRB-DL \
		--role staff
	expect_ok "$1: wang" user add wang --name 王芳 --unit HRB \
		--role supervisor
}

# tasks_of: the tasks as JSON, without the creation instant
tasks_of() {
	"$LUOSHI_BIN" --json task list | jq -c 'map(del(.created_at))'
}

# --- one file in four encodings -----------------------------------------
# columns in another order than the export's, three date forms, 、 and ;,
# a unit by name, a quoted field with a comma and a line break, a guarded
# formula, blank lines
{
	printf '%s\r\n' \
		'截止日期,标题,牵头单位,配合单位,责任人,重要,重点,说明,开始日期'
	# a line break inside a cell is LF, as Excel writes it
	printf '%s\n' '2026-12-01,老旧小区改造,道里区,南岗区,zhang,是,否,"分三期，'
	printf '%s\r\n' '涉及 12 个小区",2026/3/1' '' \
		"2026/12/15,'=SUM(A1) 不是公式,HRB-NG,HRB-DL,,否,是,," \
		'2026年12月31日,"路灯, 排水",HRB,道里区、南岗区,,1,0,,'
}	>"$TMP/zh.csv"

fresh utf8
BEFORE=$(audit_count)
expect_ok "import UTF-8" import tasks "$TMP/zh.csv"
expect_out "3 tasks imported from $TMP/zh.csv" "UTF-8 summary"
WANT=$(tasks_of)
expect_eq "$(printf '%s' "$WANT" | jq -c '[.[] | [.title, .lead, .co,
	.owner, .important, .key, .start, .due, .description]]')" \
'[["老旧小区改造","HRB-DL",["HRB-NG"],"zhang",true,false,"2026-03-01",'\
'"2026-12-01","分三期，\n涉及 12 个小区"],'\
'["=SUM(A1) 不是公式","HRB-NG",["HRB-DL"],null,false,true,null,'\
'"2026-12-15",null],'\
'["路灯, 排水","HRB",["HRB-DL","HRB-NG"],null,true,false,null,'\
'"2026-12-31",null]]' "the tasks read from the Chinese file"
expect_eq "$(($(audit_count) - BEFORE))" 3 "one audit entry per row"
expect_eq "$("$LUOSHI_BIN" --json audit log | jq -r '.[-1].action')" \
	task.add "audited as task add"

fresh bom
{ printf '\357\273\277'; cat "$TMP/zh.csv"; } >"$TMP/bom.csv"
expect_ok "import UTF-8 with BOM" import tasks "$TMP/bom.csv"
expect_eq "$(tasks_of)" "$WANT" "UTF-8 with BOM imports the same"

fresh gb
iconv -f UTF-8 -t GB18030 "$TMP/zh.csv" >"$TMP/gb.csv"
if iconv -f UTF-8 -t UTF-8 "$TMP/gb.csv" >/dev/null 2>&1; then
	bad "the GB18030 file should not be valid UTF-8"
else
	ok
fi
expect_ok "import GB18030" import tasks "$TMP/gb.csv"
expect_eq "$(tasks_of)" "$WANT" "GB18030 imports the same"

# XLSX: our own export of the UTF-8 database (dates as serial numbers,
# inline strings, read-only columns that the import ignores)
export LUOSHI_DB="$TMP/utf8.db"
expect_ok "export XLSX" export tasks -o "$TMP/zh.xlsx"
fresh xlsx
expect_ok "import XLSX" import tasks "$TMP/zh.xlsx"
expect_eq "$(tasks_of)" "$WANT" "XLSX imports the same"

# --- two bad rows: nothing imported, both named --------------------------
printf '%s\n' '标题,牵头单位,截止日期,重要' '好的,HRB-DL,2026-12-01,是' \
	'坏单位,HRB-XX,2026-12-01,否' '好的二,HRB-NG,2026-12-02,否' \
	'坏日期,HRB-DL,2026-02-30,否' >"$TMP/bad.csv"
fresh bad
BEFORE=$(audit_count)
expect_fail 2 "two bad rows" import tasks "$TMP/bad.csv"
expect_eq "$ERR" "luoshi: error: line 3, 牵头单位 'HRB-XX': unit 'HRB-XX' \
not found
luoshi: error: line 5, 截止日期 '2026-02-30': invalid date '2026-02-30' \
for 截止日期
luoshi: error: 2 bad rows, nothing imported" "each bad row named"
expect_eq "$(tasks_of)" "[]" "nothing imported"
expect_eq "$(audit_count)" "$BEFORE" "nothing audited"
expect_fail 2 "a bad yes/no" import tasks /dev/stdin <<EOF2
title,lead,due,key
x,HRB-DL,2026-12-01,maybe
EOF2
expect_err "line 2, key 'maybe': invalid yes/no 'maybe' for key" "yes/no"

# --- file faults ----------------------------------------------------------
printf 'title,lead,due,colour\nx,HRB,2026-12-01,red\n' >"$TMP/col.csv"
expect_fail 2 "unknown column" import tasks "$TMP/col.csv"
expect_err "line 1: unknown column 'colour'" "unknown column named"
printf 'title,lead\nx,HRB\n' >"$TMP/nodue.csv"
expect_fail 2 "missing column" import tasks "$TMP/nodue.csv"
expect_err "line 1: no column 截止日期 (due) in the header" "missing column"
printf 'title,lead,due\n"x,HRB,2026-12-01\n' >"$TMP/quote.csv"
expect_fail 2 "unclosed quote" import tasks "$TMP/quote.csv"
expect_err "line 2: quoted field never closed" "unclosed quote"
printf 'PK\003\004broken' >"$TMP/broken.xlsx"
expect_fail 2 "a damaged XLSX" import tasks "$TMP/broken.xlsx"
expect_err "not a readable XLSX file" "damaged XLSX"
expect_fail 1 "missing file" import tasks "$TMP/none.csv"
expect_fail 2 "unknown kind" import things "$TMP/zh.csv"
expect_fail 2 "no file" import tasks
expect_fail 4 "staff may not import tasks" --as zhang import tasks \
	"$TMP/zh.csv"
expect_fail 4 "a supervisor may not import units" --as wang import units \
	"$TMP/zh.csv"

# --- dry run ---------------------------------------------------------------
fresh dry
expect_ok "dry run" --json import tasks "$TMP/zh.csv" --dry-run
jq_is '[.dry_run, .rows, .imported, (.errors | length)] | map(tostring) |
	join(" ")' "true 3 3 0" "dry run counts"
expect_eq "$(tasks_of)" "[]" "a dry run writes nothing"
expect_fail 2 "dry run of the bad file" import tasks "$TMP/bad.csv" \
	--dry-run
expect_err "line 3, 牵头单位 'HRB-XX'" "dry run names bad rows too"

# --- round trip: export → import → export gives the same files ----------
fresh a
expect_ok "goal" goal add 经济增长 --unit HRB --year 2026
expect_ok "indicator" indicator add 1 地区生产总值 --measure 亿元 \
	--baseline 100 --target 120
expect_ok "actual 10" indicator report 1 --period 2026-10 --value 108.5
expect_ok "actual 11" indicator report 1 --period 2026-11 --value 110
expect_ok "HRB-NG-X" unit add HRB-NG-X 南岗街道 --parent HRB-NG \
	--kind street
expect_ok "viewer" user add li --name 李四 --unit HRB-NG-X --role viewer
expect_ok "task 1" task add "=1+1 路面" --lead HRB-DL --due 2026-12-01 \
	--co HRB-NG,HRB-NG-X --owner zhang --leader wang --goal 1 --key \
	--source 市委 --description "第一行
第二行, 带逗号 \"引号\""
expect_ok "task 2" task add 排水 --lead HRB-NG --due 2026-11-20 \
	--start 2026-11-01 --important
for k in units users actuals tasks; do
	expect_ok "export $k" export $k -o "$TMP/a-$k.csv"
	expect_ok "export $k xlsx" export $k -o "$TMP/a-$k.xlsx" --lang en
done
export LUOSHI_DB="$TMP/b.db"
expect_ok "b: init" init
expect_ok "b: units" import units "$TMP/a-units.csv"
expect_out "4 units imported from $TMP/a-units.csv" "b: units imported"
expect_ok "b: users" import users "$TMP/a-users.xlsx"
expect_out "3 users imported from $TMP/a-users.xlsx (1 unchanged)" \
	"b: users (admin unchanged)"
expect_ok "b: goal" goal add 经济增长 --unit HRB --year 2026
expect_ok "b: indicator" indicator add 1 地区生产总值 --measure 亿元 \
	--baseline 100 --target 120
expect_ok "b: actuals" import actuals "$TMP/a-actuals.csv"
expect_ok "b: tasks" import tasks "$TMP/a-tasks.xlsx"
for k in units users actuals tasks; do
	expect_ok "b: export $k" export $k -o "$TMP/b-$k.csv"
	if cmp -s "$TMP/a-$k.csv" "$TMP/b-$k.csv"; then ok; else
		bad "round trip of $k: files differ"
		diff "$TMP/a-$k.csv" "$TMP/b-$k.csv" | head -5 >&2
	fi
done
expect_ok "b: units again" import units "$TMP/a-units.xlsx"
expect_out "0 units imported from $TMP/a-units.xlsx (4 unchanged)" \
	"an identical unit is left alone"
printf 'code,name\nHRB,另一个名字\n' >"$TMP/clash.csv"
expect_fail 2 "a unit that exists with another name" import units \
	"$TMP/clash.csv"
expect_err "line 2, code 'HRB': unit 'HRB' already exists" "clash named"
# A bad row after new units that later rows name: the first, quick pass
# stops at it and the file is read again row by row; the units the first
# pass added (and undid) must not stand in the way of their names.
printf 'code,name,parent\nNEW1,新单位甲,HRB\nNEW2,新单位乙,新单位甲\n%s\n' \
	'NEW3,新单位丙,NOPE' >"$TMP/redo.csv"
BEFORE=$(audit_count)
expect_fail 2 "a bad row after units named by name" import units \
	"$TMP/redo.csv"
expect_eq "$ERR" "luoshi: error: line 4, parent 'NOPE': unit 'NOPE' not found
luoshi: error: 1 bad row, nothing imported" "only the bad row is named"
expect_eq "$(audit_count)" "$BEFORE" "nothing audited"

# --- template --------------------------------------------------------------
expect_ok "template" import tasks --template "$TMP/tpl.csv"
expect_eq "$(head -1 "$TMP/tpl.csv" | tr -d '\r' | sed 's/^\xef\xbb\xbf//')" \
"标题,牵头单位,截止日期,开始日期,配合单位,责任人,责任领导,目标编号,来源,\
重要,重点,说明" "template header"
expect_ok "template xlsx en" import units --template "$TMP/tpl.xlsx" \
	--lang en
export LUOSHI_DB="$TMP/tpl.db"
expect_ok "tpl: init" init
expect_ok "tpl: HRB" unit add HRB 哈尔滨市
expect_ok "the unit template imports" import units --dry-run \
	"$TMP/tpl.xlsx"
expect_ok "help" import --help
expect_contains "luoshi user passwd LOGIN" "help says how users get a \
password"

done_testing
