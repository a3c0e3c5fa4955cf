/*
 * Task writes (see tasks.h): creation and the actions of the life cycle.
 * Reads and views are in task_views.c.
 */
#include "svc/tasks.h"
#include "svc/audit.h"
#include "svc/evidence.h"
#include "svc/units.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

void task_input_init(struct task_input *in)
{
	memset(in, 0, sizeof(*in));
	in->start = in->due = DATE_NONE;
	in->within = -1;
}

void task_args_init(struct task_args *a)
{
	memset(a, 0, sizeof(*a));
	a->percent = -1;
	a->to_due = DATE_NONE;
}

static enum lserr log_event(struct ctx *c, long long task_id,
			    const char *kind, const char *note, struct err *e);

/*
 * Commits the write and reads the task back as stored (for the answer);
 * out NULL (an import's rows) skips the read.
 */
static enum lserr commit_and_read(struct ctx *c, long long id,
				  struct task *out, struct err *e)
{
	enum lserr rc = store_commit(c->st, e);

	return rc || !out ? rc : store_task_get(c->st, id, NULL, out, e);
}

static char *task_json(const struct task *t)
{
	struct jw_text x;

	shape_task(jw_text_begin(&x), t, NULL);
	return jw_text_end(&x);
}

/*
 * Normalises a co-unit list ("A、B;C" → "A,B,C"), checking each unit
 * exists, is not the lead and is listed once. Returns a new string or NULL
 * (none); *rc tells errors apart.
 */
static char *co_units(struct ctx *c, const char *co, const char *lead,
		      enum lserr *rc, struct err *e)
{
	struct buf out = BUF_INIT;
	struct unit u;
	char *list = xstrdup(co), *p = list;

	*rc = LS_OK;
	unit_init(&u);
	while (p && *p) {
		char *sep = strpbrk(p, ",;");
		char *dun = strstr(p, "、");
		char *next = NULL;

		if (dun && (!sep || dun < sep)) {
			*dun = '\0';
			next = dun + strlen("、");
		} else if (sep) {
			*sep = '\0';
			next = sep + 1;
		}
		while (*p == ' ')
			p++;
		for (char *end = p + strlen(p); end > p && end[-1] == ' ';)
			*--end = '\0';
		if (*p) {
			char needle[UNIT_CODE_MAX + 3];

			*rc = svc_unit_get(c, p, "co", &u, e);
			if (*rc != LS_OK)
				break;
			if (!strcmp(p, lead)) {
				*rc = err_set(e, LS_EINVAL, "co",
					      "co-unit '%s' is the lead unit",
					      p);
				break;
			}
			snprintf(needle, sizeof(needle), ",%s,", p);
			buf_addch(&out, ',');
			if (strstr(out.ptr, needle)) {
				*rc = err_set(e, LS_EINVAL, "co", "co-unit "
					      "'%s' listed twice", p);
				break;
			}
			buf_adds(&out, p);
			buf_addch(&out, ',');
			buf_setlen(&out, out.len - 1);
		}
		p = next;
	}
	unit_release(&u);
	free(list);
	if (*rc != LS_OK || !out.len) {
		buf_release(&out);
		return NULL;
	}
	/* drop the leading ',' */
	memmove(out.ptr, out.ptr + 1, out.len);
	out.len--;
	return buf_detach(&out);
}

/* An owner or leader must be a user the actor can see (SPEC §1). */
static enum lserr check_person(struct ctx *c, const char *login,
			       const char *field, struct err *e)
{
	struct user u;
	enum lserr rc;

	if (!login)
		return LS_OK;
	user_init(&u);
	rc = svc_user_get(c, login, field, &u, e);
	if (rc == LS_OK && !scope_covers(&c->actor.scope, u.unit_path))
		rc = err_set(e, LS_ENOTFOUND, field, "user '%s' not found",
			     login);
	user_release(&u);
	return rc;
}

