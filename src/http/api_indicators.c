/*
 * /api/v1/indicators: indicators with their trajectory and achievement as
 * in the goal tree (read from the goal forest, so scope and derived
 * figures are those of `luoshi goal tree`), creation, changes of target,
 * baseline and weight (history kept, lowering a target needs a reason),
 * and the monthly plan and reported actual. ?on_trajectory=false lists
 * those behind their plan (the dashboard's 指标预警). Every answer about one
 * indicator carries its version as the ETag; its writes honour If-Match.
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/goals.h"
#include "svc/shape.h"
#include "util/date.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void api_indicators_list(struct req *r)
{
	struct goal_forest gf;
	struct err e = ERR_INIT;
	struct page p;
	long long goal = 0;
	const char *v = req_query(r, "goal");
	const char *ot = req_query(r, "on_trajectory");
	int want = -2;		/* any */

	if (ot) {
		if (!strcmp(ot, "true")) {
			want = 1;
		} else if (!strcmp(ot, "false")) {
			want = 0;
		} else {
			reply_fail(r, LS_EINVAL, "on_trajectory",
				   "invalid on_trajectory '%s' (true or "
				   "false)", ot);
			return;
		}
	}
	if (v) {
		char *end;

		goal = strtoll(v, &end, 10);
		if (*end || end == v || goal <= 0) {
			reply_fail(r, LS_EINVAL, "goal", "invalid goal id "
				   "'%s'", v);
			return;
		}
	}
	if (req_page(r, &p))
		return;
	if (goal_forest_load(&r->ctx, &gf, &e)) {
		reply_error(r, &e);
		return;
	}
	if (goal && !goal_forest_find(&gf, goal, &e)) {
		err_set(&e, LS_ENOTFOUND, "goal", "goal '%lld' not found",
			goal);
		reply_error(r, &e);
		goto out;
	}
	jw_arr(reply_json(r, 200));
	for (size_t i = 0; i < gf.ninds; i++) {
		const struct indicator_view *iv = &gf.inds[i];
		struct err ignored = ERR_INIT;

		if (goal ? iv->ind.goal_id != goal :
		    !goal_forest_find(&gf, iv->ind.goal_id, &ignored))
			continue;
		if (want != -2 && iv->on_trajectory != want)
			continue;
		if (page_take(&p))
			shape_indicator(&r->w, iv);
	}
	jw_arr_end(&r->w);
	reply_page_headers(r, &p);
out:
	goal_forest_release(&gf);
}

/*
 * The indicator `id` with its trajectory and its version as the ETag, 404
 * unless its goal is seen.
 */
static void reply_indicator(struct req *r, long long id)
{
	struct goal_forest gf;
	struct err e = ERR_INIT;
	const struct indicator_view *iv = NULL;

	if (goal_forest_load(&r->ctx, &gf, &e)) {
		reply_error(r, &e);
		return;
	}
	for (size_t i = 0; i < gf.ninds && !iv; i++)
		if (gf.inds[i].ind.id == id)
			iv = &gf.inds[i];
	if (iv && goal_forest_find(&gf, iv->ind.goal_id, &e)) {
		shape_indicator(reply_json(r, 200), iv);
		reply_etag(r, iv->ind.version);
	} else {
		reply_fail(r, LS_ENOTFOUND, "id", "indicator '%lld' not found",
			   id);
	}
	goal_forest_release(&gf);
}

void api_indicators_show(struct req *r)
{
	long long id;

	if (!req_param_id(r, 0, "indicator", &id))
		reply_indicator(r, id);
}

void api_indicators_create(struct req *r)
{
	struct indicator ind;
	const char *direction = NULL;
	long long goal = 0, id;
	bool has_baseline = false, has_target = false;
	const struct jfield f[] = {
		{ "goal_id", JT_ID, &goal, NULL },
		{ "name", JT_STR, &ind.name, NULL },
		{ "measure", JT_STR, &ind.measure, NULL },
		{ "baseline", JT_NUM, &ind.baseline, &has_baseline },
		{ "target", JT_NUM, &ind.target, &has_target },
		{ "direction", JT_STR, &direction, NULL },
		{ "weight", JT_NUM, &ind.weight, NULL },
	};
	struct err e = ERR_INIT;
	struct jw *w;
	char loc[64];

	indicator_init(&ind);
	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (!goal || !has_baseline || !has_target) {
		const char *which = !goal ? "goal_id" : !has_baseline ?
			"baseline" : "target";

		reply_fail(r, LS_EINVAL, which, "missing value for %s",
			   which);
		return;
	}
	if (direction && !direction_parse(direction, &ind.direction)) {
		reply_fail(r, LS_EINVAL, "direction", "invalid direction '%s' "
			   "(up, down)", direction);
		return;
	}
	if (svc_indicator_add(&r->ctx, goal, &ind, &id, &e)) {
		reply_error(r, &e);
		return;
	}
	/* the object `luoshi indicator add --json` prints */
	ind.id = id;
	ind.goal_id = goal;
	w = reply_json(r, 201);
	jw_obj(w);
	shape_indicator_fields(w, &ind);
	jw_obj_end(w);
	reply_etag(r, ind.version);
	snprintf(loc, sizeof(loc), "/api/v1/indicators/%lld", id);
	req_set_header(r, "Location", loc);
}

void api_indicators_patch(struct req *r)
{
	double target = NAN, baseline = NAN, weight = NAN;
	const char *reason = NULL;
	const struct jfield f[] = {
		{ "target", JT_NUM, &target, NULL },
		{ "baseline", JT_NUM, &baseline, NULL },
		{ "weight", JT_NUM, &weight, NULL },
		{ "reason", JT_STR, &reason, NULL },
	};
	struct err e = ERR_INIT;
	long long id, if_version;

	if (req_param_id(r, 0, "indicator", &id) ||
	    req_if_match(r, &if_version) ||
	    body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (svc_indicator_update(&r->ctx, id, target, baseline, weight,
				 reason, if_version, &e))
		reply_error(r, &e);
	else
		reply_indicator(r, id);
}

/* POST /indicators/{id}/plan and /report: {period, value}. */
void api_indicators_value(struct req *r)
{
	int month = -1;
	double value = NAN;
	bool has_value = false;
	const struct jfield f[] = {
		{ "period", JT_MONTH, &month, NULL },
		{ "value", JT_NUM, &value, &has_value },
	};
	bool actual = !strcmp(strrchr(r->path, '/'), "/report");
	struct err e = ERR_INIT;
	struct jw *w;
	long long id, if_version, version;
	char m[8];

	if (req_param_id(r, 0, "indicator", &id) ||
	    req_if_match(r, &if_version) ||
	    body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (month < 0 || !has_value) {
		reply_fail(r, LS_EINVAL, month < 0 ? "period" : "value",
			   "missing value for %s", month < 0 ? "period" :
			   "value");
		return;
	}
	if (svc_indicator_value(&r->ctx, id, month, actual, value, if_version,
				&version, &e)) {
		reply_error(r, &e);
		return;
	}
	/* the object `luoshi indicator plan|report --json` prints */
	w = reply_json(r, 200);
	jw_obj(w);
	jw_kint(w, "indicator_id", id);
	jw_kstr(w, "month", month_format(month, m));
	jw_key(w, actual ? "actual" : "plan");
	jw_numd(w, value, 6);
	jw_obj_end(w);
	reply_etag(r, version);
}
