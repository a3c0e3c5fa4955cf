/*
 * The JSON shapes of SPEC §9, written by one function each. The CLI's
 * --json and the HTTP API print exactly these; the audit trail stores the
 * record forms (no derived fields, which depend on the reference day).
 */
#ifndef LUOSHI_SHAPE_H
#define LUOSHI_SHAPE_H

#include "core/goal.h"
#include "core/indicator.h"
#include "core/settings.h"
#include "core/task.h"
#include "core/tasklog.h"
#include "core/unit.h"
#include "core/user.h"
#include "core/audit.h"
#include "core/calendar.h"
#include "util/jw.h"

#include <stdbool.h>

/* Derived fields of a task for a reference day. */
struct task_view {
	enum light light;
	int quadrant;		/* 0 = none */
};

void task_view_of(struct task_view *v, const struct task *t, int today,
		  const struct settings *s);
/* "Q1".."Q4" or NULL. */
const char *quadrant_name(int q);
/* Parses "Q1".."Q4" or "1".."4"; 0 if invalid. */
int quadrant_parse(const char *s);

/* The task object; with v NULL, the record form for the audit trail. */
void shape_task(struct jw *w, const struct task *t, const struct task_view *v);
void shape_unit(struct jw *w, const struct unit *u);
void shape_user(struct jw *w, const struct user *u);
void shape_goal(struct jw *w, const struct goal *g);
/*
 * The indicator's record fields, version included (derived ones: see
 * svc/goal_tree.c). Goals carry their version in the API's ETag only:
 * SPEC §9 fixes the goal node's keys.
 */
void shape_indicator_fields(struct jw *w, const struct indicator *ind);
void shape_milestone(struct jw *w, const struct milestone *m);
void shape_report(struct jw *w, const struct report *r);
void shape_event(struct jw *w, const struct task_event *ev);
/* An urge with its task's title: {"id","task_id","title","at","by","note"} */
void shape_urge(struct jw *w, const struct task_event *ev, const char *title);
void shape_extension(struct jw *w, const struct extension *x);
void shape_risk(struct jw *w, const struct risk *r);
void shape_evidence(struct jw *w, const struct evidence *ev);
void shape_audit(struct jw *w, const struct audit_entry *a);
/* An API token without its secret. */
void shape_token(struct jw *w, const struct token *t);
/* A calendar exception: {"day","kind","name"}. */
void shape_calendar_day(struct jw *w, int day, enum cal_kind kind,
			const char *name);


#endif