static enum lserr task_validate(struct ctx *c, const struct task_input *in,
				int *due, struct err *e)
{
	enum lserr rc;
	int ways = (in->due != DATE_NONE) + (in->within >= 0) + in->daily;

	if ((rc = check_text("title", in->title, 500, true, e)) ||
	    (rc = check_text("description", in->description, 0, false, e)) ||
	    (rc = check_text("source", in->source, 200, false, e)))
		return rc;
	if (!in->lead)
		return err_set(e, LS_EINVAL, "lead", "missing --lead");
	if (ways != 1)
		return err_set(e, LS_EINVAL, "due", "give exactly one of "
			       "--due, --within or --daily");
	if (in->daily) {
		*due = c->today;
	} else if (in->within >= 0) {
		const struct calendar *cal;

		if (in->within > 3650)
			return err_set(e, LS_EINVAL, "within", "invalid "
				       "value '%d' for --within (at most "
				       "3650)", in->within);
		if (!in->within_workdays) {
			*due = c->today + in->within;
		} else {
			if (!(cal = ctx_calendar(c, e)))
				return e->code;
			*due = calendar_add_workdays(cal, c->today,
						     in->within);
		}
	} else {
		*due = in->due;
	}
	if (in->start != DATE_NONE && in->start > *due) {
		char s[DATE_STRLEN], d[DATE_STRLEN];

		return err_set(e, LS_EINVAL, "start", "start '%s' is after "
			       "due '%s'", date_format(in->start, s),
			       date_format(*due, d));
	}
	return LS_OK;
}

enum lserr svc_task_add(struct ctx *c, const struct task_input *in,
			struct task *out, struct err *e)
{
	struct unit lead;
	struct goal g;
	struct task t;
	struct task_event ev;
	char *co = NULL, *json = NULL;
	long long id;
	int due = DATE_NONE;
	enum lserr rc;

	if ((rc = task_validate(c, in, &due, e)) != LS_OK)
		return rc;
	if ((rc = ctx_require(c, PERM_TASK_CREATE, e)) != LS_OK)
		return rc;
	unit_init(&lead);
	goal_init(&g);
	task_init(&t);
	memset(&ev, 0, sizeof(ev));
	if ((rc = store_begin(c->st, e)) != LS_OK)
		goto out;
	if ((rc = svc_unit_in_scope(c, in->lead, "lead", &lead, e)))
		goto fail;
	if (in->co && (co = co_units(c, in->co, in->lead, &rc, e), rc))
		goto fail;
	if ((rc = check_person(c, in->owner, "owner", e)) ||
	    (rc = check_person(c, in->leader, "leader", e)))
		goto fail;
	if (in->goal_id && (rc = store_goal_get(c->st, in->goal_id, &g, e))) {
		if (rc == LS_ENOTFOUND)
			err_set(e, rc, "goal_id", "goal '%lld' not found",
				in->goal_id);
		goto fail;
	}
	t.title = in->title;
	t.description = in->description && *in->description ?
		in->description : NULL;
	t.lead = in->lead;
	t.co = co;
	t.owner = in->owner;
	t.leader = in->leader;
	t.source = in->source && *in->source ? in->source : NULL;
	t.goal_id = in->goal_id;
	t.important = in->important;
	t.key = in->key;
	t.daily = in->daily;
	t.start = in->start;
	t.due = t.orig_due = due;
	t.percent = 0;
	t.status = TASK_OPEN;
	t.created_at = c->now;
	t.created_on = t.activity_on = c->today;
	t.version = 1;
	if ((rc = store_task_insert(c->st, &t, &id, e)) != LS_OK)
		goto fail;
	t.id = id;
	ev.task_id = id;
	ev.at = c->now;
	ev.by = c->actor.login;
	ev.kind = "create";
	if ((rc = store_event_insert(c->st, &ev, &ev.id, e)) != LS_OK)
		goto fail;
	json = task_json(&t);
	if ((rc = audit_record_id(c, "task.add", "task", id, NULL, json, e)))
		goto fail;
	rc = commit_and_read(c, id, out, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(co);
	free(json);
	unit_release(&lead);
	goal_release(&g);
	buf_release(&t.arena);
	return rc;
}

enum lserr svc_task_edit(struct ctx *c, long long id,
			 const struct task_edit *ed, struct task *out,
			 struct err *e)
{
	const struct task_input *in = &ed->in;
	struct task t;
	struct goal g;
	char *co = NULL, *before = NULL, *after = NULL;
	enum lserr rc;

