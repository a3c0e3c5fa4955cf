/*
 * Request body parsing (see body.h). Strings handed out point into the
 * parsed tree (r->json) or the form buffers, both freed with the request.
 */
#include "http/body.h"
#include "http/reply.h"
#include "util/date.h"
#include "util/utf8.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int bad(struct req *r, const char *field, const char *want,
	       const char *got)
{
	reply_fail(r, LS_EINVAL, field, "invalid value %s for %s (expected "
		   "%s)", got, field, want);
	return -1;
}

/* A key not in the list; an empty key ("") is blamed on the body. */
static int unknown(struct req *r, const char *key)
{
	reply_fail(r, LS_EINVAL, *key ? key : "body", "unknown field '%s'",
		   key);
	return -1;
}

static const char *json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

/* A type error naming the JSON value as sent (shortened), e.g. "x". */
static int bad_json(struct req *r, const char *field, const char *want,
		    const json_t *v)
{
	char *s = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	char got[96];

	if (s && strlen(s) > 80)
		snprintf(got, sizeof(got), "%.77s...", s);
	else
		snprintf(got, sizeof(got), "%s", s ? s : json_kind(v));
	free(s);
	return bad(r, field, want, got);
}

/* Joins an array of strings with ',' into a buffer kept by the request. */
static int join_list(struct req *r, const struct jfield *f, json_t *v)
{
	struct buf *b = &r->scratch;
	size_t i;
	json_t *x;

	if (json_is_string(v)) {
		*(const char **)f->out = json_string_value(v);
		return 0;
	}
	if (!json_is_array(v))
		return bad_json(r, f->name, "an array of strings", v);
	buf_reset(b);
	json_array_foreach(v, i, x) {
		if (!json_is_string(x))
			return bad_json(r, f->name, "an array of strings", x);
		if (i)
			buf_addch(b, ',');
		buf_adds(b, json_string_value(x));
	}
	*(const char **)f->out = b->len ? b->ptr : NULL;
	return 0;
}

static int date_value(struct req *r, const struct jfield *f, const char *s)
{
	int day;

	if (f->type == JT_MONTH) {
		if (!month_parse(s, &day)) {
			reply_fail(r, LS_EINVAL, f->name, "invalid month "
				   "'%s' for %s (expected YYYY-MM)", s,
				   f->name);
			return -1;
		}
	} else if (!date_parse(s, &day)) {
		reply_fail(r, LS_EINVAL, f->name, "invalid date '%s' for %s "
			   "(expected YYYY-MM-DD)", s, f->name);
		return -1;
	}
	*(int *)f->out = day;
	return 0;
}

static int one_json(struct req *r, const struct jfield *f, json_t *v)
{
	if (json_is_null(v)) {
		switch (f->type) {
		case JT_STR:
		case JT_LIST: *(const char **)f->out = NULL; return 0;
		case JT_JSON: *(json_t **)f->out = NULL; return 0;
		case JT_DATE: *(int *)f->out = DATE_NONE; return 0;
		case JT_ID: *(long long *)f->out = 0; return 0;
		default: return bad(r, f->name, "a value", "null");
		}
	}
	switch (f->type) {
	case JT_STR:
		if (!json_is_string(v))
			return bad_json(r, f->name, "a string", v);
		*(const char **)f->out = json_string_value(v);
		return 0;
	case JT_LIST:
		return join_list(r, f, v);
	case JT_JSON:
		*(json_t **)f->out = v;
		return 0;
	case JT_INT:
	case JT_ID:
		if (!json_is_integer(v))
			return bad_json(r, f->name, "an integer", v);
		if (f->type == JT_ID && json_integer_value(v) <= 0) {
			reply_fail(r, LS_EINVAL, f->name, "invalid %s %lld "
				   "(a positive id)", f->name,
				   (long long)json_integer_value(v));
			return -1;
		}
		*(long long *)f->out = json_integer_value(v);
		return 0;
	case JT_NUM:
		if (!json_is_number(v))
			return bad_json(r, f->name, "a number", v);
		*(double *)f->out = json_number_value(v);
		return 0;
	case JT_BOOL:
		if (!json_is_boolean(v))
			return bad_json(r, f->name, "true or false", v);
		*(bool *)f->out = json_is_true(v);
		return 0;
	case JT_DATE:
	case JT_MONTH:
		if (!json_is_string(v))
			return bad_json(r, f->name, "a date string", v);
		return date_value(r, f, json_string_value(v));
	}
	return 0;
}

