/*
 * UTF-8 decoding and East Asian display width (a compact subset of
 * Unicode's EastAsianWidth W/F ranges: CJK, Hangul, kana, full-width forms
 * and emoji), enough for tables of Chinese unit names and task titles.
 */
#include "util/utf8.h"

#include <string.h>

static size_t decode(const char *str, size_t avail, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t len;
	unsigned c, min;

	if (!avail)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xe0) == 0xc0) {
		len = 2; c = s[0] & 0x1f; min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3; c = s[0] & 0x0f; min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len > avail)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

bool utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t len = utf8_seqlen(s + i, n - i);

		if (!len)
			return false;
		i += len;
	}
	return true;
}

static int cp_width(unsigned c)
{
	if (c < 0x80)
		return utf8_ascii_width((unsigned char)c);
	if (c < 0xa0)
		return 0;
	if ((c >= 0x300 && c <= 0x36f) || c == 0x200b || c == 0x200d ||
	    (c >= 0xfe00 && c <= 0xfe0f))
		return 0;
	if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
	    (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd))
		return 2;
	return 1;
}

int utf8_width(const char *s)
{
	int used;

	utf8_fit(s, 1 << 30, &used);
	return used;
}

size_t utf8_next_multi(const char *s, size_t avail, int *width)
{
	unsigned cp = 0xfffd;
	size_t len = decode(s, avail, &cp);

	*width = cp_width(cp);
	return len ? len : 1;
}

size_t utf8_fit(const char *s, int cells, int *used)
{
	size_t i = 0, n = strlen(s);
	int w = 0;

	while (i < n) {
		int cw;
		size_t len = utf8_next(s + i, n - i, &cw);

		if (w + cw > cells)
			break;
		w += cw;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}
