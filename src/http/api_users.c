/*
 * /api/v1/users: the users of the caller's scope (paged), creation by an
 * administrator, one user by login (404 outside the scope) and password
 * changes (yourself, or anyone as administrator). Hashes never leave.
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/shape.h"
#include "svc/units.h"

#include <stdio.h>

static int list_one(const struct user *u, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_user(&l->r->w, u);
	return 0;
}

void api_users_list(struct req *r)
{
	struct api_list s;
	struct err e = ERR_INIT;

	if (api_list_begin(&s, r))
		return;
	api_list_end(&s, svc_user_list(&r->ctx, list_one, &s, &e), &e);
}

static void reply_user(struct req *r, int status, const char *login)
{
	struct err e = ERR_INIT;
	struct user u;

	user_init(&u);
	if (svc_user_in_scope(&r->ctx, login, "login", &u, &e))
		reply_error(r, &e);
	else
		shape_user(reply_json(r, status), &u);
	user_release(&u);
}

void api_users_create(struct req *r)
{
	const char *login = NULL, *name = NULL, *unit = NULL, *role = NULL;
	const char *password = NULL;
	const struct jfield f[] = {
		{ "login", JT_STR, &login, NULL },
		{ "name", JT_STR, &name, NULL },
		{ "unit", JT_STR, &unit, NULL },
		{ "role", JT_STR, &role, NULL },
		{ "password", JT_STR, &password, NULL },
	};
	struct err e = ERR_INIT;
	char loc[128];

	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (svc_user_add(&r->ctx, login, name, unit, role, password, &e)) {
		reply_error(r, &e);
		return;
	}
	reply_user(r, 201, login);
	snprintf(loc, sizeof(loc), "/api/v1/users/%s", login);
	req_set_header(r, "Location", loc);
}

void api_users_show(struct req *r)
{
	reply_user(r, 200, r->params[0]);
}

void api_users_password(struct req *r)
{
	const char *password = NULL;
	const struct jfield f[] = {
		{ "password", JT_STR, &password, NULL },
	};
	struct err e = ERR_INIT;

	if (body_parse(r, f, 1))
		return;
	if (svc_user_passwd(&r->ctx, r->params[0], password, &e))
		reply_error(r, &e);
	else
		reply_empty(r);
}
