/*
 * Names of risk levels (the records themselves are plain data).
 */
#include "core/tasklog.h"

#include <string.h>

static const char *const levels[] = { "low", "medium", "high" };

bool risk_level_parse(const char *s, enum risk_level *l)
{
	for (int i = 0; i < 3; i++) {
		if (s && !strcmp(s, levels[i])) {
			*l = (enum risk_level)i;
			return true;
		}
	}
	return false;
}

const char *risk_level_name(enum risk_level l)
{
	return levels[l];
}
