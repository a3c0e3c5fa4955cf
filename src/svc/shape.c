/*
 * JSON shapes (see shape.h). Field order follows SPEC §9.
 */
#include "svc/shape.h"
#include "util/date.h"

#include <string.h>

void task_view_of(struct task_view *v, const struct task *t, int today,
		  const struct settings *s)
{
	v->light = task_light(t, today, s);
	v->quadrant = task_quadrant(t, v->light, today);
}

const char *quadrant_name(int q)
{
	static const char *const names[] = { NULL, "Q1", "Q2", "Q3", "Q4" };

	return q >= 1 && q <= 4 ? names[q] : NULL;
}

int quadrant_parse(const char *s)
{
	if (!s)
		return 0;
	if (s[0] == 'Q' || s[0] == 'q')
		s++;
	if (s[0] >= '1' && s[0] <= '4' && !s[1])
		return s[0] - '0';
	return 0;
}

static void co_array(struct jw *w, const char *co)
{
	jw_arr(w);
	while (co && *co) {
		const char *end = strchr(co, ',');
		size_t n = end ? (size_t)(end - co) : strlen(co);

		if (n)
			jw_strn(w, co, n);
		co = end ? end + 1 : NULL;
	}
	jw_arr_end(w);
}

void shape_task(struct jw *w, const struct task *t, const struct task_view *v)
{
	jw_obj(w);
	jw_kint(w, "id", t->id);
	jw_kstr(w, "title", t->title);
	jw_kstr(w, "description", t->description);
	jw_kstr(w, "lead", t->lead);
	jw_key(w, "co");
	co_array(w, t->co);
	jw_kstr(w, "owner", t->owner);
	jw_kstr(w, "leader", t->leader);
	jw_kid(w, "goal_id", t->goal_id);
	jw_kstr(w, "source", t->source);
	jw_kbool(w, "important", t->important);
	jw_kbool(w, "key", t->key);
	jw_kbool(w, "daily", t->daily);
	jw_kdate(w, "start", t->start);
	jw_kdate(w, "due", t->due);
	jw_kint(w, "percent", t->percent);
	jw_kstr(w, "status", task_status_name(t->status));
	if (v) {
		jw_kstr(w, "light", light_name(v->light));
		jw_kstr(w, "quadrant", quadrant_name(v->quadrant));
	}
	jw_kstr(w, "created_at", t->created_at);
	jw_kstr(w, "acked_at", t->acked_at);
	jw_kstr(w, "closed_at", t->closed_at);
	jw_kint(w, "version", t->version);
	if (!v) {
		/* record-only fields the audit trail needs to be complete */
		jw_kdate(w, "orig_due", t->orig_due);
		jw_kdate(w, "closed_on", t->closed_on);
	}
	jw_obj_end(w);
}

void shape_unit(struct jw *w, const struct unit *u)
{
	jw_obj(w);
	jw_kstr(w, "code", u->code);
	jw_kstr(w, "name", u->name);
	jw_kstr(w, "parent", u->parent);
	jw_kstr(w, "kind", u->kind);
	jw_obj_end(w);
}

void shape_user(struct jw *w, const struct user *u)
{
	jw_obj(w);
	jw_kstr(w, "login", u->login);
	jw_kstr(w, "name", u->name);
	jw_kstr(w, "unit", u->unit);
	jw_kstr(w, "role", role_name(u->role));
	jw_obj_end(w);
}

void shape_goal(struct jw *w, const struct goal *g)
{
	jw_obj(w);
	jw_kint(w, "id", g->id);
	jw_kstr(w, "title", g->title);
	jw_kid(w, "parent_id", g->parent_id);
	jw_kstr(w, "unit", g->unit);
	jw_kint(w, "year", g->year);
	jw_knum2(w, "weight", g->weight);
	jw_obj_end(w);
}

void shape_indicator_fields(struct jw *w, const struct indicator *ind)
{
	jw_kint(w, "id", ind->id);
	jw_kint(w, "goal_id", ind->goal_id);
	jw_kstr(w, "name", ind->name);
	jw_kstr(w, "measure", ind->measure);
	jw_knum2(w, "baseline", ind->baseline);
	jw_knum2(w, "target", ind->target);
	jw_kstr(w, "direction", direction_name(ind->direction));
	jw_knum2(w, "weight", ind->weight);
	jw_kint(w, "version", ind->version);
}

