/*
 * Indicators (SPEC §4): achievement against baseline and target in either
 * direction, clamped to [0, 1.2], and whether the latest actual is on the
 * month's planned trajectory. NAN stands for null (no data).
 */
#ifndef LUOSHI_INDICATOR_H
#define LUOSHI_INDICATOR_H

#include "util/buf.h"

#include <stdbool.h>

enum direction {
	DIR_UP,		/* higher is better */
	DIR_DOWN,
};

#define ACHIEVEMENT_MAX 1.2

struct indicator {
	long long id;
	long long goal_id;
	const char *name;
	const char *measure;	/* unit of measure, e.g. "亿元" */
	double baseline;
	double target;
	enum direction direction;
	double weight;		/* default 1 */
	long long version;	/* 1 when created, + 1 per change or value */
	struct buf arena;
};

/* One month of an indicator's trajectory; NAN = not set. */
struct indicator_value {
	long long indicator_id;
	int month;		/* month key, see date_month_key() */
	double plan;
	double actual;
};

void indicator_init(struct indicator *ind);
void indicator_release(struct indicator *ind);

bool direction_parse(const char *s, enum direction *d);
const char *direction_name(enum direction d);

/*
 * Achievement of `actual`: up (a−b)/(t−b), down (b−a)/(b−t), clamped to
 * [0, 1.2]. When target == baseline there is no distance to cover: 1 when
 * the actual meets the target, else 0. NAN when actual is NAN.
 */
double indicator_achievement(double baseline, double target,
			     enum direction dir, double actual);
/* 1 on trajectory, 0 off, -1 unknown (no actual or no plan). */
/*
 * True when moving the target from `from` to `to` lowers it (不降标准):
 * a smaller target for `up`, a larger one for `down`.
 */
bool indicator_lowers(enum direction dir, double from, double to);

int indicator_on_trajectory(enum direction dir, double actual, double plan);

#endif