	if ((ed->set_title &&
	     (rc = check_text("title", in->title, 500, true, e))) ||
	    (ed->set_description &&
	     (rc = check_text("description", in->description, 0, false, e))) ||
	    (ed->set_source &&
	     (rc = check_text("source", in->source, 200, false, e))))
		return rc;
	task_init(&t);
	goal_init(&g);
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = svc_task_get(c, id, &t, e)) ||
	    (rc = ctx_require(c, PERM_TASK_CREATE, e)))
		goto fail;
	if (ed->if_version && ed->if_version != t.version) {
		rc = err_set(e, LS_EVERSION, "version", "task %lld has "
			     "version %lld, not %lld", id, t.version,
			     ed->if_version);
		goto fail;
	}
	if (task_status_final(t.status)) {
		rc = err_set(e, LS_ECONFLICT, "status", "cannot edit a task "
			     "whose status is '%s'",
			     task_status_name(t.status));
		goto fail;
	}
	if (ed->set_co && in->co && (co = co_units(c, in->co, t.lead, &rc, e),
				     rc))
		goto fail;
	if ((ed->set_owner && (rc = check_person(c, in->owner, "owner", e))) ||
	    (ed->set_leader &&
	     (rc = check_person(c, in->leader, "leader", e))))
		goto fail;
	if (ed->set_goal && in->goal_id &&
	    (rc = store_goal_get(c->st, in->goal_id, &g, e))) {
		if (rc == LS_ENOTFOUND)
			err_set(e, rc, "goal_id", "goal '%lld' not found",
				in->goal_id);
		goto fail;
	}
	if (ed->set_start && in->start != DATE_NONE && in->start > t.due) {
		rc = err_set(e, LS_EINVAL, "start", "start is after the due "
			     "date");
		goto fail;
	}
	before = task_json(&t);
	if (ed->set_title)
		t.title = in->title;
	if (ed->set_description)
		t.description = in->description && *in->description ?
			in->description : NULL;
	if (ed->set_co)
		t.co = co;
	if (ed->set_owner)
		t.owner = in->owner;
	if (ed->set_leader)
		t.leader = in->leader;
	if (ed->set_goal)
		t.goal_id = in->goal_id;
	if (ed->set_source)
		t.source = in->source && *in->source ? in->source : NULL;
	if (ed->set_important)
		t.important = in->important;
	if (ed->set_key)
		t.key = in->key;
	if (ed->set_start)
		t.start = in->start;
	if ((rc = store_task_update(c->st, &t, e)))
		goto fail;
	t.version++;
	after = task_json(&t);
	if ((rc = log_event(c, id, "edit", NULL, e)) ||
	    (rc = audit_record_id(c, "task.edit", "task", id, before, after,
				  e)))
		goto fail;
	rc = commit_and_read(c, id, out, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(co);
	free(before);
	free(after);
	goal_release(&g);
	task_release(&t);
	return rc;
}

enum lserr svc_task_get(struct ctx *c, long long id, struct task *out,
			struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_READ, e)) != LS_OK)
		return rc;
	rc = store_task_get(c->st, id, &c->actor.scope, out, e);
	if (rc == LS_ENOTFOUND)
		err_set(e, rc, "id", "task '%lld' not found", id);
	return rc;
}

