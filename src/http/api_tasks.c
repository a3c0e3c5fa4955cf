/*
 * /api/v1/tasks: list (the CLI's filters, paging), create, show, PATCH,
 * timeline and the actions of the life cycle; /api/v1/export/tasks, the
 * list as a CSV or XLSX download. Every rule is in svc/.
 */
#include "http/body.h"
#include "http/cache.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/export.h"
#include "svc/tasks.h"
#include "util/date.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void reply_task(struct req *r, int status, const struct task *t)
{
	struct task_view v;

	task_view_of(&v, t, r->ctx.today, &r->ctx.settings);
	shape_task(reply_json(r, status), t, &v);
	reply_etag(r, t->version);
}

struct list_state {
	struct req *r;
	struct page p;
};

static int list_one(const struct task *t, const struct task_view *v,
		    void *arg)
{
	struct list_state *s = arg;

	if (page_has(&s->p, s->p.total))
		shape_task(&s->r->w, t, v);
	s->p.total++;
	return 0;
}

static int page_row(const struct task *t, const struct task_view *v,
		    void *arg)
{
	shape_task(arg, t, v);
	return 0;
}

/*
 * The cache key of a list's count: everything that decides the matches
 * (scope and login, every filter, the day, the database version). Returns
 * -1 after an error reply; an empty key (too long to keep) means no cache.
 */
static int count_key(struct req *r, const struct task_query *q, char *key,
		     size_t n)
{
	struct err e = ERR_INIT;
	long long version = cache_version(r->ctx.st, &e);
	char due[DATE_STRLEN];
	int len;

	if (version < 0) {
		reply_error(r, &e);
		return -1;
	}
	len = snprintf(key, n, "count|%s|%s|%s|%d|%u|%d|%d|%s|%s|%lld|%s|"
		       "%d|%lld", r->ctx.actor.scope.all ? "*" :
		       r->ctx.actor.scope.path, r->ctx.actor.login,
		       q->unit ? q->unit : "",
		       q->has_light ? (int)q->light : -1, q->f.status_mask,
		       q->quadrant, q->f.key_only,
		       q->f.owner ? q->f.owner : "",
		       date_format(q->f.due_before, due), q->f.goal_id,
		       q->f.search ? q->f.search : "", r->ctx.today, version);
	if (len < 0 || (size_t)len >= n)
		key[0] = '\0';
	return 0;
}

/* Reads the CLI's filters from the query string; -1 after a 400. */
int api_tasks_filters(struct req *r, struct task_query *q)
{
	const char *v;
	char *end;

	q->unit = req_query(r, "unit");
	if ((v = req_query(r, "light"))) {
		if (!light_parse(v, &q->light)) {
			reply_fail(r, LS_EINVAL, "light", "invalid light '%s' "
				   "(red, yellow, green, done, late, none)",
				   v);
			return -1;
		}
		q->has_light = true;
	}
	if ((v = req_query(r, "status"))) {
		/* one status, or several separated by ',' */
		char one[16];
		const char *p = v;

		while (*p) {
			size_t n = strcspn(p, ",");
			enum task_status st;

			snprintf(one, sizeof(one), "%.*s", (int)n, p);
			if (n >= sizeof(one) || !task_status_parse(one, &st)) {
				reply_fail(r, LS_EINVAL, "status", "invalid "
					   "status '%s' (open, doing, review, "
					   "done, cancelled)", v);
				return -1;
			}
			q->f.status_mask |= 1u << st;
			p += n + (p[n] == ',');
		}
	}
	if ((v = req_query(r, "quadrant")) && !(q->quadrant =
						 quadrant_parse(v))) {
		reply_fail(r, LS_EINVAL, "quadrant", "invalid quadrant '%s' "
			   "(Q1, Q2, Q3, Q4)", v);
		return -1;
	}
	q->f.owner = req_query(r, "owner");
	if ((v = req_query(r, "key"))) {
		if (strcmp(v, "true") && strcmp(v, "false")) {
			reply_fail(r, LS_EINVAL, "key", "invalid key '%s' "
				   "(true or false)", v);
			return -1;
		}
		q->f.key_only = !strcmp(v, "true");
	}
	if ((v = req_query(r, "due_before")) &&
	    !date_parse(v, &q->f.due_before)) {
		reply_fail(r, LS_EINVAL, "due_before", "invalid date '%s' for "
			   "due_before (expected YYYY-MM-DD)", v);
		return -1;
	}
	if ((v = req_query(r, "goal"))) {
		q->f.goal_id = strtoll(v, &end, 10);
		if (*end || end == v || q->f.goal_id <= 0) {
			reply_fail(r, LS_EINVAL, "goal", "invalid goal id '%s'",
				   v);
			return -1;
		}
	}
	q->f.search = req_query(r, "search");
	if (!q->f.search)
		q->f.search = req_query(r, "q");
	return 0;
}

