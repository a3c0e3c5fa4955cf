/*
 * libFuzzer harness for request lines: the path decoded by the server's
 * own unescaper (util/url.c), matched against THE route table
 * (route_find, route_methods), and the query string read by paging
 * (req_page) and the task list's filters (api_tasks_filters), with
 * req_query replaced (-Wl,--wrap) by a lookup in the fuzzed query.
 * Input: a method byte, then "path?query". Checks: no crash; a match has
 * one non-empty parameter without '/' per {x} and rebuilds the path; a
 * path known under other methods lists them in Allow, not this one;
 * accepted paging is within 1..2^40 and 1..200; every refusal is a 400
 * with SPEC §7's error object naming the parameter.
 */
// wrap: req_query req_header req_cookie
#include "http/reply.h"
#include "http/routes.h"
#include "svc/tasks.h"
#include "util/url.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);
const char *__wrap_req_query(struct req *r, const char *name);
const char *__wrap_req_header(struct req *r, const char *name);
const char *__wrap_req_cookie(struct req *r, const char *name);

#define MAX_ARGS 16

static struct {
	char *key, *value;
} args[MAX_ARGS];
static int nargs;

/* As MHD: the first argument of a name wins. */
const char *__wrap_req_query(struct req *r, const char *name)
{
	(void)r;
	for (int i = 0; i < nargs; i++)
		if (!strcmp(args[i].key, name))
			return args[i].value;
	return NULL;
}

const char *__wrap_req_header(struct req *r, const char *name)
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

/* "k=v&k2" as MHD splits it: '+' is a space, then percent-decoding. */
static void parse_query(char *q)
{
	nargs = 0;
	for (char *tok = q; tok && nargs < MAX_ARGS;) {
		char *amp = strchr(tok, '&'), *eq;

		if (amp)
			*amp = '\0';
		for (char *p = tok; *p; p++)
			if (*p == '+')
				*p = ' ';
		eq = strchr(tok, '=');
		if (eq)
			*eq++ = '\0';
		url_unescape(tok);
		if (eq)
			url_unescape(eq);
		args[nargs].key = tok;
		args[nargs].value = eq ? eq : (char *)"";
		nargs++;
		tok = amp ? amp + 1 : NULL;
	}
}

static void check_error(struct req *r)
{
	json_t *v = json_loadb(r->out.ptr, r->out.len, 0, NULL);
	json_t *err = json_object_get(v, "error");
	const char *msg = json_string_value(json_object_get(err, "message"));
	const char *field = json_string_value(json_object_get(err, "field"));

	if (r->status != 400 || !msg || !*msg || !field || !*field)
		abort();
	json_decref(v);
	buf_reset(&r->out);
	r->status = 0;
}

/* The pattern with r's parameters put back is the path. */
static void check_match(const struct route *rt, const struct req *r,
			const char *path)
{
	char back[1024];
	size_t k = 0;
	int i = 0;

	for (const char *p = rt->pattern; *p; p++) {
		if (*p == '{') {
			size_t len = strlen(r->params[i]);

			if (i >= r->nparams || !len ||
			    strchr(r->params[i], '/') ||
			    k + len >= sizeof(back))
				abort();
			memcpy(back + k, r->params[i++], len);
			k += len;
			p = strchr(p, '}');
		} else if (k + 1 < sizeof(back)) {
			back[k++] = *p;
		}
	}
	back[k] = '\0';
	if (i != r->nparams || strcmp(back, path))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static const char *const methods[] = {
		"GET", "POST", "PATCH", "DELETE", "HEAD", "PUT",
	};
	const char *method;
	const struct route *rt;
	struct task_query q;
	struct page pg;
	struct req r;
	char *line, *query, allow[64];
	bool known;
	size_t len;

	if (n < 1 || n > 1000)
		return 0;
	method = methods[data[0] % 6];
	line = strndup((const char *)data + 1, n - 1);
	query = strchr(line, '?');
	if (query)
		*query++ = '\0';
	len = strlen(line);
	if (url_unescape(line) > len || strlen(line) > len)
		abort();
	memset(&r, 0, sizeof(r));
	buf_init(&r.out);
	buf_init(&r.scratch);
	r.method = method;
	r.path = line;
	rt = route_find(method, line, &r, &known);
	route_methods(line, allow, sizeof(allow));
	if (rt) {
		if (!known || strcmp(rt->method, method))
			abort();
		check_match(rt, &r, line);
	} else if (known) {
		/* the Allow list is cut at 63 bytes: only check a whole one */
		if (!allow[0] || (strlen(allow) < 50 &&
				  strstr(allow, method) &&
				  strcmp(method, "PATCH") &&
				  strcmp(method, "POST")))
			abort();
	} else if (allow[0]) {
		abort();
	}
	if (query)
		parse_query(query);
	else
		nargs = 0;
	if (req_page(&r, &pg))
		check_error(&r);
	else if (pg.page < 1 || pg.page > (1LL << 40) || pg.per_page < 1 ||
		 pg.per_page > 200 || !page_has(&pg, (pg.page - 1) *
						pg.per_page))
		abort();
	task_query_init(&q);
	if (api_tasks_filters(&r, &q))
		check_error(&r);
	else if (q.quadrant < 0 || q.quadrant > 4 || q.f.goal_id < 0)
		abort();
	buf_release(&r.out);
	buf_release(&r.scratch);
	free(line);
	return 0;
}
