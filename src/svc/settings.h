/*
 * Changing settings (the thresholds of core/settings.h): validated by
 * core/settings.c, administrators only, every change in the audit trail.
 * The CLI's `settings set` and the API's PATCH /settings both come here.
 */
#ifndef LUOSHI_SVC_SETTINGS_H
#define LUOSHI_SVC_SETTINGS_H

#include "svc/ctx.h"

#include <stddef.h>

/* One change: a key of settings_keys and its value as text. */
struct setting_change {
	const char *key;
	const char *value;
};

/*
 * Applies the changes in one transaction, each recorded as settings.set
 * with before and after {"<key>":<value>}. LS_EINVAL (field = the key)
 * for an unknown key or a value out of range, checked before the role.
 * On success c->settings holds the new values; otherwise it is unchanged.
 */
enum lserr svc_settings_set(struct ctx *c, const struct setting_change *ch,
			    size_t n, struct err *e);

#endif
