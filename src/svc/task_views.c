/*
 * Task reads: filtered lists, `next` (urgency order), `today` (当日事) and
 * the light board. Lights and quadrants come from core/task.c via
 * task_view_of(); scope is applied by the store's one scope predicate.
 */
#include "svc/tasks.h"
#include "svc/units.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

void task_query_init(struct task_query *q)
{
	struct task_filter f = TASK_FILTER_INIT;

	memset(q, 0, sizeof(*q));
	q->f = f;
}

struct list_state {
	struct ctx *c;
	struct task_query *q;
	svc_task_fn fn;
	void *arg;
	long long n;
	/* for next/today: collected ranks */
	struct task_rank *ranks;
	size_t nranks, alloc;
	bool today_only;
};

static bool matches(struct list_state *s, const struct task_view *v)
{
	if (s->q->has_light && v->light != s->q->light)
		return false;
	if (s->q->quadrant && v->quadrant != s->q->quadrant)
		return false;
	return true;
}

static int list_one(const struct task *t, void *arg)
{
	struct list_state *s = arg;
	struct task_view v;

	task_view_of(&v, t, s->c->today, &s->c->settings);
	if (!matches(s, &v))
		return 0;
	if (s->fn(t, &v, s->arg))
		return 1;
	return s->q->limit && ++s->n >= s->q->limit;
}

/* Sets the scope and resolves --unit into a subtree path. */
static enum lserr prepare(struct ctx *c, struct task_query *q,
			  struct unit *u, struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_READ, e)) != LS_OK)
		return rc;
	q->f.scope = &c->actor.scope;
	if (q->unit) {
		if ((rc = svc_unit_in_scope(c, q->unit, "unit", u, e)))
			return rc;
		q->f.unit_path = u->path;
	}
	return LS_OK;
}

enum lserr svc_task_list(struct ctx *c, struct task_query *q, svc_task_fn fn,
			 void *arg, struct err *e)
{
	struct list_state s = { .c = c, .q = q, .fn = fn, .arg = arg };
	struct unit u;
	enum lserr rc;

	unit_init(&u);
	rc = prepare(c, q, &u, e);
	if (rc == LS_OK)
		rc = store_task_each(c->st, &q->f, list_one, &s, e);
	unit_release(&u);
	return rc;
}

struct page_state {
	struct ctx *c;
	struct task_query *q;
	svc_task_fn fn;
	void *arg;
	long long offset, limit, n;
};

static int page_one(const struct task *t, void *arg)
{
	struct page_state *p = arg;
	struct task_view v;

	task_view_of(&v, t, p->c->today, &p->c->settings);
	if ((p->q->has_light && v.light != p->q->light) ||
	    (p->q->quadrant && v.quadrant != p->q->quadrant))
		return 0;
	if (p->n >= p->offset && p->n < p->offset + p->limit &&
	    p->fn(t, &v, p->arg))
		return 1;
	p->n++;
	return 0;
}

enum lserr svc_task_page(struct ctx *c, struct task_query *q,
			 long long offset, long long limit, svc_task_fn fn,
			 void *arg, long long *total, struct err *e)
{
	struct page_state p = { c, q, fn, arg, offset, limit, 0 };
	bool computed = q->has_light || q->quadrant;
	long long known = *total;
	struct unit u;
	enum lserr rc;

	*total = 0;
	unit_init(&u);
	if ((rc = prepare(c, q, &u, e)))
		goto out;
	if (computed) {
		rc = store_task_each(c->st, &q->f, page_one, &p, e);
		*total = p.n;
		goto out;
	}
	if (known >= 0)
		*total = known;
	else if ((rc = store_task_count(c->st, &q->f, total, e)))
		goto out;
	q->f.offset = offset;
	q->f.limit = limit;
	p.offset = 0;
	rc = store_task_each(c->st, &q->f, page_one, &p, e);
out:
	unit_release(&u);
	return rc;
}

