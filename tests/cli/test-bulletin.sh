#!/bin/sh
# The bulletin (督查通报, SPEC §7) on a fixed small city: the same bulletin
# as HTML (sections, key figures), Markdown (two sections byte for byte),
# XLSX (sheet XML cell by cell) and PDF (pdftotext -layout: red items,
# ranking, page numbers); a district viewer's bulletin has only its unit;
# bad period, format, lang and group exit 2 naming the value and leave
# the file alone. Every expected number is worked out by hand below.
. "$(dirname "$0")/lib.sh"

L() { "$LUOSHI_BIN" "$@"; }

L init >/dev/null 2>&1
L unit add HRB 哈尔滨市 --kind city >/dev/null
L unit add A 甲区 --parent HRB --kind district >/dev/null
L unit add B 乙区 --parent HRB --kind district >/dev/null
L user add sup --name 督查员 --unit HRB --role supervisor >/dev/null
L user add zhang --name 张三 --unit A --role staff >/dev/null
L user add li --name 李四 --unit B --role staff >/dev/null
L user add dv --name 甲看 --unit A --role viewer >/dev/null

# mk TITLE LEAD OWNER CREATED DUE [ACKED [CLOSED]]: a task created (00:00Z
# of CREATED), acknowledged and closed on those days; prints its id.
mk() {
	_id=$(L --today "$4" task add "$1" --lead "$2" --owner "$3" \
		--due "$5")
	[ -n "${6:-}" ] && L --today "$6" task ack "$_id" >/dev/null
	if [ -n "${7:-}" ]; then
		L --today "$7" task submit "$_id" >/dev/null
		L --today "$7" task close "$_id" >/dev/null
	fi
	echo "$_id"
}
# T = 2026-11-26, period 2026-Q4 = 2026-10-01 .. 2026-12-31.
#  1 A due 11-10, acked: red, 26 - 10 = 16 days overdue
#  2 A due 11-20, not acked (a late report on 11-10): red, 6 days
#  3 A due 10-20, closed 10-25: late, 5 days
#  4 A due 11-05, closed 11-01: on time
#  5 A created 11-25, due 11-28: yellow (2 days <= warn_days 3)
#  6 A due 12-10, cancelled
#  7 B due 11-01, never acked: red, 26 - 1 = 25 days
#  8 B due 10-10, closed 10-12: late, 2 days
#  9 B due 10-31, closed 10-30: on time
# 10 B due 12-20, milestone due 11-21 unfinished: red by the milestone,
#    26 - 21 = 5 days
# 11 B due 09-20, closed 09-25: late, but before the period: not listed
mk 甲一红灯 A zhang 2026-10-01 2026-11-10 2026-10-01 >/dev/null
mk 甲二红灯 A zhang 2026-10-01 2026-11-20 >/dev/null
mk 甲三逾期 A zhang 2026-10-01 2026-10-20 2026-10-01 2026-10-25 \
	>/dev/null
mk 甲四按期 A zhang 2026-10-01 2026-11-05 2026-10-01 2026-11-01 \
	>/dev/null
mk 甲五黄灯 A zhang 2026-11-25 2026-11-28 >/dev/null
mk 甲六撤销 A zhang 2026-10-01 2026-12-10 >/dev/null
L --today 2026-11-02 task cancel 6 --reason 重复 >/dev/null
mk 乙一红灯 B li 2026-10-01 2026-11-01 >/dev/null
mk 乙二逾期 B li 2026-10-01 2026-10-10 2026-10-01 2026-10-12 >/dev/null
mk 乙三按期 B li 2026-10-01 2026-10-31 2026-10-01 2026-10-30 >/dev/null
mk 乙四节点 B li 2026-10-01 2026-12-20 2026-10-01 >/dev/null
L --today 2026-10-01 milestone add 10 方案 --due 2026-11-21 >/dev/null
id=$(mk 乙五旧账 B li 2026-09-01 2026-09-20 2026-09-01 2026-09-25)
expect_eq "$id" 11 "task ids as planned"
L --today 2026-11-10 task report 2 --percent 30 --note 推进 >/dev/null
L --today 2026-11-20 --as sup task urge 1 --note 抓紧 >/dev/null

