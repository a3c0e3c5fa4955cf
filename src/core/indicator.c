/*
 * Indicator achievement and trajectory rules.
 */
#include "core/indicator.h"

#include <math.h>
#include <string.h>

void indicator_init(struct indicator *ind)
{
	memset(ind, 0, sizeof(*ind));
	ind->weight = 1;
	ind->version = 1;
	buf_init(&ind->arena);
}

void indicator_release(struct indicator *ind)
{
	buf_release(&ind->arena);
	indicator_init(ind);
}

bool direction_parse(const char *s, enum direction *d)
{
	if (s && !strcmp(s, "up")) {
		*d = DIR_UP;
		return true;
	}
	if (s && !strcmp(s, "down")) {
		*d = DIR_DOWN;
		return true;
	}
	return false;
}

const char *direction_name(enum direction d)
{
	return d == DIR_UP ? "up" : "down";
}

static bool meets(enum direction dir, double actual, double goal)
{
	return dir == DIR_UP ? actual >= goal : actual <= goal;
}

double indicator_achievement(double baseline, double target,
			     enum direction dir, double actual)
{
	double a;

	if (isnan(actual))
		return NAN;
	if (target == baseline)
		return meets(dir, actual, target) ? 1.0 : 0.0;
	if (dir == DIR_UP)
		a = (actual - baseline) / (target - baseline);
	else
		a = (baseline - actual) / (baseline - target);
	if (a < 0)
		a = 0;
	if (a > ACHIEVEMENT_MAX)
		a = ACHIEVEMENT_MAX;
	return a;
}

int indicator_on_trajectory(enum direction dir, double actual, double plan)
{
	if (isnan(actual) || isnan(plan))
		return -1;
	return meets(dir, actual, plan);
}

bool indicator_lowers(enum direction dir, double from, double to)
{
	return dir == DIR_UP ? to < from : to > from;
}
