/*
 * Task operations (SPEC §3): create, act on (ack, report, ... risk),
 * milestones, and the views that read tasks (list, next, today, board).
 * Each write is one transaction: validate, load in scope (404), check the
 * role (403), check version (412) and transition (409), apply, record the
 * task log and the audit entry, commit.
 */
#ifndef LUOSHI_SVC_TASKS_H
#define LUOSHI_SVC_TASKS_H

#include "store/store.h"
#include "svc/ctx.h"
#include "svc/shape.h"

struct task_input {
	const char *title;
	const char *description;
	const char *lead;
	const char *co;		/* codes separated by ',' '、' or ';' */
	const char *owner;
	const char *leader;
	const char *source;
	long long goal_id;
	bool important;
	bool key;
	bool daily;
	int start;		/* DATE_NONE when absent */
	int due;		/* DATE_NONE when --within or --daily */
	int within;		/* working or calendar days; -1 none */
	bool within_workdays;
};

void task_input_init(struct task_input *in);

/* An evidence file already in memory (an HTTP upload). */
struct evidence_blob {
	const char *name;
	const void *data;
	size_t len;
};

struct task_args {
	int percent;			/* report: 0..100, -1 = missing */
	const char *note;		/* report, urge, instruct */
	const char *reason;		/* reject, reopen, cancel, extend */
	int to_due;			/* extend */
	const char *description;	/* risk */
	const char *plan;		/* risk */
	const char *level;		/* risk: low|medium|high (medium) */
	const char *const *evidence;	/* report: file paths */
	int nevidence;
	const struct evidence_blob *blobs;	/* report: uploads */
	int nblobs;
	long long if_version;		/* 0 = no version check */
};

void task_args_init(struct task_args *a);

/* Creates a task; fills out (caller releases) unless out is NULL. */
enum lserr svc_task_add(struct ctx *c, const struct task_input *in,
			struct task *out, struct err *e);
/* Reads a task in the actor's scope. */
enum lserr svc_task_get(struct ctx *c, long long id, struct task *out,
			struct err *e);
/* Performs an action; fills out with the updated task. */
enum lserr svc_task_act(struct ctx *c, long long id, enum task_action a,
			const struct task_args *args, struct task *out,
			struct err *e);

/*
 * Changes the editable fields of a live task: the fields whose `set_*`
 * flag is true take the value of `in` (NULL / 0 clears). The due date only
 * moves by extension. if_version 0 = no check.
 */
struct task_edit {
	struct task_input in;
	bool set_title, set_description, set_co, set_owner, set_leader;
	bool set_goal, set_source, set_important, set_key, set_start;
	long long if_version;
};

enum lserr svc_task_edit(struct ctx *c, long long id,
			 const struct task_edit *ed, struct task *out,
			 struct err *e);

/*
 * Writes the task's whole history as one JSON object: the task, its
 * milestones, reports, evidence files (each naming its report),
 * extensions, risks and events (creation, status changes, urges,
 * instructions), each in time order.
 */
enum lserr svc_task_timeline(struct ctx *c, long long id, struct jw *w,
			     struct err *e);

enum lserr svc_milestone_add(struct ctx *c, long long task_id,
			     const char *title, int due, long long *id,
			     struct err *e);
/* The milestones of a task in scope (LS_ENOTFOUND naming task_id). */
enum lserr svc_milestone_list(struct ctx *c, long long task_id,
			      store_milestone_fn fn, void *arg,
			      struct err *e);
/* Marks a milestone done today; fills out (caller releases its arena). */
enum lserr svc_milestone_done(struct ctx *c, long long id,
			      struct milestone *out, struct err *e);

/* Queries */
struct task_query {
	struct task_filter f;	/* scope is set from the actor */
	const char *unit;	/* lead unit code (its subtree) or NULL */
	bool has_light;
	enum light light;
	int quadrant;		/* 0 = any */
	long long limit;	/* 0 = all */
};

void task_query_init(struct task_query *q);

typedef int (*svc_task_fn)(const struct task *t, const struct task_view *v,
			   void *arg);
/* Matching tasks ordered by id. */
enum lserr svc_task_list(struct ctx *c, struct task_query *q, svc_task_fn fn,
			 void *arg, struct err *e);
/*
 * One page of the matching tasks, ordered by id: rows offset ..
 * offset+limit-1 go to fn, and *total receives the number of matches.
 * Filters the store can apply alone (no light, no quadrant) are paged and
 * counted in the database; the others are computed on a scan. A caller
 * that already knows the count of the same query on the same database
 * version passes it in *total (>= 0) to skip counting; else -1.
 */
enum lserr svc_task_page(struct ctx *c, struct task_query *q,
			 long long offset, long long limit, svc_task_fn fn,
			 void *arg, long long *total, struct err *e);
/* Live tasks in urgency order (task_urgency_cmp). */
enum lserr svc_task_next(struct ctx *c, struct task_query *q, svc_task_fn fn,
			 void *arg, struct err *e);
/*
 * 当日事: live tasks due on or before today, daily tasks created today, or
 * with a milestone due on or before today; in urgency order.
 */
enum lserr svc_task_today(struct ctx *c, struct task_query *q,
			  svc_task_fn fn, void *arg, struct err *e);

/*
 * Urges (催办) on the tasks the actor sees (in `unit`'s subtree when not
 * NULL), newest first: rows offset .. offset+limit-1 go to fn with the
 * task's title; *total receives how many there are.
 */
typedef int (*svc_urge_fn)(const struct task_event *ev, const char *title,
			   void *arg);
enum lserr svc_urge_page(struct ctx *c, const char *unit, long long offset,
			 long long limit, svc_urge_fn fn, void *arg,
			 long long *total, struct err *e);

struct board_row {
	char *code;
	char *name;
	long long n[LIGHT_N];	/* tasks the unit leads, by light */
};

struct board {
	struct board_row *rows;
	size_t n;
};

/* One row per unit in scope (or in `unit`'s subtree), sorted by code. */
enum lserr svc_board(struct ctx *c, const char *unit, struct board *b,
		     struct err *e);
void board_release(struct board *b);
void shape_board_row(struct jw *w, const struct board_row *r);

#endif
