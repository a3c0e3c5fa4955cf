/*
 * Period parsing: strict forms only, so "2026-1" or "26" never guess.
 */
#include "core/period.h"
#include "util/date.h"

#include <stdio.h>
#include <string.h>

static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static enum lserr bad(const char *s, struct err *e)
{
	return err_set(e, LS_EINVAL, "period", "invalid period '%s' "
		       "(expected YYYY, YYYY-Qn or YYYY-MM)", s ? s : "");
}

enum lserr period_parse(const char *s, struct period *out, struct err *e)
{
	size_t n = s ? strlen(s) : 0;
	int y, q, m;

	if (n < 4 || (y = digits(s, 4)) < 2000 || y > 2100)
		return bad(s, e);
	memset(out, 0, sizeof(*out));
	if (n == 4) {
		out->kind = PERIOD_YEAR;
		out->first = date_from_ymd(y, 1, 1);
		out->last = date_from_ymd(y, 12, 31);
	} else if (n == 7 && s[4] == '-' && s[5] == 'Q') {
		if ((q = digits(s + 6, 1)) < 1 || q > 4)
			return bad(s, e);
		out->kind = PERIOD_QUARTER;
		out->first = date_from_ymd(y, 3 * q - 2, 1);
		out->last = q == 4 ? date_from_ymd(y, 12, 31) :
			date_from_ymd(y, 3 * q + 1, 1) - 1;
	} else if (n == 7 && s[4] == '-') {
		if ((m = digits(s + 5, 2)) < 1 || m > 12)
			return bad(s, e);
		out->kind = PERIOD_MONTH;
		out->first = date_from_ymd(y, m, 1);
		out->last = m == 12 ? date_from_ymd(y, 12, 31) :
			date_from_ymd(y, m + 1, 1) - 1;
	} else {
		return bad(s, e);
	}
	snprintf(out->text, sizeof(out->text), "%s", s);
	return LS_OK;
}

int period_contains(const struct period *p, int day)
{
	return day != DATE_NONE && day >= p->first && day <= p->last;
}
