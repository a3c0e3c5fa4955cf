/*
 * Users in the store. Reads join the user's unit so that every user record
 * carries its unit path, which is what scope checks need.
 */
#include "store/store_int.h"

static const char user_exists_sql[] =
	"SELECT 1 FROM users WHERE login = ?";

static const char user_insert_sql[] =
	"INSERT INTO users (login, name, unit, role, pwhash, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?)";

static const char user_get_sql[] =
	"SELECT p.login, p.name, p.unit, p.pwhash, p.created_at, u.path, "
	"p.role FROM users p LEFT JOIN units u ON u.code = p.unit "
	"WHERE p.login = ?";

static const char user_each_sql[] =
	"SELECT p.login, p.name, p.unit, p.pwhash, p.created_at, u.path, "
	"p.role FROM users p LEFT JOIN units u ON u.code = p.unit "
	"ORDER BY p.login";

static const char user_password_sql[] =
	"UPDATE users SET pwhash = ? WHERE login = ? RETURNING 1";

static void user_fill(struct store *s, struct stmt *st, struct user *u)
{
	static const int cols[] = { 0, 1, 2, 3, 4, 5 };
	const char **const dst[] = {
		&u->login, &u->name, &u->unit, &u->pwhash, &u->created_at,
		&u->unit_path,
	};

	col_strings(s, st, &u->arena, cols, dst, 6);
	/* The CHECK constraint admits only known role names. */
	if (!role_parse(col_text(s, st, 6), &u->role))
		u->role = ROLE_VIEWER;
}

static int user_exists(struct store *s, const char *login, struct err *e)
{
	struct stmt *st;

	if (memo_user_get(s, login, NULL))
		return 1;
	if (!(st = store_stmt(s, user_exists_sql, e)))
		return -(int)e->code;
	db_text(s, st, 1, login);
	return db_one(s, st, NULL, e);
}

enum lserr store_need_user(struct store *s, const char *login,
			   const char *field, struct err *e)
{
	int r;

	if (!login)
		return LS_OK;
	r = user_exists(s, login, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound(e, field, "user", login);
	return LS_OK;
}

enum lserr store_user_insert(struct store *s, const struct user *u,
			     struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	r = user_exists(s, u->login, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r > 0)
		return err_set(e, LS_ECONFLICT, "login",
			       "user '%s' already exists", u->login);
	if ((rc = store_need_unit(s, u->unit, "unit", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, user_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, u->login);
	db_text(s, st, 2, u->name);
	db_text(s, st, 3, u->unit);
	db_text(s, st, 4, role_name(u->role));
	db_text(s, st, 5, u->pwhash);
	db_text(s, st, 6, u->created_at);
	return db_done(s, st, e);
}

enum lserr store_user_get(struct store *s, const char *login, struct user *out,
			  struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (memo_user_get(s, login, out))
		return LS_OK;
	if (!(st = store_stmt(s, user_get_sql, e)))
		return e->code;
	db_text(s, st, 1, login);
	r = db_step(s, st, e);
	if (r == 1) {
		user_fill(s, st, out);
		memo_user_put(s, out);
	} else if (r == 0)
		rc = store_notfound(e, "login", "user", login);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_user_each(struct store *s, store_user_fn fn, void *arg,
			   struct err *e)
{
	struct stmt *st;
	struct user u;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, user_each_sql, e)))
		return e->code;
	user_init(&u);
	while ((r = db_step(s, st, e)) == 1) {
		user_fill(s, st, &u);
		if (fn(&u, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	user_release(&u);
	return rc;
}

enum lserr store_user_set_password(struct store *s, const char *login,
				   const char *pwhash, struct err *e)
{
	struct stmt *st;
	int r;

	memo_clear(s);
	if (!(st = store_stmt(s, user_password_sql, e)))
		return e->code;
	db_text(s, st, 1, pwhash);
	db_text(s, st, 2, login);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound(e, "login", "user", login);
	return LS_OK;
}
