#!/bin/sh
# bench/gen.sh: a demo city grown into a province by SQL copies. At 3,200
# tasks: the base city of 1,600 (as luoshi demo makes it) and one copy led
# by new units one level down; every command works on it, the audit chain
# verifies, the copy's board rows equal its originals', and the same N and
# seed give the same database, reused until REBUILD.
. "$(dirname "$0")/lib.sh"

gen() {
	BENCH_DIR="$1" LUOSHI_BIN="$LUOSHI_BIN" \
		sh "$(dirname "$0")/../../bench/gen.sh" build 3200 3 2>/dev/null
}
q() {
	sqlite3 "${QDB:-$DB}" "$1"
}

V=$(ls "$(dirname "$0")/../../src/store/migrations/sqlite" |
	sed -n '$ s/_.*//p')
DB=$(gen "$TMP/a")
[ "$DB" = "$TMP/a/province-3200-s3-v$V.db" ] && [ -f "$DB" ] && ok ||
	bad "gen prints the kept database's path (got '$DB')"
M=$(q "SELECT max(id) FROM tasks WHERE lead NOT LIKE '%-001'")
base=$(q "SELECT count(*) FROM tasks WHERE id <= $M")
expect_eq "$(q "SELECT count(*) FROM tasks WHERE id > $M")" "$base" \
	"one copy of every base task"
[ "$base" -ge 1500 ] && [ "$base" -le 1700 ] && ok ||
	bad "the base city has about 1,600 tasks (has $base)"
expect_eq "$(q "SELECT count(*) FROM units WHERE code LIKE '%-001'")" \
	"$(q "SELECT count(*) FROM (SELECT lead FROM tasks WHERE id <= $M
	UNION SELECT unit FROM task_co WHERE task_id <= $M)")" \
	"a new unit for every unit that leads or co-leads a base task"
expect_eq "$(q "SELECT count(*) FROM units n JOIN units p
	ON n.parent = p.code WHERE n.code = p.code || '-001'
	AND n.path = p.path || n.code || '/'")" \
	"$(q "SELECT count(*) FROM units WHERE code LIKE '%-001'")" \
	"each new unit sits right under the unit it copies"
expect_eq "$(q "SELECT kind FROM units WHERE code = 'HRB-DL-001'")" \
	street "a district's copy is a street"
expect_eq "$(q "SELECT kind FROM units WHERE code = 'HRB-DL-XY-001'")" \
	community "a street's copy is a community"
expect_eq "$(q "SELECT role || ' ' || unit FROM users
	WHERE login = 'hrb-dl-001'")" "staff HRB-DL-001" \
	"each new unit has a staff member"
expect_eq "$(q "SELECT count(*) FROM tasks c JOIN tasks b
	ON c.id = b.id + $M WHERE c.lead = b.lead || '-001'
	AND c.status = b.status AND c.due = b.due
	AND c.percent = b.percent AND coalesce(c.ms_due, '') =
	coalesce(b.ms_due, '') AND (b.owner IS NULL) = (c.owner IS NULL)")" \
	"$base" "each copy keeps its original's status, due, percent, milestones"
expect_eq "$(q "SELECT count(*) FROM task_co WHERE task_id > $M")" \
	"$(q "SELECT count(*) FROM task_co WHERE task_id <= $M")" \
	"co-units copied"
expect_eq "$(q "SELECT count(*) FROM milestones WHERE task_id > $M")" \
	"$(q "SELECT count(*) FROM milestones WHERE task_id <= $M")" \
	"milestones copied"
expect_eq "$(q "SELECT count(*) FROM reports WHERE task_id > $M
	AND note IS NOT '周报'")" \
	"$(q "SELECT count(*) FROM reports WHERE task_id <= $M")" \
	"every report copied"
expect_eq "$(q "SELECT count(*) FROM reports r JOIN tasks t
	ON t.id = r.task_id WHERE r.task_id > $M AND (r.note = '周报'
	AND r.on_day < t.created_on)")" 0 \
	"no weekly report before its task was created"
expect_eq "$(q "SELECT sum(reports) FROM burden_counts")" \
	"$(q "SELECT (SELECT count(*) FROM reports) + (SELECT count(*)
	FROM reports r JOIN task_co c ON c.task_id = r.task_id)")" \
	"burden counters recounted (a report counts for lead and co-units)"
expect_eq "$(q "SELECT count(*) FROM audit WHERE entity = 'task'
	AND CAST(entity_id AS INTEGER) > $M")" 0 \
	"the copies have no audit entries (bulk history)"

expect_rc 0 "audit verify accepts the chain" --db "$DB" audit verify
ls_run --db "$DB" --json board
for u in HRB-DL HRB-FGW HRB-DL-XY; do
	jq_is "[.[] | select(.unit == \"$u\" or .unit == \"$u-001\") |
		[.red, .yellow, .green, .done, .late] | map(tostring) |
		join(\",\")] | unique | length" 1 \
		"the board row of $u-001 equals $u's"
done
want=$(q "SELECT count(*) FROM tasks WHERE lead = 'HRB-DL-001' OR id IN
	(SELECT task_id FROM task_co WHERE unit = 'HRB-DL-001')")
ls_run --db "$DB" --as hrb-dl-001 --json task list
jq_is length "$want" "a street's staff sees its tasks and co-tasks"
expect_rc 0 "next of a street" --db "$DB" --as hrb-dl-001 next
expect_rc 0 "today of a street" --db "$DB" --as hrb-dl-001 today
expect_rc 0 "show a copy" --db "$DB" task show $((M + 1))
expect_rc 0 "eval of the year" --db "$DB" eval --period 2026
expect_rc 0 "bulletin" --db "$DB" bulletin --period 2026 --format md \
	-o "$TMP/b.md"

# kept and reused; the same N and seed make the same data
t0=$(stat -c %Y "$TMP/a/province-3200-s3-v$V.db")
DB=$(gen "$TMP/a")
expect_eq "$(stat -c %Y "$DB")" "$t0" "a second run reuses the database"
DB2=$(REBUILD=1 gen "$TMP/b")
sum() {
	sqlite3 "$1" "SELECT id, lead, co, owner, status, due, percent
		FROM tasks ORDER BY id; SELECT task_id, on_day, percent
		FROM reports ORDER BY id" | md5sum
}
expect_eq "$(sum "$DB2")" "$(sum "$TMP/a/province-3200-s3-v$V.db")" \
	"deterministic by seed"
expect_rc 0 "a copy reports" --db "$DB2" --as hrb-dl-001 task report \
	"$(q "SELECT id FROM tasks WHERE lead = 'HRB-DL-001'
	AND status = 'doing' LIMIT 1")" --percent 90
expect_rc 0 "audit verify after a change" --db "$DB2" audit verify
done_testing
