/*
 * libFuzzer harness for CSV reading: the encoding guess (UTF-8 or
 * GB18030 through iconv) and the RFC 4180 parser never crash, never read
 * past the input, and hand over cells that are valid UTF-8 when the text
 * was, with line numbers that never go down.
 */
#include "util/sheet.h"
#include "util/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

static int row(long line, const char *const *cells, int n, void *arg)
{
	long *last = arg;

	if (line <= *last || n < 1)
		abort();
	*last = line;
	for (int i = 0; i < n; i++)
		if (!utf8_valid(cells[i], strlen(cells[i])))
			abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct err e = ERR_INIT;
	size_t len;
	long last = 0;
	char *text = sheet_text_utf8((const char *)data, n, &len, &e);

	if (!text)
		return 0;
	if (!utf8_valid(text, len))
		abort();
	sheet_csv(text, len, row, &last, &e);
	free(text);
	return 0;
}
