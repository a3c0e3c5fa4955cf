/*
 * Unit tests for CSV fields (util/csv.c): RFC 4180 quoting and the
 * formula-injection guard, each expected field written out by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/csv.h"

static const char *field(struct buf *b, const char *s)
{
	buf_reset(b);
	csv_field(b, s);
	return b->ptr;
}

static void test_plain(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(field(&b, NULL), "");
	assert_string_equal(field(&b, ""), "");
	assert_string_equal(field(&b, "道里区"), "道里区");
	assert_string_equal(field(&b, "2026-11-26"), "2026-11-26");
	assert_string_equal(field(&b, "a b"), "a b");
	buf_release(&b);
}

static void test_quoting(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(field(&b, "a,b"), "\"a,b\"");
	assert_string_equal(field(&b, "say \"hi\""), "\"say \"\"hi\"\"\"");
	assert_string_equal(field(&b, "line1\nline2"), "\"line1\nline2\"");
	assert_string_equal(field(&b, "cr\r"), "\"cr\r\"");
	assert_string_equal(field(&b, "\""), "\"\"\"\"");
	/* the Chinese enumeration comma needs no quoting */
	assert_string_equal(field(&b, "HRB-DL、HRB-NG"), "HRB-DL、HRB-NG");
	buf_release(&b);
}

static void test_injection_guard(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(field(&b, "=1+1"), "'=1+1");
	assert_string_equal(field(&b, "+86 451"), "'+86 451");
	assert_string_equal(field(&b, "-5"), "'-5");
	assert_string_equal(field(&b, "@SUM(A1)"), "'@SUM(A1)");
	/* guarded and quoted: the apostrophe goes inside the quotes */
	assert_string_equal(field(&b, "=HYPERLINK(\"x\",\"y\")"),
			    "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
	/* only the first character counts */
	assert_string_equal(field(&b, "a=b"), "a=b");
	buf_release(&b);
}

static void test_row_end(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	csv_field(&b, "a");
	buf_addch(&b, ',');
	csv_field(&b, "b");
	csv_end_row(&b);
	assert_string_equal(b.ptr, "a,b\r\n");
	assert_string_equal(CSV_BOM, "\xef\xbb\xbf");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quoting),
		cmocka_unit_test(test_injection_guard),
		cmocka_unit_test(test_row_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
