/*
 * What a request handler sees: the request (method, path parameters, query,
 * headers, body or form), the acting context, and the response being built
 * (status, headers, a JSON writer over the body). libmicrohttpd stays in
 * server.c; handlers only use this header, reply.h and body.h.
 */
#ifndef LUOSHI_HTTP_H
#define LUOSHI_HTTP_H

#include "svc/ctx.h"
#include "util/buf.h"
#include "util/jw.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#define HTTP_MAX_PARAMS 4
#define HTTP_MAX_HEADERS 12
#define HTTP_MAX_FILES 16

/* A file of a multipart/form-data upload. */
struct http_file {
	char *field;
	char *name;
	struct buf data;
};

/* A text field of a multipart/form-data upload. */
struct http_field {
	char *name;
	struct buf value;
};

struct req {
	/* request */
	const char *method;
	const char *path;
	char params[HTTP_MAX_PARAMS][96];	/* {x} parts of the route */
	int nparams;
	struct buf body;
	bool multipart;
	struct http_field fields[HTTP_MAX_FILES];
	int nfields;
	struct http_file files[HTTP_MAX_FILES];
	int nfiles;
	char addr[64];		/* client address */
	void *conn;		/* server.c's connection (opaque here) */
	json_t *json;		/* the parsed body, freed with the request */
	struct buf scratch;	/* a handler's temporary text */
	/* who and when */
	struct ctx ctx;
	bool authed;
	bool cookie_auth;	/* via session cookie: writes need CSRF */
	char csrf[72];
	/* response */
	int status;
	struct {
		char name[32];
		char *value;
	} headers[HTTP_MAX_HEADERS];
	int nheaders;
	struct buf out;
	struct jw w;
	const char *route;	/* the matched pattern, for metrics */
	const void *static_body;	/* an embedded file, sent as is */
	size_t static_len;
	int body_fd;		/* a file sent as the body, or -1 (the
				 * server closes it) */
	long long body_fd_len;
};

/* Query and header lookup (NULL when absent). */
const char *req_query(struct req *r, const char *name);
const char *req_header(struct req *r, const char *name);
const char *req_cookie(struct req *r, const char *name);
/* Appends "&k=v" (percent-encoded) for each query argument but page and
 * per_page, to build page links that keep the filters. */
void req_query_rest(struct req *r, struct buf *out);
/* Adds a response header (value copied). */
void req_set_header(struct req *r, const char *name, const char *value);
/* Drops the reply's headers and file body, for another reply instead. */
void req_reply_reset(struct req *r);
/* A text field of a form upload, or NULL. */
const char *req_field(struct req *r, const char *name);

#endif
