-- luoshi schema, version 13: task_events by kind (the index holds the
-- rowid, so it is also in id order within a kind). Serves the urges feed
-- (newest urges in scope, and their count) and the scheduler's urge
-- cursor without reading every event: at 100,000 tasks there are some
-- 320,000 events and 24,000 urges.
CREATE INDEX task_events_kind ON task_events(kind);
