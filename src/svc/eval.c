/*
 * Evaluation (SPEC §5): one pass over the tasks due in the period (the
 * covering index tasks_eval, tallied per unit through core/eval.c's
 * rules), one over the indicators' latest actuals, one over inspections
 * and one over merits; then scores, ranks and funnel flags per group.
 * Units are looked up by binary search in the code-ordered unit list, so
 * the cost is one scan of each table plus n log(units).
 */
#include "svc/eval.h"
#include "svc/audit.h"
#include "svc/units.h"
#include "util/xmalloc.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct load {
	struct eval_result *r;
	size_t cap;
	const char *group;
	const struct scope *scope;
};

static int load_unit(const struct unit *u, void *arg)
{
	struct load *l = arg;
	struct eval_row *row;

	if (l->group && strcmp(l->group, u->kind))
		return 0;
	if (l->r->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->r->rows = xreallocarray(l->r->rows, l->cap,
					   sizeof(*l->r->rows));
	}
	row = &l->r->rows[l->r->n++];
	memset(row, 0, sizeof(*row));
	row->unit = xstrdup(u->code);
	row->name = xstrdup(u->name);
	row->group = xstrdup(u->kind);
	row->visible = scope_covers(l->scope, u->path);
	return 0;
}

static int row_cmp_code(const void *key, const void *elem)
{
	return strcmp(key, ((const struct eval_row *)elem)->unit);
}

static struct eval_row *find_row(struct eval_result *r, const char *code)
{
	return code ? bsearch(code, r->rows, r->n, sizeof(*r->rows),
			      row_cmp_code) : NULL;
}

struct tally {
	struct eval_result *r;
	int ack_hours;
};

static int tally_task(const struct task *t, void *arg)
{
	struct tally *x = arg;
	struct eval_row *row = find_row(x->r, t->lead);

	if (row)
		eval_tally(&row->c, eval_task_flags(t, &x->r->p,
						    x->ack_hours));
	return 0;
}

/* SPEC §4's achievement, capped at 1 for evaluation as for goals. */
static double ind_value(const struct eval_ind *x)
{
	double a = indicator_achievement(x->baseline, x->target,
					 x->direction, x->actual);

	return a > 1 ? 1 : a;
}

static int tally_ind(const struct eval_ind *x, void *arg)
{
	struct eval_row *row = find_row(arg, x->unit);
	double a = ind_value(x);

	if (row && !isnan(a)) {
		row->c.ind_sum += a;
		row->c.ind_n++;
	}
	return 0;
}

static int tally_insp(const struct inspection *in, void *arg)
{
	struct eval_row *row = find_row(arg, in->unit);

	if (row) {
		row->c.insp_sum += in->score;
		row->c.insp_n++;
	}
	return 0;
}

/* Person merits are listed on the person: they leave the unit alone. */
static int tally_merit(const struct merit *m, void *arg)
{
	struct eval_row *row = find_row(arg, m->unit);

	if (!row || m->person)
		return 0;
	row->c.merits++;
	if (!strcmp(m->kind, "commend"))
		row->c.bonus += m->points;
	else
		row->c.penalty += m->points;
	return 0;
}

enum lserr eval_scheme_parse(const char *text, struct eval_scheme *s,
			     struct err *e)
{
	json_error_t je;
	json_t *root, *sec, *v;
	const char *name, *key;
	enum lserr rc = LS_OK;

	eval_scheme_default(s);
	if (!text)
		return LS_OK;
	if (!(root = json_loads(text, JSON_REJECT_DUPLICATES, &je)))
		return err_set(e, LS_EINVAL, "scheme", "invalid scheme: %s "
			       "(line %d)", je.text, je.line);
	if (!json_is_object(root)) {
		json_decref(root);
		return err_set(e, LS_EINVAL, "scheme", "invalid scheme: "
			       "expected a JSON object");
	}
	json_object_foreach(root, name, sec) {
		if (strcmp(name, "weights") && strcmp(name, "warn")) {
			rc = err_set(e, LS_EINVAL, "scheme", "unknown key "
				     "'%s' in scheme (expected weights, "
				     "warn)", name);
			break;
		}
		if (!json_is_object(sec)) {
			rc = err_set(e, LS_EINVAL, name, "invalid scheme: "
				     "'%s' must be an object", name);
			break;
		}
		json_object_foreach(sec, key, v) {
			char field[48];

			if (!json_is_number(v)) {
				snprintf(field, sizeof(field), "%.8s.%.32s",
					 name, key);
				rc = err_set(e, LS_EINVAL, field, "invalid "
					     "value for scheme %s (expected "
					     "a number)", field);
				break;
			}
			if ((rc = eval_scheme_set(s, name, key,
						  json_number_value(v), e)))
				break;
		}
		if (rc)
			break;
	}
	json_decref(root);
	return rc ? rc : eval_scheme_check(s, e);
}

