/*
 * Goals and indicators: writes with validation and history, and the goal
 * forest (every goal with its indicators and linked tasks, rolled up by
 * core/goal.c). Goals are few (thousands), so the forest is built in
 * memory in one pass over each table: no per-goal queries.
 */
#include "svc/goals.h"
#include "svc/audit.h"
#include "svc/shape.h"
#include "svc/units.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static char *goal_json(const struct goal *g)
{
	struct jw_text x;

	shape_goal(jw_text_begin(&x), g);
	return jw_text_end(&x);
}

static char *indicator_json(const struct indicator *ind)
{
	struct jw_text x;
	struct jw *w = jw_text_begin(&x);

	jw_obj(w);
	shape_indicator_fields(w, ind);
	jw_obj_end(w);
	return jw_text_end(&x);
}

/* LS_EVERSION unless if_version is 0 or the stored version `have`. */
static enum lserr check_version(const char *what, long long id,
				long long have, long long if_version,
				struct err *e)
{
	if (if_version && if_version != have)
		return err_set(e, LS_EVERSION, "version", "%s %lld has "
			       "version %lld, not %lld", what, id, have,
			       if_version);
	return LS_OK;
}

static enum lserr check_weight(double weight, struct err *e)
{
	if (!(weight > 0 && weight <= 1000))
		return err_set(e, LS_EINVAL, "weight", "invalid value '%g' "
			       "for --weight (greater than 0, at most 1000)",
			       weight);
	return LS_OK;
}

/* Loads a goal the actor can see (its unit in scope). */
static enum lserr goal_in_scope(struct ctx *c, long long id, const char *field,
				struct goal *g, struct err *e)
{
	struct unit u;
	enum lserr rc = store_goal_get(c->st, id, g, e);

	unit_init(&u);
	if (rc == LS_OK && (store_unit_get(c->st, g->unit, &u, e) != LS_OK ||
			    !scope_covers(&c->actor.scope, u.path)))
		rc = LS_ENOTFOUND;
	if (rc == LS_ENOTFOUND)
		err_set(e, rc, field, "goal '%lld' not found", id);
	unit_release(&u);
	return rc;
}

