/*
 * Private to the demo seeder: demo_city.c holds the city (names, titles,
 * notes); demo_plan.c (the setting) and demo_task.c (the tasks) turn it
 * into a dated list of events; demo.c plays the events through the svc
 * functions. Planning never touches the store, so the same seed and
 * reference day always plan the same history.
 */
#ifndef LUOSHI_SVC_DEMO_INT_H
#define LUOSHI_SVC_DEMO_INT_H

#include "core/cadre.h"
#include "core/calendar.h"
#include "svc/demo.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The city. Tables end with an entry whose first field is NULL. */

struct demo_unit {
	const char *code, *name, *parent, *kind;
};

struct demo_user {
	const char *login, *name, *unit, *role;
};

/* A holiday (rest) or a make-up working day (调休) range. */
struct demo_holiday {
	const char *from, *to, *name;
	bool workday;
};

struct demo_goal {
	const char *title, *unit;
	int parent;		/* index into demo_goals, -1 for a root */
	double weight;
};

struct demo_indicator {
	const char *name, *measure;
	int goal;		/* index into demo_goals */
	double baseline, target;
	bool down;		/* lower is better */
	int decimals;
	double drift;		/* actual − plan, as a share of target − base */
	const char *reporter;	/* who reports the actuals */
	double raised;		/* a higher target set mid-year, 0 none */
};

#define DEMO_GOAL_OWN (-2)	/* the lead unit's own goal, else 民生实事 */
#define DEMO_GOAL_LIFE 11	/* 办好民生实事 */

struct demo_topic {
	const char *title;	/* "{}" stands for a place */
	int goal;		/* index into demo_goals, -1, DEMO_GOAL_OWN */
	const char *co;		/* the usual co-unit, or NULL */
};

/* A unit that leads tasks, with the people who work them. */
struct demo_lead {
	const char *code;
	const char *owner;	/* staff who acknowledges and reports */
	const char *approver;	/* closes and rejects; NULL: chen or wang */
	const char *leader;	/* 责任领导; NULL: chen on key tasks */
	const char *creator;	/* assigns some tasks; NULL: only wang */
	int share;		/* relative number of tasks */
	bool district;		/* also gets 当日事 and 12345 cases */
	int own_goal;		/* for DEMO_GOAL_OWN topics, -1 none */
	const char *const *places;
	const struct demo_topic *topics;
};

struct demo_risk {
	const char *description, *plan, *level;
};

extern const struct demo_unit demo_units[];
extern const struct demo_user demo_users[];
extern const struct demo_holiday demo_holidays[];
extern const struct demo_goal demo_goals[];
extern const struct demo_indicator demo_indicators[];
extern const struct demo_lead demo_leads[];
extern const struct demo_topic demo_petitions[];	/* 群众诉求 */
extern const struct demo_topic demo_findings[];	/* 督查整改 */
extern const struct demo_topic demo_dailies[];	/* 当日事 */
extern const struct demo_risk demo_risks[];

/* The evaluation system's year (demo_eval.c plans it). */

/* How well a unit works: inspection scores and rectification speed. */
struct demo_standing {
	const char *code;
	int bias;		/* points added to inspection scores */
};

/* A commendation or accountability record, dated by the plan. */
struct demo_merit {
	const char *kind;	/* "commend" or "account" */
	const char *unit;	/* exactly one of unit and person */
	const char *person;
	double points;
	const char *reason;
	bool current;		/* in T's quarter, else the one before */
};

/* A person assessed, with the band of every score given to them. */
struct demo_assessed {
	const char *login;
	int lo, hi;
};

/* A ballot of the assessment: viewers' ballots are recorded by wang. */
struct demo_ballot {
	const char *rated, *rater;
	enum rater_type type;
	const char *veto;	/* 一票否决 reason, or NULL */
};

extern const struct demo_user demo_cadre_users[];	/* besides demo_users */
extern const struct demo_standing demo_standings[];
extern const struct demo_merit demo_merits[];
extern const struct demo_assessed demo_assessed[];
extern const struct demo_ballot demo_ballots[];
extern const char *const demo_inspectors[];
extern const char *const demo_special_checks[];	/* 专项督查 names */
extern const char *const demo_findings_good[];
extern const char *const demo_findings_fair[];
extern const char *const demo_findings_poor[];

/* The policy system and the practice library (demo_policy.c plans them). */

