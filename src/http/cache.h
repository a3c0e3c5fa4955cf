/*
 * A small process-wide cache of response texts keyed by strings that end
 * with the database version (the audit head: every write appends to the
 * audit trail), so a write makes every older entry unreachable at once.
 */
#ifndef LUOSHI_CACHE_H
#define LUOSHI_CACHE_H

#include "store/store.h"
#include "util/buf.h"

#include <stdbool.h>

/* The database version for cache keys; -1 on error (e set). */
long long cache_version(struct store *s, struct err *e);
/* Appends the cached text for key to out; false when absent. */
bool cache_get(const char *key, struct buf *out);
void cache_put(const char *key, const char *text);
/*
 * Single flight: a thread that missed takes this lock, looks again, and
 * only then computes, so a burst of misses computes once, not once per
 * thread.
 */
void cache_fill_lock(void);
void cache_fill_unlock(void);

#endif
