/*
 * The goal system (SPEC §4): goals in a tree, indicators with monthly
 * plans and actuals, the history of targets (不降标准), and the goal tree
 * with progress rolled up and the worst light below each node.
 */
#ifndef LUOSHI_SVC_GOALS_H
#define LUOSHI_SVC_GOALS_H

#include "svc/ctx.h"
#include "util/jw.h"

#include <math.h>

enum lserr svc_goal_add(struct ctx *c, const char *title, const char *unit,
			int year, long long parent_id, double weight,
			long long *id, struct err *e);
/*
 * Changes a goal's weight, keeping the history with the reason. Writes
 * below take `if_version` (0: none): when the stored version differs they
 * fail with LS_EVERSION before changing anything.
 */
enum lserr svc_goal_set_weight(struct ctx *c, long long id, double weight,
			       const char *reason, long long if_version,
			       struct err *e);

enum lserr svc_indicator_add(struct ctx *c, long long goal_id,
			     const struct indicator *ind, long long *id,
			     struct err *e);
/* An indicator whose goal the actor sees; LS_ENOTFOUND naming id else. */
enum lserr svc_indicator_get(struct ctx *c, long long id,
			     struct indicator *out, struct err *e);
/*
 * Changes target, baseline or weight (NAN = unchanged). Every change is
 * kept in the history; lowering a target (less ambitious in its direction)
 * needs a reason.
 */
enum lserr svc_indicator_update(struct ctx *c, long long id, double target,
				double baseline, double weight,
				const char *reason, long long if_version,
				struct err *e);
/*
 * Sets the plan (actual=false) or the reported actual of a month; the
 * indicator's new version goes to *version (when not NULL).
 */
enum lserr svc_indicator_value(struct ctx *c, long long id, int month,
			       bool actual, double value, long long if_version,
			       long long *version, struct err *e);

/* One indicator with its trajectory and derived figures. */
struct indicator_view {
	struct indicator ind;
	struct indicator_value *values;	/* by month */
	size_t nvalues;
	int latest;		/* month key of the latest actual, -1 none */
	double actual;		/* NAN when none */
	double plan;		/* the plan of that month, NAN when none */
	double achievement;	/* [0, 1.2] or NAN */
	int on_trajectory;	/* 1, 0, -1 unknown */
};

/* A node of the goal tree. */
struct goal_node {
	struct goal g;
	struct rollup r;
	double progress;	/* [0, 1] or NAN */
	bool visible;		/* in the actor's scope */
	struct goal_node **children;
	size_t nchildren;
	struct indicator_view **inds;
	size_t ninds;
	struct goal_node *parent;
};

struct goal_forest {
	struct goal_node *nodes;	/* ordered by id */
	size_t n;
	struct indicator_view *inds;
	size_t ninds;
};

/* Loads every goal, indicator and linked task and rolls progress up. */
enum lserr goal_forest_load(struct ctx *c, struct goal_forest *gf,
			    struct err *e);
void goal_forest_release(struct goal_forest *gf);
/* The node of a goal in scope; NULL with LS_ENOTFOUND otherwise. */
struct goal_node *goal_forest_find(struct goal_forest *gf, long long id,
				   struct err *e);

/* The goal node shape of SPEC §9 (children: visible ones, recursively). */
void shape_goal_node(struct jw *w, const struct goal_node *n);
void shape_indicator(struct jw *w, const struct indicator_view *v);

#endif
