/*
 * libmicrohttpd glue, and only that: accepting a request (answering on
 * the second call, as MHD wants for keep-alive), collecting its body or
 * multipart form under size limits, authenticating, dispatching through
 * the route table, sending the reply with security headers, logging it.
 * Shutdown on SIGINT/SIGTERM lets in-flight requests finish and closes
 * every database connection.
 */
#include "http/server.h"
#include "http/batch.h"
#include "http/static.h"
#include "http/metrics.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/auth.h"
#include "util/module.h"
#include "util/url.h"
#include "util/xmalloc.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

static const struct server_opts *opts;

/* Per-thread connections, all registered for closing at shutdown. */
static __thread struct store *tl_store;
static pthread_mutex_t stores_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store **stores;
static size_t nstores;

struct store *server_store(struct err *e)
{
	if (tl_store)
		return tl_store;
	tl_store = store_open(opts->db, e);
	if (!tl_store)
		return NULL;
	pthread_mutex_lock(&stores_lock);
	stores = xreallocarray(stores, nstores + 1, sizeof(*stores));
	stores[nstores++] = tl_store;
	pthread_mutex_unlock(&stores_lock);
	return tl_store;
}

/*
 * Writes go through one connection, whose page cache stays warm, one
 * request at a time, committed in groups (batch.c); reads use the
 * thread's own connection beside it.
 */
static struct store *writer;

/* Request state, one per connection request (MHD's con_cls). */
struct conn_state {
	struct req r;
	struct MHD_PostProcessor *pp;
	long long limit;
	bool too_big;
	bool answered;		/* dispatched, else cut off (client, stop) */
	struct timespec start;
};

const char *req_query(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND,
					   name);
}

const char *req_header(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *req_cookie(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

static void url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || strchr("-._~", c)) {
			buf_addch(b, (char)c);
		} else {
			buf_addch(b, '%');
			buf_addch(b, hex[c >> 4]);
			buf_addch(b, hex[c & 15]);
		}
	}
}

static enum MHD_Result query_arg(void *cls, enum MHD_ValueKind kind,
				 const char *key, const char *value)
{
	struct buf *b = cls;

	(void)kind;
	if (!strcmp(key, "page") || !strcmp(key, "per_page"))
		return MHD_YES;
	buf_addch(b, '&');
	url_encode(b, key);
	if (value) {
		buf_addch(b, '=');
		url_encode(b, value);
	}
	return MHD_YES;
}

void req_query_rest(struct req *r, struct buf *out)
{
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, query_arg,
				  out);
}

void req_set_header(struct req *r, const char *name, const char *value)
{
	if (r->nheaders == HTTP_MAX_HEADERS)
		return;
	snprintf(r->headers[r->nheaders].name,
		 sizeof(r->headers[0].name), "%s", name);
	r->headers[r->nheaders].value = xstrdup(value);
	r->nheaders++;
}

const char *req_field(struct req *r, const char *name)
{
	for (int i = 0; i < r->nfields; i++)
		if (r->fields[i].name && !strcmp(r->fields[i].name, name))
			return r->fields[i].value.ptr;
	return NULL;
}

void req_reply_reset(struct req *r)
{
	for (int i = 0; i < r->nheaders; i++)
		free(r->headers[i].value);
	r->nheaders = 0;
	if (r->body_fd >= 0)
		close(r->body_fd);
	r->body_fd = -1;
	r->static_body = NULL;
}

static void req_free(struct conn_state *cs)
{
	struct req *r = &cs->r;

	if (cs->pp)
		MHD_destroy_post_processor(cs->pp);
	req_reply_reset(r);
	for (int i = 0; i < r->nfields; i++) {
		free(r->fields[i].name);
		buf_release(&r->fields[i].value);
	}
	for (int i = 0; i < r->nfiles; i++) {
		free(r->files[i].field);
		free(r->files[i].name);
		buf_release(&r->files[i].data);
	}
	if (r->json)
		json_decref(r->json);
	user_release(&r->ctx.actor_user);
	calendar_release(&r->ctx.cal);	/* loaded by ctx_calendar() */
	buf_release(&r->body);
	buf_release(&r->out);
	buf_release(&r->scratch);
	free((char *)r->path);
	free((char *)r->method);
	free(cs);
}

