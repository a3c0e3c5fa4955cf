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
	int w = 0;
	const char *p = s;

	while (*p) {
		if (*p == '\033') {
			const char *m = strchr(p, 'm');

			p = m ? m + 1 : p + strlen(p);
			continue;
		}
		char tmp[5] = { 0 };
		size_t len = utf8_seqlen(p, strlen(p));
		int cw;

		if (!len)
			len = 1;
		memcpy(tmp, p, len < 5 ? len : 4);
		cw = utf8_width(tmp);
		if (limit >= 0 && w + cw > limit)
			break;
		w += cw;
		p += len;
	}
	if (bytes_ok)
		*bytes_ok = (int)(p - s);
	return w;
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
	w = visible_width(s, NULL, -1);
	if (w > width) {
		/* cut to width-1 cells and mark with an ellipsis */
		w = visible_width(s, &ok, width - 1);
		fwrite(s, 1, (size_t)ok, f);
		if (strchr(s, '\033'))
			fputs("\033[0m", f);
		fputs("…", f);
		w++;
		for (; w < width; w++)
			fputc(' ', f);
		return;
	}
	if (right)
		for (int i = w; i < width; i++)
			fputc(' ', f);
	fputs(s, f);
	if (!right)
		for (int i = w; i < width; i++)
			fputc(' ', f);
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
