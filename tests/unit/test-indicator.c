/*
 * Unit tests for indicators (core/indicator.c): achievement up and down
 * with clamping to [0, 1.2], target == baseline, null (NAN), and whether
 * an actual is on the month's planned trajectory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/indicator.h"

#include <math.h>

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-12)

static void test_up(void **state)
{
	(void)state;
	/* baseline 100, target 200 (e.g. 亿元 of output) */
	assert_near(indicator_achievement(100, 200, DIR_UP, 150), 0.5);
	assert_near(indicator_achievement(100, 200, DIR_UP, 100), 0.0);
	assert_near(indicator_achievement(100, 200, DIR_UP, 200), 1.0);
	assert_near(indicator_achievement(100, 200, DIR_UP, 210), 1.1);
	assert_near(indicator_achievement(100, 200, DIR_UP, 137.5), 0.375);
}

static void test_down(void **state)
{
	(void)state;
	/* baseline 10, target 5 (e.g. energy use per unit of GDP) */
	assert_near(indicator_achievement(10, 5, DIR_DOWN, 7), 0.6);
	assert_near(indicator_achievement(10, 5, DIR_DOWN, 10), 0.0);
	assert_near(indicator_achievement(10, 5, DIR_DOWN, 5), 1.0);
	assert_near(indicator_achievement(10, 5, DIR_DOWN, 4.5), 1.1);
}

static void test_clamped(void **state)
{
	(void)state;
	assert_near(indicator_achievement(100, 200, DIR_UP, 50), 0.0);
	assert_near(indicator_achievement(100, 200, DIR_UP, 220), 1.2);
	assert_near(indicator_achievement(100, 200, DIR_UP, 1000), 1.2);
	assert_near(indicator_achievement(10, 5, DIR_DOWN, 12), 0.0);
	assert_near(indicator_achievement(10, 5, DIR_DOWN, 2), 1.2);
	assert_near(indicator_achievement(10, 5, DIR_DOWN, -100), 1.2);
}

static void test_target_equals_baseline(void **state)
{
	(void)state;
	/* Hold the line: met (or better) = 1, else 0; no division by 0. */
	assert_near(indicator_achievement(80, 80, DIR_UP, 80), 1.0);
	assert_near(indicator_achievement(80, 80, DIR_UP, 95), 1.0);
	assert_near(indicator_achievement(80, 80, DIR_UP, 79.9), 0.0);
	assert_near(indicator_achievement(80, 80, DIR_DOWN, 80), 1.0);
	assert_near(indicator_achievement(80, 80, DIR_DOWN, 60), 1.0);
	assert_near(indicator_achievement(80, 80, DIR_DOWN, 80.1), 0.0);
}

static void test_null(void **state)
{
	(void)state;
	assert_true(isnan(indicator_achievement(100, 200, DIR_UP, NAN)));
	assert_true(isnan(indicator_achievement(10, 5, DIR_DOWN, NAN)));
	assert_true(isnan(indicator_achievement(80, 80, DIR_UP, NAN)));
}

static void test_negative_values(void **state)
{
	(void)state;
	/* Growth rate from −2 % to +3 %: actual 0.5 % is half-way. */
	assert_near(indicator_achievement(-2, 3, DIR_UP, 0.5), 0.5);
}

static void test_on_trajectory(void **state)
{
	(void)state;
	assert_int_equal(indicator_on_trajectory(DIR_UP, 150, 150), 1);
	assert_int_equal(indicator_on_trajectory(DIR_UP, 151, 150), 1);
	assert_int_equal(indicator_on_trajectory(DIR_UP, 149.99, 150), 0);
	assert_int_equal(indicator_on_trajectory(DIR_DOWN, 6, 6), 1);
	assert_int_equal(indicator_on_trajectory(DIR_DOWN, 5.5, 6), 1);
	assert_int_equal(indicator_on_trajectory(DIR_DOWN, 6.01, 6), 0);
	assert_int_equal(indicator_on_trajectory(DIR_UP, NAN, 150), -1);
	assert_int_equal(indicator_on_trajectory(DIR_UP, 150, NAN), -1);
	assert_int_equal(indicator_on_trajectory(DIR_DOWN, NAN, NAN), -1);
}

static void test_direction_names(void **state)
{
	enum direction d;
	struct indicator ind;

	(void)state;
	assert_true(direction_parse("up", &d));
	assert_int_equal(d, DIR_UP);
	assert_true(direction_parse("down", &d));
	assert_int_equal(d, DIR_DOWN);
	assert_false(direction_parse("UP", &d));
	assert_false(direction_parse(NULL, &d));
	assert_string_equal(direction_name(DIR_UP), "up");
	assert_string_equal(direction_name(DIR_DOWN), "down");
	indicator_init(&ind);
	assert_near(ind.weight, 1.0);		/* default weight */
	assert_int_equal(ind.direction, DIR_UP);
	indicator_release(&ind);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_up),
		cmocka_unit_test(test_down),
		cmocka_unit_test(test_clamped),
		cmocka_unit_test(test_target_equals_baseline),
		cmocka_unit_test(test_null),
		cmocka_unit_test(test_negative_values),
		cmocka_unit_test(test_on_trajectory),
		cmocka_unit_test(test_direction_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
