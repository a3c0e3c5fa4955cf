/*
 * libFuzzer harness for request bodies: the field list of every endpoint
 * that takes a body, decoded by the server's own body_parse (JSON, or a
 * multipart form's text fields). The first input byte picks the endpoint,
 * the second the encoding, the rest is the body. Checks: no crash; a body
 * accepted sets no reply; a body refused gets 400 or 415 with SPEC §7's
 * error object naming a field and a message; accepted ids are positive,
 * dates real days.
 *
 * The field lists are the handlers' own, not copies: at start-up each
 * POST/PATCH route's handler runs once in a child process with body_parse
 * replaced (-Wl,--wrap) by a probe that sends the list it was given back
 * over a pipe (field names are literals, valid in the parent too). A
 * handler that never reads a body is simply not listed.
 */
// wrap: body_parse req_header req_query req_cookie
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "util/date.h"
#include "util/utf8.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
int __real_body_parse(struct req *r, const struct jfield *f, int n);
int __wrap_body_parse(struct req *r, const struct jfield *f, int n);
const char *__wrap_req_header(struct req *r, const char *name);
const char *__wrap_req_query(struct req *r, const char *name);
const char *__wrap_req_cookie(struct req *r, const char *name);

#define MAX_FIELDS 32
#define MAX_LISTS 64

struct list {
	const char *route;
	struct jfield f[MAX_FIELDS];
	int n;
};

static struct list lists[MAX_LISTS];
static int nlists;
static int probe_fd = -1;	/* in the probing child: the pipe */
static const char *content_type;

const char *__wrap_req_header(struct req *r, const char *name)
{
	(void)r;
	return strcasecmp(name, "Content-Type") ? NULL : content_type;
}

const char *__wrap_req_query(struct req *r, const char *name)
{
	(void)r;
	(void)name;
	return NULL;
}

const char *__wrap_req_cookie(struct req *r, const char *name)
{
	(void)r;
	(void)name;
	return NULL;
}

int __wrap_body_parse(struct req *r, const struct jfield *f, int n)
{
	if (probe_fd < 0)
		return __real_body_parse(r, f, n);
	if (n > MAX_FIELDS)
		n = MAX_FIELDS;
	if (write(probe_fd, &n, sizeof(n)) != sizeof(n) ||
	    write(probe_fd, f, sizeof(*f) * (size_t)n) !=
	    (ssize_t)(sizeof(*f) * (size_t)n))
		_exit(1);
	_exit(0);
}

/* "/api/v1/tasks/{id}/report" → "/api/v1/tasks/1/report" */
static void concrete(const char *pattern, char *out, size_t size)
{
	size_t k = 0;

	for (const char *p = pattern; *p && k + 2 < size; p++) {
		if (*p == '{') {
			out[k++] = '1';
			p = strchr(p, '}');
		} else {
			out[k++] = *p;
		}
	}
	out[k] = '\0';
}