void api_tasks_list(struct req *r)
{
	struct list_state s = { r, { 0, 0, 0 } };
	struct task_query q;
	struct err e = ERR_INIT;
	bool locked = false;
	char key[1024];
	const char *sort = req_query(r, "sort");
	enum lserr rc;

	task_query_init(&q);
	if (req_page(r, &s.p) || api_tasks_filters(r, &q))
		return;
	if (sort && strcmp(sort, "id") && strcmp(sort, "urgency")) {
		reply_fail(r, LS_EINVAL, "sort", "invalid sort '%s' (id or "
			   "urgency)", sort);
		return;
	}
	if (count_key(r, &q, key, sizeof(key)))
		return;
	if (sort && !strcmp(sort, "urgency")) {
		/* ranked: every match is visited and counted anyway */
		key[0] = '\0';
		s.p.total = 0;
	} else {
		s.p.total = -1;
	}
	if (key[0] && !cache_get(key, &r->scratch)) {
		/* count once for a burst of identical requests */
		cache_fill_lock();
		locked = true;
		cache_get(key, &r->scratch);
	}
	if (r->scratch.len)
		s.p.total = strtoll(r->scratch.ptr, NULL, 10);
	jw_arr(reply_json(r, 200));
	if (sort && !strcmp(sort, "urgency"))
		rc = svc_task_next(&r->ctx, &q, list_one, &s, &e);
	else
		rc = svc_task_page(&r->ctx, &q, (s.p.page - 1) * s.p.per_page,
				   s.p.per_page, page_row, &r->w,
				   &s.p.total, &e);
	if (!rc && key[0] && !r->scratch.len) {
		char n[32];

		snprintf(n, sizeof(n), "%lld", s.p.total);
		cache_put(key, n);
	}
	if (locked)
		cache_fill_unlock();
	if (rc) {
		reply_error(r, &e);
		return;
	}
	jw_arr_end(&r->w);
	reply_page_headers(r, &s.p);
}

void api_tasks_show(struct req *r)
{
	struct err e = ERR_INIT;
	struct task t;
	long long id;

	if (req_param_id(r, 0, "task", &id))
		return;
	task_init(&t);
	if (svc_task_get(&r->ctx, id, &t, &e))
		reply_error(r, &e);
	else
		reply_task(r, 200, &t);
	task_release(&t);
}

void api_tasks_timeline(struct req *r)
{
	struct err e = ERR_INIT;
	long long id;

	if (req_param_id(r, 0, "task", &id))
		return;
	if (svc_task_timeline(&r->ctx, id, reply_json(r, 200), &e))
		reply_error(r, &e);
}