/* Multipart: text fields and files, each within the upload limit. */
static enum MHD_Result form_part(void *cls, enum MHD_ValueKind kind,
				 const char *key, const char *filename,
				 const char *content_type,
				 const char *encoding, const char *data,
				 uint64_t off, size_t size)
{
	struct conn_state *cs = cls;
	struct req *r = &cs->r;
	struct buf *b = NULL;

	(void)kind;
	(void)content_type;
	(void)encoding;
	if (!key)
		return MHD_YES;
	if (filename) {
		struct http_file *f = r->nfiles ? &r->files[r->nfiles - 1] :
			NULL;

		if (!f || off == 0 || strcmp(f->field, key) ||
		    strcmp(f->name, filename)) {
			if (r->nfiles == HTTP_MAX_FILES) {
				cs->too_big = true;
				return MHD_NO;
			}
			f = &r->files[r->nfiles++];
			f->field = xstrdup(key);
			f->name = xstrdup(filename);
			buf_init(&f->data);
		}
		b = &f->data;
	} else {
		struct http_field *f = r->nfields ? &r->fields[r->nfields - 1]
			: NULL;

		if (!f || off == 0 || strcmp(f->name, key)) {
			if (r->nfields == HTTP_MAX_FILES) {
				cs->too_big = true;
				return MHD_NO;
			}
			f = &r->fields[r->nfields++];
			f->name = xstrdup(key);
			buf_init(&f->value);
		}
		b = &f->value;
	}
	if ((long long)(b->len + size) > cs->limit) {
		cs->too_big = true;
		return MHD_NO;
	}
	buf_add(b, data, size);
	return MHD_YES;
}

static void client_addr(struct MHD_Connection *conn, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
		conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;

	snprintf(out, n, "unknown");
	if (sa && sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr,
			  out, (socklen_t)n);
	else if (sa && sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)sa)->sin6_addr, out,
			  (socklen_t)n);
}

/*
 * Behind a reverse proxy on this machine every peer is loopback: then the
 * proxy's X-Forwarded-For (its last entry, the one the proxy appended)
 * names the client. From any other peer the header is ignored, so clients
 * cannot forge their address for the login limits.
 */
static void forwarded_addr(struct req *r)
{
	const char *xff = req_header(r, "X-Forwarded-For");
	const char *last;

	if (!xff || (strcmp(r->addr, "127.0.0.1") && strcmp(r->addr, "::1")))
		return;
	last = strrchr(xff, ',');
	last = last ? last + 1 : xff;
	while (*last == ' ')
		last++;
	if (*last && strlen(last) < sizeof(r->addr))
		snprintf(r->addr, sizeof(r->addr), "%s", last);
}

static struct conn_state *begin(struct MHD_Connection *conn,
				const char *url, const char *method)
{
	struct conn_state *cs = xcalloc(1, sizeof(*cs));
	struct req *r = &cs->r;
	const char *ct, *cl;

	clock_gettime(CLOCK_MONOTONIC, &cs->start);
	r->conn = conn;
	r->method = xstrdup(method);
	r->path = xstrdup(url);
	buf_init(&r->body);
	buf_init(&r->out);
	buf_init(&r->scratch);
	user_init(&r->ctx.actor_user);
	r->status = 500;
	r->body_fd = -1;
	client_addr(conn, r->addr, sizeof(r->addr));
	forwarded_addr(r);
	ct = req_header(r, "Content-Type");
	r->multipart = ct && !strncasecmp(ct, "multipart/form-data", 19);
	/* an import's file may come as the raw body */
	cs->limit = r->multipart || !strncmp(url, "/api/v1/import/", 15) ?
		opts->max_upload : opts->max_body;
	cl = req_header(r, "Content-Length");
	if (cl && strtoll(cl, NULL, 10) > cs->limit)
		cs->too_big = true;
	if (r->multipart && !cs->too_big) {
		cs->pp = MHD_create_post_processor(conn, 65536, form_part, cs);
		if (!cs->pp)
			r->multipart = false;	/* a bad form: 400 later */
	}
	return cs;
}

