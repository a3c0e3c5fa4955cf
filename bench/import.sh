#!/bin/sh
# Import at issue 6's scale: ROWS task rows (default 100,000) over 100
# units and 50 users, with co-units, owners, Chinese text and the three
# date forms, imported from CSV into a fresh database, then exported as
# XLSX and imported from that into another one. Times each import once
# (the figure goes in docs/operations.md). Not part of make check:
#   sh bench/import.sh [BUILD_DIR]
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
rows=${ROWS:-100000}
dir=${BENCH_DIR:-$PWD/build/bench/import}
rm -rf "$dir"
mkdir -p "$dir"
export LUOSHI_TODAY=2026-11-26

# setup DB: a city of 100 units and 50 staff, through the CLI's own import
setup() {
	"$bin" --db "$1" init >/dev/null 2>&1
	"$bin" --db "$1" import units "$dir/units.csv" >/dev/null
	"$bin" --db "$1" import users "$dir/users.csv" >/dev/null
}

{
	echo "代码,名称,上级单位,类别"
	echo "HRB,哈尔滨市,,city"
	i=1
	while [ $i -le 100 ]; do
		printf 'U%03d,第%d单位,HRB,district\n' $i $i
		i=$((i + 1))
	done
} >"$dir/units.csv"
{
	echo "登录名,姓名,单位,角色"
	i=1
	while [ $i -le 50 ]; do
		printf 'u%02d,干部%d,U%03d,staff\n' $i $i $i
		i=$((i + 1))
	done
} >"$dir/users.csv"
awk -v n="$rows" 'BEGIN {
	print "标题,牵头单位,截止日期,开始日期,配合单位,责任人,重要,重点,说明"
	for (i = 1; i <= n; i++) {
		lead = sprintf("U%03d", i % 100 + 1)
		co = sprintf("U%03d、U%03d", (i + 1) % 100 + 1, (i + 2) % 100 + 1)
		m = i % 12 + 1; d = i % 28 + 1
		if (i % 3 == 0) due = sprintf("2026-%02d-%02d", m, d)
		else if (i % 3 == 1) due = sprintf("2026/%d/%d", m, d)
		else due = sprintf("2026年%d月%d日", m, d)
		owner = i % 2 ? sprintf("u%02d", i % 50 + 1) : ""
		printf "第%d项重点工作推进,%s,%s,2026-01-01,%s,%s,%s,%s,\"按月报送进度, 第%d项\"\n", \
			i, lead, due, co, owner, i % 5 ? "否" : "是", \
			i % 7 ? "否" : "是", i
	}
}' >"$dir/tasks.csv"

setup "$dir/csv.db"
echo "import of $rows task rows from CSV ($(du -h "$dir/tasks.csv" | cut -f1)):"
/usr/bin/time -f '  %e s wall (%U s user, %S s sys), %M KiB peak RSS' \
	"$bin" --db "$dir/csv.db" import tasks "$dir/tasks.csv"
"$bin" --db "$dir/csv.db" export tasks -o "$dir/tasks.xlsx" >/dev/null
setup "$dir/xlsx.db"
echo "import of $rows task rows from XLSX ($(du -h "$dir/tasks.xlsx" | cut -f1)):"
/usr/bin/time -f '  %e s wall (%U s user, %S s sys), %M KiB peak RSS' \
	"$bin" --db "$dir/xlsx.db" import tasks "$dir/tasks.xlsx"
