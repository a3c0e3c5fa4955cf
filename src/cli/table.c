/*
 * Streaming fixed-width tables with East Asian width (see table.h).
 * ANSI colour sequences inside cells are not counted as width.
 */
#include "cli/table.h"
#include "util/utf8.h"

#include <string.h>

/* Display width ignoring ESC [ ... m sequences. */
static int visible_width(const char *s, int *bytes_ok, int limit)
{
	size_t i = 0, n = strlen(s);
	int w = 0;

	while (i < n) {
		size_t len;
		int cw;

		if (s[i] == '\033') {
			const char *m = memchr(s + i, 'm', n - i);

			i = m ? (size_t)(m - s) + 1 : n;
			continue;
		}
		len = utf8_next(s + i, n - i, &cw);
		if (limit >= 0 && w + cw > limit)
			break;
		w += cw;
		i += len;
	}
	if (bytes_ok)
		*bytes_ok = (int)i;
	return w;
}

/* n spaces. */
static void pad(FILE *f, int n)
{
	static const char spaces[] = "                                ";

	for (; n > 0; n -= (int)sizeof(spaces) - 1)
		fwrite(spaces, 1, n < (int)sizeof(spaces) - 1 ? (size_t)n :
		       sizeof(spaces) - 1, f);
}

void table_cell(FILE *f, const char *s, int width, int right)
{
	int w, ok;

	if (!s || !*s)
		s = "-";
	if (width <= 0) {
		fputs(s, f);
		return;
	}
	/* Read no further than the cell: a long title stops at its width. */
	w = visible_width(s, &ok, width);
	if (s[ok]) {
		/* cut to width-1 cells and mark with an ellipsis */
		w = visible_width(s, &ok, width - 1);
		fwrite(s, 1, (size_t)ok, f);
		if (strchr(s, '\033'))
			fputs("\033[0m", f);
		fputs("…", f);
		pad(f, width - w - 1);
		return;
	}
	if (right)
		pad(f, width - w);
	fputs(s, f);
	if (!right)
		pad(f, width - w);
}

void table_header(FILE *f, const struct table_col *cols, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			fputs("  ", f);
		table_cell(f, cols[i].header, i == n - 1 && !cols[i].width ?
			   0 : cols[i].width, cols[i].right);
	}
	fputc('\n', f);
}

void table_row(FILE *f, const struct table_col *cols, int n,
	       const char *const *cells)
{
	for (int i = 0; i < n; i++) {
		if (i)
			fputs("  ", f);
		table_cell(f, cells[i], cols[i].width, cols[i].right);
	}
	fputc('\n', f);
}
