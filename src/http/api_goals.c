/*
 * /api/v1/goals: the goal tree as `luoshi goal tree --json` prints it (the
 * roots the caller can see, each with its visible subtree), one node,
 * creation and weight changes (kept in the history with their reason).
 * SPEC §9 fixes the node's keys, so a goal's version travels in the ETag
 * header; a weight change honours If-Match (412, nothing changed).
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/goals.h"
#include "svc/shape.h"

#include <math.h>
#include <stdio.h>

void api_goals_list(struct req *r)
{
	struct goal_forest gf;
	struct err e = ERR_INIT;
	struct jw *w;

	if (goal_forest_load(&r->ctx, &gf, &e)) {
		reply_error(r, &e);
		return;
	}
	w = reply_json(r, 200);
	jw_arr(w);
	for (size_t i = 0; i < gf.n; i++) {
		const struct goal_node *n = &gf.nodes[i];

		/* a root of what the caller sees: no visible parent */
		if (n->visible && !(n->parent && n->parent->visible))
			shape_goal_node(w, n);
	}
	jw_arr_end(w);
	goal_forest_release(&gf);
}

/* The node of goal `id` with its visible subtree; ETag: its version. */
static void reply_node(struct req *r, long long id)
{
	struct goal_forest gf;
	struct err e = ERR_INIT;
	const struct goal_node *n;

	if (goal_forest_load(&r->ctx, &gf, &e)) {
		reply_error(r, &e);
		return;
	}
	if (!(n = goal_forest_find(&gf, id, &e))) {
		reply_error(r, &e);
	} else {
		shape_goal_node(reply_json(r, 200), n);
		reply_etag(r, n->g.version);
	}
	goal_forest_release(&gf);
}

void api_goals_show(struct req *r)
{
	long long id;

	if (!req_param_id(r, 0, "goal", &id))
		reply_node(r, id);
}

void api_goals_create(struct req *r)
{
	const char *title = NULL, *unit = NULL;
	long long year = 0, parent = 0, id;
	double weight = 1.0;
	const struct jfield f[] = {
		{ "title", JT_STR, &title, NULL },
		{ "unit", JT_STR, &unit, NULL },
		{ "year", JT_INT, &year, NULL },
		{ "parent_id", JT_ID, &parent, NULL },
		{ "weight", JT_NUM, &weight, NULL },
	};
	struct err e = ERR_INIT;
	struct goal g;
	char loc[64];

	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (!year) {
		reply_fail(r, LS_EINVAL, "year", "missing value for year");
		return;
	}
	if (year < 2000 || year > 2100) {
		reply_fail(r, LS_EINVAL, "year", "invalid year %lld "
			   "(2000..2100)", year);
		return;
	}
	if (svc_goal_add(&r->ctx, title, unit, (int)year, parent, weight, &id,
			 &e)) {
		reply_error(r, &e);
		return;
	}
	/* the object `luoshi goal add --json` prints */
	goal_init(&g);
	g.id = id;
	g.title = title;
	g.parent_id = parent;
	g.unit = unit;
	g.year = (int)year;
	g.weight = weight;
	shape_goal(reply_json(r, 201), &g);
	reply_etag(r, g.version);
	goal_release(&g);
	snprintf(loc, sizeof(loc), "/api/v1/goals/%lld", id);
	req_set_header(r, "Location", loc);
}

void api_goals_patch(struct req *r)
{
	const char *reason = NULL;
	double weight = NAN;
	bool has_weight = false;
	const struct jfield f[] = {
		{ "weight", JT_NUM, &weight, &has_weight },
		{ "reason", JT_STR, &reason, NULL },
	};
	struct err e = ERR_INIT;
	long long id, if_version;

	if (req_param_id(r, 0, "goal", &id) ||
	    req_if_match(r, &if_version) ||
	    body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (!has_weight) {
		reply_fail(r, LS_EINVAL, "weight", "nothing to change: give "
			   "weight (and reason)");
		return;
	}
	if (svc_goal_set_weight(&r->ctx, id, weight, reason, if_version, &e))
		reply_error(r, &e);
	else
		reply_node(r, id);
}
