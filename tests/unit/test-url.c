/*
 * Unit tests for percent-decoding (util/url.c), the server's unescaper:
 * escapes decoded, "%00" kept as written (the API test's evidence
 * download "<hash>%00../../secret.txt" was served as "<hash>" when MHD
 * decoded the NUL), malformed escapes kept.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/url.h"

#include <stdio.h>
#include <string.h>

/* Decodes a copy of s; checks the text and the returned length. */
static void decodes(const char *s, const char *want)
{
	char buf[128];
	size_t n;

	snprintf(buf, sizeof(buf), "%s", s);
	n = url_unescape(buf);
	assert_string_equal(buf, want);
	assert_int_equal(n, strlen(want));
}

static void test_decode(void **state)
{
	(void)state;
	decodes("", "");
	decodes("/api/v1/tasks", "/api/v1/tasks");
	decodes("%2e%2e%2f", "../");
	decodes("%2E%2E%2F", "../");
	decodes("a%20b", "a b");
	/* 哈 is E5 93 88 */
	decodes("%E5%93%88", "\xe5\x93\x88");
	decodes("100%25", "100%");
	decodes("%252f", "%2f");	/* decoded once only */
	decodes("a+b", "a+b");		/* '+' is the query parser's */
}

static void test_nul_kept(void **state)
{
	(void)state;
	decodes("abc%00../../secret.txt", "abc%00../../secret.txt");
	decodes("%00", "%00");
	decodes("%0", "%0");
	decodes("%", "%");
	decodes("%zz%4", "%zz%4");
	decodes("%%41", "%A");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_nul_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
