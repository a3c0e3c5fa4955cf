/*
 * Context set-up: clock, store, acting user.
 */
#include "svc/ctx.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum lserr ctx_clock(struct ctx *c, const char *today_opt, struct err *e)
{
	const char *t = today_opt;
	const char *now = getenv("LUOSHI_NOW");
	long long secs;

	if (!t || !*t)
		t = getenv("LUOSHI_TODAY");
	if (t && *t) {
		if (!date_parse(t, &c->today))
			return err_set(e, LS_EINVAL, "today",
				       "invalid date '%s' for --today "
				       "(expected YYYY-MM-DD)", t);
		if (now && *now && instant_parse(now, &secs)) {
			instant_format(secs, c->now);
		} else {
			instant_format((long long)c->today * 86400, c->now);
		}
		return LS_OK;
	}
	c->today = date_today_local();
	instant_format((long long)time(NULL), c->now);
	return LS_OK;
}

static bool is_sqlite_path(const char *db)
{
	return strncmp(db, "postgresql://", 13) &&
	       strncmp(db, "postgres://", 11);
}

enum lserr ctx_open(struct ctx *c, const char *db, struct err *e)
{
	enum lserr rc;

	settings_default(&c->settings);
	user_init(&c->actor_user);
	if (is_sqlite_path(db) && access(db, F_OK) != 0)
		return err_set(e, LS_EFAIL, "db",
			       "database '%s' does not exist; "
			       "run 'luoshi --db %s init' first", db, db);
	c->st = store_open(db, e);
	if (!c->st)
		return e->code;
	if (!store_initialised(c->st))
		return err_set(e, LS_EFAIL, "db",
			       "database '%s' is not initialised; "
			       "run 'luoshi --db %s init' first", db, db);
	rc = store_migrate(c->st, e);
	if (rc != LS_OK)
		return rc;
	return store_settings_load(c->st, &c->settings, e);
}

enum lserr ctx_act_as(struct ctx *c, const char *login, struct err *e)
{
	enum lserr rc;

	if (!login) {
		c->actor.login = "admin";
		c->actor.name = "administrator";
		c->actor.unit = NULL;
		c->actor.role = ROLE_ADMIN;
		c->actor.scope.all = true;
		c->actor.scope.path = NULL;
		c->actor.scope.login = "admin";
		return LS_OK;
	}
	rc = store_user_get(c->st, login, &c->actor_user, e);
	if (rc != LS_OK) {
		if (rc == LS_ENOTFOUND)
			err_set(e, LS_ENOTFOUND, "as", "user '%s' not found "
				"for --as", login);
		return rc;
	}
	if (c->actor_user.role != ROLE_ADMIN && !c->actor_user.unit_path)
		return err_set(e, LS_EFAIL, "as", "user '%s' has no unit",
			       login);
	c->actor.login = c->actor_user.login;
	c->actor.name = c->actor_user.name;
	c->actor.unit = c->actor_user.unit;
	c->actor.role = c->actor_user.role;
	c->actor.scope.all = c->actor.role == ROLE_ADMIN;
	c->actor.scope.path = c->actor_user.unit_path;
	c->actor.scope.login = c->actor_user.login;
	return LS_OK;
}

void ctx_close(struct ctx *c)
{
	store_close(c->st);
	c->st = NULL;
	user_release(&c->actor_user);
	calendar_release(&c->cal);
	c->cal_loaded = false;
}

enum lserr ctx_require(struct ctx *c, enum perm p, struct err *e)
{
	if (role_may(c->actor.role, p))
		return LS_OK;
	return err_set(e, LS_EFORBIDDEN, "role",
		       "user '%s' (role %s) may not %s", c->actor.login,
		       role_name(c->actor.role), perm_name(p));
}

const struct calendar *ctx_calendar(struct ctx *c, struct err *e)
{
	if (!c->cal_loaded) {
		if (store_calendar_load(c->st, &c->cal, e) != LS_OK)
			return NULL;
		c->cal_loaded = true;
	}
	return &c->cal;
}
