/*
 * SQLite's full-text search of practices: the FTS5 index practices_fts
 * (trigram tokenizer, migration 011) matched as one phrase, so a search
 * finds the text as a substring of title or body, case-insensitively,
 * like the LIKE fallback does. A PostgreSQL driver would bring its own
 * struct store_fts (ILIKE over a pg_trgm index) instead of this file.
 */
#include "store/practice_sql.h"
#include "store/store_int.h"

static const char practice_fts_sql[] = PRACTICE_COLUMNS PRACTICE_WHERE
	"AND p.id IN (SELECT rowid FROM practices_fts "
	"WHERE practices_fts MATCH ?5) ORDER BY p.id";

/* "text" with every '"' doubled: an FTS5 phrase, operators inert. */
static void fts_phrase(struct buf *out, const char *text)
{
	buf_reset(out);
	buf_addch(out, '"');
	for (const char *p = text; *p; p++) {
		if (*p == '"')
			buf_addch(out, '"');
		buf_addch(out, *p);
	}
	buf_addch(out, '"');
}

const struct store_fts sqlite_practice_fts = {
	.sql = practice_fts_sql,
	.pattern = fts_phrase,
};
