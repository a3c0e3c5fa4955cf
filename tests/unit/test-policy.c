/*
 * Unit tests for policy windows (core/policy.c): the date rules, the
 * effective status (missed once the window closed un-landed) and the
 * closing alert at its boundaries, with days counted by hand on the
 * calendar (November has 30 days).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/policy.h"
#include "util/date.h"

/* 2026-11-30 closes the window in the tests below. */
#define CLOSE date_from_ymd(2026, 11, 30)
#define DAY(m, d) date_from_ymd(2026, m, d)

static void test_names(void **state)
{
	enum policy_level l;
	enum policy_status s;

	(void)state;
	assert_true(policy_level_parse("provincial", &l));
	assert_int_equal(l, POLICY_PROVINCIAL);
	assert_string_equal(policy_level_name(POLICY_MUNICIPAL), "municipal");
	assert_false(policy_level_parse("county", &l));
	assert_false(policy_level_parse(NULL, &l));
	assert_true(policy_status_parse("landed", &s));
	assert_int_equal(s, POLICY_LANDED);
	assert_string_equal(policy_status_name(POLICY_MISSED), "missed");
	assert_false(policy_status_parse("Landed", &s));
}

static void test_dates(void **state)
{
	(void)state;
	/* open = close is a one-day window; issued = close is allowed */
	assert_int_equal(policy_dates_check(CLOSE, CLOSE, CLOSE),
			 POLICY_DATES_OK);
	/* a window opening before issue (retroactive) is allowed */
	assert_int_equal(policy_dates_check(DAY(11, 1), DAY(10, 1), CLOSE),
			 POLICY_DATES_OK);
	assert_int_equal(policy_dates_check(DAY(11, 1), DAY(12, 1), CLOSE),
			 POLICY_OPEN_AFTER_CLOSE);
	assert_int_equal(policy_dates_check(DAY(12, 1), DAY(11, 1), CLOSE),
			 POLICY_ISSUED_AFTER_CLOSE);
	/* both broken: the window is reported first */
	assert_int_equal(policy_dates_check(DAY(12, 2), DAY(12, 1), CLOSE),
			 POLICY_OPEN_AFTER_CLOSE);
}

static void test_effective(void **state)
{
	(void)state;
	/* day before close, close day: as stored */
	assert_int_equal(policy_effective(POLICY_WATCHING, CLOSE, DAY(11, 29)),
			 POLICY_WATCHING);
	assert_int_equal(policy_effective(POLICY_APPLYING, CLOSE, CLOSE),
			 POLICY_APPLYING);
	/* day after close (2026-12-01): missed */
	assert_int_equal(policy_effective(POLICY_WATCHING, CLOSE, DAY(12, 1)),
			 POLICY_MISSED);
	assert_int_equal(policy_effective(POLICY_APPLYING, CLOSE, DAY(12, 1)),
			 POLICY_MISSED);
	/* landed stays landed, missed stays missed (even before close) */
	assert_int_equal(policy_effective(POLICY_LANDED, CLOSE, DAY(12, 1)),
			 POLICY_LANDED);
	assert_int_equal(policy_effective(POLICY_MISSED, CLOSE, DAY(11, 1)),
			 POLICY_MISSED);
}

static void test_closing(void **state)
{
	(void)state;
	/* 2026-11-16 + 14 days = 2026-11-30: the first closing day */
	assert_true(policy_closing(POLICY_WATCHING, CLOSE, DAY(11, 16), 14));
	/* 2026-11-15 is 15 days before: not yet */
	assert_false(policy_closing(POLICY_WATCHING, CLOSE, DAY(11, 15), 14));
	/* day before close and the close day itself */
	assert_true(policy_closing(POLICY_APPLYING, CLOSE, DAY(11, 29), 14));
	assert_true(policy_closing(POLICY_APPLYING, CLOSE, CLOSE, 14));
	assert_true(policy_closing(POLICY_APPLYING, CLOSE, CLOSE, 0));
	assert_false(policy_closing(POLICY_APPLYING, CLOSE, DAY(11, 29), 0));
	/* day after close: missed, no longer closing */
	assert_false(policy_closing(POLICY_APPLYING, CLOSE, DAY(12, 1), 14));
	/* landed or given up: no alert */
	assert_false(policy_closing(POLICY_LANDED, CLOSE, DAY(11, 29), 14));
	assert_false(policy_closing(POLICY_MISSED, CLOSE, DAY(11, 29), 14));
}

static void test_settable(void **state)
{
	(void)state;
	/* until the close day any status; after it landed or missed only */
	assert_true(policy_status_settable(POLICY_APPLYING, CLOSE, CLOSE));
	assert_false(policy_status_settable(POLICY_APPLYING, CLOSE,
					    DAY(12, 1)));
	assert_false(policy_status_settable(POLICY_WATCHING, CLOSE,
					    DAY(12, 1)));
	assert_true(policy_status_settable(POLICY_LANDED, CLOSE, DAY(12, 1)));
	assert_true(policy_status_settable(POLICY_MISSED, CLOSE, DAY(12, 1)));
}

static void test_bulletin_kind(void **state)
{
	/* period 2026-Q4: 2026-10-01 .. 2026-12-31, issued 2026-11-26 */
	int f = DAY(10, 1), l = DAY(12, 31), t = DAY(11, 26);

	(void)state;
	/* closes 11-30: 4 days left <= 14 */
	assert_int_equal(policy_bulletin_kind(POLICY_APPLYING, CLOSE, t, 14,
					      f, l), POLICY_ALERT_CLOSING);
	/* closes 12-11: 15 days left > 14, not listed */
	assert_int_equal(policy_bulletin_kind(POLICY_WATCHING, DAY(12, 11), t,
					      14, f, l), POLICY_ALERT_NONE);
	/* closed 11-25 (the day before issue) un-landed: missed */
	assert_int_equal(policy_bulletin_kind(POLICY_WATCHING, DAY(11, 25), t,
					      14, f, l), POLICY_ALERT_MISSED);
	/* closed 09-30, before the period: not this bulletin's */
	assert_int_equal(policy_bulletin_kind(POLICY_WATCHING, DAY(9, 30), t,
					      14, f, l), POLICY_ALERT_NONE);
	/* closed 10-01, the period's first day: listed */
	assert_int_equal(policy_bulletin_kind(POLICY_APPLYING, DAY(10, 1), t,
					      14, f, l), POLICY_ALERT_MISSED);
	/* landed: never listed */
	assert_int_equal(policy_bulletin_kind(POLICY_LANDED, DAY(11, 25), t,
					      14, f, l), POLICY_ALERT_NONE);
	assert_int_equal(policy_bulletin_kind(POLICY_LANDED, CLOSE, t, 14, f,
					      l), POLICY_ALERT_NONE);
	/* given up (missed) before its close 11-30 in the period: missed */
	assert_int_equal(policy_bulletin_kind(POLICY_MISSED, CLOSE, t, 14, f,
					      l), POLICY_ALERT_MISSED);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_effective),
		cmocka_unit_test(test_closing),
		cmocka_unit_test(test_settable),
		cmocka_unit_test(test_bulletin_kind),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
