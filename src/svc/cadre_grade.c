/*
 * Grading a period: every ballot of the period gathered per person (one
 * pass, ordered by login), the owned tasks due in it (one pass), scores by
 * core/cadre.c, then per unit the excellent quota. Everyone assessed is
 * graded whoever asks, so a unit's quota never depends on the reader's
 * scope; what is shown is filtered afterwards.
 */
#include "svc/cadre.h"
#include "svc/units.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct loader {
	struct ctx *c;
	struct cadre_board *b;
	struct buf veto;	/* reasons of the current person */
};

static void close_veto(struct loader *l)
{
	struct cadre_row *row = l->b->n ? &l->b->rows[l->b->n - 1] : NULL;

	if (row && l->veto.len)
		row->veto = xstrdup(l->veto.ptr);
	buf_reset(&l->veto);
}

static int load_ballot(const struct rating *r, void *arg)
{
	struct loader *l = arg;
	struct cadre_board *b = l->b;
	struct cadre_row *row = b->n ? &b->rows[b->n - 1] : NULL;

	if (!row || strcmp(row->login, r->login)) {
		close_veto(l);
		b->rows = xreallocarray(b->rows, b->n + 1, sizeof(*b->rows));
		row = &b->rows[b->n++];
		memset(row, 0, sizeof(*row));
		row->login = xstrdup(r->login);
		row->name = xstrdup(r->name);
		row->unit = xstrdup(r->unit ? r->unit : "");
		row->unit_path = xstrdup(r->unit_path ? r->unit_path : "");
		cadre_acc_init(&row->acc);
	}
	cadre_acc_add(&row->acc, r->type, r->score);
	if (r->veto) {
		if (l->veto.len)
			buf_adds(&l->veto, "; ");
		buf_adds(&l->veto, r->veto);
	}
	return 0;
}

static int login_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct cadre_row *)elem)->login);
}

static bool on_time(struct ctx *c, const struct task *t)
{
	/* done and closed on or before due: the light rule's LIGHT_DONE */
	return task_light(t, c->today, &c->settings) == LIGHT_DONE;
}

static int load_task(const struct task *t, void *arg)
{
	struct loader *l = arg;
	struct cadre_row *row = bsearch(t->owner, l->b->rows, l->b->n,
					sizeof(*l->b->rows), login_cmp);

	if (row) {
		row->owned++;
		if (on_time(l->c, t))
			row->ontime++;
	}
	return 0;
}

static int row_cmp(const void *a, const void *b)
{
	const struct cadre_row *x = a, *y = b;
	long long sx = llround(x->score * 100), sy = llround(y->score * 100);
	int d = strcmp(x->unit, y->unit);

	if (d)
		return d;
	if (sx != sy)
		return sx > sy ? -1 : 1;
	return strcmp(x->login, y->login);
}

/* Scores, then the quota of each unit (rows sorted: units are runs). */
static void grade_all(struct cadre_board *b)
{
	struct cadre_mark *m;
	size_t i, j;

	for (i = 0; i < b->n; i++) {
		struct cadre_row *r = &b->rows[i];
		double rating = cadre_rating(&r->acc);
		double perf = cadre_performance(r->ontime, r->owned);

		r->rating = cadre_round2(rating);
		r->performance = isnan(perf) ? NAN : cadre_round2(perf);
		r->score = cadre_round2(cadre_score(rating, perf));
	}
	qsort(b->rows, b->n, sizeof(*b->rows), row_cmp);
	m = xreallocarray(NULL, b->n ? b->n : 1, sizeof(*m));
	for (i = 0; i < b->n; i = j) {
		for (j = i; j < b->n && !strcmp(b->rows[j].unit,
						 b->rows[i].unit); j++) {
			m[j - i].score = b->rows[j].score;
			m[j - i].veto = b->rows[j].veto != NULL;
		}
		cadre_grade_unit(m, j - i);
		for (size_t k = i; k < j; k++) {
			b->rows[k].mark = m[k - i];
			b->rows[k].assessed = (int)(j - i);
			b->rows[k].quota = cadre_quota(j - i);
		}
	}
	free(m);
}