void api_tasks_create(struct req *r)
{
	struct task_input in;
	struct err e = ERR_INIT;
	struct task t;
	bool daily = false, important = false, key = false;
	long long within = -1;
	const char *within_unit = NULL;
	const struct jfield f[] = {
		{ "title", JT_STR, &in.title, NULL },
		{ "description", JT_STR, &in.description, NULL },
		{ "lead", JT_STR, &in.lead, NULL },
		{ "co", JT_LIST, &in.co, NULL },
		{ "owner", JT_STR, &in.owner, NULL },
		{ "leader", JT_STR, &in.leader, NULL },
		{ "goal_id", JT_ID, &in.goal_id, NULL },
		{ "source", JT_STR, &in.source, NULL },
		{ "important", JT_BOOL, &important, NULL },
		{ "key", JT_BOOL, &key, NULL },
		{ "daily", JT_BOOL, &daily, NULL },
		{ "start", JT_DATE, &in.start, NULL },
		{ "due", JT_DATE, &in.due, NULL },
		{ "within", JT_INT, &within, NULL },
		{ "within_unit", JT_STR, &within_unit, NULL },
	};

	task_input_init(&in);
	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	in.important = important;
	in.key = key;
	in.daily = daily;
	if (within >= 0) {
		if (within > 3650) {
			reply_fail(r, LS_EINVAL, "within", "invalid within "
				   "%lld (0..3650)", within);
			return;
		}
		in.within = (int)within;
		in.within_workdays = !within_unit ||
			!strcmp(within_unit, "wd");
		if (within_unit && strcmp(within_unit, "wd") &&
		    strcmp(within_unit, "d")) {
			reply_fail(r, LS_EINVAL, "within_unit", "invalid "
				   "within_unit '%s' (wd or d)", within_unit);
			return;
		}
	}
	task_init(&t);
	if (svc_task_add(&r->ctx, &in, &t, &e)) {
		reply_error(r, &e);
	} else {
		char loc[64];

		reply_task(r, 201, &t);
		snprintf(loc, sizeof(loc), "/api/v1/tasks/%lld", t.id);
		req_set_header(r, "Location", loc);
	}
	task_release(&t);
}