# A's 2026 goal: indicator 1 (up, 0 → 100, actual 60 in 2026-11), its
# target lowered to 80 on 11-15 (listed); indicator 2 (down, 100 → 50),
# target 50 → 40 on 11-16: raised for `down`, not listed.
g=$(L goal add 增长 --unit A --year 2026)
L --today 2026-10-01 indicator add "$g" 产值 --measure 亿元 --baseline 0 \
	--target 100 >/dev/null
L --today 2026-10-01 indicator add "$g" 能耗 --measure 吨 --baseline 100 \
	--target 50 --direction down >/dev/null
L indicator report 1 --period 2026-11 --value 60 >/dev/null
L --today 2026-11-15 --as sup indicator update 1 --target 80 \
	--reason 受市场影响 >/dev/null
L --today 2026-11-16 --as sup indicator update 2 --target 40 \
	--reason 加压 >/dev/null
L --as sup inspect add --unit A --on 2026-11-10 --score 80 \
	--findings 台账不全 >/dev/null
L --as sup commend add --unit A --on 2026-11-12 --points 2 \
	--reason 表现突出 >/dev/null
L --as sup account add --person li --on 2026-11-18 --points 1 \
	--reason 迟报 >/dev/null
L --as sup account add --unit B --on 2026-11-20 --points 3 \
	--reason 逾期 >/dev/null
L --as sup account add --unit B --on 2026-09-20 --points 9 \
	--reason 上季度 >/dev/null

# Policy windows (T = 2026-11-26, policy_warn_days 14, Q4):
# 1 A closes 11-30, watching: 30 - 26 = 4 days <= 14 → 临近截止
# 2 B closed 11-25, applying (recorded on 11-01, before the close): 11-25
#   < T un-landed, in Q4 → 已错过
# 3 A closes 12-20, watching: 24 days > 14, not listed
# 4 B closed 11-20, landed: not listed
# 5 A closed 09-30, watching: missed, but before Q4: not listed
# Listed by closing day: 2 (11-25) then 1 (11-30).
L policy add 甲区专项债 --issuer 财政部 --level national --issued 2026-10-01 \
	--open 2026-10-01 --close 2026-11-30 --unit A >/dev/null
L --today 2026-11-01 policy add 乙区补助 --issuer 省财政厅 --level provincial \
	--issued 2026-09-01 --open 2026-09-01 --close 2026-11-25 --unit B \
	--status applying >/dev/null
L policy add 甲区试点 --issuer 市发改委 --level municipal \
	--issued 2026-11-01 --open 2026-11-01 --close 2026-12-20 --unit A \
	>/dev/null
L policy add 乙区奖补 --issuer 省商务厅 --level provincial \
	--issued 2026-10-01 --open 2026-10-01 --close 2026-11-20 --unit B \
	--status landed >/dev/null
id=$(L policy add 甲区旧政 --issuer 市财政局 --level municipal \
	--issued 2026-08-01 --open 2026-08-01 --close 2026-09-30 --unit A)
expect_eq "$id" 5 "policy ids as planned"

# Summary (admin's scope: all). Due in Q4, not cancelled: 1 2 3 4 5 7 8
# 9 10 = 9; closed by 12-31: 3 4 8 9, on time 4 9 = 2, late 3 8 = 2;
# rate 2/4 = 50.00 %; red now 1 2 7 10 = 4; yellow 5 = 1; cancelled 6 = 1.
#
# Ranking (district; default weights 30 20 10 5 25 10):
# A: tasks 1-5 = 5, closed 3 4 → completion 2/5 = 40; on time 4 → 1/2 =
#   50; answered (acked the day created) 1 3 4 → 3/5 = 60; daily null;
#   indicators: 1 only has an actual, (60-0)/(80-0) = 0.75 → 75;
#   inspection 80. (30·40 + 20·50 + 10·60 + 25·75 + 10·80) / 95 =
#   (1200 + 1000 + 600 + 1875 + 800) / 95 = 5475 / 95 = 57.6316;
#   + 2 bonus = 59.63.
# B: tasks 7 8 9 10 = 4, closed 8 9 → 50; on time 9 → 50; answered 8 9
#   10 → 75; (30·50 + 20·50 + 10·75) / 60 = 3250 / 60 = 54.1667; − 3
#   (li's own 1 point is a person's) = 51.17.
# Both on time 1 of 2: Wilson with z² = 3.8416: centre (0.5 + 0.9604) /
#   2.9208 = 0.5, half 1.96·√(0.125 + 0.2401) / 2.9208 = 0.405471 →
#   [9.45, 90.55]; pooled p0 = 2/4 = 0.5 → within (持平).

