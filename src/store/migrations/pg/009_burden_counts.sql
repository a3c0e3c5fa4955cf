-- luoshi schema, version 9: the burden's reports and urges (SPEC §5, 减负)
-- kept as counters per unit and month, updated in the same transaction as
-- each report and urge (store/tasklog.c), so the burden and the bulletin
-- read a few rows per unit instead of grouping every report of the
-- period (10 million a year at province scale). A report or urge counts
-- once for the task's lead unit and once for each co-unit at the time it
-- is made. Filled here from the rows already stored.
CREATE TABLE burden_counts (
	unit TEXT NOT NULL REFERENCES units(code),
	month TEXT NOT NULL,		-- 'YYYY-MM'
	reports BIGINT NOT NULL DEFAULT 0,
	urges BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (unit, month)
);
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
	WHERE v.kind = 'urge') AS x
GROUP BY unit, month;
