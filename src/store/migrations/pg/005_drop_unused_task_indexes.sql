-- luoshi schema, version 5: drop task indexes no query can use. Every
-- filter is written "(? IS NULL OR column = ?)" so that one query serves all
-- filter combinations, which SQLite cannot answer from these indexes; they
-- only slowed every write. (tasks_status serves the one-status lists.)
DROP INDEX tasks_lead;
DROP INDEX tasks_owner;
DROP INDEX tasks_goal;
DROP INDEX tasks_due;
