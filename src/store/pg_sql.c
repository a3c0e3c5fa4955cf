/*
 * Placeholder translation for the PostgreSQL driver (see pg_sql.h): done
 * once per statement when it is prepared, never on the hot path.
 */
#include "store/pg_sql.h"
#include "util/buf.h"
#include "util/xmalloc.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* Copies a quoted run starting at *p (quote q, doubled to escape). */
static const char *copy_quoted(struct buf *out, const char *p, char q)
{
	buf_addch(out, *p++);
	while (*p) {
		buf_addch(out, *p);
		if (*p++ == q) {
			if (*p != q)
				break;
			buf_addch(out, *p++);
		}
	}
	return p;
}

char *pg_sql_translate(const char *sql, int *nparams)
{
	struct buf out = BUF_INIT;
	const char *p = sql;
	int max = 0;

	while (*p) {
		if (*p == '\'' || *p == '"') {
			p = copy_quoted(&out, p, *p);
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				buf_addch(&out, *p++);
		} else if (*p == '+' && p > sql && (p[-1] == ' ' ||
			   p[-1] == '(') && (isalpha((unsigned char)p[1]) ||
			   p[1] == '_')) {
			p++;	/* SQLite's unary plus: no index here */
		} else if (*p == '?') {
			int n = 0;

			p++;
			if (isdigit((unsigned char)*p)) {
				while (isdigit((unsigned char)*p))
					n = n * 10 + (*p++ - '0');
			} else {
				n = max + 1;
			}
			if (n > max)
				max = n;
			buf_addf(&out, "$%d", n);
		} else {
			buf_addch(&out, *p++);
		}
	}
	*nparams = max;
	return buf_detach(&out);
}

/* The length of " IS NULL" or " IS NOT NULL" at p, else 0. */
static size_t null_test(const char *p)
{
	if (!strncmp(p, " IS NULL", 8))
		return 8;
	if (!strncmp(p, " IS NOT NULL", 12))
		return 12;
	return 0;
}

char *pg_sql_probe(const char *sql, int nparams, bool *only_null)
{
	struct buf out = BUF_INIT;
	const char *p = sql;
	int *uses = xcalloc((size_t)nparams + 1, sizeof(int));
	int *tests = xcalloc((size_t)nparams + 1, sizeof(int));
	int ntests = 0;

	while (*p) {
		if (*p == '\'' || *p == '"') {
			p = copy_quoted(&out, p, *p);
		} else if (p[0] == '-' && p[1] == '-') {
			while (*p && *p != '\n')
				buf_addch(&out, *p++);
		} else if (*p == '$' && isdigit((unsigned char)p[1])) {
			const char *start = p++;
			int n = 0;
			size_t t;

			while (isdigit((unsigned char)*p))
				n = n * 10 + (*p++ - '0');
			if (n < 1 || n > nparams) {
				buf_add(&out, start, (size_t)(p - start));
				continue;
			}
			uses[n]++;
			if ((t = null_test(p))) {
				tests[n]++;
				ntests++;
				buf_adds(&out, "NULL");
				buf_add(&out, p, t);
				p += t;
			} else {
				buf_add(&out, start, (size_t)(p - start));
			}
		} else {
			buf_addch(&out, *p++);
		}
	}
	for (int n = 1; n <= nparams; n++)
		only_null[n - 1] = uses[n] == tests[n];
	free(uses);
	free(tests);
	if (!ntests) {
		buf_release(&out);
		return NULL;
	}
	return buf_detach(&out);
}
