/*
 * UTF-8 helpers: validation, and display width for aligning columns of
 * Chinese text in a terminal (East Asian wide characters take two cells).
 * Locale-independent on purpose: CI runs in the C locale.
 */
#ifndef LUOSHI_UTF8_H
#define LUOSHI_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid:
 * Unicode's well-formed byte ranges (Table 3-7), which exclude overlong
 * forms, surrogates and code points past U+10FFFF. Inline: the JSON
 * writer checks every character of every string it writes.
 */
static inline size_t utf8_seqlen(const char *str, size_t avail)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c, lo = 0x80, hi = 0xbf;

	if (!avail)
		return 0;
	c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xc2 || c > 0xf4)
		return 0;
	if (c < 0xe0)
		return avail >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (c < 0xf0)
		return avail >= 3 && s[1] >= lo && s[1] <= hi &&
		       (s[2] & 0xc0) == 0x80 ? 3 : 0;
	return avail >= 4 && s[1] >= lo && s[1] <= hi &&
	       (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80 ? 4 : 0;
}

bool utf8_valid(const char *s, size_t n);
/* Cells of an ASCII character: one, none for a control character. */
static inline int utf8_ascii_width(unsigned char c)
{
	return c >= 0x20 && c != 0x7f;
}

/* utf8_next for a character that is not ASCII. */
size_t utf8_next_multi(const char *s, size_t avail, int *width);

/*
 * The character at s (avail bytes, avail > 0): its length in bytes, 1 for
 * an invalid sequence (shown as U+FFFD), and its cells in *width. Inline
 * for ASCII: tables measure every cell they print.
 */
static inline size_t utf8_next(const char *s, size_t avail, int *width)
{
	if ((unsigned char)s[0] < 0x80) {
		*width = utf8_ascii_width((unsigned char)s[0]);
		return 1;
	}
	return utf8_next_multi(s, avail, width);
}
/* Terminal cells needed to show s (wide = 2, combining = 0). */
int utf8_width(const char *s);
/* Bytes of s that fit in `cells` terminal cells (whole characters). */
size_t utf8_fit(const char *s, int cells, int *used);

#endif
