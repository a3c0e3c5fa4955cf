/*
 * Inspections (检查) with their rectification tasks (整改) and the monthly
 * inspection cap (减负), and commendations / accountability (表彰/问责).
 * Rectification tasks are created through svc_task_add inside the
 * inspection's transaction, so every task rule and audit entry applies
 * and a refused item leaves nothing behind.
 */
#include "svc/eval.h"
#include "svc/audit.h"
#include "svc/shape.h"
#include "svc/tasks.h"
#include "svc/units.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum lserr rectify_parse(const char *s, struct rectify *out, struct err *e)
{
	const char *at = s ? strrchr(s, '@') : NULL;

	out->title = NULL;
	if (!at || at == s || !date_parse(at + 1, &out->due))
		return err_set(e, LS_EINVAL, "rectify", "invalid value '%s' "
			       "for --rectify (expected TITLE@YYYY-MM-DD)",
			       s ? s : "");
	out->title = xstrndup(s, (size_t)(at - s));
	return LS_OK;
}

static const char *scope_prefix(const struct ctx *c)
{
	return c->actor.scope.all ? NULL : c->actor.scope.path;
}

static void inspection_fields(struct jw *w, const struct inspection *in)
{
	jw_kint(w, "id", in->id);
	jw_kstr(w, "unit", in->unit);
	jw_kdate(w, "on", in->on);
	jw_knum2(w, "score", in->score);
	jw_kstr(w, "findings", in->findings);
	jw_kstr(w, "inspectors", in->inspectors);
	jw_kstr(w, "over_cap", in->over_cap);
	jw_kstr(w, "by", in->by);
	jw_kstr(w, "at", in->at);
}

void shape_inspection_row(struct jw *w, const struct inspection *in)
{
	jw_obj(w);
	inspection_fields(w, in);
	jw_obj_end(w);
}