enum lserr svc_urge_page(struct ctx *c, const char *unit, long long offset,
			 long long limit, svc_urge_fn fn, void *arg,
			 long long *total, struct err *e)
{
	struct task_query q;
	struct unit u;
	enum lserr rc;

	task_query_init(&q);
	q.unit = unit;
	unit_init(&u);
	if ((rc = prepare(c, &q, &u, e)) ||
	    (rc = store_urge_count(c->st, &q.f, total, e)))
		goto out;
	q.f.offset = offset;
	q.f.limit = limit;
	rc = store_urge_each(c->st, &q.f, fn, arg, e);
out:
	unit_release(&u);
	return rc;
}

static int collect(const struct task *t, void *arg)
{
	struct list_state *s = arg;
	struct task_view v;
	int T = s->c->today;

	if (task_status_final(t->status))
		return 0;
	if (s->today_only && !(t->due <= T ||
			       (t->ms_due != DATE_NONE && t->ms_due <= T) ||
			       (t->daily && t->created_on == T)))
		return 0;
	task_view_of(&v, t, T, &s->c->settings);
	if (!matches(s, &v))
		return 0;
	if (s->nranks == s->alloc) {
		s->alloc = s->alloc ? s->alloc * 2 : 256;
		s->ranks = xreallocarray(s->ranks, s->alloc,
					 sizeof(*s->ranks));
	}
	task_rank_of(&s->ranks[s->nranks++], t, v.light, v.quadrant);
	return 0;
}

static enum lserr ranked(struct ctx *c, struct task_query *q, bool today,
			 svc_task_fn fn, void *arg, struct err *e)
{
	struct list_state s = { .c = c, .q = q, .today_only = today };
	struct unit u;
	struct task t;
	enum lserr rc;
	size_t n;

	unit_init(&u);
	task_init(&t);
	if ((rc = prepare(c, q, &u, e)) != LS_OK)
		goto out;
	q->f.status_mask = (1u << TASK_OPEN) | (1u << TASK_DOING) |
			   (1u << TASK_REVIEW);
	if ((rc = store_task_each(c->st, &q->f, collect, &s, e)) != LS_OK)
		goto out;
	if (s.nranks)	/* qsort(NULL, 0, ...) is undefined */
		qsort(s.ranks, s.nranks, sizeof(*s.ranks), task_urgency_cmp);
	n = s.nranks;
	if (q->limit && (size_t)q->limit < n)
		n = (size_t)q->limit;
	for (size_t i = 0; i < n; i++) {
		struct task_view v;

		rc = store_task_get(c->st, s.ranks[i].id, NULL, &t, e);
		if (rc != LS_OK)
			goto out;
		task_view_of(&v, &t, c->today, &c->settings);
		if (fn(&t, &v, arg))
			break;
	}
out:
	free(s.ranks);
	unit_release(&u);
	task_release(&t);
	return rc;
}

enum lserr svc_task_next(struct ctx *c, struct task_query *q, svc_task_fn fn,
			 void *arg, struct err *e)
{
	return ranked(c, q, false, fn, arg, e);
}

enum lserr svc_task_today(struct ctx *c, struct task_query *q,
			  svc_task_fn fn, void *arg, struct err *e)
{
	return ranked(c, q, true, fn, arg, e);
}

/* Board */

static int board_unit(const struct unit *u, void *arg)
{
	struct board *b = arg;
	struct board_row *r;

	b->rows = xreallocarray(b->rows, b->n + 1, sizeof(*b->rows));
	r = &b->rows[b->n++];
	memset(r, 0, sizeof(*r));
	r->code = xstrdup(u->code);
	r->name = xstrdup(u->name);
	return 0;
}

static int row_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct board_row *)elem)->code);
}

struct board_state {
	struct ctx *c;
	struct board *b;
	struct board_row *last;	/* the previous task's lead's row */
};

static int board_task(const struct task *t, void *arg)
{
	struct board_state *s = arg;
	struct board_row *r;
	enum light l;

	/* The rows come grouped by lead: look up only when it changes. */
	r = s->last;
	if (!r || strcmp(r->code, t->lead)) {
		r = bsearch(t->lead, s->b->rows, s->b->n, sizeof(*s->b->rows),
			    row_cmp);
		s->last = r;
	}
	if (!r)
		return 0;
	l = task_light(t, s->c->today, &s->c->settings);
	r->n[l]++;
	return 0;
}