/* Every person assessed in the period, graded (no scope applied). */
static enum lserr board_load(struct ctx *c, const char *period,
			     struct cadre_board *b, struct err *e)
{
	struct loader l = { c, b, BUF_INIT };
	enum lserr rc;

	memset(b, 0, sizeof(*b));
	if ((rc = svc_cadre_period(period, &b->first, &b->last, e)))
		return rc;
	rc = store_rating_each_period(c->st, period, load_ballot, &l, e);
	close_veto(&l);
	buf_release(&l.veto);
	/* nobody assessed: nothing to look up (bsearch, qsort need rows) */
	if (!rc && b->n)
		rc = store_owned_each(c->st, b->first, b->last, NULL,
				      load_task, &l, e);
	if (!rc && b->n)
		grade_all(b);
	return rc;
}

static void row_release(struct cadre_row *r)
{
	free(r->login);
	free(r->name);
	free(r->unit);
	free(r->unit_path);
	free(r->veto);
}

void cadre_board_release(struct cadre_board *b)
{
	for (size_t i = 0; i < b->n; i++)
		row_release(&b->rows[i]);
	free(b->rows);
	memset(b, 0, sizeof(*b));
}

/* Keeps the rows for which keep() holds, in order. */
static void board_filter(struct cadre_board *b,
			 bool (*keep)(const struct cadre_row *, const void *),
			 const void *arg)
{
	size_t n = 0;

	for (size_t i = 0; i < b->n; i++) {
		if (keep(&b->rows[i], arg))
			b->rows[n++] = b->rows[i];
		else
			row_release(&b->rows[i]);
	}
	b->n = n;
}

static bool is_login(const struct cadre_row *r, const void *login)
{
	return !strcmp(r->login, login);
}

static bool under(const struct cadre_row *r, const void *path)
{
	return !strncmp(r->unit_path, path, strlen(path));
}

static bool in_scope(const struct cadre_row *r, const void *sc)
{
	return scope_covers(sc, r->unit_path);
}

enum lserr svc_cadre_grade(struct ctx *c, const char *period,
			   const char *unit, struct cadre_board *b,
			   struct err *e)
{
	struct unit u;
	enum lserr rc;

	unit_init(&u);
	memset(b, 0, sizeof(*b));
	if (unit && (rc = svc_unit_in_scope(c, unit, "unit", &u, e)))
		goto out;
	if ((rc = board_load(c, period, b, e)))
		goto out;
	if (!role_may(c->actor.role, PERM_CADRE_READ))
		board_filter(b, is_login, c->actor.login);
	else
		board_filter(b, in_scope, &c->actor.scope);
	if (unit)
		board_filter(b, under, u.path);
out:
	unit_release(&u);
	return rc;
}

void shape_cadre_row(struct jw *w, const struct cadre_row *r)
{
	jw_obj(w);
	jw_kstr(w, "login", r->login);
	jw_kstr(w, "name", r->name);
	jw_kstr(w, "unit", r->unit);
	jw_knum2(w, "rating", r->rating);
	jw_knum2(w, "performance", r->performance);
	jw_knum2(w, "score", r->score);
	jw_kstr(w, "grade", cadre_grade_name(r->mark.grade));
	jw_kstr(w, "veto", r->veto);
	jw_obj_end(w);
}

struct task_loader {
	struct ctx *c;
	struct cadre_page *p;
};

static int page_task(const struct task *t, void *arg)
{
	struct task_loader *l = arg;
	struct cadre_page *p = l->p;
	struct cadre_task *x;

	p->tasks = xreallocarray(p->tasks, p->ntasks + 1, sizeof(*p->tasks));
	x = &p->tasks[p->ntasks++];
	x->id = t->id;
	x->title = xstrdup(t->title);
	x->due = t->due;
	x->closed_on = t->status == TASK_DONE ? t->closed_on : DATE_NONE;
	x->on_time = on_time(l->c, t);
	return 0;
}

