/*
 * Unit tests for core/eval.c. Every expected number is worked out by hand
 * in the comment beside it, never by the code under test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/eval.h"
#include "util/date.h"

#include <math.h>
#include <string.h>

#define NUL NAN

static void near(double got, double want)
{
	assert_true(fabs(got - want) < 1e-9);
}

static void test_metrics_and_default_score(void **state)
{
	struct eval_counts c = { .tasks = 10, .closed = 8, .ontime = 6,
				 .answered = 7, .daily = 4, .daily_same = 3,
				 .ind_sum = 1.5, .ind_n = 2,
				 .insp_sum = 170, .insp_n = 2 };
	struct eval_scheme s;
	double m[EVAL_NMETRICS];

	(void)state;
	eval_scheme_default(&s);
	eval_metrics(&c, m);
	near(m[EVAL_COMPLETION], 80);	/* 8/10 × 100 */
	near(m[EVAL_ONTIME], 75);	/* 6/8 × 100 */
	near(m[EVAL_RESPONSE], 70);	/* 7/10 × 100 */
	near(m[EVAL_DAILY], 75);	/* 3/4 × 100 */
	near(m[EVAL_INDICATORS], 75);	/* 1.5/2 × 100 */
	near(m[EVAL_INSPECTION], 85);	/* 170/2 */
	/* (30·80 + 20·75 + 10·70 + 5·75 + 25·75 + 10·85) / 100
	 * = (2400 + 1500 + 700 + 375 + 1875 + 850) / 100 = 7700/100 = 77 */
	near(eval_score(&s, m, &c), 77);
}

static void test_null_redistribution_bonus_penalty(void **state)
{
	/* completion 80, ontime 50, indicators 60; others have no data */
	double m[EVAL_NMETRICS] = { 80, 50, NUL, NUL, 60, NUL };
	struct eval_counts c = { .bonus = 2, .penalty = 5, .merits = 2 };
	struct eval_scheme s;

	(void)state;
	eval_scheme_default(&s);
	/* (30·80 + 20·50 + 25·60) / (30 + 20 + 25) = 4900/75 = 65.3333…
	 * + 2 − 5 = 62.3333… → 62.33 */
	near(eval_round2(eval_score(&s, m, &c)), 62.33);
	c.bonus = c.penalty = 0;
	c.merits = 0;
	near(eval_round2(eval_score(&s, m, &c)), 65.33);
}

static void test_all_null(void **state)
{
	double m[EVAL_NMETRICS] = { NUL, NUL, NUL, NUL, NUL, NUL };
	struct eval_counts c;
	struct eval_scheme s;

	(void)state;
	memset(&c, 0, sizeof(c));
	eval_scheme_default(&s);
	assert_true(isnan(eval_score(&s, m, &c)));
	/* no metric but a commendation of 3 points: 0 + 3 − 0 = 3 */
	c.bonus = 3;
	c.merits = 1;
	near(eval_score(&s, m, &c), 3);
	/* a zero weight ignores its metric: inspection 90 only, weight 0 */
	m[EVAL_INSPECTION] = 90;
	s.w[EVAL_INSPECTION] = 0;
	c.bonus = 0;
	c.merits = 0;
	assert_true(isnan(eval_score(&s, m, &c)));
}

static void test_rank_ties(void **state)
{
	double a[] = { 90, 85, 85, 70 };
	/* 80.004 and 80.001 print as 80, like 80: three tie at 2, the next
	 * is 2 + 3 = 5; a null score is unranked (0) */
	double b[] = { 80.004, 80, 90, 80.001, 70, NUL };
	int r[6];

	(void)state;
	eval_rank(a, 4, r);
	assert_int_equal(r[0], 1);
	assert_int_equal(r[1], 2);
	assert_int_equal(r[2], 2);
	assert_int_equal(r[3], 4);
	eval_rank(b, 6, r);
	assert_int_equal(r[0], 2);
	assert_int_equal(r[1], 2);
	assert_int_equal(r[2], 1);
	assert_int_equal(r[3], 2);
	assert_int_equal(r[4], 5);
	assert_int_equal(r[5], 0);
	/* 80.006 rounds to 80.01, above the two 80.00: ranks 2 then 3 */
	b[0] = 80.006;
	eval_rank(b, 6, r);
	assert_int_equal(r[0], 2);
	assert_int_equal(r[1], 3);
}