/* Authenticates from a bearer token or the session cookie. */
static enum lserr authenticate(struct req *r, struct err *e)
{
	const char *h = req_header(r, "Authorization");
	const char *sid = req_cookie(r, "luoshi_session");

	if (h && !strncasecmp(h, "Bearer ", 7))
		return svc_auth_token(&r->ctx, h + 7, e);
	if (h)
		return err_set(e, LS_EAUTH, "Authorization", "unsupported "
			       "Authorization scheme (use Bearer)");
	if (!sid)
		return err_set(e, LS_EAUTH, "Authorization", "log in first "
			       "(POST /api/v1/login) or send a bearer token");
	r->cookie_auth = true;
	return svc_auth_session(&r->ctx, sid, r->csrf, e);
}

static bool is_read(const char *method)
{
	return !strcmp(method, "GET") || !strcmp(method, "HEAD");
}

/*
 * Runs the route's handler; a handler's bug must not keep a transaction
 * (the write lock) or, inside a batch (batch.c), leave its level to the
 * requests after it.
 */
static void run_handler(struct req *r, const struct route *rt)
{
	int depth = store_depth(r->ctx.st);

	rt->fn(r);
	if (store_depth(r->ctx.st) > depth) {
		fprintf(stderr, "luoshi: bug: %s %s left a transaction open\n",
			r->method, r->path);
		while (store_depth(r->ctx.st) > depth)
			store_rollback(r->ctx.st);
	}
}

/*
 * What every route but /healthz needs before its handler: the clock, the
 * settings, and for a private route the caller, the CSRF header of a
 * cookie's write and the right. Replies and returns -1 when refused.
 */
static int prepare(struct req *r, const struct route *rt)
{
	struct err e = ERR_INIT;

	settings_default(&r->ctx.settings);
	if (ctx_clock(&r->ctx, NULL, &e) ||
	    store_settings_load(r->ctx.st, &r->ctx.settings, &e)) {
		reply_error(r, &e);
		return -1;
	}
	if (rt->public)
		return 0;
	if (authenticate(r, &e)) {
		reply_error(r, &e);
		return -1;
	}
	r->authed = true;
	if (r->cookie_auth && !is_read(r->method)) {
		const char *t = req_header(r, "X-CSRF-Token");

		if (!t || strcmp(t, r->csrf)) {
			reply_fail(r, LS_EFORBIDDEN, "X-CSRF-Token",
				   "missing or wrong X-CSRF-Token header");
			return -1;
		}
	}
	if (ctx_require(&r->ctx, rt->perm, &e)) {
		reply_error(r, &e);
		return -1;
	}
	return 0;
}

/*
 * A write route, in its batch on the writer. It is prepared there too:
 * the writer's page cache stays warm across commits, while a reader's is
 * emptied by each one, and a caller's token, user and unit cost a reader
 * a dozen reads from the file again.
 */
static void run_write(struct req *r, const void *rt)
{
	if (!prepare(r, rt))
		run_handler(r, rt);
}

static void dispatch(struct conn_state *cs)
{
	struct req *r = &cs->r;
	struct err e = ERR_INIT;
	const struct route *rt;
	bool known;

	rt = route_find(r->method, r->path, r, &known);
	if (!rt) {
		if (known) {
			char allow[64];

			reply_fail(r, LS_EINVAL, "method", "method %s not "
				   "allowed on %s", r->method, r->path);
			route_methods(r->path, allow, sizeof(allow));
			req_set_header(r, "Allow", allow);
		} else if (is_read(r->method) &&
			   strncmp(r->path, "/api/", 5) && static_serve(r)) {
			r->route = "web";
			return;
		} else {
			reply_fail(r, LS_ENOTFOUND, "path", "no such "
				   "endpoint: %s %s", r->method, r->path);
		}
		r->status = known ? 405 : 404;
		return;
	}
	r->route = rt->pattern;
	if (cs->too_big) {
		reply_fail(r, LS_ETOOBIG, "body", "request body too large "
			   "(at most %lld bytes)", cs->limit);
		return;
	}
	r->ctx.st = server_store(&e);
	if (rt->fn == api_healthz) {
		/* answers for itself, the database reachable or not */
		rt->fn(r);
		return;
	}
	if (!r->ctx.st) {
		e.code = LS_EBUSY;
		reply_error(r, &e);
		return;
	}
	/* logins hash for a while: they write only through their reader */
	if (!is_read(r->method) && rt->fn != api_login)
		batch_run(writer, r, run_write, rt);
	else if (!prepare(r, rt))
		run_handler(r, rt);
}

