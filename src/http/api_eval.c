/*
 * The evaluation system over HTTP: /api/v1/inspections (rectification
 * items as "TITLE@DUE" strings, like the CLI's --rectify; the cap's
 * warning in a `Warning: 299` header so the object stays the CLI's),
 * /commendations, /accountabilities, /eval (GET with ?scheme= as JSON
 * text, or POST with the scheme inline and "publish"), /eval/{unit}
 * (explain) and /burden. Objects are exactly the CLI's --json.
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/eval.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int insp_one(const struct inspection *in, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_inspection_row(&l->r->w, in);
	return 0;
}

/* ?period= as a period, or NULL when absent; -1 after a 400. */
static int query_period(struct req *r, struct period *p, bool *has)
{
	const char *v = req_query(r, "period");
	struct err e = ERR_INIT;

	*has = v != NULL;
	if (v && period_parse(v, p, &e)) {
		reply_error(r, &e);
		return -1;
	}
	return 0;
}

void api_inspections_list(struct req *r)
{
	struct api_list l;
	struct period p;
	struct err e = ERR_INIT;
	bool has;

	if (query_period(r, &p, &has) || api_list_begin(&l, r))
		return;
	api_list_end(&l, svc_inspect_list(&r->ctx, req_query(r, "unit"),
					  has ? &p : NULL, insp_one, &l, &e),
		     &e);
}

static void reply_inspection(struct req *r, long long id, int status)
{
	struct inspection_view v;
	struct err e = ERR_INIT;

	if (svc_inspect_get(&r->ctx, id, &v, &e))
		reply_error(r, &e);
	else
		shape_inspection(reply_json(r, status), &r->ctx, &v);
	inspection_view_release(&v);
}

void api_inspections_show(struct req *r)
{
	long long id;

	if (!req_param_id(r, 0, "inspection", &id))
		reply_inspection(r, id, 200);
}

/* The rectify array's strings parsed as TITLE@DUE; -1 after a 400. */
static int rectify_items(struct req *r, struct rectify **items, int *n)
{
	json_t *a = r->json ? json_object_get(r->json, "rectify") : NULL;
	struct err e = ERR_INIT;
	size_t i;
	json_t *x;

	*items = NULL;
	*n = 0;
	if (!a || json_is_null(a))
		return 0;
	if (!json_is_array(a)) {
		reply_fail(r, LS_EINVAL, "rectify", "invalid value for "
			   "rectify (expected an array of \"TITLE@DATE\")");
		return -1;
	}
	*items = xcalloc(json_array_size(a) + 1, sizeof(**items));
	json_array_foreach(a, i, x) {
		if (rectify_parse(json_string_value(x), &(*items)[*n], &e)) {
			reply_error(r, &e);
			return -1;
		}
		(*n)++;
	}
	return 0;
}

void api_inspections_create(struct req *r)
{
	struct inspect_input in;
	const char *rectify = NULL;
	const struct jfield f[] = {
		{ "unit", JT_STR, &in.unit, NULL },
		{ "on", JT_DATE, &in.on, NULL },
		{ "score", JT_NUM, &in.score, NULL },
		{ "findings", JT_STR, &in.findings, NULL },
		{ "inspectors", JT_STR, &in.inspectors, NULL },
		{ "over_cap", JT_STR, &in.over_cap, NULL },
		{ "rectify", JT_LIST, &rectify, NULL },
	};
	struct rectify *items = NULL;
	struct err e = ERR_INIT;
	char warning[256], loc[64];
	long long id;
	int n = 0;

	memset(&in, 0, sizeof(in));
	in.on = DATE_NONE;
	in.score = NAN;
	if (body_parse(r, f, sizeof(f) / sizeof(f[0])) ||
	    rectify_items(r, &items, &n))
		goto out;
	in.items = items;
	in.nitems = n;
	if (svc_inspect_add(&r->ctx, &in, &id, warning, sizeof(warning),
			    &e)) {
		reply_error(r, &e);
		goto out;
	}
	if (*warning) {
		char h[300];

		snprintf(h, sizeof(h), "299 luoshi \"%s\"", warning);
		req_set_header(r, "Warning", h);
	}
	snprintf(loc, sizeof(loc), "/api/v1/inspections/%lld", id);
	req_set_header(r, "Location", loc);
	reply_inspection(r, id, 201);
out:
	for (int i = 0; i < n; i++)
		free(items[i].title);
	free(items);
}

static int merit_one(const struct merit *m, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_merit(&l->r->w, m);
	return 0;
}

static void merits_list(struct req *r, const char *kind)
{
	struct api_list l;
	struct merit_filter mf;
	struct period p;
	struct err e = ERR_INIT;
	bool has;

	if (query_period(r, &p, &has) || api_list_begin(&l, r))
		return;
	memset(&mf, 0, sizeof(mf));
	mf.kind = kind;
	mf.unit = req_query(r, "unit");
	mf.person = req_query(r, "person");
	mf.from = has ? p.first : DATE_NONE;
	mf.to = has ? p.last : DATE_NONE;
	api_list_end(&l, svc_merit_list(&r->ctx, &mf, merit_one, &l, &e),
		     &e);
}

