/*
 * The rules of policy windows (see policy.h): names, date checks, the
 * effective status and the closing alert, all pure functions of the
 * stored fields and the reference day.
 */
#include "core/policy.h"
#include "util/date.h"

#include <stddef.h>
#include <string.h>

static const char *const level_names[] = {
	[POLICY_NATIONAL] = "national",
	[POLICY_PROVINCIAL] = "provincial",
	[POLICY_MUNICIPAL] = "municipal",
};

static const char *const status_names[] = {
	[POLICY_WATCHING] = "watching",
	[POLICY_APPLYING] = "applying",
	[POLICY_LANDED] = "landed",
	[POLICY_MISSED] = "missed",
};

void policy_init(struct policy *p)
{
	memset(p, 0, sizeof(*p));
	p->issued = DATE_NONE;
	p->open = DATE_NONE;
	p->close = DATE_NONE;
	p->version = 1;
	buf_init(&p->arena);
}

void policy_release(struct policy *p)
{
	buf_release(&p->arena);
	policy_init(p);
}

const char *policy_level_name(enum policy_level l)
{
	return level_names[l];
}

bool policy_level_parse(const char *s, enum policy_level *out)
{
	for (size_t i = 0; s && i < sizeof(level_names) / sizeof(*level_names);
	     i++) {
		if (!strcmp(s, level_names[i])) {
			*out = (enum policy_level)i;
			return true;
		}
	}
	return false;
}

const char *policy_status_name(enum policy_status s)
{
	return status_names[s];
}

bool policy_status_parse(const char *s, enum policy_status *out)
{
	for (size_t i = 0;
	     s && i < sizeof(status_names) / sizeof(*status_names); i++) {
		if (!strcmp(s, status_names[i])) {
			*out = (enum policy_status)i;
			return true;
		}
	}
	return false;
}

enum policy_date_err policy_dates_check(int issued, int open, int close)
{
	if (open > close)
		return POLICY_OPEN_AFTER_CLOSE;
	if (issued > close)
		return POLICY_ISSUED_AFTER_CLOSE;
	return POLICY_DATES_OK;
}

enum policy_status policy_effective(enum policy_status stored, int close,
				    int today)
{
	if (stored == POLICY_LANDED || stored == POLICY_MISSED)
		return stored;
	return close < today ? POLICY_MISSED : stored;
}

bool policy_closing(enum policy_status stored, int close, int today,
		    int days)
{
	enum policy_status s = policy_effective(stored, close, today);

	if (s != POLICY_WATCHING && s != POLICY_APPLYING)
		return false;
	/* close >= today here: an earlier close made it missed */
	return (long long)close - today <= days;
}

bool policy_status_settable(enum policy_status to, int close, int today)
{
	return close >= today || to == POLICY_LANDED || to == POLICY_MISSED;
}

enum policy_alert policy_bulletin_kind(enum policy_status stored, int close,
				       int today, int days, int first,
				       int last)
{
	if (policy_closing(stored, close, today, days))
		return POLICY_ALERT_CLOSING;
	if (policy_effective(stored, close, today) == POLICY_MISSED &&
	    close >= first && close <= last)
		return POLICY_ALERT_MISSED;
	return POLICY_ALERT_NONE;
}
