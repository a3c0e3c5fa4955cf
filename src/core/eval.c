/*
 * Evaluation arithmetic (see eval.h). Scores are ranked on their values
 * rounded to 2 decimals, as printed, so two units shown with the same
 * score always share a rank.
 */
#include "core/eval.h"
#include "util/date.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define Z95 1.96

const char *const eval_metric_names[EVAL_NMETRICS] = {
	"completion", "ontime", "response", "daily", "indicators",
	"inspection",
};

void eval_scheme_default(struct eval_scheme *s)
{
	static const double w[EVAL_NMETRICS] = { 30, 20, 10, 5, 25, 10 };

	for (int i = 0; i < EVAL_NMETRICS; i++) {
		s->w[i] = w[i];
		s->warn[i] = NAN;
	}
	s->warn_score = NAN;
}

static int metric_index(const char *key)
{
	for (int i = 0; i < EVAL_NMETRICS; i++)
		if (!strcmp(eval_metric_names[i], key))
			return i;
	return -1;
}

enum lserr eval_scheme_set(struct eval_scheme *s, const char *section,
			   const char *key, double v, struct err *e)
{
	char field[48];
	int i = metric_index(key);
	bool weights = !strcmp(section, "weights");

	snprintf(field, sizeof(field), "%.8s.%.32s", section, key);
	if (!weights && strcmp(section, "warn"))
		return err_set(e, LS_EINVAL, "scheme", "unknown key '%s' in "
			       "scheme (expected weights, warn)", section);
	if (i < 0 && (weights || strcmp(key, "score")))
		return err_set(e, LS_EINVAL, field, "unknown key '%s' in "
			       "scheme %s", key, section);
	if (!isfinite(v) || (weights && (v < 0 || v > 1000)))
		return err_set(e, LS_EINVAL, field, "invalid value '%g' for "
			       "scheme %s (%s)", v, field, weights ?
			       "a number 0..1000" : "a number");
	if (weights)
		s->w[i] = v;
	else if (i < 0)
		s->warn_score = v;
	else
		s->warn[i] = v;
	return LS_OK;
}

enum lserr eval_scheme_check(const struct eval_scheme *s, struct err *e)
{
	for (int i = 0; i < EVAL_NMETRICS; i++)
		if (s->w[i] > 0)
			return LS_OK;
	return err_set(e, LS_EINVAL, "weights", "invalid scheme: every "
		       "weight is 0");
}

unsigned eval_task_flags(const struct task *t, const struct period *p,
			 int ack_hours)
{
	unsigned f;

	if (!period_contains(p, t->due))
		return 0;
	if (t->status == TASK_CANCELLED)
		return EVAL_T_CANCELLED;
	f = EVAL_T_COUNTED;
	if (t->status == TASK_DONE && t->closed_on != DATE_NONE &&
	    t->closed_on <= p->last) {
		f |= EVAL_T_CLOSED;
		if (t->closed_on <= t->due)
			f |= EVAL_T_ONTIME;
	}
	if (task_answered_in_time(t, ack_hours))
		f |= EVAL_T_ANSWERED;
	if (t->daily) {
		f |= EVAL_T_DAILY;
		if (task_closed_same_day(t))
			f |= EVAL_T_DAILY_SAME;
	}
	return f;
}

void eval_tally(struct eval_counts *c, unsigned f)
{
	c->cancelled += !!(f & EVAL_T_CANCELLED);
	if (!(f & EVAL_T_COUNTED))
		return;
	c->tasks++;
	c->closed += !!(f & EVAL_T_CLOSED);
	c->ontime += !!(f & EVAL_T_ONTIME);
	c->answered += !!(f & EVAL_T_ANSWERED);
	c->daily += !!(f & EVAL_T_DAILY);
	c->daily_same += !!(f & EVAL_T_DAILY_SAME);
}

unsigned eval_warnings(const struct eval_scheme *s,
		       const double m[EVAL_NMETRICS], double score)
{
	unsigned w = 0;

	if (!isnan(s->warn_score) && !isnan(score) &&
	    eval_round2(score) < s->warn_score)
		w |= EVAL_WARN_SCORE;
	for (int i = 0; i < EVAL_NMETRICS; i++)
		if (!isnan(s->warn[i]) && !isnan(m[i]) &&
		    eval_round2(m[i]) < s->warn[i])
			w |= 1u << i;
	return w;
}

