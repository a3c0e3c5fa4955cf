/*
 * Practices (经验) in the store: the practice row, its tags (in the
 * order given) and its links to tasks and goals. Lists read each row's
 * tags and links with two indexed lookups; a library holds thousands of
 * practices, not millions. Search: see store.h and practice_sql.h.
 */
#include "store/practice_sql.h"
#include "store/store_int.h"

#include <string.h>

static const char practice_insert_sql[] =
	"INSERT INTO practices (title, body, unit, merit_id, by, at) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id";

static const char tag_insert_sql[] =
	"INSERT INTO practice_tags (practice_id, pos, tag) VALUES (?, ?, ?)";

static const char link_insert_sql[] =
	"INSERT INTO practice_links (practice_id, kind, ref_id) "
	"VALUES (?, ?, ?)";

static const char practice_get_sql[] = PRACTICE_COLUMNS "WHERE p.id = ?";

static const char practice_each_sql[] = PRACTICE_COLUMNS PRACTICE_WHERE
	"AND (?5 IS NULL OR lower(p.title) LIKE ?5 ESCAPE '\\' "
	"OR lower(p.body) LIKE ?5 ESCAPE '\\') ORDER BY p.id";

static const char tags_sql[] =
	"SELECT tag FROM practice_tags WHERE practice_id = ? ORDER BY pos";

/* 'goal' sorts before 'task' */
static const char links_sql[] =
	"SELECT kind, ref_id FROM practice_links WHERE practice_id = ? "
	"ORDER BY kind, ref_id";

static const char promote_sql[] =
	"UPDATE practices SET promoted_at = ?2, promoted_by = ?3, "
	"promoted_note = ?4 WHERE id = ?1 AND promoted_at IS NULL "
	"RETURNING id";

static const char exists_sql[] = "SELECT 1 FROM practices WHERE id = ?";

static const char of_merit_sql[] =
	"SELECT id FROM practices WHERE merit_id = ?";

static enum lserr insert_links(struct store *s, long long id,
			       const char *kind, const long long *ids,
			       size_t n, struct err *e)
{
	struct stmt *st;
	enum lserr rc;

	for (size_t i = 0; i < n; i++) {
		rc = !strcmp(kind, "task") ?
			store_need_task(s, ids[i], "tasks", e) :
			store_need_goal(s, ids[i], "goals", e);
		if (rc)
			return rc;
		if (!(st = store_stmt(s, link_insert_sql, e)))
			return e->code;
		db_int(s, st, 1, id);
		db_text(s, st, 2, kind);
		db_int(s, st, 3, ids[i]);
		if ((rc = db_done(s, st, e)))
			return rc;
	}
	return LS_OK;
}

