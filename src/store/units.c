/*
 * Units (单位) in the store. The caller computes each unit's materialised
 * path ("/HRB/HRB-DL/"); subtree listings are range scans over it
 * (db_path_range), the same ranges the task scope uses.
 */
#include "store/store_int.h"

static const char unit_exists_sql[] =
	"SELECT 1 FROM units WHERE code = ?";

static const char unit_insert_sql[] =
	"INSERT INTO units (code, name, parent, kind, path) "
	"VALUES (?, ?, ?, ?, ?)";

static const char unit_get_sql[] =
	"SELECT code, name, parent, kind, path FROM units WHERE code = ?";

static const char unit_each_sql[] =
	"SELECT code, name, parent, kind, path FROM units "
	"WHERE ?1 IS NULL OR (path >= ?1 AND path < ?2) "
	"ORDER BY code";

static void unit_fill(struct store *s, struct stmt *st, struct unit *u)
{
	static const int cols[] = { 0, 1, 2, 3, 4 };
	const char **const dst[] = {
		&u->code, &u->name, &u->parent, &u->kind, &u->path,
	};

	col_strings(s, st, &u->arena, cols, dst, 5);
}

/* 1 when a unit with this code exists, 0 when not, <0 on error. */
static int unit_exists(struct store *s, const char *code, struct err *e)
{
	struct stmt *st;

	if (memo_unit_get(s, code, NULL))
		return 1;
	if (!(st = store_stmt(s, unit_exists_sql, e)))
		return -(int)e->code;
	db_text(s, st, 1, code);
	return db_one(s, st, NULL, e);
}

enum lserr store_need_unit(struct store *s, const char *code,
			   const char *field, struct err *e)
{
	int r;

	if (!code)
		return LS_OK;
	r = unit_exists(s, code, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound(e, field, "unit", code);
	return LS_OK;
}

enum lserr store_unit_insert(struct store *s, const struct unit *u,
			     struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	r = unit_exists(s, u->code, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r > 0)
		return err_set(e, LS_ECONFLICT, "code",
			       "unit '%s' already exists", u->code);
	if ((rc = store_need_unit(s, u->parent, "parent", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, unit_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, u->code);
	db_text(s, st, 2, u->name);
	db_text(s, st, 3, u->parent);
	db_text(s, st, 4, u->kind);
	db_text(s, st, 5, u->path);
	rc = db_done(s, st, e);
	if (rc == LS_ECONFLICT)	/* the code was checked: the path collides */
		err_set(e, LS_ECONFLICT, "code",
			"unit path '%s' already exists", u->path);
	return rc;
}

enum lserr store_unit_get(struct store *s, const char *code, struct unit *out,
			  struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (memo_unit_get(s, code, out))
		return LS_OK;
	if (!(st = store_stmt(s, unit_get_sql, e)))
		return e->code;
	db_text(s, st, 1, code);
	r = db_step(s, st, e);
	if (r == 1) {
		unit_fill(s, st, out);
		memo_unit_put(s, out);
	} else if (r == 0)
		rc = store_notfound(e, "code", "unit", code);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_unit_each(struct store *s, const char *prefix,
			   store_unit_fn fn, void *arg, struct err *e)
{
	struct stmt *st;
	struct unit u;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, unit_each_sql, e)))
		return e->code;
	unit_init(&u);
	db_path_range(s, st, 1, prefix);
	while ((r = db_step(s, st, e)) == 1) {
		unit_fill(s, st, &u);
		if (fn(&u, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	unit_release(&u);
	return rc;
}
