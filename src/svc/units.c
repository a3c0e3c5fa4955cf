/*
 * Units and users (SPEC §1, §2). Only administrators create them; every
 * user may list the units and users of their scope.
 */
#include "svc/units.h"
#include "svc/audit.h"
#include "svc/password.h"
#include "svc/shape.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

enum lserr check_text(const char *field, const char *v, size_t max,
		      bool required, struct err *e)
{
	size_t n = v ? strlen(v) : 0;

	if (!max)
		max = 10000;
	if (!v || !n) {
		if (required)
			return err_set(e, LS_EINVAL, field,
				       "missing value for %s", field);
		return LS_OK;
	}
	if (!utf8_valid(v, n))
		return err_set(e, LS_EINVAL, field,
			       "invalid UTF-8 in %s", field);
	if (n > max)
		return err_set(e, LS_EINVAL, field,
			       "%s is too long (%zu bytes, at most %zu)",
			       field, n, max);
	return LS_OK;
}

enum lserr svc_unit_get(struct ctx *c, const char *code, const char *field,
			struct unit *out, struct err *e)
{
	enum lserr rc = store_unit_get(c->st, code, out, e);

	if (rc == LS_ENOTFOUND)
		err_set(e, LS_ENOTFOUND, field, "unit '%s' not found", code);
	return rc;
}

enum lserr svc_unit_in_scope(struct ctx *c, const char *code,
			     const char *field, struct unit *out,
			     struct err *e)
{
	enum lserr rc = svc_unit_get(c, code, field, out, e);

	if (rc != LS_OK)
		return rc;
	if (!scope_covers(&c->actor.scope, out->path))
		return err_set(e, LS_ENOTFOUND, field,
			       "unit '%s' not found", code);
	return LS_OK;
}

static char *unit_json(const struct unit *u)
{
	struct jw_text x;

	shape_unit(jw_text_begin(&x), u);
	return jw_text_end(&x);
}

enum lserr svc_unit_add(struct ctx *c, const char *code, const char *name,
			const char *parent, const char *kind, struct err *e)
{
	struct unit u, p;
	enum lserr rc;
	char *path = NULL, *json = NULL;

	if (!unit_code_valid(code))
		return err_set(e, LS_EINVAL, "code", "invalid unit code '%s' "
			       "(1-32 letters, digits, '-' or '_')",
			       code ? code : "");
	if ((rc = check_text("name", name, 200, true, e)) != LS_OK)
		return rc;
	if (!kind)
		kind = "department";
	if (!unit_kind_valid(kind))
		return err_set(e, LS_EINVAL, "kind", "invalid unit kind '%s' "
			       "for --kind (lower-case letters, digits, "
			       "'-' or '_')", kind);
	if ((rc = ctx_require(c, PERM_ADMIN, e)) != LS_OK)
		return rc;
	unit_init(&u);
	unit_init(&p);
	if ((rc = store_begin(c->st, e)) != LS_OK)
		goto out;
	if (parent) {
		rc = svc_unit_get(c, parent, "parent", &p, e);
		if (rc != LS_OK)
			goto fail;
		path = xasprintf("%s%s/", p.path, code);
	} else {
		path = xasprintf("/%s/", code);
	}
	u.code = code;
	u.name = name;
	u.parent = parent;
	u.kind = kind;
	u.path = path;
	if ((rc = store_unit_insert(c->st, &u, e)) != LS_OK)
		goto fail;
	json = unit_json(&u);
	rc = audit_record(c, "unit.add", "unit", code, NULL, json, e);
	if (rc != LS_OK)
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(path);
	free(json);
	unit_release(&p);
	buf_release(&u.arena);
	return rc;
}

enum lserr svc_unit_list(struct ctx *c, store_unit_fn fn, void *arg,
			 struct err *e)
{
	const char *prefix = c->actor.scope.all ? NULL : c->actor.scope.path;

	if (!c->actor.scope.all && !prefix)
		return LS_OK;
	return store_unit_each(c->st, prefix, fn, arg, e);
}

enum lserr svc_user_get(struct ctx *c, const char *login, const char *field,
			struct user *out, struct err *e)
{
	enum lserr rc = store_user_get(c->st, login, out, e);

	if (rc == LS_ENOTFOUND)
		err_set(e, LS_ENOTFOUND, field, "user '%s' not found", login);
	return rc;
}

enum lserr svc_user_in_scope(struct ctx *c, const char *login,
			     const char *field, struct user *out,
			     struct err *e)
{
	enum lserr rc = svc_user_get(c, login, field, out, e);