enum lserr store_practice_insert(struct store *s, const struct practice *p,
				 long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if ((rc = store_need_unit(s, p->unit, "unit", e)))
		return rc;
	if (!(st = store_stmt(s, practice_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, p->title);
	db_text(s, st, 2, p->body);
	db_text(s, st, 3, p->unit);
	db_id(s, st, 4, p->merit_id);
	db_text(s, st, 5, p->by);
	db_text(s, st, 6, p->at);
	if ((r = db_one(s, st, id, e)) < 0)
		return (enum lserr)-r;
	for (size_t i = 0; i < p->ntags; i++) {
		if (!(st = store_stmt(s, tag_insert_sql, e)))
			return e->code;
		db_int(s, st, 1, *id);
		db_int(s, st, 2, (long long)i);
		db_text(s, st, 3, p->tags[i]);
		if ((rc = db_done(s, st, e)))
			return rc;
	}
	if ((rc = insert_links(s, *id, "task", p->tasks, p->ntasks, e)))
		return rc;
	return insert_links(s, *id, "goal", p->goals, p->ngoals, e);
}

/* The tags and links of p->id into p. */
static enum lserr fill_extra(struct store *s, struct practice *p,
			     struct err *e)
{
	size_t off[PRACTICE_MAX_TAGS];
	struct stmt *st;
	int r;

	buf_reset(&p->tag_arena);
	p->ntags = p->ntasks = p->ngoals = 0;
	if (!(st = store_stmt(s, tags_sql, e)))
		return e->code;
	db_int(s, st, 1, p->id);
	while ((r = db_step(s, st, e)) == 1 && p->ntags < PRACTICE_MAX_TAGS) {
		const char *t = col_text(s, st, 0);

		off[p->ntags++] = p->tag_arena.len;
		buf_add(&p->tag_arena, t ? t : "", strlen(t ? t : "") + 1);
	}
	db_reset(s, st);
	if (r < 0)
		return (enum lserr)-r;
	for (size_t i = 0; i < p->ntags; i++)
		p->tags[i] = p->tag_arena.ptr + off[i];
	if (!(st = store_stmt(s, links_sql, e)))
		return e->code;
	db_int(s, st, 1, p->id);
	while ((r = db_step(s, st, e)) == 1) {
		const char *kind = col_text(s, st, 0);
		bool task = kind && !strcmp(kind, "task");
		size_t *n = task ? &p->ntasks : &p->ngoals;

		if (*n < PRACTICE_MAX_LINKS)
			(task ? p->tasks : p->goals)[(*n)++] =
				col_int(s, st, 1);
	}
	db_reset(s, st);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

static void practice_fill(struct store *s, struct stmt *st,
			  struct practice *p)
{
	static const int cols[] = { 1, 2, 3, 5, 6, 7, 8, 9 };
	const char **const dst[] = { &p->title, &p->body, &p->unit,
				     &p->promoted_at, &p->promoted_by,
				     &p->promoted_note, &p->by, &p->at };

	col_strings(s, st, &p->arena, cols, dst, 8);
	p->id = col_int(s, st, 0);
	p->merit_id = col_null(s, st, 4) ? 0 : col_int(s, st, 4);
}

enum lserr store_practice_get(struct store *s, long long id,
			      struct practice *out, struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, practice_get_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_step(s, st, e);
	if (r == 1)
		practice_fill(s, st, out);
	else if (r == 0)
		rc = store_notfound_id(e, "id", "practice", id);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc ? rc : fill_extra(s, out, e);
}

enum lserr store_practice_each(struct store *s,
			       const struct practice_filter *f,
			       store_practice_fn fn, void *arg,
			       struct err *e)
{
	const struct store_fts *fts = s->ops->practice_fts;
	bool indexed = fts && practice_search_indexed(f->search);
	struct buf pat = BUF_INIT;
	struct stmt *st;
	struct practice p;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, indexed ? fts->sql : practice_each_sql, e)))
		return e->code;
	db_path_range(s, st, 1, f->unit_path);
	db_text(s, st, 3, f->tag);
	db_int(s, st, 4, f->promoted_only);
	if (indexed)
		fts->pattern(&pat, f->search);
	else if (f->search && *f->search)
		store_like_pattern(&pat, f->search);
	db_text(s, st, 5, pat.len ? pat.ptr : NULL);
	practice_init(&p);
	while ((r = db_step(s, st, e)) == 1) {
		practice_fill(s, st, &p);
		if ((rc = fill_extra(s, &p, e)) || fn(&p, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	practice_release(&p);
	buf_release(&pat);
	return rc;
}

enum lserr store_practice_promote(struct store *s, long long id,
				  const char *by, const char *at,
				  const char *note, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, promote_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	db_text(s, st, 2, at);
	db_text(s, st, 3, by);
	db_text(s, st, 4, note);
	if ((r = db_one(s, st, NULL, e)) < 0)
		return (enum lserr)-r;
	if (r == 1)
		return LS_OK;
	if (!(st = store_stmt(s, exists_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	if ((r = db_one(s, st, NULL, e)) < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound_id(e, "id", "practice", id);
	return err_set(e, LS_ECONFLICT, "id", "practice %lld is already "
		       "promoted", id);
}

enum lserr store_practice_of_merit(struct store *s, long long merit_id,
				   long long *id, struct err *e)
{
	struct stmt *st;
	int r;

	*id = 0;
	if (!(st = store_stmt(s, of_merit_sql, e)))
		return e->code;
	db_int(s, st, 1, merit_id);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}
