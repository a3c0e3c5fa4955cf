/*
 * Unit tests for cadre assessment (core/cadre.c, SPEC §6): rater scores,
 * renormalisation over the rater types present, performance and score,
 * bands, the excellent quota (4/5/10/11 assessed, ties at the boundary),
 * the veto, rounding and the temporary period parser. Every expected
 * number is computed by hand in the comment beside it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/cadre.h"
#include "util/date.h"

#include <math.h>

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-9)

static const int s90[CADRE_NDIM] = { 90, 90, 90, 90, 90 };
static const int s80[CADRE_NDIM] = { 80, 80, 80, 80, 80 };
static const int s70[CADRE_NDIM] = { 70, 70, 70, 70, 70 };
static const int s60[CADRE_NDIM] = { 60, 60, 60, 60, 60 };

static void test_rater_score(void **state)
{
	static const int mixed[CADRE_NDIM] = { 80, 90, 70, 60, 100 };
	static const int all100[CADRE_NDIM] = { 100, 100, 100, 100, 100 };
	static const int all0[CADRE_NDIM] = { 0, 0, 0, 0, 0 };
	/* 20·90 + 25·91 + 20·90 + 15·88 + 20·90 = 8995 → 89.95 */
	static const int near90[CADRE_NDIM] = { 90, 91, 90, 88, 90 };

	(void)state;
	/* 20·80 + 25·90 + 20·70 + 15·60 + 20·100 = 1600 + 2250 + 1400 +
	 * 900 + 2000 = 8150; / (20+25+20+15+20 = 100) = 81.5 */
	assert_near(cadre_rater_score(mixed), 81.5);
	assert_near(cadre_rater_score(all100), 100);
	assert_near(cadre_rater_score(all0), 0);
	assert_near(cadre_rater_score(near90), 89.95);
}

static void test_all_types(void **state)
{
	struct cadre_acc a;

	(void)state;
	cadre_acc_init(&a);
	cadre_acc_add(&a, RATER_SUPERIOR, s90);
	cadre_acc_add(&a, RATER_PEER, s80);
	cadre_acc_add(&a, RATER_SUBORDINATE, s70);
	cadre_acc_add(&a, RATER_PUBLIC, s60);
	/* (40·90 + 30·80 + 20·70 + 10·60) / 100 = (3600 + 2400 + 1400 +
	 * 600) / 100 = 80 */
	assert_near(cadre_rating(&a), 80);
	assert_near(cadre_type_share(&a, RATER_SUPERIOR), 0.4);
	assert_near(cadre_type_share(&a, RATER_PUBLIC), 0.1);
}

static void test_renormalised(void **state)
{
	struct cadre_acc a;

	(void)state;
	/* superior 90 and public 60 only: (40·90 + 10·60) / (40 + 10) =
	 * 4200 / 50 = 84; shares 40/50 = 0.8 and 10/50 = 0.2 */
	cadre_acc_init(&a);
	cadre_acc_add(&a, RATER_SUPERIOR, s90);
	cadre_acc_add(&a, RATER_PUBLIC, s60);
	assert_near(cadre_rating(&a), 84);
	assert_near(cadre_type_share(&a, RATER_SUPERIOR), 0.8);
	assert_near(cadre_type_share(&a, RATER_PUBLIC), 0.2);
	assert_near(cadre_type_share(&a, RATER_PEER), 0);
	assert_true(isnan(cadre_type_mean(&a, RATER_PEER)));
	assert_true(isnan(cadre_dim_mean(&a, RATER_PEER, CADRE_CONDUCT)));

	/* peers 80 and 70 (mean 75), one subordinate 90: (30·75 + 20·90) /
	 * 50 = (2250 + 1800) / 50 = 81; the peer share is 30/50 = 0.6 */
	cadre_acc_init(&a);
	cadre_acc_add(&a, RATER_PEER, s80);
	cadre_acc_add(&a, RATER_PEER, s70);
	cadre_acc_add(&a, RATER_SUBORDINATE, s90);
	assert_int_equal(a.n[RATER_PEER], 2);
	assert_near(cadre_type_mean(&a, RATER_PEER), 75);
	assert_near(cadre_dim_mean(&a, RATER_PEER, CADRE_POLITICAL), 75);
	assert_near(cadre_rating(&a), 81);
	assert_near(cadre_type_share(&a, RATER_PEER), 0.6);

	/* one type alone is the rating: superior 81.5 → 81.5 */
	cadre_acc_init(&a);
	cadre_acc_add(&a, RATER_SUPERIOR,
		      (const int[CADRE_NDIM]){ 80, 90, 70, 60, 100 });
	assert_near(cadre_rating(&a), 81.5);
	assert_near(cadre_type_share(&a, RATER_SUPERIOR), 1);

	/* nobody rated: no rating */
	cadre_acc_init(&a);
	assert_true(isnan(cadre_rating(&a)));
}

