-- luoshi schema, version 13 (PostgreSQL): task_events by kind, with id
-- for the urges feed's order (see migrations/sqlite/013).
CREATE INDEX task_events_kind ON task_events(kind, id);
