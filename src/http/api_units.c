/*
 * /api/v1/units: the units of the caller's scope (paged), creation by an
 * administrator, one unit by code (404 outside the scope).
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/shape.h"
#include "svc/units.h"

#include <stdio.h>

static int list_one(const struct unit *u, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_unit(&l->r->w, u);
	return 0;
}

void api_units_list(struct req *r)
{
	struct api_list s;
	struct err e = ERR_INIT;

	if (api_list_begin(&s, r))
		return;
	api_list_end(&s, svc_unit_list(&r->ctx, list_one, &s, &e), &e);
}

static void reply_unit(struct req *r, int status, const char *code,
		       bool in_scope)
{
	struct err e = ERR_INIT;
	struct unit u;
	enum lserr rc;

	unit_init(&u);
	rc = in_scope ? svc_unit_in_scope(&r->ctx, code, "code", &u, &e) :
		svc_unit_get(&r->ctx, code, "code", &u, &e);
	if (rc)
		reply_error(r, &e);
	else
		shape_unit(reply_json(r, status), &u);
	unit_release(&u);
}

void api_units_create(struct req *r)
{
	const char *code = NULL, *name = NULL, *parent = NULL, *kind = NULL;
	const struct jfield f[] = {
		{ "code", JT_STR, &code, NULL },
		{ "name", JT_STR, &name, NULL },
		{ "parent", JT_STR, &parent, NULL },
		{ "kind", JT_STR, &kind, NULL },
	};
	struct err e = ERR_INIT;
	char loc[96];

	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (svc_unit_add(&r->ctx, code, name, parent, kind, &e)) {
		reply_error(r, &e);
		return;
	}
	reply_unit(r, 201, code, false);
	snprintf(loc, sizeof(loc), "/api/v1/units/%s", code);
	req_set_header(r, "Location", loc);
}

void api_units_show(struct req *r)
{
	reply_unit(r, 200, r->params[0], true);
}