static int parse_json(struct req *r, const struct jfield *fields, int n)
{
	json_error_t je;
	const char *key;
	json_t *v;

	if (!r->body.len) {
		reply_fail(r, LS_EINVAL, "body", "missing JSON body");
		return -1;
	}
	r->json = json_loadb(r->body.ptr, r->body.len, JSON_REJECT_DUPLICATES,
			     &je);
	if (!r->json) {
		reply_fail(r, LS_EINVAL, "body", "invalid JSON at line %d "
			   "column %d: %s", je.line, je.column, je.text);
		return -1;
	}
	if (!json_is_object(r->json)) {
		reply_fail(r, LS_EINVAL, "body", "the body must be a JSON "
			   "object, not %s", json_kind(r->json));
		return -1;
	}
	json_object_foreach(r->json, key, v) {
		int i;

		for (i = 0; i < n; i++)
			if (!strcmp(fields[i].name, key))
				break;
		if (i == n)
			return unknown(r, key);
		if (fields[i].seen)
			*fields[i].seen = true;
		if (one_json(r, &fields[i], v))
			return -1;
	}
	return 0;
}

static int one_text(struct req *r, const struct jfield *f, const char *s)
{
	char *end;
	char got[96];

	snprintf(got, sizeof(got), "'%.80s'", s);
	errno = 0;
	switch (f->type) {
	case JT_STR:
	case JT_LIST:
		*(const char **)f->out = s;
		return 0;
	case JT_INT:
	case JT_ID: {
		long long x = strtoll(s, &end, 10);

		if (errno || end == s || *end || (f->type == JT_ID && x <= 0))
			return bad(r, f->name, "an integer", got);
		*(long long *)f->out = x;
		return 0;
	}
	case JT_NUM: {
		double x = strtod(s, &end);

		if (errno || end == s || *end || !isfinite(x))
			return bad(r, f->name, "a number", got);
		*(double *)f->out = x;
		return 0;
	}
	case JT_BOOL:
		if (strcmp(s, "true") && strcmp(s, "false"))
			return bad(r, f->name, "true or false", got);
		*(bool *)f->out = !strcmp(s, "true");
		return 0;
	case JT_DATE:
	case JT_MONTH:
		return date_value(r, f, s);
	case JT_JSON:
		return bad(r, f->name, "a JSON body", got);
	}
	return 0;
}

static int parse_form(struct req *r, const struct jfield *fields, int n)
{
	for (int k = 0; k < r->nfields; k++) {
		const char *name = r->fields[k].name;
		const char *s = r->fields[k].value.ptr;
		int i;

		if (!name)
			continue;
		for (i = 0; i < n; i++)
			if (!strcmp(fields[i].name, name))
				break;
		if (i == n)
			return unknown(r, name);
		if (!utf8_valid(s, r->fields[k].value.len) ||
		    strlen(s) != r->fields[k].value.len) {
			reply_fail(r, LS_EINVAL, name, "invalid UTF-8 in %s",
				   name);
			return -1;
		}
		if (fields[i].seen)
			*fields[i].seen = true;
		if (one_text(r, &fields[i], s))
			return -1;
	}
	return 0;
}

int body_parse(struct req *r, const struct jfield *fields, int n)
{
	const char *ct = req_header(r, "Content-Type");

	if (r->multipart)
		return parse_form(r, fields, n);
	if (!ct || strncasecmp(ct, "application/json", 16) ||
	    (ct[16] && ct[16] != ';' && ct[16] != ' ')) {
		reply_fail(r, LS_EMEDIA, "Content-Type", "the body must be "
			   "application/json, not '%s'", ct ? ct : "");
		return -1;
	}
	return parse_json(r, fields, n);
}
