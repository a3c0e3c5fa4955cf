/*
 * The evaluation system (SPEC §5): metrics from per-unit counts, the
 * weighted score with nulls redistributed, bonus and penalty, standard
 * competition ranking, the on-time rate's Wilson interval and funnel
 * flag, and the weighting scheme. Pure arithmetic: svc/eval.c gathers the
 * counts in one scan and prints; nothing else computes a score.
 */
#ifndef LUOSHI_EVAL_H
#define LUOSHI_EVAL_H

#include "core/period.h"
#include "core/task.h"
#include "util/buf.h"
#include "util/err.h"

#include <stdbool.h>

enum eval_metric {
	EVAL_COMPLETION,
	EVAL_ONTIME,
	EVAL_RESPONSE,
	EVAL_DAILY,
	EVAL_INDICATORS,
	EVAL_INSPECTION,
};
#define EVAL_NMETRICS 6

/* "completion", "ontime", ... in enum order. */
extern const char *const eval_metric_names[EVAL_NMETRICS];

/*
 * Weights (default 30 20 10 5 25 10) and warning thresholds: a unit whose
 * score or metric is below warn_* is flagged (NAN = no threshold).
 */
struct eval_scheme {
	double w[EVAL_NMETRICS];
	double warn[EVAL_NMETRICS];
	double warn_score;
};

void eval_scheme_default(struct eval_scheme *s);
/*
 * Sets one key of the scheme file: section "weights" (a metric name, a
 * finite number >= 0, at most 1000) or "warn" (a metric name or "score",
 * a finite number). LS_EINVAL naming "weights.<key>" or "warn.<key>".
 */
enum lserr eval_scheme_set(struct eval_scheme *s, const char *section,
			   const char *key, double v, struct err *e);
/* LS_EINVAL when every weight is 0. */
enum lserr eval_scheme_check(const struct eval_scheme *s, struct err *e);

/* What one unit did in a period: the inputs of every metric. */
struct eval_counts {
	long long tasks;	/* led, not cancelled, due in the period */
	long long closed;	/* of those, done by the period end */
	long long ontime;	/* of the closed, closed on or before due */
	long long answered;	/* acknowledged within ack_hours */
	long long daily;	/* daily tasks */
	long long daily_same;	/* daily tasks closed the day created */
	double ind_sum;		/* sum of achievements capped at 1 */
	long long ind_n;
	double insp_sum;	/* sum of inspection scores */
	long long insp_n;
	double bonus;		/* commendation points (unit) */
	double penalty;		/* accountability points (unit) */
	long long merits;	/* commendations + accountabilities */
	long long cancelled;	/* led, cancelled, due in the period */
};

/* Which counts a task adds to (bits of eval_task_flags). */
enum {
	EVAL_T_COUNTED = 1,	/* due in the period, not cancelled */
	EVAL_T_CLOSED = 2,
	EVAL_T_ONTIME = 4,
	EVAL_T_ANSWERED = 8,
	EVAL_T_DAILY = 16,
	EVAL_T_DAILY_SAME = 32,
	EVAL_T_CANCELLED = 64,	/* cancelled, due in the period (alone) */
};

/*
 * The flags of one task led by the unit: counted when not cancelled and
 * its current due is in p (a cancelled one due in p is EVAL_T_CANCELLED
 * alone, counted nowhere else); closed when done on or before p's last day;
 * on time when closed on or before due; answered per
 * task_answered_in_time; daily same-day per task_closed_same_day.
 */
unsigned eval_task_flags(const struct task *t, const struct period *p,
			 int ack_hours);
/* Adds a task's flags to the counts. */
void eval_tally(struct eval_counts *c, unsigned flags);

/* The six metrics in percent (NAN = null: no data). */
void eval_metrics(const struct eval_counts *c, double m[EVAL_NMETRICS]);
/*
 * Σ wᵢ·mᵢ / Σ wᵢ over the non-null metrics with wᵢ > 0, + bonus − penalty.
 * NAN when no weighted metric has data and there are no merits.
 */
double eval_score(const struct eval_scheme *s, const double m[EVAL_NMETRICS],
		  const struct eval_counts *c);
/* x rounded half away from zero to 2 decimals. */
double eval_round2(double x);
/*
 * Standard competition ranks (1, 2, 2, 4) of n scores, descending,
 * compared rounded to 2 decimals; NAN scores get rank 0 (unranked).
 */
void eval_rank(const double *score, int n, int *rank);

/*
 * The scheme's warnings for a unit: bit i (1 << i) when metric i rounded
 * to 2 decimals is below warn[i], bit EVAL_WARN_SCORE when the rounded
 * score is below warn_score; nulls and absent thresholds never warn.
 */
#define EVAL_WARN_SCORE (1u << EVAL_NMETRICS)
unsigned eval_warnings(const struct eval_scheme *s,
		       const double m[EVAL_NMETRICS], double score);

/* 95% Wilson interval (z = 1.96) of k successes in n, in percent. */
void eval_wilson(long long k, long long n, double *lo, double *hi);

enum funnel {
	FUNNEL_NONE,	/* no closed tasks */
	FUNNEL_ABOVE,
	FUNNEL_WITHIN,
	FUNNEL_BELOW,
};

/*
 * k on time of n closed against the group's pooled rate p0 (0..1):
 * above when k/n > p0 + 1.96·√(p0(1−p0)/n), below when under
 * p0 − 1.96·√(…), else within; FUNNEL_NONE when n is 0.
 */
enum funnel eval_funnel(long long k, long long n, double p0);
/*
 * The funnel's 95% control limits at n closed tasks (n > 0) around the
 * pooled rate p0, as rates (0..1, not clamped): p0 ∓ 1.96·√(p0(1−p0)/n).
 * eval_funnel compares with exactly these; the funnel plot draws them.
 */
void eval_funnel_limits(long long n, double p0, double *lo, double *hi);
const char *funnel_name(enum funnel f);	/* NULL for FUNNEL_NONE */

/*
 * Records. Strings point into `arena` when the store filled the record,
 * else they are borrowed. An inspection's over_cap is the reason given
 * for exceeding inspection_cap (NULL when within it). A merit is a
 * commendation (kind "commend", points add) or an accountability
 * ("account", points subtract); `unit` is always set (a person's unit at
 * the time), `person` only for a person's merit.
 */
struct inspection {
	long long id;
	const char *unit;
	int on;
	double score;		/* 0..100 */
	const char *findings;
	const char *inspectors;
	const char *over_cap;
	const char *by;
	const char *at;
	struct buf arena;
};

struct merit {
	long long id;
	const char *kind;	/* "commend" or "account" */
	const char *unit;
	const char *person;	/* login or NULL */
	int on;
	double points;
	const char *reason;
	const char *by;
	const char *at;
	struct buf arena;
};

void inspection_init(struct inspection *in);
void inspection_release(struct inspection *in);
void merit_init(struct merit *m);
void merit_release(struct merit *m);

#endif
