/*
 * Responses (see reply.h). Errors are mapped to statuses only through
 * err_http_status().
 */
#include "http/reply.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct jw *reply_json(struct req *r, int status)
{
	r->status = status;
	buf_reset(&r->out);
	jw_init(&r->w, &r->out, NULL);
	return &r->w;
}

void reply_error(struct req *r, const struct err *e)
{
	struct jw *w = reply_json(r, err_http_status(e->code));

	jw_obj(w);
	jw_key(w, "error");
	jw_obj(w);
	jw_kstr(w, "code", err_code_name(e->code));
	jw_kstr(w, "message", e->msg[0] ? e->msg : err_code_name(e->code));
	jw_kstr(w, "field", e->field[0] ? e->field : NULL);
	jw_obj_end(w);
	jw_obj_end(w);
}

void reply_fail(struct req *r, enum lserr code, const char *field,
		const char *fmt, ...)
{
	struct err e = ERR_INIT;
	va_list ap;

	e.code = code;
	snprintf(e.field, sizeof(e.field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e.msg, sizeof(e.msg), fmt, ap);
	va_end(ap);
	reply_error(r, &e);
}

void reply_empty(struct req *r)
{
	r->status = 204;
	buf_reset(&r->out);
}

void reply_etag(struct req *r, long long version)
{
	char tag[32];

	snprintf(tag, sizeof(tag), "\"%lld\"", version);
	req_set_header(r, "ETag", tag);
}

int req_if_match(struct req *r, long long *v)
{
	const char *h = req_header(r, "If-Match");
	char *end;
	long long x;

	*v = 0;
	if (!h)
		return 0;
	if (h[0] == 'W' && h[1] == '/')
		h += 2;
	if (*h == '"')
		h++;
	errno = 0;
	x = strtoll(h, &end, 10);
	if (*end == '"')
		end++;
	if (errno || end == h || *end || x <= 0) {
		reply_fail(r, LS_EINVAL, "If-Match", "invalid If-Match '%s' "
			   "(expected the version, e.g. \"3\")",
			   req_header(r, "If-Match"));
		return -1;
	}
	*v = x;
	return 0;
}

static int query_ll(struct req *r, const char *name, long long lo,
		    long long hi, long long dflt, long long *out)
{
	const char *v = req_query(r, name);
	char *end;
	long long x;

	*out = dflt;
	if (!v)
		return 0;
	errno = 0;
	x = strtoll(v, &end, 10);
	if (errno || end == v || *end || x < lo || x > hi) {
		reply_fail(r, LS_EINVAL, name, "invalid %s '%s' (%lld..%lld)",
			   name, v, lo, hi);
		return -1;
	}
	*out = x;
	return 0;
}

int req_page(struct req *r, struct page *p)
{
	p->total = 0;
	if (query_ll(r, "page", 1, 1LL << 40, 1, &p->page) ||
	    query_ll(r, "per_page", 1, 200, 50, &p->per_page))
		return -1;
	return 0;
}

bool page_has(const struct page *p, long long n)
{
	long long first = (p->page - 1) * p->per_page;

	return n >= first && n < first + p->per_page;
}

bool page_take(struct page *p)
{
	return page_has(p, p->total++);
}

void reply_page_headers(struct req *r, const struct page *p)
{
	struct buf link = BUF_INIT, rest = BUF_INIT;
	char total[32];
	long long last = p->total ? (p->total + p->per_page - 1) / p->per_page
		: 1;
	/* rel name, page number; a page 0 is left out */
	const struct {
		const char *rel;
		long long page;
	} rels[] = {
		{ "first", 1 }, { "last", last },
		{ "next", p->page < last ? p->page + 1 : 0 },
		{ "prev", p->page > 1 ? p->page - 1 : 0 },
	};

	snprintf(total, sizeof(total), "%lld", p->total);
	req_set_header(r, "X-Total-Count", total);
	req_query_rest(r, &rest);
	for (size_t i = 0; i < sizeof(rels) / sizeof(rels[0]); i++) {
		if (!rels[i].page)
			continue;
		buf_addf(&link, "%s<%s?page=%lld&per_page=%lld%s>; rel=\"%s\"",
			 link.len ? ", " : "", r->path, rels[i].page,
			 p->per_page, rest.ptr, rels[i].rel);
	}
	req_set_header(r, "Link", link.ptr);
	buf_release(&link);
	buf_release(&rest);
}

int api_list_begin(struct api_list *l, struct req *r)
{
	l->r = r;
	if (req_page(r, &l->p))
		return -1;
	jw_arr(reply_json(r, 200));
	return 0;
}

bool api_list_take(struct api_list *l)
{
	return page_take(&l->p);
}

void api_list_end(struct api_list *l, enum lserr rc, const struct err *e)
{
	if (rc) {
		reply_error(l->r, e);
		return;
	}
	jw_arr_end(&l->r->w);
	reply_page_headers(l->r, &l->p);
}

int req_param_id(struct req *r, int i, const char *what, long long *id)
{
	const char *v = i < r->nparams ? r->params[i] : NULL;
	char *end;
	long long x;

	errno = 0;
	x = v ? strtoll(v, &end, 10) : 0;
	if (!v || errno || end == v || *end || x <= 0) {
		reply_fail(r, LS_ENOTFOUND, "id", "%s '%s' not found", what,
			   v ? v : "");
		return -1;
	}
	*id = x;
	return 0;
}
