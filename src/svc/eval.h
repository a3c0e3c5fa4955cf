/*
 * The evaluation system (SPEC §5): inspections with their rectification
 * tasks and the monthly inspection cap, commendations and accountability,
 * the evaluation of units in a period (score, rank, on-time interval and
 * funnel, explained metric by metric), publishing it, and the burden of
 * each unit per month. The arithmetic is core/eval.c's; this layer
 * gathers counts, applies scope and permission, and writes.
 */
#ifndef LUOSHI_SVC_EVAL_H
#define LUOSHI_SVC_EVAL_H

#include "core/eval.h"
#include "core/period.h"
#include "svc/ctx.h"
#include "util/jw.h"

#include <stddef.h>

/* A rectification item "TITLE@DUE" (整改). */
struct rectify {
	char *title;		/* owned */
	int due;
};

/* Parses "TITLE@DUE" (the last '@' splits); LS_EINVAL naming rectify. */
enum lserr rectify_parse(const char *s, struct rectify *out, struct err *e);

struct inspect_input {
	const char *unit;
	int on;
	double score;
	const char *findings;
	const char *inspectors;
	const char *over_cap;	/* reason to exceed inspection_cap */
	const struct rectify *items;
	int nitems;
};

/*
 * Records an inspection and, in the same transaction, each rectification
 * item as a task led by the inspected unit (source "整改 inspection #N",
 * every task rule applies). The inspection reaching inspection_cap in its
 * month succeeds with a warning in `warning` (else ""); one beyond it is
 * LS_ECONFLICT unless over_cap gives a reason (kept and audited).
 */
enum lserr svc_inspect_add(struct ctx *c, const struct inspect_input *in,
			   long long *id, char *warning, size_t wlen,
			   struct err *e);

/* An inspection with its rectification tasks. */
struct inspection_view {
	struct inspection in;
	struct task *tasks;
	size_t ntasks;
};

enum lserr svc_inspect_get(struct ctx *c, long long id,
			   struct inspection_view *out, struct err *e);
void inspection_view_release(struct inspection_view *v);
/* In scope, of `unit` (its subtree is not implied) and period (or NULL). */
enum lserr svc_inspect_list(struct ctx *c, const char *unit,
			    const struct period *p, store_inspection_fn fn,
			    void *arg, struct err *e);
/* {"id","unit","on","score","findings","inspectors","over_cap","by","at",
 *  "rectifications":[{"id","title","due","status","light","closed_on",
 *  "rectified_on_time"}]} */
void shape_inspection(struct jw *w, struct ctx *c,
		      const struct inspection_view *v);
/* A list row: the same without rectifications. */
void shape_inspection_row(struct jw *w, const struct inspection *in);

struct merit_input {
	const char *kind;	/* "commend" or "account" */
	const char *unit;	/* exactly one of unit and person */
	const char *person;
	int on;
	double points;		/* > 0, at most 100 */
	const char *reason;
};

enum lserr svc_merit_add(struct ctx *c, const struct merit_input *in,
			 struct merit *out, struct err *e);
/* f->prefix is set from the actor's scope. */
enum lserr svc_merit_list(struct ctx *c, struct merit_filter *f,
			  store_merit_fn fn, void *arg, struct err *e);
/* {"id","kind","unit","person","on","points","reason","by","at"} */
void shape_merit(struct jw *w, const struct merit *m);

/* One unit's evaluation. */
struct eval_row {
	char *unit, *name, *group;
	struct eval_counts c;
	double m[EVAL_NMETRICS];
	double score;		/* NAN = null */
	int rank;		/* 0 = unranked */
	double lo, hi;		/* on-time Wilson interval, NAN = null */
	enum funnel funnel;
	double p0;		/* the group's pooled on-time rate, NAN */
	bool visible;		/* in the actor's scope */
};

struct eval_result {
	struct period p;
	struct eval_scheme scheme;
	struct eval_row *rows;	/* every unit of the group(s), by code */
	size_t n;
	size_t *order;		/* visible rows: rank, then code */
	size_t norder;
};

/*
 * A scheme file (JSON text, NULL: the default): {"weights": {metric: n},
 * "warn": {metric or "score": n}} over eval_scheme_default; LS_EINVAL
 * naming the key at fault. Pure (no store): the fuzzer calls it too.
 */
enum lserr eval_scheme_parse(const char *text, struct eval_scheme *s,
			     struct err *e);
/*
 * Evaluates every unit of `group` (NULL: every kind, each ranked apart)
 * over `period` with the scheme (JSON text, NULL: the default). Ranks and
 * pooled rates are over the whole group; only rows in scope are ordered.
 */
enum lserr svc_eval(struct ctx *c, const char *period, const char *group,
		    const char *scheme_json, struct eval_result *out,
		    struct err *e);
void eval_result_release(struct eval_result *r);
/* The eval row of SPEC §9. */
void shape_eval_row(struct jw *w, const struct eval_row *r);
/*
 * The funnel plot of one group's evaluation (r made with that group):
 * {"period","group","pooled","units":[{"unit","name","closed","ontime",
 * "rate","funnel"}],"limits":[{"n","lo","hi"}]}: rates in percent, the
 * units in scope with closed tasks, and the 95% control limits
 * (eval_funnel_limits, clamped to 0..100) at every n up to 20 and then
 * about every 10% up to the largest n, that n included.
 */
void shape_funnel(struct jw *w, const struct eval_result *r,
		  const char *group);
/*
 * The inputs of one unit's score: each metric's numerator, denominator
 * and the ids counted, bonus and penalty merits, the interval, funnel
 * and warnings. LS_ENOTFOUND when the unit is out of scope.
 */
enum lserr svc_eval_explain(struct ctx *c, const char *period,
			    const char *scheme_json, const char *unit,
			    struct jw *w, struct err *e);
/* Records the evaluation as published (supervisor, admin); audited. */
enum lserr svc_eval_publish(struct ctx *c, const struct eval_result *r,
			    const char *group, long long *id, struct err *e);

struct burden {
	struct burden_row *rows;	/* unit strings owned */
	size_t n;
	int cap;			/* inspection_cap */
};

/* Per unit in scope (or `unit`) and month of the period (NULL: this
 * year), rows with any count, by unit then month. */
enum lserr svc_burden(struct ctx *c, const char *unit, const char *period,
		      struct burden *out, struct err *e);
void burden_release(struct burden *b);
/* Whether the month's inspections went over the cap (减负). */
bool burden_over_cap(const struct burden_row *b, int cap);
/* {"unit","month","reports","urges","inspections","evaluations",
 *  "inspection_cap","over_cap"} */
void shape_burden_row(struct jw *w, const struct burden_row *b, int cap);

#endif
