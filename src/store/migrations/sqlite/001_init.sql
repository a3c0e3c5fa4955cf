-- luoshi schema, version 1 (SQLite dialect).
-- Dates are TEXT 'YYYY-MM-DD', instants TEXT RFC 3339 UTC, booleans 0/1.

CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- path is the materialised path '/ROOT/.../CODE/' used for subtree scans.
CREATE TABLE units (
	code TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	parent TEXT REFERENCES units(code),
	kind TEXT NOT NULL,
	path TEXT NOT NULL UNIQUE
);

CREATE TABLE users (
	login TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	unit TEXT REFERENCES units(code),	-- NULL only for admins
	role TEXT NOT NULL CHECK (role IN
		('admin', 'supervisor', 'leader', 'staff', 'viewer')),
	pwhash TEXT,
	created_at TEXT NOT NULL
);

CREATE TABLE goals (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	parent_id INTEGER REFERENCES goals(id),
	unit TEXT NOT NULL REFERENCES units(code),
	year INTEGER NOT NULL,
	weight REAL NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL
);
CREATE INDEX goals_parent ON goals(parent_id);

CREATE TABLE indicators (
	id INTEGER PRIMARY KEY,
	goal_id INTEGER NOT NULL REFERENCES goals(id),
	name TEXT NOT NULL,
	measure TEXT NOT NULL,
	baseline REAL NOT NULL,
	target REAL NOT NULL,
	direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
	weight REAL NOT NULL DEFAULT 1
);
CREATE INDEX indicators_goal ON indicators(goal_id);

-- month is 'YYYY-MM'.
CREATE TABLE indicator_values (
	indicator_id INTEGER NOT NULL REFERENCES indicators(id),
	month TEXT NOT NULL,
	plan REAL,
	actual REAL,
	PRIMARY KEY (indicator_id, month)
);

CREATE TABLE revisions (
	id INTEGER PRIMARY KEY,
	entity TEXT NOT NULL,
	entity_id INTEGER NOT NULL,
	field TEXT NOT NULL,
	old_value REAL,
	new_value REAL,
	reason TEXT,
	by TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX revisions_entity ON revisions(entity, entity_id);

-- co holds the co-unit codes joined by ',' for output; task_co is the
-- same set as rows, for scope and filter queries.
CREATE TABLE tasks (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	description TEXT,
	lead TEXT NOT NULL REFERENCES units(code),
	co TEXT,
	owner TEXT REFERENCES users(login),
	leader TEXT REFERENCES users(login),
	goal_id INTEGER REFERENCES goals(id),
	source TEXT,
	important INTEGER NOT NULL DEFAULT 0,
	key INTEGER NOT NULL DEFAULT 0,
	daily INTEGER NOT NULL DEFAULT 0,
	start TEXT,
	due TEXT NOT NULL,
	orig_due TEXT NOT NULL,
	percent INTEGER NOT NULL DEFAULT 0
		CHECK (percent BETWEEN 0 AND 100),
	status TEXT NOT NULL CHECK (status IN
		('open', 'doing', 'review', 'done', 'cancelled')),
	created_at TEXT NOT NULL,
	created_on TEXT NOT NULL,
	acked_at TEXT,
	closed_at TEXT,
	closed_on TEXT,
	activity_on TEXT NOT NULL,
	ms_due TEXT,
	version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tasks_lead ON tasks(lead, status);
CREATE INDEX tasks_owner ON tasks(owner);
CREATE INDEX tasks_goal ON tasks(goal_id);
CREATE INDEX tasks_due ON tasks(due);

CREATE TABLE task_co (
	task_id INTEGER NOT NULL REFERENCES tasks(id),
	unit TEXT NOT NULL REFERENCES units(code),
	PRIMARY KEY (task_id, unit)
);
CREATE INDEX task_co_unit ON task_co(unit);

CREATE TABLE milestones (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES tasks(id),
	title TEXT NOT NULL,
	due TEXT NOT NULL,
	done_on TEXT
);
CREATE INDEX milestones_task ON milestones(task_id);

CREATE TABLE reports (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES tasks(id),
	at TEXT NOT NULL,
	on_day TEXT NOT NULL,
	author TEXT NOT NULL,
	percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
	note TEXT
);
CREATE INDEX reports_task ON reports(task_id);

CREATE TABLE evidence (
	id INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports(id),
	sha256 TEXT NOT NULL,
	name TEXT NOT NULL,
	size INTEGER NOT NULL
);
CREATE INDEX evidence_report ON evidence(report_id);

CREATE TABLE task_events (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES tasks(id),
	at TEXT NOT NULL,
	by TEXT NOT NULL,
	kind TEXT NOT NULL,
	note TEXT
);
CREATE INDEX task_events_task ON task_events(task_id);

CREATE TABLE extensions (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES tasks(id),
	from_due TEXT NOT NULL,
	to_due TEXT NOT NULL,
	reason TEXT NOT NULL,
	by TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX extensions_task ON extensions(task_id);

CREATE TABLE risks (
	id INTEGER PRIMARY KEY,
	task_id INTEGER NOT NULL REFERENCES tasks(id),
	description TEXT NOT NULL,
	plan TEXT NOT NULL,
	level TEXT NOT NULL CHECK (level IN ('low', 'medium', 'high')),
	by TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX risks_task ON risks(task_id);

CREATE TABLE calendar (
	day TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
	name TEXT
);

-- Append-only; hash = SHA-256(prev ‖ entry). audit_head records the last
-- id and hash separately so that deleting the newest entries is detected.
CREATE TABLE audit (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL,
	actor TEXT NOT NULL,
	action TEXT NOT NULL,
	entity TEXT NOT NULL,
	entity_id TEXT,
	before TEXT,
	after TEXT,
	prev TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit(entity, entity_id);

CREATE TABLE audit_head (
	one INTEGER PRIMARY KEY CHECK (one = 1),
	last_id INTEGER NOT NULL,
	hash TEXT NOT NULL
);
INSERT INTO audit_head (one, last_id, hash) VALUES (1, 0,
	'0000000000000000000000000000000000000000000000000000000000000000');