static int order_cmp(const void *a, const void *b, void *arg)
{
	const struct eval_row *rows = arg;
	const struct eval_row *x = &rows[*(const size_t *)a];
	const struct eval_row *y = &rows[*(const size_t *)b];

	if (!x->rank != !y->rank)
		return x->rank ? -1 : 1;
	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return strcmp(x->unit, y->unit);
}

/* Scores, ranks, intervals and funnel flags within each group. */
static void finish(struct eval_result *r)
{
	double *score = xcalloc(r->n + 1, sizeof(*score));
	int *rank = xcalloc(r->n + 1, sizeof(*rank));
	size_t *idx = xcalloc(r->n + 1, sizeof(*idx));
	bool *done = xcalloc(r->n + 1, sizeof(*done));

	for (size_t i = 0; i < r->n; i++) {
		struct eval_row *row = &r->rows[i];

		eval_metrics(&row->c, row->m);
		row->score = eval_score(&r->scheme, row->m, &row->c);
		eval_wilson(row->c.ontime, row->c.closed, &row->lo, &row->hi);
	}
	for (size_t i = 0; i < r->n; i++) {
		long long k = 0, n = 0;
		size_t m = 0;

		if (done[i])
			continue;
		for (size_t j = i; j < r->n; j++) {
			if (done[j] || strcmp(r->rows[j].group,
					      r->rows[i].group))
				continue;
			done[j] = true;
			idx[m] = j;
			score[m++] = r->rows[j].score;
			k += r->rows[j].c.ontime;
			n += r->rows[j].c.closed;
		}
		eval_rank(score, (int)m, rank);
		for (size_t j = 0; j < m; j++) {
			struct eval_row *row = &r->rows[idx[j]];

			row->rank = rank[j];
			row->p0 = n ? (double)k / (double)n : NAN;
			row->funnel = n ? eval_funnel(row->c.ontime,
						      row->c.closed, row->p0) :
				FUNNEL_NONE;
		}
	}
	r->order = xcalloc(r->n + 1, sizeof(*r->order));
	for (size_t i = 0; i < r->n; i++)
		if (r->rows[i].visible)
			r->order[r->norder++] = i;
	qsort_r(r->order, r->norder, sizeof(*r->order), order_cmp, r->rows);
	free(score);
	free(rank);
	free(idx);
	free(done);
}

enum lserr svc_eval(struct ctx *c, const char *period, const char *group,
		    const char *scheme_json, struct eval_result *out,
		    struct err *e)
{
	struct load l;
	struct tally t;
	struct merit_filter mf;
	int y, mo, d;
	enum lserr rc;

	memset(out, 0, sizeof(*out));
	if ((rc = period_parse(period, &out->p, e)) ||
	    (rc = eval_scheme_parse(scheme_json, &out->scheme, e)) ||
	    (rc = ctx_require(c, PERM_READ, e)))
		return rc;
	memset(&l, 0, sizeof(l));
	l.r = out;
	l.group = group && *group ? group : NULL;
	l.scope = &c->actor.scope;
	if ((rc = store_unit_each(c->st, NULL, load_unit, &l, e)))
		return rc;
	if (l.group && !out->n)
		return err_set(e, LS_EINVAL, "group", "no unit of kind '%s' "
			       "for --group", l.group);
	t.r = out;
	t.ack_hours = c->settings.ack_hours;
	date_to_ymd(out->p.last, &y, &mo, &d);
	memset(&mf, 0, sizeof(mf));
	mf.from = out->p.first;
	mf.to = out->p.last;
	if ((rc = store_eval_tasks(c->st, out->p.first, out->p.last, NULL,
				   tally_task, &t, e)) ||
	    (rc = store_eval_indicators(c->st, y, date_month_key(out->p.last),
					NULL, tally_ind, out, e)) ||
	    (rc = store_inspection_each(c->st, NULL, NULL, out->p.first,
					out->p.last, tally_insp, out, e)) ||
	    (rc = store_merit_each(c->st, &mf, tally_merit, out, e)))
		return rc;
	finish(out);
	return LS_OK;
}

