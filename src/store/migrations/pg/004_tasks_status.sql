-- luoshi schema, version 4: tasks of one status in id order (the common
-- "doing tasks" list pages and counts read only those rows).
CREATE INDEX tasks_status ON tasks(status, id);
