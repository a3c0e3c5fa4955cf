/*
 * Unit tests for task_light (core/task.c): every rule of SPEC §3's light
 * and its boundaries, with the default thresholds (warn_days 3, lag 25,
 * report_days 7) unless a case says otherwise. T is 2026-11-26.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/settings.h"
#include "core/task.h"
#include "util/date.h"

static int T;
static struct settings S;

static int setup(void **state)
{
	(void)state;
	T = date_from_ymd(2026, 11, 26);
	settings_default(&S);
	return 0;
}

/* A live task due on `due`, worked on today, no start, no milestones. */
static void live(struct task *t, int due)
{
	task_init(t);
	t->id = 1;
	t->status = TASK_DOING;
	t->created_on = T - 1;
	t->activity_on = T;
	t->due = due;
}

static void test_done_on_time(void **state)
{
	struct task t;

	(void)state;
	live(&t, T - 10);
	t.status = TASK_DONE;
	t.closed_on = T - 10;		/* closed on the due day */
	assert_int_equal(task_light(&t, T, &S), LIGHT_DONE);
	t.closed_on = T - 15;		/* early */
	assert_int_equal(task_light(&t, T, &S), LIGHT_DONE);
}

static void test_done_late(void **state)
{
	struct task t;

	(void)state;
	live(&t, T - 10);
	t.status = TASK_DONE;
	t.closed_on = T - 9;		/* one day after due */
	assert_int_equal(task_light(&t, T, &S), LIGHT_LATE);
}

static void test_cancelled_none(void **state)
{
	struct task t;

	(void)state;
	live(&t, T - 10);		/* overdue, but cancelled */
	t.status = TASK_CANCELLED;
	t.ms_due = T - 20;
	assert_int_equal(task_light(&t, T, &S), LIGHT_NONE);
}

static void test_red_overdue(void **state)
{
	struct task t;

	(void)state;
	live(&t, T - 1);
	assert_int_equal(task_light(&t, T, &S), LIGHT_RED);
	t.status = TASK_OPEN;
	assert_int_equal(task_light(&t, T, &S), LIGHT_RED);
	t.status = TASK_REVIEW;		/* awaiting approval is still live */
	assert_int_equal(task_light(&t, T, &S), LIGHT_RED);
}

static void test_red_milestone_overdue(void **state)
{
	struct task t;

	(void)state;
	live(&t, T + 30);
	t.ms_due = T - 1;
	assert_int_equal(task_light(&t, T, &S), LIGHT_RED);
}

static void test_milestone_due_today_not_red(void **state)
{
	struct task t;

	(void)state;
	live(&t, T + 30);
	t.ms_due = T;
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
	t.ms_due = T + 1;
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
}

static void test_due_today_yellow(void **state)
{
	struct task t;

	(void)state;
	live(&t, T);
	assert_int_equal(task_light(&t, T, &S), LIGHT_YELLOW);
}

static void test_warn_days_boundary(void **state)
{
	struct task t;

	(void)state;
	live(&t, T + 3);		/* due − T == warn_days */
	assert_int_equal(task_light(&t, T, &S), LIGHT_YELLOW);
	live(&t, T + 4);		/* warn_days + 1 */
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
}

static void test_warn_days_setting(void **state)
{
	struct settings s = S;
	struct task t;

	(void)state;
	s.warn_days = 0;
	live(&t, T + 1);
	assert_int_equal(task_light(&t, T, &s), LIGHT_GREEN);
	live(&t, T);
	assert_int_equal(task_light(&t, T, &s), LIGHT_YELLOW);
	s.warn_days = 10;
	live(&t, T + 10);
	assert_int_equal(task_light(&t, T, &s), LIGHT_YELLOW);
}

static void test_start_equals_due(void **state)
{
	struct task t;

	(void)state;
	live(&t, T + 10);		/* a one-day task, not begun */
	t.start = T + 10;
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
	live(&t, T);			/* its day is today */
	t.start = T;
	assert_int_equal(task_light(&t, T, &S), LIGHT_YELLOW);
	live(&t, T - 1);		/* and it passed */
	t.start = T - 1;
	assert_int_equal(task_light(&t, T, &S), LIGHT_RED);
}

static void test_no_start_skips_schedule(void **state)
{
	struct task t;

	(void)state;
	live(&t, T + 50);
	t.percent = 0;
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
}

static void test_behind_schedule_boundary(void **state)
{
	struct task t;

	(void)state;
	/* start T−50, due T+50: expected 50, expected − lag = 25 */
	live(&t, T + 50);
	t.start = T - 50;
	t.percent = 25;
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
	t.percent = 24;
	assert_int_equal(task_light(&t, T, &S), LIGHT_YELLOW);
	t.percent = 100;
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
}

static void test_behind_schedule_fraction(void **state)
{
	struct task t;

	(void)state;
	/* start T−10, due T+20: expected 33.33…, minus lag = 8.33… */
	live(&t, T + 20);
	t.start = T - 10;
	t.percent = 9;
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
	t.percent = 8;			/* 8 < 8.33: truncating would miss it */
	assert_int_equal(task_light(&t, T, &S), LIGHT_YELLOW);
}

static void test_behind_schedule_lag_setting(void **state)
{
	struct settings s = S;
	struct task t;

	(void)state;
	s.lag = 0;
	live(&t, T + 50);
	t.start = T - 50;
	t.percent = 50;
	assert_int_equal(task_light(&t, T, &s), LIGHT_GREEN);
	t.percent = 49;
	assert_int_equal(task_light(&t, T, &s), LIGHT_YELLOW);
}

