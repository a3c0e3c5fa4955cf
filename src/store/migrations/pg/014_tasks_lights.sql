-- luoshi schema, version 14 (PostgreSQL): the light board's covering
-- index and the owner index (see migrations/sqlite/014).
CREATE INDEX tasks_lights ON tasks(lead, status, start, due, percent,
	activity_on, closed_on, ms_due);
CREATE INDEX tasks_owner ON tasks(owner);