void eval_result_release(struct eval_result *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].unit);
		free(r->rows[i].name);
		free(r->rows[i].group);
	}
	free(r->rows);
	free(r->order);
	memset(r, 0, sizeof(*r));
}

void shape_eval_row(struct jw *w, const struct eval_row *r)
{
	jw_obj(w);
	jw_kstr(w, "unit", r->unit);
	jw_kstr(w, "name", r->name);
	jw_kstr(w, "group", r->group);
	jw_knum2(w, "score", r->score);
	if (r->rank)
		jw_kint(w, "rank", r->rank);
	else
		jw_knull(w, "rank");
	jw_key(w, "metrics");
	jw_obj(w);
	for (int i = 0; i < EVAL_NMETRICS; i++)
		jw_knum2(w, eval_metric_names[i], r->m[i]);
	jw_obj_end(w);
	jw_knum2(w, "bonus", r->c.bonus);
	jw_knum2(w, "penalty", r->c.penalty);
	jw_key(w, "ontime_interval");
	if (isnan(r->lo)) {
		jw_null(w);
	} else {
		jw_arr(w);
		jw_num2(w, r->lo);
		jw_num2(w, r->hi);
		jw_arr_end(w);
	}
	jw_kstr(w, "funnel", funnel_name(r->funnel));
	jw_obj_end(w);
}

/* The limits in percent, clamped to 0..100 for drawing. */
static void funnel_point(struct jw *w, long long n, double p0)
{
	double lo, hi;

	eval_funnel_limits(n, p0, &lo, &hi);
	jw_obj(w);
	jw_kint(w, "n", n);
	jw_knum2(w, "lo", 100.0 * (lo < 0 ? 0 : lo));
	jw_knum2(w, "hi", 100.0 * (hi > 1 ? 1 : hi));
	jw_obj_end(w);
}

void shape_funnel(struct jw *w, const struct eval_result *r,
		  const char *group)
{
	double p0 = NAN;
	long long maxn = 0;

	for (size_t i = 0; i < r->n; i++) {
		if (!isnan(r->rows[i].p0))
			p0 = r->rows[i].p0;
		if (r->rows[i].c.closed > maxn)
			maxn = r->rows[i].c.closed;
	}
	jw_obj(w);
	jw_kstr(w, "period", r->p.text);
	jw_kstr(w, "group", group);
	jw_knum2(w, "pooled", 100.0 * p0);
	jw_key(w, "units");
	jw_arr(w);
	for (size_t i = 0; i < r->norder; i++) {
		const struct eval_row *row = &r->rows[r->order[i]];

		if (!row->c.closed)
			continue;
		jw_obj(w);
		jw_kstr(w, "unit", row->unit);
		jw_kstr(w, "name", row->name);
		jw_kint(w, "closed", row->c.closed);
		jw_kint(w, "ontime", row->c.ontime);
		jw_knum2(w, "rate", 100.0 * (double)row->c.ontime /
			 (double)row->c.closed);
		jw_kstr(w, "funnel", funnel_name(row->funnel));
		jw_obj_end(w);
	}
	jw_arr_end(w);
	/* every n up to 20, then steps of about 10% up to the largest n */
	jw_key(w, "limits");
	jw_arr(w);
	for (long long n = 1, next; !isnan(p0) && n <= maxn; n = next) {
		funnel_point(w, n, p0);
		next = n < 20 ? n + 1 : n + n / 10;
		if (n < maxn && next > maxn)
			next = maxn;
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

/* Explain: the ids behind each count, gathered for one unit. */
struct ids {
	long long *v;
	size_t n, cap;
};

static void ids_add(struct ids *x, long long id)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? 2 * x->cap : 16;
		x->v = xreallocarray(x->v, x->cap, sizeof(*x->v));
	}
	x->v[x->n++] = id;
}

