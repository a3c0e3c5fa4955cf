/*
 * Language choice for generated files: the --lang value and the HTTP
 * Accept-Language header (RFC 9110 §12.5.4: ranges with optional q).
 */
#include "util/lang.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool lang_parse(const char *s, enum lang *out)
{
	if (!strcasecmp(s, "zh-CN") || !strcasecmp(s, "zh")) {
		*out = LANG_ZH;
		return true;
	}
	if (!strcasecmp(s, "en")) {
		*out = LANG_EN;
		return true;
	}
	return false;
}

const char *lang_name(enum lang l)
{
	return l == LANG_EN ? "en" : "zh-CN";
}

/* The q of one range's parameters ";q=0.8" (1 when absent, 0 if bad). */
static double range_q(const char *p, size_t n)
{
	const char *q = memchr(p, ';', n);
	char num[8];
	size_t len;
	char *end;
	double v;

	if (!q)
		return 1;
	q++;
	while (q < p + n && (*q == ' ' || *q == '\t'))
		q++;
	if (p + n - q < 3 || strncasecmp(q, "q=", 2))
		return 1;
	q += 2;
	len = (size_t)(p + n - q);
	if (len >= sizeof(num))
		len = sizeof(num) - 1;
	memcpy(num, q, len);
	num[len] = '\0';
	v = strtod(num, &end);
	return end == num || v < 0 || v > 1 ? 0 : v;
}

enum lang lang_from_accept(const char *header)
{
	enum lang best = LANG_ZH;
	double best_q = 0;
	const char *p = header;

	while (p && *p) {
		size_t n = strcspn(p, ",");
		const char *s = p;
		double q;

		while (*s == ' ' || *s == '\t')
			s++;
		q = range_q(s, (size_t)(p + n - s));
		if (q > best_q && !strncasecmp(s, "zh", 2) &&
		    (s[2] == '-' || s[2] == ';' || s[2] == ',' ||
		     s[2] == ' ' || !s[2])) {
			best = LANG_ZH;
			best_q = q;
		} else if (q > best_q && !strncasecmp(s, "en", 2) &&
			   (s[2] == '-' || s[2] == ';' || s[2] == ',' ||
			    s[2] == ' ' || !s[2])) {
			best = LANG_EN;
			best_q = q;
		}
		p += n + (p[n] == ',');
	}
	return best;
}