static enum perm action_perm(enum task_action a)
{
	switch (a) {
	case TASK_ACK:
	case TASK_REPORT:
	case TASK_SUBMIT:
	case TASK_RISK:
	case TASK_MILESTONE:
		return PERM_TASK_WORK;
	case TASK_CLOSE:
	case TASK_REJECT:
		return PERM_TASK_APPROVE;
	case TASK_REOPEN:
	case TASK_CANCEL:
	case TASK_URGE:
	case TASK_EXTEND:
		return PERM_TASK_SUPERVISE;
	case TASK_INSTRUCT:
		return PERM_TASK_INSTRUCT;
	}
	return PERM_ADMIN;
}

/* Checks the arguments an action needs, before anything is read. */
static enum lserr args_validate(enum task_action a, const struct task_args *x,
				struct err *e)
{
	enum risk_level lvl;
	enum lserr rc = LS_OK;

	switch (a) {
	case TASK_REPORT:
		if (x->percent < 0 || x->percent > 100)
			return err_set(e, LS_EINVAL, "percent", "missing or "
				       "invalid --percent (0..100)");
		return check_text("note", x->note, 0, false, e);
	case TASK_URGE:
	case TASK_INSTRUCT:
		return check_text("note", x->note, 0, true, e);
	case TASK_REJECT:
	case TASK_REOPEN:
	case TASK_CANCEL:
		return check_text("reason", x->reason, 0, true, e);
	case TASK_EXTEND:
		if (x->to_due == DATE_NONE)
			return err_set(e, LS_EINVAL, "to", "missing --to");
		return check_text("reason", x->reason, 0, true, e);
	case TASK_RISK:
		if ((rc = check_text("description", x->description, 0, true,
				     e)) ||
		    (rc = check_text("plan", x->plan, 0, true, e)))
			return rc;
		if (x->level && !risk_level_parse(x->level, &lvl))
			return err_set(e, LS_EINVAL, "level", "invalid level "
				       "'%s' for --level (low, medium, high)",
				       x->level);
		return LS_OK;
	default:
		/* ack, submit, close: an optional note */
		return check_text("note", x->note, 0, false, e);
	}
}

static enum lserr log_event(struct ctx *c, long long task_id,
			    const char *kind, const char *note, struct err *e)
{
	struct task_event ev;
	long long id;

	memset(&ev, 0, sizeof(ev));
	ev.task_id = task_id;
	ev.at = c->now;
	ev.by = c->actor.login;
	ev.kind = kind;
	ev.note = note;
	return store_event_insert(c->st, &ev, &id, e);
}

static enum lserr add_report(struct ctx *c, struct task *t,
			     const struct task_args *x, struct err *e)
{
	struct report r;
	long long rid;
	enum lserr rc;

	memset(&r, 0, sizeof(r));
	r.task_id = t->id;
	r.at = c->now;
	r.on = c->today;
	r.author = c->actor.login;
	r.percent = x->percent;
	r.note = x->note && *x->note ? x->note : NULL;
	if ((rc = store_report_insert(c->st, &r, &rid, e)) != LS_OK)
		return rc;
	for (int i = 0; i < x->nevidence; i++) {
		rc = evidence_attach_file(c, rid, x->evidence[i], e);
		if (rc != LS_OK)
			return rc;
	}
	for (int i = 0; i < x->nblobs; i++) {
		rc = evidence_attach_mem(c, rid, x->blobs[i].name,
					 x->blobs[i].data, x->blobs[i].len, e);
		if (rc != LS_OK)
			return rc;
	}
	t->percent = x->percent;
	return LS_OK;
}

/* Applies the action's effects on t (status already moved) and logs it. */
static enum lserr apply(struct ctx *c, struct task *t, enum task_action a,
			const struct task_args *x, bool *changed,
			struct err *e)
{
	struct extension ext;
	struct risk r;
	long long id;
	enum lserr rc;