static int id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return x < y ? -1 : x > y;
}

enum { X_TASKS, X_CLOSED, X_ONTIME, X_ANSWERED, X_DAILY, X_SAME, X_N };

struct explain {
	struct ids t[X_N];
	const struct period *p;
	int ack_hours;
	struct jw *w;		/* indicator and inspection items */
};

static int explain_task(const struct task *t, void *arg)
{
	struct explain *x = arg;
	unsigned f = eval_task_flags(t, x->p, x->ack_hours);
	static const unsigned bit[X_N] = {
		EVAL_T_COUNTED, EVAL_T_CLOSED, EVAL_T_ONTIME,
		EVAL_T_ANSWERED, EVAL_T_DAILY, EVAL_T_DAILY_SAME,
	};

	for (int i = 0; i < X_N; i++)
		if (f & bit[i])
			ids_add(&x->t[i], t->id);
	return 0;
}

static void kids(struct jw *w, const char *key, struct ids *x)
{
	if (x->n)
		qsort(x->v, x->n, sizeof(*x->v), id_cmp);
	jw_key(w, key);
	jw_arr(w);
	for (size_t i = 0; i < x->n; i++)
		jw_int(w, x->v[i]);
	jw_arr_end(w);
}

static void metric_head(struct jw *w, const struct eval_row *row, int m,
			const struct eval_scheme *s)
{
	jw_key(w, eval_metric_names[m]);
	jw_obj(w);
	jw_knum2(w, "value", row->m[m]);
	jw_knum2(w, "weight", s->w[m]);
}

static void task_metric(struct jw *w, const struct eval_row *row, int m,
			const struct eval_scheme *s, struct ids *num,
			struct ids *den)
{
	metric_head(w, row, m, s);
	jw_kint(w, "numerator", (long long)num->n);
	jw_kint(w, "denominator", (long long)den->n);
	kids(w, "ids", num);
	kids(w, "of", den);
	jw_obj_end(w);
}

static int explain_ind(const struct eval_ind *x, void *arg)
{
	struct jw *w = arg;
	char m[8];

	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kstr(w, "month", month_format(x->month, m));
	jw_knum2(w, "actual", x->actual);
	jw_knum2(w, "achievement", 100.0 * ind_value(x));
	jw_obj_end(w);
	return 0;
}

static int explain_insp(const struct inspection *in, void *arg)
{
	struct jw *w = arg;

	jw_obj(w);
	jw_kint(w, "id", in->id);
	jw_kdate(w, "on", in->on);
	jw_knum2(w, "score", in->score);
	jw_obj_end(w);
	return 0;
}

struct merit_ids {
	struct ids commend, account;
};

static int explain_merit(const struct merit *m, void *arg)
{
	struct merit_ids *x = arg;

	if (!m->person)
		ids_add(!strcmp(m->kind, "commend") ? &x->commend :
			&x->account, m->id);
	return 0;
}

static void warnings(struct jw *w, const struct eval_row *row,
		     const struct eval_scheme *s)
{
	unsigned warn = eval_warnings(s, row->m, row->score);
	char text[96];

	jw_key(w, "warnings");
	jw_arr(w);
	if (warn & EVAL_WARN_SCORE) {
		snprintf(text, sizeof(text), "score %.2f below %g",
			 eval_round2(row->score), s->warn_score);
		jw_str(w, text);
	}
	for (int i = 0; i < EVAL_NMETRICS; i++) {
		if (!(warn & (1u << i)))
			continue;
		snprintf(text, sizeof(text), "%s %.2f below %g",
			 eval_metric_names[i], eval_round2(row->m[i]),
			 s->warn[i]);
		jw_str(w, text);
	}
	jw_arr_end(w);
}

static enum lserr explain_write(struct ctx *c, const struct eval_result *r,
				const struct eval_row *row, struct jw *w,
				struct err *e)
{
	struct explain x;
	struct merit_ids mi;
	struct merit_filter mf;
	int y, mo, d;
	enum lserr rc;

