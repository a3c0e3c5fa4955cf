/*
 * Building responses: JSON bodies through the request's writer, SPEC §7's
 * error object with the status of its error code (util/err.c decides the
 * status, in one function), list headers (X-Total-Count, Link), ETags.
 */
#ifndef LUOSHI_REPLY_H
#define LUOSHI_REPLY_H

#include "http/http.h"

/* Starts a JSON body with `status`; returns the writer. */
struct jw *reply_json(struct req *r, int status);
/* {"error":{"code","message","field"}} with the status of e->code. */
void reply_error(struct req *r, const struct err *e);
/* Shorthand: an error built from a code, field and message. */
void reply_fail(struct req *r, enum lserr code, const char *field,
		const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* 204 No Content. */
void reply_empty(struct req *r);
/* ETag: "<version>". */
void reply_etag(struct req *r, long long version);
/*
 * If-Match: returns the version it names in *v (0 when absent), or -1
 * after replying 400 for a malformed one.
 */
int req_if_match(struct req *r, long long *v);

/* Paging from ?page=&per_page= (per_page 1..200, default 50). */
struct page {
	long long page;		/* 1-based */
	long long per_page;
	long long total;	/* counted while listing */
};
/* Returns 0, or -1 after replying 400. */
int req_page(struct req *r, struct page *p);
/* True when the n-th match (0-based) falls on the requested page. */
bool page_has(const struct page *p, long long n);
/* Counts one more match; true when it falls on the requested page. */
bool page_take(struct page *p);
/* X-Total-Count and Link headers for a finished list. */
void reply_page_headers(struct req *r, const struct page *p);

/*
 * A paged JSON array answer: api_list_begin (reads paging, starts the 200
 * array; -1 after a 400), then per match api_list_take (true when the row
 * falls on the page: write it to l->r->w), then api_list_end with the
 * listing's result (closes the array and sets the paging headers, or
 * replies the error).
 */
struct api_list {
	struct req *r;
	struct page p;
};

int api_list_begin(struct api_list *l, struct req *r);
bool api_list_take(struct api_list *l);
void api_list_end(struct api_list *l, enum lserr rc, const struct err *e);

/* Path parameter i as a positive id; -1 after replying 404/400. */
int req_param_id(struct req *r, int i, const char *what, long long *id);

#endif
