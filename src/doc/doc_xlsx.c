/*
 * XLSX through libxlsxwriter in constant-memory mode (rows go to a
 * temporary file as they come; strings are written inline, not in a
 * shared table). One worksheet per table, named by the heading before it;
 * the title, headings and paragraphs go to a first "概要"/"Summary" sheet,
 * made when the first title or paragraph arrives. Header row bold on a
 * fill, frozen; numbers as numbers, dates as Excel dates (yyyy-mm-dd).
 */
#include "doc/doc_int.h"
#include "util/date.h"
#include "util/module.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

struct xlsx {
	lxw_workbook *wb;
	lxw_format *title, *subtitle, *heading, *para, *header, *header_num,
		*date, *text, *number;
	lxw_worksheet *summary;
	lxw_row_t summary_row;
	lxw_worksheet *ws;	/* the open table's */
	lxw_row_t row;
	bool pending;		/* a heading not on the summary (yet) */
	char **names;		/* sheet names taken */
	int nnames;
};

static void check(struct doc *d, lxw_error rc)
{
	struct xlsx *x = d->priv;

	(void)x;
	if (rc != LXW_NO_ERROR && !d->error) {
		d->why = lxw_strerror(rc);
		doc_fail(d, EIO);
	}
}

static lxw_format *fmt(lxw_workbook *wb, bool bold, double size,
		       bool wrap)
{
	lxw_format *f = workbook_add_format(wb);

	if (bold)
		format_set_bold(f);
	if (size > 0)
		format_set_font_size(f, size);
	if (wrap)
		format_set_text_wrap(f);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

static int x_open(struct doc *d)
{
	lxw_workbook_options opts = { .constant_memory = LXW_TRUE };
	struct xlsx *x;

	x = xcalloc(1, sizeof(*x));
	if (!(x->wb = workbook_new_opt(d->file, &opts))) {
		free(x);
		return ENOMEM;
	}
	x->title = fmt(x->wb, true, 16, false);
	x->subtitle = fmt(x->wb, false, 0, false);
	format_set_font_color(x->subtitle, 0x555555);
	x->heading = fmt(x->wb, true, 12, false);
	x->para = fmt(x->wb, false, 0, true);
	x->header = fmt(x->wb, true, 0, true);
	format_set_bg_color(x->header, 0xE8EDF3);
	format_set_bottom(x->header, LXW_BORDER_THIN);
	x->header_num = fmt(x->wb, true, 0, true);
	format_set_bg_color(x->header_num, 0xE8EDF3);
	format_set_bottom(x->header_num, LXW_BORDER_THIN);
	format_set_align(x->header_num, LXW_ALIGN_RIGHT);
	x->date = fmt(x->wb, false, 0, false);
	format_set_num_format(x->date, "yyyy-mm-dd");
	format_set_align(x->date, LXW_ALIGN_LEFT);
	x->text = fmt(x->wb, false, 0, true);
	x->number = fmt(x->wb, false, 0, false);
	d->priv = x;
	return 0;
}

static lxw_worksheet *sheet(struct doc *d, const char *heading)
{
	struct xlsx *x = d->priv;
	char name[DOC_SHEET_MAX];
	lxw_worksheet *ws;

	doc_sheet_name(heading, (const char *const *)x->names, x->nnames,
		       name);
	ws = workbook_add_worksheet(x->wb, name);
	if (!ws) {
		d->why = "cannot add a worksheet";
		doc_fail(d, EIO);
		return NULL;
	}
	x->names = xreallocarray(x->names, (size_t)x->nnames + 1,
				 sizeof(*x->names));
	x->names[x->nnames++] = xstrdup(name);
	return ws;
}

/* The next line of the summary sheet (made on first use). */
static bool summary_line(struct doc *d, const char *text, lxw_format *f)
{
	struct xlsx *x = d->priv;

	if (!x->summary) {
		if (!(x->summary = sheet(d, d->lang == LANG_EN ? "Summary" :
					 "概要")))
			return false;
		worksheet_set_column(x->summary, 0, 0, 100, NULL);
	}
	check(d, worksheet_write_string(x->summary, x->summary_row++, 0,
					text, f));
	return true;
}

static void x_title(struct doc *d, const char *title, const char *subtitle)
{
	struct xlsx *x = d->priv;

	if (summary_line(d, title, x->title) && subtitle)
		summary_line(d, subtitle, x->subtitle);
	workbook_set_properties(x->wb, &(lxw_doc_properties){
		.title = (char *)title, .author = (char *)"luoshi" });
}

static void x_heading(struct doc *d, const char *text)
{
	struct xlsx *x = d->priv;

	/*
	 * On the summary sheet when there is one (after a blank line);
	 * else it waits: a paragraph brings it there, a table takes it as
	 * its sheet's name only (a lone table makes no summary sheet).
	 */
	if (x->summary) {
		x->summary_row++;
		summary_line(d, text, x->heading);
	} else {
		x->pending = true;
	}
}

static void x_para(struct doc *d, const char *text)
{
	struct xlsx *x = d->priv;

	if (x->pending && d->heading)
		summary_line(d, d->heading, x->heading);
	x->pending = false;
	summary_line(d, text, x->para);
}

static void x_table_begin(struct doc *d)
{
	struct xlsx *x = d->priv;

	x->pending = false;
	if (!(x->ws = sheet(d, d->heading)))
		return;
	for (int i = 0; i < d->ncols; i++) {
		const struct doc_col *c = &d->cols[i];
		lxw_format *f = c->kind == DOC_DATE ? x->date :
				c->kind == DOC_NUMBER ? x->number : NULL;
		lxw_format *h = c->kind == DOC_NUMBER ? x->header_num :
				x->header;

		worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
				     c->width + 2, f);
		check(d, worksheet_write_string(x->ws, 0, (lxw_col_t)i,
						c->title, h));
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	x->row = 1;
}

static void write_date(struct doc *d, lxw_col_t col, const char *s)
{
	struct xlsx *x = d->priv;
	lxw_datetime dt = { 0 };
	int day;

	if (!date_parse(s, &day)) {	/* not a date after all: as text */
		check(d, worksheet_write_string(x->ws, x->row, col, s, NULL));
		return;
	}
	date_to_ymd(day, &dt.year, &dt.month, &dt.day);
	check(d, worksheet_write_datetime(x->ws, x->row, col, &dt, x->date));
}

static void x_row(struct doc *d, const struct doc_cell *cells)
{
	struct xlsx *x = d->priv;

	if (!x->ws)
		return;
	for (int i = 0; i < d->ncols; i++) {
		const struct doc_cell *c = &cells[i];
		lxw_col_t col = (lxw_col_t)i;

		switch (d->cols[i].kind) {
		case DOC_NUMBER:
			if (!c->null)
				check(d, worksheet_write_number(x->ws, x->row,
						col, c->num, x->number));
			break;
		case DOC_DATE:
			if (c->text && *c->text)
				write_date(d, col, c->text);
			break;
		case DOC_TEXT:
			if (c->text && *c->text)
				check(d, worksheet_write_string(x->ws, x->row,
						col, c->text, x->text));
			break;
		}
	}
	x->row++;
}

static void x_table_end(struct doc *d)
{
	struct xlsx *x = d->priv;

	if (x->ws)
		worksheet_autofilter(x->ws, 0, 0, x->row - 1,
				     (lxw_col_t)(d->ncols - 1));
	x->ws = NULL;
}

static void release(struct xlsx *x)
{
	for (int i = 0; i < x->nnames; i++)
		free(x->names[i]);
	free(x->names);
	free(x);
}

static int x_close(struct doc *d)
{
	struct xlsx *x = d->priv;
	lxw_error rc;

	/* an empty workbook is not a valid file for Excel */
	if (!x->nnames)
		summary_line(d, "", NULL);
	rc = workbook_close(x->wb);
	if (rc != LXW_NO_ERROR && !d->error) {
		d->why = lxw_strerror(rc);
		doc_fail(d, EIO);
	}
	release(x);
	d->priv = NULL;
	return d->error;
}

static void x_discard(struct doc *d)
{
	struct xlsx *x = d->priv;

	/* libxlsxwriter has no abort: finish into the file to be removed */
	workbook_close(x->wb);
	release(x);
	d->priv = NULL;
}

const struct doc_ops doc_xlsx_ops = {
	.open = x_open,
	.title = x_title,
	.heading = x_heading,
	.para = x_para,
	.table_begin = x_table_begin,
	.row = x_row,
	.table_end = x_table_end,
	.close = x_close,
	.discard = x_discard,
};

MODULE(xlsx, MODULE_XLSX, &doc_xlsx_ops);
