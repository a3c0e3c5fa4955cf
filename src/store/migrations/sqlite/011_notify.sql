-- luoshi schema: reminders and notifications (SPEC §8).
-- notify_channels: where a unit's or a user's messages go (exactly one of
-- unit and login). notify_sent: each reminder (recipient, task, kind, day)
-- given once, ever: the daily pass inserts here before it queues a
-- message, so a rerun or a restart never repeats one. notify_deliveries:
-- the outbox, one message per channel, drained with retries by whoever
-- holds the 'sender' lease; kept as the delivery log. notify_state: the
-- last pass day and the urge cursor (task_events.id of the last urge
-- turned into messages). notify_lease: one row per lease, taken
-- atomically by an upsert that succeeds only for its holder or once it
-- has expired (a PostgreSQL driver may use an advisory lock instead).
CREATE TABLE notify_channels (
	id INTEGER PRIMARY KEY,
	unit TEXT REFERENCES units(code),
	login TEXT REFERENCES users(login),
	kind TEXT NOT NULL CHECK (kind IN
		('wecom', 'dingtalk', 'feishu', 'webhook', 'email')),
	target TEXT NOT NULL,
	secret TEXT,
	created_at TEXT NOT NULL,
	by TEXT NOT NULL,
	CHECK ((unit IS NULL) <> (login IS NULL))
);
CREATE INDEX notify_channels_unit ON notify_channels(unit);
CREATE INDEX notify_channels_login ON notify_channels(login);

CREATE TABLE notify_sent (
	recipient TEXT NOT NULL,	-- 'unit:CODE' or 'user:LOGIN'
	task_id INTEGER NOT NULL,
	kind TEXT NOT NULL,
	day TEXT NOT NULL,
	PRIMARY KEY (recipient, task_id, kind, day)
);

CREATE TABLE notify_deliveries (
	id INTEGER PRIMARY KEY,
	channel_id INTEGER NOT NULL,	-- the channel may be removed since
	channel TEXT NOT NULL,		-- its kind, kept for the log
	recipient TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('digest', 'urge')),
	day TEXT NOT NULL,
	items INTEGER NOT NULL,
	subject TEXT NOT NULL,
	body TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
	attempts INTEGER NOT NULL DEFAULT 0,
	next_at INTEGER NOT NULL,	-- Unix seconds of the next attempt
	last_error TEXT,
	created_at TEXT NOT NULL,
	sent_at TEXT
);
CREATE INDEX notify_deliveries_pending ON notify_deliveries(status, next_at);

CREATE TABLE notify_state (
	key TEXT PRIMARY KEY,
	value INTEGER NOT NULL
);
INSERT INTO notify_state (key, value)
SELECT 'urge_cursor', coalesce(max(id), 0) FROM task_events;

CREATE TABLE notify_lease (
	name TEXT PRIMARY KEY,
	holder TEXT NOT NULL,
	expires INTEGER NOT NULL	-- Unix seconds
);
