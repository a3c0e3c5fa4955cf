/*
 * Policies: writes with validation, permission, scope and audit, and
 * the scoped reads (one policy, or the list streamed from the store with
 * each row's links read beside it; policies number in the hundreds, not
 * millions). Filters on the effective status are applied here, on the
 * stream, so the rule stays in core/policy.c and out of SQL.
 */
#include "svc/policies.h"
#include "svc/audit.h"
#include "svc/units.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

void policy_view_init(struct policy_view *v)
{
	memset(v, 0, sizeof(*v));
	policy_init(&v->p);
}

void policy_view_release(struct policy_view *v)
{
	policy_release(&v->p);
	free(v->goals);
	free(v->tasks);
	policy_view_init(v);
}

static void id_push(long long **a, size_t *n, size_t *cap, long long id)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 8;
		*a = xreallocarray(*a, *cap, sizeof(**a));
	}
	(*a)[(*n)++] = id;
}

static int add_link(bool task, long long id, void *arg)
{
	struct policy_view *v = arg;

	if (task)
		id_push(&v->tasks, &v->ntasks, &v->cap_tasks, id);
	else
		id_push(&v->goals, &v->ngoals, &v->cap_goals, id);
	return 0;
}

static enum lserr load_links(struct ctx *c, struct policy_view *v,
			     struct err *e)
{
	v->ngoals = 0;
	v->ntasks = 0;
	return store_policy_links(c->st, v->p.id, add_link, v, e);
}

static void ids(struct jw *w, const char *key, const long long *a, size_t n)
{
	jw_key(w, key);
	jw_arr(w);
	for (size_t i = 0; i < n; i++)
		jw_int(w, a[i]);
	jw_arr_end(w);
}

static void policy_fields(struct jw *w, const struct policy_view *v,
			  const struct ctx *c)
{
	const struct policy *p = &v->p;

	jw_kint(w, "id", p->id);
	jw_kstr(w, "title", p->title);
	jw_kstr(w, "issuer", p->issuer);
	jw_kstr(w, "level", policy_level_name(p->level));
	jw_kdate(w, "issued_on", p->issued);
	jw_kdate(w, "window_open", p->open);
	jw_kdate(w, "window_close", p->close);
	jw_kstr(w, "unit", p->unit);
	if (c) {
		jw_kstr(w, "status", policy_status_name(
				policy_effective(p->status, p->close,
						 c->today)));
		jw_kstr(w, "recorded_status", policy_status_name(p->status));
		jw_kbool(w, "closing", policy_closing(
				 p->status, p->close, c->today,
				 c->settings.policy_warn_days));
		jw_kint(w, "days_left", (long long)p->close - c->today);
	} else {
		/* the record form: no field that depends on the day */
		jw_kstr(w, "status", policy_status_name(p->status));
	}
	jw_kstr(w, "value", p->value);
	ids(w, "goals", v->goals, v->ngoals);
	ids(w, "tasks", v->tasks, v->ntasks);
	jw_kstr(w, "created_at", p->created_at);
	jw_kint(w, "version", p->version);
}

void shape_policy(struct jw *w, const struct ctx *c,
		  const struct policy_view *v)
{
	jw_obj(w);
	policy_fields(w, v, c);
	jw_obj_end(w);
}

static char *policy_json(const struct policy_view *v)
{
	struct jw_text x;
	struct jw *w = jw_text_begin(&x);

	jw_obj(w);
	policy_fields(w, v, NULL);
	jw_obj_end(w);
	return jw_text_end(&x);
}

/* Loads a policy whose unit the actor sees, with its links. */
static enum lserr policy_in_scope(struct ctx *c, long long id,
				  struct policy_view *v, struct err *e)
{
	struct unit u;
	enum lserr rc = store_policy_get(c->st, id, &v->p, e);

	unit_init(&u);
	if (rc == LS_OK && (store_unit_get(c->st, v->p.unit, &u, e) ||
			    !scope_covers(&c->actor.scope, u.path)))
		rc = err_set(e, LS_ENOTFOUND, "id", "policy '%lld' not found",
			     id);
	unit_release(&u);
	if (rc == LS_OK)
		rc = load_links(c, v, e);
	return rc;
}

static enum lserr check_version(long long id, long long have,
				long long if_version, struct err *e)
{
	if (if_version && if_version != have)
		return err_set(e, LS_EVERSION, "version", "policy %lld has "
			       "version %lld, not %lld", id, have,
			       if_version);
	return LS_OK;
}

static enum lserr check_settable(struct ctx *c, long long id,
				 enum policy_status to, int close,
				 struct err *e)
{
	char d[DATE_STRLEN];