static bool has_header(const struct req *r, const char *name)
{
	for (int i = 0; i < r->nheaders; i++)
		if (!strcasecmp(r->headers[i].name, name))
			return true;
	return false;
}

static void add_headers(struct MHD_Response *resp, struct req *r)
{
	bool typed = has_header(r, "Content-Type");

	/* defaults, unless the handler chose (the web UI's files do) */
	if (!has_header(r, "Content-Security-Policy"))
		MHD_add_response_header(resp, "Content-Security-Policy",
					"default-src 'self'; "
					"frame-ancestors 'none'");
	if (!has_header(r, "Cache-Control"))
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	for (int i = 0; i < r->nheaders; i++)
		MHD_add_response_header(resp, r->headers[i].name,
					r->headers[i].value);
	if (r->status != 204 && !typed)
		MHD_add_response_header(resp, "Content-Type",
					"application/json; charset=utf-8");
}

static enum MHD_Result answer(void *cls, struct MHD_Connection *conn,
			      const char *url, const char *method,
			      const char *version, const char *upload_data,
			      size_t *upload_data_size, void **con_cls)
{
	struct conn_state *cs = *con_cls;
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len;

	(void)cls;
	(void)version;
	if (!cs) {
		*con_cls = begin(conn, url, method);
		return MHD_YES;
	}
	if (*upload_data_size) {
		if (cs->too_big) {
			/* drain */
		} else if (cs->pp) {
			if (MHD_post_process(cs->pp, upload_data,
					     *upload_data_size) != MHD_YES &&
			    !cs->too_big)
				cs->too_big = true;
		} else if ((long long)(cs->r.body.len + *upload_data_size) >
			   cs->limit) {
			cs->too_big = true;
		} else {
			buf_add(&cs->r.body, upload_data, *upload_data_size);
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	dispatch(cs);
	cs->answered = true;
	len = cs->r.out.len;
	if (cs->r.body_fd >= 0) {
		/* MHD closes the descriptor with the response */
		resp = MHD_create_response_from_fd64(
			(uint64_t)cs->r.body_fd_len, cs->r.body_fd);
		if (!resp)
			return MHD_NO;	/* req_free closes it */
		cs->r.body_fd = -1;
	} else if (cs->r.static_body)
		resp = MHD_create_response_from_buffer(
			cs->r.static_len, (void *)cs->r.static_body,
			MHD_RESPMEM_PERSISTENT);
	else
		resp = MHD_create_response_from_buffer(
			len, buf_detach(&cs->r.out), MHD_RESPMEM_MUST_FREE);
	add_headers(resp, &cs->r);
	ret = MHD_queue_response(conn, (unsigned)cs->r.status, resp);
	MHD_destroy_response(resp);
	return ret;
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	struct conn_state *cs = *con_cls;
	struct timespec end;
	double ms;

	(void)cls;
	(void)conn;
	(void)toe;
	if (!cs)
		return;
	clock_gettime(CLOCK_MONOTONIC, &end);
	ms = (double)(end.tv_sec - cs->start.tv_sec) * 1e3 +
	     (double)(end.tv_nsec - cs->start.tv_nsec) / 1e6;
	/* a request cut off before its answer (client gone, shutdown) */
	if (!cs->answered)
		cs->r.status = 0;
	metrics_observe(cs->r.route, cs->r.status, ms);
	if (!opts->quiet)
		fprintf(stderr, "access method=%s path=%s status=%d ms=%.2f "
			"user=%s addr=%s%s\n", cs->r.method, cs->r.path,
			cs->r.status, ms, cs->r.authed ?
			cs->r.ctx.actor.login : "-", cs->r.addr,
			cs->answered ? "" : " aborted");
	req_free(cs);
	*con_cls = NULL;
}

/* Paths and query values: percent-decoded, but a NUL (see util/url.h). */
static size_t unescape(void *cls, struct MHD_Connection *conn, char *uri)
{
	(void)cls;
	(void)conn;
	return url_unescape(uri);
}

static int parse_listen(const char *listen, struct sockaddr_in *sa,
			struct err *e)
{
	char host[64];
	const char *colon = strrchr(listen, ':');
	char *end;
	long port;

	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	if (!colon || (size_t)(colon - listen) >= sizeof(host))
		return err_set(e, LS_EINVAL, "listen", "invalid --listen '%s' "
			       "(expected ADDR:PORT, e.g. 127.0.0.1:8080)",
			       listen);
	memcpy(host, listen, (size_t)(colon - listen));
	host[colon - listen] = '\0';
	port = strtol(colon + 1, &end, 10);
	if (*end || end == colon + 1 || port < 1 || port > 65535 ||
	    inet_pton(AF_INET, host[0] ? host : "0.0.0.0", &sa->sin_addr) != 1)
		return err_set(e, LS_EINVAL, "listen", "invalid --listen '%s' "
			       "(expected ADDR:PORT, e.g. 127.0.0.1:8080)",
			       listen);
	sa->sin_port = htons((uint16_t)port);
	return 0;
}

/*
 * Stops accepting and lets the requests in flight finish: waits until no
 * connection is left or DRAIN_SECONDS have passed (idle keep-alive
 * connections would otherwise hold the stop up to their timeout).
 */
#define DRAIN_SECONDS 10

static void drain(struct MHD_Daemon *d)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	int n = DRAIN_SECONDS * 50;
	MHD_socket listener = MHD_quiesce_daemon(d);

	if (listener == MHD_INVALID_SOCKET)
		return;
	close(listener);	/* ours now: new clients are refused */
	while (n-- > 0) {
		const union MHD_DaemonInfo *i = MHD_get_daemon_info(
			d, MHD_DAEMON_INFO_CURRENT_CONNECTIONS);

		if (!i || i->num_connections == 0)
			return;
		nanosleep(&tick, NULL);
	}
}

int server_run(const struct server_opts *o, struct err *e)
{
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	sigset_t set;
	int sig;

	opts = o;
	if (parse_listen(o->listen, &sa, e))
		return err_exit_status(e->code);
	if (!server_store(e))	/* fail early on a bad database */
		return err_exit_status(e->code);
	if (!(writer = store_open(o->db, e)))
		return err_exit_status(e->code);
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_ITC |
			     MHD_USE_ERROR_LOG, 0, NULL, NULL, answer, NULL,
			     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
			     MHD_OPTION_THREAD_POOL_SIZE,
			     (unsigned)o->threads,
			     MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
			     MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
			     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
			     /* headers and MHD's buffers (bodies are ours):
			      * 0.9.75 zeroes the whole pool after every
			      * request, so no bigger than its default */
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT,
			     (size_t)32 * 1024,
			     MHD_OPTION_END);
	if (!d) {
		err_set(e, LS_EFAIL, "listen", "cannot listen on %s: %s",
			o->listen, strerror(errno));
		store_close(writer);
		writer = NULL;
		return 1;
	}
	fprintf(stderr, "luoshi: serving %s on http://%s/ with %d threads\n",
		o->db, o->listen, o->threads);
	sigwait(&set, &sig);
	fprintf(stderr, "luoshi: %s received, finishing requests\n",
		sig == SIGINT ? "SIGINT" : "SIGTERM");
	drain(d);
	MHD_stop_daemon(d);
	store_close(writer);
	writer = NULL;
	pthread_mutex_lock(&stores_lock);
	for (size_t i = 0; i < nstores; i++)
		store_close(stores[i]);
	free(stores);
	stores = NULL;
	nstores = 0;
	pthread_mutex_unlock(&stores_lock);
	fprintf(stderr, "luoshi: stopped\n");
	return 0;
}

static const struct http_module api = {
	server_run, routes_print, static_set_root,
};

MODULE(http, MODULE_HTTP, &api);
