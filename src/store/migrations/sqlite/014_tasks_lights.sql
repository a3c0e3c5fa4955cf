-- luoshi schema, version 14: the light board's covering index and the
-- owner index, for a province of 1,000,000 tasks. The board
-- (CLI board, GET /board, the bulletin's board) counts every task of every
-- unit in scope by light; task_light needs status, start, due, percent,
-- activity_on, closed_on and ms_due. With lead first the board reads the
-- subtree's units by path and, for each, this index alone: at 1,000,000
-- tasks it no longer reads the task rows (titles, descriptions), which
-- were most of the time (store/tasks.c, task_lights_sql).
CREATE INDEX tasks_lights ON tasks(lead, status, start, due, percent,
	activity_on, closed_on, ms_due);

-- A task's owner: the candidates of "my tasks" and of a scope's owned
-- tasks (store/tasks.c, TASK_IN_SCOPE and TASK_IN_OWNER), instead of
-- reading every task. (005 dropped an index of this name when no query
-- could use it.)
CREATE INDEX tasks_owner ON tasks(owner);
