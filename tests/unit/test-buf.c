/*
 * Unit tests for buf (util/buf.c), the one string builder: its invariants
 * (ptr never NULL, always NUL-terminated, no memory until the first
 * append) and ownership on detach.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/buf.h"

#include <stdlib.h>
#include <string.h>

static void test_init_owns_nothing(void **state)
{
	struct buf b = BUF_INIT, c;

	(void)state;
	assert_non_null(b.ptr);
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	buf_init(&c);
	assert_ptr_equal(c.ptr, b.ptr);		/* the shared empty string */
	buf_add(&b, "x", 0);			/* empty add: still no memory */
	assert_int_equal(b.cap, 0);
	buf_reset(&b);
	buf_setlen(&b, 0);
	assert_int_equal(b.cap, 0);
	buf_release(&b);			/* releasing nothing is fine */
	assert_string_equal(b.ptr, "");
}

static void test_appends(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_adds(&b, "落实");
	buf_addch(&b, '-');
	buf_add(&b, "abcdef", 3);
	assert_string_equal(b.ptr, "落实-abc");
	assert_int_equal(b.len, 10);
	assert_true(b.cap > b.len);
	buf_release(&b);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	buf_adds(&b, "again");			/* reusable after release */
	assert_string_equal(b.ptr, "again");
	buf_release(&b);
}

static void test_addf(void **state)
{
	struct buf b = BUF_INIT;
	char big[1000];

	(void)state;
	buf_addf(&b, "%d-%s", 42, "HRB");	/* into an empty buf */
	assert_string_equal(b.ptr, "42-HRB");
	assert_int_equal(b.len, 6);
	buf_addf(&b, "/%05.1f", 3.14159);
	assert_string_equal(b.ptr, "42-HRB/003.1");
	/* Longer than the room left: grows and formats again. */
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_addf(&b, "[%s]", big);
	assert_int_equal(b.len, 12 + 1001);
	assert_int_equal(b.ptr[12], '[');
	assert_int_equal(b.ptr[13 + 998], 'z');
	assert_int_equal(b.ptr[b.len - 1], ']');
	assert_int_equal(b.ptr[b.len], '\0');
	assert_int_equal(strlen(b.ptr), b.len);
	buf_release(&b);
}

static void test_addf_empty_result(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_addf(&b, "%s", "");
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

static void test_embedded_nul(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	buf_add(&b, "a\0b", 3);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.ptr, "a\0b", 4);
	buf_release(&b);
}

static void test_grow_doubles(void **state)
{
	struct buf b = BUF_INIT;
	size_t cap;

	(void)state;
	buf_grow(&b, 10);
	assert_int_equal(b.cap, 64);		/* first allocation */
	assert_string_equal(b.ptr, "");
	buf_grow(&b, 63);			/* 63 + NUL still fits */
	assert_int_equal(b.cap, 64);
	buf_grow(&b, 64);
	assert_int_equal(b.cap, 128);
	cap = b.cap;
	for (int i = 0; i < 100000; i++)
		buf_addch(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 100000);
	assert_true(b.cap >= 100001 && b.cap > cap);
	assert_int_equal(b.ptr[99999], 'a' + 99999 % 26);
	assert_int_equal(b.ptr[100000], '\0');
	buf_release(&b);
}

static void test_reset_and_setlen(void **state)
{
	struct buf b = BUF_INIT;
	size_t cap;

	(void)state;
	buf_adds(&b, "督办事项");
	cap = b.cap;
	buf_setlen(&b, 6);			/* two 3-byte characters */
	assert_string_equal(b.ptr, "督办");
	buf_reset(&b);
	assert_string_equal(b.ptr, "");
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, cap);		/* memory kept for reuse */
	buf_release(&b);
}

static void test_detach(void **state)
{
	struct buf b = BUF_INIT;
	char *s;

	(void)state;
	buf_adds(&b, "hand over");
	s = buf_detach(&b);
	assert_string_equal(s, "hand over");
	assert_string_equal(b.ptr, "");		/* left empty */
	assert_int_equal(b.len, 0);
	assert_int_equal(b.cap, 0);
	free(s);
	s = buf_detach(&b);			/* an empty buf gives "" too */
	assert_non_null(s);
	assert_string_equal(s, "");
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_owns_nothing),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_addf),
		cmocka_unit_test(test_addf_empty_result),
		cmocka_unit_test(test_embedded_nul),
		cmocka_unit_test(test_grow_doubles),
		cmocka_unit_test(test_reset_and_setlen),
		cmocka_unit_test(test_detach),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
