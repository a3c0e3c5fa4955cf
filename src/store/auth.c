/*
 * Sessions, API tokens and failed logins in the store. Secrets never reach
 * this file: callers pass the SHA-256 of a session id or token.
 */
#include "store/store_int.h"

static const char session_insert_sql[] =
	"INSERT INTO sessions (hash, login, csrf, created_at, expires) "
	"VALUES (?, ?, ?, ?, ?)";

static const char session_get_sql[] =
	"SELECT login, csrf, expires FROM sessions "
	"WHERE hash = ? AND expires > ?";

static const char session_delete_sql[] =
	"DELETE FROM sessions WHERE hash = ?";

static const char session_purge_sql[] =
	"DELETE FROM sessions WHERE expires <= ?";

static const char token_insert_sql[] =
	"INSERT INTO tokens (hash, login, name, created_at) "
	"VALUES (?, ?, ?, ?) RETURNING id";

static const char token_get_sql[] =
	"SELECT id, login, name, created_at, revoked_at FROM tokens "
	"WHERE hash = ? AND revoked_at IS NULL";

static const char token_each_sql[] =
	"SELECT id, login, name, created_at, revoked_at FROM tokens "
	"WHERE ?1 IS NULL OR login = ?1 ORDER BY id";

static const char token_revoke_sql[] =
	"UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL "
	"RETURNING id";

static const char failure_insert_sql[] =
	"INSERT INTO login_failures (login, addr, at) VALUES (?, ?, ?)";

static const char failure_purge_sql[] =
	"DELETE FROM login_failures WHERE at < ?";

static const char failure_count_sql[] =
	"SELECT (SELECT count(*) FROM login_failures WHERE login = ?1 "
	"AND at >= ?3), (SELECT count(*) FROM login_failures WHERE addr = ?2 "
	"AND at >= ?3), (SELECT min(at) FROM login_failures WHERE at >= ?3 "
	"AND (login = ?1 OR addr = ?2))";

enum lserr store_session_insert(struct store *s, const char *hash,
				const char *login, const char *csrf,
				const char *created_at, long long expires,
				struct err *e)
{
	struct stmt *st;
	enum lserr rc;

	/* Expired sessions go when new ones come. */
	if (!(st = store_stmt(s, session_purge_sql, e)))
		return e->code;
	db_int(s, st, 1, expires - 30LL * 86400);
	if ((rc = db_done(s, st, e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, session_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, hash);
	db_text(s, st, 2, login);
	db_text(s, st, 3, csrf);
	db_text(s, st, 4, created_at);
	db_int(s, st, 5, expires);
	return db_done(s, st, e);
}

enum lserr store_session_get(struct store *s, const char *hash, long long now,
			     struct session *out, struct err *e)
{
	static const int cols[] = { 0, 1 };
	const char **const dst[] = { &out->login, &out->csrf };
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, session_get_sql, e)))
		return e->code;
	db_text(s, st, 1, hash);
	db_int(s, st, 2, now);
	r = db_step(s, st, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0) {
		db_reset(s, st);
		return err_set(e, LS_ENOTFOUND, "session", "no such session");
	}
	col_strings(s, st, &out->arena, cols, dst, 2);
	out->expires = col_int(s, st, 2);
	db_reset(s, st);
	return LS_OK;
}

enum lserr store_session_delete(struct store *s, const char *hash,
				struct err *e)
{
	struct stmt *st = store_stmt(s, session_delete_sql, e);

	if (!st)
		return e->code;
	db_text(s, st, 1, hash);
	return db_done(s, st, e);
}

enum lserr store_token_insert(struct store *s, const char *hash,
			      const char *login, const char *name,
			      const char *created_at, long long *id,
			      struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if ((rc = store_need_user(s, login, "login", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, token_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, hash);
	db_text(s, st, 2, login);
	db_text(s, st, 3, name);
	db_text(s, st, 4, created_at);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

static void token_fill(struct store *s, struct stmt *st, struct token *t)
{
	static const int cols[] = { 1, 2, 3, 4 };
	const char **const dst[] = {
		&t->login, &t->name, &t->created_at, &t->revoked_at,
	};

	col_strings(s, st, &t->arena, cols, dst, 4);
	t->id = col_int(s, st, 0);
}

enum lserr store_token_get(struct store *s, const char *hash,
			   struct token *out, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, token_get_sql, e)))
		return e->code;
	db_text(s, st, 1, hash);
	r = db_step(s, st, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0) {
		db_reset(s, st);
		return err_set(e, LS_ENOTFOUND, "token", "no such token");
	}
	token_fill(s, st, out);
	db_reset(s, st);
	return LS_OK;
}

enum lserr store_token_each(struct store *s, const char *login,
			    store_token_fn fn, void *arg, struct err *e)
{
	struct token t = { .arena = BUF_INIT };
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, token_each_sql, e)))
		return e->code;
	db_text(s, st, 1, login);
	while ((r = db_step(s, st, e)) == 1) {
		token_fill(s, st, &t);
		if (fn(&t, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&t.arena);
	return rc;
}

enum lserr store_token_revoke(struct store *s, long long id, const char *at,
			      struct err *e)
{
	struct stmt *st = store_stmt(s, token_revoke_sql, e);
	int r;

	if (!st)
		return e->code;
	db_text(s, st, 1, at);
	db_int(s, st, 2, id);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound_id(e, "id", "token", id);
	return LS_OK;
}

enum lserr store_failure_add(struct store *s, const char *login,
			     const char *addr, long long at, struct err *e)
{
	struct stmt *st = store_stmt(s, failure_purge_sql, e);
	enum lserr rc;

	/* failures older than a day no longer count for anything */
	if (!st)
		return e->code;
	db_int(s, st, 1, at - 86400);
	if ((rc = db_done(s, st, e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, failure_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, login);
	db_text(s, st, 2, addr);
	db_int(s, st, 3, at);
	return db_done(s, st, e);
}

enum lserr store_failure_count(struct store *s, const char *login,
			       const char *addr, long long since,
			       long long *by_login, long long *by_addr,
			       long long *oldest, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, failure_count_sql, e)))
		return e->code;
	db_text(s, st, 1, login);
	db_text(s, st, 2, addr);
	db_int(s, st, 3, since);
	r = db_step(s, st, e);
	if (r < 0)
		return (enum lserr)-r;
	*by_login = r ? col_int(s, st, 0) : 0;
	*by_addr = r ? col_int(s, st, 1) : 0;
	*oldest = r && !col_null(s, st, 2) ? col_int(s, st, 2) : 0;
	db_reset(s, st);
	return LS_OK;
}
