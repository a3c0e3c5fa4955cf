/*
 * String builder implementation; see buf.h for the invariants.
 */
#include "util/buf.h"
#include "util/xmalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char buf_empty[1];

void buf_init(struct buf *b)
{
	b->ptr = buf_empty;
	b->len = 0;
	b->cap = 0;
}

void buf_release(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	buf_setlen(b, 0);
}

void buf_reserve(struct buf *b, size_t need)
{
	size_t cap;

	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap * 2;
	if (b->cap) {
		b->ptr = xrealloc(b->ptr, cap);
	} else {
		b->ptr = xmalloc(cap);
		b->ptr[0] = '\0';
	}
	b->cap = cap;
}

void buf_setlen(struct buf *b, size_t len)
{
	if (!b->cap)
		return;	/* only 0 is possible for the shared empty string */
	b->len = len;
	b->ptr[len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->ptr + b->len, b->cap ? b->cap - b->len : 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (b->len + (size_t)n + 1 > b->cap) {
		buf_grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

char *buf_detach(struct buf *b)
{
	char *p = b->cap ? b->ptr : xstrdup("");

	buf_init(b);
	return p;
}
