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

/* The code point's decoding by the definition, as the reference. */
static size_t reference_seqlen(const unsigned char *s, size_t avail)
{
	size_t len = s[0] < 0x80 ? 1 : (s[0] & 0xe0) == 0xc0 ? 2 :
		     (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
	static const unsigned min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	unsigned c;

	if (!len || len > avail)
		return 0;
	c = len == 1 ? s[0] : s[0] & (0x7f >> len);
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min[len] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	return len;
}

/*
 * Every 1- and 2-byte input, every 3-byte one from a lead byte, and
 * 4-byte ones over all first pairs with telling last bytes.
 */
static void test_seqlen_exhaustive(void **state)
{
	static const unsigned char tail[] = { 0x00, 0x41, 0x7f, 0x80, 0x8f,
					      0x90, 0xbf, 0xc0, 0xff };
	unsigned char s[4];
	long bad = 0;

	(void)state;
	for (unsigned a = 0; a < 256; a++) {
		s[0] = (unsigned char)a;
		bad += utf8_seqlen((char *)s, 1) != reference_seqlen(s, 1);
		for (unsigned b = 0; b < 256; b++) {
			s[1] = (unsigned char)b;
			bad += utf8_seqlen((char *)s, 2) !=
			       reference_seqlen(s, 2);
			/* below 0xc0 the first byte decides alone */
			for (unsigned c = 0; a >= 0xc0 && c < 256; c++) {
				s[2] = (unsigned char)c;
				bad += utf8_seqlen((char *)s, 3) !=
				       reference_seqlen(s, 3);
			}
			for (size_t i = 0; i < sizeof(tail); i++)
				for (size_t j = 0; j < sizeof(tail); j++) {
					s[2] = tail[i];
					s[3] = tail[j];
					bad += utf8_seqlen((char *)s, 4) !=
					       reference_seqlen(s, 4);
				}
		}
	}
	assert_int_equal(bad, 0);
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
		cmocka_unit_test(test_seqlen_exhaustive),
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
