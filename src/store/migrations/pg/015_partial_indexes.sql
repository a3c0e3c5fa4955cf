-- luoshi schema, version 15 (PostgreSQL): the inspection and owner
-- indexes keep only the tasks that have one (see migrations/sqlite/015).
DROP INDEX tasks_inspection;
CREATE INDEX tasks_inspection ON tasks(inspection_id)
	WHERE inspection_id IS NOT NULL;
DROP INDEX tasks_owner;
CREATE INDEX tasks_owner ON tasks(owner) WHERE owner IS NOT NULL;
