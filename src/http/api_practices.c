/*
 * /api/v1/practices: the practice library (经验), objects exactly as
 * `luoshi practice … --json` prints them. Lists filter like the CLI
 * (?search=&tag=&unit=&promoted=true); tags, tasks and goals travel as
 * JSON arrays. POST /practices/{id}/promote and
 * POST /commendations/{id}/practice take an optional body.
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/practices.h"

#include <stdio.h>
#include <string.h>

/* The arrays of a practice body, kept while the request lives. */
struct arrays {
	const char *tags[PRACTICE_MAX_TAGS + 1];
	long long tasks[PRACTICE_MAX_LINKS + 1];
	long long goals[PRACTICE_MAX_LINKS + 1];
};

/* A JSON array of strings into out (at most max); -1 after a 400. */
static int strings(struct req *r, const char *field, json_t *a,
		   const char **out, size_t max, size_t *n)
{
	size_t i;
	json_t *x;

	*n = 0;
	if (!a)
		return 0;
	if (!json_is_array(a)) {
		reply_fail(r, LS_EINVAL, field, "invalid value for %s "
			   "(expected an array of strings)", field);
		return -1;
	}
	if (json_array_size(a) > max) {
		reply_fail(r, LS_EINVAL, field, "too many %s (%zu, at most "
			   "%zu)", field, json_array_size(a), max);
		return -1;
	}
	json_array_foreach(a, i, x) {
		if (!json_is_string(x)) {
			reply_fail(r, LS_EINVAL, field, "invalid value in %s "
				   "(expected strings)", field);
			return -1;
		}
		out[(*n)++] = json_string_value(x);
	}
	return 0;
}

/* A JSON array of positive ids into out; -1 after a 400. */
static int ids(struct req *r, const char *field, json_t *a, long long *out,
	       size_t *n)
{
	size_t i;
	json_t *x;

	*n = 0;
	if (!a)
		return 0;
	if (!json_is_array(a) || json_array_size(a) > PRACTICE_MAX_LINKS) {
		reply_fail(r, LS_EINVAL, field, "invalid value for %s "
			   "(expected an array of at most %d ids)", field,
			   PRACTICE_MAX_LINKS);
		return -1;
	}
	json_array_foreach(a, i, x) {
		if (!json_is_integer(x) || json_integer_value(x) <= 0) {
			reply_fail(r, LS_EINVAL, field, "invalid value in %s "
				   "(expected positive integer ids)", field);
			return -1;
		}
		out[(*n)++] = (long long)json_integer_value(x);
	}
	return 0;
}

static int practice_one(const struct practice *p, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_practice(&l->r->w, p);
	return 0;
}

void api_practices_list(struct req *r)
{
	struct practice_query q;
	struct api_list l;
	struct err e = ERR_INIT;
	const char *v;

	memset(&q, 0, sizeof(q));
	q.search = req_query(r, "search");
	q.tag = req_query(r, "tag");
	q.unit = req_query(r, "unit");
	if ((v = req_query(r, "promoted"))) {
		if (strcmp(v, "true") && strcmp(v, "false")) {
			reply_fail(r, LS_EINVAL, "promoted", "invalid "
				   "promoted '%s' (true or false)", v);
			return;
		}
		q.promoted_only = !strcmp(v, "true");
	}
	if (q.search && !*q.search)
		q.search = NULL;
	if (q.tag && !*q.tag)
		q.tag = NULL;
	if (q.unit && !*q.unit)
		q.unit = NULL;
	if (api_list_begin(&l, r))
		return;
	api_list_end(&l, svc_practice_list(&r->ctx, &q, practice_one, &l,
					   &e), &e);
}

/* Answers p with `status` (201 with its Location). */
static void reply_practice(struct req *r, const struct practice *p,
			   int status)
{
	char loc[64];

	if (status == 201) {
		snprintf(loc, sizeof(loc), "/api/v1/practices/%lld", p->id);
		req_set_header(r, "Location", loc);
	}
	shape_practice(reply_json(r, status), p);
}

void api_practices_show(struct req *r)
{
	struct practice p;
	struct err e = ERR_INIT;
	long long id;

	if (req_param_id(r, 0, "practice", &id))
		return;
	practice_init(&p);
	if (svc_practice_get(&r->ctx, id, &p, &e))
		reply_error(r, &e);
	else
		reply_practice(r, &p, 200);
	practice_release(&p);
}

/*
 * Parses a practice body (unit only when `with_unit`); -1 after a 400.
 * The arrays are read from the parsed tree after body_parse checked the
 * field names.
 */
static int practice_body(struct req *r, struct practice_input *in,
			 struct arrays *a, bool with_unit)
{
	json_t *tags = NULL, *tasks = NULL, *goals = NULL;
	const struct jfield f[] = {
		{ "title", JT_STR, &in->title, NULL },
		{ "body", JT_STR, &in->body, NULL },
		{ "tags", JT_JSON, &tags, NULL },
		{ "unit", JT_STR, &in->unit, NULL },
		{ "tasks", JT_JSON, &tasks, NULL },
		{ "goals", JT_JSON, &goals, NULL },
	};

	memset(in, 0, sizeof(*in));
	if (body_parse(r, f, with_unit ? 6 : 3) ||
	    strings(r, "tags", tags, a->tags, PRACTICE_MAX_TAGS,
		    &in->ntags) ||
	    ids(r, "tasks", tasks, a->tasks, &in->ntasks) ||
	    ids(r, "goals", goals, a->goals, &in->ngoals))
		return -1;
	in->tags = a->tags;
	in->tasks = a->tasks;
	in->goals = a->goals;
	return 0;
}

void api_practices_create(struct req *r)
{
	struct practice_input in;
	struct arrays a;
	struct practice p;
	struct err e = ERR_INIT;

	if (practice_body(r, &in, &a, true))
		return;
	practice_init(&p);
	if (svc_practice_add(&r->ctx, &in, &p, &e))
		reply_error(r, &e);
	else
		reply_practice(r, &p, 201);
	practice_release(&p);
}

void api_practices_promote(struct req *r)
{
	const char *note = NULL;
	const struct jfield f[] = {
		{ "note", JT_STR, &note, NULL },
	};
	struct practice p;
	struct err e = ERR_INIT;
	long long id;

	if (req_param_id(r, 0, "practice", &id) ||
	    (r->body.len && body_parse(r, f, 1)))
		return;
	practice_init(&p);
	if (svc_practice_promote(&r->ctx, id, note, &p, &e))
		reply_error(r, &e);
	else
		reply_practice(r, &p, 200);
	practice_release(&p);
}

void api_commendations_practice(struct req *r)
{
	struct practice_input in;
	struct arrays a;
	struct practice p;
	struct err e = ERR_INIT;
	long long id;

	memset(&in, 0, sizeof(in));
	if (req_param_id(r, 0, "commendation", &id) ||
	    (r->body.len && practice_body(r, &in, &a, false)))
		return;
	practice_init(&p);
	if (svc_practice_from_merit(&r->ctx, id, &in, &p, &e))
		reply_error(r, &e);
	else
		reply_practice(r, &p, 201);
	practice_release(&p);
}
