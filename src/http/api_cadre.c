/*
 * /api/v1/cadre: cadre assessment as `luoshi cadre` does it — recording a
 * ballot (201 new, 200 when it replaced the rater's earlier one), the
 * caller's own ballots, the graded rows of a period and one person's page.
 * svc/cadre*.c decides who may rate and see what (403 rating oneself, 404
 * out of scope); the objects are the CLI's --json ones.
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/cadre.h"

#include <stdio.h>

void api_cadre_rate(struct req *r)
{
	const char *type = NULL;
	long long sc[CADRE_NDIM] = { 0 };
	bool has[CADRE_NDIM] = { false };
	struct rating b;
	struct jfield f[5 + CADRE_NDIM] = {
		{ "login", JT_STR, &b.login, NULL },
		{ "period", JT_STR, &b.period, NULL },
		{ "rater", JT_STR, &b.rater, NULL },
		{ "type", JT_STR, &type, NULL },
		{ "veto", JT_STR, &b.veto, NULL },
	};
	struct err e = ERR_INIT;
	bool replaced;

	rating_init(&b);
	for (int d = 0; d < CADRE_NDIM; d++)
		f[5 + d] = (struct jfield){ cadre_dim_name((enum cadre_dim)d),
					    JT_INT, &sc[d], &has[d] };
	if (body_parse(r, f, 5 + CADRE_NDIM))
		return;
	if (!type) {
		reply_fail(r, LS_EINVAL, "type", "missing value for type "
			   "(superior, peer, subordinate or public)");
		return;
	}
	if (!rater_type_parse(type, &b.type)) {
		reply_fail(r, LS_EINVAL, "type", "invalid rater type '%s' "
			   "(superior, peer, subordinate or public)", type);
		return;
	}
	for (int d = 0; d < CADRE_NDIM; d++) {
		const char *name = cadre_dim_name((enum cadre_dim)d);

		if (!has[d]) {
			reply_fail(r, LS_EINVAL, name, "missing value for %s "
				   "(a score 0..100)", name);
			return;
		}
		if (sc[d] < 0 || sc[d] > 100) {
			reply_fail(r, LS_EINVAL, name, "invalid score '%lld' "
				   "for %s (an integer 0..100)", sc[d], name);
			return;
		}
		b.score[d] = (int)sc[d];
	}
	if (svc_cadre_rate(&r->ctx, &b, &replaced, &e)) {
		reply_error(r, &e);
		return;
	}
	shape_rating(reply_json(r, replaced ? 200 : 201), &b, true);
}

static int list_one(const struct rating *b, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_rating(&l->r->w, b, true);
	return 0;
}

void api_cadre_ratings(struct req *r)
{
	struct api_list s;
	struct err e = ERR_INIT;

	if (api_list_begin(&s, r))
		return;
	api_list_end(&s, svc_cadre_ratings(&r->ctx, req_query(r, "period"),
					   list_one, &s, &e), &e);
}

void api_cadre_grades(struct req *r)
{
	struct cadre_board b;
	struct api_list s;
	struct err e = ERR_INIT;
	enum lserr rc;

	rc = svc_cadre_grade(&r->ctx, req_query(r, "period"),
			     req_query(r, "unit"), &b, &e);
	if (rc) {
		reply_error(r, &e);
	} else if (!api_list_begin(&s, r)) {
		for (size_t i = 0; i < b.n; i++)
			if (api_list_take(&s))
				shape_cadre_row(&r->w, &b.rows[i]);
		api_list_end(&s, LS_OK, &e);
	}
	cadre_board_release(&b);
}

void api_cadre_show(struct req *r)
{
	struct cadre_page p;
	struct err e = ERR_INIT;

	if (svc_cadre_show(&r->ctx, r->params[0], req_query(r, "period"), &p,
			   &e))
		reply_error(r, &e);
	else
		shape_cadre_page(reply_json(r, 200), &p);
	cadre_page_release(&p);
}