void shape_milestone(struct jw *w, const struct milestone *m)
{
	jw_obj(w);
	jw_kint(w, "id", m->id);
	jw_kint(w, "task_id", m->task_id);
	jw_kstr(w, "title", m->title);
	jw_kdate(w, "due", m->due);
	jw_kdate(w, "done_on", m->done_on);
	jw_obj_end(w);
}

void shape_report(struct jw *w, const struct report *r)
{
	jw_obj(w);
	jw_kint(w, "id", r->id);
	jw_kint(w, "task_id", r->task_id);
	jw_kstr(w, "at", r->at);
	jw_kstr(w, "author", r->author);
	jw_kint(w, "percent", r->percent);
	jw_kstr(w, "note", r->note);
	jw_obj_end(w);
}

void shape_event(struct jw *w, const struct task_event *ev)
{
	jw_obj(w);
	jw_kint(w, "id", ev->id);
	jw_kint(w, "task_id", ev->task_id);
	jw_kstr(w, "at", ev->at);
	jw_kstr(w, "by", ev->by);
	jw_kstr(w, "kind", ev->kind);
	jw_kstr(w, "note", ev->note);
	jw_obj_end(w);
}

void shape_urge(struct jw *w, const struct task_event *ev, const char *title)
{
	jw_obj(w);
	jw_kint(w, "id", ev->id);
	jw_kint(w, "task_id", ev->task_id);
	jw_kstr(w, "title", title);
	jw_kstr(w, "at", ev->at);
	jw_kstr(w, "by", ev->by);
	jw_kstr(w, "note", ev->note);
	jw_obj_end(w);
}

void shape_extension(struct jw *w, const struct extension *x)
{
	jw_obj(w);
	jw_kint(w, "id", x->id);
	jw_kint(w, "task_id", x->task_id);
	jw_kdate(w, "from_due", x->from_due);
	jw_kdate(w, "to_due", x->to_due);
	jw_kstr(w, "reason", x->reason);
	jw_kstr(w, "by", x->by);
	jw_kstr(w, "at", x->at);
	jw_obj_end(w);
}

void shape_risk(struct jw *w, const struct risk *r)
{
	jw_obj(w);
	jw_kint(w, "id", r->id);
	jw_kint(w, "task_id", r->task_id);
	jw_kstr(w, "description", r->description);
	jw_kstr(w, "plan", r->plan);
	jw_kstr(w, "level", risk_level_name(r->level));
	jw_kstr(w, "by", r->by);
	jw_kstr(w, "at", r->at);
	jw_obj_end(w);
}

void shape_evidence(struct jw *w, const struct evidence *ev)
{
	jw_obj(w);
	jw_kint(w, "id", ev->id);
	jw_kint(w, "report_id", ev->report_id);
	jw_kstr(w, "sha256", ev->sha256);
	jw_kstr(w, "name", ev->name);
	jw_kint(w, "size", ev->size);
	jw_obj_end(w);
}

void shape_audit(struct jw *w, const struct audit_entry *a)
{
	jw_obj(w);
	jw_kint(w, "id", a->id);
	jw_kstr(w, "at", a->at);
	jw_kstr(w, "actor", a->actor);
	jw_kstr(w, "action", a->action);
	jw_kstr(w, "entity", a->entity);
	jw_kstr(w, "entity_id", a->entity_id);
	jw_key(w, "before");
	jw_raw(w, a->before);
	jw_key(w, "after");
	jw_raw(w, a->after);
	jw_kstr(w, "prev", a->prev);
	jw_kstr(w, "hash", a->hash);
	jw_obj_end(w);
}

void shape_token(struct jw *w, const struct token *t)
{
	jw_obj(w);
	jw_kint(w, "id", t->id);
	jw_kstr(w, "login", t->login);
	jw_kstr(w, "name", t->name);
	jw_kstr(w, "created_at", t->created_at);
	jw_kstr(w, "revoked_at", t->revoked_at);
	jw_obj_end(w);
}

void shape_calendar_day(struct jw *w, int day, enum cal_kind kind,
			const char *name)
{
	jw_obj(w);
	jw_kdate(w, "day", day);
	jw_kstr(w, "kind", kind == CAL_HOLIDAY ? "holiday" : "workday");
	jw_kstr(w, "name", name);
	jw_obj_end(w);
}
