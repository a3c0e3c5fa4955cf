/*
 * The demo city's policy system and practice library (see demo_int.h),
 * planned last so that a seed keeps its tasks and evaluation system.
 * Policies get windows relative to the reference day T by their fate:
 * closing within 14 days (watching or applying), landed with a value,
 * watching far ahead, one missed. Practices are recorded by li for
 * 道里区 (when their goal is his) and by chen otherwise, two promoted by
 * wang, and two made by wang from commendations already planned.
 */
#include "svc/demo_int.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <string.h>

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static int imin(int a, int b)
{
	return a < b ? a : b;
}

/*
 * A task led by `unit` and created before day `before`, from a random
 * start; -1 when there is none.
 */
static int task_of(struct demo *d, const char *unit, int before)
{
	int n = (int)d->ntasks, k = demo_rnd(d, 0, n - 1);

	for (int i = 0; i < n; i++) {
		const struct demo_task *tp = &d->tasks[(k + i) % n];

		if (tp->created_at < before * 86400LL &&
		    !strcmp(tp->lead->code, unit))
			return (k + i) % n;
	}
	return -1;
}

/* The window of a policy of fate f, around T. */
static void plan_dates(struct demo *d, enum demo_fate f, struct demo_pol *p)
{
	int T = d->T;

	switch (f) {
	case DEMO_POL_CLOSING:
	case DEMO_POL_APPLYING:
		p->close = T + demo_rnd(d, 1, 13);
		p->open = T - demo_rnd(d, 25, 60);
		break;
	case DEMO_POL_MISSED:
		p->close = T - demo_rnd(d, 5, 20);
		p->open = p->close - demo_rnd(d, 30, 60);
		break;
	case DEMO_POL_LANDED:
		p->open = T - demo_rnd(d, 50, 80);
		p->close = p->open + demo_rnd(d, 40, 100);
		break;
	case DEMO_POL_AHEAD:
		p->open = T + demo_rnd(d, -20, 30);
		p->close = T + demo_rnd(d, 60, 150);
		break;
	}
	p->issued = imin(p->open, T - 20) - demo_rnd(d, 0, 15);
}

/*
 * One policy in its own slice: added by wang a few days after its issue
 * and linked to its goal, applied for and landed by its fate, linked to
 * a task of its unit later.
 */
static void plan_one(struct demo *d, int i)
{
	const struct demo_policy *dp = &demo_policies[i];
	struct demo_pol *p = &d->pols[d->npols];
	struct demo_ev *v;
	int add, apply, link, t;

	memset(p, 0, sizeof(*p));
	p->ref = i;
	plan_dates(d, dp->fate, p);
	add = demo_wd(d, imax(p->issued + 1, d->setup + 1),
		      imax(p->issued + 7, d->setup + 7));
	demo_slice_begin(d);
	demo_ev_new(d, DEMO_EV_POLICY, add, "wang")->ref = (int)d->npols;
	if (dp->goal >= 0) {
		v = demo_ev_new(d, DEMO_EV_POLICY_LINK, add, "wang");
		v->ref = (int)d->npols;
		v->sub = dp->goal;
		v->day = -1;
	}
	if (dp->fate == DEMO_POL_APPLYING || dp->fate == DEMO_POL_LANDED) {
		apply = demo_wd(d, add + 2, imin(add + 20, d->T - 2));
		v = demo_ev_new(d, DEMO_EV_POLICY_SET, apply, "wang");
		v->ref = (int)d->npols;
		v->text = "applying";
		if (dp->fate == DEMO_POL_LANDED) {
			v = demo_ev_new(d, DEMO_EV_POLICY_SET,
					demo_wd(d, apply + 7,
						imin(apply + 40, d->T - 1)),
					"wang");
			v->ref = (int)d->npols;
			v->text = "landed";
			v->text2 = dp->value;
		}
	}
	link = demo_wd(d, add + 1, d->T - 1);
	if ((t = task_of(d, dp->unit, link)) >= 0) {
		v = demo_ev_new(d, DEMO_EV_POLICY_LINK, link, "wang");
		v->ref = (int)d->npols;
		v->sub = -1;
		v->day = t;
	}
	demo_slice_end(d);
	d->npols++;
}

/* The day of commendation `reason`'s event, or DATE_NONE. */
static int merit_day(struct demo *d, const char *reason, int *ref)
{
	for (size_t i = 0; i < d->nev; i++) {
		const struct demo_ev *v = &d->ev[i];

		if (v->kind == DEMO_EV_MERIT &&
		    !strcmp(demo_merits[v->ref].reason, reason)) {
			*ref = v->ref;
			return v->on;
		}
	}
	return DATE_NONE;
}

/* One practice in its own slice, with its promotion. */
static void plan_practice(struct demo *d, int i)
{
	const struct demo_practice *dp = &demo_practices[i];
	/* li sees 道里区 only: chen records what links a city goal */
	const char *actor = !strcmp(dp->unit, "HRB-DL") && (dp->goal < 0 ||
		!strcmp(demo_goals[dp->goal].unit, "HRB-DL")) ? "li" : "chen";
	struct demo_ev *v;
	int day, merit = -1;

	if (dp->merit) {
		int on = merit_day(d, dp->merit, &merit);

		if (on == DATE_NONE)
			return;
		day = demo_wd(d, on + 1, imin(on + 20, d->T - 1));
		actor = "wang";
	} else {
		day = demo_wd(d, d->T - 75, d->T - 5);
	}
	demo_slice_begin(d);
	v = demo_ev_new(d, DEMO_EV_PRACTICE, day, actor);
	v->ref = i;
	v->sub = merit;
	v->day = task_of(d, dp->unit, day);
	if (dp->promote) {
		v = demo_ev_new(d, DEMO_EV_PROMOTE,
				demo_wd(d, day + 3, imin(day + 30, d->T - 1)),
				"wang");
		v->ref = i;
		v->text = dp->promote;
	}
	demo_slice_end(d);
}

void demo_plan_policy(struct demo *d)
{
	size_t n = DEMO_COUNT(demo_policies);

	d->pols = xcalloc(n ? n : 1, sizeof(*d->pols));
	for (int i = 0; demo_policies[i].title; i++)
		plan_one(d, i);
	for (int i = 0; demo_practices[i].unit; i++)
		plan_practice(d, i);
}
