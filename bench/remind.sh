#!/bin/sh
# The daily reminder pass at SPEC scale: a synthetic database built with
# SQL like bench/eval.sh's (UNITS units under one city, TASKS tasks over
# 2026 of which 30 % are live, USERS staff owning them, a supervisor per
# 10 units, a webhook channel for every unit and every supervisor), then
# `luoshi remind --once --no-deliver` timed once on 2026-06-15 (the pass
# and the queueing; delivery is the network's time). Not in make check:
#   sh bench/remind.sh [BUILD_DIR]    (defaults 10000, 1000000, 20000)
# Keeps the database in $REMIND_DB (default build/bench/remind.db).
set -eu
build=${1:-build}
bin="$PWD/$build/luoshi"
units=${UNITS:-10000}
tasks=${TASKS:-1000000}
users=${USERS:-20000}
db=${REMIND_DB:-$PWD/build/bench/remind.db}
mkdir -p "$(dirname "$db")"
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
SELECT printf('U%05d', i), printf('unit %d', i), 'ROOT', 'district',
	printf('/ROOT/U%05d/', i) FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < $users)
INSERT INTO users (login, name, unit, role, created_at)
SELECT printf('u%06d', i), printf('user %d', i),
	printf('U%05d', 1 + i % $units),
	CASE WHEN i <= $units / 10 THEN 'supervisor' ELSE 'staff' END,
	'2026-01-01T00:00:00Z' FROM n;
-- created c days into 2026, due 1..60 days later; 70 % done, 30 % live
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	WHERE i < $tasks),
t(i, lead, c, d, st) AS (SELECT i, printf('U%05d', 1 + (i * 7919) % $units),
	(i * 31) % 300, 1 + (i * 13) % 60,
	CASE WHEN i % 10 < 7 THEN 'done' WHEN i % 10 = 7 THEN 'open'
	ELSE 'doing' END FROM n)
INSERT INTO tasks (id, title, lead, owner, due, orig_due, percent, status,
	created_at, created_on, acked_at, activity_on)
SELECT i, 'task ' || i, lead, printf('u%06d', 1 + (i * 13) % $users),
	date('2026-01-01', '+' || (c + d) || ' days'),
	date('2026-01-01', '+' || (c + d) || ' days'), 30, st,
	strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01', '+' || c || ' days'),
	date('2026-01-01', '+' || c || ' days'),
	CASE st WHEN 'open' THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ',
		'2026-01-01', '+' || c || ' days', '+2 hours') END,
	date('2026-01-01', '+' || c || ' days') FROM t;
INSERT INTO notify_channels (unit, kind, target, created_at, by)
SELECT code, 'webhook', 'http://127.0.0.1:9/' || code,
	'2026-01-01T00:00:00Z', 'admin' FROM units;
INSERT INTO notify_channels (login, kind, target, created_at, by)
SELECT login, 'webhook', 'http://127.0.0.1:9/' || login,
	'2026-01-01T00:00:00Z', 'admin' FROM users WHERE role = 'supervisor';
COMMIT;
ANALYZE;
SQL
t1=$(date +%s)
echo "built $units units, $tasks tasks, $users users in $((t1 - t0)) s"
for run in first again; do
	/usr/bin/time -f "%e s elapsed, %U s user, %S s sys, %M KiB" "$bin" --db "$db" --today 2026-06-15 \
		remind --once --no-deliver 2>"$db.time"
	echo "pass ($run): $(tail -1 "$db.time")"
done
