/*
 * Unit tests for core/bulletin.c: which tasks the red-and-late list
 * carries and their days overdue, the summary's sums and on-time rate,
 * the titles. Lights come from task_light (default thresholds); every
 * expected number is worked out by hand beside it. T is 2026-11-26.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/bulletin.h"
#include "util/date.h"

#include <math.h>
#include <string.h>

static int T;
static struct settings S;
static struct period Q4;

static int setup(void **state)
{
	struct err e = ERR_INIT;

	(void)state;
	T = date_from_ymd(2026, 11, 26);
	settings_default(&S);
	assert_int_equal(period_parse("2026-Q4", &Q4, &e), LS_OK);
	return 0;
}

static void live(struct task *t, int due)
{
	task_init(t);
	t->id = 1;
	t->status = TASK_DOING;
	t->created_on = T - 1;
	t->activity_on = T;
	t->due = due;
}

static bool listed(const struct task *t, int *days)
{
	return bulletin_listed(t, task_light(t, T, &S), T, &Q4, days);
}

static void test_red_past_due(void **state)
{
	struct task t;
	int days = -99;

	(void)state;
	/* due 2026-11-16: red, 26 − 16 = 10 days overdue */
	live(&t, date_from_ymd(2026, 11, 16));
	assert_true(listed(&t, &days));
	assert_int_equal(days, 10);
	/* due 2025-12-31, still open: red whatever the period, 330 days
	 * (Dec 31 → Nov 26: 365 − 35 = 330) */
	live(&t, date_from_ymd(2025, 12, 31));
	assert_true(listed(&t, &days));
	assert_int_equal(days, 330);
	/* due today: yellow, not listed */
	live(&t, T);
	assert_false(listed(&t, &days));
}

static void test_red_by_milestone(void **state)
{
	struct task t;
	int days = -99;

	(void)state;
	/* due 2026-12-20, an unfinished milestone due 2026-11-20: red by
	 * the milestone, 26 − 20 = 6 days overdue */
	live(&t, date_from_ymd(2026, 12, 20));
	t.ms_due = date_from_ymd(2026, 11, 20);
	assert_true(listed(&t, &days));
	assert_int_equal(days, 6);
	/* past due and a milestone: the due counts, 26 − 21 = 5 */
	live(&t, date_from_ymd(2026, 11, 21));
	t.ms_due = date_from_ymd(2026, 11, 1);
	assert_true(listed(&t, &days));
	assert_int_equal(days, 5);
}

static void test_late(void **state)
{
	struct task t;
	int days = -99;

	(void)state;
	/* due 10-30, closed 11-04 (within Q4): 4 + 1 = 5 days late */
	live(&t, date_from_ymd(2026, 10, 30));
	t.status = TASK_DONE;
	t.closed_on = date_from_ymd(2026, 11, 4);
	assert_true(listed(&t, &days));
	assert_int_equal(days, 5);
	/* closed late on 09-30, before Q4: not listed */
	t.due = date_from_ymd(2026, 9, 20);
	t.closed_on = date_from_ymd(2026, 9, 30);
	assert_false(listed(&t, &days));
	/* closed late on 10-01, Q4's first day: listed, 11 days */
	t.closed_on = date_from_ymd(2026, 10, 1);
	assert_true(listed(&t, &days));
	assert_int_equal(days, 11);
	/* closed on its due day: on time, not listed */
	t.due = t.closed_on;
	assert_false(listed(&t, &days));
	/* cancelled past due: light none, not listed */
	live(&t, date_from_ymd(2026, 11, 1));
	t.status = TASK_CANCELLED;
	assert_false(listed(&t, &days));
	/* green: not listed */
	live(&t, date_from_ymd(2026, 12, 31));
	assert_false(listed(&t, &days));
}

static void test_summary(void **state)
{
	struct eval_counts a = { .tasks = 5, .closed = 4, .ontime = 3,
				 .cancelled = 1 };
	struct eval_counts b = { .tasks = 2, .closed = 2, .ontime = 0 };
	struct bulletin_summary s;

	(void)state;
	memset(&s, 0, sizeof(s));
	assert_true(isnan(bulletin_ontime_rate(&s)));
	bulletin_add_counts(&s, &a);
	bulletin_add_counts(&s, &b);
	assert_int_equal(s.due, 7);		/* 5 + 2 */
	assert_int_equal(s.ontime, 3);		/* 3 + 0 */
	assert_int_equal(s.late, 3);		/* (4 − 3) + (2 − 0) */
	assert_int_equal(s.cancelled, 1);
	/* 3 on time of 6 closed: 50 % */
	assert_true(fabs(bulletin_ontime_rate(&s) - 50.0) < 1e-9);
}

static void test_titles(void **state)
{
	struct err e = ERR_INIT;
	struct period p;
	char t[96];

	(void)state;
	bulletin_title(&Q4, LANG_ZH, t, sizeof(t));
	assert_string_equal(t, "2026年第四季度督查通报");
	bulletin_title(&Q4, LANG_EN, t, sizeof(t));
	assert_string_equal(t, "Supervision bulletin, 2026-Q4");
	assert_int_equal(period_parse("2026", &p, &e), LS_OK);
	bulletin_title(&p, LANG_ZH, t, sizeof(t));
	assert_string_equal(t, "2026年督查通报");
	assert_int_equal(period_parse("2026-02", &p, &e), LS_OK);
	bulletin_title(&p, LANG_ZH, t, sizeof(t));
	assert_string_equal(t, "2026年2月督查通报");
	assert_int_equal(period_parse("2027-Q1", &p, &e), LS_OK);
	bulletin_title(&p, LANG_ZH, t, sizeof(t));
	assert_string_equal(t, "2027年第一季度督查通报");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_red_past_due),
		cmocka_unit_test(test_red_by_milestone),
		cmocka_unit_test(test_late),
		cmocka_unit_test(test_summary),
		cmocka_unit_test(test_titles),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