static void test_round2(void **state)
{
	(void)state;
	near(eval_round2(0.125), 0.13);		/* exact in binary: half up */
	near(eval_round2(-0.125), -0.13);	/* half away from zero */
	near(eval_round2(200.0 / 3.0), 66.67);	/* 66.666… */
	near(eval_round2(62.5 / 3.0), 20.83);	/* 20.8333… */
}

static void test_wilson(void **state)
{
	double lo, hi;

	(void)state;
	/* k = 8, n = 10: p = 0.8, z² = 3.8416, 1 + z²/n = 1.38416,
	 * centre p + z²/2n = 0.99208,
	 * half = 1.96·√(0.8·0.2/10 + 3.8416/400) = 1.96·√0.025604
	 *      = 1.96·0.1600125 = 0.3136245,
	 * lo = 0.6784555/1.38416 = 0.49016, hi = 1.3057045/1.38416 = 0.94332 */
	eval_wilson(8, 10, &lo, &hi);
	near(eval_round2(lo), 49.02);
	near(eval_round2(hi), 94.33);
	/* k = 0, n = 4: centre = half = 3.8416/8 = 0.4802 → lo 0,
	 * hi = 0.9604 / (1 + 0.9604) = 0.9604/1.9604 = 0.48990 */
	eval_wilson(0, 4, &lo, &hi);
	near(eval_round2(lo), 0);
	near(eval_round2(hi), 48.99);
	/* k = n = 4: the mirror image, lo = 100 − 48.99 = 51.01, hi 100 */
	eval_wilson(4, 4, &lo, &hi);
	near(eval_round2(lo), 51.01);
	near(eval_round2(hi), 100);
	eval_wilson(0, 0, &lo, &hi);
	assert_true(isnan(lo) && isnan(hi));
}

static void test_funnel(void **state)
{
	(void)state;
	/* p0 = 0.5, n = 100: 1.96·√(0.25/100) = 1.96·0.05 = 0.098, so the
	 * band is [0.402, 0.598] */
	assert_int_equal(eval_funnel(60, 100, 0.5), FUNNEL_ABOVE);
	assert_int_equal(eval_funnel(59, 100, 0.5), FUNNEL_WITHIN);
	assert_int_equal(eval_funnel(41, 100, 0.5), FUNNEL_WITHIN);
	assert_int_equal(eval_funnel(40, 100, 0.5), FUNNEL_BELOW);
	/* p0 = 0.8, n = 4: 1.96·√(0.16/4) = 1.96·0.2 = 0.392, band
	 * [0.408, 1.192]: 1/4 = 0.25 below, 2/4 within, 4/4 within */
	assert_int_equal(eval_funnel(1, 4, 0.8), FUNNEL_BELOW);
	assert_int_equal(eval_funnel(2, 4, 0.8), FUNNEL_WITHIN);
	assert_int_equal(eval_funnel(4, 4, 0.8), FUNNEL_WITHIN);
	assert_int_equal(eval_funnel(0, 0, 0.8), FUNNEL_NONE);
	assert_null(funnel_name(FUNNEL_NONE));
	assert_string_equal(funnel_name(FUNNEL_BELOW), "below");
}