cd "$TMP" || exit 1

# --- Markdown: sections 二 and 五 byte for byte ---
expect_ok "md" bulletin --period 2026-Q4 -o b.md
expect_out "bulletin 2026-Q4 written to b.md (6 red or late, 3 ranked)" \
	"md: what was written"
expect_eq "$(sed -n '/^## 二、/,/^## 三、/p' b.md)" "## 二、红灯和逾期事项

截至通报日亮红灯的任务，以及本期内逾期办结的任务，按单位、逾期天数排列。

| 单位 | 单位名称 | 编号 | 任务 | 责任人 | 截止日期 | 逾期天数 | 亮灯 | 状态 |
| --- | --- | ---: | --- | --- | --- | ---: | --- | --- |
| A | 甲区 | 1 | 甲一红灯 | 张三 | 2026-11-10 | 16 | 红灯 | 办理中 |
| A | 甲区 | 2 | 甲二红灯 | 张三 | 2026-11-20 | 6 | 红灯 | 办理中 |
| A | 甲区 | 3 | 甲三逾期 | 张三 | 2026-10-20 | 5 | 逾期办结 | 已办结 |
| B | 乙区 | 7 | 乙一红灯 | 李四 | 2026-11-01 | 25 | 红灯 | 待签收 |
| B | 乙区 | 10 | 乙四节点 | 李四 | 2026-12-20 | 5 | 红灯 | 办理中 |
| B | 乙区 | 8 | 乙二逾期 | 李四 | 2026-10-10 | 2 | 逾期办结 | 已办结 |

## 三、综合评价排名（city）" "md: red and late items by unit, most overdue first"
expect_eq "$(sed -n '/^## 四、/,/^## 六、/p' b.md)" "## 四、表彰和问责

| 日期 | 类别 | 单位 | 个人 | 分值 | 事由 |
| --- | --- | --- | --- | ---: | --- |
| 2026-11-12 | 表彰 | A |  | 2 | 表现突出 |
| 2026-11-18 | 问责 | B | li | -1 | 迟报 |
| 2026-11-20 | 问责 | B |  | -3 | 逾期 |

## 五、目标下调

| 指标 | 名称 | 单位 | 方向 | 原目标 | 新目标 | 调整人 | 日期 | 理由 |
| ---: | --- | --- | --- | ---: | ---: | --- | --- | --- |
| 1 | 产值 | A | 越高越好 | 100 | 80 | sup | 2026-11-15 | 受市场影响 |

## 六、政策窗口期" "md: merits in the period (not 09-20's), the lowered target only"
expect_eq "$(sed -n '/^## 六、/,/^## 七、/p' b.md)" "## 六、政策窗口期

窗口期在通报日起 14 天内截止而尚未落地的政策（临近截止），以及窗口期在本期内截止而未落地的政策（已错过），按截止日期排列。

| 单位 | 单位名称 | 编号 | 政策 | 发布机关 | 层级 | 窗口期开始 | 窗口期截止 | 提示 |
| --- | --- | ---: | --- | --- | --- | --- | --- | --- |
| B | 乙区 | 2 | 乙区补助 | 省财政厅 | 省级 | 2026-09-01 | 2026-11-25 | 已错过 |
| A | 甲区 | 1 | 甲区专项债 | 财政部 | 国家级 | 2026-10-01 | 2026-11-30 | 临近截止 |