static void merits_create(struct req *r, const char *kind)
{
	struct merit_input in;
	const struct jfield f[] = {
		{ "unit", JT_STR, &in.unit, NULL },
		{ "person", JT_STR, &in.person, NULL },
		{ "on", JT_DATE, &in.on, NULL },
		{ "points", JT_NUM, &in.points, NULL },
		{ "reason", JT_STR, &in.reason, NULL },
	};
	struct err e = ERR_INIT;
	struct merit m;

	memset(&in, 0, sizeof(in));
	in.kind = kind;
	in.on = DATE_NONE;
	in.points = NAN;
	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	merit_init(&m);
	if (svc_merit_add(&r->ctx, &in, &m, &e))
		reply_error(r, &e);
	else
		shape_merit(reply_json(r, 201), &m);
	merit_release(&m);
}

void api_commendations_list(struct req *r)
{
	merits_list(r, "commend");
}

void api_commendations_create(struct req *r)
{
	merits_create(r, "commend");
}

void api_accountabilities_list(struct req *r)
{
	merits_list(r, "account");
}

void api_accountabilities_create(struct req *r)
{
	merits_create(r, "account");
}

static void reply_eval(struct req *r, const char *period, const char *group,
		       const char *scheme, bool publish)
{
	struct eval_result res;
	struct err e = ERR_INIT;
	struct jw *w;
	long long id;

	if (!period) {
		reply_fail(r, LS_EINVAL, "period", "missing value for period");
		return;
	}
	if (svc_eval(&r->ctx, period, group, scheme, &res, &e) ||
	    (publish && svc_eval_publish(&r->ctx, &res, group, &id, &e))) {
		reply_error(r, &e);
		eval_result_release(&res);
		return;
	}
	w = reply_json(r, 200);
	jw_arr(w);
	for (size_t i = 0; i < res.norder; i++)
		shape_eval_row(w, &res.rows[res.order[i]]);
	jw_arr_end(w);
	eval_result_release(&res);
}

void api_eval(struct req *r)
{
	reply_eval(r, req_query(r, "period"), req_query(r, "group"),
		   req_query(r, "scheme"), false);
}

void api_eval_post(struct req *r)
{
	const char *period = NULL, *group = NULL;
	bool publish = false;
	json_t *scheme = NULL;
	char *text = NULL;
	const struct jfield f[] = {
		{ "period", JT_STR, &period, NULL },
		{ "group", JT_STR, &group, NULL },
		{ "scheme", JT_JSON, &scheme, NULL },
		{ "publish", JT_BOOL, &publish, NULL },
	};

	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (scheme)
		text = json_dumps(scheme, JSON_COMPACT | JSON_ENCODE_ANY);
	reply_eval(r, period, group, text, publish);
	free(text);
}

void api_eval_explain(struct req *r)
{
	struct jw_text x;
	struct err e = ERR_INIT;
	char *text;
	const char *period = req_query(r, "period");

	if (!period) {
		reply_fail(r, LS_EINVAL, "period", "missing value for period");
		return;
	}
	if (svc_eval_explain(&r->ctx, period, req_query(r, "scheme"),
			     r->params[0], jw_text_begin(&x), &e)) {
		free(jw_text_end(&x));
		reply_error(r, &e);
		return;
	}
	text = jw_text_end(&x);
	jw_raw(reply_json(r, 200), text);
	free(text);
}

void api_burden(struct req *r)
{
	struct burden b;
	struct err e = ERR_INIT;
	struct jw *w;

	if (svc_burden(&r->ctx, req_query(r, "unit"), req_query(r, "period"),
		       &b, &e)) {
		reply_error(r, &e);
		return;
	}
	w = reply_json(r, 200);
	jw_arr(w);
	for (size_t i = 0; i < b.n; i++)
		shape_burden_row(w, &b.rows[i], b.cap);
	jw_arr_end(w);
	burden_release(&b);
}

/* GET /api/v1/eval/funnel?period=&group=: the funnel plot of one group. */
void api_eval_funnel(struct req *r)
{
	struct eval_result res;
	struct err e = ERR_INIT;
	const char *period = req_query(r, "period");
	const char *group = req_query(r, "group");

	if (!period || !group) {
		reply_fail(r, LS_EINVAL, period ? "group" : "period",
			   "missing value for %s", period ? "group" :
			   "period");
		return;
	}
	if (svc_eval(&r->ctx, period, group, req_query(r, "scheme"), &res,
		     &e)) {
		reply_error(r, &e);
		eval_result_release(&res);
		return;
	}
	shape_funnel(reply_json(r, 200), &res, group);
	eval_result_release(&res);
}
