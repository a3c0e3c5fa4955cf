/*
 * PDF with cairo and pango: A4 portrait (or landscape), the Noto Sans
 * CJK SC font (pango breaks Chinese lines), wrapped paragraphs, tables
 * whose rows wrap within their columns and whose header repeats on every
 * page, and "第 N 页 / 共 M 页" at the foot. The calls are spooled to a
 * temporary file and replayed twice: a counting pass that lays out
 * without output to learn M, then the drawing pass; so nothing but one
 * row is ever held in memory.
 */
#include "doc/doc_int.h"
#include "util/module.h"
#include "util/xmalloc.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <pango/pangocairo.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define A4_SHORT 595.276		/* A4 in points */
#define A4_LONG 841.890
/* The page of the pass: every user has `pd` (struct pdf *) at hand. */
#define PAGE_W (pd->landscape ? A4_LONG : A4_SHORT)
#define PAGE_H (pd->landscape ? A4_SHORT : A4_LONG)
#define MARGIN 56.693		/* 20 mm */
#define TEXT_W (PAGE_W - 2 * MARGIN)
#define TOP MARGIN
#define BOTTOM (PAGE_H - MARGIN)
#define FOOT_Y (PAGE_H - 36)	/* top of the page number line */
#define PAD 3.0			/* cell padding */
#define FONT "Noto Sans CJK SC"

enum op {
	OP_TITLE = 'T', OP_HEADING = 'H', OP_PARA = 'P', OP_BEGIN = 'B',
	OP_ROW = 'R', OP_END = 'E',
};

enum { CELL_EMPTY, CELL_TEXT, CELL_NUMBER };

struct pdf {
	FILE *spool;
	/* one pass */
	cairo_surface_t *surface;
	cairo_t *cr;
	bool drawing;		/* the second pass */
	bool landscape;		/* d->landscape, read when replaying */
	int page, pages;	/* current; total from the first pass */
	bool on_page;
	double y;
	PangoLayout *lay;
	PangoFontDescription *f_title, *f_sub, *f_head, *f_body, *f_cell,
		*f_bold, *f_foot;
	/* the open table */
	int ncols;
	struct buf *titles, *cells;
	int *kinds, *widths;
	double *x, *w;
	PangoLayout **cl;
	long long nrow;
	bool in_table;
	struct buf s1, s2;	/* strings read back */
};

/* Spooling */

static void put(struct doc *d, const void *p, size_t n)
{
	struct pdf *pd = d->priv;

	if (n && fwrite(p, 1, n, pd->spool) != n)
		doc_fail(d, errno);
}

static void put_u32(struct doc *d, uint32_t v)
{
	put(d, &v, sizeof(v));
}

static void put_str(struct doc *d, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	put_u32(d, (uint32_t)n);
	put(d, s, n);
}

static void put_op(struct doc *d, enum op op)
{
	unsigned char c = (unsigned char)op;

	put(d, &c, 1);
}

static int p_open(struct doc *d)
{
	struct pdf *pd;

	if (!(d->f = fopen(d->file, "wb")))
		return errno;
	pd = xcalloc(1, sizeof(*pd));
	if (!(pd->spool = tmpfile())) {
		int rc = errno;

		fclose(d->f);
		d->f = NULL;
		free(pd);
		return rc;
	}
	buf_init(&pd->s1);
	buf_init(&pd->s2);
	d->priv = pd;
	return 0;
}

static void p_title(struct doc *d, const char *title, const char *subtitle)
{
	put_op(d, OP_TITLE);
	put_str(d, title);
	put_str(d, subtitle);
}

static void p_heading(struct doc *d, const char *text)
{
	put_op(d, OP_HEADING);
	put_str(d, text);
}

static void p_para(struct doc *d, const char *text)
{
	put_op(d, OP_PARA);
	put_str(d, text);
}

