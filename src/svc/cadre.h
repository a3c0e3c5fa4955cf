/*
 * Cadre assessment (干部考核, SPEC §6) as operations: recording a ballot
 * (who may rate whom), a rater's own ballots, the graded rows of a period
 * (the §9 cadre row) and one person's page with the inputs of the score.
 * The arithmetic is core/cadre.c's; this layer decides what each user may
 * see: ballots are never shown to the person rated.
 */
#ifndef LUOSHI_SVC_CADRE_H
#define LUOSHI_SVC_CADRE_H

#include "core/cadre.h"
#include "svc/ctx.h"
#include "util/jw.h"

#include <stdbool.h>

/*
 * Checks a --period ("2026", "2026-Q3", "2026-11"), giving its days;
 * LS_EINVAL naming field "period" and the value otherwise.
 */
enum lserr svc_cadre_period(const char *period, int *first, int *last,
			    struct err *e);

/*
 * Records (or replaces) r's ballot: r->login rated by r->rater (NULL: the
 * actor) for r->period. Anyone but a viewer rates as themselves, never
 * themselves; admin and supervisor may also record the ballot of a rater
 * in their scope for a person in their scope (paper ballots). Fills r->id,
 * r->rater, r->by and r->at; *replaced tells whether a ballot was replaced.
 */
enum lserr svc_cadre_rate(struct ctx *c, struct rating *r, bool *replaced,
			  struct err *e);
/* The actor's own ballots for a period, ordered by rated login. */
enum lserr svc_cadre_ratings(struct ctx *c, const char *period,
			     store_rating_fn fn, void *arg, struct err *e);

/* A ballot: with `derived`, the rater's score too (the audit omits it). */
void shape_rating(struct jw *w, const struct rating *r, bool derived);

/* One assessed person of a period, graded. */
struct cadre_row {
	char *login;
	char *name;
	char *unit;
	char *unit_path;
	struct cadre_acc acc;	/* ballots by rater type */
	char *veto;		/* the reasons joined by "; ", or NULL */
	long long owned;	/* tasks owned, due in the period */
	long long ontime;	/* of which closed on or before due */
	double rating;		/* rounded to 2 decimals */
	double performance;	/* rounded; NAN without owned tasks */
	double score;		/* rounded */
	struct cadre_mark mark;	/* grade and basis */
	int assessed;		/* persons assessed in the unit */
	int quota;		/* the unit's excellent quota */
};

/* Rows sorted by unit code, then score descending, then login. */
struct cadre_board {
	int first, last;	/* the period's days */
	struct cadre_row *rows;
	size_t n;
};

/*
 * The rows of the period the actor may see: with the right to read
 * others' assessments (admin, supervisor, leader) everyone assessed whose
 * unit is in scope (and in `unit`'s subtree when given), else only the
 * actor's own row. The quota counts everyone assessed in a unit, whoever
 * asks.
 */
enum lserr svc_cadre_grade(struct ctx *c, const char *period,
			   const char *unit, struct cadre_board *b,
			   struct err *e);
void cadre_board_release(struct cadre_board *b);
/* The §9 cadre row. */
void shape_cadre_row(struct jw *w, const struct cadre_row *r);

/* A task counted for performance. */
struct cadre_task {
	long long id;
	char *title;
	int due;
	int closed_on;
	bool on_time;
};

/* One person's page: the row, why, and (when allowed) the inputs. */
struct cadre_page {
	struct cadre_board b;	/* owns the row */
	const struct cadre_row *row;
	const char *period;
	bool inputs;		/* the per-type ballots may be shown */
	struct cadre_task *tasks;
	size_t ntasks;
};

/*
 * The page of `login` for a period. Out of scope or unknown: 404 (the
 * actor always sees themselves); another person without the right to
 * read assessments: 403; nobody rated them then: 404. The per-type inputs
 * are shown to those with that right, never to the person themselves.
 */
enum lserr svc_cadre_show(struct ctx *c, const char *login,
			  const char *period, struct cadre_page *p,
			  struct err *e);
void cadre_page_release(struct cadre_page *p);
void shape_cadre_page(struct jw *w, const struct cadre_page *p);

#endif
