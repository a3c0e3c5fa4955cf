/*
 * Unit tests for response rules (core/task.c): 马上就办, acknowledged within
 * ack_hours of assignment (the boundary is inclusive, to the second), and
 * 当日事当日毕, a daily task closed on its creation day.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/task.h"
#include "util/date.h"

static struct task acked(const char *created, const char *ack)
{
	struct task t;

	task_init(&t);
	t.status = TASK_DOING;
	t.created_at = created;
	t.acked_at = ack;
	return t;
}

static void test_ack_exactly_ack_hours(void **state)
{
	struct task t = acked("2026-11-26T09:00:00Z", "2026-11-27T09:00:00Z");

	(void)state;
	assert_true(task_answered_in_time(&t, 24));
}

static void test_ack_one_second_late(void **state)
{
	struct task t = acked("2026-11-26T09:00:00Z", "2026-11-27T09:00:01Z");

	(void)state;
	assert_false(task_answered_in_time(&t, 24));
	assert_true(task_answered_in_time(&t, 25));
}

static void test_ack_across_month_and_year(void **state)
{
	struct task t = acked("2026-12-31T23:30:00Z", "2027-01-01T00:30:00Z");

	(void)state;
	assert_true(task_answered_in_time(&t, 1));	/* exactly 3600 s */
	t.acked_at = "2027-01-01T00:30:01Z";
	assert_false(task_answered_in_time(&t, 1));
	t = acked("2026-11-30T20:00:00Z", "2026-12-01T19:59:59Z");
	assert_true(task_answered_in_time(&t, 24));
}

static void test_not_acked(void **state)
{
	struct task t = acked("2026-11-26T09:00:00Z", NULL);

	(void)state;
	assert_false(task_answered_in_time(&t, 24));
}

static void test_malformed_instants(void **state)
{
	struct task t = acked("2026-11-26 09:00:00", "2026-11-26T10:00:00Z");

	(void)state;
	assert_false(task_answered_in_time(&t, 24));
	t = acked("2026-11-26T09:00:00Z", "2026-11-26T10:00:00+08:00");
	assert_false(task_answered_in_time(&t, 24));
	t = acked(NULL, "2026-11-26T10:00:00Z");
	assert_false(task_answered_in_time(&t, 24));
}

static void test_closed_same_day(void **state)
{
	struct task t;

	(void)state;
	task_init(&t);
	t.daily = true;
	t.status = TASK_DONE;
	t.created_on = date_from_ymd(2026, 11, 26);
	t.closed_on = date_from_ymd(2026, 11, 26);
	assert_true(task_closed_same_day(&t));
	t.closed_on = date_from_ymd(2026, 11, 27);	/* next day */
	assert_false(task_closed_same_day(&t));
}

static void test_same_day_needs_daily_and_done(void **state)
{
	struct task t;

	(void)state;
	task_init(&t);
	t.status = TASK_DONE;
	t.created_on = t.closed_on = date_from_ymd(2026, 11, 26);
	assert_false(task_closed_same_day(&t));		/* not daily */
	t.daily = true;
	t.status = TASK_REVIEW;				/* not closed yet */
	assert_false(task_closed_same_day(&t));
	t.status = TASK_CANCELLED;
	assert_false(task_closed_same_day(&t));
	t.status = TASK_DONE;
	t.closed_on = DATE_NONE;
	assert_false(task_closed_same_day(&t));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ack_exactly_ack_hours),
		cmocka_unit_test(test_ack_one_second_late),
		cmocka_unit_test(test_ack_across_month_and_year),
		cmocka_unit_test(test_not_acked),
		cmocka_unit_test(test_malformed_instants),
		cmocka_unit_test(test_closed_same_day),
		cmocka_unit_test(test_same_day_needs_daily_and_done),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
