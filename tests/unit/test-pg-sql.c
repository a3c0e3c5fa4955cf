/*
 * Unit tests for the PostgreSQL driver's placeholder translation
 * (store/pg_sql.c): numbered and bare '?' as SQLite numbers them, and
 * nothing rewritten inside strings, quoted names or comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store/pg_sql.h"

#include <stdbool.h>
#include <stdlib.h>

static void check(const char *sql, const char *want, int want_n)
{
	int n = -1;
	char *got = pg_sql_translate(sql, &n);

	assert_string_equal(got, want);
	assert_int_equal(n, want_n);
	free(got);
}

static void test_numbered(void **state)
{
	(void)state;
	check("SELECT a FROM t WHERE (?1 IS NULL OR a = ?1) AND b < ?12",
	      "SELECT a FROM t WHERE ($1 IS NULL OR a = $1) AND b < $12", 12);
}

static void test_bare_follow_the_largest(void **state)
{
	(void)state;
	/* SQLite: a bare ? is one more than the largest so far. */
	check("INSERT INTO t VALUES (?, ?, ?)",
	      "INSERT INTO t VALUES ($1, $2, $3)", 3);
	/* ?3 then ? is 4, then ?2 stays 2, then ? is 5. */
	check("?3 ? ?2 ?", "$3 $4 $2 $5", 5);
}

static void test_quotes_and_comments_untouched(void **state)
{
	(void)state;
	check("SELECT 'a?b', 'it''s ?', \"c?\" FROM t WHERE x = ?",
	      "SELECT 'a?b', 'it''s ?', \"c?\" FROM t WHERE x = $1", 1);
	check("-- what? \nSELECT ? -- and ?1\n",
	      "-- what? \nSELECT $1 -- and ?1\n", 1);
	check("lower(b) LIKE ?5 ESCAPE '\\'",
	      "lower(b) LIKE $5 ESCAPE '\\'", 5);
}

static void test_no_parameters(void **state)
{
	(void)state;
	check("SELECT 1", "SELECT 1", 0);
	check("", "", 0);
}

static void test_unary_plus_dropped(void **state)
{
	(void)state;
	/* Unary before a name goes; binary "a + 1" and "+ ?" stay. */
	check("AND +t.status IN (?9) AND t.id = +e.task_id",
	      "AND t.status IN ($9) AND t.id = e.task_id", 9);
	check("SET version = version + 1, n = (+x) + ?",
	      "SET version = version + 1, n = (x) + $1", 1);
}

static void test_probe(void **state)
{
	bool only[3] = { true, true, true };
	char *p;

	(void)state;
	/* $1 in a null test and a comparison, $2 only in a null test, $3
	 * unused: the probe keeps "path >= $1", types $2 and $3 as text. */
	p = pg_sql_probe("WHERE $1 IS NULL OR (path >= $1 AND "
			 "$2 IS NOT NULL) AND '$1 IS NULL'", 3, only);
	assert_string_equal(p, "WHERE NULL IS NULL OR (path >= $1 AND "
			    "NULL IS NOT NULL) AND '$1 IS NULL'");
	assert_false(only[0]);
	assert_true(only[1]);
	assert_true(only[2]);
	free(p);
	/* No null test: no probe needed. */
	assert_null(pg_sql_probe("WHERE id = $1", 1, only));
	assert_false(only[0]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbered),
		cmocka_unit_test(test_bare_follow_the_largest),
		cmocka_unit_test(test_quotes_and_comments_untouched),
		cmocka_unit_test(test_no_parameters),
		cmocka_unit_test(test_unary_plus_dropped),
		cmocka_unit_test(test_probe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