static void test_performance_and_score(void **state)
{
	(void)state;
	/* 3 of 4 on time: 75; score 0.7·80 + 0.3·75 = 56 + 22.5 = 78.5 */
	assert_near(cadre_performance(3, 4), 75);
	assert_near(cadre_score(80, cadre_performance(3, 4)), 78.5);
	/* no owned tasks: performance null, score = rating alone (84) */
	assert_true(isnan(cadre_performance(0, 0)));
	assert_near(cadre_score(84, cadre_performance(0, 0)), 84);
	/* owned but none on time: 0; 0.7·90 + 0 = 63 */
	assert_near(cadre_performance(0, 2), 0);
	assert_near(cadre_score(90, 0), 63);
	/* 1 of 3: 33.33…; 0.7·80 + 0.3·100/3 = 56 + 10 = 66 */
	assert_near(cadre_round2(cadre_score(80, cadre_performance(1, 3))),
		    66);
	assert_near(cadre_round2(cadre_performance(1, 3)), 33.33);
	assert_near(cadre_round2(cadre_performance(2, 3)), 66.67);
}

static void test_rounding(void **state)
{
	struct cadre_acc a;
	static const int near90[CADRE_NDIM] = { 90, 91, 90, 88, 90 };

	(void)state;
	/* peers 89.95 and 90: mean 179.95 / 2 = 89.975, exactly half a
	 * cent: half up gives 89.98 */
	cadre_acc_init(&a);
	cadre_acc_add(&a, RATER_PEER, near90);
	cadre_acc_add(&a, RATER_PEER, s90);
	assert_near(cadre_round2(cadre_rating(&a)), 89.98);
	assert_near(cadre_round2(84.444), 84.44);
	assert_near(cadre_round2(84.445), 84.45);
	/* 1.005 is the double 1.00499999…: 100.4999… cents, nudged up */
	assert_near(cadre_round2(1.005), 1.01);
	assert_near(cadre_round2(0), 0);
	assert_near(cadre_round2(100), 100);
	/* the band reads the rounded score: 89.996 → 90 → excellent */
	assert_int_equal(cadre_band(cadre_round2(89.996)), GRADE_EXCELLENT);
	assert_int_equal(cadre_band(cadre_round2(89.994)), GRADE_COMPETENT);
}

static void test_bands(void **state)
{
	(void)state;
	assert_int_equal(cadre_band(100), GRADE_EXCELLENT);
	assert_int_equal(cadre_band(90), GRADE_EXCELLENT);
	assert_int_equal(cadre_band(89.99), GRADE_COMPETENT);
	assert_int_equal(cadre_band(70), GRADE_COMPETENT);
	assert_int_equal(cadre_band(69.99), GRADE_BASIC);
	assert_int_equal(cadre_band(60), GRADE_BASIC);
	assert_int_equal(cadre_band(59.99), GRADE_INCOMPETENT);
	assert_int_equal(cadre_band(0), GRADE_INCOMPETENT);
	assert_string_equal(cadre_grade_name(GRADE_BASIC), "basic");
}

