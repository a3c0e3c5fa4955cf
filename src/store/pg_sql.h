/*
 * The SQL rewrites the PostgreSQL driver needs (kept apart from pg.c,
 * without libpq, so a unit test can hold them to exact outputs): the
 * shared SQL's SQLite placeholders become PostgreSQL's numbered ones, and
 * the parameters' types are found even where the first use of one is
 * "?1 IS NULL" (which PostgreSQL cannot type: it types a parameter at its
 * first use).
 */
#include <stdbool.h>

#ifndef LUOSHI_PG_SQL_H
#define LUOSHI_PG_SQL_H

/*
 * A new string: `sql` with each "?N" turned into "$N" and each bare "?"
 * into "$K", K one more than the largest number so far (SQLite's rule),
 * leaving quoted strings, quoted names and -- comments alone. *nparams
 * gets the largest number used. SQLite's unary '+' before a column (a
 * "+t.status" that keeps its planner off an index) is dropped: PostgreSQL
 * has no unary '+' on text.
 */
char *pg_sql_translate(const char *sql, int *nparams);

/*
 * For translated SQL with parameters $1..$nparams: NULL when no "$N IS
 * NULL" or "$N IS NOT NULL" occurs, else a probe, the same SQL with those
 * tests on constants ("NULL IS NULL"), whose other uses of each parameter
 * let the server type it; only_null[N-1] is set for a parameter used in
 * such tests only, or not at all (the driver types it as text).
 */
char *pg_sql_probe(const char *sql, int nparams, bool *only_null);

#endif