	if (rc != LS_OK)
		return rc;
	if (strcmp(out->login, c->actor.login) &&
	    !scope_covers(&c->actor.scope, out->unit_path))
		return err_set(e, LS_ENOTFOUND, field, "user '%s' not found",
			       login);
	return LS_OK;
}

static char *user_json(const struct user *u)
{
	struct jw_text x;

	shape_user(jw_text_begin(&x), u);
	return jw_text_end(&x);
}

/* A user with `password` hashed here, or with `pwhash` as given. */
static enum lserr user_add(struct ctx *c, const char *login,
			   const char *name, const char *unit,
			   const char *role, const char *password,
			   const char *pwhash, struct err *e)
{
	struct user u;
	struct unit un;
	enum role r;
	enum lserr rc;
	char *hash = NULL, *json = NULL;

	if (!login_valid(login))
		return err_set(e, LS_EINVAL, "login", "invalid login '%s' "
			       "(1-64 letters, digits, '.', '-' or '_')",
			       login ? login : "");
	if ((rc = check_text("name", name, 200, true, e)) != LS_OK)
		return rc;
	if (!role_parse(role, &r))
		return err_set(e, LS_EINVAL, "role", "invalid role '%s' for "
			       "--role (admin, supervisor, leader, staff, "
			       "viewer)", role ? role : "");
	if (!unit && r != ROLE_ADMIN)
		return err_set(e, LS_EINVAL, "unit", "a unit is required "
			       "for user '%s' (role %s)", login,
			       role_name(r));
	if (password && (rc = password_check(password, e)) != LS_OK)
		return rc;
	if ((rc = ctx_require(c, PERM_ADMIN, e)) != LS_OK)
		return rc;
	user_init(&u);
	unit_init(&un);
	if (unit && (rc = svc_unit_get(c, unit, "unit", &un, e)) != LS_OK)
		goto out;
	if (password && !(hash = password_hash(password, e))) {
		rc = e->code;
		goto out;
	}
	u.login = login;
	u.name = name;
	u.unit = unit;
	u.role = r;
	u.pwhash = hash ? hash : pwhash;
	u.created_at = c->now;
	if ((rc = store_begin(c->st, e)) != LS_OK)
		goto out;
	if ((rc = store_user_insert(c->st, &u, e)) != LS_OK)
		goto fail;
	json = user_json(&u);
	rc = audit_record(c, "user.add", "user", login, NULL, json, e);
	if (rc != LS_OK)
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(hash);
	free(json);
	unit_release(&un);
	buf_release(&u.arena);
	return rc;
}

enum lserr svc_user_add(struct ctx *c, const char *login, const char *name,
			const char *unit, const char *role,
			const char *password, struct err *e)
{
	return user_add(c, login, name, unit, role, password, NULL, e);
}

enum lserr svc_user_add_hashed(struct ctx *c, const char *login,
			       const char *name, const char *unit,
			       const char *role, const char *pwhash,
			       struct err *e)
{
	return user_add(c, login, name, unit, role, NULL, pwhash, e);
}

enum lserr svc_user_passwd(struct ctx *c, const char *login,
			   const char *password, struct err *e)
{
	struct user u;
	enum lserr rc;
	char *hash = NULL;

	if ((rc = password_check(password, e)) != LS_OK)
		return rc;
	/* Everyone may change their own password; admins anyone's. */
	if (strcmp(login, c->actor.login) &&
	    (rc = ctx_require(c, PERM_ADMIN, e)) != LS_OK)
		return rc;
	user_init(&u);
	if ((rc = svc_user_get(c, login, "login", &u, e)) != LS_OK)
		goto out;
	if (!(hash = password_hash(password, e))) {
		rc = e->code;
		goto out;
	}
	if ((rc = store_begin(c->st, e)) != LS_OK)
		goto out;
	if ((rc = store_user_set_password(c->st, login, hash, e)) != LS_OK)
		goto fail;
	/* The hash itself never enters the audit trail. */
	rc = audit_record(c, "user.passwd", "user", login, NULL, NULL, e);
	if (rc != LS_OK)
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(hash);
	user_release(&u);
	return rc;
}

struct user_scope {
	struct ctx *c;
	store_user_fn fn;
	void *arg;
};

static int user_in_scope(const struct user *u, void *arg)
{
	struct user_scope *us = arg;

	if (!us->c->actor.scope.all &&
	    !scope_covers(&us->c->actor.scope, u->unit_path))
		return 0;
	return us->fn(u, us->arg);
}

enum lserr svc_user_list(struct ctx *c, store_user_fn fn, void *arg,
			 struct err *e)
{
	struct user_scope us = { c, fn, arg };

	return store_user_each(c->st, user_in_scope, &us, e);
}