static void test_quota(void **state)
{
	(void)state;
	/* floor(0.2 × n) */
	assert_int_equal(cadre_quota(0), 0);
	assert_int_equal(cadre_quota(4), 0);	/* 0.8 → 0 */
	assert_int_equal(cadre_quota(5), 1);	/* 1.0 → 1 */
	assert_int_equal(cadre_quota(9), 1);	/* 1.8 → 1 */
	assert_int_equal(cadre_quota(10), 2);	/* 2.0 → 2 */
	assert_int_equal(cadre_quota(11), 2);	/* 2.2 → 2 */
}

static void grade(struct cadre_mark *m, size_t n, const double *score,
		  const bool *veto)
{
	for (size_t i = 0; i < n; i++) {
		m[i].score = score[i];
		m[i].veto = veto ? veto[i] : false;
	}
	cadre_grade_unit(m, n);
}

#define E GRADE_EXCELLENT
#define C GRADE_COMPETENT
#define B GRADE_BASIC
#define I GRADE_INCOMPETENT

static void expect(const struct cadre_mark *m, size_t n,
		   const enum cadre_grade *g, const enum cadre_basis *b)
{
	for (size_t i = 0; i < n; i++) {
		if (m[i].grade != g[i] || m[i].basis != b[i])
			fail_msg("person %zu (score %.2f): %s/%s, want %s/%s",
				 i, m[i].score, cadre_grade_name(m[i].grade),
				 cadre_basis_name(m[i].basis),
				 cadre_grade_name(g[i]),
				 cadre_basis_name(b[i]));
	}
}

static void test_four_assessed(void **state)
{
	/* quota floor(0.8) = 0: every ≥ 90 falls to competent */
	static const double sc[] = { 95, 92, 91, 90 };
	static const enum cadre_grade g[] = { C, C, C, C };
	static const enum cadre_basis b[] = {
		BASIS_QUOTA, BASIS_QUOTA, BASIS_QUOTA, BASIS_QUOTA,
	};
	struct cadre_mark m[4];

	(void)state;
	grade(m, 4, sc, NULL);
	expect(m, 4, g, b);
}

static void test_five_assessed(void **state)
{
	/* quota 1: 95 in; 92 is the second ≥ 90: competent by quota; the
	 * rest by band (85, 70 competent, 50 incompetent) */
	static const double sc[] = { 85, 92, 95, 70, 50 };
	static const enum cadre_grade g[] = { C, C, E, C, I };
	static const enum cadre_basis b[] = {
		BASIS_SCORE, BASIS_QUOTA, BASIS_SCORE, BASIS_SCORE,
		BASIS_SCORE,
	};
	struct cadre_mark m[5];

	(void)state;
	grade(m, 5, sc, NULL);
	expect(m, 5, g, b);
}

static void test_ten_assessed(void **state)
{
	/* quota 2: 99 and 98 in, 97 and 91 out; 65 and 60 basic, 10 and
	 * 59.99 incompetent */
	static const double sc[] = { 99, 98, 97, 91, 80, 75, 65, 60, 59.99,
				     10 };
	static const enum cadre_grade g[] = { E, E, C, C, C, C, B, B, I, I };
	static const enum cadre_basis b[] = {
		BASIS_SCORE, BASIS_SCORE, BASIS_QUOTA, BASIS_QUOTA,
		BASIS_SCORE, BASIS_SCORE, BASIS_SCORE, BASIS_SCORE,
		BASIS_SCORE, BASIS_SCORE,
	};
	struct cadre_mark m[10];

	(void)state;
	grade(m, 10, sc, NULL);
	expect(m, 10, g, b);
}

