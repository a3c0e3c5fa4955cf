/*
 * Markdown (GitHub-flavoured): "#" title, "##" headings, paragraphs, pipe
 * tables with number columns right-aligned. '<', '&' and '\' are escaped
 * (no raw HTML gets through), in cells '|' too, and a cell's line breaks
 * become <br>, so a row stays one line.
 */
#include "doc/doc_int.h"

#include <errno.h>
#include <string.h>

static int m_open(struct doc *d)
{
	d->f = fopen(d->file, "wb");
	return d->f ? 0 : errno;
}

/* A line's text: line breaks become spaces (titles, headings). */
static void line(struct doc *d, const char *s)
{
	for (; *s; s++) {
		if (*s == '\r')
			continue;
		doc_write(d, *s == '\n' ? " " : s, 1);
	}
}

static void cell(struct doc *d, const char *s)
{
	for (; *s; s++) {
		if (strchr("|\\<&", *s))
			doc_write(d, "\\", 1);
		if (*s == '\r')
			continue;
		if (*s == '\n')
			doc_puts(d, "<br>");
		else
			doc_write(d, s, 1);
	}
}

static void m_title(struct doc *d, const char *title, const char *subtitle)
{
	doc_puts(d, "# ");
	line(d, title);
	doc_puts(d, "\n\n");
	if (subtitle) {
		doc_puts(d, "_");
		line(d, subtitle);
		doc_puts(d, "_\n\n");
	}
}

static void m_heading(struct doc *d, const char *text)
{
	doc_puts(d, "## ");
	line(d, text);
	doc_puts(d, "\n\n");
}

static void m_para(struct doc *d, const char *text)
{
	/* one source line per line: a trailing backslash breaks the line */
	for (const char *s = text; *s; s++) {
		if (*s == '\r')
			continue;
		if (*s == '\n')
			doc_puts(d, "\\");
		if (strchr("\\<&", *s))
			doc_puts(d, "\\");
		doc_write(d, s, 1);
	}
	doc_puts(d, "\n\n");
}

static void m_table_begin(struct doc *d)
{
	doc_puts(d, "|");
	for (int i = 0; i < d->ncols; i++) {
		doc_puts(d, " ");
		cell(d, d->cols[i].title);
		doc_puts(d, " |");
	}
	doc_puts(d, "\n|");
	for (int i = 0; i < d->ncols; i++)
		doc_puts(d, d->cols[i].kind == DOC_NUMBER ? " ---: |" :
			 " --- |");
	doc_puts(d, "\n");
}

static void m_row(struct doc *d, const struct doc_cell *cells)
{
	char num[32];

	doc_puts(d, "|");
	for (int i = 0; i < d->ncols; i++) {
		doc_puts(d, " ");
		if (d->cols[i].kind == DOC_NUMBER) {
			if (!cells[i].null)
				doc_puts(d, doc_number(cells[i].num, num));
		} else if (cells[i].text) {
			cell(d, cells[i].text);
		}
		doc_puts(d, " |");
	}
	doc_puts(d, "\n");
}

static void m_table_end(struct doc *d)
{
	doc_puts(d, "\n");
}

static int m_close(struct doc *d)
{
	int rc;

	if (fflush(d->f))
		doc_fail(d, errno);
	rc = fclose(d->f) ? errno : 0;
	d->f = NULL;
	return d->error ? d->error : rc;
}

static void m_discard(struct doc *d)
{
	fclose(d->f);
	d->f = NULL;
}

const struct doc_ops doc_md_ops = {
	.open = m_open,
	.title = m_title,
	.heading = m_heading,
	.para = m_para,
	.table_begin = m_table_begin,
	.row = m_row,
	.table_end = m_table_end,
	.close = m_close,
	.discard = m_discard,
};