static void p_table_begin(struct doc *d)
{
	put_op(d, OP_BEGIN);
	put_u32(d, (uint32_t)d->ncols);
	for (int i = 0; i < d->ncols; i++) {
		put_str(d, d->cols[i].title);
		put_u32(d, (uint32_t)d->cols[i].width);
		put_u32(d, (uint32_t)d->cols[i].kind);
	}
}

static void p_row(struct doc *d, const struct doc_cell *cells)
{
	char num[32];

	put_op(d, OP_ROW);
	for (int i = 0; i < d->ncols; i++) {
		unsigned char k = CELL_TEXT;

		if (d->cols[i].kind == DOC_NUMBER)
			k = cells[i].null ? CELL_EMPTY : CELL_NUMBER;
		else if (!cells[i].text)
			k = CELL_EMPTY;
		put(d, &k, 1);
		if (k == CELL_TEXT)
			put_str(d, cells[i].text);
		else if (k == CELL_NUMBER)
			put_str(d, doc_number(cells[i].num, num));
	}
}

static void p_table_end(struct doc *d)
{
	put_op(d, OP_END);
}

/* Reading back */

static bool get(struct pdf *pd, void *p, size_t n)
{
	return fread(p, 1, n, pd->spool) == n;
}

static bool get_u32(struct pdf *pd, uint32_t *v)
{
	return get(pd, v, sizeof(*v));
}

static bool get_str(struct pdf *pd, struct buf *b)
{
	uint32_t n;

	buf_reset(b);
	if (!get_u32(pd, &n))
		return false;
	buf_grow(b, n);
	if (!get(pd, b->ptr, n))
		return false;
	buf_setlen(b, n);
	return true;
}

/* Layout */

static void text_layout(struct pdf *pd, PangoLayout *l,
			const PangoFontDescription *f, double width,
			const char *text, PangoAlignment align)
{
	pango_layout_set_font_description(l, f);
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text, -1);
	(void)pd;
}

