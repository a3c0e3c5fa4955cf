/*
 * buf: the one growable string builder (git's strbuf, curl's dynbuf).
 * Invariants: `ptr` is never NULL and always NUL-terminated, `len` is the
 * length without the NUL. A buf that came from BUF_INIT owns no memory
 * until the first append. buf_detach hands ownership to the caller.
 */
#ifndef LUOSHI_BUF_H
#define LUOSHI_BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char *ptr;
	size_t len;
	size_t cap;	/* 0 while ptr points at the shared empty string */
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b);
/* Frees the memory; the buf is empty and reusable afterwards. */
void buf_release(struct buf *b);
/* Keeps the memory for reuse, sets length to 0. */
void buf_reset(struct buf *b);
/* Makes cap at least need (buf_grow's slow path). */
void buf_reserve(struct buf *b, size_t need);

/* Ensures room for `extra` more bytes plus the NUL. */
static inline void buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		buf_reserve(b, b->len + extra + 1);
}

/* Inline: the JSON writer and the table printer append in their loops. */
static inline void buf_add(struct buf *b, const void *data, size_t len)
{
	if (!len)
		return;
	buf_grow(b, len);
	memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

static inline void buf_addch(struct buf *b, char c)
{
	buf_grow(b, 1);
	b->ptr[b->len++] = c;
	b->ptr[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_setlen(struct buf *b, size_t len);
/* Returns the string (caller frees) and leaves the buf empty. */
char *buf_detach(struct buf *b);

#endif
