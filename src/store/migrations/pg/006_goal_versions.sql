-- luoshi schema, version 6: goals and indicators carry a version, like
-- tasks, so that PATCH with If-Match (and the CLI's --if-version) can
-- refuse a stale change. Existing rows start at 1.
ALTER TABLE goals ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE indicators ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
