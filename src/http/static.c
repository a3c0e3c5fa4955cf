/*
 * Serving the web UI (see static.h). Hashed assets under /assets/ are
 * cached for a year (their names change with their content); index.html is
 * revalidated every time. Text files go gzip-compressed to clients that
 * accept it.
 */
#include "http/static.h"
#include "http/web_assets.h"
#include "util/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *root;

void static_set_root(const char *dir)
{
	root = dir;
}

static const struct web_asset *find(const char *path)
{
	for (const struct web_asset *a = web_assets; a->path; a++)
		if (!strcmp(a->path, path))
			return a;
	return NULL;
}

static bool accepts_gzip(struct req *r)
{
	const char *ae = req_header(r, "Accept-Encoding");

	return ae && strstr(ae, "gzip");
}

static void headers(struct req *r, const char *path, const char *type)
{
	req_set_header(r, "Content-Type", type);
	req_set_header(r, "Cache-Control", strncmp(path, "/assets/", 8) ?
		       "no-cache" : "public, max-age=31536000, immutable");
	req_set_header(r, "Content-Security-Policy", "default-src 'self'; "
		       "style-src 'self' 'unsafe-inline'; img-src 'self' "
		       "data: blob:; frame-ancestors 'none'");
}

/* --web-root: read the file from disk into the response. */
static bool serve_file(struct req *r, const char *path)
{
	char *full;
	FILE *f;
	struct stat sb;
	bool ok = false;

	if (strstr(path, ".."))
		return false;
	full = xasprintf("%s%s", root, path);
	if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (f = fopen(full, "rb"))) {
		char chunk[65536];
		size_t n;

		buf_reset(&r->out);
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
			buf_add(&r->out, chunk, n);
		fclose(f);
		ok = true;
	}
	free(full);
	if (ok) {
		const char *dot = strrchr(path, '.');

		r->status = 200;
		headers(r, path, !dot ? "application/octet-stream" :
			!strcmp(dot, ".html") ? "text/html; charset=utf-8" :
			!strcmp(dot, ".js") ? "text/javascript; charset=utf-8" :
			!strcmp(dot, ".css") ? "text/css; charset=utf-8" :
			!strcmp(dot, ".svg") ? "image/svg+xml" :
			"application/octet-stream");
	}
	return ok;
}

bool static_serve(struct req *r)
{
	const char *path = r->path;
	const char *last = strrchr(path, '/');
	const struct web_asset *a;

	/* an app route ("/tasks/7") gets the app itself */
	if (!strcmp(path, "/") || (last && !strchr(last, '.')))
		path = "/index.html";
	if (root)
		return serve_file(r, path);
	if (!(a = find(path)))
		return false;
	r->status = 200;
	headers(r, path, a->type);
	req_set_header(r, "Vary", "Accept-Encoding");
	if (a->gz && accepts_gzip(r)) {
		req_set_header(r, "Content-Encoding", "gzip");
		r->static_body = a->gz;
		r->static_len = (size_t)(a->gz_end - a->gz);
	} else {
		r->static_body = a->data;
		r->static_len = (size_t)(a->end - a->data);
	}
	return true;
}
