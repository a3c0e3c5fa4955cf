/*
 * The demo city's evaluation system (see demo_int.h), planned after the
 * tasks so that a seed keeps its tasks: a comprehensive inspection of
 * every district each quarter and special ones here and there, with
 * rectification tasks, the inspection cap reached by one unit once and
 * exceeded by none; commendations and accountability; the quarter before
 * T's (and the one before it) evaluated and published by wang; and the
 * cadre assessment of T's year with its quota and one veto.
 */
#include "svc/demo_int.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <stdio.h>
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

/* Inspections planned per unit and month, for the cap. */
struct tally {
	struct {
		const char *unit;
		int month;
		int n;
	} *v;
	size_t n, a;
};

static int *tally_at(struct tally *t, const char *unit, int month)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i].month == month && !strcmp(t->v[i].unit, unit))
			return &t->v[i].n;
	if (t->n == t->a) {
		t->a = t->a ? 2 * t->a : 64;
		t->v = xreallocarray(t->v, t->a, sizeof(*t->v));
	}
	t->v[t->n].unit = unit;
	t->v[t->n].month = month;
	t->v[t->n].n = 0;
	return &t->v[t->n++].n;
}

static const struct demo_lead *lead_of(const char *code)
{
	const struct demo_lead *l;

	for (l = demo_leads; l->code && strcmp(l->code, code); l++)
		;
	return l->code ? l : demo_leads;
}

static int bias_of(const char *code)
{
	for (const struct demo_standing *s = demo_standings; s->code; s++)
		if (!strcmp(s->code, code))
			return s->bias;
	return 0;
}

/* Quarters are numbered y * 4 + (q - 1). */
static int quarter_of(int day)
{
	int y, m, dd;

	date_to_ymd(day, &y, &m, &dd);
	return y * 4 + (m - 1) / 3;
}

static int quarter_first(int q)
{
	return date_from_ymd(q / 4, q % 4 * 3 + 1, 1);
}

static int quarter_last(int q)
{
	return quarter_first(q + 1) - 1;
}

static const char *quarter_text(struct demo *d, int q)
{
	return demo_keep(d, xasprintf("%04d-Q%d", q / 4, q % 4 + 1));
}

/* The people assessed, in their own slice after the city. */
static void plan_users(struct demo *d)
{
	int day = demo_wd(d, d->setup - 3, d->setup - 1);

	demo_slice_begin(d);
	for (int i = 0; demo_cadre_users[i].login; i++) {
		struct demo_ev *v = demo_ev_new(d, DEMO_EV_USER, day, "admin");

		v->ref = i;
		v->sub = 1;
	}
	demo_slice_end(d);
}

static const char *findings(struct demo *d, const char *check, double score,
			    int items)
{
	const char *const *v = score >= 90 ? demo_findings_good :
		score >= 75 ? demo_findings_fair : demo_findings_poor;

	if (!items)
		return demo_keep(d, xasprintf("%s：%s，未发现需交办整改的问题。",
					      check, demo_pick(d, v)));
	return demo_keep(d, xasprintf("%s：%s；发现问题%d个，已交办整改。",
				      check, demo_pick(d, v), items));
}

/*
 * One inspection of `unit` on `on` by wang, in its own slice with the
 * lives of its rectification items (0..most, at least one below 80).
 */
