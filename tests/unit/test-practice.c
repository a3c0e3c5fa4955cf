/*
 * Unit tests for the practice library's rules (core/practice.c): tags,
 * when a search can use the trigram index, and the title made from a
 * commendation. Expected values are counted by hand in the comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/practice.h"

#include <string.h>

static void test_chars(void **state)
{
	(void)state;
	assert_int_equal(practice_chars(""), 0);
	assert_int_equal(practice_chars("abc"), 3);
	/* 河 长 制: three characters of three bytes each */
	assert_int_equal(practice_chars("河长制"), 3);
	assert_int_equal(strlen("河长制"), 9);
	/* a 2 河 长 b: five */
	assert_int_equal(practice_chars("a2河长b"), 5);
}

static void test_tags(void **state)
{
	/* 20 Chinese characters (60 bytes) is the longest tag */
	static const char twenty[] =
		"一二三四五六七八九十一二三四五六七八九十";
	static const char twentyone[] =
		"一二三四五六七八九十一二三四五六七八九十一";

	(void)state;
	assert_true(practice_tag_valid("民生"));
	assert_true(practice_tag_valid("营商 环境"));
	assert_true(practice_tag_valid("a"));
	assert_true(practice_tag_valid(twenty));
	assert_false(practice_tag_valid(twentyone));
	/* 20 ASCII letters fit, 21 do not */
	assert_true(practice_tag_valid("abcdefghijklmnopqrst"));
	assert_false(practice_tag_valid("abcdefghijklmnopqrstu"));
	assert_false(practice_tag_valid(NULL));
	assert_false(practice_tag_valid(""));
	assert_false(practice_tag_valid(" 民生"));
	assert_false(practice_tag_valid("民生 "));
	assert_false(practice_tag_valid("民生,就业"));
	assert_false(practice_tag_valid("a\tb"));
	assert_false(practice_tag_valid("a\x7f"));
	assert_false(practice_tag_valid("\xe6\xb0"));	/* cut UTF-8 */
}

static void test_search_indexed(void **state)
{
	(void)state;
	assert_true(practice_search_indexed("河长制"));	/* 3 */
	assert_false(practice_search_indexed("河长"));	/* 2 */
	assert_false(practice_search_indexed("河"));
	assert_false(practice_search_indexed(""));
	assert_false(practice_search_indexed(NULL));
	assert_true(practice_search_indexed("abc"));
	assert_false(practice_search_indexed("ab"));
	assert_true(practice_search_indexed("a河b"));	/* 3 */
}

static void check_title(const char *reason, const char *want)
{
	struct buf b = BUF_INIT;

	practice_title_from(reason, &b);
	assert_string_equal(b.ptr, want);
	buf_release(&b);
}

static void test_title_from(void **state)
{
	(void)state;
	check_title("河长制推行有力", "河长制推行有力");
	/* the first non-blank line, blanks trimmed */
	check_title("\n  网格化管理成效显著 \n第二行", "网格化管理成效显著");
	check_title("  \r\n\tfirst\r\nsecond", "first");
	check_title("", "");
	check_title(NULL, "");
	/* exactly 30 characters: kept whole */
	check_title("一二三四五六七八九十一二三四五六七八九十"
		    "一二三四五六七八九十",
		    "一二三四五六七八九十一二三四五六七八九十"
		    "一二三四五六七八九十");
	/* 31 characters: the first 30 and "…" */
	check_title("一二三四五六七八九十一二三四五六七八九十"
		    "一二三四五六七八九十X",
		    "一二三四五六七八九十一二三四五六七八九十"
		    "一二三四五六七八九十…");
	/* 36 ASCII characters: the first 30 and "…" */
	check_title("abcdefghijklmnopqrstuvwxyz0123456789",
		    "abcdefghijklmnopqrstuvwxyz0123…");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_search_indexed),
		cmocka_unit_test(test_title_from),
	};

	return cmocka_run_group_tests_name("practice", tests, NULL, NULL);
}
