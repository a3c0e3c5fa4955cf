/*
 * Reminders (SPEC §8): which reminder kinds a task gives on a day, the
 * text of one recipient's daily digest, the retry back-off and the daily
 * schedule. Pure rules over struct task; notify/ reads the tasks, keeps
 * what was sent and delivers.
 */
#ifndef LUOSHI_REMIND_H
#define LUOSHI_REMIND_H

#include "core/settings.h"
#include "core/task.h"
#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

/* In the order a digest lists them. */
enum remind_kind {
	REMIND_RED,		/* turned red since the previous pass */
	REMIND_YELLOW,		/* turned yellow (from green) */
	REMIND_DUE,		/* due today (当日事) */
	REMIND_MILESTONE,	/* an unfinished milestone due today */
	REMIND_ACK,		/* still unanswered past ack_hours */
	REMIND_POLICY,		/* a policy window closing (core/policy.c) */
	REMIND_URGE,		/* an urge (催办), sent at once */
};
#define REMIND_NKINDS 7

const char *remind_kind_name(enum remind_kind k);	/* "red" ... */
const char *remind_kind_label(enum remind_kind k);	/* "转红" ... */

/*
 * The day "turned" compares with: the day before `today`, or the last
 * day a pass ran when that is earlier (a server down for a while), but
 * never more than 7 days back. last_pass DATE_NONE = never ran.
 */
int remind_prev_day(int today, int last_pass);

/* Open, never answered, and more than ack_hours since created (now). */
bool remind_ack_overdue(const struct task *t, long long now, int ack_hours);

/*
 * The kinds (1u << REMIND_*) task t gives on `today`, `prev` being the
 * day of comparison (remind_prev_day) and `now` the instant of the pass.
 * Only live tasks (open, doing, review) give any. A task created after
 * `prev` counts as green on `prev`.
 */
unsigned remind_kinds(const struct task *t, int prev, int today,
		      long long now, const struct settings *s);

/*
 * "The lead unit's supervisors": the supervisors of the deepest unit on
 * the lead unit's materialised path ("/HRB/HRB-DL/": HRB-DL, then HRB)
 * that has any, has(code, arg) telling. Writes that unit's code to out;
 * false when no unit on the path has supervisors.
 */
bool remind_supervising_unit(const char *path,
			     bool (*has)(const char *code, void *arg),
			     void *arg, char *out, size_t n);

/* One line of a digest. Strings are borrowed. */
struct remind_item {
	enum remind_kind kind;
	long long task_id;
	const char *title;
	const char *lead;	/* unit code */
	int due;
};

/* Digest order: kind, then earlier due, then lower task id. */
int remind_item_cmp(const void *a, const void *b);

/*
 * One recipient's digest for `day` from items sorted by remind_item_cmp:
 * a subject line and a plain text, at most max_per_kind lines per kind
 * (then "……另有 N 项"). Appends to subject and text.
 */
void remind_digest(struct buf *subject, struct buf *text, const char *who,
		   int day, const struct remind_item *items, size_t n,
		   size_t max_per_kind);

/* The message of an urge: subject and text. */
void remind_urge_text(struct buf *subject, struct buf *text,
		      const struct remind_item *task, const char *by,
		      const char *note);

/*
 * Seconds to wait before attempt number `attempt` + 1 after `attempt`
 * failed ones: base · 2^(attempt − 1), at most one day.
 */
long long remind_backoff(int attempt, long long base);

/* "HH:MM" (00:00..23:59) as minutes after midnight; false if invalid. */
bool remind_time_parse(const char *s, int *minutes);

/*
 * Whether the daily pass is due: not yet run on `today` and the local
 * time (minutes after midnight) has reached remind_at.
 */
bool remind_pass_due(int today, int last_pass, int minutes_now,
		     int remind_at);

#endif