static double layout_h(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static void show(struct pdf *pd, PangoLayout *l, double x, double y)
{
	if (!pd->drawing)
		return;
	cairo_move_to(pd->cr, x, y);
	pango_cairo_show_layout(pd->cr, l);
}

static void footer(struct doc *d)
{
	struct pdf *pd = d->priv;
	PangoLayout *lay;
	char text[64];

	if (d->lang == LANG_EN)
		snprintf(text, sizeof(text), "Page %d of %d", pd->page,
			 pd->pages);
	else
		snprintf(text, sizeof(text), "第 %d 页 / 共 %d 页", pd->page,
			 pd->pages);
	/*
	 * Its own layout: a page ends in the middle of laying out a heading
	 * or a paragraph (room() from r_heading, flow), whose text is in
	 * pd->lay and must survive the footer.
	 */
	lay = pango_cairo_create_layout(pd->cr);
	cairo_set_source_rgb(pd->cr, 0.4, 0.4, 0.4);
	text_layout(pd, lay, pd->f_foot, TEXT_W, text, PANGO_ALIGN_CENTER);
	show(pd, lay, MARGIN, FOOT_Y);
	cairo_set_source_rgb(pd->cr, 0, 0, 0);
	g_object_unref(lay);
}

static void end_page(struct doc *d)
{
	struct pdf *pd = d->priv;

	if (!pd->on_page)
		return;
	footer(d);
	cairo_show_page(pd->cr);
	pd->on_page = false;
}

static void table_header(struct doc *d);

/*
 * Makes room for h points: starts the first page, or a new one when h
 * does not fit below y (the table header comes again on it).
 */
static void room(struct doc *d, double h)
{
	struct pdf *pd = d->priv;

	if (pd->on_page && pd->y + h <= BOTTOM)
		return;
	if (pd->on_page && pd->y <= TOP)	/* taller than a page */
		return;
	end_page(d);
	pd->page++;
	pd->on_page = true;
	pd->y = TOP;
	if (pd->in_table)
		table_header(d);
}

/* Wrapped text line by line, so a long paragraph can cross pages. */
static void flow(struct doc *d, const PangoFontDescription *f,
		 const char *text, double after)
{
	struct pdf *pd = d->priv;
	PangoLayoutIter *it;

	text_layout(pd, pd->lay, f, TEXT_W, text, PANGO_ALIGN_LEFT);
	it = pango_layout_get_iter(pd->lay);
	do {
		PangoRectangle r;
		double h, base;

		pango_layout_iter_get_line_extents(it, NULL, &r);
		h = (double)r.height / PANGO_SCALE;
		base = (double)(pango_layout_iter_get_baseline(it) - r.y) /
		       PANGO_SCALE;
		room(d, h);
		if (pd->drawing) {
			cairo_move_to(pd->cr, MARGIN, pd->y + base);
			pango_cairo_show_layout_line(pd->cr,
				pango_layout_iter_get_line_readonly(it));
		}
		pd->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	pd->y += after;
}

static void r_title(struct doc *d)
{
	struct pdf *pd = d->priv;

	if (pd->drawing)
		cairo_pdf_surface_set_metadata(pd->surface,
					       CAIRO_PDF_METADATA_TITLE,
					       pd->s1.ptr);
	flow(d, pd->f_title, pd->s1.ptr, pd->s2.len ? 4 : 14);
	if (pd->s2.len) {
		cairo_set_source_rgb(pd->cr, 0.33, 0.33, 0.33);
		flow(d, pd->f_sub, pd->s2.ptr, 14);
		cairo_set_source_rgb(pd->cr, 0, 0, 0);
	}
}

static void r_heading(struct doc *d)
{
	struct pdf *pd = d->priv;
	double h;

	text_layout(pd, pd->lay, pd->f_head, TEXT_W, pd->s1.ptr,
		    PANGO_ALIGN_LEFT);
	h = layout_h(pd->lay);
	/* keep the heading with a few lines of what follows */
	room(d, 8 + h + 60);
	if (pd->y > TOP)
		pd->y += 8;
	show(pd, pd->lay, MARGIN, pd->y);
	pd->y += h + 6;
}

/* Table */

static void free_table(struct pdf *pd)
{
	for (int i = 0; i < pd->ncols; i++) {
		buf_release(&pd->titles[i]);
		buf_release(&pd->cells[i]);
		if (pd->cl[i])
			g_object_unref(pd->cl[i]);
	}
	free(pd->titles);
	free(pd->cells);
	free(pd->kinds);
	free(pd->widths);
	free(pd->x);
	free(pd->w);
	free(pd->cl);
	pd->ncols = 0;
	pd->in_table = false;
}

static void grid(struct pdf *pd, double y, double h)
{
	if (!pd->drawing)
		return;
	cairo_set_source_rgb(pd->cr, 0.7, 0.7, 0.7);
	cairo_set_line_width(pd->cr, 0.5);
	cairo_rectangle(pd->cr, MARGIN, y, TEXT_W, h);
	for (int i = 1; i < pd->ncols; i++) {
		cairo_move_to(pd->cr, pd->x[i], y);
		cairo_line_to(pd->cr, pd->x[i], y + h);
	}
	cairo_stroke(pd->cr);
	cairo_set_source_rgb(pd->cr, 0, 0, 0);
}

static void fill(struct pdf *pd, double y, double h, double grey_r,
		 double grey_g, double grey_b)
{
	if (!pd->drawing)
		return;
	cairo_set_source_rgb(pd->cr, grey_r, grey_g, grey_b);
	cairo_rectangle(pd->cr, MARGIN, y, TEXT_W, h);
	cairo_fill(pd->cr);
	cairo_set_source_rgb(pd->cr, 0, 0, 0);
}

/* Lays out one row of texts; returns its height with padding. */
static double lay_row(struct pdf *pd, struct buf *texts,
		      const PangoFontDescription *f)
{
	double h = 0;

	for (int i = 0; i < pd->ncols; i++) {
		double ch;

		text_layout(pd, pd->cl[i], f, pd->w[i] - 2 * PAD,
			    texts[i].ptr, pd->kinds[i] == DOC_NUMBER ?
			    PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
		ch = layout_h(pd->cl[i]);
		if (ch > h)
			h = ch;
	}
	return h + 2 * PAD;
}

static void show_row(struct pdf *pd, double h)
{
	if (pd->drawing) {
		cairo_save(pd->cr);
		/* a row taller than the page is cut at the margin */
		cairo_rectangle(pd->cr, MARGIN, pd->y, TEXT_W,
				BOTTOM - pd->y);
		cairo_clip(pd->cr);
		for (int i = 0; i < pd->ncols; i++)
			show(pd, pd->cl[i], pd->x[i] + PAD, pd->y + PAD);
		cairo_restore(pd->cr);
	}
	grid(pd, pd->y, h > BOTTOM - pd->y ? BOTTOM - pd->y : h);
	pd->y += h;
}

static void table_header(struct doc *d)
{
	struct pdf *pd = d->priv;
	double h = lay_row(pd, pd->titles, pd->f_bold);

	fill(pd, pd->y, h, 0.91, 0.93, 0.953);
	show_row(pd, h);
}

static bool r_begin(struct doc *d)
{
	struct pdf *pd = d->priv;
	uint32_t n, v;
	double sum = 0, x = MARGIN;

	if (!get_u32(pd, &n) || n == 0 || n > 1000)
		return false;
	pd->ncols = (int)n;
	pd->titles = xcalloc(n, sizeof(*pd->titles));
	pd->cells = xcalloc(n, sizeof(*pd->cells));
	pd->kinds = xcalloc(n, sizeof(*pd->kinds));
	pd->widths = xcalloc(n, sizeof(*pd->widths));
	pd->x = xcalloc(n, sizeof(*pd->x));
	pd->w = xcalloc(n, sizeof(*pd->w));
	pd->cl = xcalloc(n, sizeof(*pd->cl));
	for (uint32_t i = 0; i < n; i++) {
		buf_init(&pd->titles[i]);
		buf_init(&pd->cells[i]);
		pd->cl[i] = pango_cairo_create_layout(pd->cr);
		if (!get_str(pd, &pd->titles[i]) || !get_u32(pd, &v))
			return false;
		pd->widths[i] = (int)v;
		sum += v;
		if (!get_u32(pd, &v))
			return false;
		pd->kinds[i] = (int)v;
	}
	/* the hints share the text width in proportion */
	for (int i = 0; i < pd->ncols; i++) {
		pd->x[i] = x;
		pd->w[i] = TEXT_W * pd->widths[i] / sum;
		x += pd->w[i];
	}
	pd->nrow = 0;
	room(d, 60);
	pd->y += 2;
	pd->in_table = true;
	table_header(d);
	return true;
}

static bool r_row(struct doc *d)
{
	struct pdf *pd = d->priv;
	double h;

	for (int i = 0; i < pd->ncols; i++) {
		unsigned char k;

		buf_reset(&pd->cells[i]);
		if (!get(pd, &k, 1))
			return false;
		if (k != CELL_EMPTY && !get_str(pd, &pd->cells[i]))
			return false;
	}
	h = lay_row(pd, pd->cells, pd->f_cell);
	room(d, h);
	/* room() may have laid out the header again: lay out the row anew */
	h = lay_row(pd, pd->cells, pd->f_cell);
	if (pd->nrow++ % 2)
		fill(pd, pd->y, h, 0.97, 0.976, 0.984);
	show_row(pd, h);
	return true;
}

static cairo_status_t out_write(void *closure, const unsigned char *data,
				unsigned int len)
{
	struct doc *d = closure;

	if (len && fwrite(data, 1, len, d->f) != len) {
		doc_fail(d, errno);
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static PangoFontDescription *font(double size, bool bold)
{
	PangoFontDescription *f = pango_font_description_new();

	pango_font_description_set_family(f, FONT);
	pango_font_description_set_absolute_size(f, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
	return f;
}

/* One pass over the spool; returns false when the spool is unreadable. */
static bool replay(struct doc *d, bool drawing)
{
	struct pdf *pd = d->priv;
	bool ok = true;
	int c;

	pd->drawing = drawing;
	pd->landscape = d->landscape;
	pd->page = 0;
	pd->on_page = false;
	pd->surface = cairo_pdf_surface_create_for_stream(
		drawing ? out_write : NULL, d, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(pd->surface,
				       CAIRO_PDF_METADATA_CREATOR, "luoshi");
	pd->cr = cairo_create(pd->surface);
	pd->lay = pango_cairo_create_layout(pd->cr);
	rewind(pd->spool);
	while (ok && (c = fgetc(pd->spool)) != EOF) {
		switch (c) {
		case OP_TITLE:
			ok = get_str(pd, &pd->s1) && get_str(pd, &pd->s2);
			if (ok)
				r_title(d);
			break;
		case OP_HEADING:
			if ((ok = get_str(pd, &pd->s1)))
				r_heading(d);
			break;
		case OP_PARA:
			if ((ok = get_str(pd, &pd->s1)))
				flow(d, pd->f_body, pd->s1.ptr, 6);
			break;
		case OP_BEGIN:
			ok = r_begin(d);
			break;
		case OP_ROW:
			ok = pd->in_table && r_row(d);
			break;
		case OP_END:
			free_table(pd);
			pd->y += 12;
			break;
		default:
			ok = false;
		}
	}
	if (pd->ncols)
		free_table(pd);
	room(d, 0);		/* an empty document still has a page */
	end_page(d);
	g_object_unref(pd->lay);
	cairo_destroy(pd->cr);
	cairo_surface_finish(pd->surface);
	if (drawing && cairo_surface_status(pd->surface) && !d->error) {
		d->why = cairo_status_to_string(
			cairo_surface_status(pd->surface));
		doc_fail(d, EIO);
	}
	cairo_surface_destroy(pd->surface);
	return ok;
}

static void release(struct doc *d)
{
	struct pdf *pd = d->priv;

	fclose(pd->spool);
	buf_release(&pd->s1);
	buf_release(&pd->s2);
	free(pd);
	d->priv = NULL;
}

static int p_close(struct doc *d)
{
	struct pdf *pd = d->priv;
	int rc;

	if (fflush(pd->spool))
		doc_fail(d, errno);
	if (!d->error) {
		pd->f_title = font(18, true);
		pd->f_sub = font(11, false);
		pd->f_head = font(13, true);
		pd->f_body = font(10.5, false);
		pd->f_cell = font(9, false);
		pd->f_bold = font(9, true);
		pd->f_foot = font(8, false);
		if (!replay(d, false) && !d->error) {
			d->why = "the spool file is damaged";
			doc_fail(d, EIO);
		}
		pd->pages = pd->page;
		if (!d->error)
			replay(d, true);
		pango_font_description_free(pd->f_title);
		pango_font_description_free(pd->f_sub);
		pango_font_description_free(pd->f_head);
		pango_font_description_free(pd->f_body);
		pango_font_description_free(pd->f_cell);
		pango_font_description_free(pd->f_bold);
		pango_font_description_free(pd->f_foot);
	}
	release(d);
	if (fflush(d->f))
		doc_fail(d, errno);
	rc = fclose(d->f) ? errno : 0;
	d->f = NULL;
	return d->error ? d->error : rc;
}

static void p_discard(struct doc *d)
{
	release(d);
	fclose(d->f);
	d->f = NULL;
}

const struct doc_ops doc_pdf_ops = {
	.open = p_open,
	.title = p_title,
	.heading = p_heading,
	.para = p_para,
	.table_begin = p_table_begin,
	.row = p_row,
	.table_end = p_table_end,
	.close = p_close,
	.discard = p_discard,
};

MODULE(pdf, MODULE_PDF, &doc_pdf_ops);