	if (policy_status_settable(to, close, c->today))
		return LS_OK;
	date_format(close, d);
	if (id)
		return err_set(e, LS_ECONFLICT, "status", "the window of "
			       "policy %lld closed on %s: status '%s' is no "
			       "longer possible (landed or missed)", id, d,
			       policy_status_name(to));
	return err_set(e, LS_ECONFLICT, "status", "the window closed on %s: "
		       "status '%s' is no longer possible (landed or missed)",
		       d, policy_status_name(to));
}

static enum lserr check_input(const struct policy_input *in,
			      struct policy *p, struct err *e)
{
	char a[DATE_STRLEN], b[DATE_STRLEN];
	enum lserr rc;

	if ((rc = check_text("title", in->title, 500, true, e)) ||
	    (rc = check_text("issuer", in->issuer, 200, true, e)) ||
	    (rc = check_text("value", in->value, 500, false, e)))
		return rc;
	if (!policy_level_parse(in->level, &p->level))
		return err_set(e, LS_EINVAL, "level", "invalid level '%s' "
			       "(national, provincial or municipal)",
			       in->level ? in->level : "");
	if (in->issued == DATE_NONE)
		return err_set(e, LS_EINVAL, "issued_on", "a policy needs "
			       "its issue date (issued_on, --issued)");
	if (in->open == DATE_NONE)
		return err_set(e, LS_EINVAL, "window_open", "a policy needs "
			       "its window's first day (window_open, --open)");
	if (in->close == DATE_NONE)
		return err_set(e, LS_EINVAL, "window_close", "a policy needs "
			       "its window's last day (window_close, "
			       "--close)");
	switch (policy_dates_check(in->issued, in->open, in->close)) {
	case POLICY_OPEN_AFTER_CLOSE:
		return err_set(e, LS_EINVAL, "window_open", "window_open "
			       "%s is after window_close %s",
			       date_format(in->open, a),
			       date_format(in->close, b));
	case POLICY_ISSUED_AFTER_CLOSE:
		return err_set(e, LS_EINVAL, "issued_on", "issued_on %s is "
			       "after window_close %s",
			       date_format(in->issued, a),
			       date_format(in->close, b));
	case POLICY_DATES_OK:
		break;
	}
	if (!in->unit)
		return err_set(e, LS_EINVAL, "unit", "a policy needs its "
			       "responsible unit");
	p->status = POLICY_WATCHING;
	if (in->status && !policy_status_parse(in->status, &p->status))
		return err_set(e, LS_EINVAL, "status", "invalid status '%s' "
			       "(watching, applying, landed or missed)",
			       in->status);
	p->title = in->title;
	p->issuer = in->issuer;
	p->issued = in->issued;
	p->open = in->open;
	p->close = in->close;
	p->unit = in->unit;
	p->value = in->value && *in->value ? in->value : NULL;
	return LS_OK;
}

