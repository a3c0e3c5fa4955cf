/*
 * Defaults and validation of settings (one table of keys, ranges, fields).
 */
#include "core/settings.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const settings_keys[] = {
	"warn_days", "lag", "report_days", "ack_hours", "evidence_max",
	"inspection_cap", "policy_warn_days", NULL,
};

static const long long lo[] = { 0, 0, 1, 1, 1, 1, 0 };
static const long long hi[] = { 365, 100, 365, 24 * 365, 1LL << 32, 1000,
				  365 };

void settings_default(struct settings *s)
{
	s->warn_days = 3;
	s->lag = 25;
	s->report_days = 7;
	s->ack_hours = 24;
	s->evidence_max = 20LL * 1024 * 1024;
	s->inspection_cap = 4;
	s->policy_warn_days = 14;
}

static int key_index(const char *key)
{
	for (int i = 0; settings_keys[i]; i++)
		if (!strcmp(settings_keys[i], key))
			return i;
	return -1;
}

long long settings_get(const struct settings *s, const char *key)
{
	switch (key_index(key)) {
	case 0: return s->warn_days;
	case 1: return s->lag;
	case 2: return s->report_days;
	case 3: return s->ack_hours;
	case 4: return s->evidence_max;
	case 5: return s->inspection_cap;
	case 6: return s->policy_warn_days;
	}
	return -1;
}

int settings_set(struct settings *s, const char *key, const char *value,
		 char *msg, unsigned msglen)
{
	int i = key_index(key);
	char *end;
	long long v;

	if (i < 0) {
		snprintf(msg, msglen, "unknown setting '%s'", key);
		return -1;
	}
	errno = 0;
	v = strtoll(value, &end, 10);
	if (errno || end == value || *end || v < lo[i] || v > hi[i]) {
		snprintf(msg, msglen, "invalid value '%s' for %s (%lld..%lld)",
			 value, key, lo[i], hi[i]);
		return -1;
	}
	switch (i) {
	case 0: s->warn_days = (int)v; break;
	case 1: s->lag = (int)v; break;
	case 2: s->report_days = (int)v; break;
	case 3: s->ack_hours = (int)v; break;
	case 4: s->evidence_max = v; break;
	case 5: s->inspection_cap = (int)v; break;
	case 6: s->policy_warn_days = (int)v; break;
	}
	return 0;
}
