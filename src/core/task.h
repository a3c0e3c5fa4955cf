/*
 * Tasks (SPEC §3): the record, its status life cycle, its light (亮灯),
 * quadrant (轻重缓急) and urgency order. Pure rules, no I/O: the store
 * fills struct task, the CLI and API print it, and all of them ask these
 * functions; none decides a light or a transition on its own.
 */
#ifndef LUOSHI_TASK_H
#define LUOSHI_TASK_H

#include "core/settings.h"
#include "util/buf.h"
#include "util/err.h"

#include <stdbool.h>

enum task_status {
	TASK_OPEN,
	TASK_DOING,
	TASK_REVIEW,
	TASK_DONE,
	TASK_CANCELLED,
};
#define TASK_NSTATUS 5

enum light {
	LIGHT_NONE,	/* cancelled */
	LIGHT_DONE,	/* closed on or before due */
	LIGHT_GREEN,
	LIGHT_LATE,	/* closed after due */
	LIGHT_YELLOW,
	LIGHT_RED,
};
#define LIGHT_N 6

/* Things that can happen to a task (CLI verbs / API actions). */
enum task_action {
	TASK_ACK,
	TASK_REPORT,
	TASK_SUBMIT,
	TASK_CLOSE,
	TASK_REJECT,
	TASK_REOPEN,
	TASK_CANCEL,
	TASK_URGE,
	TASK_INSTRUCT,
	TASK_EXTEND,
	TASK_RISK,
	TASK_MILESTONE,	/* add or complete a milestone */
};

/*
 * A task as stored. Strings are NULL when absent; they point into `arena`
 * when the store filled the task (task_release frees them) or are borrowed
 * when the caller set them. Dates are day numbers, DATE_NONE when absent.
 */
struct task {
	long long id;
	const char *title;
	const char *description;
	const char *lead;	/* unit code */
	const char *co;		/* co-unit codes joined by ',' or NULL */
	const char *owner;	/* login */
	const char *leader;	/* login */
	const char *source;
	long long goal_id;	/* 0 = none */
	bool important;
	bool key;
	bool daily;
	int start;
	int due;
	int orig_due;		/* the first due (extensions move due) */
	int percent;
	enum task_status status;
	const char *created_at;	/* RFC 3339 instants */
	const char *acked_at;
	const char *closed_at;
	int created_on;		/* reference day of creation */
	int closed_on;		/* reference day of closing (done) */
	int activity_on;	/* latest of creation, ack, report */
	int ms_due;		/* earliest due of unfinished milestones */
	long long version;
	struct buf arena;
};

void task_init(struct task *t);
void task_release(struct task *t);

bool task_status_parse(const char *s, enum task_status *st);
const char *task_status_name(enum task_status st);
bool task_status_final(enum task_status st);	/* done or cancelled */

bool light_parse(const char *s, enum light *l);
const char *light_name(enum light l);
/* Severity for "worst light": red > yellow > late > green > done > none. */
int light_severity(enum light l);

/*
 * The status after `action`, or LS_ECONFLICT (message in e) when SPEC §3
 * does not allow it from `from`. Actions that do not change the status
 * (urge, risk ...) answer `from` when allowed on a live task.
 */
enum lserr task_transition(enum task_status from, enum task_action action,
			   enum task_status *to, struct err *e);
const char *task_action_name(enum task_action a);

/* The light of t on reference day `today` (the one place of this rule). */
enum light task_light(const struct task *t, int today,
		      const struct settings *s);

/*
 * Which of t's dates and percent task_light reads for a task in status
 * st, as TASK_LIGHT_* bits, so that the board's store reads only those
 * columns (a done task needs two, a cancelled one none). It sits next to
 * task_light; tests/unit/test-light.c checks the two agree.
 */
enum {
	TASK_LIGHT_START = 1 << 0,
	TASK_LIGHT_DUE = 1 << 1,
	TASK_LIGHT_PERCENT = 1 << 2,
	TASK_LIGHT_ACTIVITY = 1 << 3,
	TASK_LIGHT_CLOSED = 1 << 4,
	TASK_LIGHT_MS_DUE = 1 << 5,
};
unsigned task_light_inputs(enum task_status st);

/* Quadrant 1..4, or 0 for done and cancelled tasks. */
int task_quadrant(const struct task *t, enum light l, int today);

/* What `next` sorts by; see task_urgency_cmp. */
struct task_rank {
	long long id;
	enum light light;
	bool key;
	int quadrant;
	int due;
};
void task_rank_of(struct task_rank *r, const struct task *t, enum light l,
		  int quadrant);
/*
 * Urgency order for `next`: red, yellow, green first (by light), then key
 * tasks, then quadrant 1 → 4, then earlier due, then lower id. Returns <0
 * when a comes first. Usable with qsort.
 */
int task_urgency_cmp(const void *a, const void *b);
/* The same order as one number, larger = more urgent (documented score). */
long long task_urgency_score(const struct task_rank *r);

/* 马上就办: acknowledged within ack_hours of creation. */
bool task_answered_in_time(const struct task *t, int ack_hours);
/* 当日事当日毕: a daily task closed on its creation day. */
bool task_closed_same_day(const struct task *t);

#endif
