/*
 * RFC 4180 fields with the formula-injection guard (see csv.h). The
 * caller separates fields with ','; this file only encodes one.
 */
#include "util/csv.h"

#include <stdbool.h>
#include <string.h>

void csv_field(struct buf *b, const char *s)
{
	bool quote, guard;

	if (!s || !*s)
		return;
	guard = strchr("=+-@", *s) != NULL;
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		buf_addch(b, '"');
	if (guard)
		buf_addch(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_addch(b, '"');
		buf_addch(b, *s);
	}
	if (quote)
		buf_addch(b, '"');
}

void csv_end_row(struct buf *b)
{
	buf_adds(b, "\r\n");
}

const char *csv_unguard(const char *s)
{
	return s[0] == '\'' && s[1] && strchr("=+-@", s[1]) ? s + 1 : s;
}
