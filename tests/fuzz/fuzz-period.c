/*
 * libFuzzer harness for evaluation periods (core/period.c): never crash;
 * a period that parses is its own text, starts on the first of a month,
 * ends on the last day of one, and is as long as its kind says; one that
 * does not parse is refused naming the field "period".
 */
#include "core/period.h"
#include "util/date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct err e = ERR_INIT;
	struct period p, again;
	char s[32];
	int y, m, d, y2, m2, d2, len;

	if (n >= sizeof(s))
		return 0;
	memcpy(s, data, n);
	s[n] = '\0';
	if (period_parse(s, &p, &e)) {
		if (e.code != LS_EINVAL || strcmp(e.field, "period"))
			abort();
		return 0;
	}
	if (strcmp(p.text, s) || period_parse(p.text, &again, &e) ||
	    memcmp(&p, &again, sizeof(p)))
		abort();
	date_to_ymd(p.first, &y, &m, &d);
	date_to_ymd(p.last + 1, &y2, &m2, &d2);
	len = p.last - p.first + 1;
	if (d != 1 || d2 != 1 || y < 2000 || y > 2100 ||
	    !period_contains(&p, p.first) || !period_contains(&p, p.last) ||
	    period_contains(&p, p.first - 1) ||
	    period_contains(&p, p.last + 1) || period_contains(&p, DATE_NONE))
		abort();
	switch (p.kind) {
	case PERIOD_YEAR:	/* 2026: 365 days, 2028: 366 */
		if (m != 1 || (len != 365 && len != 366))
			abort();
		break;
	case PERIOD_QUARTER:	/* Q1 90 or 91 days, Q2 91, Q3 Q4 92 */
		if ((m - 1) % 3 || len < 90 || len > 92)
			abort();
		break;
	case PERIOD_MONTH:
		if (len < 28 || len > 31)
			abort();
		break;
	}
	return 0;
}
