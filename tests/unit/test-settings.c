/*
 * Unit tests for settings (core/settings.c): defaults of SPEC §3, keys,
 * ranges and the messages naming a bad key or value.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/settings.h"

static void test_defaults(void **state)
{
	struct settings s;

	(void)state;
	settings_default(&s);
	assert_int_equal(s.warn_days, 3);
	assert_int_equal(s.lag, 25);
	assert_int_equal(s.report_days, 7);
	assert_int_equal(s.ack_hours, 24);
	assert_true(s.evidence_max == 20971520LL);	/* 20 MiB */
}

static void test_keys_and_get(void **state)
{
	static const char *const want[] = {
		"warn_days", "lag", "report_days", "ack_hours", "evidence_max",
		"inspection_cap", "policy_warn_days",
	};
	static const long long val[] = { 3, 25, 7, 24, 20971520LL, 4, 14 };
	struct settings s;
	int n = 0;

	(void)state;
	settings_default(&s);
	for (; settings_keys[n]; n++) {
		assert_string_equal(settings_keys[n], want[n]);
		assert_true(settings_get(&s, settings_keys[n]) == val[n]);
	}
	assert_int_equal(n, 7);
	assert_true(settings_get(&s, "nope") == -1);
}

static void test_set_each(void **state)
{
	struct settings s;
	char msg[128];

	(void)state;
	settings_default(&s);
	assert_int_equal(settings_set(&s, "warn_days", "5", msg,
				      sizeof(msg)), 0);
	assert_int_equal(settings_set(&s, "lag", "10", msg, sizeof(msg)), 0);
	assert_int_equal(settings_set(&s, "report_days", "14", msg,
				      sizeof(msg)), 0);
	assert_int_equal(settings_set(&s, "ack_hours", "2", msg,
				      sizeof(msg)), 0);
	assert_int_equal(settings_set(&s, "evidence_max", "1048576", msg,
				      sizeof(msg)), 0);
	assert_int_equal(s.warn_days, 5);
	assert_int_equal(s.lag, 10);
	assert_int_equal(s.report_days, 14);
	assert_int_equal(s.ack_hours, 2);
	assert_true(s.evidence_max == 1048576);
}

/* Sets key=value, expecting `ok`; checks the value after. */
static void try_set(const char *key, const char *value, int ok, long long after)
{
	struct settings s;
	char msg[128];

	settings_default(&s);
	assert_int_equal(settings_set(&s, key, value, msg, sizeof(msg)),
			 ok ? 0 : -1);
	assert_true(settings_get(&s, key) == after);
}

static void test_ranges(void **state)
{
	(void)state;
	try_set("warn_days", "0", 1, 0);
	try_set("warn_days", "365", 1, 365);
	try_set("warn_days", "366", 0, 3);
	try_set("warn_days", "-1", 0, 3);
	try_set("lag", "0", 1, 0);
	try_set("lag", "100", 1, 100);
	try_set("lag", "101", 0, 25);
	try_set("report_days", "0", 0, 7);
	try_set("report_days", "1", 1, 1);
	try_set("ack_hours", "0", 0, 24);
	try_set("ack_hours", "8760", 1, 8760);
	try_set("ack_hours", "8761", 0, 24);
	try_set("evidence_max", "4294967296", 1, 4294967296LL);
	try_set("evidence_max", "4294967297", 0, 20971520LL);
	try_set("policy_warn_days", "0", 1, 0);
	try_set("policy_warn_days", "365", 1, 365);
	try_set("policy_warn_days", "366", 0, 14);
	try_set("policy_warn_days", "-1", 0, 14);
}

static void test_not_numbers(void **state)
{
	(void)state;
	try_set("lag", "", 0, 25);
	try_set("lag", "abc", 0, 25);
	try_set("lag", "10x", 0, 25);
	try_set("lag", "1.5", 0, 25);
	try_set("lag", "99999999999999999999", 0, 25);	/* overflow */
}

static void test_messages(void **state)
{
	struct settings s;
	char msg[128];

	(void)state;
	settings_default(&s);
	assert_int_equal(settings_set(&s, "warn", "3", msg, sizeof(msg)), -1);
	assert_string_equal(msg, "unknown setting 'warn'");
	assert_int_equal(settings_set(&s, "lag", "200", msg, sizeof(msg)), -1);
	assert_string_equal(msg, "invalid value '200' for lag (0..100)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_keys_and_get),
		cmocka_unit_test(test_set_each),
		cmocka_unit_test(test_ranges),
		cmocka_unit_test(test_not_numbers),
		cmocka_unit_test(test_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
