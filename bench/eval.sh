#!/bin/sh
# Evaluation at SPEC §5's scale: builds a synthetic database directly with
# SQL (recursive CTEs) — UNITS units, TASKS tasks due in 2026, REPORTS
# reports, one indicator per 10 units, an inspection and a merit per 5
# units — then times `luoshi eval --period 2026` once and records its peak
# RSS (/usr/bin/time -v). Not part of make check: run it by hand,
#   sh bench/eval.sh [BUILD_DIR]     (defaults: 10000, 1000000, 10000000)
# and put the figure in docs/operations.md. Keeps the database in
# $EVAL_DB (default build/bench/eval.db) for further runs.
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
units=${UNITS:-10000}
tasks=${TASKS:-1000000}
reports=${REPORTS:-10000000}
db=${EVAL_DB:-$PWD/build/bench/eval.db}
mkdir -p "$(dirname "$db")"
export LUOSHI_TODAY=2026-12-31

if [ ! -f "$db" ] || [ -n "${REBUILD:-}" ]; then
	rm -f "$db" "$db-wal" "$db-shm"
	t0=$(date +%s)
	"$bin" --db "$db" init >/dev/null 2>&1
	sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
INSERT INTO units (code, name, parent, kind, path)
	VALUES ('ROOT', 'city', NULL, 'city', '/ROOT/');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < $units)
INSERT INTO units (code, name, parent, kind, path)
SELECT printf('U%05d', i), printf('unit %d', i), 'ROOT',
	CASE i % 4 WHEN 0 THEN 'district' WHEN 1 THEN 'department'
	WHEN 2 THEN 'county' ELSE 'enterprise' END,
	printf('/ROOT/U%05d/', i) FROM n;
-- tasks: created d days into 2026, due 1..40 days later (within the
-- year), 70 % done (some late), 5 % cancelled, 10 % daily, acked after
-- 0..47 hours.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < $tasks),
t(i, lead, c, d, st, daily, ackh) AS (SELECT i,
	printf('U%05d', 1 + (i * 7919) % $units),
	(i * 31) % 320, 1 + (i * 13) % 40,
	CASE WHEN i % 20 = 0 THEN 'cancelled' WHEN i % 10 < 7 THEN 'done'
	WHEN i % 10 = 7 THEN 'doing' ELSE 'open' END,
	CASE WHEN i % 10 = 3 THEN 1 ELSE 0 END, (i * 17) % 48 FROM n)
INSERT INTO tasks (id, title, lead, daily, due, orig_due, percent, status,
	created_at, created_on, acked_at, closed_at, closed_on, activity_on)
SELECT i, 'task ' || i, lead, daily,
	date('2026-01-01', '+' || (c + CASE daily WHEN 1 THEN 0 ELSE d END)
		|| ' days'),
	date('2026-01-01', '+' || (c + CASE daily WHEN 1 THEN 0 ELSE d END)
		|| ' days'),
	CASE st WHEN 'done' THEN 100 ELSE 30 END, st,
	strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || c || ' days'),
	date('2026-01-01', '+' || c || ' days'),
	CASE WHEN st = 'open' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ',
		'2026-01-01', '+' || c || ' days', '+' || ackh || ' hours') END,
	CASE st WHEN 'done' THEN strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01',
		'+' || (c + (i % 3) * d / 2 + CASE daily WHEN 1 THEN 0
		ELSE i % 5 END) || ' days') END,
	CASE st WHEN 'done' THEN date('2026-01-01',
		'+' || (c + (i % 3) * d / 2 + CASE daily WHEN 1 THEN 0
		ELSE i % 5 END) || ' days') END,
	date('2026-01-01', '+' || c || ' days')
FROM t;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < $reports)
INSERT INTO reports (task_id, at, on_day, author, percent)
SELECT 1 + (i * 104729) % $tasks, '2026-06-01T00:00:00Z', '2026-06-01',
	'admin', 50 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < $units / 10)
INSERT INTO goals (id, title, unit, year, weight, created_at)
SELECT i, 'goal ' || i, printf('U%05d', i * 10), 2026, 1,
	'2026-01-01T00:00:00Z' FROM n;
INSERT INTO indicators (id, goal_id, name, measure, baseline, target,
	direction, weight)
SELECT id, id, 'ind', 'x', 0, 100, 'up', 1 FROM goals;
INSERT INTO indicator_values (indicator_id, month, plan, actual)
SELECT id, '2026-11', 90, id % 120 FROM indicators;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < $units / 5)
INSERT INTO inspections (unit, on_day, score, by, at)
SELECT printf('U%05d', i * 5), '2026-05-10', 60 + i % 40, 'admin',
	'2026-05-10T00:00:00Z' FROM n;
INSERT INTO merits (kind, unit, on_day, points, reason, by, at)
SELECT CASE WHEN id % 2 = 0 THEN 'commend' ELSE 'account' END, unit,
	'2026-06-01', 1 + id % 3, 'bench', 'admin', '2026-06-01T00:00:00Z'
FROM inspections;
COMMIT;
ANALYZE;
SQL
	echo "built $db in $(( $(date +%s) - t0 )) s"
fi

echo "EXPLAIN QUERY PLAN of the task scan:"
sqlite3 "$db" "EXPLAIN QUERY PLAN SELECT id, lead, status, daily, due,
	created_on, closed_on, created_at, acked_at FROM tasks
	WHERE due >= '2026-01-01' AND due <= '2026-12-31'
	AND (NULL IS NULL OR lead = NULL)"
/usr/bin/time -v "$bin" --db "$db" --json eval --period 2026 \
	>"$db.eval.json" 2>"$db.time" || { cat "$db.time"; exit 1; }
rows=$(grep -o '"unit"' "$db.eval.json" | wc -l)
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' \
	"$db.time")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$db.time")
echo "eval --period 2026: $rows rows, wall $wall, peak RSS $rss KiB"
