/*
 * PostgreSQL's full-text search of practices: ILIKE '%text%' on title or
 * body, served by the pg_trgm GIN indexes of migration 012 (trigrams work
 * for Chinese as for any text, in stock PostgreSQL), so a search finds
 * the text as a substring, ASCII case folded, as SQLite's FTS5 trigram
 * index and the LIKE fallback do.
 */
#include "store/practice_sql.h"
#include "store/store_int.h"

static const char practice_fts_sql[] = PRACTICE_COLUMNS PRACTICE_WHERE
	"AND (p.title ILIKE ?5 ESCAPE '\\' OR p.body ILIKE ?5 ESCAPE '\\') "
	"ORDER BY p.id";

/* "%text%" with \ % _ escaped; ILIKE folds the case. */
static void ilike_pattern(struct buf *out, const char *text)
{
	buf_reset(out);
	buf_addch(out, '%');
	for (const char *p = text; *p; p++) {
		if (*p == '\\' || *p == '%' || *p == '_')
			buf_addch(out, '\\');
		buf_addch(out, *p);
	}
	buf_addch(out, '%');
}

const struct store_fts pg_practice_fts = {
	.sql = practice_fts_sql,
	.pattern = ilike_pattern,
};
