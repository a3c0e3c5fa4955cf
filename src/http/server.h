/*
 * luoshi serve: the HTTP server (libmicrohttpd with its internal epoll
 * thread pool). Each worker thread opens its own database connection on
 * first use; SQLite's WAL lets readers run beside the one writer.
 */
#ifndef LUOSHI_SERVER_H
#define LUOSHI_SERVER_H

#include "util/err.h"

#include <stdbool.h>
#include <stdio.h>

struct server_opts {
	const char *db;
	const char *listen;	/* "ADDR:PORT", default 127.0.0.1:8080 */
	int threads;		/* worker threads, default 2 × cores */
	long long max_body;	/* JSON bodies (1 MiB) */
	long long max_upload;	/* multipart uploads (64 MiB) */
	bool quiet;		/* no access log */
};

/* Runs until SIGINT or SIGTERM; returns an exit status. */
int server_run(const struct server_opts *o, struct err *e);
/* The store of the calling worker thread (opened on first use). */
struct store *server_store(struct err *e);

/*
 * The http module's table (util/module.h): all of src/http and the web
 * UI, for luoshi serve and luoshi demo --serve.
 */
struct http_module {
	int (*run)(const struct server_opts *o, struct err *e);
	void (*print_routes)(FILE *f);
	void (*set_web_root)(const char *dir);	/* static.h */
};

#endif
