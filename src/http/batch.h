/*
 * The server's group commit (batch.c): write requests take turns on the
 * one writer connection and share a transaction with the writes queued
 * behind them; each answers after the commit that holds its write.
 */
#ifndef LUOSHI_BATCH_H
#define LUOSHI_BATCH_H

#include "http/http.h"

struct store;

/*
 * Runs fn(r, arg) on the writer w as one level of the open batch (w's
 * transaction, begun here if none is open), then waits until that batch
 * is committed: by this request when no other write is queued, else by a
 * later one. When the commit fails, every request of the batch answers
 * with its error instead. r->ctx.st is w during fn and restored after;
 * fn must leave w at the depth it found (server.c's run_handler sees to
 * it).
 */
void batch_run(struct store *w, struct req *r,
	       void (*fn)(struct req *r, const void *arg), const void *arg);

#endif