	memset(&x, 0, sizeof(x));
	memset(&mi, 0, sizeof(mi));
	x.p = &r->p;
	x.ack_hours = c->settings.ack_hours;
	if ((rc = store_eval_tasks(c->st, r->p.first, r->p.last, row->unit,
				   explain_task, &x, e)))
		goto out;
	memset(&mf, 0, sizeof(mf));
	mf.unit = row->unit;
	mf.from = r->p.first;
	mf.to = r->p.last;
	if ((rc = store_merit_each(c->st, &mf, explain_merit, &mi, e)))
		goto out;
	jw_obj(w);
	jw_kstr(w, "unit", row->unit);
	jw_kstr(w, "name", row->name);
	jw_kstr(w, "group", row->group);
	jw_kstr(w, "period", r->p.text);
	jw_knum2(w, "score", row->score);
	if (row->rank)
		jw_kint(w, "rank", row->rank);
	else
		jw_knull(w, "rank");
	jw_kint(w, "ack_hours", c->settings.ack_hours);
	jw_key(w, "metrics");
	jw_obj(w);
	task_metric(w, row, EVAL_COMPLETION, &r->scheme, &x.t[X_CLOSED],
		    &x.t[X_TASKS]);
	task_metric(w, row, EVAL_ONTIME, &r->scheme, &x.t[X_ONTIME],
		    &x.t[X_CLOSED]);
	task_metric(w, row, EVAL_RESPONSE, &r->scheme, &x.t[X_ANSWERED],
		    &x.t[X_TASKS]);
	task_metric(w, row, EVAL_DAILY, &r->scheme, &x.t[X_SAME],
		    &x.t[X_DAILY]);
	metric_head(w, row, EVAL_INDICATORS, &r->scheme);
	jw_knum2(w, "numerator", 100.0 * row->c.ind_sum);
	jw_kint(w, "denominator", row->c.ind_n);
	jw_key(w, "items");
	jw_arr(w);
	date_to_ymd(r->p.last, &y, &mo, &d);
	if ((rc = store_eval_indicators(c->st, y, date_month_key(r->p.last),
					row->unit, explain_ind, w, e)))
		goto out;
	jw_arr_end(w);
	jw_obj_end(w);
	metric_head(w, row, EVAL_INSPECTION, &r->scheme);
	jw_knum2(w, "numerator", row->c.insp_sum);
	jw_kint(w, "denominator", row->c.insp_n);
	jw_key(w, "items");
	jw_arr(w);
	if ((rc = store_inspection_each(c->st, NULL, row->unit, r->p.first,
					r->p.last, explain_insp, w, e)))
		goto out;
	jw_arr_end(w);
	jw_obj_end(w);
	jw_obj_end(w);
	jw_key(w, "bonus");
	jw_obj(w);
	jw_knum2(w, "points", row->c.bonus);
	kids(w, "ids", &mi.commend);
	jw_obj_end(w);
	jw_key(w, "penalty");
	jw_obj(w);
	jw_knum2(w, "points", row->c.penalty);
	kids(w, "ids", &mi.account);
	jw_obj_end(w);
	jw_key(w, "ontime_interval");
	if (isnan(row->lo)) {
		jw_null(w);
	} else {
		jw_arr(w);
		jw_num2(w, row->lo);
		jw_num2(w, row->hi);
		jw_arr_end(w);
	}
	jw_knum2(w, "group_ontime", 100.0 * row->p0);
	jw_kstr(w, "funnel", funnel_name(row->funnel));
	warnings(w, row, &r->scheme);
	jw_obj_end(w);
out:
	for (int i = 0; i < X_N; i++)
		free(x.t[i].v);
	free(mi.commend.v);
	free(mi.account.v);
	return rc;
}

enum lserr svc_eval_explain(struct ctx *c, const char *period,
			    const char *scheme_json, const char *unit,
			    struct jw *w, struct err *e)
{
	struct eval_result r;
	struct unit u;
	const struct eval_row *row;
	enum lserr rc;