static void test_funnel_limits(void **state)
{
	double lo, hi;

	(void)state;
	/* the bands above: [0.402, 0.598] and [0.408, 1.192] */
	eval_funnel_limits(100, 0.5, &lo, &hi);
	near(lo, 0.402);
	near(hi, 0.598);
	eval_funnel_limits(4, 0.8, &lo, &hi);
	near(lo, 0.408);
	near(hi, 1.192);
	/* p0 = 0.9, n = 36: 1.96·√(0.09/36) = 1.96·0.05 = 0.098 */
	eval_funnel_limits(36, 0.9, &lo, &hi);
	near(lo, 0.802);
	near(hi, 0.998);
	/* p0 = 1 (every task on time): the band closes on it */
	eval_funnel_limits(10, 1.0, &lo, &hi);
	near(lo, 1);
	near(hi, 1);
}

static void test_scheme(void **state)
{
	struct eval_scheme s;
	struct err e = ERR_INIT;

	(void)state;
	eval_scheme_default(&s);
	assert_int_equal(eval_scheme_set(&s, "weights", "daily", 0, &e),
			 LS_OK);
	assert_int_equal(eval_scheme_set(&s, "warn", "score", 60, &e),
			 LS_OK);
	near(s.warn_score, 60);
	assert_int_equal(eval_scheme_set(&s, "warn", "ontime", 80, &e),
			 LS_OK);
	near(s.warn[EVAL_ONTIME], 80);
	assert_int_equal(eval_scheme_set(&s, "weights", "speed", 1, &e),
			 LS_EINVAL);
	assert_string_equal(e.field, "weights.speed");
	assert_non_null(strstr(e.msg, "'speed'"));
	assert_int_equal(eval_scheme_set(&s, "weights", "score", 1, &e),
			 LS_EINVAL);
	assert_int_equal(eval_scheme_set(&s, "weights", "ontime", -1, &e),
			 LS_EINVAL);
	assert_string_equal(e.field, "weights.ontime");
	assert_int_equal(eval_scheme_set(&s, "weights", "ontime", NAN, &e),
			 LS_EINVAL);
	assert_int_equal(eval_scheme_set(&s, "colour", "x", 1, &e),
			 LS_EINVAL);
	assert_int_equal(eval_scheme_check(&s, &e), LS_OK);
	for (int i = 0; i < EVAL_NMETRICS; i++)
		s.w[i] = 0;
	assert_int_equal(eval_scheme_check(&s, &e), LS_EINVAL);
	assert_string_equal(e.field, "weights");
}

static struct task mk(const char *due, const char *created,
		      const char *acked, enum task_status st,
		      const char *closed, bool daily)
{
	struct task t;

	task_init(&t);
	date_parse(due, &t.due);
	t.created_at = created;
	instant_date(created, &t.created_on);
	t.acked_at = acked;
	t.status = st;
	t.closed_on = DATE_NONE;
	if (closed)
		date_parse(closed, &t.closed_on);
	t.daily = daily;
	return t;
}