static double pct(double num, double den)
{
	return den > 0 ? 100.0 * num / den : NAN;
}

void eval_metrics(const struct eval_counts *c, double m[EVAL_NMETRICS])
{
	m[EVAL_COMPLETION] = pct((double)c->closed, (double)c->tasks);
	m[EVAL_ONTIME] = pct((double)c->ontime, (double)c->closed);
	m[EVAL_RESPONSE] = pct((double)c->answered, (double)c->tasks);
	m[EVAL_DAILY] = pct((double)c->daily_same, (double)c->daily);
	m[EVAL_INDICATORS] = pct(c->ind_sum, (double)c->ind_n);
	m[EVAL_INSPECTION] = c->insp_n ? c->insp_sum / (double)c->insp_n :
		NAN;
}

double eval_score(const struct eval_scheme *s, const double m[EVAL_NMETRICS],
		  const struct eval_counts *c)
{
	double ws = 0, vs = 0, base = 0;

	for (int i = 0; i < EVAL_NMETRICS; i++) {
		if (isnan(m[i]) || !(s->w[i] > 0))
			continue;
		ws += s->w[i];
		vs += s->w[i] * m[i];
	}
	if (ws > 0)
		base = vs / ws;
	else if (!c->merits)
		return NAN;
	return base + c->bonus - c->penalty;
}

double eval_round2(double x)
{
	return round(x * 100.0) / 100.0;
}

/* Hundredths as an integer: exact comparison of rounded scores. */
static long long cents(double x)
{
	return llround(x * 100.0);
}

void eval_rank(const double *score, int n, int *rank)
{
	for (int i = 0; i < n; i++) {
		int better = 0;

		if (isnan(score[i])) {
			rank[i] = 0;
			continue;
		}
		for (int j = 0; j < n; j++)
			if (!isnan(score[j]) &&
			    cents(score[j]) > cents(score[i]))
				better++;
		rank[i] = better + 1;
	}
}

void eval_wilson(long long k, long long n, double *lo, double *hi)
{
	double p, z2, den, mid, half;

	if (n <= 0) {
		*lo = *hi = NAN;
		return;
	}
	p = (double)k / (double)n;
	z2 = Z95 * Z95;
	den = 1 + z2 / (double)n;
	mid = p + z2 / (2.0 * (double)n);
	half = Z95 * sqrt(p * (1 - p) / (double)n +
			  z2 / (4.0 * (double)n * (double)n));
	*lo = 100.0 * (mid - half) / den;
	*hi = 100.0 * (mid + half) / den;
	if (*lo < 0)
		*lo = 0;
	if (*hi > 100)
		*hi = 100;
}

void eval_funnel_limits(long long n, double p0, double *lo, double *hi)
{
	double sd = sqrt(p0 * (1 - p0) / (double)n);

	*lo = p0 - Z95 * sd;
	*hi = p0 + Z95 * sd;
}

enum funnel eval_funnel(long long k, long long n, double p0)
{
	double p, lo, hi;

	if (n <= 0)
		return FUNNEL_NONE;
	p = (double)k / (double)n;
	eval_funnel_limits(n, p0, &lo, &hi);
	if (p > hi)
		return FUNNEL_ABOVE;
	if (p < lo)
		return FUNNEL_BELOW;
	return FUNNEL_WITHIN;
}

const char *funnel_name(enum funnel f)
{
	switch (f) {
	case FUNNEL_ABOVE: return "above";
	case FUNNEL_WITHIN: return "within";
	case FUNNEL_BELOW: return "below";
	case FUNNEL_NONE: break;
	}
	return NULL;
}

void inspection_init(struct inspection *in)
{
	memset(in, 0, sizeof(*in));
	in->on = DATE_NONE;
	buf_init(&in->arena);
}

void inspection_release(struct inspection *in)
{
	buf_release(&in->arena);
	inspection_init(in);
}

void merit_init(struct merit *m)
{
	memset(m, 0, sizeof(*m));
	m->on = DATE_NONE;
	buf_init(&m->arena);
}

void merit_release(struct merit *m)
{
	buf_release(&m->arena);
	merit_init(m);
}