static void probe(const struct route *rt)
{
	struct list *l = &lists[nlists];
	char path[96];
	int fd[2], status;
	pid_t pid;

	if (pipe(fd))
		abort();
	pid = fork();
	if (pid < 0)
		abort();
	if (pid == 0) {
		static struct req r;
		int null = open("/dev/null", O_WRONLY);

		dup2(null, 2);	/* a handler that reaches the store dies */
		close(fd[0]);
		probe_fd = fd[1];
		concrete(rt->pattern, path, sizeof(path));
		r.method = rt->method;
		r.path = path;
		r.nparams = 0;
		for (const char *p = rt->pattern; (p = strchr(p, '{')); p++)
			snprintf(r.params[r.nparams++], sizeof(r.params[0]),
				 "1");
		buf_init(&r.body);
		buf_adds(&r.body, "{}");
		buf_init(&r.out);
		buf_init(&r.scratch);
		r.body_fd = -1;
		content_type = "application/json";
		rt->fn(&r);
		_exit(2);	/* returned without reading a body */
	}
	close(fd[1]);
	l->n = 0;
	if (read(fd[0], &l->n, sizeof(l->n)) == sizeof(l->n) &&
	    l->n > 0 && l->n <= MAX_FIELDS &&
	    read(fd[0], l->f, sizeof(l->f[0]) * (size_t)l->n) ==
	    (ssize_t)(sizeof(l->f[0]) * (size_t)l->n)) {
		l->route = rt->pattern;
		nlists++;
	}
	close(fd[0]);
	waitpid(pid, &status, 0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	for (int i = 0; i < nroutes && nlists < MAX_LISTS; i++)
		if (strcmp(routes[i].method, "GET"))
			probe(&routes[i]);
	if (nlists < 20) {	/* tasks, goals, units, users, ... */
		fprintf(stderr, "fuzz-body: only %d field lists found\n",
			nlists);
		abort();
	}
	fprintf(stderr, "fuzz-body: %d field lists\n", nlists);
	return 0;
}

/* The error object of SPEC §7, with a message and a field. */
static void check_error(const struct req *r)
{
	json_t *v = json_loadb(r->out.ptr, r->out.len, 0, NULL);
	json_t *err = json_object_get(v, "error");
	const char *msg = json_string_value(json_object_get(err, "message"));
	const char *field = json_string_value(json_object_get(err, "field"));

	if ((r->status != 400 && r->status != 415) || !msg || !*msg ||
	    !field || !*field)
		abort();
	json_decref(v);
}

/* What an accepted value must look like. */
static void check_value(const struct jfield *f)
{
	switch (f->type) {
	case JT_ID:
		if (*(long long *)f->out < 0)
			abort();
		break;
	case JT_DATE: {
		int day = *(int *)f->out;
		char s[DATE_STRLEN];
		int back;

		if (day != DATE_NONE &&
		    (!date_parse(date_format(day, s), &back) || back != day))
			abort();
		break;
	}
	case JT_STR:
	case JT_LIST: {
		const char *s = *(const char **)f->out;

		if (s && !utf8_valid(s, strlen(s)))
			abort();
		break;
	}
	default:
		break;
	}
}

/* A form: lines "name=value" (value may hold any byte but '\n'). */
static void form(struct req *r, const uint8_t *p, size_t n)
{
	while (n && r->nfields < HTTP_MAX_FILES) {
		const uint8_t *nl = memchr(p, '\n', n);
		size_t len = nl ? (size_t)(nl - p) : n;
		const uint8_t *eq = memchr(p, '=', len);
		struct http_field *f = &r->fields[r->nfields++];
		size_t klen = eq ? (size_t)(eq - p) : len;

		f->name = strndup((const char *)p, klen);
		buf_init(&f->value);
		if (eq)
			buf_add(&f->value, eq + 1, len - klen - 1);
		p += len + (nl != NULL);
		n -= len + (nl != NULL);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char *const types[] = {
		"application/json", "application/json; charset=utf-8",
		"APPLICATION/JSON", "text/plain", "application/jsonx", NULL,
	};
	union value {
		const char *s;
		long long ll;
		double d;
		bool b;
		int day;
		json_t *j;
	} out[MAX_FIELDS];
	bool seen[MAX_FIELDS];
	struct jfield f[MAX_FIELDS];
	const struct list *l;
	struct req r;
	int rc;

	if (n < 2)
		return 0;
	l = &lists[data[0] % nlists];
	memset(&r, 0, sizeof(r));
	memset(out, 0, sizeof(out));
	memset(seen, 0, sizeof(seen));
	for (int i = 0; i < l->n; i++) {
		f[i] = l->f[i];
		f[i].out = &out[i];
		f[i].seen = &seen[i];
	}
	buf_init(&r.body);
	buf_init(&r.out);
	buf_init(&r.scratch);
	r.body_fd = -1;
	r.method = "POST";
	r.path = l->route;
	if (data[1] & 1) {
		r.multipart = true;
		content_type = "multipart/form-data; boundary=x";
		form(&r, data + 2, n - 2);
	} else {
		content_type = types[(data[1] >> 1) % 6];
		buf_add(&r.body, data + 2, n - 2);
	}
	rc = __wrap_body_parse(&r, f, l->n);
	if (rc == 0) {
		if (r.status || r.out.len)
			abort();
		for (int i = 0; i < l->n; i++)
			if (seen[i])
				check_value(&f[i]);
	} else {
		check_error(&r);
	}
	for (int i = 0; i < r.nfields; i++) {
		free(r.fields[i].name);
		buf_release(&r.fields[i].value);
	}
	if (r.json)
		json_decref(r.json);
	buf_release(&r.body);
	buf_release(&r.out);
	buf_release(&r.scratch);
	return 0;
}