enum lserr svc_policy_add(struct ctx *c, const struct policy_input *in,
			  long long *id, struct err *e)
{
	struct policy_view v;
	struct unit u;
	char *json = NULL;
	enum lserr rc;

	policy_view_init(&v);
	unit_init(&u);
	if ((rc = check_input(in, &v.p, e)) ||
	    (in->status && (rc = check_settable(c, 0, v.p.status, in->close,
						e))) ||
	    (rc = ctx_require(c, PERM_POLICY_EDIT, e)) ||
	    (rc = store_begin(c->st, e)))
		goto out;
	v.p.created_at = c->now;
	if ((rc = svc_unit_in_scope(c, in->unit, "unit", &u, e)) ||
	    (rc = store_policy_insert(c->st, &v.p, id, e)))
		goto fail;
	v.p.id = *id;
	json = policy_json(&v);
	if ((rc = audit_record_id(c, "policy.add", "policy", *id, NULL, json,
				  e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(json);
	free(v.goals);
	free(v.tasks);
	buf_release(&v.p.arena);
	unit_release(&u);
	return rc;
}

enum lserr svc_policy_update(struct ctx *c, long long id, const char *status,
			     const char *value, bool has_value,
			     long long if_version, struct err *e)
{
	struct policy_view v;
	enum policy_status to = POLICY_WATCHING;
	char *before = NULL, *after = NULL;
	enum lserr rc;

	if (!status && !has_value)
		return err_set(e, LS_EINVAL, "status", "nothing to change: "
			       "give status or value");
	if (status && !policy_status_parse(status, &to))
		return err_set(e, LS_EINVAL, "status", "invalid status '%s' "
			       "(watching, applying, landed or missed)",
			       status);
	if (has_value && (rc = check_text("value", value, 500, false, e)))
		return rc;
	if ((rc = ctx_require(c, PERM_POLICY_EDIT, e)))
		return rc;
	policy_view_init(&v);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = policy_in_scope(c, id, &v, e)) ||
	    (rc = check_version(id, v.p.version, if_version, e)) ||
	    (status && (rc = check_settable(c, id, to, v.p.close, e))))
		goto fail;
	before = policy_json(&v);
	if (status)
		v.p.status = to;
	if (has_value)
		v.p.value = value && *value ? value : NULL;
	if ((rc = store_policy_update(c->st, &v.p, e)))
		goto fail;
	v.p.version++;
	after = policy_json(&v);
	if ((rc = audit_record_id(c, "policy.update", "policy", id, before,
				  after, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(before);
	free(after);
	policy_view_release(&v);
	return rc;
}

/* The goal or task to link must exist and be visible to the actor. */
static enum lserr link_target_in_scope(struct ctx *c, long long goal_id,
				       long long task_id, struct err *e)
{
	struct goal g;
	struct task t;
	struct unit u;
	enum lserr rc;

	if (task_id) {
		task_init(&t);
		rc = store_task_get(c->st, task_id, &c->actor.scope, &t, e);
		task_release(&t);
		if (rc == LS_ENOTFOUND)
			err_set(e, rc, "task_id", "task '%lld' not found",
				task_id);
		return rc;
	}
	goal_init(&g);
	unit_init(&u);
	rc = store_goal_get(c->st, goal_id, &g, e);
	if (rc == LS_OK && (store_unit_get(c->st, g.unit, &u, e) ||
			    !scope_covers(&c->actor.scope, u.path)))
		rc = LS_ENOTFOUND;
	if (rc == LS_ENOTFOUND)
		err_set(e, rc, "goal_id", "goal '%lld' not found", goal_id);
	goal_release(&g);
	unit_release(&u);
	return rc;
}

enum lserr svc_policy_link(struct ctx *c, long long id, long long goal_id,
			   long long task_id, long long if_version,
			   struct err *e)
{
	struct policy_view v;
	char *before = NULL, *after = NULL;
	enum lserr rc;

	if ((goal_id > 0) == (task_id > 0))
		return err_set(e, LS_EINVAL, goal_id ? "task_id" : "goal_id",
			       "link one goal (goal_id, --goal) or one task "
			       "(task_id, --task)");
	if ((rc = ctx_require(c, PERM_POLICY_EDIT, e)))
		return rc;
	policy_view_init(&v);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = policy_in_scope(c, id, &v, e)) ||
	    (rc = check_version(id, v.p.version, if_version, e)) ||
	    (rc = link_target_in_scope(c, goal_id, task_id, e)))
		goto fail;
	before = policy_json(&v);
	if ((rc = store_policy_link(c->st, id, goal_id, task_id, e)) ||
	    (rc = store_policy_update(c->st, &v.p, e)) ||
	    (rc = load_links(c, &v, e)))
		goto fail;
	v.p.version++;
	after = policy_json(&v);
	if ((rc = audit_record_id(c, "policy.link", "policy", id, before,
				  after, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(before);
	free(after);
	policy_view_release(&v);
	return rc;
}

enum lserr svc_policy_get(struct ctx *c, long long id, struct policy_view *out,
			  struct err *e)
{
	enum lserr rc;

	policy_view_init(out);
	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	return policy_in_scope(c, id, out, e);
}

struct listing {
	struct ctx *c;
	const struct policy_filter *f;
	svc_policy_fn fn;
	void *arg;
	struct policy_view v;
	enum lserr rc;
	struct err *e;
};

static int list_one(const struct policy *p, void *arg)
{
	struct listing *l = arg;
	const struct policy_filter *f = l->f;
	int today = l->c->today;

	if (f->has_status &&
	    policy_effective(p->status, p->close, today) != f->status)
		return 0;
	if (f->closing_within >= 0 &&
	    !policy_closing(p->status, p->close, today, f->closing_within))
		return 0;
	/* the row borrows the store's record; links are read beside it */
	l->v.p = *p;
	if ((l->rc = load_links(l->c, &l->v, l->e)))
		return 1;
	return l->fn(&l->v, l->arg);
}

enum lserr svc_policy_list(struct ctx *c, const struct policy_filter *f,
			   svc_policy_fn fn, void *arg, struct err *e)
{
	struct listing l;
	struct unit u;
	const char *prefix = c->actor.scope.all ? NULL : c->actor.scope.path;
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	if (!c->actor.scope.all && !prefix)
		return LS_OK;	/* no unit: sees no policy */
	unit_init(&u);
	if (f->unit) {
		if ((rc = svc_unit_in_scope(c, f->unit, "unit", &u, e)))
			goto out;
		prefix = u.path;
	}
	memset(&l, 0, sizeof(l));
	l.c = c;
	l.f = f;
	l.fn = fn;
	l.arg = arg;
	l.e = e;
	rc = store_policy_each(c->st, prefix, list_one, &l, e);
	if (rc == LS_OK)
		rc = l.rc;
	free(l.v.goals);
	free(l.v.tasks);
out:
	unit_release(&u);
	return rc;
}
