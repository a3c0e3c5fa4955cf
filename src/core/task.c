/*
 * Task rules of SPEC §3: status transitions, the light, the quadrant, the
 * urgency order, response and same-day closure.
 */
#include "core/task.h"
#include "util/date.h"

#include <stddef.h>
#include <string.h>

static const char *const status_names[] = {
	[TASK_OPEN] = "open",
	[TASK_DOING] = "doing",
	[TASK_REVIEW] = "review",
	[TASK_DONE] = "done",
	[TASK_CANCELLED] = "cancelled",
};

static const char *const light_names[] = {
	[LIGHT_NONE] = "none",
	[LIGHT_DONE] = "done",
	[LIGHT_GREEN] = "green",
	[LIGHT_LATE] = "late",
	[LIGHT_YELLOW] = "yellow",
	[LIGHT_RED] = "red",
};

static const char *const action_names[] = {
	[TASK_ACK] = "ack",
	[TASK_REPORT] = "report",
	[TASK_SUBMIT] = "submit",
	[TASK_CLOSE] = "close",
	[TASK_REJECT] = "reject",
	[TASK_REOPEN] = "reopen",
	[TASK_CANCEL] = "cancel",
	[TASK_URGE] = "urge",
	[TASK_INSTRUCT] = "instruct",
	[TASK_EXTEND] = "extend",
	[TASK_RISK] = "risk",
	[TASK_MILESTONE] = "milestone",
};

void task_init(struct task *t)
{
	memset(t, 0, sizeof(*t));
	t->start = t->due = t->orig_due = DATE_NONE;
	t->created_on = t->closed_on = t->activity_on = t->ms_due = DATE_NONE;
	buf_init(&t->arena);
}

void task_release(struct task *t)
{
	buf_release(&t->arena);
	task_init(t);
}

bool task_status_parse(const char *s, enum task_status *st)
{
	/* The first letter first: the board parses one status per task. */
	for (int i = 0; s && i < TASK_NSTATUS; i++) {
		if (s[0] == status_names[i][0] && !strcmp(s, status_names[i])) {
			*st = (enum task_status)i;
			return true;
		}
	}
	return false;
}

const char *task_status_name(enum task_status st)
{
	return status_names[st];
}

bool task_status_final(enum task_status st)
{
	return st == TASK_DONE || st == TASK_CANCELLED;
}

bool light_parse(const char *s, enum light *l)
{
	for (int i = 0; i < LIGHT_N; i++) {
		if (s && !strcmp(s, light_names[i])) {
			*l = (enum light)i;
			return true;
		}
	}
	return false;
}

const char *light_name(enum light l)
{
	return light_names[l];
}

int light_severity(enum light l)
{
	return (int)l;	/* the enum is declared in severity order */
}

const char *task_action_name(enum task_action a)
{
	return action_names[a];
}

enum lserr task_transition(enum task_status from, enum task_action action,
			   enum task_status *to, struct err *e)
{
	bool live = !task_status_final(from);
	bool ok = false;

	*to = from;
	switch (action) {
	case TASK_ACK:
		ok = from == TASK_OPEN;
		*to = TASK_DOING;
		break;
	case TASK_REPORT:
		ok = from == TASK_OPEN || from == TASK_DOING;
		*to = TASK_DOING;
		break;
	case TASK_SUBMIT:
		ok = from == TASK_DOING;
		*to = TASK_REVIEW;
		break;
	case TASK_CLOSE:
		ok = from == TASK_REVIEW;
		*to = TASK_DONE;
		break;
	case TASK_REJECT:
		ok = from == TASK_REVIEW;
		*to = TASK_DOING;
		break;
	case TASK_REOPEN:
		ok = from == TASK_DONE;
		*to = TASK_DOING;
		break;
	case TASK_CANCEL:
		ok = live;
		*to = TASK_CANCELLED;
		break;
	case TASK_URGE:
	case TASK_INSTRUCT:
	case TASK_EXTEND:
	case TASK_RISK:
	case TASK_MILESTONE:
		ok = live;
		break;
	}
	if (ok)
		return LS_OK;
	*to = from;
	return err_set(e, LS_ECONFLICT, "status",
		       "cannot %s a task whose status is '%s'",
		       action_names[action], status_names[from]);
}

enum light task_light(const struct task *t, int today,
		      const struct settings *s)
{
	switch (t->status) {
	case TASK_CANCELLED:
		return LIGHT_NONE;
	case TASK_DONE:
		return t->closed_on != DATE_NONE && t->closed_on > t->due ?
			LIGHT_LATE : LIGHT_DONE;
	default:
		break;
	}
	if (today > t->due || (t->ms_due != DATE_NONE && t->ms_due < today))
		return LIGHT_RED;
	if (t->due - today <= s->warn_days)
		return LIGHT_YELLOW;
	if (t->start != DATE_NONE && today >= t->start && t->due > t->start) {
		/* percent < 100·(T−start)/(due−start) − lag, in integers */
		long long span = t->due - t->start;

		if ((long long)(t->percent + s->lag) * span <
		    100LL * (today - t->start))
			return LIGHT_YELLOW;
	}
	if (t->activity_on != DATE_NONE &&
	    today - t->activity_on > s->report_days)
		return LIGHT_YELLOW;
	return LIGHT_GREEN;
}

unsigned task_light_inputs(enum task_status st)
{
	switch (st) {
	case TASK_CANCELLED:
		return 0;
	case TASK_DONE:
		return TASK_LIGHT_DUE | TASK_LIGHT_CLOSED;
	default:
		return TASK_LIGHT_START | TASK_LIGHT_DUE | TASK_LIGHT_PERCENT |
		       TASK_LIGHT_ACTIVITY | TASK_LIGHT_MS_DUE;
	}
}

int task_quadrant(const struct task *t, enum light l, int today)
{
	bool urgent;

	if (task_status_final(t->status))
		return 0;
	urgent = t->due - today <= 7 || l == LIGHT_RED;
	if (t->important)
		return urgent ? 1 : 2;
	return urgent ? 3 : 4;
}

void task_rank_of(struct task_rank *r, const struct task *t, enum light l,
		  int quadrant)
{
	r->id = t->id;
	r->light = l;
	r->key = t->key;
	r->quadrant = quadrant ? quadrant : 5;
	r->due = t->due;
}

static int live_light_rank(enum light l)
{
	switch (l) {
	case LIGHT_RED: return 3;
	case LIGHT_YELLOW: return 2;
	case LIGHT_GREEN: return 1;
	default: return 0;
	}
}

long long task_urgency_score(const struct task_rank *r)
{
	/* Lexicographic: light, key, quadrant, then earlier due. */
	return live_light_rank(r->light) * 1000000000LL +
	       (r->key ? 100000000LL : 0) +
	       (5 - r->quadrant) * 10000000LL +
	       (5000000LL - r->due);
}

int task_urgency_cmp(const void *pa, const void *pb)
{
	const struct task_rank *a = pa, *b = pb;
	long long sa = task_urgency_score(a), sb = task_urgency_score(b);

	if (sa != sb)
		return sa > sb ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

bool task_answered_in_time(const struct task *t, int ack_hours)
{
	long long c, a;

	if (!t->acked_at || !instant_parse(t->created_at, &c) ||
	    !instant_parse(t->acked_at, &a))
		return false;
	return a - c <= (long long)ack_hours * 3600;
}

bool task_closed_same_day(const struct task *t)
{
	return t->daily && t->status == TASK_DONE &&
	       t->closed_on != DATE_NONE && t->closed_on == t->created_on;
}
