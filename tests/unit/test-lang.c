/*
 * Unit tests for the language choice (util/lang.c): --lang values and
 * Accept-Language headers with q-values, expected languages by hand.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/lang.h"

static void test_parse(void **state)
{
	enum lang l = LANG_EN;

	(void)state;
	assert_true(lang_parse("zh-CN", &l));
	assert_int_equal(l, LANG_ZH);
	assert_true(lang_parse("en", &l));
	assert_int_equal(l, LANG_EN);
	assert_true(lang_parse("ZH", &l));
	assert_int_equal(l, LANG_ZH);
	assert_false(lang_parse("fr", &l));
	assert_false(lang_parse("", &l));
	assert_false(lang_parse("english", &l));
	assert_string_equal(lang_name(LANG_ZH), "zh-CN");
	assert_string_equal(lang_name(LANG_EN), "en");
}

static void test_accept(void **state)
{
	(void)state;
	assert_int_equal(lang_from_accept(NULL), LANG_ZH);
	assert_int_equal(lang_from_accept(""), LANG_ZH);
	assert_int_equal(lang_from_accept("*"), LANG_ZH);
	assert_int_equal(lang_from_accept("fr-FR, de"), LANG_ZH);
	assert_int_equal(lang_from_accept("en"), LANG_EN);
	assert_int_equal(lang_from_accept("en-US,en;q=0.9"), LANG_EN);
	assert_int_equal(lang_from_accept("zh-CN,zh;q=0.9,en;q=0.8"),
			 LANG_ZH);
	/* q decides, not the order: 0.9 > 0.5 */
	assert_int_equal(lang_from_accept("zh;q=0.5, en;q=0.9"), LANG_EN);
	/* a tie goes to the first */
	assert_int_equal(lang_from_accept("en;q=0.8, zh;q=0.8"), LANG_EN);
	/* fr first, then en: en is the best we speak */
	assert_int_equal(lang_from_accept("fr, en;q=0.7"), LANG_EN);
	/* q=0 means "not this one" */
	assert_int_equal(lang_from_accept("en;q=0"), LANG_ZH);
	/* "eng" and "zhx" are other languages */
	assert_int_equal(lang_from_accept("eng"), LANG_ZH);
	assert_int_equal(lang_from_accept("zhx, en"), LANG_EN);
	assert_int_equal(lang_from_accept("zh-TW"), LANG_ZH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_accept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
