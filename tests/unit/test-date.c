/*
 * Unit tests for dates (util/date.c): day numbers against values computed
 * independently (Python's datetime), strict parsing, weekdays, months and
 * RFC 3339 UTC instants.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/date.h"

static void test_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(1900, 1, 1), -25567);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2024, 2, 29), 19782);
	assert_int_equal(date_from_ymd(2026, 11, 26), 20783);
	assert_int_equal(date_from_ymd(9999, 12, 31), 2932896);
}

static void test_to_ymd(void **state)
{
	int y, m, d;

	(void)state;
	date_to_ymd(20783, &y, &m, &d);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 11);
	assert_int_equal(d, 26);
	date_to_ymd(-1, &y, &m, &d);
	assert_int_equal(y, 1969);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
	date_to_ymd(19782, &y, &m, &d);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	/* Round trip over 1900-01-01 .. 2100-12-31, every day. */
	for (int day = -25567; day <= 47846; day++) {
		date_to_ymd(day, &y, &m, &d);
		assert_int_equal(date_from_ymd(y, m, d), day);
	}
}

static void test_parse_valid(void **state)
{
	int day;

	(void)state;
	assert_true(date_parse("2026-11-26", &day));
	assert_int_equal(day, 20783);
	assert_true(date_parse("2024-02-29", &day));	/* leap year */
	assert_int_equal(day, 19782);
	assert_true(date_parse("2000-02-29", &day));	/* 400-year leap */
	assert_true(date_parse("1900-01-01", &day));
	assert_int_equal(day, -25567);
	assert_true(date_parse("9999-12-31", &day));
}

static void test_parse_invalid(void **state)
{
	static const char *const bad[] = {
		"", "2026-13-01", "2026-00-10", "2026-11-31", "2026-11-00",
		"2026-02-29", "1900-02-29", "1899-12-31", "2026-1-01",
		"2026/11/26", "2026-11-26x", " 2026-11-26", "2026-11-2",
		"20261126", "2026-11-26T00:00:00Z", "abcd-ef-gh", "+026-11-26",
	};
	int day = 12345;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (date_parse(bad[i], &day))
			fail_msg("accepted '%s'", bad[i]);
	assert_false(date_parse(NULL, &day));
	assert_int_equal(day, 12345);		/* untouched on failure */
}

static void test_format(void **state)
{
	char out[DATE_STRLEN];

	(void)state;
	assert_string_equal(date_format(20783, out), "2026-11-26");
	assert_string_equal(date_format(0, out), "1970-01-01");
	assert_string_equal(date_format(-25567, out), "1900-01-01");
	assert_string_equal(date_format(19782, out), "2024-02-29");
	assert_string_equal(date_format(DATE_NONE, out), "");
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(0), 3);			/* Thu */
	assert_int_equal(date_weekday(-1), 2);			/* Wed */
	assert_int_equal(date_weekday(20783), 3);		/* Thu */
	assert_int_equal(date_weekday(date_from_ymd(2026, 10, 10)), 5);
	assert_int_equal(date_weekday(date_from_ymd(2026, 9, 20)), 6);
	assert_int_equal(date_weekday(date_from_ymd(1900, 1, 1)), 0);
}

static void test_months(void **state)
{
	char out[8];
	int key = 0;

	(void)state;
	assert_int_equal(date_month_key(20783), 2026 * 12 + 10);
	assert_true(month_parse("2026-11", &key));
	assert_int_equal(key, 24322);
	assert_string_equal(month_format(key, out), "2026-11");
	assert_true(month_parse("2026-01", &key));
	assert_string_equal(month_format(key, out), "2026-01");
	assert_string_equal(month_format(key - 1, out), "2025-12");
	assert_false(month_parse("2026-13", &key));
	assert_false(month_parse("2026-00", &key));
	assert_false(month_parse("2026-1", &key));
	assert_false(month_parse("2026-11-26", &key));
	assert_false(month_parse("1899-12", &key));
	assert_false(month_parse(NULL, &key));
}

static void test_instants(void **state)
{
	long long secs = 0;
	char out[INSTANT_STRLEN];

	(void)state;
	assert_true(instant_parse("2026-11-26T09:30:15Z", &secs));
	assert_true(secs == 1795685415LL);
	assert_string_equal(instant_format(secs, out), "2026-11-26T09:30:15Z");
	assert_true(instant_parse("1970-01-01T00:00:00Z", &secs));
	assert_true(secs == 0);
	assert_string_equal(instant_format(0, out), "1970-01-01T00:00:00Z");
	assert_string_equal(instant_format(-1, out), "1969-12-31T23:59:59Z");
	assert_string_equal(instant_format(-86400, out),
			    "1969-12-31T00:00:00Z");
	assert_string_equal(instant_format(-86401, out),
			    "1969-12-30T23:59:59Z");
}

