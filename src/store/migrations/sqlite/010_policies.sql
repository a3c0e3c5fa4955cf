-- luoshi schema, version 10: the policy system (政策体系, SPEC §2).
-- A policy's window (窗口期) runs from window_open to window_close
-- inclusive; `status` is what was recorded (watching, applying, landed,
-- missed) — whether an un-landed window has been missed depends on the
-- reference day and is computed on read (core/policy.c), never stored.
-- Links to goals and tasks are two tables so each keeps its foreign key.
CREATE TABLE policies (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	issuer TEXT NOT NULL,
	level TEXT NOT NULL CHECK (level IN
		('national', 'provincial', 'municipal')),
	issued_on TEXT NOT NULL,
	window_open TEXT NOT NULL,
	window_close TEXT NOT NULL,
	unit TEXT NOT NULL REFERENCES units(code),
	status TEXT NOT NULL DEFAULT 'watching' CHECK (status IN
		('watching', 'applying', 'landed', 'missed')),
	value TEXT,
	created_at TEXT NOT NULL,
	version INTEGER NOT NULL DEFAULT 1,
	CHECK (window_open <= window_close AND issued_on <= window_close)
);
CREATE INDEX policies_close ON policies(window_close);
CREATE INDEX policies_unit ON policies(unit);

CREATE TABLE policy_goals (
	policy_id INTEGER NOT NULL REFERENCES policies(id),
	goal_id INTEGER NOT NULL REFERENCES goals(id),
	PRIMARY KEY (policy_id, goal_id)
);
CREATE INDEX policy_goals_goal ON policy_goals(goal_id);

CREATE TABLE policy_tasks (
	policy_id INTEGER NOT NULL REFERENCES policies(id),
	task_id INTEGER NOT NULL REFERENCES tasks(id),
	PRIMARY KEY (policy_id, task_id)
);
CREATE INDEX policy_tasks_task ON policy_tasks(task_id);
