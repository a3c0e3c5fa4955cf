/*
 * Group commit. A task created through the API wrote about fifteen pages
 * (the row, five indexes, the audit entry and chain head, events, burden
 * counts) and paid for a commit of its own: two write calls per page to
 * the WAL, lock calls, and now and then a checkpoint, more system time
 * than its own work. Now the write requests queued at one moment share a
 * transaction: each runs as a nested level (a savepoint: a rejected
 * request still changes nothing, and an import's own rollback still
 * undoes only the import), one after the other on the writer as before,
 * and the last of the queue commits for all. A request answers only
 * after the commit that holds its write, so an acknowledged write is as
 * durable as before, and no reader sees a write before it is committed.
 * A batch is bounded by the worker threads (a request waiting for its
 * batch keeps its thread) and by BATCH_MAX.
 */
#include "http/batch.h"
#include "http/reply.h"
#include "store/store.h"

#include <pthread.h>
#include <stdatomic.h>

#define BATCH_MAX 64

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ended = PTHREAD_COND_INITIALIZER;
static atomic_int queued;		/* requests waiting for mu to write */
static struct {
	bool open;
	unsigned long long id;		/* the open batch's, or the last's */
	int n;
	struct req *reqs[BATCH_MAX];
} b;
static unsigned long long committed;	/* the last batch ended */

/*
 * Commits the open batch (unless a handler's bug already ended its
 * transaction); on failure every request of it says why.
 */
static void end_batch(struct store *w)
{
	struct err e = ERR_INIT;

	if (store_in_transaction(w) && store_commit(w, &e) != LS_OK)
		for (int i = 0; i < b.n; i++) {
			req_reply_reset(b.reqs[i]);
			reply_error(b.reqs[i], &e);
		}
	b.open = false;
	committed = b.id;
	pthread_cond_broadcast(&ended);
}

void batch_run(struct store *w, struct req *r,
	       void (*fn)(struct req *r, const void *arg), const void *arg)
{
	struct store *reader = r->ctx.st;
	struct err e = ERR_INIT;
	unsigned long long mine;

	atomic_fetch_add(&queued, 1);
	pthread_mutex_lock(&mu);
	atomic_fetch_sub(&queued, 1);
	if (!b.open) {
		if (store_begin(w, &e) != LS_OK) {
			pthread_mutex_unlock(&mu);
			reply_error(r, &e);
			return;
		}
		b.open = true;
		b.id++;
		b.n = 0;
	}
	mine = b.id;
	b.reqs[b.n++] = r;
	r->ctx.st = w;
	fn(r, arg);
	r->ctx.st = reader;
	if (!store_in_transaction(w) || atomic_load(&queued) == 0 ||
	    b.n == BATCH_MAX)
		end_batch(w);
	while (committed < mine)
		pthread_cond_wait(&ended, &mu);
	pthread_mutex_unlock(&mu);
}
