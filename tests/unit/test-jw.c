/*
 * Unit tests for the streaming JSON writer (util/jw.c): commas and nesting,
 * string escaping (RFC 8259), invalid UTF-8 replaced by U+FFFD, 2-decimal
 * numbers without trailing zeros, nulls, dates, ids, and flushing to a
 * sink in bounded memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/date.h"
#include "util/jw.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fixture {
	struct buf out;
	struct jw w;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	buf_init(&f->out);
	jw_init(&f->w, &f->out, NULL);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	buf_release(&f->out);
	free(f);
	return 0;
}

static void test_empty_containers(void **state)
{
	struct fixture *f = *state;

	jw_arr(&f->w);
	jw_obj(&f->w);
	jw_obj_end(&f->w);
	jw_arr(&f->w);
	jw_arr_end(&f->w);
	jw_arr_end(&f->w);
	assert_string_equal(f->out.ptr, "[{},[]]");
}

static void test_object_commas(void **state)
{
	struct fixture *f = *state;

	jw_obj(&f->w);
	jw_kint(&f->w, "id", 7);
	jw_kstr(&f->w, "title", "落实");
	jw_knull(&f->w, "owner");
	jw_kbool(&f->w, "key", true);
	jw_kbool(&f->w, "daily", false);
	jw_kstr(&f->w, "leader", NULL);
	jw_obj_end(&f->w);
	assert_string_equal(f->out.ptr,
			    "{\"id\":7,\"title\":\"落实\",\"owner\":null,"
			    "\"key\":true,\"daily\":false,\"leader\":null}");
}

static void test_nesting(void **state)
{
	struct fixture *f = *state;

	jw_obj(&f->w);
	jw_key(&f->w, "co");
	jw_arr(&f->w);
	jw_str(&f->w, "HRB-DL");
	jw_str(&f->w, "HRB-NG");
	jw_arr_end(&f->w);
	jw_key(&f->w, "children");
	jw_arr(&f->w);
	jw_obj(&f->w);
	jw_kint(&f->w, "id", 2);
	jw_key(&f->w, "children");
	jw_arr(&f->w);
	jw_arr_end(&f->w);
	jw_obj_end(&f->w);
	jw_obj(&f->w);
	jw_kint(&f->w, "id", 3);
	jw_obj_end(&f->w);
	jw_arr_end(&f->w);
	jw_kint(&f->w, "n", 1);
	jw_obj_end(&f->w);
	assert_string_equal(f->out.ptr,
			    "{\"co\":[\"HRB-DL\",\"HRB-NG\"],"
			    "\"children\":[{\"id\":2,\"children\":[]},"
			    "{\"id\":3}],\"n\":1}");
}

static void test_top_level_list(void **state)
{
	struct fixture *f = *state;

	jw_arr(&f->w);
	jw_int(&f->w, 1);
	jw_null(&f->w);
	jw_num2(&f->w, 2.5);
	jw_bool(&f->w, true);
	jw_arr_end(&f->w);
	assert_string_equal(f->out.ptr, "[1,null,2.5,true]");
}

static void test_escaping(void **state)
{
	struct fixture *f = *state;

	jw_str(&f->w, "q\" b\\ n\n r\r t\t b\b f\f / \x01\x1f\x7f 办");
	assert_string_equal(f->out.ptr,
			    "\"q\\\" b\\\\ n\\n r\\r t\\t b\\b f\\f / "
			    "\\u0001\\u001f\x7f 办\"");
}

static void test_escaped_key(void **state)
{
	struct fixture *f = *state;

	jw_obj(&f->w);
	jw_kint(&f->w, "a\"b", 1);
	jw_obj_end(&f->w);
	assert_string_equal(f->out.ptr, "{\"a\\\"b\":1}");
}

static void test_strn_embedded_nul(void **state)
{
	struct fixture *f = *state;

	jw_strn(&f->w, "a\0b", 3);
	assert_string_equal(f->out.ptr, "\"a\\u0000b\"");
}

static void test_invalid_utf8_replaced(void **state)
{
	struct fixture *f = *state;

	jw_arr(&f->w);
	jw_str(&f->w, "a\xff" "b");		/* stray byte */
	jw_str(&f->w, "\xe8\x90");		/* 落 cut short: 2 bytes */
	jw_str(&f->w, "\xc0\xaf");		/* overlong '/' */
	jw_str(&f->w, "\xed\xa0\x80");		/* a UTF-16 surrogate */
	jw_str(&f->w, "\xf0\x9f\x98\x80");	/* valid 4-byte: kept */
	jw_arr_end(&f->w);
	assert_string_equal(f->out.ptr,
			    "[\"a\xef\xbf\xbd" "b\","
			    "\"\xef\xbf\xbd\xef\xbf\xbd\","
			    "\"\xef\xbf\xbd\xef\xbf\xbd\","
			    "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\","
			    "\"\xf0\x9f\x98\x80\"]");
}

/* Writes v with jw_num2 into a fresh writer and compares. */
static void num2_is(double v, const char *want)
{
	struct buf out = BUF_INIT;
	struct jw w;

	jw_init(&w, &out, NULL);
	jw_num2(&w, v);
	if (strcmp(out.ptr, want))
		fail_msg("jw_num2(%.17g) wrote '%s', want '%s'", v, out.ptr,
			 want);
	buf_release(&out);
}

static void test_num2(void **state)
{
	(void)state;
	num2_is(12.5, "12.5");
	num2_is(12.50, "12.5");
	num2_is(100, "100");
	num2_is(10, "10");
	num2_is(0, "0");
	num2_is(-0.0, "0");
	num2_is(-0.004, "0");			/* rounds to 0, not "-0" */
	num2_is(33.333333, "33.33");
	num2_is(66.666666, "66.67");
	num2_is(99.999, "100");
	num2_is(1.05, "1.05");
	num2_is(0.1, "0.1");
	num2_is(-12.5, "-12.5");
	num2_is(1234567.891, "1234567.89");
	num2_is(1e9, "1000000000");
}

