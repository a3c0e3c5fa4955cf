/*
 * Cadre assessment (干部考核, SPEC §6): five dimensions scored by raters of
 * four types, renormalised over the types present, blended with task
 * performance, graded with a per-unit quota on `excellent` and a veto.
 * Pure rules, no I/O: the store fills struct rating, svc/cadre*.c gathers
 * them per person and asks these functions; nothing else computes a score.
 */
#ifndef LUOSHI_CADRE_H
#define LUOSHI_CADRE_H

#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

enum cadre_dim {
	CADRE_POLITICAL,	/* 政治过硬 20 */
	CADRE_COMPETENCE,	/* 本领高强 25 */
	CADRE_RESPONSIBILITY,	/* 敢于担当 20 */
	CADRE_STRUGGLE,		/* 敢于斗争 15 */
	CADRE_CONDUCT,		/* 作风优良 20 */
};
#define CADRE_NDIM 5

enum rater_type {
	RATER_SUPERIOR,		/* 40 */
	RATER_PEER,		/* 30 */
	RATER_SUBORDINATE,	/* 20 */
	RATER_PUBLIC,		/* 10 */
};
#define RATER_NTYPE 4

enum cadre_grade {
	GRADE_EXCELLENT,	/* 优秀 */
	GRADE_COMPETENT,	/* 称职 */
	GRADE_BASIC,		/* 基本称职 */
	GRADE_INCOMPETENT,	/* 不称职 */
};

/* Why a person got their grade. */
enum cadre_basis {
	BASIS_SCORE,	/* the score's band */
	BASIS_QUOTA,	/* ≥ 90 but beyond the unit's excellent quota */
	BASIS_VETO,	/* a rater's veto (一票否决) */
};

/*
 * One rater's ballot on one person for one period. Strings point into
 * `arena` when the store filled it, else are borrowed. name, unit and
 * unit_path describe the rated person (read only, filled by the store).
 */
struct rating {
	long long id;
	const char *login;	/* the rated person */
	const char *period;	/* "2026", "2026-Q3", "2026-11" */
	const char *rater;
	enum rater_type type;
	int score[CADRE_NDIM];	/* 0..100 each */
	const char *veto;	/* reason, NULL when none */
	const char *by;		/* who recorded it */
	const char *at;		/* when (RFC 3339) */
	const char *name;
	const char *unit;
	const char *unit_path;
	struct buf arena;
};

void rating_init(struct rating *r);
void rating_release(struct rating *r);

const char *cadre_dim_name(enum cadre_dim d);
int cadre_dim_weight(enum cadre_dim d);
bool rater_type_parse(const char *s, enum rater_type *t);
const char *rater_type_name(enum rater_type t);
int rater_type_weight(enum rater_type t);
const char *cadre_grade_name(enum cadre_grade g);
const char *cadre_basis_name(enum cadre_basis b);

/* Half up to 2 decimals (values are never negative here). */
double cadre_round2(double v);

/* A rater's score: Σ dimension weight × score / Σ dimension weights. */
double cadre_rater_score(const int score[CADRE_NDIM]);

/* Ballots of one person gathered by rater type. */
struct cadre_acc {
	int n[RATER_NTYPE];			/* raters of the type */
	double dim[RATER_NTYPE][CADRE_NDIM];	/* sums of dimension scores */
	double sum[RATER_NTYPE];		/* sums of rater scores */
};

void cadre_acc_init(struct cadre_acc *a);
void cadre_acc_add(struct cadre_acc *a, enum rater_type t,
		   const int score[CADRE_NDIM]);
/* Mean rater score of a type; NAN when it has no raters. */
double cadre_type_mean(const struct cadre_acc *a, enum rater_type t);
/* Mean score of one dimension given by a type; NAN when none. */
double cadre_dim_mean(const struct cadre_acc *a, enum rater_type t,
		      enum cadre_dim d);
/* A type's weight renormalised over the types present, in [0, 1]. */
double cadre_type_share(const struct cadre_acc *a, enum rater_type t);
/* Σ type weight × type mean / Σ type weights present; NAN with none. */
double cadre_rating(const struct cadre_acc *a);

/* On-time closed / owned × 100; NAN when owned is 0. */
double cadre_performance(long long ontime, long long owned);
/* 0.7 × rating + 0.3 × performance; the rating alone without tasks. */
double cadre_score(double rating, double performance);
/* The band of a score: ≥ 90, ≥ 70, ≥ 60, else incompetent. */
enum cadre_grade cadre_band(double score);

/* One assessed person of a unit, as cadre_grade_unit sees it. */
struct cadre_mark {
	double score;		/* already rounded to 2 decimals */
	bool veto;
	enum cadre_grade grade;	/* out */
	enum cadre_basis basis;	/* out */
};

/*
 * At most floor(0.2 × n) may be excellent: the excellent quota of a unit
 * with n persons assessed (n / 5 in integers).
 */
int cadre_quota(size_t n);
/*
 * Grades the n persons assessed in one unit: a veto → incompetent; else
 * the band of the score, except that a score ≥ 90 is excellent only when
 * the number of non-vetoed persons scoring at least as much (ties
 * included) is within the quota; the others fall to competent. So when
 * admitting every person tied at the boundary would exceed the quota,
 * none of them is admitted: "at most" always holds.
 */
void cadre_grade_unit(struct cadre_mark *m, size_t n);

#endif
