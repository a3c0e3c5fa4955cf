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

/* The bytes a JSON string holds as they are: printable ASCII but " and \. */
#define PLAIN(c) ((c) >= 0x20 && (c) < 0x80 && (c) != '"' && (c) != '\\')
#define PLAIN4(c) PLAIN(c), PLAIN((c) + 1), PLAIN((c) + 2), PLAIN((c) + 3)
#define PLAIN16(c) PLAIN4(c), PLAIN4((c) + 4), PLAIN4((c) + 8), \
	PLAIN4((c) + 12)
#define PLAIN64(c) PLAIN16(c), PLAIN16((c) + 16), PLAIN16((c) + 32), \
	PLAIN16((c) + 48)
static const bool plain[256] = {
	PLAIN64(0), PLAIN64(64), PLAIN64(128), PLAIN64(192)
};

void json_quote(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, run = 0;

	buf_grow(b, n + 2);
	buf_addch(b, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len;

		/* plain ASCII and valid sequences are copied as one run */
		if (plain[c]) {
			i++;
			continue;
		}
		if (c >= 0x80 && (len = utf8_seqlen(s + i, n - i))) {
			i += len;
			continue;
		}
		buf_add(b, s + run, i - run);
		switch (c) {
		case '"':  buf_add(b, "\\\"", 2); break;
		case '\\': buf_add(b, "\\\\", 2); break;
		case '\n': buf_add(b, "\\n", 2); break;
		case '\r': buf_add(b, "\\r", 2); break;
		case '\t': buf_add(b, "\\t", 2); break;
		case '\b': buf_add(b, "\\b", 2); break;
		case '\f': buf_add(b, "\\f", 2); break;
		default:
			if (c < 0x20) {
				char e[6] = { '\\', 'u', '0', '0',
					      hex[c >> 4], hex[c & 15] };
				buf_add(b, e, sizeof(e));
			} else {
				buf_add(b, "\xef\xbf\xbd", 3);	/* U+FFFD */
			}
		}
		run = ++i;
	}
	buf_add(b, s + run, i - run);
	buf_addch(b, '"');
}

void jw_key(struct jw *w, const char *key)
{
	size_t n = 0;

	before_value(w);
	/* keys are plain names, written as they are (plain[0] is false) */
	while (plain[(unsigned char)key[n]])
		n++;
	if (key[n]) {
		json_quote(w->out, key, n + strlen(key + n));
		buf_addch(w->out, ':');
	} else {
		char *p;

		buf_grow(w->out, n + 3);
		p = w->out->ptr + w->out->len;
		p[0] = '"';
		memcpy(p + 1, key, n);
		memcpy(p + n + 1, "\":", 3);	/* and the NUL */
		w->out->len += n + 3;
	}
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
	char tmp[24], *p = tmp + sizeof(tmp);
	/* the magnitude as unsigned: -LLONG_MIN overflows a long long */
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v
				     : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10));
	if (v < 0)
		*--p = '-';
	before_value(w);
	buf_add(w->out, p, (size_t)(tmp + sizeof(tmp) - p));
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
	if (v)
		buf_add(w->out, "true", 4);
	else
		buf_add(w->out, "false", 5);
	after_value(w);
}

void jw_null(struct jw *w)
{
	before_value(w);
	buf_add(w->out, "null", 4);
	after_value(w);
}

void jw_date(struct jw *w, int day)
{
	char tmp[DATE_STRLEN + 2];

	if (day == DATE_NONE) {
		jw_null(w);
		return;
	}
	/* "YYYY-MM-DD" needs no escaping */
	date_format(day, tmp + 1);
	tmp[0] = '"';
	tmp[DATE_STRLEN] = '"';
	before_value(w);
	buf_add(w->out, tmp, DATE_STRLEN + 1);
	after_value(w);
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
