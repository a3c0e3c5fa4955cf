/*
 * jw: a streaming JSON writer. Responses and --json output are written
 * token by token into a buf (never built as trees); when `sink` is set the
 * buf is flushed to it whenever it passes JW_FLUSH bytes, so a list of a
 * million tasks needs constant memory. Commas are placed automatically.
 */
#ifndef LUOSHI_JW_H
#define LUOSHI_JW_H

#include "util/buf.h"

#include <stdbool.h>
#include <stdio.h>

#define JW_MAXDEPTH 32
#define JW_FLUSH 65536

struct jw {
	struct buf *out;
	FILE *sink;		/* optional; borrowed */
	int depth;
	bool first[JW_MAXDEPTH];	/* no value written yet at this depth */
	bool after_key;
};

void jw_init(struct jw *w, struct buf *out, FILE *sink);
/* Writes whatever is buffered to the sink (no-op without one). */
void jw_flush(struct jw *w);

void jw_obj(struct jw *w);
void jw_obj_end(struct jw *w);
void jw_arr(struct jw *w);
void jw_arr_end(struct jw *w);
void jw_key(struct jw *w, const char *key);

/* Values. A NULL string writes null. */
void jw_str(struct jw *w, const char *s);
void jw_strn(struct jw *w, const char *s, size_t n);
void jw_int(struct jw *w, long long v);
/*
 * A number rounded to 2 decimals, trailing zeros dropped ("12.5"); null
 * when not finite or beyond ±1e15 (where decimals stop being exact).
 */
void jw_num2(struct jw *w, double v);
/* A number rounded to `digits` decimals (0..9), trailing zeros dropped. */
void jw_numd(struct jw *w, double v, int digits);
void jw_bool(struct jw *w, bool v);
void jw_null(struct jw *w);
/* A date, or null for DATE_NONE. */
void jw_date(struct jw *w, int day);
/* Id, or null when <= 0. */
void jw_id(struct jw *w, long long id);

/* Already-encoded JSON (trusted: produced by luoshi itself); NULL = null. */
void jw_raw(struct jw *w, const char *json);

/* Key + value shorthands. */
void jw_kstr(struct jw *w, const char *key, const char *s);
void jw_kint(struct jw *w, const char *key, long long v);
void jw_knum2(struct jw *w, const char *key, double v);
void jw_kbool(struct jw *w, const char *key, bool v);
void jw_knull(struct jw *w, const char *key);
void jw_kdate(struct jw *w, const char *key, int day);
void jw_kid(struct jw *w, const char *key, long long id);

/*
 * A JSON text built in memory:
 *	struct jw_text t;
 *	shape_x(jw_text_begin(&t), x);
 *	char *json = jw_text_end(&t);	// the caller frees it
 */
struct jw_text {
	struct buf b;
	struct jw w;
};

struct jw *jw_text_begin(struct jw_text *t);
char *jw_text_end(struct jw_text *t);

/* Appends s as a JSON string literal (quotes included) to b. */
void json_quote(struct buf *b, const char *s, size_t n);

#endif