	*changed = true;
	switch (a) {
	case TASK_ACK:
		t->acked_at = c->now;
		t->activity_on = c->today;
		return log_event(c, t->id, "ack", x->note, e);
	case TASK_REPORT:
		if (!t->acked_at)
			t->acked_at = c->now;	/* a report answers too */
		t->activity_on = c->today;
		return add_report(c, t, x, e);
	case TASK_SUBMIT:
		return log_event(c, t->id, "submit", x->note, e);
	case TASK_CLOSE:
		t->closed_at = c->now;
		t->closed_on = c->today;
		t->percent = 100;
		return log_event(c, t->id, "close", x->note, e);
	case TASK_REJECT:
		return log_event(c, t->id, "reject", x->reason, e);
	case TASK_REOPEN:
		t->closed_at = NULL;
		t->closed_on = DATE_NONE;
		return log_event(c, t->id, "reopen", x->reason, e);
	case TASK_CANCEL:
		return log_event(c, t->id, "cancel", x->reason, e);
	case TASK_URGE:
		*changed = false;
		return log_event(c, t->id, "urge", x->note, e);
	case TASK_INSTRUCT:
		*changed = false;
		return log_event(c, t->id, "instruct", x->note, e);
	case TASK_EXTEND:
		if (x->to_due <= t->due) {
			char a1[DATE_STRLEN], a2[DATE_STRLEN];

			return err_set(e, LS_EINVAL, "to", "invalid date '%s' "
				       "for --to: an extension must be later "
				       "than the due date %s",
				       date_format(x->to_due, a1),
				       date_format(t->due, a2));
		}
		memset(&ext, 0, sizeof(ext));
		ext.task_id = t->id;
		ext.from_due = t->due;
		ext.to_due = x->to_due;
		ext.reason = x->reason;
		ext.by = c->actor.login;
		ext.at = c->now;
		if ((rc = store_extension_insert(c->st, &ext, &id, e)))
			return rc;
		t->due = x->to_due;
		return LS_OK;
	case TASK_RISK:
		*changed = false;
		memset(&r, 0, sizeof(r));
		r.task_id = t->id;
		r.description = x->description;
		r.plan = x->plan;
		r.level = RISK_MEDIUM;
		if (x->level)
			risk_level_parse(x->level, &r.level);
		r.by = c->actor.login;
		r.at = c->now;
		return store_risk_insert(c->st, &r, &id, e);
	case TASK_MILESTONE:
		return LS_OK;
	}
	return LS_OK;
}

enum lserr svc_task_act(struct ctx *c, long long id, enum task_action a,
			const struct task_args *x, struct task *out,
			struct err *e)
{
	struct task t;
	enum task_status to;
	char *before = NULL, *after = NULL, action[32];
	bool changed;
	enum lserr rc;

	if ((rc = args_validate(a, x, e)) != LS_OK)
		return rc;
	task_init(&t);
	if ((rc = store_begin(c->st, e)) != LS_OK)
		goto out;
	if ((rc = svc_task_get(c, id, &t, e)) != LS_OK)
		goto fail;
	if ((rc = ctx_require(c, action_perm(a), e)) != LS_OK)
		goto fail;
	if (x->if_version && x->if_version != t.version) {
		rc = err_set(e, LS_EVERSION, "version", "task %lld has "
			     "version %lld, not %lld", id, t.version,
			     x->if_version);
		goto fail;
	}
	if ((rc = task_transition(t.status, a, &to, e)) != LS_OK)
		goto fail;
	before = task_json(&t);
	t.status = to;
	if ((rc = apply(c, &t, a, x, &changed, e)) != LS_OK)
		goto fail;
	if (changed && (rc = store_task_update(c->st, &t, e)) != LS_OK)
		goto fail;
	if (changed)
		t.version++;
	after = task_json(&t);
	snprintf(action, sizeof(action), "task.%s", task_action_name(a));
	if ((rc = audit_record_id(c, action, "task", id, before, after, e)))
		goto fail;
	rc = commit_and_read(c, id, out, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(before);
	free(after);
	task_release(&t);
	return rc;
}

/* Milestones */

static int min_open_due(const struct milestone *m, void *arg)
{
	int *min = arg;

	if (m->done_on == DATE_NONE && (*min == DATE_NONE || m->due < *min))
		*min = m->due;
	return 0;
}

/* Recomputes t->ms_due, updates the task and records the audit entry. */
static enum lserr milestone_changed(struct ctx *c, struct task *t,
				    const char *action, struct err *e)
{
	char *before = task_json(t), *after = NULL;
	int min = DATE_NONE;
	enum lserr rc;

	rc = store_milestone_each(c->st, t->id, min_open_due, &min, e);
	if (rc == LS_OK && min != t->ms_due) {
		t->ms_due = min;
		rc = store_task_update(c->st, t, e);
		if (rc == LS_OK)
			t->version++;
	}
	if (rc == LS_OK) {
		after = task_json(t);
		rc = audit_record_id(c, action, "task", t->id, before, after,
				     e);
	}
	free(before);
	free(after);
	return rc;
}

enum lserr svc_milestone_add(struct ctx *c, long long task_id,
			     const char *title, int due, long long *id,
			     struct err *e)
{
	struct milestone m;
	struct task t;
	enum task_status to;
	enum lserr rc;

