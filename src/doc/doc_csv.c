/*
 * CSV for spreadsheets: the tables only (title, headings and paragraphs
 * have no place in CSV), each as its header row and its rows, a blank
 * line between tables. UTF-8 with a BOM (Chinese Excel needs it), CRLF,
 * RFC 4180 quoting and the formula-injection guard of util/csv.c.
 */
#include "doc/doc_int.h"
#include "util/csv.h"

#include <errno.h>

static int c_open(struct doc *d)
{
	if (!(d->f = fopen(d->file, "wb")))
		return errno;
	doc_puts(d, CSV_BOM);
	return 0;
}

static void c_ignore(struct doc *d, const char *text)
{
	(void)d;
	(void)text;
}

static void c_title(struct doc *d, const char *title, const char *subtitle)
{
	(void)d;
	(void)title;
	(void)subtitle;
}

static void c_table_begin(struct doc *d)
{
	if (d->priv)		/* not the first table */
		doc_puts(d, "\r\n");
	d->priv = d;
	buf_reset(&d->tmp);
	for (int i = 0; i < d->ncols; i++) {
		if (i)
			buf_addch(&d->tmp, ',');
		csv_field(&d->tmp, d->cols[i].title);
	}
	csv_end_row(&d->tmp);
	doc_write(d, d->tmp.ptr, d->tmp.len);
}

static void c_row(struct doc *d, const struct doc_cell *cells)
{
	char num[32];

	buf_reset(&d->tmp);
	for (int i = 0; i < d->ncols; i++) {
		if (i)
			buf_addch(&d->tmp, ',');
		if (d->cols[i].kind != DOC_NUMBER)
			csv_field(&d->tmp, cells[i].text);
		else if (!cells[i].null)	/* -5 is a number: no guard */
			buf_adds(&d->tmp, doc_number(cells[i].num, num));
	}
	csv_end_row(&d->tmp);
	doc_write(d, d->tmp.ptr, d->tmp.len);
}

static void c_table_end(struct doc *d)
{
	(void)d;
}

static int c_close(struct doc *d)
{
	int rc;

	if (fflush(d->f))
		doc_fail(d, errno);
	rc = fclose(d->f) ? errno : 0;
	d->f = NULL;
	return d->error ? d->error : rc;
}

static void c_discard(struct doc *d)
{
	fclose(d->f);
	d->f = NULL;
}

const struct doc_ops doc_csv_ops = {
	.open = c_open,
	.title = c_title,
	.heading = c_ignore,
	.para = c_ignore,
	.table_begin = c_table_begin,
	.row = c_row,
	.table_end = c_table_end,
	.close = c_close,
	.discard = c_discard,
};
