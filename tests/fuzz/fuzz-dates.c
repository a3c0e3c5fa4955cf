/*
 * libFuzzer harness for date, month and instant parsing: never crash, and
 * whatever parses formats back to exactly the input (the parsers are
 * strict, so there is one spelling per value).
 */
#include "util/date.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char s[64], out[INSTANT_STRLEN];
	long long secs;
	int day, month;

	if (n >= sizeof(s))
		return 0;
	memcpy(s, data, n);
	s[n] = '\0';
	if (date_parse(s, &day) && strcmp(date_format(day, out), s))
		abort();
	if (month_parse(s, &month) && strcmp(month_format(month, out), s))
		abort();
	if (instant_parse(s, &secs) && strcmp(instant_format(secs, out), s) &&
	    strncmp(s + 17, "60", 2))	/* a leap second normalises */
		abort();
	return 0;
}
