/*
 * The tunable thresholds of SPEC §3 and friends. Stored in the database's
 * settings table; these are the defaults when a key is absent.
 */
#ifndef LUOSHI_SETTINGS_H
#define LUOSHI_SETTINGS_H

struct settings {
	int warn_days;		/* yellow when due - T <= warn_days (3) */
	int lag;		/* yellow when percent < expected - lag (25) */
	int report_days;	/* yellow when T - last activity > this (7) */
	int ack_hours;		/* answered in time within this (24) */
	long long evidence_max;	/* bytes per evidence file (20 MiB) */
	int inspection_cap;	/* inspections per unit per month (4) */
	int policy_warn_days;	/* policy window closing within (14) */
};

void settings_default(struct settings *s);
/*
 * Sets one setting from its text value. Returns 0, or -1 when the key is
 * unknown or the value out of range (the message names both).
 */
int settings_set(struct settings *s, const char *key, const char *value,
		 char *msg, unsigned msglen);
/* Keys in a stable order, NULL-terminated, for listing. */
extern const char *const settings_keys[];
long long settings_get(const struct settings *s, const char *key);

#endif
