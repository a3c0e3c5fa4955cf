/*
 * /api/v1/policies: the policy system over HTTP — the list (filters
 * status, unit, closing, closing_within, paged), one policy (its version
 * in the ETag), creation, PATCH of status and value with If-Match, and
 * POST /policies/{id}/links to link a goal or a task. Objects are exactly
 * `luoshi policy show --json`.
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/policies.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int list_one(const struct policy_view *v, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_policy(&l->r->w, &l->r->ctx, v);
	return 0;
}

/* ?closing=true and ?closing_within=N into f; -1 after a 400. */
static int query_closing(struct req *r, struct policy_filter *f)
{
	const char *v = req_query(r, "closing_within");
	const char *c = req_query(r, "closing");
	char *end;
	long long n;

	f->closing_within = -1;
	if (c && strcmp(c, "true") && strcmp(c, "false")) {
		reply_fail(r, LS_EINVAL, "closing", "invalid closing '%s' "
			   "(true or false)", c);
		return -1;
	}
	if (c && !strcmp(c, "true"))
		f->closing_within = r->ctx.settings.policy_warn_days;
	if (!v)
		return 0;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno || end == v || *end || n < 0 || n > 3650) {
		reply_fail(r, LS_EINVAL, "closing_within", "invalid "
			   "closing_within '%s' (0..3650 days)", v);
		return -1;
	}
	f->closing_within = (int)n;
	return 0;
}

void api_policies_list(struct req *r)
{
	struct policy_filter f;
	struct api_list l;
	struct err e = ERR_INIT;
	const char *s = req_query(r, "status");

	memset(&f, 0, sizeof(f));
	f.unit = req_query(r, "unit");
	if (s && !policy_status_parse(s, &f.status)) {
		reply_fail(r, LS_EINVAL, "status", "invalid status '%s' "
			   "(watching, applying, landed or missed)", s);
		return;
	}
	f.has_status = s != NULL;
	if (query_closing(r, &f) || api_list_begin(&l, r))
		return;
	api_list_end(&l, svc_policy_list(&r->ctx, &f, list_one, &l, &e), &e);
}

/* The policy as `policy show --json`, ETag its version. */
static void reply_policy(struct req *r, long long id, int status)
{
	struct policy_view v;
	struct err e = ERR_INIT;

	if (svc_policy_get(&r->ctx, id, &v, &e)) {
		reply_error(r, &e);
	} else {
		shape_policy(reply_json(r, status), &r->ctx, &v);
		reply_etag(r, v.p.version);
	}
	policy_view_release(&v);
}

void api_policies_show(struct req *r)
{
	long long id;

	if (!req_param_id(r, 0, "policy", &id))
		reply_policy(r, id, 200);
}

void api_policies_create(struct req *r)
{
	struct policy_input in;
	const struct jfield f[] = {
		{ "title", JT_STR, &in.title, NULL },
		{ "issuer", JT_STR, &in.issuer, NULL },
		{ "level", JT_STR, &in.level, NULL },
		{ "issued_on", JT_DATE, &in.issued, NULL },
		{ "window_open", JT_DATE, &in.open, NULL },
		{ "window_close", JT_DATE, &in.close, NULL },
		{ "unit", JT_STR, &in.unit, NULL },
		{ "status", JT_STR, &in.status, NULL },
		{ "value", JT_STR, &in.value, NULL },
	};
	struct err e = ERR_INIT;
	char loc[64];
	long long id;

	memset(&in, 0, sizeof(in));
	in.issued = DATE_NONE;
	in.open = DATE_NONE;
	in.close = DATE_NONE;
	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (svc_policy_add(&r->ctx, &in, &id, &e)) {
		reply_error(r, &e);
		return;
	}
	reply_policy(r, id, 201);
	snprintf(loc, sizeof(loc), "/api/v1/policies/%lld", id);
	req_set_header(r, "Location", loc);
}

void api_policies_patch(struct req *r)
{
	const char *status = NULL, *value = NULL;
	bool has_value = false;
	const struct jfield f[] = {
		{ "status", JT_STR, &status, NULL },
		{ "value", JT_STR, &value, &has_value },
	};
	struct err e = ERR_INIT;
	long long id, if_version;

	if (req_param_id(r, 0, "policy", &id) ||
	    req_if_match(r, &if_version) ||
	    body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (svc_policy_update(&r->ctx, id, status, value, has_value,
			      if_version, &e))
		reply_error(r, &e);
	else
		reply_policy(r, id, 200);
}

void api_policies_link(struct req *r)
{
	long long goal_id = 0, task_id = 0;
	const struct jfield f[] = {
		{ "goal_id", JT_ID, &goal_id, NULL },
		{ "task_id", JT_ID, &task_id, NULL },
	};
	struct err e = ERR_INIT;
	long long id, if_version;

	if (req_param_id(r, 0, "policy", &id) ||
	    req_if_match(r, &if_version) ||
	    body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (svc_policy_link(&r->ctx, id, goal_id, task_id, if_version, &e))
		reply_error(r, &e);
	else
		reply_policy(r, id, 200);
}