void api_tasks_patch(struct req *r)
{
	struct task_edit ed;
	struct err e = ERR_INIT;
	struct task t;
	long long id;
	bool due_seen = false;
	int due = DATE_NONE;
	const struct jfield f[] = {
		{ "title", JT_STR, &ed.in.title, &ed.set_title },
		{ "description", JT_STR, &ed.in.description,
		  &ed.set_description },
		{ "co", JT_LIST, &ed.in.co, &ed.set_co },
		{ "owner", JT_STR, &ed.in.owner, &ed.set_owner },
		{ "leader", JT_STR, &ed.in.leader, &ed.set_leader },
		{ "goal_id", JT_ID, &ed.in.goal_id, &ed.set_goal },
		{ "source", JT_STR, &ed.in.source, &ed.set_source },
		{ "important", JT_BOOL, &ed.in.important, &ed.set_important },
		{ "key", JT_BOOL, &ed.in.key, &ed.set_key },
		{ "start", JT_DATE, &ed.in.start, &ed.set_start },
		{ "due", JT_DATE, &due, &due_seen },
	};

	memset(&ed, 0, sizeof(ed));
	task_input_init(&ed.in);
	if (req_param_id(r, 0, "task", &id) ||
	    req_if_match(r, &ed.if_version) ||
	    body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (due_seen) {
		reply_fail(r, LS_EINVAL, "due", "the due date changes only by "
			   "extension: POST /api/v1/tasks/%lld/extend", id);
		return;
	}
	task_init(&t);
	if (svc_task_edit(&r->ctx, id, &ed, &t, &e))
		reply_error(r, &e);
	else
		reply_task(r, 200, &t);
	task_release(&t);
}

static const struct {
	const char *name;
	enum task_action action;
} actions[] = {
	{ "ack", TASK_ACK }, { "report", TASK_REPORT },
	{ "submit", TASK_SUBMIT }, { "close", TASK_CLOSE },
	{ "reject", TASK_REJECT }, { "reopen", TASK_REOPEN },
	{ "cancel", TASK_CANCEL }, { "urge", TASK_URGE },
	{ "instruct", TASK_INSTRUCT }, { "extend", TASK_EXTEND },
	{ "risk", TASK_RISK },
};

void api_tasks_action(struct req *r)
{
	struct evidence_blob blobs[HTTP_MAX_FILES];
	struct task_args a;
	struct err e = ERR_INIT;
	struct task t;
	long long id, percent = -1;
	const char *verb = strrchr(r->path, '/') + 1;
	size_t i = 0;
	const struct jfield f[] = {
		{ "percent", JT_INT, &percent, NULL },
		{ "note", JT_STR, &a.note, NULL },
		{ "reason", JT_STR, &a.reason, NULL },
		{ "to", JT_DATE, &a.to_due, NULL },
		{ "description", JT_STR, &a.description, NULL },
		{ "plan", JT_STR, &a.plan, NULL },
		{ "level", JT_STR, &a.level, NULL },
	};

	while (strcmp(actions[i].name, verb))
		i++;
	task_args_init(&a);
	if (req_param_id(r, 0, "task", &id) || req_if_match(r, &a.if_version))
		return;
	/* actions without fields may come with an empty body */
	if ((r->body.len || r->multipart) &&
	    body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (percent != -1 && (percent < 0 || percent > 100)) {
		reply_fail(r, LS_EINVAL, "percent", "invalid percent %lld "
			   "(0..100)", percent);
		return;
	}
	a.percent = (int)percent;
	for (int k = 0; k < r->nfiles; k++) {
		blobs[k].name = r->files[k].name;
		blobs[k].data = r->files[k].data.ptr;
		blobs[k].len = r->files[k].data.len;
	}
	if (r->nfiles && actions[i].action != TASK_REPORT) {
		reply_fail(r, LS_EINVAL, "evidence", "files go with report "
			   "only");
		return;
	}
	a.blobs = blobs;
	a.nblobs = r->nfiles;
	task_init(&t);
	if (svc_task_act(&r->ctx, id, actions[i].action, &a, &t, &e))
		reply_error(r, &e);
	else
		reply_task(r, 200, &t);
	task_release(&t);
}

/*
 * GET /api/v1/export/tasks?format=csv|xlsx&lang=…&<list filters>: the
 * task list's matches (same filters and scope, all of them) as a file
 * download. Written to a temporary file, which is unlinked at once and
 * sent from its descriptor.
 */
void api_export_tasks(struct req *r)
{
	const char *fmt = req_query(r, "format"), *lang_s = req_query(r,
								      "lang");
	char tmp[512], name[64], day[DATE_STRLEN];
	struct err e = ERR_INIT;
	struct task_query q;
	enum doc_format f;
	enum lang lang;
	struct stat st;
	long long n;
	int fd;

	task_query_init(&q);
	if (api_tasks_filters(r, &q))
		return;
	if (export_format(fmt ? fmt : "csv", NULL, &f, &e)) {
		reply_error(r, &e);
		return;
	}
	if (lang_s && !lang_parse(lang_s, &lang)) {
		reply_fail(r, LS_EINVAL, "lang", "invalid lang '%s' (zh-CN or "
			   "en)", lang_s);
		return;
	}
	if (!lang_s)
		lang = lang_from_accept(req_header(r, "Accept-Language"));
	snprintf(tmp, sizeof(tmp), "%s/luoshi-export-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(tmp)) < 0) {
		reply_fail(r, LS_EFAIL, NULL, "cannot create a temporary file "
			   "in '%s': %s", tmp, strerror(errno));
		return;
	}
	close(fd);
	if (svc_export_tasks(&r->ctx, &q, f, lang, tmp, &n, &e)) {
		unlink(tmp);
		reply_error(r, &e);
		return;
	}
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	unlink(tmp);
	if (fd < 0 || fstat(fd, &st)) {
		if (fd >= 0)
			close(fd);
		reply_fail(r, LS_EFAIL, NULL, "cannot read the export: %s",
			   strerror(errno));
		return;
	}
	r->status = 200;
	r->body_fd = fd;
	r->body_fd_len = st.st_size;
	req_set_header(r, "Content-Type", f == DOC_CSV ?
		       "text/csv; charset=utf-8" :
		       "application/vnd.openxmlformats-officedocument."
		       "spreadsheetml.sheet");
	snprintf(name, sizeof(name), "attachment; filename=\"tasks-%s.%s\"",
		 date_format(r->ctx.today, day), doc_format_name(f));
	req_set_header(r, "Content-Disposition", name);
	snprintf(name, sizeof(name), "%lld", n);
	req_set_header(r, "X-Total-Count", name);
}
