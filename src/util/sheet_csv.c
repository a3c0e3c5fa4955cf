/*
 * CSV reading (see sheet.h): the encoding guess (UTF-8 first, GB18030
 * through iconv otherwise) and an RFC 4180 record parser that keeps one
 * record's cells in a reused buffer and counts physical lines, so errors
 * can name the line a spreadsheet user sees.
 */
#include "util/sheet.h"
#include "util/buf.h"
#include "util/csv.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool sheet_bool(const char *s, bool *out)
{
	static const char *const yes[] = { "是", "yes", "true", "y", "1" };
	static const char *const no[] = { "否", "no", "false", "n", "0", "" };

	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		if (!strcasecmp(s, yes[i]))
			return *out = true;
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++)
		if (!strcasecmp(s, no[i]))
			return !(*out = false);
	return false;
}

bool sheet_is_xlsx(const void *data, size_t len)
{
	return len >= 4 && !memcmp(data, "PK\3\4", 4);
}

static char *from_gb18030(const char *data, size_t len, size_t *outlen,
			  struct err *e)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	size_t cap = len * 2 + 16, inleft = len, outleft = cap;
	char *out, *in = (char *)data, *o;

	if (cd == (iconv_t)-1) {
		err_set(e, LS_EFAIL, "file", "cannot convert from GB18030: "
			"%s", strerror(errno));
		return NULL;
	}
	/* A GB18030 character of 1, 2 or 4 bytes is at most 4 in UTF-8. */
	out = o = xmalloc(cap + 1);
	if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		err_set(e, LS_EINVAL, "file", "the file is neither UTF-8 nor "
			"GB18030 (bad byte at offset %zu)", len - inleft);
		free(out);
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*outlen = cap - outleft;
	out[*outlen] = '\0';
	return out;
}

char *sheet_text_utf8(const char *data, size_t len, size_t *outlen,
		      struct err *e)
{
	size_t bom = strlen(CSV_BOM);
	char *out;

	if (len >= bom && !memcmp(data, CSV_BOM, bom)) {
		data += bom;
		len -= bom;
	}
	if (!utf8_valid(data, len) || memchr(data, '\0', len)) {
		if (memchr(data, '\0', len)) {
			err_set(e, LS_EINVAL, "file", "the file is not text "
				"(a NUL byte at offset %zu)",
				(size_t)((const char *)memchr(data, '\0', len)
					 - data));
			return NULL;
		}
		if (!(out = from_gb18030(data, len, outlen, e)))
			return NULL;
		/* GB18030 has a BOM too (84 31 95 33): U+FEFF once converted */
		if (*outlen >= bom && !memcmp(out, CSV_BOM, bom)) {
			*outlen -= bom;
			memmove(out, out + bom, *outlen + 1);
		}
		return out;
	}
	out = xmalloc(len + 1);
	memcpy(out, data, len);
	out[len] = '\0';
	*outlen = len;
	return out;
}

struct record {
	struct buf text;	/* cells, each NUL-terminated */
	const char **cells;
	int n, cap;
};

static void cell_end(struct record *r)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cells = xreallocarray(r->cells, r->cap, sizeof(*r->cells));
	}
	buf_addch(&r->text, '\0');
	r->n++;
}

static int record_emit(struct record *r, long line, sheet_row_fn fn,
		       void *arg)
{
	size_t at = 0;

	for (int i = 0; i < r->n; i++) {
		r->cells[i] = r->text.ptr + at;
		at += strlen(r->text.ptr + at) + 1;
	}
	return fn(line, r->cells, r->n, arg);
}

/*
 * A quoted field from the opening quote at *pp: "" is a quote, line
 * breaks count. False when the file ends before the closing quote.
 */
static bool quoted(const char **pp, const char *end, long *line,
		   struct buf *b)
{
	const char *p = *pp + 1;

	for (;;) {
		if (p == end)
			return false;
		if (*p == '"') {
			if (p + 1 < end && p[1] == '"') {
				buf_addch(b, '"');
				p += 2;
				continue;
			}
			*pp = p + 1;
			return true;
		}
		if (*p == '\n')
			(*line)++;
		buf_addch(b, *p++);
	}
}

enum lserr sheet_csv(const char *text, size_t len, sheet_row_fn fn,
		     void *arg, struct err *e)
{
	struct record r = { .text = BUF_INIT };
	const char *p = text, *end = text + len;
	long line = 1, start;
	enum lserr rc = LS_OK;

	r.cap = 16;
	r.cells = xreallocarray(NULL, r.cap, sizeof(*r.cells));
	while (p < end) {
		start = line;
		buf_reset(&r.text);
		r.n = 0;
		for (;;) {
			/* one field */
			if (p < end && *p == '"' &&
			    !quoted(&p, end, &line, &r.text)) {
				rc = err_set(e, LS_EINVAL, "file", "line %ld: "
					     "quoted field never closed",
					     start);
				goto out;
			}
			/* unquoted text, or what follows a closing quote */
			while (p < end && *p != ',' && *p != '\n' &&
			       !(*p == '\r' && (p + 1 == end ||
						p[1] == '\n')))
				buf_addch(&r.text, *p++);
			cell_end(&r);
			if (p < end && *p == ',') {
				p++;
				continue;
			}
			break;
		}
		if (p < end && *p == '\r')
			p++;
		if (p < end && *p == '\n')
			p++;
		line++;
		if (record_emit(&r, start, fn, arg))
			break;
	}
out:
	buf_release(&r.text);
	free(r.cells);
	return rc;
}
