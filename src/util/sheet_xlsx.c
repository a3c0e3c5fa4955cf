/*
 * XLSX reading (see sheet.h): the workbook is opened in memory with
 * libzip; workbook.xml and its relations name the first sheet, the shared
 * strings are loaded once, and the sheet's XML is streamed through expat
 * in chunks, one row at a time. Caps on cell, row and string-table sizes
 * keep a hostile file (a zip bomb) from taking the memory.
 */
#include "util/sheet.h"
#include "util/buf.h"
#include "util/module.h"
#include "util/xmalloc.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define CELL_MAX (1 << 20)		/* bytes of one cell */
#define ROW_MAX (16 << 20)		/* bytes of one row */
#define SST_MAX (256 << 20)		/* bytes of the shared strings */
#define COL_MAX 16384			/* XFD, Excel's last column */
#define ROWNUM_MAX 1048576		/* Excel's last row */

enum part { P_WORKBOOK, P_RELS, P_SST, P_SHEET };

struct xlsx {
	enum part part;
	XML_Parser xp;
	struct err *e;
	enum lserr rc;
	bool stop;			/* the callback asked to stop */
	/* workbook and relations */
	char *rid;			/* r:id of the first sheet */
	char *target;			/* its part name */
	/* shared strings: NUL-separated in sst, starts in off */
	struct buf sst;
	size_t *off, noff, capoff;
	/* text being collected */
	struct buf text;
	bool in_text;			/* inside <t> or <v> */
	int rph;			/* depth inside <rPh> (phonetic) */
	bool in_si, in_cell;
	/* the current row */
	long row, lastrow;
	int col, lastcol;
	char type[16];
	struct buf rowtext;		/* cells, each NUL-terminated */
	int *cols;
	size_t *cellat;
	int ncells, capcells;
	const char **cells;
	int capout;
	sheet_row_fn fn;
	void *arg;
};

static void fail(struct xlsx *x, const char *msg)
{
	if (x->rc == LS_OK)
		err_set(x->e, LS_EINVAL, "file", "not a readable XLSX "
			"file: %s", msg);
	x->rc = LS_EINVAL;
	XML_StopParser(x->xp, XML_FALSE);
}

static const char *local(const char *name)
{
	const char *colon = strrchr(name, ':');

	return colon ? colon + 1 : name;
}

static const char *attr(const char **atts, const char *name, bool prefixed)
{
	for (; atts[0]; atts += 2) {
		const char *colon = strrchr(atts[0], ':');

		if (prefixed ? colon && !strcmp(colon + 1, name) :
		    !strcmp(atts[0], name))
			return atts[1];
	}
	return NULL;
}

/* "BC12" → column 54 (0-based); -1 when there are no letters. */
static int ref_column(const char *ref)
{
	int col = 0, n = 0;

	for (; *ref >= 'A' && *ref <= 'Z'; ref++, n++) {
		col = col * 26 + (*ref - 'A' + 1);
		if (col > COL_MAX)
			return COL_MAX;
	}
	return n ? col - 1 : -1;
}