static void test_instants_invalid(void **state)
{
	static const char *const bad[] = {
		"2026-11-26T09:30:15", "2026-11-26T09:30:15+08:00",
		"2026-11-26 09:30:15Z", "2026-11-26T24:00:00Z",
		"2026-11-26T09:60:00Z", "2026-11-26T9:30:15Z",
		"2026-02-30T09:30:15Z", "2026-11-26T09:30:15.5Z", "",
	};
	long long secs = 7;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (instant_parse(bad[i], &secs))
			fail_msg("accepted '%s'", bad[i]);
	assert_false(instant_parse(NULL, &secs));
	assert_true(secs == 7);
}

static void test_instant_date(void **state)
{
	int day = 0;

	(void)state;
	assert_true(instant_date("2026-11-26T23:59:59Z", &day));
	assert_int_equal(day, 20783);
	assert_true(instant_date("2026-11-26", &day));
	assert_false(instant_date("2026-11", &day));
	assert_false(instant_date("2026-13-26T00:00:00Z", &day));
	assert_false(instant_date(NULL, &day));
}

static void test_sheet_dates(void **state)
{
	static const char *const bad[] = {
		"", "2026", "9999", "60", "0", "2958466", "2026/13/01",
		"2026/2/30",
		"2026-1-", "2026年11月26", "2026年11月32日", "26/11/2026",
		"2026.11.26", "1899/12/31", "46352x", "-1",
	};
	int day, m;

	(void)state;
	/* the forms a spreadsheet writes for 2026-11-26 */
	assert_true(date_parse_sheet("2026-11-26", &day));
	assert_int_equal(day, date_from_ymd(2026, 11, 26));
	assert_true(date_parse_sheet("2026/11/26", &day));
	assert_int_equal(day, date_from_ymd(2026, 11, 26));
	assert_true(date_parse_sheet("2026年11月26日", &day));
	assert_int_equal(day, date_from_ymd(2026, 11, 26));
	assert_true(date_parse_sheet("2026/3/1", &day));
	assert_int_equal(day, date_from_ymd(2026, 3, 1));
	assert_true(date_parse_sheet("2026-3-1", &day));
	assert_int_equal(day, date_from_ymd(2026, 3, 1));
	assert_true(date_parse_sheet("2026年3月1日", &day));
	assert_int_equal(day, date_from_ymd(2026, 3, 1));
	/* Excel serials: 2000-01-01 is 36526; 2026-01-01 is 26 years and 7
	 * leap days later: 36526 + 26*365 + 7 = 46023; Nov 26 is 304 + 25
	 * = 329 days after Jan 1: 46352. A fraction (time) is dropped. */
	assert_true(date_parse_sheet("36526", &day));
	assert_int_equal(day, date_from_ymd(2000, 1, 1));
	assert_true(date_parse_sheet("46352", &day));
	assert_int_equal(day, date_from_ymd(2026, 11, 26));
	assert_true(date_parse_sheet("46352.75", &day));
	assert_int_equal(day, date_from_ymd(2026, 11, 26));
	/* 36525 is the day before 2000-01-01; under 10000 a number looks
	 * like a year, not a date ("2026", "9999" refused) */
	assert_true(date_parse_sheet("36525", &day));
	assert_int_equal(day, date_from_ymd(1999, 12, 31));
	assert_true(date_parse_sheet("10000", &day));
	/* 2958465 is 9999-12-31, the last serial */
	assert_true(date_parse_sheet("2958465", &day));
	assert_int_equal(day, date_from_ymd(9999, 12, 31));
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		if (date_parse_sheet(bad[i], &day))
			fail_msg("'%s' should not parse", bad[i]);
	assert_false(date_parse_sheet(NULL, &day));

	/* months: 2026-11 is key 2026*12 + 10 = 24322 */
	assert_true(month_parse_sheet("2026-11", &m));
	assert_int_equal(m, 24322);
	assert_true(month_parse_sheet("2026/11", &m));
	assert_int_equal(m, 24322);
	assert_true(month_parse_sheet("2026年11月", &m));
	assert_int_equal(m, 24322);
	assert_true(month_parse_sheet("2026-11-26", &m));
	assert_int_equal(m, 24322);
	assert_true(month_parse_sheet("46352", &m));
	assert_int_equal(m, 24322);
	assert_true(month_parse_sheet("2026-1", &m));
	assert_int_equal(m, 2026 * 12);
	assert_false(month_parse_sheet("2026-13", &m));
	assert_false(month_parse_sheet("2026年0月", &m));
	assert_false(month_parse_sheet("11/2026", &m));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_day_numbers),
		cmocka_unit_test(test_to_ymd),
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_parse_invalid),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_instants),
		cmocka_unit_test(test_instants_invalid),
		cmocka_unit_test(test_instant_date),
		cmocka_unit_test(test_sheet_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
