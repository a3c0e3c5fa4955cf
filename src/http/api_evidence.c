/*
 * /api/v1/evidence/{sha256}: downloads a stored evidence file, only when
 * the caller can see a task whose report carries it (else 404, the same
 * as an unknown hash). The file is checked against its hash on the way out.
 */
#include "http/reply.h"
#include "http/routes.h"
#include "svc/evidence.h"

#include <stdio.h>
#include <string.h>

/*
 * Content-Disposition for `name`: an ASCII fallback in filename= (quotes,
 * backslashes, controls and non-ASCII characters become '_') and the exact
 * UTF-8 name percent-encoded in filename* (RFC 6266, RFC 8187).
 */
static void disposition(struct buf *b, const char *name)
{
	static const char attr[] = "!#$&+-.^_`|~";
	static const char hex[] = "0123456789ABCDEF";

	buf_reset(b);
	buf_adds(b, "attachment; filename=\"");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if ((*p & 0xc0) != 0x80)	/* one '_' per character */
			buf_addch(b, *p < 0x20 || *p > 0x7e || *p == '"' ||
				  *p == '\\' ? '_' : (char)*p);
	buf_adds(b, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || (*p && strchr(attr, *p))) {
			buf_addch(b, (char)*p);
		} else {
			buf_addch(b, '%');
			buf_addch(b, hex[*p >> 4]);
			buf_addch(b, hex[*p & 15]);
		}
	}
}

void api_evidence_get(struct req *r)
{
	struct evidence ev;
	struct err e = ERR_INIT;
	struct buf data = BUF_INIT;
	char etag[72];

	if (svc_evidence_read(&r->ctx, r->params[0], &ev, &data, &e)) {
		reply_error(r, &e);
		goto out;
	}
	r->status = 200;
	buf_release(&r->out);
	r->out = data;
	buf_init(&data);
	req_set_header(r, "Content-Type", "application/octet-stream");
	disposition(&r->scratch, ev.name);
	req_set_header(r, "Content-Disposition", r->scratch.ptr);
	snprintf(etag, sizeof(etag), "\"%s\"", ev.sha256);
	req_set_header(r, "ETag", etag);
out:
	buf_release(&data);
	buf_release(&ev.arena);
}
