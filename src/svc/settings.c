/*
 * Settings writes (see settings.h): validate every change on a copy, then
 * store and audit them together, so a request changing several settings
 * either changes them all or none.
 */
#include "svc/settings.h"
#include "svc/audit.h"

#include <stdio.h>

enum lserr svc_settings_set(struct ctx *c, const struct setting_change *ch,
			    size_t n, struct err *e)
{
	struct settings s = c->settings;
	char msg[200], before[80], after[80], value[32];
	enum lserr rc;

	for (size_t i = 0; i < n; i++)
		if (settings_set(&s, ch[i].key, ch[i].value, msg,
				 sizeof(msg)))
			return err_set(e, LS_EINVAL, ch[i].key, "%s", msg);
	if ((rc = ctx_require(c, PERM_ADMIN, e)) ||
	    (rc = store_begin(c->st, e)))
		return rc;
	s = c->settings;
	for (size_t i = 0; i < n; i++) {
		snprintf(before, sizeof(before), "{\"%s\":%lld}", ch[i].key,
			 settings_get(&s, ch[i].key));
		settings_set(&s, ch[i].key, ch[i].value, msg, sizeof(msg));
		snprintf(value, sizeof(value), "%lld",
			 settings_get(&s, ch[i].key));
		snprintf(after, sizeof(after), "{\"%s\":%s}", ch[i].key,
			 value);
		/* stored normalised: "+07" is kept as "7" */
		if ((rc = store_setting_put(c->st, ch[i].key, value, e)) ||
		    (rc = audit_record(c, "settings.set", "settings",
				       ch[i].key, before, after, e))) {
			store_rollback(c->st);
			return rc;
		}
	}
	if ((rc = store_commit(c->st, e)))
		return rc;
	c->settings = s;
	return LS_OK;
}
