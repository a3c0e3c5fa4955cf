/*
 * UTF-8 helpers: validation, and display width for aligning columns of
 * Chinese text in a terminal (East Asian wide characters take two cells).
 * Locale-independent on purpose: CI runs in the C locale.
 */
#ifndef LUOSHI_UTF8_H
#define LUOSHI_UTF8_H

#include <stdbool.h>
#include <stddef.h>

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
size_t utf8_seqlen(const char *s, size_t avail);
bool utf8_valid(const char *s, size_t n);
/*
 * The character at s (avail bytes, avail > 0): its length in bytes, 1 for
 * an invalid sequence (shown as U+FFFD), and its cells in *width.
 */
size_t utf8_next(const char *s, size_t avail, int *width);
/* Terminal cells needed to show s (wide = 2, combining = 0). */
int utf8_width(const char *s);
/* Bytes of s that fit in `cells` terminal cells (whole characters). */
size_t utf8_fit(const char *s, int cells, int *used);

#endif
