-- luoshi schema, version 2: HTTP sessions, API tokens and failed logins.
-- Secrets are never stored: only their SHA-256 (hex).

CREATE TABLE sessions (
	hash TEXT PRIMARY KEY,
	login TEXT NOT NULL REFERENCES users(login),
	csrf TEXT NOT NULL,
	created_at TEXT NOT NULL,
	expires INTEGER NOT NULL	-- seconds since the epoch
);
CREATE INDEX sessions_login ON sessions(login);

CREATE TABLE tokens (
	id INTEGER PRIMARY KEY,
	hash TEXT NOT NULL UNIQUE,
	login TEXT NOT NULL REFERENCES users(login),
	name TEXT,
	created_at TEXT NOT NULL,
	revoked_at TEXT
);
CREATE INDEX tokens_login ON tokens(login);

-- One row per failed login, kept 15 minutes (rate limiting by login and
-- by client address).
CREATE TABLE login_failures (
	id INTEGER PRIMARY KEY,
	login TEXT NOT NULL,
	addr TEXT NOT NULL,
	at INTEGER NOT NULL		-- seconds since the epoch
);
CREATE INDEX login_failures_login ON login_failures(login, at);
CREATE INDEX login_failures_addr ON login_failures(addr, at);