enum lserr svc_cadre_show(struct ctx *c, const char *login,
			  const char *period, struct cadre_page *p,
			  struct err *e)
{
	struct task_loader tl = { c, p };
	struct user u;
	bool self;
	enum lserr rc;

	memset(p, 0, sizeof(*p));
	p->period = period;
	user_init(&u);
	if ((rc = svc_cadre_period(period, &p->b.first, &p->b.last, e)) ||
	    (rc = svc_user_in_scope(c, login, "login", &u, e)))
		goto out;
	self = !strcmp(u.login, c->actor.login);
	if (!self && (rc = ctx_require(c, PERM_CADRE_READ, e)))
		goto out;
	if ((rc = board_load(c, period, &p->b, e)))
		goto out;
	board_filter(&p->b, is_login, u.login);
	if (!p->b.n) {
		rc = err_set(e, LS_ENOTFOUND, "login", "'%s' has no ratings "
			     "for period %s", login, period);
		goto out;
	}
	p->row = &p->b.rows[0];
	p->inputs = !self;
	rc = store_owned_each(c->st, p->b.first, p->b.last, u.login,
			      page_task, &tl, e);
out:
	user_release(&u);
	return rc;
}

void cadre_page_release(struct cadre_page *p)
{
	for (size_t i = 0; i < p->ntasks; i++)
		free(p->tasks[i].title);
	free(p->tasks);
	cadre_board_release(&p->b);
	memset(p, 0, sizeof(*p));
}

static void shape_inputs(struct jw *w, const struct cadre_acc *a)
{
	jw_arr(w);
	for (int t = 0; t < RATER_NTYPE; t++) {
		enum rater_type rt = (enum rater_type)t;

		jw_obj(w);
		jw_kstr(w, "type", rater_type_name(rt));
		jw_kint(w, "weight", rater_type_weight(rt));
		jw_knum2(w, "share", 100 * cadre_type_share(a, rt));
		jw_kint(w, "raters", a->n[t]);
		jw_knum2(w, "mean", cadre_round2(cadre_type_mean(a, rt)));
		jw_key(w, "dimensions");
		jw_obj(w);
		for (int d = 0; d < CADRE_NDIM; d++)
			jw_knum2(w, cadre_dim_name((enum cadre_dim)d),
				 cadre_round2(cadre_dim_mean(a, rt,
					      (enum cadre_dim)d)));
		jw_obj_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

void shape_cadre_page(struct jw *w, const struct cadre_page *p)
{
	const struct cadre_row *r = p->row;

	jw_obj(w);
	jw_kstr(w, "login", r->login);
	jw_kstr(w, "name", r->name);
	jw_kstr(w, "unit", r->unit);
	jw_kstr(w, "period", p->period);
	jw_knum2(w, "rating", r->rating);
	jw_knum2(w, "performance", r->performance);
	jw_knum2(w, "score", r->score);
	jw_kstr(w, "grade", cadre_grade_name(r->mark.grade));
	jw_kstr(w, "veto", r->veto);
	jw_kstr(w, "basis", cadre_basis_name(r->mark.basis));
	jw_kint(w, "unit_assessed", r->assessed);
	jw_kint(w, "unit_quota", r->quota);
	jw_key(w, "raters");
	if (p->inputs)
		shape_inputs(w, &r->acc);
	else
		jw_null(w);
	jw_kint(w, "owned", r->owned);
	jw_kint(w, "on_time", r->ontime);
	jw_key(w, "tasks");
	jw_arr(w);
	for (size_t i = 0; i < p->ntasks; i++) {
		jw_obj(w);
		jw_kint(w, "id", p->tasks[i].id);
		jw_kstr(w, "title", p->tasks[i].title);
		jw_kdate(w, "due", p->tasks[i].due);
		jw_kdate(w, "closed_on", p->tasks[i].closed_on);
		jw_kbool(w, "on_time", p->tasks[i].on_time);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}
