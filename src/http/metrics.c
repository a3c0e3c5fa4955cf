/*
 * Request counters and latency histogram (see metrics.h). Each route has a
 * fixed row of counters, one per status we answer, updated atomically.
 */
#include "http/metrics.h"
#include "http/routes.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

static const int statuses[] = {
	200, 201, 204, 400, 401, 403, 404, 405, 409, 412, 413, 415, 429,
	500, 503,
};
#define NSTATUS (int)(sizeof(statuses) / sizeof(statuses[0]))
#define MAX_ROUTES 160

static const double bounds[] = {
	0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000,
};
#define NBOUNDS (int)(sizeof(bounds) / sizeof(bounds[0]))

/* Row MAX_ROUTES - 1 counts requests that matched no route. */
static atomic_llong counts[MAX_ROUTES][NSTATUS + 1];
static atomic_llong buckets[NBOUNDS + 1];
static atomic_llong sum_us;
static atomic_llong total;

/* The route whose pattern is at that address (each route has its own). */
static int route_index(const char *route)
{
	for (int i = 0; route && i < nroutes && i < MAX_ROUTES - 1; i++)
		if (routes[i].pattern == route)
			return i;
	return MAX_ROUTES - 1;
}

void metrics_observe(const char *route, int status, double ms)
{
	int ri = route_index(route), si = NSTATUS, b = 0;

	for (int i = 0; i < NSTATUS; i++)
		if (statuses[i] == status)
			si = i;
	while (b < NBOUNDS && ms > bounds[b])
		b++;
	atomic_fetch_add(&counts[ri][si], 1);
	atomic_fetch_add(&buckets[b], 1);
	atomic_fetch_add(&sum_us, (long long)(ms * 1000));
	atomic_fetch_add(&total, 1);
}

static void write_counts(struct buf *b, int ri, const char *method,
			 const char *route)
{
	for (int si = 0; si <= NSTATUS; si++) {
		long long n = atomic_load(&counts[ri][si]);

		if (!n)
			continue;
		if (si < NSTATUS)
			buf_addf(b, "luoshi_http_requests_total{method=\"%s\","
				 "route=\"%s\",status=\"%d\"} %lld\n", method,
				 route, statuses[si], n);
		else
			buf_addf(b, "luoshi_http_requests_total{method=\"%s\","
				 "route=\"%s\",status=\"other\"} %lld\n",
				 method, route, n);
	}
}

void metrics_write(struct buf *b)
{
	long long cum = 0;

	buf_adds(b, "# HELP luoshi_http_requests_total HTTP requests by "
		 "route and status.\n"
		 "# TYPE luoshi_http_requests_total counter\n");
	for (int ri = 0; ri < nroutes && ri < MAX_ROUTES - 1; ri++)
		write_counts(b, ri, routes[ri].method, routes[ri].pattern);
	write_counts(b, MAX_ROUTES - 1, "", "unmatched");
	buf_adds(b, "# HELP luoshi_http_request_duration_seconds Time to "
		 "answer a request.\n"
		 "# TYPE luoshi_http_request_duration_seconds histogram\n");
	for (int i = 0; i <= NBOUNDS; i++) {
		char le[32];

		cum += atomic_load(&buckets[i]);
		if (i < NBOUNDS)
			snprintf(le, sizeof(le), "%g", bounds[i] / 1000);
		else
			snprintf(le, sizeof(le), "+Inf");
		buf_addf(b, "%s_bucket{le=\"%s\"} %lld\n",
			 "luoshi_http_request_duration_seconds", le, cum);
	}
	buf_addf(b, "luoshi_http_request_duration_seconds_sum %.6f\n"
		 "luoshi_http_request_duration_seconds_count %lld\n",
		 (double)atomic_load(&sum_us) / 1e6, atomic_load(&total));
}