void shape_inspection(struct jw *w, struct ctx *c,
		      const struct inspection_view *v)
{
	jw_obj(w);
	inspection_fields(w, &v->in);
	jw_key(w, "rectifications");
	jw_arr(w);
	for (size_t i = 0; i < v->ntasks; i++) {
		const struct task *t = &v->tasks[i];
		struct task_view tv;

		task_view_of(&tv, t, c->today, &c->settings);
		jw_obj(w);
		jw_kint(w, "id", t->id);
		jw_kstr(w, "title", t->title);
		jw_kdate(w, "due", t->due);
		jw_kstr(w, "status", task_status_name(t->status));
		jw_kstr(w, "light", light_name(tv.light));
		jw_kdate(w, "closed_on", t->status == TASK_DONE ?
			 t->closed_on : DATE_NONE);
		/* null while open (or cancelled): not decided yet */
		if (t->status == TASK_DONE)
			jw_kbool(w, "rectified_on_time",
				 t->closed_on <= t->due);
		else
			jw_knull(w, "rectified_on_time");
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

static char *inspection_json(const struct inspection *in)
{
	struct jw_text x;

	shape_inspection_row(jw_text_begin(&x), in);
	return jw_text_end(&x);
}

/* Checks the month's count against the cap: a warning, or a conflict. */
static enum lserr check_cap(struct ctx *c, const struct inspect_input *in,
			    char *warning, size_t wlen, struct err *e)
{
	struct period month;
	char key[8];
	long long n;
	int cap = c->settings.inspection_cap;
	enum lserr rc;

	if ((rc = period_parse(month_format(date_month_key(in->on), key),
			       &month, e)) ||
	    (rc = store_inspection_count(c->st, in->unit, month.first,
					 month.last, &n, e)))
		return rc;
	n++;			/* with this one */
	if (n > cap && !in->over_cap)
		return err_set(e, LS_ECONFLICT, "over_cap", "unit '%s' "
			       "already has %lld inspections in %s "
			       "(inspection_cap %d); give --over-cap REASON "
			       "to exceed it", in->unit, n - 1, key, cap);
	if (n == cap)
		snprintf(warning, wlen, "inspection %lld of %d for unit "
			 "'%s' in %s reaches inspection_cap", n, cap,
			 in->unit, key);
	else if (n > cap)
		snprintf(warning, wlen, "inspection %lld for unit '%s' in "
			 "%s exceeds inspection_cap %d (reason recorded)", n,
			 in->unit, key, cap);
	return LS_OK;
}

static enum lserr add_rectification(struct ctx *c, long long insp_id,
				    const char *unit,
				    const struct rectify *r, struct err *e)
{
	struct task_input ti;
	struct task t;
	char source[64];
	enum lserr rc;

	task_input_init(&ti);
	snprintf(source, sizeof(source), "整改 inspection #%lld", insp_id);
	ti.title = r->title;
	ti.lead = unit;
	ti.due = r->due;
	ti.source = source;
	task_init(&t);
	rc = svc_task_add(c, &ti, &t, e);
	if (rc == LS_OK)
		rc = store_task_set_inspection(c->st, t.id, insp_id, e);
	task_release(&t);
	return rc;
}

enum lserr svc_inspect_add(struct ctx *c, const struct inspect_input *in,
			   long long *id, char *warning, size_t wlen,
			   struct err *e)
{
	struct inspection ins;
	struct unit u;
	char *json = NULL;
	enum lserr rc;

	warning[0] = '\0';
	if (!in->unit)
		return err_set(e, LS_EINVAL, "unit", "an inspection needs a "
			       "unit");
	if (in->on == DATE_NONE)
		return err_set(e, LS_EINVAL, "on", "an inspection needs a "
			       "date (on)");
	if (!(in->score >= 0 && in->score <= 100))
		return err_set(e, LS_EINVAL, "score", "invalid value '%g' "
			       "for score (0..100)", in->score);
	if ((rc = check_text("findings", in->findings, 0, false, e)) ||
	    (rc = check_text("inspectors", in->inspectors, 500, false, e)) ||
	    (rc = check_text("over_cap", in->over_cap, 1000, false, e)))
		return rc;
	if ((rc = ctx_require(c, PERM_EVALUATE, e)))
		return rc;
	inspection_init(&ins);
	unit_init(&u);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = svc_unit_in_scope(c, in->unit, "unit", &u, e)) ||
	    (rc = check_cap(c, in, warning, wlen, e)))
		goto fail;
	ins.unit = in->unit;
	ins.on = in->on;
	ins.score = in->score;
	ins.findings = in->findings && *in->findings ? in->findings : NULL;
	ins.inspectors = in->inspectors && *in->inspectors ?
		in->inspectors : NULL;
	ins.over_cap = in->over_cap && *in->over_cap ? in->over_cap : NULL;
	ins.by = c->actor.login;
	ins.at = c->now;
	if ((rc = store_inspection_insert(c->st, &ins, id, e)))
		goto fail;
	ins.id = *id;
	json = inspection_json(&ins);
	if ((rc = audit_record_id(c, "inspection.add", "inspection", *id,
				  NULL, json, e)))
		goto fail;
	for (int i = 0; i < in->nitems; i++)
		if ((rc = add_rectification(c, *id, in->unit, &in->items[i],
					    e)))
			goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
	warning[0] = '\0';
out:
	free(json);
	buf_release(&ins.arena);
	unit_release(&u);
	return rc;
}

/* The inspection's unit must be in scope; else not found. */
static enum lserr inspection_in_scope(struct ctx *c, long long id,
				      struct inspection *in, struct err *e)
{
	struct unit u;
	enum lserr rc = store_inspection_get(c->st, id, in, e);

	unit_init(&u);
	if (rc == LS_OK && (store_unit_get(c->st, in->unit, &u, e) ||
			    !scope_covers(&c->actor.scope, u.path)))
		rc = err_set(e, LS_ENOTFOUND, "id", "inspection '%lld' not "
			     "found", id);
	unit_release(&u);
	return rc;
}

enum lserr svc_inspect_get(struct ctx *c, long long id,
			   struct inspection_view *out, struct err *e)
{
	long long *ids = NULL;
	size_t n = 0;
	enum lserr rc;

	memset(out, 0, sizeof(*out));
	inspection_init(&out->in);
	if ((rc = ctx_require(c, PERM_READ, e)) ||
	    (rc = inspection_in_scope(c, id, &out->in, e)) ||
	    (rc = store_rectification_ids(c->st, id, &ids, &n, e)))
		goto out;
	out->tasks = xcalloc(n ? n : 1, sizeof(*out->tasks));
	for (size_t i = 0; i < n; i++) {
		task_init(&out->tasks[i]);
		out->ntasks++;
		if ((rc = store_task_get(c->st, ids[i], NULL, &out->tasks[i],
					 e)))
			break;
	}
out:
	free(ids);
	return rc;
}

