/*
 * The practice library (经验): practices of units, tagged and linked to
 * tasks and goals, searched in full text, made from commendations in one
 * step and promoted into standing mechanisms (上升为制度机制).
 *
 * Scope: practices are meant to spread, so every signed-in user reads
 * every practice, whatever its unit. Writes are scoped: a leader,
 * supervisor or administrator records practices of units in their
 * subtree (a unit outside it is not found) and links only tasks and
 * goals they can see; supervisors and administrators promote practices
 * of their subtree (one outside it, which they can read, is forbidden).
 */
#ifndef LUOSHI_SVC_PRACTICES_H
#define LUOSHI_SVC_PRACTICES_H

#include "core/practice.h"
#include "svc/ctx.h"
#include "util/jw.h"

struct practice_input {
	const char *title;
	const char *body;
	const char *unit;
	const char *const *tags;	/* duplicates are dropped */
	size_t ntags;
	const long long *tasks;		/* duplicates are dropped */
	size_t ntasks;
	const long long *goals;
	size_t ngoals;
};

/* Records a practice; fills out (the caller releases it). Audited. */
enum lserr svc_practice_add(struct ctx *c, const struct practice_input *in,
			    struct practice *out, struct err *e);
/*
 * Turns commendation merit_id into a practice: title from its reason
 * (core/practice.c: practice_title_from), body the reason, unit the
 * commended unit (a person's unit for a person), linked back by merit_id;
 * `over` (or NULL) may give title, body and tags instead. A commendation
 * outside the actor's scope, or an accountability, is not found; one
 * already turned into a practice is a conflict naming that practice.
 */
enum lserr svc_practice_from_merit(struct ctx *c, long long merit_id,
				   const struct practice_input *over,
				   struct practice *out, struct err *e);
enum lserr svc_practice_get(struct ctx *c, long long id,
			    struct practice *out, struct err *e);

struct practice_query {
	const char *search;	/* substring of title or body */
	const char *tag;
	const char *unit;	/* the unit and the units below it */
	bool promoted_only;
};

enum lserr svc_practice_list(struct ctx *c, const struct practice_query *q,
			     store_practice_fn fn, void *arg, struct err *e);
/* Promotes a practice (note optional); fills out. Audited. */
enum lserr svc_practice_promote(struct ctx *c, long long id,
				const char *note, struct practice *out,
				struct err *e);

/*
 * {"id","title","body","unit","tags":[…],"tasks":[ids],"goals":[ids],
 *  "merit_id","promoted","promoted_at","promoted_by","promoted_note",
 *  "by","at"} (absent values null).
 */
void shape_practice(struct jw *w, const struct practice *p);

#endif
