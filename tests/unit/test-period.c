/*
 * Unit tests for core/period.c: years, quarters and months as first and
 * last day, and the malformed forms refused with the value named.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/period.h"
#include "util/date.h"

#include <stdio.h>
#include <string.h>

static void check(const char *s, enum period_kind k, const char *first,
		  const char *last)
{
	struct period p;
	struct err e = ERR_INIT;
	char a[DATE_STRLEN], b[DATE_STRLEN];

	assert_int_equal(period_parse(s, &p, &e), LS_OK);
	assert_int_equal(p.kind, k);
	assert_string_equal(date_format(p.first, a), first);
	assert_string_equal(date_format(p.last, b), last);
	assert_string_equal(p.text, s);
}

static void test_year(void **state)
{
	(void)state;
	check("2026", PERIOD_YEAR, "2026-01-01", "2026-12-31");
}

static void test_quarters(void **state)
{
	(void)state;
	check("2026-Q1", PERIOD_QUARTER, "2026-01-01", "2026-03-31");
	check("2026-Q2", PERIOD_QUARTER, "2026-04-01", "2026-06-30");
	check("2026-Q3", PERIOD_QUARTER, "2026-07-01", "2026-09-30");
	check("2026-Q4", PERIOD_QUARTER, "2026-10-01", "2026-12-31");
}

static void test_months(void **state)
{
	(void)state;
	check("2026-11", PERIOD_MONTH, "2026-11-01", "2026-11-30");
	check("2026-12", PERIOD_MONTH, "2026-12-01", "2026-12-31");
	/* 2028 is a leap year (divisible by 4, not by 100): 29 days */
	check("2028-02", PERIOD_MONTH, "2028-02-01", "2028-02-29");
	check("2026-02", PERIOD_MONTH, "2026-02-01", "2026-02-28");
}

static void test_contains(void **state)
{
	struct period p;
	struct err e = ERR_INIT;

	(void)state;
	assert_int_equal(period_parse("2026-11", &p, &e), LS_OK);
	assert_false(period_contains(&p, date_from_ymd(2026, 10, 31)));
	assert_true(period_contains(&p, date_from_ymd(2026, 11, 1)));
	assert_true(period_contains(&p, date_from_ymd(2026, 11, 30)));
	assert_false(period_contains(&p, date_from_ymd(2026, 12, 1)));
	assert_false(period_contains(&p, DATE_NONE));
}

static void test_invalid(void **state)
{
	static const char *const bad[] = {
		"2026-Q5", "2026-Q0", "2026-13", "2026-00", "26", "", "2026-",
		"2026-1", "2026-Q", "2026-q3", "1999", "2101", "2026-11-01",
		"x026", "2026 ", "2026-1a",
	};
	struct period p;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		struct err e = ERR_INIT;
		char want[64];

		assert_int_equal(period_parse(bad[i], &p, &e), LS_EINVAL);
		assert_string_equal(e.field, "period");
		snprintf(want, sizeof(want), "invalid period '%s'", bad[i]);
		assert_non_null(strstr(e.msg, want));
	}
	{
		struct err e = ERR_INIT;

		assert_int_equal(period_parse(NULL, &p, &e), LS_EINVAL);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_year),
		cmocka_unit_test(test_quarters),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_invalid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
