/*
 * Cadre ballots: recording one (validation, who may rate whom, the audit
 * entry with before and after) and listing the actor's own. Grading is in
 * cadre_grade.c.
 */
#include "svc/cadre.h"
#include "core/period.h"
#include "svc/audit.h"
#include "svc/units.h"

#include <stdlib.h>
#include <string.h>

enum lserr svc_cadre_period(const char *period, int *first, int *last,
			    struct err *e)
{
	struct period p;
	enum lserr rc;

	if (!period || !*period)
		return err_set(e, LS_EINVAL, "period", "missing value for "
			       "period (YYYY, YYYY-Qn or YYYY-MM)");
	if ((rc = period_parse(period, &p, e)))
		return rc;
	*first = p.first;
	*last = p.last;
	return LS_OK;
}

void shape_rating(struct jw *w, const struct rating *r, bool derived)
{
	jw_obj(w);
	jw_kint(w, "id", r->id);
	jw_kstr(w, "login", r->login);
	jw_kstr(w, "period", r->period);
	jw_kstr(w, "rater", r->rater);
	jw_kstr(w, "type", rater_type_name(r->type));
	for (int d = 0; d < CADRE_NDIM; d++)
		jw_kint(w, cadre_dim_name((enum cadre_dim)d), r->score[d]);
	if (derived)
		jw_knum2(w, "score", cadre_rater_score(r->score));
	jw_kstr(w, "veto", r->veto);
	jw_kstr(w, "recorded_by", r->by);
	jw_kstr(w, "at", r->at);
	jw_obj_end(w);
}

static char *rating_json(const struct rating *r)
{
	struct jw_text x;

	shape_rating(jw_text_begin(&x), r, false);
	return jw_text_end(&x);
}

static enum lserr check_ballot(const struct rating *r, struct err *e)
{
	int first, last;
	enum lserr rc;

	if (!r->login || !*r->login)
		return err_set(e, LS_EINVAL, "login", "missing value for "
			       "login (the person rated)");
	if ((rc = svc_cadre_period(r->period, &first, &last, e)))
		return rc;
	for (int d = 0; d < CADRE_NDIM; d++) {
		const char *name = cadre_dim_name((enum cadre_dim)d);

		if (r->score[d] < 0 || r->score[d] > 100)
			return err_set(e, LS_EINVAL, name, "invalid score "
				       "'%d' for %s (an integer 0..100)",
				       r->score[d], name);
	}
	if (r->veto && !*r->veto)
		return err_set(e, LS_EINVAL, "veto", "empty veto: give the "
			       "reason (e.g. integrity)");
	return check_text("veto", r->veto, 500, false, e);
}

/* Who may record this ballot (403 otherwise); nothing is read yet. */
static enum lserr may_rate(struct ctx *c, const struct rating *r,
			   struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_CADRE_RATE, e)))
		return rc;
	if (!strcmp(r->login, r->rater))
		return err_set(e, LS_EFORBIDDEN, "login", "'%s' may not rate "
			       "themselves", r->rater);
	if (strcmp(r->rater, c->actor.login))
		return ctx_require(c, PERM_CADRE_RECORD, e);
	return LS_OK;
}

/*
 * The people of the ballot: a recorder (rating for someone else) must
 * see both; a rater rates anyone who exists. The rated must belong to a
 * unit: the quota is per unit.
 */
static enum lserr ballot_people(struct ctx *c, const struct rating *r,
				struct err *e)
{
	struct user rated, rater;
	bool self = !strcmp(r->rater, c->actor.login);
	enum lserr rc;

	user_init(&rated);
	user_init(&rater);
	if (self)
		rc = svc_user_get(c, r->login, "login", &rated, e);
	else if (!(rc = svc_user_in_scope(c, r->rater, "rater", &rater, e)))
		rc = svc_user_in_scope(c, r->login, "login", &rated, e);
	if (!rc && !rated.unit)
		rc = err_set(e, LS_EINVAL, "login", "user '%s' belongs to no "
			     "unit and cannot be assessed", r->login);
	user_release(&rated);
	user_release(&rater);
	return rc;
}

enum lserr svc_cadre_rate(struct ctx *c, struct rating *r, bool *replaced,
			  struct err *e)
{
	struct rating old;
	char *before = NULL, *after = NULL;
	enum lserr rc;

	if (!r->rater)
		r->rater = c->actor.login;
	if ((rc = check_ballot(r, e)) || (rc = may_rate(c, r, e)))
		return rc;
	rating_init(&old);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = ballot_people(c, r, e)))
		goto fail;
	rc = store_rating_get(c->st, r->login, r->period, r->rater, &old, e);
	if (rc && rc != LS_ENOTFOUND)
		goto fail;
	*replaced = rc == LS_OK;
	if (*replaced)
		before = rating_json(&old);
	r->by = c->actor.login;
	r->at = c->now;
	if ((rc = store_rating_put(c->st, r, &r->id, e)))
		goto fail;
	after = rating_json(r);
	if ((rc = audit_record_id(c, "cadre.rate", "cadre_rating", r->id,
				  before, after, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(before);
	free(after);
	rating_release(&old);
	return rc;
}

enum lserr svc_cadre_ratings(struct ctx *c, const char *period,
			     store_rating_fn fn, void *arg, struct err *e)
{
	int first, last;
	enum lserr rc;

	if ((rc = svc_cadre_period(period, &first, &last, e)))
		return rc;
	return store_rating_each_rater(c->st, c->actor.login, period, fn,
				       arg, e);
}