static void test_task_flags(void **state)
{
	struct period q4;
	struct err e = ERR_INIT;
	struct eval_counts c;
	struct task t;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_int_equal(period_parse("2026-Q4", &q4, &e), LS_OK);
	/* acked exactly 24 h after creation, closed 2 days after due */
	t = mk("2026-11-10", "2026-11-01T00:00:00Z", "2026-11-02T00:00:00Z",
	       TASK_DONE, "2026-11-12", false);
	assert_int_equal(eval_task_flags(&t, &q4, 24),
			 EVAL_T_COUNTED | EVAL_T_CLOSED | EVAL_T_ANSWERED);
	eval_tally(&c, eval_task_flags(&t, &q4, 24));
	/* a daily task closed the day it was created, acked 25 h late */
	t = mk("2026-11-05", "2026-11-05T00:00:00Z", "2026-11-06T01:00:00Z",
	       TASK_DONE, "2026-11-05", true);
	assert_int_equal(eval_task_flags(&t, &q4, 24),
			 EVAL_T_COUNTED | EVAL_T_CLOSED | EVAL_T_ONTIME |
			 EVAL_T_DAILY | EVAL_T_DAILY_SAME);
	eval_tally(&c, eval_task_flags(&t, &q4, 24));
	/* closed after the period's end: counted, not closed */
	t = mk("2026-12-30", "2026-12-01T00:00:00Z", NULL, TASK_DONE,
	       "2027-01-02", false);
	assert_int_equal(eval_task_flags(&t, &q4, 24), EVAL_T_COUNTED);
	eval_tally(&c, eval_task_flags(&t, &q4, 24));
	/* cancelled, or due outside the period: not counted (a cancelled
	 * one due in the period is flagged cancelled, for the bulletin) */
	t = mk("2026-11-10", "2026-11-01T00:00:00Z", NULL, TASK_CANCELLED,
	       NULL, false);
	assert_int_equal(eval_task_flags(&t, &q4, 24), EVAL_T_CANCELLED);
	eval_tally(&c, eval_task_flags(&t, &q4, 24));
	t = mk("2026-09-10", "2026-09-01T00:00:00Z", NULL, TASK_CANCELLED,
	       NULL, false);
	assert_int_equal(eval_task_flags(&t, &q4, 24), 0);
	eval_tally(&c, eval_task_flags(&t, &q4, 24));
	t = mk("2026-09-30", "2026-09-01T00:00:00Z", NULL, TASK_DONE,
	       "2026-09-02", false);
	assert_int_equal(eval_task_flags(&t, &q4, 24), 0);
	eval_tally(&c, eval_task_flags(&t, &q4, 24));
	/* 3 counted, 2 closed, 1 on time, 1 answered, 1 daily, 1 same day */
	assert_int_equal(c.tasks, 3);
	assert_int_equal(c.closed, 2);
	assert_int_equal(c.ontime, 1);
	assert_int_equal(c.answered, 1);
	assert_int_equal(c.daily, 1);
	assert_int_equal(c.daily_same, 1);
	assert_int_equal(c.cancelled, 1);
}

static void test_warnings(void **state)
{
	struct eval_scheme s;
	/* completion 79.994 rounds to 79.99 < 80: warns; ontime 80.0 is
	 * not below 80; response null never warns */
	double m[EVAL_NMETRICS] = { 79.994, 80, NAN, 50, 50, 50 };
	struct err e = ERR_INIT;

	(void)state;
	eval_scheme_default(&s);
	assert_int_equal(eval_warnings(&s, m, 10), 0);	/* no thresholds */
	assert_int_equal(eval_scheme_set(&s, "warn", "completion", 80, &e),
			 LS_OK);
	assert_int_equal(eval_scheme_set(&s, "warn", "ontime", 80, &e),
			 LS_OK);
	assert_int_equal(eval_scheme_set(&s, "warn", "response", 80, &e),
			 LS_OK);
	assert_int_equal(eval_scheme_set(&s, "warn", "score", 60, &e),
			 LS_OK);
	/* score 59.996 rounds to 60.00: not below 60 */
	assert_int_equal(eval_warnings(&s, m, 59.996), 1u << EVAL_COMPLETION);
	/* 59.994 → 59.99 < 60 */
	assert_int_equal(eval_warnings(&s, m, 59.994),
			 (1u << EVAL_COMPLETION) | EVAL_WARN_SCORE);
	assert_int_equal(eval_warnings(&s, m, NAN), 1u << EVAL_COMPLETION);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_metrics_and_default_score),
		cmocka_unit_test(test_null_redistribution_bonus_penalty),
		cmocka_unit_test(test_all_null),
		cmocka_unit_test(test_rank_ties),
		cmocka_unit_test(test_round2),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_wilson),
		cmocka_unit_test(test_funnel),
		cmocka_unit_test(test_funnel_limits),
		cmocka_unit_test(test_scheme),
		cmocka_unit_test(test_task_flags),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
