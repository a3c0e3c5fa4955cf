-- luoshi schema, version 15: the inspection and owner indexes keep only
-- the tasks that have one. A new task has no inspection and often no
-- owner yet; its NULL entry went into the middle of each index, two of
-- the fifteen or so pages every task creation wrote (docs/architecture.md,
-- "Group commit"), for entries no query reads: each lookup names a value
-- (inspection_id = ?, owner = ?, cadre's owner IS NOT NULL), which SQLite
-- and PostgreSQL both know implies IS NOT NULL. At 100,000 tasks, 67 have
-- an inspection.
DROP INDEX tasks_inspection;
CREATE INDEX tasks_inspection ON tasks(inspection_id)
	WHERE inspection_id IS NOT NULL;
DROP INDEX tasks_owner;
CREATE INDEX tasks_owner ON tasks(owner) WHERE owner IS NOT NULL;
