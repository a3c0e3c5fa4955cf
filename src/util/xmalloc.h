/*
 * Allocation that never fails: out-of-memory ends the process (tmux's
 * xmalloc.c). luoshi is an application, so domain code never threads
 * ENOMEM through its return values.
 */
#ifndef LUOSHI_XMALLOC_H
#define LUOSHI_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
/* Returns a new copy the caller frees; NULL stays NULL. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a new formatted string the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
