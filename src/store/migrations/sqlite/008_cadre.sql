-- luoshi schema: cadre assessment (干部考核, SPEC §6). One ballot per rated
-- person, period and rater: rating again replaces it (the audit trail
-- keeps the old one). `recorded_by` is who recorded it: the rater, or the
-- supervision office entering a paper ballot.
CREATE TABLE cadre_ratings (
	id INTEGER PRIMARY KEY,
	login TEXT NOT NULL REFERENCES users(login),
	period TEXT NOT NULL,
	rater TEXT NOT NULL REFERENCES users(login),
	type TEXT NOT NULL CHECK (type IN
		('superior', 'peer', 'subordinate', 'public')),
	political INTEGER NOT NULL CHECK (political BETWEEN 0 AND 100),
	competence INTEGER NOT NULL CHECK (competence BETWEEN 0 AND 100),
	responsibility INTEGER NOT NULL
		CHECK (responsibility BETWEEN 0 AND 100),
	struggle INTEGER NOT NULL CHECK (struggle BETWEEN 0 AND 100),
	conduct INTEGER NOT NULL CHECK (conduct BETWEEN 0 AND 100),
	veto TEXT,
	recorded_by TEXT NOT NULL,
	at TEXT NOT NULL,
	UNIQUE (login, period, rater)
);
CREATE INDEX cadre_ratings_period ON cadre_ratings(period, login);
CREATE INDEX cadre_ratings_rater ON cadre_ratings(rater, period);