static void plan_inspection(struct demo *d, const char *unit, int on,
			    const char *check, int most)
{
	const struct demo_lead *l = lead_of(unit);
	int bias = bias_of(unit), slow = imax(0, imin(100, 30 - 5 * bias));
	int score2 = imax(120, imin(196, 2 * (84 + bias) +
				    demo_rnd(d, -16, 16)));
	int n = demo_rnd(d, score2 < 160 ? 1 : 0, most);
	int topics = (int)DEMO_COUNT(demo_findings), k0;
	struct demo_insp in;
	struct demo_ev *v;
	long long at;

	memset(&in, 0, sizeof(in));
	in.unit = l->code;
	in.on = on;
	in.score = score2 / 2.0;
	in.findings = findings(d, check, in.score, n);
	in.inspectors = demo_pick(d, demo_inspectors);
	in.first = (int)d->ntasks;
	in.n = n;
	if (d->ninsp == d->ainsp) {
		d->ainsp = d->ainsp ? 2 * d->ainsp : 64;
		d->insp = xreallocarray(d->insp, d->ainsp, sizeof(*d->insp));
	}
	demo_slice_begin(d);
	at = on * 86400LL + demo_rnd(d, 1800, 25200);
	v = demo_ev_new(d, DEMO_EV_INSPECT, on, "wang");
	v->ref = (int)d->ninsp;
	v->at = at;
	d->insp[d->ninsp++] = in;
	k0 = demo_rnd(d, 0, topics - 1);
	for (int i = 0; i < n; i++) {
		int t = demo_task_new(d);
		struct demo_task *tp = &d->tasks[t];

		tp->lead = l;
		tp->title = demo_title(d, &demo_findings[(k0 + i) % topics],
				       demo_pick(d, l->places));
		tp->source = "督查整改";
		tp->creator = "wang";
		tp->approver = l->approver ? l->approver :
			demo_chance(d, 60) ? "chen" : "wang";
		tp->goal = -1;
		tp->created_at = at;
		tp->due = demo_wd(d, on + 10, on + 35);
		demo_plan_rectification(d, t, slow);
	}
	demo_slice_end(d);
}

static const char *round_name(struct demo *d, int q)
{
	static const char *const nth[] = { "一", "二", "三", "四" };

	return demo_keep(d, xasprintf("%d年第%s季度综合督查", q / 4,
				      nth[q % 4]));
}

/*
 * Every district once a quarter, between the 5th and the 25th of the
 * quarter's middle month, from the goals' setup to T.
 */
static void plan_rounds(struct demo *d, struct tally *tl, int most)
{
	for (int q = quarter_of(d->setup); q <= quarter_of(d->T); q++) {
		int m = q % 4 * 3 + 2;
		int lo = imax(date_from_ymd(q / 4, m, 5), d->setup + 1);
		int hi = imin(date_from_ymd(q / 4, m, 25), d->T);
		const char *name;

		if (lo > hi)
			continue;
		name = round_name(d, q);
		for (int i = 0; demo_districts[i]; i++) {
			int on = demo_wd(d, lo, hi);

			(*tally_at(tl, demo_districts[i],
				   date_month_key(on)))++;
			plan_inspection(d, demo_districts[i], on, name, most);
		}
	}
}

/*
 * Special inspections (专项督查): 道外区 is taken up to the cap in the
 * middle month of the quarter before T's, as a warning shows; any other
 * unit stays below the cap in every month.
 */
static void plan_specials(struct demo *d, struct tally *tl, int most,
			  int count)
{
	int cap = d->c->settings.inspection_cap, q = quarter_of(d->T) - 1;
	int m = q % 4 * 3 + 2;
	int lo = imax(date_from_ymd(q / 4, m, 1), d->setup + 1);
	int hi = imin(date_from_ymd(q / 4, m + 1, 1) - 1, d->T);
	int nunits = (int)DEMO_COUNT(demo_standings);

	if (lo <= hi) {
		int *n = tally_at(tl, "HRB-DW", date_month_key(lo));

		for (; *n < cap; (*n)++)
			plan_inspection(d, "HRB-DW", demo_wd(d, lo, hi),
					demo_pick(d, demo_special_checks),
					most);
	}
	for (int i = 0; i < count; i++) {
		const char *unit = demo_standings[demo_rnd(d, 0,
							   nunits - 1)].code;
		int on = demo_wd(d, d->setup + 7, d->T);
		int *n = tally_at(tl, unit, date_month_key(on));

		if (*n + 1 >= cap)
			continue;
		(*n)++;
		plan_inspection(d, unit, on, demo_pick(d, demo_special_checks),
				most);
	}
}

/* A day in [lo, hi] cut to [setup + 1, T]; DATE_NONE when empty. */
static int day_within(struct demo *d, int lo, int hi)
{
	lo = imax(lo, d->setup + 1);
	hi = imin(hi, d->T);
	return lo > hi ? DATE_NONE : demo_wd(d, lo, hi);
}

