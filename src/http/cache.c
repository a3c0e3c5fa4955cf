/*
 * The response cache (see cache.h): a fixed ring of entries under one
 * mutex; lookups are a few string compares, far cheaper than the scans
 * they save.
 */
#include "http/cache.h"
#include "util/xmalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define CACHE_SLOTS 64

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	char *key;
	char *text;
} slots[CACHE_SLOTS];
static int next;

long long cache_version(struct store *s, struct err *e)
{
	char hash[AUDIT_HASHLEN];
	long long v;

	return store_audit_head(s, &v, hash, e) == LS_OK ? v : -1;
}

static pthread_mutex_t fill = PTHREAD_MUTEX_INITIALIZER;

void cache_fill_lock(void)
{
	pthread_mutex_lock(&fill);
}

void cache_fill_unlock(void)
{
	pthread_mutex_unlock(&fill);
}

bool cache_get(const char *key, struct buf *out)
{
	bool hit = false;

	pthread_mutex_lock(&lock);
	for (int i = 0; i < CACHE_SLOTS && !hit; i++) {
		if (slots[i].key && !strcmp(slots[i].key, key)) {
			buf_adds(out, slots[i].text);
			hit = true;
		}
	}
	pthread_mutex_unlock(&lock);
	return hit;
}

void cache_put(const char *key, const char *text)
{
	pthread_mutex_lock(&lock);
	free(slots[next].key);
	free(slots[next].text);
	slots[next].key = xstrdup(key);
	slots[next].text = xstrdup(text);
	next = (next + 1) % CACHE_SLOTS;
	pthread_mutex_unlock(&lock);
}
