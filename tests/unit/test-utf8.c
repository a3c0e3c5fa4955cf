/*
 * Unit tests for UTF-8 helpers (util/utf8.c): validation, the display
 * width of ASCII, Chinese and mixed text (wide = 2 cells), and utf8_fit,
 * which cuts text to a number of cells without splitting a character.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/utf8.h"

#include <string.h>

static void test_seqlen(void **state)
{
	(void)state;
	assert_int_equal(utf8_seqlen("a", 1), 1);
	assert_int_equal(utf8_seqlen("é", 2), 2);		/* U+00E9 */
	assert_int_equal(utf8_seqlen("落", 3), 3);
	assert_int_equal(utf8_seqlen("😀", 4), 4);		/* U+1F600 */
	assert_int_equal(utf8_seqlen("落", 2), 0);		/* cut short */
	assert_int_equal(utf8_seqlen("a", 0), 0);
	assert_int_equal(utf8_seqlen("\x80", 1), 0);	/* continuation */
	assert_int_equal(utf8_seqlen("\xc0\x80", 2), 0);	/* overlong */
	assert_int_equal(utf8_seqlen("\xe0\x80\xaf", 3), 0);	/* overlong */
	assert_int_equal(utf8_seqlen("\xed\xa0\x80", 3), 0);	/* surrogate */
	assert_int_equal(utf8_seqlen("\xf4\x90\x80\x80", 4), 0); /* > 10FFFF */
	assert_int_equal(utf8_seqlen("\xf4\x8f\xbf\xbf", 4), 4); /* 10FFFF */
	assert_int_equal(utf8_seqlen("\xf8\x88\x80\x80", 4), 0);
	assert_int_equal(utf8_seqlen("\xe8" "a" "\x90", 3), 0);
}

static void test_valid(void **state)
{
	static const char ok[] = "哈尔滨市 HRB-DL 道里区 ✓";

	(void)state;
	assert_true(utf8_valid(ok, strlen(ok)));
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("a\0b", 3));		/* NUL is valid UTF-8 */
	assert_false(utf8_valid("ab\xff", 3));
	assert_false(utf8_valid("落实", 5));		/* cut short */
	assert_true(utf8_valid("落实", 6));
}

static void test_width_ascii(void **state)
{
	(void)state;
	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width("HRB-DL"), 6);
	assert_int_equal(utf8_width("task 42: done."), 14);
}

static void test_width_chinese(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("落实"), 4);
	assert_int_equal(utf8_width("哈尔滨市道里区"), 14);
	assert_int_equal(utf8_width("，。"), 4);	/* full-width punct */
	assert_int_equal(utf8_width("ＨＲＢ"), 6);	/* full-width */
	assert_int_equal(utf8_width("𠀀"), 2);		/* CJK ext. B */
	assert_int_equal(utf8_width("かな한글"), 8);
}

static void test_width_mixed(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("HRB-道里区"), 10);
	assert_int_equal(utf8_width("2026年11月26日"), 14);
	assert_int_equal(utf8_width("任务 #7 已办结 😀"), 17);
	assert_int_equal(utf8_width("café"), 4);
	assert_int_equal(utf8_width("cafe\xcc\x81"), 4);	/* combining */
	assert_int_equal(utf8_width("a\tb"), 2);		/* control: 0 */
	assert_int_equal(utf8_width("a\xff" "b"), 3);	/* bad byte */
}

static void test_fit_chinese(void **state)
{
	int used = -1;

	(void)state;
	assert_int_equal(utf8_fit("落实工作", 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(utf8_fit("落实工作", 4, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(utf8_fit("落实工作", 3, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(utf8_fit("落实工作", 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(utf8_fit("落实工作", 8, &used), 12);
	assert_int_equal(used, 8);
	assert_int_equal(utf8_fit("落实工作", 100, &used), 12);
	assert_int_equal(used, 8);
}

static void test_fit_mixed(void **state)
{
	int used = -1;

	(void)state;
	assert_int_equal(utf8_fit("ab落实", 3, &used), 2);
	assert_int_equal(used, 2);
	assert_int_equal(utf8_fit("ab落实", 4, &used), 5);
	assert_int_equal(used, 4);
	assert_int_equal(utf8_fit("ab落实", 5, &used), 5);
	assert_int_equal(used, 4);
	assert_int_equal(utf8_fit("abc", 0, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(utf8_fit("", 10, &used), 0);
	assert_int_equal(used, 0);
	/* A combining accent stays with its letter. */
	assert_int_equal(utf8_fit("e\xcc\x81x", 1, &used), 3);
	assert_int_equal(used, 1);
	/* used may be NULL. */
	assert_int_equal(utf8_fit("道里区", 4, NULL), 6);
}

/* One character at a time: its bytes and cells; a bad byte is 1 and 1. */
static void test_next(void **state)
{
	int w = -1;

	(void)state;
	assert_int_equal(utf8_next("ab", 2, &w), 1);
	assert_int_equal(w, 1);
	assert_int_equal(utf8_next("落实", 6, &w), 3);
	assert_int_equal(w, 2);
	assert_int_equal(utf8_next("\xcc\x81", 2, &w), 2);	/* combining */
	assert_int_equal(w, 0);
	assert_int_equal(utf8_next("\xf0\x9f\x98\x80", 4, &w), 4);
	assert_int_equal(w, 2);
	assert_int_equal(utf8_next("\xff", 1, &w), 1);		/* invalid */
	assert_int_equal(w, 1);
	assert_int_equal(utf8_next("\xe8\x90", 2, &w), 1);	/* cut short */
	assert_int_equal(w, 1);
	assert_int_equal(utf8_next("\x1b", 1, &w), 1);		/* control */
	assert_int_equal(w, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seqlen),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_width_ascii),
		cmocka_unit_test(test_width_chinese),
		cmocka_unit_test(test_width_mixed),
		cmocka_unit_test(test_fit_chinese),
		cmocka_unit_test(test_fit_mixed),
		cmocka_unit_test(test_next),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
