-- luoshi schema, version 7: the evaluation system (SPEC §5).
-- Inspections (检查) and their rectification tasks (整改, linked by
-- tasks.inspection_id); commendations and accountability in one table
-- (merits: kind commend|account; unit always set, person set for a
-- person's merit, whose unit is then the person's unit when recorded);
-- published evaluations and the units each ranked (burden 减负).
CREATE TABLE inspections (
	id INTEGER PRIMARY KEY,
	unit TEXT NOT NULL REFERENCES units(code),
	on_day TEXT NOT NULL,
	score REAL NOT NULL CHECK (score >= 0 AND score <= 100),
	findings TEXT,
	inspectors TEXT,
	over_cap TEXT,
	by TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX inspections_unit ON inspections(unit, on_day);
CREATE INDEX inspections_day ON inspections(on_day, unit, score);

ALTER TABLE tasks ADD COLUMN inspection_id INTEGER REFERENCES inspections(id);
CREATE INDEX tasks_inspection ON tasks(inspection_id);

-- Covers the evaluation scan: every column eval reads of a task in a
-- period, so a year over a million tasks never visits the table.
CREATE INDEX tasks_eval ON tasks(due, lead, status, daily, created_on,
	closed_on, created_at, acked_at);

CREATE TABLE merits (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('commend', 'account')),
	unit TEXT NOT NULL REFERENCES units(code),
	person TEXT REFERENCES users(login),
	on_day TEXT NOT NULL,
	points REAL NOT NULL,
	reason TEXT NOT NULL,
	by TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX merits_day ON merits(on_day, unit);

CREATE TABLE evaluations (
	id INTEGER PRIMARY KEY,
	period TEXT NOT NULL,
	grp TEXT,
	by TEXT NOT NULL,
	at TEXT NOT NULL,
	on_day TEXT NOT NULL
);

CREATE TABLE evaluation_units (
	evaluation_id INTEGER NOT NULL REFERENCES evaluations(id),
	unit TEXT NOT NULL REFERENCES units(code),
	rank INTEGER NOT NULL,
	score REAL NOT NULL,
	PRIMARY KEY (evaluation_id, unit)
);
CREATE INDEX evaluation_units_unit ON evaluation_units(unit);