/* What becomes of a policy by the reference day T. */
enum demo_fate {
	DEMO_POL_AHEAD,		/* watching, the window closes far ahead */
	DEMO_POL_CLOSING,	/* watching, closing within 14 days of T */
	DEMO_POL_APPLYING,	/* applying, closing within 14 days of T */
	DEMO_POL_LANDED,	/* landed, with the value secured */
	DEMO_POL_MISSED,	/* its window closed before T un-landed */
};

struct demo_policy {
	const char *title, *issuer, *level, *unit;
	enum demo_fate fate;
	const char *value;	/* secured, when landed */
	int goal;		/* index into demo_goals, -1 none */
};

/* A practice; one with a NULL title is made from a commendation. */
struct demo_practice {
	const char *title, *body, *unit;
	const char *tags[4];	/* NULL-terminated */
	int goal;		/* index into demo_goals, -1 none */
	const char *merit;	/* the commendation's reason, or NULL */
	const char *promote;	/* wang's note when promoted, or NULL */
};

extern const struct demo_policy demo_policies[];
extern const struct demo_practice demo_practices[];

/* NULL-terminated lists of texts */
extern const char *const demo_departments[];	/* unit codes */
extern const char *const demo_districts[];
extern const char *const demo_notes[5][4];	/* report notes by stage */
extern const char *const demo_urges_overdue[];
extern const char *const demo_urges_lag[];
extern const char *const demo_urges_stale[];
extern const char *const demo_urges_ack[];
extern const char *const demo_urges_milestone[];
extern const char *const demo_urges_due[];
extern const char *const demo_instructions[];
extern const char *const demo_extend_reasons[];
extern const char *const demo_reject_reasons[];
extern const char *const demo_reopen_reasons[];
extern const char *const demo_cancel_reasons[];
extern const char *const demo_evidence_names[];

/* The name of a demo unit by code ("" when unknown). */
const char *demo_unit_name(const char *code);

/* The plan: events, each played at its instant by its actor. */

enum demo_ev_kind {
	DEMO_EV_USER,		/* ref: demo_users index, -1 = admin;
				 * sub 1: demo_cadre_users index */
	DEMO_EV_UNIT,
	DEMO_EV_HOLIDAY,
	DEMO_EV_GOAL,
	DEMO_EV_WEIGHT,		/* value: the new weight, text: reason */
	DEMO_EV_INDICATOR,
	DEMO_EV_VALUE,		/* sub: month key, value, actual */
	DEMO_EV_RAISE,		/* value: the new target, text: reason */
	DEMO_EV_TASK,
	DEMO_EV_MS_ADD,		/* sub: milestone number, day: due */
	DEMO_EV_MS_DONE,
	DEMO_EV_ACT,		/* act, with its arguments */
	DEMO_EV_INSPECT,	/* ref: d->insp index */
	DEMO_EV_MERIT,		/* ref: demo_merits index, day: on */
	DEMO_EV_PUBLISH,	/* text: period, text2: group */
	DEMO_EV_RATE,		/* ref: d->rates index */
	DEMO_EV_POLICY,		/* ref: d->pols index */
	DEMO_EV_POLICY_SET,	/* ref: d->pols index, text: status,
				 * text2: value */
	DEMO_EV_POLICY_LINK,	/* ref: d->pols index, sub: goal index or
				 * -1, day: task index or -1 */
	DEMO_EV_PRACTICE,	/* ref: demo_practices index, day: task
				 * index or -1, sub: demo_merits index or
				 * -1 */
	DEMO_EV_PROMOTE,	/* ref: demo_practices index, text: note */
};

struct demo_ev {
	long long at;		/* the instant, seconds since the epoch */
	size_t seq;		/* breaks ties: planning order */
	int on;			/* the day, while planning */
	enum demo_ev_kind kind;
	enum task_action act;
	const char *actor;	/* login; NULL = the built-in administrator */
	int ref;		/* index of the task, goal, indicator ... */
	int sub;
	int day;		/* extension: new due; milestone: due */
	int percent;
	bool actual;
	double value;
	const char *text;	/* note, reason, title, risk description */
	const char *text2;	/* risk plan; evidence file name */
	const char *level;	/* risk level */
};

#define DEMO_MAX_MS 3