## 七、基层减负" "md: policy 2 missed in Q4, 1 closing in 4 days; 3 4 5 not"
OUT=$(sed -n '/（district）/,/^## 四/p' b.md)
expect_contains "| 1 | A | 甲区 | 59.63 | 40 | 50 | 60 |  | 75 | 80 | 2 | 0 | \
9.45–90.55 | 持平 |  |" "md: A's ranking row"
expect_contains "| 2 | B | 乙区 | 51.17 | 50 | 50 | 75 |  |  |  | 0 | 3 | \
9.45–90.55 | 持平 |  |" "md: B's ranking row"
# burden: A had 1 report (task 2), 1 urge (task 1), 1 inspection
OUT=$(sed -n '/^## 七、/,$p' b.md)
expect_contains "| A | 甲区 | 1 | 1 | 1 | 0 | 0 |" "md: A's burden"
expect_lacks "| B |" "md: B had no burden"
OUT=$(cat b.md)
expect_contains "_统计期间 2026-10-01 至 2026-12-31，2026-11-26 印发_" \
	"md: period and day of issue"

# --- HTML: sections and key figures ---
expect_ok "html" bulletin --period 2026-Q4 --format html -o b.html
OUT=$(cat b.html)
expect_contains "<title>2026年第四季度督查通报</title>" "html: title"
for h in 一、总体情况 二、红灯和逾期事项 "三、综合评价排名（district）" \
	四、表彰和问责 五、目标下调 六、政策窗口期 七、基层减负; do
	expect_contains "<h2>$h</h2>" "html: section $h"
done
expect_contains "本期到期任务 9 项，按期办结 2 项，逾期办结 2 项，按期办结率 \
50.00%；截至 2026-11-26，红灯 4 项，黄灯 1 项；本期撤销 1 项。" \
	"html: summary figures"
expect_contains ">59.63<" "html: A's score"
expect_contains ">51.17<" "html: B's score"
expect_contains ">乙一红灯<" "html: a red item"

# --- English ---
expect_ok "en" bulletin --period 2026-Q4 --lang en -o en.md
OUT=$(cat en.md)
expect_contains "# Supervision bulletin, 2026-Q4" "en: title"
expect_contains "| B | 乙区 | 7 | 乙一红灯 | 李四 | 2026-11-01 | 25 | Red | \
Open |" "en: a red row in English words"
expect_contains "| B | 乙区 | 2 | 乙区补助 | 省财政厅 | provincial | 2026-09-01 | \
2026-11-25 | missed |" "en: policy 2 missed"
expect_contains "## 6. Policy windows" "en: policy section"
expect_contains "| Tasks due in the period | 9 |" "en: summary"

# --- XLSX: sheets cell by cell (inline strings) ---
expect_ok "xlsx" bulletin --period 2026-Q4 --group district -o b.xlsx
mkdir x && (cd x && unzip -q ../b.xlsx) || bad "xlsx: unzip"
# cell SHEET REF: the value of a cell (<v> number or inline <t> text)
cell() {
	sed 's/<c r=/\n<c r=/g' "x/xl/worksheets/$1.xml" |
		grep "^<c r=\"$2\"" | sed -e 's/<\/c>.*//' \
		-e 's/.*<[vt]>//' -e 's/<\/[vt]>.*//'
}
OUT=$(grep -o '<sheet name="[^"]*"' x/xl/workbook.xml | cut -d'"' -f2 |
	paste -sd'|' -)
expect_out "概要|一、总体情况|二、红灯和逾期事项|三、综合评价排名（district）|\
四、表彰和问责|五、目标下调|六、政策窗口期|七、基层减负" "xlsx: one sheet per table"
expect_eq "$(cell sheet2 A2)=$(cell sheet2 B2)" "本期到期任务=9" "xlsx: due"
expect_eq "$(cell sheet2 B3),$(cell sheet2 B4),$(cell sheet2 B5)" "2,2,4" \
	"xlsx: on time, late, red"