static void test_before_start_no_schedule(void **state)
{
	struct task t;

	(void)state;
	live(&t, T + 50);
	t.start = T + 1;		/* not begun yet */
	t.percent = 0;
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
	t.start = T;			/* begins today: expected 0 */
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
}

static void test_stale_boundary(void **state)
{
	struct task t;

	(void)state;
	live(&t, T + 30);
	t.activity_on = T - 7;		/* exactly report_days */
	assert_int_equal(task_light(&t, T, &S), LIGHT_GREEN);
	t.activity_on = T - 8;		/* report_days + 1 */
	assert_int_equal(task_light(&t, T, &S), LIGHT_YELLOW);
}

static void test_stale_setting(void **state)
{
	struct settings s = S;
	struct task t;

	(void)state;
	s.report_days = 1;
	live(&t, T + 30);
	t.activity_on = T - 1;
	assert_int_equal(task_light(&t, T, &s), LIGHT_GREEN);
	t.activity_on = T - 2;
	assert_int_equal(task_light(&t, T, &s), LIGHT_YELLOW);
}

static void test_red_beats_yellow(void **state)
{
	struct task t;

	(void)state;
	live(&t, T - 1);		/* overdue, behind, and stale */
	t.start = T - 100;
	t.percent = 0;
	t.activity_on = T - 60;
	assert_int_equal(task_light(&t, T, &S), LIGHT_RED);
}

/* A field near T, or DATE_NONE one time in five (xorshift, seed x). */
static int near(unsigned *x, int spread)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	if (*x % 5 == 0)
		return DATE_NONE;
	return T - spread + (int)(*x % (unsigned)(2 * spread + 1));
}

/* t's inputs outside `need` replaced by other values. */
static void scramble(struct task *t, unsigned need, unsigned *x)
{
	if (!(need & TASK_LIGHT_START))
		t->start = near(x, 40);
	if (!(need & TASK_LIGHT_DUE))
		t->due = near(x, 40);
	if (!(need & TASK_LIGHT_PERCENT))
		t->percent = (int)(*x % 101);
	if (!(need & TASK_LIGHT_ACTIVITY))
		t->activity_on = near(x, 40);
	if (!(need & TASK_LIGHT_CLOSED))
		t->closed_on = near(x, 40);
	if (!(need & TASK_LIGHT_MS_DUE))
		t->ms_due = near(x, 40);
}

/*
 * task_light_inputs names every input task_light reads: for 20,000 random
 * tasks of each status, changing the inputs it leaves out never changes
 * the light on any of 9 days. And it leaves out what it says: a done
 * task's start and a cancelled task's everything.
 */
static void test_light_inputs(void **state)
{
	unsigned x = 2463534242u;

	(void)state;
	for (int st = 0; st < TASK_NSTATUS; st++) {
		unsigned need = task_light_inputs((enum task_status)st);

		for (int i = 0; i < 20000; i++) {
			struct task t, u;

			live(&t, T);
			t.status = (enum task_status)st;
			scramble(&t, 0, &x);
			if (t.due == DATE_NONE)
				t.due = T + 5;
			u = t;
			scramble(&u, need, &x);
			for (int d = -4; d <= 4; d++)
				assert_int_equal(task_light(&t, T + d, &S),
						 task_light(&u, T + d, &S));
		}
	}
	assert_int_equal(task_light_inputs(TASK_CANCELLED), 0);
	assert_int_equal(task_light_inputs(TASK_DONE),
			 TASK_LIGHT_DUE | TASK_LIGHT_CLOSED);
	assert_false(task_light_inputs(TASK_DOING) & TASK_LIGHT_CLOSED);
}

static void test_light_names(void **state)
{
	enum light l;

	(void)state;
	assert_string_equal(light_name(LIGHT_RED), "red");
	assert_string_equal(light_name(LIGHT_YELLOW), "yellow");
	assert_string_equal(light_name(LIGHT_GREEN), "green");
	assert_string_equal(light_name(LIGHT_DONE), "done");
	assert_string_equal(light_name(LIGHT_LATE), "late");
	assert_string_equal(light_name(LIGHT_NONE), "none");
	assert_true(light_parse("late", &l));
	assert_int_equal(l, LIGHT_LATE);
	assert_false(light_parse("amber", &l));
	assert_false(light_parse(NULL, &l));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_done_on_time),
		cmocka_unit_test(test_done_late),
		cmocka_unit_test(test_cancelled_none),
		cmocka_unit_test(test_red_overdue),
		cmocka_unit_test(test_red_milestone_overdue),
		cmocka_unit_test(test_milestone_due_today_not_red),
		cmocka_unit_test(test_due_today_yellow),
		cmocka_unit_test(test_warn_days_boundary),
		cmocka_unit_test(test_warn_days_setting),
		cmocka_unit_test(test_start_equals_due),
		cmocka_unit_test(test_no_start_skips_schedule),
		cmocka_unit_test(test_behind_schedule_boundary),
		cmocka_unit_test(test_behind_schedule_fraction),
		cmocka_unit_test(test_behind_schedule_lag_setting),
		cmocka_unit_test(test_before_start_no_schedule),
		cmocka_unit_test(test_stale_boundary),
		cmocka_unit_test(test_stale_setting),
		cmocka_unit_test(test_red_beats_yellow),
		cmocka_unit_test(test_light_inputs),
		cmocka_unit_test(test_light_names),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