	if ((rc = check_text("title", title, 500, true, e)) != LS_OK)
		return rc;
	if (due == DATE_NONE)
		return err_set(e, LS_EINVAL, "due", "missing --due");
	task_init(&t);
	if ((rc = store_begin(c->st, e)) != LS_OK)
		goto out;
	/* the field of the request is task_id (as for the list) */
	if ((rc = svc_task_get(c, task_id, &t, e)) == LS_ENOTFOUND)
		err_set(e, rc, "task_id", "task '%lld' not found", task_id);
	if (rc || (rc = ctx_require(c, PERM_TASK_CREATE, e)) ||
	    (rc = task_transition(t.status, TASK_MILESTONE, &to, e)))
		goto fail;
	memset(&m, 0, sizeof(m));
	m.task_id = task_id;
	m.title = title;
	m.due = due;
	m.done_on = DATE_NONE;
	if ((rc = store_milestone_insert(c->st, &m, id, e)) ||
	    (rc = milestone_changed(c, &t, "milestone.add", e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	task_release(&t);
	return rc;
}

enum lserr svc_milestone_list(struct ctx *c, long long task_id,
			      store_milestone_fn fn, void *arg,
			      struct err *e)
{
	struct task t;
	enum lserr rc;

	task_init(&t);
	rc = svc_task_get(c, task_id, &t, e);
	task_release(&t);
	if (rc == LS_ENOTFOUND)
		err_set(e, rc, "task_id", "task '%lld' not found", task_id);
	if (rc != LS_OK)
		return rc;
	return store_milestone_each(c->st, task_id, fn, arg, e);
}

enum lserr svc_milestone_done(struct ctx *c, long long id,
			      struct milestone *out, struct err *e)
{
	struct milestone *m = out;
	struct task t;
	enum task_status to;
	enum lserr rc;

	task_init(&t);
	if ((rc = store_begin(c->st, e)) != LS_OK)
		goto out;
	rc = store_milestone_get(c->st, id, m, e);
	/* a milestone of a task out of scope does not exist either */
	if (rc == LS_OK)
		rc = svc_task_get(c, m->task_id, &t, e);
	if (rc == LS_ENOTFOUND)
		err_set(e, rc, "id", "milestone '%lld' not found", id);
	if (rc != LS_OK)
		goto fail;
	if ((rc = ctx_require(c, PERM_TASK_WORK, e)) ||
	    (rc = task_transition(t.status, TASK_MILESTONE, &to, e)))
		goto fail;
	if (m->done_on != DATE_NONE) {
		rc = err_set(e, LS_ECONFLICT, "id", "milestone %lld is "
			     "already done", id);
		goto fail;
	}
	if ((rc = store_milestone_set_done(c->st, id, c->today, e)) ||
	    (rc = milestone_changed(c, &t, "milestone.done", e)))
		goto fail;
	m->done_on = c->today;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	task_release(&t);
	return rc;
}
