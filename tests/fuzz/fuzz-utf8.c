/*
 * libFuzzer harness for UTF-8 validation and display width: never crash,
 * never split a character, and the whole of a valid string fits in its
 * own width.
 */
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char *s = malloc(n + 1);
	size_t len, cut;
	int w, used;

	memcpy(s, data, n);
	s[n] = '\0';
	len = strlen(s);
	w = utf8_width(s);
	if (w < 0)
		abort();
	if (utf8_valid(s, len) && utf8_fit(s, w, &used) != len)
		abort();
	cut = utf8_fit(s, w / 2, &used);
	if (used > w / 2 || cut > len)
		abort();
	if (utf8_valid(s, len) && !utf8_valid(s, cut))
		abort();
	free(s);
	return 0;
}