static void test_eleven_tie_at_boundary(void **state)
{
	/* quota floor(2.2) = 2: 96 takes one place (1 ≥ 96); the two 94s
	 * would make 3 > 2, so neither is admitted; 90 has 4 ahead */
	static const double sc[] = { 94, 96, 94, 90, 80, 80, 80, 80, 80, 80,
				     80 };
	static const enum cadre_grade g[] = { C, E, C, C, C, C, C, C, C, C,
					      C };
	static const enum cadre_basis b[] = {
		BASIS_QUOTA, BASIS_SCORE, BASIS_QUOTA, BASIS_QUOTA,
		BASIS_SCORE, BASIS_SCORE, BASIS_SCORE, BASIS_SCORE,
		BASIS_SCORE, BASIS_SCORE, BASIS_SCORE,
	};
	struct cadre_mark m[11];

	(void)state;
	grade(m, 11, sc, NULL);
	expect(m, 11, g, b);
}

static void test_tie_that_fits(void **state)
{
	/* quota 2 of 10: the two 95s make exactly 2: both in; 93 has 3 */
	static const double sc[] = { 95, 93, 95, 80, 80, 80, 80, 80, 80,
				     80 };
	struct cadre_mark m[10];

	(void)state;
	grade(m, 10, sc, NULL);
	assert_int_equal(m[0].grade, E);
	assert_int_equal(m[2].grade, E);
	assert_int_equal(m[1].grade, C);
	assert_int_equal(m[1].basis, BASIS_QUOTA);
}

static void test_tie_within_cents(void **state)
{
	/* 5 assessed, quota 1: 95.001 and 95 round to the same 95.00 and
	 * tie (callers pass rounded scores; ties compare whole cents) */
	static const double sc[] = { 95.001, 95.00, 70, 70, 70 };
	struct cadre_mark m[5];

	(void)state;
	grade(m, 5, sc, NULL);
	assert_int_equal(m[0].grade, C);
	assert_int_equal(m[1].grade, C);
	assert_int_equal(m[0].basis, BASIS_QUOTA);
}

static void test_veto(void **state)
{
	/* quota 1 of 5. The vetoed 98 is incompetent and takes no place,
	 * so 95 (1 non-vetoed ≥ 95) is excellent; a vetoed 50 is
	 * incompetent by veto, not by score */
	static const double sc[] = { 98, 95, 80, 70, 50 };
	static const bool veto[] = { true, false, false, false, true };
	static const enum cadre_grade g[] = { I, E, C, C, I };
	static const enum cadre_basis b[] = {
		BASIS_VETO, BASIS_SCORE, BASIS_SCORE, BASIS_SCORE,
		BASIS_VETO,
	};
	struct cadre_mark m[5];

	(void)state;
	grade(m, 5, sc, veto);
	expect(m, 5, g, b);
}

static void test_names(void **state)
{
	enum rater_type t;

	(void)state;
	assert_true(rater_type_parse("subordinate", &t));
	assert_int_equal(t, RATER_SUBORDINATE);
	assert_false(rater_type_parse("boss", &t));
	assert_false(rater_type_parse(NULL, &t));
	assert_string_equal(cadre_dim_name(CADRE_STRUGGLE), "struggle");
	assert_int_equal(cadre_dim_weight(CADRE_COMPETENCE), 25);
	assert_int_equal(rater_type_weight(RATER_PEER), 30);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rater_score),
		cmocka_unit_test(test_all_types),
		cmocka_unit_test(test_renormalised),
		cmocka_unit_test(test_performance_and_score),
		cmocka_unit_test(test_rounding),
		cmocka_unit_test(test_bands),
		cmocka_unit_test(test_quota),
		cmocka_unit_test(test_four_assessed),
		cmocka_unit_test(test_five_assessed),
		cmocka_unit_test(test_ten_assessed),
		cmocka_unit_test(test_eleven_tie_at_boundary),
		cmocka_unit_test(test_tie_that_fits),
		cmocka_unit_test(test_tie_within_cents),
		cmocka_unit_test(test_veto),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
