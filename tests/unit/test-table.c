/*
 * Unit tests for the CLI's streaming tables (cli/table.c): cells padded
 * and right-aligned by display width (a Chinese character takes two
 * cells), cut with "…" when too wide without splitting a character,
 * colour sequences not counted, control characters of no width, "-" for
 * an empty cell, and a last column of width 0 printed whole.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "cli/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* table_cell(s, width, right) as a string; the caller frees it. */
static char *cell(const char *s, int width, int right)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);

	assert_non_null(f);
	table_cell(f, s, width, right);
	fclose(f);
	return out;
}

static void cell_is(const char *s, int width, int right, const char *want)
{
	char *got = cell(s, width, right);

	if (strcmp(got, want))
		fail_msg("table_cell('%s', %d, %d) wrote '%s', want '%s'",
			 s ? s : "(null)", width, right, got, want);
	free(got);
}

static void test_pad(void **state)
{
	(void)state;
	cell_is("ab", 5, 0, "ab   ");
	cell_is("ab", 5, 1, "   ab");
	cell_is("abcde", 5, 0, "abcde");
	cell_is("", 3, 0, "-  ");
	cell_is(NULL, 3, 1, "  -");
	/* wider than the spaces written at once */
	cell_is("x", 40, 0, "x                                       ");
}

static void test_wide(void **state)
{
	(void)state;
	cell_is("道里区", 8, 0, "道里区  ");
	cell_is("道里区", 8, 1, "  道里区");
	cell_is("a道b", 4, 0, "a道b");
}

static void test_cut(void **state)
{
	(void)state;
	cell_is("abcdefgh", 5, 0, "abcd…");
	/* 5 cells: two characters (4) and the ellipsis */
	cell_is("哈尔滨市道里区", 5, 0, "哈尔…");
	/* 6 cells: still two characters, a third would need 7; padded */
	cell_is("哈尔滨市道里区", 6, 0, "哈尔… ");
	cell_is("ab哈尔滨", 4, 0, "ab… ");	/* 哈 would need a fifth */
}

static void test_colour_and_control(void **state)
{
	(void)state;
	/* the sequences take no cells */
	cell_is("\033[31mred\033[0m", 5, 0, "\033[31mred\033[0m  ");
	/* a cut coloured cell ends its colour before the ellipsis */
	cell_is("\033[31mredder\033[0m", 4, 0, "\033[31mred\033[0m…");
	/* control characters have no width: the tab's cell is padding */
	cell_is("a\tb", 4, 0, "a\tb  ");
	cell_is("a\x7f" "b", 3, 1, " a\x7f" "b");
}

static void test_row(void **state)
{
	static const struct table_col cols[] = {
		{ "ID", 4, 1 }, { "LEAD", 6, 0 }, { "TITLE", 0, 0 },
	};
	const char *cells[] = { "42", "HRB-DL", "一条很长很长的标题，不截断" };
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);

	(void)state;
	assert_non_null(f);
	table_header(f, cols, 3);
	table_row(f, cols, 3, cells);
	fclose(f);
	assert_string_equal(out, "  ID  LEAD    TITLE\n"
			    "  42  HRB-DL  一条很长很长的标题，不截断\n");
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pad),
		cmocka_unit_test(test_wide),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_colour_and_control),
		cmocka_unit_test(test_row),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
