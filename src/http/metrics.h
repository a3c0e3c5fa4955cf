/*
 * Prometheus metrics: requests by route and status, a latency histogram,
 * kept in lock-free counters; open tasks by light are counted at scrape.
 */
#ifndef LUOSHI_METRICS_H
#define LUOSHI_METRICS_H

#include "util/buf.h"

/* Records one finished request (route NULL: unmatched). */
void metrics_observe(const char *route, int status, double ms);
/* Appends the request metrics in the text exposition format. */
void metrics_write(struct buf *b);

#endif