expect_eq "$(cell sheet2 B6),$(cell sheet2 B7),$(cell sheet2 B8)" "1,1,50" \
	"xlsx: yellow, cancelled, rate"
expect_eq "$(cell sheet3 A5)|$(cell sheet3 C5)|$(cell sheet3 D5)|\
$(cell sheet3 G5)|$(cell sheet3 H5)" "B|7|乙一红灯|25|红灯" \
	"xlsx: B's most overdue item first"
# a real date: serial of 2026-11-01 = 46023 (2026-01-01) + 304 = 46327
expect_eq "$(cell sheet3 F5)" "46327" "xlsx: due is a real date"
expect_eq "$(cell sheet4 A2)|$(cell sheet4 B2)|$(cell sheet4 D2)|\
$(cell sheet4 E2)|$(cell sheet4 I2)|$(cell sheet4 J2)|$(cell sheet4 K2)" \
	"1|A|59.63|40|75|80|2" "xlsx: A ranked first"
expect_eq "$(cell sheet4 A3)|$(cell sheet4 D3)|$(cell sheet4 L3)|\
$(cell sheet4 M3)|$(cell sheet4 N3)" "2|51.17|3|9.45–90.55|持平" \
	"xlsx: B second, penalty 3"
expect_eq "$(cell sheet4 H2)" "" "xlsx: a null metric is an empty cell"
grep -q 'sharedStrings' x/'[Content_Types].xml' &&
	bad "xlsx: shared strings (not constant memory)" || ok
expect_eq "$(cell sheet6 E2)→$(cell sheet6 F2) $(cell sheet6 I2)" \
	"100→80 受市场影响" "xlsx: lowered target"
# policy 2's window: 2026-11-25 = 46023 (2026-01-01) + 328 = 46351
expect_eq "$(cell sheet7 A2)|$(cell sheet7 C2)|$(cell sheet7 F2)|\
$(cell sheet7 H2)|$(cell sheet7 I2)" "B|2|省级|46351|已错过" \
	"xlsx: policy 2 missed, its close a real date"
expect_eq "$(cell sheet7 C3)|$(cell sheet7 I3)|$(cell sheet7 C4)" \
	"1|临近截止|" "xlsx: policy 1 closing, nothing after it"

# --- PDF: red items, ranking, page numbers ---
expect_ok "pdf" bulletin --period 2026-Q4 -o b.pdf
pdftotext -layout b.pdf b.txt
OUT=$(cat b.txt)
expect_contains "2026年第四季度督查通报" "pdf: title"
OUT=$(grep -E '乙一红灯|甲一红灯|乙四节点' b.txt | sed 's/  */ /g')
expect_contains "A 甲区 1 甲一红灯 张三 2026-11-10 16 红灯 办理中" \
	"pdf: A's red item"
expect_contains "B 乙区 7 乙一红灯 李四 2026-11-01 25 红灯 待签收" \
	"pdf: B's red item"
expect_contains "B 乙区 10 乙四节点 李四 2026-12-20 5 红灯 办理中" \
	"pdf: B's milestone-red item"
OUT=$(grep -E '专项债|乙区补助' b.txt | sed 's/  */ /g')
expect_contains "A 甲区 1 甲区专项债 财政部 国家级 2026-10-01 2026-11-30 \
临近截止" "pdf: policy 1 closing"
expect_contains "B 乙区 2 乙区补助 省财政厅 省级 2026-09-01 2026-11-25 \
已错过" "pdf: policy 2 missed"
OUT=$(grep -E '^ *[12] +[AB] ' b.txt | sed 's/  */ /g')
expect_contains "1 A 甲区 59.63 40 50 60 75 80 2 0 9.45–90.55 持平" \
	"pdf: A's ranking row"
expect_contains "2 B 乙区 51.17 50 50 75 0 3 9.45–90.55 持平" \
	"pdf: B's ranking row"
