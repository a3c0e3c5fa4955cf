/*
 * Streaming JSON writer; see jw.h. Strings are escaped per RFC 8259;
 * invalid UTF-8 bytes are replaced by U+FFFD so output is always valid.
 */
#include "util/jw.h"
#include "util/date.h"
#include "util/utf8.h"

#include <math.h>
#include <string.h>

void jw_init(struct jw *w, struct buf *out, FILE *sink)
{
	w->out = out;
	w->sink = sink;
	w->depth = 0;
	w->first[0] = true;
	w->after_key = false;
}

struct jw *jw_text_begin(struct jw_text *t)
{
	buf_init(&t->b);
	jw_init(&t->w, &t->b, NULL);
	return &t->w;
}

char *jw_text_end(struct jw_text *t)
{
	return buf_detach(&t->b);
}

void jw_flush(struct jw *w)
{
	if (w->sink && w->out->len) {
		fwrite(w->out->ptr, 1, w->out->len, w->sink);
		buf_reset(w->out);
	}
}

static void before_value(struct jw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (!w->first[w->depth])
		buf_addch(w->out, ',');
	w->first[w->depth] = false;
}

static void after_value(struct jw *w)
{
	if (w->sink && w->out->len >= JW_FLUSH)
		jw_flush(w);
}

static void open(struct jw *w, char c)
{
	before_value(w);
	buf_addch(w->out, c);
	if (w->depth < JW_MAXDEPTH - 1)
		w->depth++;
	w->first[w->depth] = true;
}

static void close(struct jw *w, char c)
{
	buf_addch(w->out, c);
	if (w->depth > 0)
		w->depth--;
	after_value(w);
}

void jw_obj(struct jw *w) { open(w, '{'); }
void jw_obj_end(struct jw *w) { close(w, '}'); }
void jw_arr(struct jw *w) { open(w, '['); }
void jw_arr_end(struct jw *w) { close(w, ']'); }

void json_quote(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0;

	buf_grow(b, n + 2);
	buf_addch(b, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t run = i;

		/* copy a run of plain ASCII in one go */
		while (run < n && (unsigned char)s[run] >= 0x20 &&
		       (unsigned char)s[run] < 0x80 && s[run] != '"' &&
		       s[run] != '\\')
			run++;
		if (run > i) {
			buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		if (c >= 0x80) {
			size_t len = utf8_seqlen(s + i, n - i);

			if (len) {
				buf_add(b, s + i, len);
				i += len;
			} else {
				buf_adds(b, "\xef\xbf\xbd");
				i++;
			}
			continue;
		}
		switch (c) {
		case '"':  buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\b': buf_adds(b, "\\b"); break;
		case '\f': buf_adds(b, "\\f"); break;
		default:
			if (c < 0x20) {
				char e[7] = { '\\', 'u', '0', '0',
					      hex[c >> 4], hex[c & 15], 0 };
				buf_adds(b, e);
			} else {
				buf_addch(b, (char)c);
			}
		}
		i++;
	}
	buf_addch(b, '"');
}

void jw_key(struct jw *w, const char *key)
{
	before_value(w);
	json_quote(w->out, key, strlen(key));
	buf_addch(w->out, ':');
	w->after_key = true;
}

void jw_strn(struct jw *w, const char *s, size_t n)
{
	before_value(w);
	json_quote(w->out, s, n);
	after_value(w);
}

void jw_str(struct jw *w, const char *s)
{
	if (!s)
		jw_null(w);
	else
		jw_strn(w, s, strlen(s));
}

void jw_int(struct jw *w, long long v)
{
	before_value(w);
	buf_addf(w->out, "%lld", v);
	after_value(w);
}

void jw_num2(struct jw *w, double v)
{
	jw_numd(w, v, 2);
}

void jw_numd(struct jw *w, double v, int digits)
{
	char tmp[64];
	double scale = pow(10, digits);
	size_t n;

	if (!isfinite(v) || fabs(v) > 1e15) {
		jw_null(w);
		return;
	}
	v = round(v * scale) / scale;
	if (v == 0)
		v = 0;	/* no "-0" */
	snprintf(tmp, sizeof(tmp), "%.*f", digits, v);
	n = strlen(tmp);
	while (digits > 0 && n > 0 && tmp[n - 1] == '0')
		n--;
	if (n > 0 && tmp[n - 1] == '.')
		n--;
	before_value(w);
	buf_add(w->out, tmp, n);
	after_value(w);
}

void jw_bool(struct jw *w, bool v)
{
	before_value(w);
	buf_adds(w->out, v ? "true" : "false");
	after_value(w);
}

void jw_null(struct jw *w)
{
	before_value(w);
	buf_adds(w->out, "null");
	after_value(w);
}

void jw_date(struct jw *w, int day)
{
	char tmp[DATE_STRLEN];

	if (day == DATE_NONE)
		jw_null(w);
	else
		jw_str(w, date_format(day, tmp));
}

void jw_id(struct jw *w, long long id)
{
	if (id <= 0)
		jw_null(w);
	else
		jw_int(w, id);
}

void jw_raw(struct jw *w, const char *json)
{
	if (!json) {
		jw_null(w);
		return;
	}
	before_value(w);
	buf_adds(w->out, json);
	after_value(w);
}

void jw_kstr(struct jw *w, const char *k, const char *s)
{
	jw_key(w, k);
	jw_str(w, s);
}

void jw_kint(struct jw *w, const char *k, long long v)
{
	jw_key(w, k);
	jw_int(w, v);
}

void jw_knum2(struct jw *w, const char *k, double v)
{
	jw_key(w, k);
	jw_num2(w, v);
}

void jw_kbool(struct jw *w, const char *k, bool v)
{
	jw_key(w, k);
	jw_bool(w, v);
}

void jw_knull(struct jw *w, const char *k)
{
	jw_key(w, k);
	jw_null(w);
}

void jw_kdate(struct jw *w, const char *k, int day)
{
	jw_key(w, k);
	jw_date(w, day);
}

void jw_kid(struct jw *w, const char *k, long long id)
{
	jw_key(w, k);
	jw_id(w, id);
}
