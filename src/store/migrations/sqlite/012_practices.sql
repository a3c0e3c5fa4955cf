-- luoshi schema: the practice library (经验, issue 6). A practice belongs
-- to a unit, carries tags and links to tasks and goals, may come from a
-- commendation (merit_id, at most one practice per commendation) and may
-- be promoted into a standing mechanism (上升为制度机制: who, when, note).
-- Full-text search over title and body is an FTS5 index with the trigram
-- tokenizer (substrings of 3+ characters, Chinese included), an external
-- content table kept in sync by the triggers below; it is SQLite's own,
-- reached only through the driver's practice_fts (store/sqlite.c).
CREATE TABLE practices (
	id INTEGER PRIMARY KEY,
	title TEXT NOT NULL,
	body TEXT NOT NULL,
	unit TEXT NOT NULL REFERENCES units(code),
	merit_id INTEGER UNIQUE REFERENCES merits(id),
	promoted_at TEXT,
	promoted_by TEXT,
	promoted_note TEXT,
	by TEXT NOT NULL,
	at TEXT NOT NULL
);
CREATE INDEX practices_unit ON practices(unit);

CREATE TABLE practice_tags (
	practice_id INTEGER NOT NULL REFERENCES practices(id),
	pos INTEGER NOT NULL,
	tag TEXT NOT NULL,
	PRIMARY KEY (practice_id, pos),
	UNIQUE (practice_id, tag)
);
CREATE INDEX practice_tags_tag ON practice_tags(tag, practice_id);

CREATE TABLE practice_links (
	practice_id INTEGER NOT NULL REFERENCES practices(id),
	kind TEXT NOT NULL CHECK (kind IN ('task', 'goal')),
	ref_id INTEGER NOT NULL,
	PRIMARY KEY (practice_id, kind, ref_id)
);

CREATE VIRTUAL TABLE practices_fts USING fts5(title, body,
	content = 'practices', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER practices_fts_insert AFTER INSERT ON practices BEGIN
	INSERT INTO practices_fts (rowid, title, body)
	VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER practices_fts_delete AFTER DELETE ON practices BEGIN
	INSERT INTO practices_fts (practices_fts, rowid, title, body)
	VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER practices_fts_update AFTER UPDATE OF title, body
ON practices BEGIN
	INSERT INTO practices_fts (practices_fts, rowid, title, body)
	VALUES ('delete', old.id, old.title, old.body);
	INSERT INTO practices_fts (rowid, title, body)
	VALUES (new.id, new.title, new.body);
END;