pages=$(pdfinfo b.pdf | sed -n 's/^Pages: *//p')
expect_eq "$(grep -c "第 *[0-9]* *页 */ *共 *$pages *页" b.txt)" "$pages" \
	"pdf: every page numbered of $pages"
expect_eq "$(pdfinfo b.pdf | sed -n 's/^Page size: *//p' | cut -c1-16)" \
	"841.89 x 595.276" "pdf: A4 landscape"

# --- scheme warnings: score under 55 marks B ---
printf '{"warn":{"score":55,"completion":45}}' >w.json
expect_ok "scheme" bulletin --period 2026-Q4 --group district \
	--scheme w.json -o w.md
OUT=$(cat w.md)
expect_contains "| 1 | A | 甲区 | 59.63 | 40 | 50 | 60 |  | 75 | 80 | 2 | 0 | \
9.45–90.55 | 持平 | 完成率 |" "scheme: A's completion 40 < 45"
expect_contains "| 2 | B | 乙区 | 51.17 | 50 | 50 | 75 |  |  |  | 0 | 3 | \
9.45–90.55 | 持平 | 得分 |" "scheme: B's score 51.17 < 55"

# --- scope: the district viewer sees A only ---
expect_ok "dv" --as dv bulletin --period 2026-Q4 -o dv.md
OUT=$(cat dv.md)
expect_contains "范围：A 甲区 及下属单位" "dv: scope named"
expect_contains "本期到期任务 5 项，按期办结 1 项，逾期办结 1 项，按期办结率 \
50.00%；截至 2026-11-26，红灯 2 项，黄灯 1 项；本期撤销 1 项。" \
	"dv: A's figures only (5 due, 1 + 1 closed, 2 red, 1 yellow)"
expect_lacks "乙" "dv: nothing of B"
expect_contains "| A | 甲区 | 1 | 甲区专项债 | 财政部 | 国家级 | 2026-10-01 | \
2026-11-30 | 临近截止 |" "dv: A's closing policy"
expect_lacks "HRB" "dv: nothing of the city"
expect_contains "| 1 | A | 甲区 | 59.63 |" "dv: A keeps its group rank"
expect_ok "sup --unit B" --as sup bulletin --period 2026-Q4 --unit B -o b2.md
OUT=$(cat b2.md)
expect_lacks "甲" "--unit B: nothing of A"
expect_contains "| 2 | B | 乙区 | 51.17 |" "--unit B: B's row"
expect_fail 3 "dv --unit B" --as dv bulletin --period 2026-Q4 --unit B \
	-o dvb.md
expect_err "unit 'B' not found" "dv --unit B: not found"
[ ! -e dvb.md ] && ok || bad "dv --unit B: file created"

# --- a month, a year ---
expect_ok "month" bulletin --period 2026-10 -o m.md
OUT=$(sed -n 1p m.md)
expect_out "# 2026年10月督查通报" "month title"
# October: tasks 3 (10-20), 8 (10-10), 9 (10-31) due; late 3 8 closed in
# October → listed with red ones
OUT=$(cat m.md)
expect_contains "本期到期任务 3 项，按期办结 1 项，逾期办结 2 项，按期办结率 \
33.33%" "month summary: 1 of 3 on time"

# --- bad values: exit 2 naming the value, the file untouched ---
echo keep >old.md
for a in "--period 2026-Q5:'2026-Q5'" "--format docx:'docx'" \
	"--lang fr:'fr'" "--group county:'county'"; do
	opt=${a%%:*}
	want=${a#*:}
	# shellcheck disable=SC2086
	expect_fail 2 "bad $opt" bulletin --period 2026-Q4 $opt -o old.md
	expect_err "$want" "bad $opt: names the value"
	expect_eq "$(cat old.md)" keep "bad $opt: file untouched"
done
expect_fail 2 "no period" bulletin -o old.md
expect_fail 2 "no file" bulletin --period 2026
expect_fail 2 "csv is not a bulletin" bulletin --period 2026 -o old.csv
expect_ok "--help" bulletin --help
expect_contains "usage: luoshi bulletin --period P -o FILE" "--help"

done_testing
