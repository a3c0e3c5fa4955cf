/*
 * Planning the demo city's history (see demo_int.h): the randomness and
 * the event slices, then the setting — people, units and the calendar,
 * goals with their monthly plans, a raised weight and target, the monthly
 * actuals — before demo_task.c plans the tasks and demo_eval.c the
 * evaluation system's year. Setup happens at the start of the reference
 * day's year, or 90 days before it if that is earlier. demo_policy.c
 * then plans the policy system and the practice library.
 */
#include "svc/demo_int.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static int imin(int a, int b)
{
	return a < b ? a : b;
}

/* Randomness: splitmix64, the same sequence on every platform. */

static uint64_t rnd64(struct demo *d)
{
	uint64_t z = (d->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int demo_rnd(struct demo *d, int lo, int hi)
{
	if (hi <= lo)
		return lo;
	return lo + (int)(rnd64(d) % (uint64_t)(hi - lo + 1));
}

bool demo_chance(struct demo *d, int pct)
{
	return demo_rnd(d, 0, 99) < pct;
}

const char *demo_pick(struct demo *d, const char *const *v)
{
	int n = 0;

	while (v[n])
		n++;
	return v[demo_rnd(d, 0, n - 1)];
}

const char *demo_keep(struct demo *d, char *s)
{
	if (d->npool == d->apool) {
		d->apool = d->apool ? 2 * d->apool : 256;
		d->pool = xreallocarray(d->pool, d->apool, sizeof(*d->pool));
	}
	d->pool[d->npool++] = s;
	return s;
}

int demo_wd(struct demo *d, int lo, int hi)
{
	int n, k;

	if (hi < lo)
		hi = lo;
	n = hi - lo + 1;
	k = demo_rnd(d, 0, n - 1);
	for (int i = 0; i < n; i++) {
		int day = lo + (k + i) % n;

		if (calendar_is_workday(&d->cal, day))
			return day;
	}
	return lo + k;
}

int demo_next_wd(struct demo *d, int from, int limit)
{
	for (int day = from; day <= limit; day++)
		if (calendar_is_workday(&d->cal, day))
			return day;
	return from;
}

/* Events, in slices (see demo_int.h). Office hours: 08:30-17:30 UTC+8. */

struct demo_ev *demo_ev_new(struct demo *d, enum demo_ev_kind kind, int on,
			    const char *actor)
{
	struct demo_ev *v;

	if (d->nev == d->aev) {
		d->aev = d->aev ? 2 * d->aev : 1024;
		d->ev = xreallocarray(d->ev, d->aev, sizeof(*d->ev));
	}
	v = &d->ev[d->nev];
	memset(v, 0, sizeof(*v));
	v->seq = d->nev++;
	v->kind = kind;
	v->on = on;
	v->actor = actor;
	v->ref = -1;
	return v;
}

static int by_day(const void *pa, const void *pb)
{
	const struct demo_ev *a = pa, *b = pb;

	if (a->on != b->on)
		return a->on < b->on ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void demo_slice_begin(struct demo *d)
{
	d->slice = d->nev;
}

void demo_slice_end(struct demo *d)
{
	long long last = 0;

	qsort(d->ev + d->slice, d->nev - d->slice, sizeof(*d->ev), by_day);
	for (size_t i = d->slice; i < d->nev; i++) {
		struct demo_ev *v = &d->ev[i];
		long long at = v->at ? v->at :
			v->on * 86400LL + demo_rnd(d, 1800, 34200);

		if (at <= last)
			at = last + demo_rnd(d, 60, 1200);
		last = at;
		v->at = at < d->cap ? at : d->cap;
		v->seq = i;
	}
}

/* The setting: people, units, calendar, goals and their figures. */

static void plan_city(struct demo *d, int day)
{
	demo_slice_begin(d);
	demo_ev_new(d, DEMO_EV_USER, day, NULL)->ref = -1;
	for (int i = 0; demo_units[i].code; i++)
		demo_ev_new(d, DEMO_EV_UNIT, day, "admin")->ref = i;
	for (int i = 0; demo_users[i].login; i++)
		demo_ev_new(d, DEMO_EV_USER, day, "admin")->ref = i;
	for (int i = 0; demo_holidays[i].from; i++)
		demo_ev_new(d, DEMO_EV_HOLIDAY, day, "admin")->ref = i;
	demo_slice_end(d);
}

static double round_to(double v, int decimals)
{
	double f = decimals >= 2 ? 100 : decimals == 1 ? 10 : 1;

	return round(v * f) / f;
}

/* The plan of month m (1..12): a straight line to the target. */
static double planned(const struct demo_indicator *ind, double target, int m)
{
	return round_to(ind->baseline + (target - ind->baseline) * m / 12.0,
			ind->decimals);
}

static void plan_value(struct demo *d, int ind, int on, const char *actor,
		       int m, bool actual, double value)
{
	struct demo_ev *v = demo_ev_new(d, DEMO_EV_VALUE, on, actor);

	v->ref = ind;
	v->sub = d->year * 12 + m - 1;
	v->actual = actual;
	v->value = value;
}

static void plan_goals(struct demo *d, int day)
{
	const struct demo_indicator *ind;

	demo_slice_begin(d);
	for (int i = 0; demo_goals[i].title; i++)
		demo_ev_new(d, DEMO_EV_GOAL, day, "wang")->ref = i;
	for (int i = 0; demo_indicators[i].name; i++)
		demo_ev_new(d, DEMO_EV_INDICATOR, day, "wang")->ref = i;
	day = demo_wd(d, day + 1, day + 3);
	for (int i = 0; (ind = &demo_indicators[i])->name; i++)
		for (int m = 1; m <= 12; m++)
			plan_value(d, i, day, "wang", m, false,
				   planned(ind, ind->target, m));
	demo_slice_end(d);
}

/* A weight raised, targets raised (never lowered: 不降标准), re-planned. */
static int plan_revisions(struct demo *d, int after)
{
	const struct demo_indicator *ind;
	struct demo_ev *v;
	int day = demo_wd(d, imax(after + 3, d->T - 80), d->T - 60);
	int raised = demo_wd(d, imax(after + 5, d->T - 75), d->T - 50);
	int y, m, dd;

	demo_slice_begin(d);
	v = demo_ev_new(d, DEMO_EV_WEIGHT, day, "wang");
	v->ref = 0;
	v->value = demo_goals[0].weight + 1;
	v->text = "市委全会明确加大经济发展目标权重";
	date_to_ymd(raised, &y, &m, &dd);
	if (y < d->year)
		m = 1;
	for (int i = 0; (ind = &demo_indicators[i])->name; i++) {
		if (!ind->raised)
			continue;
		v = demo_ev_new(d, DEMO_EV_RAISE, raised, "wang");
		v->ref = i;
		v->value = ind->raised;
		v->text = demo_keep(d, xasprintf("上级追加下达任务，年度目标"
						 "由%g%s提高到%g%s，月度计划"
						 "相应调整", ind->target,
						 ind->measure, ind->raised,
						 ind->measure));
		for (int k = m; k <= 12; k++)
			plan_value(d, i, raised, "wang", k, false,
				   planned(ind, ind->raised, k));
	}
	demo_slice_end(d);
	return y < d->year ? 1 : m;
}

/* Actuals of each month before T's, reported early the next month. */
static void plan_actuals(struct demo *d, int raised_month)
{
	const struct demo_indicator *ind;
	int y, tm, dd;

	date_to_ymd(d->T, &y, &tm, &dd);
	demo_slice_begin(d);
	for (int m = 1; m < tm; m++) {
		int on = demo_wd(d, date_from_ymd(y, m + 1, 3),
				 date_from_ymd(y, m + 1, 8));

		on = imin(on, d->T);
		for (int i = 0; (ind = &demo_indicators[i])->name; i++) {
			double target = ind->raised && m >= raised_month ?
				ind->raised : ind->target;
			double plan = planned(ind, target, m);
			double noise = demo_rnd(d, -20, 20) / 1000.0;
			double v = plan + (target - ind->baseline) *
				(ind->drift + noise);

			if (!ind->down && ind->baseline >= 0 && v < 0)
				v = 0;
			plan_value(d, i, on, ind->reporter, m, true,
				   round_to(v, ind->decimals));
		}
	}
	demo_slice_end(d);
}

void demo_plan(struct demo *d, int scale)
{
	int y, m, dd, setup, raised;

	date_to_ymd(d->T, &y, &m, &dd);
	d->year = y;
	for (int i = 0; demo_holidays[i].from; i++) {
		int from, to;

		if (!date_parse(demo_holidays[i].from, &from) ||
		    !date_parse(demo_holidays[i].to, &to))
			continue;
		for (int day = from; day <= to; day++)
			calendar_add(&d->cal, day, demo_holidays[i].workday ?
				     CAL_WORKDAY : CAL_HOLIDAY);
	}
	/* goals are set at the start of the year, or before the tasks */
	setup = imin(date_from_ymd(y, 1, 6), d->T - 91);
	setup = demo_wd(d, setup - 3, setup);
	d->setup = setup;
	plan_city(d, demo_wd(d, setup - 7, setup - 4));
	plan_goals(d, setup);
	raised = plan_revisions(d, setup);
	plan_actuals(d, raised);
	demo_plan_tasks(d, scale);
	/* last, so that the tasks of a seed stay those planned before it */
	demo_plan_eval(d, scale);
	demo_plan_policy(d);
}