static void emit_row(struct xlsx *x)
{
	int n = x->ncells ? x->cols[x->ncells - 1] + 1 : 0;

	if (n > x->capout) {
		x->capout = n;
		x->cells = xreallocarray(x->cells, n, sizeof(*x->cells));
	}
	for (int i = 0; i < n; i++)
		x->cells[i] = "";
	for (int i = 0; i < x->ncells; i++)
		x->cells[x->cols[i]] = x->rowtext.ptr + x->cellat[i];
	if (n && x->fn(x->row, x->cells, n, x->arg)) {
		x->stop = true;
		XML_StopParser(x->xp, XML_FALSE);
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/*
 * Decodes OOXML's escapes in place: "_xHHHH_" is the character U+HHHH
 * (writers escape control characters such as CR this way, and a literal
 * "_x" as "_x005F_x").
 */
static void unescape(struct buf *b)
{
	char *in = b->ptr, *out = b->ptr, *end = b->ptr + b->len;

	while (in < end) {
		unsigned cp = 0;
		int i;

		if (end - in >= 7 && in[0] == '_' && in[1] == 'x' &&
		    in[6] == '_') {
			for (i = 2; i < 6 && hexval(in[i]) >= 0; i++)
				cp = cp * 16 + (unsigned)hexval(in[i]);
			if (i == 6 && cp && (cp < 0xd800 || cp > 0xdfff)) {
				if (cp < 0x80) {
					*out++ = (char)cp;
				} else if (cp < 0x800) {
					*out++ = (char)(0xc0 | cp >> 6);
					*out++ = (char)(0x80 | (cp & 0x3f));
				} else {
					*out++ = (char)(0xe0 | cp >> 12);
					*out++ = (char)(0x80 |
							(cp >> 6 & 0x3f));
					*out++ = (char)(0x80 | (cp & 0x3f));
				}
				in += 7;
				continue;
			}
		}
		*out++ = *in++;
	}
	buf_setlen(b, (size_t)(out - b->ptr));
}

static void cell_done(struct xlsx *x)
{
	const char *v;

	unescape(&x->text);
	v = x->text.ptr;
	if (!strcmp(x->type, "s")) {
		char *end;
		unsigned long i = strtoul(v, &end, 10);

		if (!*v || *end || i >= x->noff) {
			fail(x, "a shared string index out of range");
			return;
		}
		v = x->sst.ptr + x->off[i];
	}
	if (x->col <= x->lastcol || x->col >= COL_MAX) {
		fail(x, "cells out of order");
		return;
	}
	if (x->rowtext.len + strlen(v) > ROW_MAX) {
		fail(x, "a row is too large");
		return;
	}
	if (x->ncells == x->capcells) {
		x->capcells = x->capcells ? x->capcells * 2 : 32;
		x->cols = xreallocarray(x->cols, x->capcells,
					sizeof(*x->cols));
		x->cellat = xreallocarray(x->cellat, x->capcells,
					  sizeof(*x->cellat));
	}
	x->cols[x->ncells] = x->col;
	x->cellat[x->ncells++] = x->rowtext.len;
	buf_adds(&x->rowtext, v);
	buf_addch(&x->rowtext, '\0');
	x->lastcol = x->col;
}

static void XMLCALL on_start(void *data, const char *name, const char **atts)
{
	struct xlsx *x = data;
	const char *el = local(name), *a;

	switch (x->part) {
	case P_WORKBOOK:
		if (!x->rid && !strcmp(el, "sheet") &&
		    (a = attr(atts, "id", true)))
			x->rid = xstrdup(a);
		return;
	case P_RELS:
		if (!x->target && !strcmp(el, "Relationship") &&
		    (a = attr(atts, "Id", false)) && x->rid &&
		    !strcmp(a, x->rid) && (a = attr(atts, "Target", false)))
			x->target = a[0] == '/' ? xstrdup(a + 1) :
				xasprintf("xl/%s", a);
		return;
	case P_SST:
		if (!strcmp(el, "si")) {
			x->in_si = true;
			buf_reset(&x->text);
		} else if (!strcmp(el, "rPh")) {
			x->rph++;
		} else if (!strcmp(el, "t") && x->in_si && !x->rph) {
			x->in_text = true;
		}
		return;
	case P_SHEET:
		if (!strcmp(el, "row")) {
			a = attr(atts, "r", false);
			x->row = a ? strtol(a, NULL, 10) : x->lastrow + 1;
			if (x->row <= x->lastrow || x->row > ROWNUM_MAX) {
				fail(x, "rows out of order");
				return;
			}
			x->ncells = 0;
			x->lastcol = -1;
			buf_reset(&x->rowtext);
		} else if (!strcmp(el, "c")) {
			a = attr(atts, "r", false);
			x->col = a ? ref_column(a) : -1;
			if (x->col < 0)
				x->col = x->lastcol + 1;
			a = attr(atts, "t", false);
			snprintf(x->type, sizeof(x->type), "%s", a ? a : "n");
			x->in_cell = true;
			buf_reset(&x->text);
		} else if (x->in_cell && !strcmp(el, "rPh")) {
			x->rph++;
		} else if (x->in_cell && !x->rph &&
			   (!strcmp(el, "v") || !strcmp(el, "t"))) {
			x->in_text = true;
		}
		return;
	}
}

static void XMLCALL on_end(void *data, const char *name)
{
	struct xlsx *x = data;
	const char *el = local(name);

	if (x->part == P_SST) {
		if (!strcmp(el, "t")) {
			x->in_text = false;
		} else if (!strcmp(el, "rPh")) {
			x->rph--;
		} else if (!strcmp(el, "si") && x->in_si) {
			x->in_si = false;
			if (x->sst.len + x->text.len > SST_MAX) {
				fail(x, "too many shared strings");
				return;
			}
			if (x->noff == x->capoff) {
				x->capoff = x->capoff ? x->capoff * 2 : 256;
				x->off = xreallocarray(x->off, x->capoff,
						       sizeof(*x->off));
			}
			x->off[x->noff++] = x->sst.len;
			unescape(&x->text);
			buf_add(&x->sst, x->text.ptr, x->text.len);
			buf_addch(&x->sst, '\0');
		}
		return;
	}
	if (x->part != P_SHEET)
		return;
	if (!strcmp(el, "v") || !strcmp(el, "t")) {
		x->in_text = false;
	} else if (!strcmp(el, "rPh")) {
		x->rph--;
	} else if (!strcmp(el, "c") && x->in_cell) {
		x->in_cell = false;
		cell_done(x);
	} else if (!strcmp(el, "row")) {
		x->lastrow = x->row;
		emit_row(x);
	}
}

static void XMLCALL on_text(void *data, const char *s, int len)
{
	struct xlsx *x = data;

	if (!x->in_text)
		return;
	if (x->text.len + (size_t)len > CELL_MAX) {
		fail(x, "a cell is too large");
		return;
	}
	buf_add(&x->text, s, (size_t)len);
}

/* No DTDs: nothing in a workbook needs one, and entities are a bomb. */
static void XMLCALL on_doctype(void *data, const char *name,
			       const char *sysid, const char *pubid,
			       int has_internal)
{
	(void)name;
	(void)sysid;
	(void)pubid;
	(void)has_internal;
	fail(data, "a DOCTYPE");
}

/*
 * Streams one part of the zip through expat. A missing part is LS_OK
 * when `optional`.
 */
static enum lserr parse_part(struct xlsx *x, zip_t *z, const char *name,
			     enum part part, bool optional)
{
	zip_file_t *f = zip_fopen(z, name, 0);
	char chunk[65536];
	zip_int64_t n;

	if (!f) {
		if (optional)
			return LS_OK;
		return err_set(x->e, LS_EINVAL, "file", "not a readable XLSX "
			       "file: no %s", name);
	}
	x->part = part;
	x->xp = XML_ParserCreate("UTF-8");
	XML_SetUserData(x->xp, x);
	XML_SetElementHandler(x->xp, on_start, on_end);
	XML_SetCharacterDataHandler(x->xp, on_text);
	XML_SetStartDoctypeDeclHandler(x->xp, on_doctype);
	do {
		n = zip_fread(f, chunk, sizeof(chunk));
		if (n < 0) {
			fail(x, "a damaged zip entry");
			break;
		}
		if (XML_Parse(x->xp, chunk, (int)n, n == 0) ==
		    XML_STATUS_ERROR) {
			if (x->rc == LS_OK && !x->stop)
				err_set(x->e, LS_EINVAL, "file", "not a "
					"readable XLSX file: %s line %lu: %s",
					name,
					XML_GetCurrentLineNumber(x->xp),
					XML_ErrorString(XML_GetErrorCode(
						x->xp)));
			if (!x->stop)
				x->rc = LS_EINVAL;
			break;
		}
	} while (n > 0 && x->rc == LS_OK && !x->stop);
	XML_ParserFree(x->xp);
	x->xp = NULL;
	zip_fclose(f);
	x->in_text = false;
	x->rph = 0;
	return x->rc;
}

static enum lserr xlsx_read(const void *data, size_t len, sheet_row_fn fn,
			    void *arg, struct err *e)
{
	struct xlsx x = {
		.e = e, .fn = fn, .arg = arg, .sst = BUF_INIT,
		.text = BUF_INIT, .rowtext = BUF_INIT,
	};
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z = NULL;
	enum lserr rc;

	zip_error_init(&ze);
	src = zip_source_buffer_create(data, len, 0, &ze);
	if (src && !(z = zip_open_from_source(src, ZIP_RDONLY, &ze)))
		zip_source_free(src);
	if (!z) {
		rc = err_set(e, LS_EINVAL, "file", "not a readable XLSX file: "
			     "%s", zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	zip_error_fini(&ze);
	if ((rc = parse_part(&x, z, "xl/workbook.xml", P_WORKBOOK, true)) ||
	    (rc = parse_part(&x, z, "xl/_rels/workbook.xml.rels", P_RELS,
			     true)) ||
	    (rc = parse_part(&x, z, "xl/sharedStrings.xml", P_SST, true)))
		goto out;
	x.lastrow = 0;
	rc = parse_part(&x, z, x.target ? x.target :
			"xl/worksheets/sheet1.xml", P_SHEET, false);
out:
	zip_discard(z);
	free(x.rid);
	free(x.target);
	free(x.off);
	free(x.cols);
	free(x.cellat);
	free(x.cells);
	buf_release(&x.sst);
	buf_release(&x.text);
	buf_release(&x.rowtext);
	return rc;
}

static const struct sheet_xlsx_module api = { xlsx_read };

MODULE(xlsxread, MODULE_XLSXREAD, &api);
