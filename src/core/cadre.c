/*
 * The cadre assessment rules of SPEC §6 (see cadre.h): weights, means,
 * renormalisation, performance, score, bands and the excellent quota.
 */
#include "core/cadre.h"
#include "util/date.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *name;
	int weight;
} dims[CADRE_NDIM] = {
	[CADRE_POLITICAL] = { "political", 20 },
	[CADRE_COMPETENCE] = { "competence", 25 },
	[CADRE_RESPONSIBILITY] = { "responsibility", 20 },
	[CADRE_STRUGGLE] = { "struggle", 15 },
	[CADRE_CONDUCT] = { "conduct", 20 },
};

static const struct {
	const char *name;
	int weight;
} types[RATER_NTYPE] = {
	[RATER_SUPERIOR] = { "superior", 40 },
	[RATER_PEER] = { "peer", 30 },
	[RATER_SUBORDINATE] = { "subordinate", 20 },
	[RATER_PUBLIC] = { "public", 10 },
};

void rating_init(struct rating *r)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->arena);
}

void rating_release(struct rating *r)
{
	buf_release(&r->arena);
	rating_init(r);
}

const char *cadre_dim_name(enum cadre_dim d)
{
	return dims[d].name;
}

int cadre_dim_weight(enum cadre_dim d)
{
	return dims[d].weight;
}

bool rater_type_parse(const char *s, enum rater_type *t)
{
	for (int i = 0; i < RATER_NTYPE; i++) {
		if (s && !strcmp(s, types[i].name)) {
			*t = (enum rater_type)i;
			return true;
		}
	}
	return false;
}

const char *rater_type_name(enum rater_type t)
{
	return types[t].name;
}

int rater_type_weight(enum rater_type t)
{
	return types[t].weight;
}

const char *cadre_grade_name(enum cadre_grade g)
{
	static const char *const names[] = {
		[GRADE_EXCELLENT] = "excellent",
		[GRADE_COMPETENT] = "competent",
		[GRADE_BASIC] = "basic",
		[GRADE_INCOMPETENT] = "incompetent",
	};

	return names[g];
}

const char *cadre_basis_name(enum cadre_basis b)
{
	static const char *const names[] = {
		[BASIS_SCORE] = "score",
		[BASIS_QUOTA] = "quota",
		[BASIS_VETO] = "veto",
	};

	return names[b];
}

double cadre_round2(double v)
{
	/*
	 * Means of 2-decimal values land on x.xx5 and binary doubles may
	 * sit a hair below it: the 1e-7 cent nudges them up (half up).
	 */
	return floor(v * 100 + 0.5 + 1e-7) / 100;
}

double cadre_rater_score(const int score[CADRE_NDIM])
{
	long long ws = 0, w = 0;

	for (int d = 0; d < CADRE_NDIM; d++) {
		ws += (long long)dims[d].weight * score[d];
		w += dims[d].weight;
	}
	return (double)ws / (double)w;
}

void cadre_acc_init(struct cadre_acc *a)
{
	memset(a, 0, sizeof(*a));
}

void cadre_acc_add(struct cadre_acc *a, enum rater_type t,
		   const int score[CADRE_NDIM])
{
	a->n[t]++;
	for (int d = 0; d < CADRE_NDIM; d++)
		a->dim[t][d] += score[d];
	a->sum[t] += cadre_rater_score(score);
}

double cadre_type_mean(const struct cadre_acc *a, enum rater_type t)
{
	return a->n[t] ? a->sum[t] / a->n[t] : NAN;
}

double cadre_dim_mean(const struct cadre_acc *a, enum rater_type t,
		      enum cadre_dim d)
{
	return a->n[t] ? a->dim[t][d] / a->n[t] : NAN;
}

static int weights_present(const struct cadre_acc *a)
{
	int w = 0;

	for (int t = 0; t < RATER_NTYPE; t++)
		if (a->n[t])
			w += types[t].weight;
	return w;
}

double cadre_type_share(const struct cadre_acc *a, enum rater_type t)
{
	int w = weights_present(a);

	return w && a->n[t] ? (double)types[t].weight / w : 0;
}

double cadre_rating(const struct cadre_acc *a)
{
	int w = weights_present(a);
	double s = 0;

	if (!w)
		return NAN;
	for (int t = 0; t < RATER_NTYPE; t++)
		if (a->n[t])
			s += types[t].weight * (a->sum[t] / a->n[t]);
	return s / w;
}

double cadre_performance(long long ontime, long long owned)
{
	return owned > 0 ? 100.0 * (double)ontime / (double)owned : NAN;
}

double cadre_score(double rating, double performance)
{
	if (isnan(performance))
		return rating;
	return 0.7 * rating + 0.3 * performance;
}

enum cadre_grade cadre_band(double score)
{
	if (score >= 90)
		return GRADE_EXCELLENT;
	if (score >= 70)
		return GRADE_COMPETENT;
	if (score >= 60)
		return GRADE_BASIC;
	return GRADE_INCOMPETENT;
}

int cadre_quota(size_t n)
{
	return (int)(n / 5);	/* floor(0.2 × n), in integers */
}

/* Scores compare in whole cents: they are rounded to 2 decimals. */
static long long cents(double v)
{
	return llround(v * 100);
}

void cadre_grade_unit(struct cadre_mark *m, size_t n)
{
	size_t quota = (size_t)cadre_quota(n);

	for (size_t i = 0; i < n; i++) {
		size_t ahead = 0;	/* non-vetoed with ≥ m[i].score */
		long long mine = cents(m[i].score);

		if (m[i].veto) {
			m[i].grade = GRADE_INCOMPETENT;
			m[i].basis = BASIS_VETO;
			continue;
		}
		m[i].grade = cadre_band(m[i].score);
		m[i].basis = BASIS_SCORE;
		if (m[i].grade != GRADE_EXCELLENT)
			continue;
		for (size_t j = 0; j < n; j++)
			if (!m[j].veto && cents(m[j].score) >= mine)
				ahead++;
		if (ahead > quota) {
			m[i].grade = GRADE_COMPETENT;
			m[i].basis = BASIS_QUOTA;
		}
	}
}