	unit_init(&u);
	memset(&r, 0, sizeof(r));
	if ((rc = period_parse(period, &r.p, e)) ||
	    (rc = svc_unit_in_scope(c, unit, "unit", &u, e)) ||
	    (rc = svc_eval(c, period, u.kind, scheme_json, &r, e)))
		goto out;
	if (!(row = find_row(&r, unit)))
		rc = err_set(e, LS_ENOTFOUND, "unit", "unit '%s' not found",
			     unit);
	else
		rc = explain_write(c, &r, row, w, e);
out:
	eval_result_release(&r);
	unit_release(&u);
	return rc;
}

enum lserr svc_eval_publish(struct ctx *c, const struct eval_result *r,
			    const char *group, long long *id, struct err *e)
{
	struct jw_text x;
	struct jw *w;
	char *json = NULL;
	long long n = 0;
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_EVALUATE, e)))
		return rc;
	if ((rc = store_begin(c->st, e)))
		return rc;
	if ((rc = store_evaluation_insert(c->st, r->p.text, group,
					  c->actor.login, c->now, c->today,
					  id, e)))
		goto fail;
	/* the units ranked that the publisher sees */
	for (size_t i = 0; i < r->norder; i++) {
		const struct eval_row *row = &r->rows[r->order[i]];

		if (!row->rank)
			continue;
		if ((rc = store_evaluation_unit_insert(c->st, *id, row->unit,
						       row->rank,
						       eval_round2(row->score),
						       e)))
			goto fail;
		n++;
	}
	w = jw_text_begin(&x);
	jw_obj(w);
	jw_kint(w, "id", *id);
	jw_kstr(w, "period", r->p.text);
	jw_kstr(w, "group", group);
	jw_kint(w, "units", n);
	jw_obj_end(w);
	json = jw_text_end(&x);
	if ((rc = audit_record_id(c, "eval.publish", "evaluation", *id, NULL,
				  json, e)))
		goto fail;
	rc = store_commit(c->st, e);
	free(json);
	return rc;
fail:
	store_rollback(c->st);
	free(json);
	return rc;
}

struct bload {
	struct burden *b;
	size_t cap;
};

static int burden_row(const struct burden_row *row, void *arg)
{
	struct bload *l = arg;

	if (l->b->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->b->rows = xreallocarray(l->b->rows, l->cap,
					   sizeof(*l->b->rows));
	}
	l->b->rows[l->b->n] = *row;
	l->b->rows[l->b->n++].unit = xstrdup(row->unit);
	return 0;
}

enum lserr svc_burden(struct ctx *c, const char *unit, const char *period,
		      struct burden *out, struct err *e)
{
	struct period p;
	struct unit u;
	struct bload l;
	char year[8];
	int y, m, d;
	enum lserr rc;

	memset(out, 0, sizeof(*out));
	out->cap = c->settings.inspection_cap;
	if (!period) {
		date_to_ymd(c->today, &y, &m, &d);
		snprintf(year, sizeof(year), "%04d", y);
		period = year;
	}
	if ((rc = period_parse(period, &p, e)) ||
	    (rc = ctx_require(c, PERM_READ, e)))
		return rc;
	unit_init(&u);
	l.b = out;
	l.cap = 0;
	if (!unit || !(rc = svc_unit_in_scope(c, unit, "unit", &u, e)))
		rc = store_burden_each(c->st, c->actor.scope.all ? NULL :
				       c->actor.scope.path, unit, p.first,
				       p.last, burden_row, &l, e);
	unit_release(&u);
	return rc;
}

void burden_release(struct burden *b)
{
	for (size_t i = 0; i < b->n; i++)
		free((char *)b->rows[i].unit);
	free(b->rows);
	memset(b, 0, sizeof(*b));
}

bool burden_over_cap(const struct burden_row *b, int cap)
{
	return b->inspections > cap;
}

void shape_burden_row(struct jw *w, const struct burden_row *b, int cap)
{
	char m[8];

	jw_obj(w);
	jw_kstr(w, "unit", b->unit);
	jw_kstr(w, "month", month_format(b->month, m));
	jw_kint(w, "reports", b->reports);
	jw_kint(w, "urges", b->urges);
	jw_kint(w, "inspections", b->inspections);
	jw_kint(w, "evaluations", b->evaluations);
	jw_kint(w, "inspection_cap", cap);
	jw_kbool(w, "over_cap", burden_over_cap(b, cap));
	jw_obj_end(w);
}