enum lserr svc_board(struct ctx *c, const char *unit, struct board *b,
		     struct err *e)
{
	struct board_state s = { c, b, NULL };
	struct unit u;
	const char *prefix;
	enum lserr rc;

	memset(b, 0, sizeof(*b));
	unit_init(&u);
	if ((rc = ctx_require(c, PERM_READ, e)) != LS_OK)
		goto out;
	prefix = c->actor.scope.all ? NULL : c->actor.scope.path;
	if (unit) {
		if ((rc = svc_unit_in_scope(c, unit, "unit", &u, e)))
			goto out;
		prefix = u.path;
	} else if (!c->actor.scope.all && !prefix) {
		goto out;
	}
	if ((rc = store_unit_each(c->st, prefix, board_unit, b, e)))
		goto out;
	/* Tasks led by units in the subtree: in scope by definition. */
	rc = store_task_lights(c->st, prefix, board_task, &s, e);
out:
	unit_release(&u);
	return rc;
}

void board_release(struct board *b)
{
	for (size_t i = 0; i < b->n; i++) {
		free(b->rows[i].code);
		free(b->rows[i].name);
	}
	free(b->rows);
	memset(b, 0, sizeof(*b));
}

void shape_board_row(struct jw *w, const struct board_row *r)
{
	jw_obj(w);
	jw_kstr(w, "unit", r->code);
	jw_kstr(w, "name", r->name);
	jw_kint(w, "red", r->n[LIGHT_RED]);
	jw_kint(w, "yellow", r->n[LIGHT_YELLOW]);
	jw_kint(w, "green", r->n[LIGHT_GREEN]);
	jw_kint(w, "done", r->n[LIGHT_DONE]);
	jw_kint(w, "late", r->n[LIGHT_LATE]);
	jw_obj_end(w);
}

/* Timeline */

static int tl_milestone(const struct milestone *m, void *arg)
{
	shape_milestone(arg, m);
	return 0;
}

static int tl_report(const struct report *r, void *arg)
{
	shape_report(arg, r);
	return 0;
}

static int tl_evidence(const struct evidence *ev, void *arg)
{
	shape_evidence(arg, ev);
	return 0;
}

static int tl_extension(const struct extension *x, void *arg)
{
	shape_extension(arg, x);
	return 0;
}

static int tl_risk(const struct risk *r, void *arg)
{
	shape_risk(arg, r);
	return 0;
}

static int tl_event(const struct task_event *ev, void *arg)
{
	shape_event(arg, ev);
	return 0;
}

enum lserr svc_task_timeline(struct ctx *c, long long id, struct jw *w,
			     struct err *e)
{
	struct task_view v;
	struct task t;
	enum lserr rc;

	task_init(&t);
	if ((rc = svc_task_get(c, id, &t, e)))
		goto out;
	task_view_of(&v, &t, c->today, &c->settings);
	jw_obj(w);
	jw_key(w, "task");
	shape_task(w, &t, &v);
	jw_kdate(w, "original_due", t.orig_due);
	jw_key(w, "milestones");
	jw_arr(w);
	rc = store_milestone_each(c->st, id, tl_milestone, w, e);
	jw_arr_end(w);
	jw_key(w, "reports");
	jw_arr(w);
	if (!rc)
		rc = store_report_each(c->st, id, tl_report, w, e);
	jw_arr_end(w);
	jw_key(w, "evidence");
	jw_arr(w);
	if (!rc)
		rc = store_evidence_each(c->st, id, tl_evidence, w, e);
	jw_arr_end(w);
	jw_key(w, "extensions");
	jw_arr(w);
	if (!rc)
		rc = store_extension_each(c->st, id, tl_extension, w, e);
	jw_arr_end(w);
	jw_key(w, "risks");
	jw_arr(w);
	if (!rc)
		rc = store_risk_each(c->st, id, tl_risk, w, e);
	jw_arr_end(w);
	jw_key(w, "events");
	jw_arr(w);
	if (!rc)
		rc = store_event_each(c->st, id, tl_event, w, e);
	jw_arr_end(w);
	jw_obj_end(w);
out:
	task_release(&t);
	return rc;
}
