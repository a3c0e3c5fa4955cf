#!/bin/sh
# A province for the benchmarks, up to 1,000,000 tasks in minutes. The
# service layer (luoshi demo) plays 500–1,400 tasks a second (10,000 in
# 20 s wall, 7 s CPU): 1,000,000 would take half an hour or more. So:
#   1. `luoshi demo --scale B --seed S` seeds a realistic city of B tasks
#      (B = 1,600, or N when smaller) through the service layer: units,
#      users, calendar, goals and indicators with trajectories, tasks in
#      every status and light with co-units, milestones, reports,
#      evidence, events, extensions, risks, inspections, merits,
#      policies, practices — every row validated and in the audit chain;
#   2. one SQL transaction grows it into a province: K = N/B - 1 copies
#      of the city's tasks, copy k led by new units one level down (a
#      district's copy by a street 'HRB-DL-007' under it, a street's by a
#      community, a department's by a section), each new unit with one
#      staff member who owns the copies it leads; co-units, milestones,
#      events, extensions and risks copied with them, every report
#      copied and, where the task already existed a week before, a weekly
#      report seven days earlier too (about 8 reports a task); the burden
#      counters recounted.
# At 1,000,000 tasks: 9,602 units, 9,607 users, 8.3 million reports,
# 1.9 GiB; 88 s of CPU. Same N and seed give the same database.
#
# The copies are bulk history outside the audit chain: they have no audit
# entries, exactly as if they had been loaded before the trail began.
# The chain (the base city's entries) is untouched, so `luoshi audit
# verify` passes; it checks the chain, not that every row has an entry.
# Every later change to a copied row goes through the service layer and
# is audited as usual.
#
#   sh bench/gen.sh BUILD_DIR N [SEED]      prints the database's path
# (LUOSHI_BIN, when set, is the binary instead of BUILD_DIR/luoshi)
# The database is kept in build/bench/province-N-sSEED-vSCHEMA.db (or
# under BENCH_DIR) and reused while N, seed and schema version (the
# newest migration's number) stay the same; REBUILD=1 makes it again.
set -eu
build=${1:-build}
n=${2:-10000}
seed=${3:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${LUOSHI_BIN:-$PWD/$build/luoshi}
dir=${BENCH_DIR:-$PWD/build/bench}
schema=$(ls "$root/src/store/migrations/sqlite" | sed -n '$ s/_.*//p')
db="$dir/province-$n-s$seed-v$schema.db"
export LUOSHI_TODAY=${LUOSHI_TODAY:-2026-11-26}
mkdir -p "$dir"

if [ -f "$db" ] && [ -z "${REBUILD:-}" ]; then
	echo "$db"
	exit 0
fi
rm -rf "$db" "$db-wal" "$db-shm" "$db.files" "$db.tmp"*
base=1600
[ "$n" -ge "$base" ] || base=$n
t0=$(date +%s)
"$bin" --db "$db.tmp" demo --scale "$base" --seed "$seed" >/dev/null
m=$(sqlite3 "$db.tmp" "SELECT max(id) FROM tasks")
have=$(sqlite3 "$db.tmp" "SELECT count(*) FROM tasks")
copies=$(((n + have / 2) / have - 1))
[ "$copies" -ge 0 ] || copies=0

sqlite3 "$db.tmp" >/dev/null <<SQL
PRAGMA journal_mode = DELETE;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
PRAGMA temp_store = MEMORY;
BEGIN;
CREATE TEMP TABLE k AS WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL
	SELECT k + 1 FROM n WHERE k < $copies) SELECT k, printf('-%03d', k)
	AS sfx FROM n WHERE $copies > 0;
CREATE TEMP TABLE bu AS SELECT u.* FROM units u WHERE code IN
	(SELECT lead FROM tasks UNION SELECT unit FROM task_co);
-- the new units, one level below the unit they copy
INSERT INTO units (code, name, parent, kind, path)
SELECT bu.code || k.sfx,
	bu.name || CASE bu.kind WHEN 'district' THEN '第' || k.k || '街道'
	WHEN 'street' THEN '第' || k.k || '社区'
	ELSE '第' || k.k || '处' END,
	bu.code,
	CASE bu.kind WHEN 'district' THEN 'street' WHEN 'street'
	THEN 'community' ELSE 'section' END,
	bu.path || bu.code || k.sfx || '/'
FROM k, bu ORDER BY k.k, bu.code;
INSERT INTO users (login, name, unit, role, pwhash, created_at)
SELECT lower(bu.code || k.sfx), '干部' || lower(bu.code || k.sfx),
	bu.code || k.sfx, 'staff', NULL, '2026-01-01T00:00:00Z'
