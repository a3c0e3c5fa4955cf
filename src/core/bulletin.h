/*
 * The bulletin (督查通报, SPEC §7): the few rules of its own. Everything
 * else in a bulletin is another module's figure (eval, board, burden);
 * these decide which task the red-and-late list carries and with how many
 * days overdue, how the summary adds units up, and the title's words.
 */
#ifndef LUOSHI_BULLETIN_H
#define LUOSHI_BULLETIN_H

#include "core/eval.h"
#include "core/period.h"
#include "core/task.h"
#include "util/lang.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Whether a task with light l (task_light on `today`) is listed for p:
 * red on the reference day, or closed late (LIGHT_LATE) within p. *days
 * gets its days overdue: today − due for a red task past due; for one red
 * only by an unfinished milestone (due not yet passed), today − that
 * milestone's due; closed_on − due for a late one.
 */
bool bulletin_listed(const struct task *t, enum light l, int today,
		     const struct period *p, int *days);

/* The summary of a bulletin: tasks due in the period and what became of
 * them (eval's counts, added over units), red and yellow now (board). */
struct bulletin_summary {
	long long due;		/* led, not cancelled, due in the period */
	long long ontime;	/* closed by the period's end, on time */
	long long late;		/* closed by the period's end, late */
	long long red, yellow;	/* lights on the reference day */
	long long cancelled;	/* cancelled, due in the period */
};

/* Adds one unit's evaluation counts (ontime; late = closed − ontime). */
void bulletin_add_counts(struct bulletin_summary *s,
			 const struct eval_counts *c);
/* On time / closed × 100, as eval's ontime metric; NAN without any. */
double bulletin_ontime_rate(const struct bulletin_summary *s);

/*
 * The title: "2026年督查通报", "2026年第四季度督查通报", "2026年11月督查
 * 通报"; in English "Supervision bulletin, 2026" (2026-Q4, 2026-11).
 */
void bulletin_title(const struct period *p, enum lang lang, char *out,
		    size_t n);

#endif
