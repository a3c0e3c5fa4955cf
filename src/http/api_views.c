/*
 * /api/v1/today, /next and /board: the daily views, as the CLI shows them,
 * and /urges, the urges on the tasks one sees (the dashboard's 催办).
 * The board is cached per scope, unit filter and day, and invalidated by
 * any write: every write appends to the audit trail, so the audit head is
 * the database's version.
 */
#include "http/cache.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/tasks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int one(const struct task *t, const struct task_view *v, void *arg)
{
	shape_task(arg, t, v);
	return 0;
}

static void ranked(struct req *r, bool today)
{
	struct task_query q;
	struct err e = ERR_INIT;
	struct jw *w;
	long long limit = 0;
	enum lserr rc;
	const char *v = req_query(r, "limit");

	task_query_init(&q);
	q.unit = req_query(r, "unit");
	if (v) {
		char *end;

		limit = strtoll(v, &end, 10);
		if (*end || end == v || limit < 1) {
			reply_fail(r, LS_EINVAL, "limit", "invalid limit '%s'",
				   v);
			return;
		}
	}
	q.limit = limit;
	w = reply_json(r, 200);
	jw_arr(w);
	rc = today ? svc_task_today(&r->ctx, &q, one, w, &e) :
		svc_task_next(&r->ctx, &q, one, w, &e);
	if (rc) {
		reply_error(r, &e);
		return;
	}
	jw_arr_end(w);
}

void api_today(struct req *r)
{
	ranked(r, true);
}

void api_next(struct req *r)
{
	ranked(r, false);
}

void api_board(struct req *r)
{
	const char *unit = req_query(r, "unit");
	char key[512];
	struct board b;
	struct err e = ERR_INIT;
	struct jw *w;
	long long version = cache_version(r->ctx.st, &e);

	if (version < 0) {
		reply_error(r, &e);
		return;
	}
	/* rows are the units of the scope: the same for its every user */
	snprintf(key, sizeof(key), "board|%s|%s|%d|%lld",
		 r->ctx.actor.scope.all ? "*" : r->ctx.actor.scope.path,
		 unit ? unit : "", r->ctx.today, version);
	w = reply_json(r, 200);
	if (cache_get(key, &r->out))
		return;
	cache_fill_lock();
	if (cache_get(key, &r->out)) {
		cache_fill_unlock();
		return;
	}
	if (svc_board(&r->ctx, unit, &b, &e)) {
		cache_fill_unlock();
		reply_error(r, &e);
		return;
	}
	jw_arr(w);
	for (size_t i = 0; i < b.n; i++)
		shape_board_row(w, &b.rows[i]);
	jw_arr_end(w);
	board_release(&b);
	cache_put(key, r->out.ptr);
	cache_fill_unlock();
}

static int urge_row(const struct task_event *ev, const char *title,
		    void *arg)
{
	shape_urge(arg, ev, title);
	return 0;
}

void api_urges(struct req *r)
{
	struct page p;
	struct err e = ERR_INIT;
	enum lserr rc;

	if (req_page(r, &p))
		return;
	jw_arr(reply_json(r, 200));
	rc = svc_urge_page(&r->ctx, req_query(r, "unit"),
			   (p.page - 1) * p.per_page, p.per_page, urge_row,
			   &r->w, &p.total, &e);
	if (rc) {
		reply_error(r, &e);
		return;
	}
	jw_arr_end(&r->w);
	reply_page_headers(r, &p);
}
