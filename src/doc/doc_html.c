/*
 * HTML: one self-contained UTF-8 file, inline CSS, readable on screen and
 * printed (a table's header repeats on each printed page, rows are not
 * split). Every text is escaped; numbers are right-aligned.
 */
#include "doc/doc_int.h"

#include <errno.h>
#include <string.h>

static const char css[] =
	"body{font-family:\"Noto Sans CJK SC\",\"PingFang SC\","
	"\"Microsoft YaHei\",sans-serif;color:#222;max-width:60em;"
	"margin:2em auto;padding:0 1em;line-height:1.6}\n"
	"h1{font-size:1.6em;margin:0 0 .2em}\n"
	".subtitle{color:#555;margin:0 0 1.5em}\n"
	"h2{font-size:1.2em;margin:1.6em 0 .6em;border-bottom:1px solid #ccc}"
	"\n"
	"p{margin:.5em 0;white-space:pre-line}\n"
	"table{border-collapse:collapse;width:100%;margin:.8em 0 1.5em;"
	"font-size:.9em}\n"
	"th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;"
	"vertical-align:top}\n"
	"th{background:#e8edf3}\n"
	"td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}\n"
	"tbody tr:nth-child(even){background:#f7f9fb}\n"
	"@media print{body{margin:0;max-width:none}"
	"thead{display:table-header-group}"
	"tr{page-break-inside:avoid}h2{page-break-after:avoid}}\n";

/* Appends s escaped for HTML text and attribute values. */
static void esc(struct doc *d, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *rep;

		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		doc_write(d, run, (size_t)(s - run));
		doc_puts(d, rep);
		run = s + 1;
	}
	doc_write(d, run, (size_t)(s - run));
}

/* The <head> waits for the title (or the first other call). */
static void head(struct doc *d, const char *title)
{
	if (d->priv)
		return;
	d->priv = d;	/* started */
	doc_puts(d, "<!DOCTYPE html>\n<html lang=\"");
	doc_puts(d, lang_name(d->lang));
	doc_puts(d, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, "
		 "initial-scale=1\">\n<title>");
	esc(d, title ? title : "");
	doc_puts(d, "</title>\n<style>\n");
	doc_puts(d, css);
	doc_puts(d, "</style>\n</head>\n<body>\n");
}

static int h_open(struct doc *d)
{
	d->f = fopen(d->file, "wb");
	return d->f ? 0 : errno;
}

static void h_title(struct doc *d, const char *title, const char *subtitle)
{
	head(d, title);
	doc_puts(d, "<h1>");
	esc(d, title);
	doc_puts(d, "</h1>\n");
	if (subtitle) {
		doc_puts(d, "<p class=\"subtitle\">");
		esc(d, subtitle);
		doc_puts(d, "</p>\n");
	}
}

static void h_heading(struct doc *d, const char *text)
{
	head(d, NULL);
	doc_puts(d, "<h2>");
	esc(d, text);
	doc_puts(d, "</h2>\n");
}

static void h_para(struct doc *d, const char *text)
{
	head(d, NULL);
	doc_puts(d, "<p>");
	esc(d, text);
	doc_puts(d, "</p>\n");
}

static void h_table_begin(struct doc *d)
{
	char w[48];

	head(d, NULL);
	doc_puts(d, "<table>\n<colgroup>");
	for (int i = 0; i < d->ncols; i++) {
		snprintf(w, sizeof(w), "<col style=\"width:%dch\">",
			 d->cols[i].width);
		doc_puts(d, w);
	}
	doc_puts(d, "</colgroup>\n<thead>\n<tr>");
	for (int i = 0; i < d->ncols; i++) {
		doc_puts(d, d->cols[i].kind == DOC_NUMBER ?
			 "<th class=\"num\" scope=\"col\">" :
			 "<th scope=\"col\">");
		esc(d, d->cols[i].title);
		doc_puts(d, "</th>");
	}
	doc_puts(d, "</tr>\n</thead>\n<tbody>\n");
}

static void h_row(struct doc *d, const struct doc_cell *cells)
{
	char num[32];

	doc_puts(d, "<tr>");
	for (int i = 0; i < d->ncols; i++) {
		if (d->cols[i].kind == DOC_NUMBER) {
			doc_puts(d, "<td class=\"num\">");
			if (!cells[i].null)
				doc_puts(d, doc_number(cells[i].num, num));
		} else {
			doc_puts(d, "<td>");
			if (cells[i].text)
				esc(d, cells[i].text);
		}
		doc_puts(d, "</td>");
	}
	doc_puts(d, "</tr>\n");
}

static void h_table_end(struct doc *d)
{
	doc_puts(d, "</tbody>\n</table>\n");
}

static int h_close(struct doc *d)
{
	int rc;

	head(d, NULL);
	doc_puts(d, "</body>\n</html>\n");
	if (fflush(d->f))
		doc_fail(d, errno);
	rc = fclose(d->f) ? errno : 0;
	d->f = NULL;
	return d->error ? d->error : rc;
}

static void h_discard(struct doc *d)
{
	fclose(d->f);
	d->f = NULL;
}

const struct doc_ops doc_html_ops = {
	.open = h_open,
	.title = h_title,
	.heading = h_heading,
	.para = h_para,
	.table_begin = h_table_begin,
	.row = h_row,
	.table_end = h_table_end,
	.close = h_close,
	.discard = h_discard,
};