struct demo_task {
	long long id;		/* once created */
	const struct demo_lead *lead;
	const char *title, *description, *co, *source;
	const char *leader, *creator, *approver;
	int goal;		/* index into demo_goals or -1 */
	bool important, key, daily;
	int start, due;
	long long created_at;	/* planned instant of creation */
	long long ms[DEMO_MAX_MS];	/* milestone ids, once added */
};

/* A planned inspection; its items are d->tasks[first .. first + n). */
struct demo_insp {
	const char *unit;
	int on;
	double score;
	const char *findings, *inspectors;
	int first, n;
};

/* A planned policy: demo_policies[ref] with its dates. */
struct demo_pol {
	int ref;
	int issued, open, close;
	long long id;		/* once added */
};

/* A planned ballot: demo_ballots[ballot] with its drawn scores. */
struct demo_rate {
	int ballot;
	int score[CADRE_NDIM];
};

struct demo {
	struct ctx *c;
	uint64_t rng;
	struct calendar cal;
	int T;			/* the reference day */
	int year;		/* of the goals: the reference day's */
	int setup;		/* the day the goals are set */
	long long cap;		/* no event after this instant */
	struct demo_ev *ev;
	size_t nev, aev;
	size_t slice;		/* first event of the slice being planned */
	struct demo_task *tasks;
	size_t ntasks, atasks;
	struct demo_insp *insp;
	size_t ninsp, ainsp;
	struct demo_rate *rates;
	size_t nrates;
	struct demo_pol *pols;
	size_t npols;
	long long *merit_ids, *practice_ids;	/* once added */
	long long *goal_ids, *ind_ids;
	char **pool;		/* strings the plan owns */
	size_t npool, apool;
	char *tmpdir;		/* for evidence files, made on first use */
	char *pwhash;		/* DEMO_PASSWORD hashed once for all users */
	const char *actor;	/* who c acts as now */
	struct demo_stats *st;
};

/* Planning (demo_plan.c) */

/* Plans the whole history into d->ev (d->T, d->rng and d->cap set). */
void demo_plan(struct demo *d, int scale);

/* splitmix64 from d->rng: uniform in [lo, hi], lo when hi < lo. */
int demo_rnd(struct demo *d, int lo, int hi);
bool demo_chance(struct demo *d, int pct);
/* One of a NULL-terminated list. */
const char *demo_pick(struct demo *d, const char *const *v);
/* Hands a new string to the plan, which frees it; returns it. */
const char *demo_keep(struct demo *d, char *s);
/* A working day in [lo, hi] (any day there if none is one). */
int demo_wd(struct demo *d, int lo, int hi);
/* The first working day in [from, limit], else from. */
int demo_next_wd(struct demo *d, int from, int limit);

/*
 * Events are planned in slices, one per task or setup step: added by day
 * in any order, then sorted and given increasing instants in office hours
 * (or their preset v->at), never after d->cap. The pointer demo_ev_new
 * returns is valid until the next call.
 */
void demo_slice_begin(struct demo *d);
struct demo_ev *demo_ev_new(struct demo *d, enum demo_ev_kind kind, int on,
			    const char *actor);
void demo_slice_end(struct demo *d);

/* Plans `scale` tasks and their lives (demo_task.c). */
void demo_plan_tasks(struct demo *d, int scale);
/* A task title: the topic with "{}" replaced by a place; plan-owned. */
const char *demo_title(struct demo *d, const struct demo_topic *t,
		       const char *place);
/* A new zeroed task at the end of d->tasks; its index. */
int demo_task_new(struct demo *d);
/*
 * The life of rectification task t (整改), created by its inspection at
 * d->tasks[t].created_at and due d->tasks[t].due: `slow` (0..100) makes
 * late answers and late or missing closures likelier.
 */
void demo_plan_rectification(struct demo *d, int t, int slow);
/*
 * Plans the evaluation system's year after the tasks (demo_eval.c):
 * inspections with rectification tasks, commendations and accountability,
 * published evaluations and the cadre assessment of T's year.
 */
void demo_plan_eval(struct demo *d, int scale);
/*
 * Plans the policy system and the practice library after the evaluation
 * system (demo_policy.c): policies added, applied for, landed and linked
 * to goals and tasks; practices recorded, promoted, and made from
 * commendations planned before.
 */
void demo_plan_policy(struct demo *d);
/* Entries of a table before its terminator (demo_city.c). */
size_t demo_count(const void *table, size_t size);
#define DEMO_COUNT(t) demo_count((t), sizeof((t)[0]))

#endif