void inspection_view_release(struct inspection_view *v)
{
	for (size_t i = 0; i < v->ntasks; i++)
		task_release(&v->tasks[i]);
	free(v->tasks);
	inspection_release(&v->in);
	memset(v, 0, sizeof(*v));
}

enum lserr svc_inspect_list(struct ctx *c, const char *unit,
			    const struct period *p, store_inspection_fn fn,
			    void *arg, struct err *e)
{
	struct unit u;
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	unit_init(&u);
	if (!unit || !(rc = svc_unit_in_scope(c, unit, "unit", &u, e)))
		rc = store_inspection_each(c->st, scope_prefix(c), unit,
					   p ? p->first : DATE_NONE,
					   p ? p->last : DATE_NONE, fn, arg,
					   e);
	unit_release(&u);
	return rc;
}

void shape_merit(struct jw *w, const struct merit *m)
{
	jw_obj(w);
	jw_kint(w, "id", m->id);
	jw_kstr(w, "kind", m->kind);
	jw_kstr(w, "unit", m->unit);
	jw_kstr(w, "person", m->person);
	jw_kdate(w, "on", m->on);
	jw_knum2(w, "points", m->points);
	jw_kstr(w, "reason", m->reason);
	jw_kstr(w, "by", m->by);
	jw_kstr(w, "at", m->at);
	jw_obj_end(w);
}

/* Copies the borrowed strings of m into its arena (the caller keeps it). */
static void merit_own(struct merit *m)
{
	const char **f[] = { &m->kind, &m->unit, &m->person, &m->reason,
			     &m->by, &m->at };
	size_t off[6];

	buf_reset(&m->arena);
	for (int i = 0; i < 6; i++) {
		off[i] = (size_t)-1;
		if (*f[i]) {
			off[i] = m->arena.len;
			buf_add(&m->arena, *f[i], strlen(*f[i]) + 1);
		}
	}
	for (int i = 0; i < 6; i++)
		*f[i] = off[i] == (size_t)-1 ? NULL : m->arena.ptr + off[i];
}

static char *merit_json(const struct merit *m)
{
	struct jw_text x;

	shape_merit(jw_text_begin(&x), m);
	return jw_text_end(&x);
}

enum lserr svc_merit_add(struct ctx *c, const struct merit_input *in,
			 struct merit *out, struct err *e)
{
	struct unit u;
	struct user person;
	char *json = NULL;
	long long id;
	enum lserr rc;

	if (!in->unit == !in->person)
		return err_set(e, LS_EINVAL, in->unit ? "person" : "unit",
			       "give exactly one of unit and person");
	if (in->on == DATE_NONE)
		return err_set(e, LS_EINVAL, "on", "missing date (on)");
	if (!(in->points > 0 && in->points <= 100))
		return err_set(e, LS_EINVAL, "points", "invalid value '%g' "
			       "for points (greater than 0, at most 100)",
			       in->points);
	if ((rc = check_text("reason", in->reason, 2000, true, e)) ||
	    (rc = ctx_require(c, PERM_EVALUATE, e)))
		return rc;
	unit_init(&u);
	user_init(&person);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if (in->person) {
		if ((rc = svc_user_in_scope(c, in->person, "person", &person,
					    e)))
			goto fail;
		if (!person.unit) {
			rc = err_set(e, LS_EINVAL, "person", "user '%s' has "
				     "no unit", in->person);
			goto fail;
		}
	} else if ((rc = svc_unit_in_scope(c, in->unit, "unit", &u, e))) {
		goto fail;
	}
	out->kind = in->kind;
	out->unit = in->person ? person.unit : in->unit;
	out->person = in->person;
	out->on = in->on;
	out->points = in->points;
	out->reason = in->reason;
	out->by = c->actor.login;
	out->at = c->now;
	if ((rc = store_merit_insert(c->st, out, &id, e)))
		goto fail;
	out->id = id;
	json = merit_json(out);
	merit_own(out);
	if ((rc = audit_record_id(c, !strcmp(in->kind, "commend") ?
				  "commendation.add" : "accountability.add",
				  "merit", id, NULL, json, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(json);
	unit_release(&u);
	user_release(&person);
	return rc;
}

enum lserr svc_merit_list(struct ctx *c, struct merit_filter *f,
			  store_merit_fn fn, void *arg, struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	f->prefix = scope_prefix(c);
	return store_merit_each(c->st, f, fn, arg, e);
}
