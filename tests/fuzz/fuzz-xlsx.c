/*
 * libFuzzer harness for XLSX reading (libzip + expat): any bytes, zip or
 * not, give rows or a clean error, never a crash, a leak or a read past
 * the input; row numbers only go up.
 */
#include "util/sheet.h"

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
		(void)strlen(cells[i]);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct err e = ERR_INIT;
	long last = 0;

	if (sheet_xlsx(data, n, row, &last, &e) != LS_OK &&
	    e.code != LS_EINVAL)
		abort();
	return 0;
}
