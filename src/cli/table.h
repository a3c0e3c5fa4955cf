/*
 * Human-readable tables that stream: each column has a fixed width in
 * terminal cells, text is padded or cut (with "…") by display width, so
 * Chinese and ASCII line up and a million rows need no memory.
 */
#ifndef LUOSHI_TABLE_H
#define LUOSHI_TABLE_H

#include <stdio.h>

struct table_col {
	const char *header;
	int width;		/* cells; 0 = rest of the line, uncut */
	int right;		/* right-aligned (numbers) */
};

void table_header(FILE *f, const struct table_col *cols, int n);
/* One row; cells[i] may be NULL (printed as "-"). */
void table_row(FILE *f, const struct table_col *cols, int n,
	       const char *const *cells);
/* Writes s padded/cut to `width` cells. */
void table_cell(FILE *f, const char *s, int width, int right);

#endif