FROM k, bu ORDER BY k.k, bu.code;
-- the copies of the city's tasks: task id t + k * $m
INSERT INTO tasks (id, title, description, lead, co, owner, leader,
	goal_id, source, important, key, daily, start, due, orig_due,
	percent, status, created_at, created_on, acked_at, closed_at,
	closed_on, activity_on, ms_due, version, inspection_id)
SELECT t.id + k.k * $m, t.title, t.description, t.lead || k.sfx,
	CASE WHEN t.co IS NULL THEN NULL
	ELSE replace(t.co, ',', k.sfx || ',') || k.sfx END,
	CASE WHEN t.owner IS NULL THEN NULL ELSE lower(t.lead || k.sfx) END,
	NULL, t.goal_id, t.source, t.important, t.key, t.daily, t.start,
	t.due, t.orig_due, t.percent, t.status, t.created_at, t.created_on,
	t.acked_at, t.closed_at, t.closed_on, t.activity_on, t.ms_due,
	t.version, NULL
FROM k, tasks t WHERE t.id <= $m ORDER BY k.k, t.id;
INSERT INTO task_co (task_id, unit)
SELECT c.task_id + k.k * $m, c.unit || k.sfx FROM k, task_co c
WHERE c.task_id <= $m ORDER BY k.k, c.task_id;
INSERT INTO milestones (task_id, title, due, done_on)
SELECT s.task_id + k.k * $m, s.title, s.due, s.done_on FROM k, milestones s
WHERE s.task_id <= $m ORDER BY k.k, s.id;
INSERT INTO task_events (task_id, at, by, kind, note)
SELECT v.task_id + k.k * $m, v.at, v.by, v.kind, v.note FROM k,
	task_events v WHERE v.task_id <= $m ORDER BY k.k, v.id;
INSERT INTO extensions (task_id, from_due, to_due, reason, by, at)
SELECT x.task_id + k.k * $m, x.from_due, x.to_due, x.reason, x.by, x.at
FROM k, extensions x WHERE x.task_id <= $m ORDER BY k.k, x.id;
INSERT INTO risks (task_id, description, plan, level, by, at)
SELECT r.task_id + k.k * $m, r.description, r.plan, r.level, r.by, r.at
FROM k, risks r WHERE r.task_id <= $m ORDER BY k.k, r.id;
-- every report copied, by the copy's owner; plus a weekly one seven days
-- earlier where the task already existed then
INSERT INTO reports (task_id, at, on_day, author, percent, note)
SELECT task_id, at, on_day, author, percent, note FROM (
	SELECT r.task_id + k.k * $m AS task_id, r.at, r.on_day,
		lower(t.lead || k.sfx) AS author, r.percent, r.note, k.k AS kk,
		r.id AS rid, 1 AS w
	FROM k, reports r JOIN tasks t ON t.id = r.task_id
	WHERE r.task_id <= $m
	UNION ALL
	SELECT r.task_id + k.k * $m, strftime('%Y-%m-%dT%H:%M:%SZ', r.at,
		'-7 days'), date(r.on_day, '-7 days'), lower(t.lead || k.sfx),
		max(0, r.percent - 10), '周报', k.k, r.id, 0
	FROM k, reports r JOIN tasks t ON t.id = r.task_id
	WHERE r.task_id <= $m AND date(r.on_day, '-7 days') >= t.created_on)
ORDER BY kk, rid, w;
-- the burden counters (migration 009's recount)
DELETE FROM burden_counts;
INSERT INTO burden_counts (unit, month, reports, urges)
SELECT unit, month, sum(r), sum(u) FROM (
	SELECT t.lead AS unit, substr(r.on_day, 1, 7) AS month, 1 AS r, 0 AS u
	FROM reports r JOIN tasks t ON t.id = r.task_id
	UNION ALL SELECT c.unit, substr(r.on_day, 1, 7), 1, 0
	FROM reports r JOIN task_co c ON c.task_id = r.task_id
	UNION ALL SELECT t.lead, substr(v.at, 1, 7), 0, 1
	FROM task_events v JOIN tasks t ON t.id = v.task_id
	WHERE v.kind = 'urge'
	UNION ALL SELECT c.unit, substr(v.at, 1, 7), 0, 1
	FROM task_events v JOIN task_co c ON c.task_id = v.task_id
	WHERE v.kind = 'urge')
GROUP BY unit, month;
COMMIT;
PRAGMA journal_mode = WAL;
SQL
[ ! -d "$db.tmp.files" ] || mv "$db.tmp.files" "$db.files"
mv "$db.tmp" "$db"
rm -f "$db.tmp-wal" "$db.tmp-shm"
echo "generated $n tasks (base $have x $((copies + 1))) in" \
	"$(($(date +%s) - t0)) s" >&2
echo "$db"
