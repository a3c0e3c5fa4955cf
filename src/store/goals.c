/*
 * Goals (目标) in the store: a tree by parent_id, read whole and ordered by
 * id (the roll-up in core/goal.c walks it in memory). Every change bumps
 * the goal's version, checked against the caller's (If-Match).
 */
#include "store/store_int.h"

static const char goal_exists_sql[] =
	"SELECT 1 FROM goals WHERE id = ?";

static const char goal_version_sql[] =
	"SELECT version FROM goals WHERE id = ?";

static const char goal_insert_sql[] =
	"INSERT INTO goals (title, parent_id, unit, year, weight, created_at, "
	"version) VALUES (?, ?, ?, ?, ?, ?, 1) RETURNING id";

static const char goal_get_sql[] =
	"SELECT id, title, parent_id, unit, year, weight, created_at, "
	"version FROM goals WHERE id = ?";

static const char goal_each_sql[] =
	"SELECT id, title, parent_id, unit, year, weight, created_at, "
	"version FROM goals ORDER BY id";

static const char goal_weight_sql[] =
	"UPDATE goals SET weight = ?1, version = version + 1 "
	"WHERE id = ?2 AND (?3 = 0 OR version = ?3) RETURNING id";

static void goal_fill(struct store *s, struct stmt *st, struct goal *g)
{
	static const int cols[] = { 1, 3, 6 };
	const char **const dst[] = { &g->title, &g->unit, &g->created_at };

	col_strings(s, st, &g->arena, cols, dst, 3);
	g->id = col_int(s, st, 0);
	g->parent_id = col_int(s, st, 2);
	g->year = (int)col_int(s, st, 4);
	g->weight = col_double(s, st, 5);
	g->version = col_int(s, st, 7);
}

enum lserr store_need_goal(struct store *s, long long id, const char *field,
			   struct err *e)
{
	struct stmt *st;
	int r;

	if (id <= 0)
		return LS_OK;
	if (!(st = store_stmt(s, goal_exists_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound_id(e, field, "goal", id);
	return LS_OK;
}

enum lserr store_goal_insert(struct store *s, const struct goal *g,
			     long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if ((rc = store_need_unit(s, g->unit, "unit", e)) != LS_OK ||
	    (rc = store_need_goal(s, g->parent_id, "parent", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, goal_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, g->title);
	db_id(s, st, 2, g->parent_id);
	db_text(s, st, 3, g->unit);
	db_int(s, st, 4, g->year);
	db_double(s, st, 5, g->weight);
	db_text(s, st, 6, g->created_at);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_goal_get(struct store *s, long long id, struct goal *out,
			  struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, goal_get_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_step(s, st, e);
	if (r == 1)
		goal_fill(s, st, out);
	else if (r == 0)
		rc = store_notfound_id(e, "id", "goal", id);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_goal_each(struct store *s, store_goal_fn fn, void *arg,
			   struct err *e)
{
	struct stmt *st;
	struct goal g;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, goal_each_sql, e)))
		return e->code;
	goal_init(&g);
	while ((r = db_step(s, st, e)) == 1) {
		goal_fill(s, st, &g);
		if (fn(&g, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	goal_release(&g);
	return rc;
}

enum lserr store_goal_set_weight(struct store *s, long long id, double weight,
				 long long version, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, goal_weight_sql, e)))
		return e->code;
	db_double(s, st, 1, weight);
	db_int(s, st, 2, id);
	db_int(s, st, 3, version);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_stale(s, goal_version_sql, "goal", id, version, e);
	return LS_OK;
}