static void test_num2_half_away_from_zero(void **state)
{
	(void)state;
	/* Exact binary halves: 0.125 → 0.13 (not banker's 0.12). */
	num2_is(0.125, "0.13");
	num2_is(-0.125, "-0.13");
	num2_is(1.375, "1.38");
	num2_is(0.005, "0.01");
}

static void test_num2_not_finite(void **state)
{
	(void)state;
	num2_is(NAN, "null");
	num2_is(INFINITY, "null");
	num2_is(-INFINITY, "null");
}

static void test_num2_huge(void **state)
{
	(void)state;
	/* Up to 1e15 in full; beyond, null: never "inf" nor cut digits. */
	num2_is(1e15, "1000000000000000");
	num2_is(-999999999999999.5, "-999999999999999.5");
	num2_is(1e15 * 1.5, "null");
	num2_is(1e300, "null");
	num2_is(-DBL_MAX, "null");
}

/* Writes v with jw_numd(digits) into a fresh writer and compares. */
static void numd_is(double v, int digits, const char *want)
{
	struct buf out = BUF_INIT;
	struct jw w;

	jw_init(&w, &out, NULL);
	jw_numd(&w, v, digits);
	if (strcmp(out.ptr, want))
		fail_msg("jw_numd(%.17g, %d) wrote '%s', want '%s'", v, digits,
			 out.ptr, want);
	buf_release(&out);
}

static void test_numd(void **state)
{
	(void)state;
	numd_is(12.4, 0, "12");
	numd_is(12.5, 0, "13");
	numd_is(100, 0, "100");		/* no decimals: zeros are digits */
	numd_is(0.123456, 4, "0.1235");
	numd_is(1.5, 3, "1.5");
	numd_is(0.95996, 4, "0.96");
	numd_is(-0.00001, 4, "0");
	numd_is(NAN, 4, "null");
}

static void test_dates_and_ids(void **state)
{
	struct fixture *f = *state;

	jw_obj(&f->w);
	jw_kdate(&f->w, "due", date_from_ymd(2026, 11, 26));
	jw_kdate(&f->w, "start", DATE_NONE);
	jw_kid(&f->w, "goal_id", 12);
	jw_kid(&f->w, "parent", 0);
	jw_kid(&f->w, "other", -3);
	jw_kint(&f->w, "min", LLONG_MIN);
	jw_knum2(&f->w, "progress", 87.5);
	jw_obj_end(&f->w);
	assert_string_equal(f->out.ptr,
			    "{\"due\":\"2026-11-26\",\"start\":null,"
			    "\"goal_id\":12,\"parent\":null,\"other\":null,"
			    "\"min\":-9223372036854775808,\"progress\":87.5}");
}

static void test_ints(void **state)
{
	struct fixture *f = *state;

	jw_arr(&f->w);
	jw_int(&f->w, 0);
	jw_int(&f->w, 7);
	jw_int(&f->w, -1);
	jw_int(&f->w, 1000000007);
	jw_int(&f->w, LLONG_MAX);
	jw_int(&f->w, LLONG_MIN);
	jw_arr_end(&f->w);
	assert_string_equal(f->out.ptr, "[0,7,-1,1000000007,"
			    "9223372036854775807,-9223372036854775808]");
}

static void test_json_quote(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	json_quote(&b, "x\"y", 3);
	json_quote(&b, "", 0);
	assert_string_equal(b.ptr, "\"x\\\"y\"\"\"");
	buf_release(&b);
}

static void test_sink_flushes(void **state)
{
	struct buf out = BUF_INIT;
	struct jw w;
	char *mem = NULL;
	size_t memlen = 0, peak = 0;
	FILE *sink = open_memstream(&mem, &memlen);

	(void)state;
	assert_non_null(sink);
	jw_init(&w, &out, sink);
	jw_arr(&w);
	for (int i = 0; i < 20000; i++) {	/* ~ 200 kB of output */
		jw_obj(&w);
		jw_kint(&w, "id", i);
		jw_obj_end(&w);
		if (out.len > peak)
			peak = out.len;
	}
	jw_arr_end(&w);
	jw_flush(&w);
	assert_int_equal(out.len, 0);
	fclose(sink);
	assert_true(peak < JW_FLUSH + 64);	/* bounded, not the whole */
	/* 10×"{"id":N}" with N of 1 digit ... 10000 with 5, commas, [] */
	assert_int_equal(memlen, 2 + 19999 +
			 7 * 20000 + 10 + 90 * 2 + 900 * 3 + 9000 * 4 +
			 10000 * 5);
	assert_memory_equal(mem, "[{\"id\":0},{\"id\":1},", 19);
	assert_memory_equal(mem + memlen - 14, ",{\"id\":19999}]", 14);
	free(mem);
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_empty_containers, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_object_commas, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_nesting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_top_level_list, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_escaping, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escaped_key, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_strn_embedded_nul, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_invalid_utf8_replaced,
						setup, teardown),
		cmocka_unit_test(test_num2),
		cmocka_unit_test(test_num2_half_away_from_zero),
		cmocka_unit_test(test_num2_not_finite),
		cmocka_unit_test(test_num2_huge),
		cmocka_unit_test(test_numd),
		cmocka_unit_test_setup_teardown(test_dates_and_ids, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_ints, setup, teardown),
		cmocka_unit_test(test_json_quote),
		cmocka_unit_test(test_sink_flushes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