static void plan_merits(struct demo *d)
{
	int q = quarter_of(d->T);

	demo_slice_begin(d);
	for (int i = 0; demo_merits[i].kind; i++) {
		const struct demo_merit *m = &demo_merits[i];
		int on = m->current ?
			day_within(d, quarter_first(q), d->T - 1) :
			day_within(d, quarter_first(q - 1),
				   quarter_last(q - 1));
		struct demo_ev *v;

		if (on == DATE_NONE)
			continue;
		v = demo_ev_new(d, DEMO_EV_MERIT, on, "wang");
		v->ref = i;
		v->day = on;
	}
	demo_slice_end(d);
}

/* A quarter's evaluation of a group, published early the next quarter. */
static bool plan_publish(struct demo *d, int q, const char *group)
{
	int end = quarter_last(q), on;
	struct demo_ev *v;

	if (end >= d->T || end < d->setup)
		return false;
	on = demo_wd(d, imin(end + 3, d->T), imin(end + 12, d->T));
	demo_slice_begin(d);
	v = demo_ev_new(d, DEMO_EV_PUBLISH, on, "wang");
	v->text = quarter_text(d, q);
	v->text2 = group;
	demo_slice_end(d);
	return true;
}

static const char *role_of(const char *login)
{
	const struct demo_user *const tables[] = {
		demo_users, demo_cadre_users,
	};

	for (int k = 0; k < 2; k++)
		for (const struct demo_user *u = tables[k]; u->login; u++)
			if (!strcmp(u->login, login))
				return u->role;
	return "viewer";
}

static const struct demo_assessed *assessed(const char *login)
{
	const struct demo_assessed *a;

	for (a = demo_assessed; a->login && strcmp(a->login, login); a++)
		;
	return a->login ? a : NULL;
}

/*
 * The assessment of T's year (民主测评; in January, of the year just
 * ended), on a working day of the ten before T: each ballot scores every
 * dimension within the person's band; raters cast their own, wang records
 * the viewers' paper ballots.
 */
static void plan_ballots(struct demo *d)
{
	const char *period;
	int day = demo_wd(d, d->T - 10, d->T - 1), y, m, dd;
	size_t n = DEMO_COUNT(demo_ballots);

	date_to_ymd(d->T, &y, &m, &dd);
	period = demo_keep(d, xasprintf("%04d", m == 1 ? y - 1 : y));
	snprintf(d->st->cadre_period, sizeof(d->st->cadre_period), "%s",
		 period);
	d->rates = xcalloc(n ? n : 1, sizeof(*d->rates));
	demo_slice_begin(d);
	for (size_t b = 0; b < n; b++) {
		const struct demo_ballot *bl = &demo_ballots[b];
		const struct demo_assessed *a = assessed(bl->rated);
		struct demo_rate *r = &d->rates[d->nrates];
		struct demo_ev *v;

		if (!a)
			continue;
		r->ballot = (int)b;
		for (int k = 0; k < CADRE_NDIM; k++)
			r->score[k] = demo_rnd(d, a->lo, a->hi);
		v = demo_ev_new(d, DEMO_EV_RATE, day,
				strcmp(role_of(bl->rater), "viewer") ?
				bl->rater : "wang");
		v->ref = (int)d->nrates++;
		v->text = period;
	}
	demo_slice_end(d);
}

void demo_plan_eval(struct demo *d, int scale)
{
	struct tally tl = { NULL, 0, 0 };
	int most = scale < 100 ? 1 : scale < 1000 ? 2 : 3;
	int q = quarter_of(d->T) - 1;

	plan_users(d);
	plan_rounds(d, &tl, most);
	plan_specials(d, &tl, most, 4 + imin(scale / 500, 36));
	free(tl.v);
	plan_merits(d);
	if (plan_publish(d, q, "district")) {
		snprintf(d->st->eval_period, sizeof(d->st->eval_period),
			 "%s", quarter_text(d, q));
		plan_publish(d, q, "department");
	}
	plan_publish(d, q - 1, "district");
	plan_ballots(d);
}