enum lserr svc_goal_add(struct ctx *c, const char *title, const char *unit,
			int year, long long parent_id, double weight,
			long long *id, struct err *e)
{
	struct goal g, parent;
	struct unit u;
	char *json = NULL;
	enum lserr rc;

	if ((rc = check_text("title", title, 500, true, e)))
		return rc;
	if (!unit)
		return err_set(e, LS_EINVAL, "unit", "a goal needs a unit");
	if (year < 2000 || year > 2100)
		return err_set(e, LS_EINVAL, "year", "invalid year '%d' for "
			       "--year (2000..2100)", year);
	if ((rc = check_weight(weight, e)))
		return rc;
	if ((rc = ctx_require(c, PERM_GOAL_EDIT, e)))
		return rc;
	goal_init(&g);
	goal_init(&parent);
	unit_init(&u);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = svc_unit_in_scope(c, unit, "unit", &u, e)))
		goto fail;
	if (parent_id && (rc = goal_in_scope(c, parent_id, "parent_id",
					     &parent, e)))
		goto fail;
	g.title = title;
	g.unit = unit;
	g.year = year;
	g.parent_id = parent_id;
	g.weight = weight;
	g.created_at = c->now;
	if ((rc = store_goal_insert(c->st, &g, id, e)))
		goto fail;
	g.id = *id;
	json = goal_json(&g);
	if ((rc = audit_record_id(c, "goal.add", "goal", *id, NULL, json, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(json);
	buf_release(&g.arena);
	goal_release(&parent);
	unit_release(&u);
	return rc;
}

static enum lserr revise(struct ctx *c, const char *entity, long long id,
			 const char *field, double from, double to,
			 const char *reason, struct err *e)
{
	struct revision r;

	memset(&r, 0, sizeof(r));
	r.entity = entity;
	r.entity_id = id;
	r.field = field;
	r.old_value = from;
	r.new_value = to;
	r.reason = reason;
	r.by = c->actor.login;
	r.at = c->now;
	return store_revision_insert(c->st, &r, e);
}

enum lserr svc_goal_set_weight(struct ctx *c, long long id, double weight,
			       const char *reason, long long if_version,
			       struct err *e)
{
	struct goal g;
	char *before = NULL, *after = NULL;
	enum lserr rc;

	if ((rc = check_weight(weight, e)) ||
	    (rc = check_text("reason", reason, 0, false, e)) ||
	    (rc = ctx_require(c, PERM_GOAL_EDIT, e)))
		return rc;
	goal_init(&g);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = goal_in_scope(c, id, "id", &g, e)) ||
	    (rc = check_version("goal", id, g.version, if_version, e)))
		goto fail;
	before = goal_json(&g);
	if ((rc = revise(c, "goal", id, "weight", g.weight, weight, reason,
			 e)) ||
	    (rc = store_goal_set_weight(c->st, id, weight, g.version, e)))
		goto fail;
	g.weight = weight;
	after = goal_json(&g);
	if ((rc = audit_record_id(c, "goal.weight", "goal", id, before, after,
				  e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(before);
	free(after);
	goal_release(&g);
	return rc;
}

enum lserr svc_indicator_add(struct ctx *c, long long goal_id,
			     const struct indicator *in, long long *id,
			     struct err *e)
{
	struct indicator ind = *in;
	struct goal g;
	char *json = NULL;
	enum lserr rc;

	if ((rc = check_text("name", in->name, 200, true, e)) ||
	    (rc = check_text("measure", in->measure, 50, true, e)) ||
	    (rc = check_weight(in->weight, e)))
		return rc;
	if (!isfinite(in->baseline) || !isfinite(in->target))
		return err_set(e, LS_EINVAL, "target", "baseline and target "
			       "must be numbers");
	if ((rc = ctx_require(c, PERM_GOAL_EDIT, e)))
		return rc;
	goal_init(&g);
	buf_init(&ind.arena);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = goal_in_scope(c, goal_id, "goal_id", &g, e)))
		goto fail;
	ind.goal_id = goal_id;
	if ((rc = store_indicator_insert(c->st, &ind, id, e)))
		goto fail;
	ind.id = *id;
	ind.version = 1;
	json = indicator_json(&ind);
	if ((rc = audit_record_id(c, "indicator.add", "indicator", *id, NULL,
				  json, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(json);
	goal_release(&g);
	return rc;
}

/* Loads an indicator whose goal the actor can see. */
static enum lserr indicator_in_scope(struct ctx *c, long long id,
				     struct indicator *ind, struct err *e)
{
	struct goal g;
	enum lserr rc = store_indicator_get(c->st, id, ind, e);

	goal_init(&g);
	if (rc == LS_OK && goal_in_scope(c, ind->goal_id, "id", &g, e))
		rc = LS_ENOTFOUND;
	if (rc == LS_ENOTFOUND)
		err_set(e, rc, "id", "indicator '%lld' not found", id);
	goal_release(&g);
	return rc;
}

enum lserr svc_indicator_get(struct ctx *c, long long id,
			     struct indicator *out, struct err *e)
{
	return indicator_in_scope(c, id, out, e);
}

enum lserr svc_indicator_update(struct ctx *c, long long id, double target,
				double baseline, double weight,
				const char *reason, long long if_version,
				struct err *e)
{
	struct indicator ind;
	char *before = NULL, *after = NULL;
	enum lserr rc;

	if ((rc = check_text("reason", reason, 0, false, e)))
		return rc;
	if (!isnan(weight) && (rc = check_weight(weight, e)))
		return rc;
	if ((!isnan(target) && !isfinite(target)) ||
	    (!isnan(baseline) && !isfinite(baseline)))
		return err_set(e, LS_EINVAL, "target", "baseline and target "
			       "must be numbers");
	if (isnan(target) && isnan(baseline) && isnan(weight))
		return err_set(e, LS_EINVAL, "target", "nothing to change: "
			       "give --target, --baseline or --weight");
	if ((rc = ctx_require(c, PERM_GOAL_EDIT, e)))
		return rc;
	indicator_init(&ind);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = indicator_in_scope(c, id, &ind, e)) ||
	    (rc = check_version("indicator", id, ind.version, if_version, e)))
		goto fail;
	if (!isnan(target) && indicator_lowers(ind.direction, ind.target,
						  target) &&
	    (!reason || !*reason)) {
		rc = err_set(e, LS_EINVAL, "reason", "lowering the target of "
			     "indicator %lld from %g to %g needs --reason",
			     id, ind.target, target);
		goto fail;
	}
	before = indicator_json(&ind);
	if (!isnan(target) && target != ind.target) {
		if ((rc = revise(c, "indicator", id, "target", ind.target,
				 target, reason, e)))
			goto fail;
		ind.target = target;
	}
	if (!isnan(baseline) && baseline != ind.baseline) {
		if ((rc = revise(c, "indicator", id, "baseline", ind.baseline,
				 baseline, reason, e)))
			goto fail;
		ind.baseline = baseline;
	}
	if (!isnan(weight) && weight != ind.weight) {
		if ((rc = revise(c, "indicator", id, "weight", ind.weight,
				 weight, reason, e)))
			goto fail;
		ind.weight = weight;
	}
	if ((rc = store_indicator_update(c->st, &ind, ind.version, e)))
		goto fail;
	ind.version++;
	after = indicator_json(&ind);
	if ((rc = audit_record_id(c, "indicator.update", "indicator", id,
				  before, after, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(before);
	free(after);
	indicator_release(&ind);
	return rc;
}

enum lserr svc_indicator_value(struct ctx *c, long long id, int month,
			       bool actual, double value, long long if_version,
			       long long *version, struct err *e)
{
	struct indicator ind;
	struct buf b = BUF_INIT;
	struct jw w;
	char m[8];
	enum lserr rc;

	if (!isfinite(value))
		return err_set(e, LS_EINVAL, "value", "invalid --value");
	rc = ctx_require(c, actual ? PERM_INDICATOR_REPORT : PERM_GOAL_EDIT,
			 e);
	if (rc)
		return rc;
	indicator_init(&ind);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = indicator_in_scope(c, id, &ind, e)) ||
	    (rc = check_version("indicator", id, ind.version, if_version,
				e)) ||
	    (rc = store_indicator_value_put(c->st, id, month, actual, value,
					    ind.version, e)))
		goto fail;
	jw_init(&w, &b, NULL);
	jw_obj(&w);
	jw_kint(&w, "indicator_id", id);
	jw_kstr(&w, "month", month_format(month, m));
	jw_key(&w, actual ? "actual" : "plan");
	jw_numd(&w, value, 6);
	jw_obj_end(&w);
	if ((rc = audit_record_id(c, actual ? "indicator.report" :
				  "indicator.plan", "indicator", id, NULL,
				  b.ptr, e)))
		goto fail;
	if ((rc = store_commit(c->st, e)) == LS_OK && version)
		*version = ind.version + 1;
	goto out;
fail:
	store_rollback(c->st);
out:
	buf_release(&b);
	indicator_release(&ind);
	return rc;
}
