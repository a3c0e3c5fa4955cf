/*
 * Goal roll-up (SPEC §4): a goal's progress is the weighted mean of its
 * children's values in [0, 1] — sub-goals' progress, indicators'
 * achievement capped at 1, linked tasks' percent/100 (done = 1) — ignoring
 * nulls; and its light is the worst light of the tasks below it.
 */
#ifndef LUOSHI_GOAL_H
#define LUOSHI_GOAL_H

#include "core/task.h"

#include <stdbool.h>

struct goal {
	long long id;
	const char *title;
	long long parent_id;	/* 0 = a root goal */
	const char *unit;	/* owner unit code */
	int year;
	double weight;		/* default 1 */
	const char *created_at;
	long long version;	/* 1 when created, + 1 per change */
	struct buf arena;
};

void goal_init(struct goal *g);
void goal_release(struct goal *g);

struct rollup {
	double wsum;	/* sum of weights of non-null children */
	double vsum;	/* sum of weight × value */
	bool has_light;
	enum light worst;
};

void rollup_init(struct rollup *r);
/* Adds a child; NAN value (null) is ignored. Values are clamped to [0,1]. */
void rollup_add(struct rollup *r, double weight, double value);
/* Folds a task light into the worst light (cancelled tasks ignored). */
void rollup_light(struct rollup *r, enum light l);
/* Merges a child goal's worst light. */
void rollup_merge_light(struct rollup *r, const struct rollup *child);
/* Progress in [0, 1], NAN when no child had data. */
double rollup_value(const struct rollup *r);
/* A task's contribution: done counts 1, cancelled NAN, else percent/100. */
double task_progress_value(const struct task *t);

#endif
