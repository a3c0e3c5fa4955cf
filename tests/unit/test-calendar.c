/*
 * Unit tests for the working-day calendar (core/calendar.c), on China's
 * 2026 arrangement around National Day: Mid-Autumn Fri Sep 25 and
 * National Day Thu Oct 1 – Wed Oct 7 off; Sun Sep 20 and Sat Oct 10 are
 * make-up working days (调休). Expected days were counted on a calendar.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/calendar.h"
#include "util/date.h"

static int D(int m, int d)
{
	return date_from_ymd(2026, m, d);
}

static int setup(void **state)
{
	static struct calendar cal = CALENDAR_INIT;

	calendar_add(&cal, D(9, 20), CAL_WORKDAY);
	calendar_add(&cal, D(9, 25), CAL_HOLIDAY);
	for (int d = 1; d <= 7; d++)
		calendar_add(&cal, D(10, d), CAL_HOLIDAY);
	calendar_add(&cal, D(10, 10), CAL_WORKDAY);
	*state = &cal;
	return 0;
}

static int teardown(void **state)
{
	calendar_release(*state);
	return 0;
}

static void test_is_workday(void **state)
{
	const struct calendar *cal = *state;

	assert_true(calendar_is_workday(cal, D(9, 18)));	/* Fri */
	assert_false(calendar_is_workday(cal, D(9, 19)));	/* Sat */
	assert_true(calendar_is_workday(cal, D(9, 20)));	/* Sun, 调休 */
	assert_false(calendar_is_workday(cal, D(9, 25)));	/* 中秋 */
	assert_true(calendar_is_workday(cal, D(9, 30)));	/* Wed */
	assert_false(calendar_is_workday(cal, D(10, 1)));	/* Thu, 国庆 */
	assert_false(calendar_is_workday(cal, D(10, 5)));	/* Mon, 国庆 */
	assert_false(calendar_is_workday(cal, D(10, 7)));	/* Wed, 国庆 */
	assert_true(calendar_is_workday(cal, D(10, 8)));	/* Thu */
	assert_true(calendar_is_workday(cal, D(10, 10)));	/* Sat, 调休 */
	assert_false(calendar_is_workday(cal, D(10, 11)));	/* Sun */
}

static void test_across_national_day(void **state)
{
	const struct calendar *cal = *state;
	int from = D(9, 30);	/* Wed, the last day before the holiday */

	assert_int_equal(calendar_add_workdays(cal, from, 1), D(10, 8));
	assert_int_equal(calendar_add_workdays(cal, from, 2), D(10, 9));
	assert_int_equal(calendar_add_workdays(cal, from, 3), D(10, 10));
	assert_int_equal(calendar_add_workdays(cal, from, 4), D(10, 12));
	assert_int_equal(calendar_add_workdays(cal, from, 5), D(10, 13));
}

static void test_from_inside_holiday(void **state)
{
	const struct calendar *cal = *state;

	assert_int_equal(calendar_add_workdays(cal, D(10, 3), 1), D(10, 8));
	assert_int_equal(calendar_add_workdays(cal, D(10, 7), 5), D(10, 13));
}

static void test_makeup_sunday_and_mid_autumn(void **state)
{
	const struct calendar *cal = *state;
	int from = D(9, 18);	/* Fri */

	/* Sep 20 (Sun, 调休) 21 22 23 24 | 25 off, 26–27 weekend | 28 29 30 */
	assert_int_equal(calendar_add_workdays(cal, from, 1), D(9, 20));
	assert_int_equal(calendar_add_workdays(cal, from, 5), D(9, 24));
	assert_int_equal(calendar_add_workdays(cal, from, 6), D(9, 28));
	assert_int_equal(calendar_add_workdays(cal, from, 8), D(9, 30));
	assert_int_equal(calendar_add_workdays(cal, from, 9), D(10, 8));
	assert_int_equal(calendar_add_workdays(cal, from, 11), D(10, 10));
	assert_int_equal(calendar_add_workdays(cal, from, 12), D(10, 12));
}

static void test_zero_workdays(void **state)
{
	const struct calendar *cal = *state;

	/* n = 0 answers `from` itself, even on a holiday. */
	assert_int_equal(calendar_add_workdays(cal, D(10, 2), 0), D(10, 2));
}

static void test_plain_weeks(void **state)
{
	struct calendar cal = CALENDAR_INIT;

	(void)state;
	/* No exceptions: Thu Nov 26 + 5 working days = Thu Dec 3. */
	assert_int_equal(calendar_add_workdays(&cal, D(11, 26), 5), D(12, 3));
	assert_int_equal(calendar_add_workdays(&cal, D(11, 27), 1), D(11, 30));
	assert_int_equal(calendar_add_workdays(&cal, D(11, 28), 1), D(11, 30));
	calendar_release(&cal);
}

static void test_add_replaces_and_sorts(void **state)
{
	struct calendar cal = CALENDAR_INIT;

	(void)state;
	/* 44 weekday holidays added backwards: stays sorted, grows. */
	for (int d = D(12, 31); d >= D(11, 1); d--)
		if (date_weekday(d) < 5)
			calendar_add(&cal, d, CAL_HOLIDAY);
	assert_int_equal(cal.n, 44);		/* Nov 21 + Dec 23 */
	for (size_t i = 1; i < cal.n; i++)
		assert_true(cal.days[i - 1].day < cal.days[i].day);
	assert_false(calendar_is_workday(&cal, D(11, 2)));
	assert_false(calendar_is_workday(&cal, D(12, 31)));
	calendar_add(&cal, D(12, 31), CAL_WORKDAY);	/* replaces */
	assert_int_equal(cal.n, 44);
	assert_true(calendar_is_workday(&cal, D(12, 31)));
	/* From Oct 30 (Fri), the first working day left is Dec 31. */
	assert_int_equal(calendar_add_workdays(&cal, D(10, 30), 1), D(12, 31));
	calendar_release(&cal);
	assert_int_equal(cal.n, 0);
	assert_null(cal.days);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_is_workday),
		cmocka_unit_test(test_across_national_day),
		cmocka_unit_test(test_from_inside_holiday),
		cmocka_unit_test(test_makeup_sunday_and_mid_autumn),
		cmocka_unit_test(test_zero_workdays),
		cmocka_unit_test(test_plain_weeks),
		cmocka_unit_test(test_add_replaces_and_sorts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
