/*
 * /api/v1/milestones: a task's milestones (the task must be visible),
 * adding one (assigning work: the task-creation right) and marking one
 * done today (working on the task).
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/tasks.h"
#include "util/date.h"

#include <stdlib.h>
#include <string.h>

static int list_one(const struct milestone *m, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_milestone(&l->r->w, m);
	return 0;
}

void api_milestones_list(struct req *r)
{
	struct api_list s;
	struct err e = ERR_INIT;
	const char *v = req_query(r, "task_id");
	long long task_id = 0;
	char *end;

	if (!v) {
		reply_fail(r, LS_EINVAL, "task_id", "missing query parameter "
			   "task_id (the task whose milestones to list)");
		return;
	}
	task_id = strtoll(v, &end, 10);
	if (*end || end == v || task_id <= 0) {
		reply_fail(r, LS_EINVAL, "task_id", "invalid task id '%s'", v);
		return;
	}
	if (api_list_begin(&s, r))
		return;
	api_list_end(&s, svc_milestone_list(&r->ctx, task_id, list_one, &s,
					    &e), &e);
}

void api_milestones_create(struct req *r)
{
	const char *title = NULL;
	long long task_id = 0, id;
	int due = DATE_NONE;
	const struct jfield f[] = {
		{ "task_id", JT_ID, &task_id, NULL },
		{ "title", JT_STR, &title, NULL },
		{ "due", JT_DATE, &due, NULL },
	};
	struct err e = ERR_INIT;
	struct milestone m;

	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (!task_id) {
		reply_fail(r, LS_EINVAL, "task_id", "missing value for "
			   "task_id");
		return;
	}
	if (svc_milestone_add(&r->ctx, task_id, title, due, &id, &e)) {
		reply_error(r, &e);
		return;
	}
	/* the object `luoshi milestone add --json` prints */
	memset(&m, 0, sizeof(m));
	m.id = id;
	m.task_id = task_id;
	m.title = title;
	m.due = due;
	m.done_on = DATE_NONE;
	shape_milestone(reply_json(r, 201), &m);
}

void api_milestones_done(struct req *r)
{
	struct err e = ERR_INIT;
	struct milestone m;
	long long id;

	if (req_param_id(r, 0, "milestone", &id))
		return;
	memset(&m, 0, sizeof(m));
	buf_init(&m.arena);
	if (svc_milestone_done(&r->ctx, id, &m, &e))
		reply_error(r, &e);
	else
		shape_milestone(reply_json(r, 200), &m);
	buf_release(&m.arena);
}
