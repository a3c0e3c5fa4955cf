/*
 * Evaluation periods (SPEC §5): a year "2026", a quarter "2026-Q3" or a
 * month "2026-11", as the first and last day (day numbers, inclusive).
 * Evaluation, bulletins and cadre assessment all read periods here.
 */
#ifndef LUOSHI_PERIOD_H
#define LUOSHI_PERIOD_H

#include "util/err.h"

enum period_kind {
	PERIOD_YEAR,
	PERIOD_QUARTER,
	PERIOD_MONTH,
};

struct period {
	enum period_kind kind;
	int first;		/* first day, inclusive */
	int last;		/* last day, inclusive */
	char text[9];		/* normalised text, e.g. "2026-Q3" */
};

/*
 * Parses s (years 2000..2100). LS_EINVAL naming field "period" and the
 * value when malformed ("invalid period '2026-Q5' (expected YYYY,
 * YYYY-Qn or YYYY-MM)").
 */
enum lserr period_parse(const char *s, struct period *out, struct err *e);
/* True when day lies within the period. */
int period_contains(const struct period *p, int day);

#endif
