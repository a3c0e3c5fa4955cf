/*
 * /api/v1/settings: the thresholds of the light rule and friends, and
 * changing several at once (administrators; one transaction, each change
 * audited as `luoshi settings set` does: see svc/settings.c).
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/settings.h"

#include <stdio.h>
#include <string.h>

static void reply_settings(struct req *r)
{
	struct jw *w = reply_json(r, 200);

	jw_obj(w);
	for (int i = 0; settings_keys[i]; i++)
		jw_kint(w, settings_keys[i],
			settings_get(&r->ctx.settings, settings_keys[i]));
	jw_obj_end(w);
}

void api_settings_show(struct req *r)
{
	reply_settings(r);
}

#define MAX_KEYS 16

/* Every key of core/settings.c is a field: the body names those it sets. */
void api_settings_patch(struct req *r)
{
	long long v[MAX_KEYS];
	bool seen[MAX_KEYS] = { false };
	struct jfield f[MAX_KEYS];
	struct setting_change ch[MAX_KEYS];
	char text[MAX_KEYS][24];
	struct err e = ERR_INIT;
	size_t n = 0;
	int nkeys = 0;

	memset(f, 0, sizeof(f));
	for (; settings_keys[nkeys] && nkeys < MAX_KEYS; nkeys++) {
		f[nkeys].name = settings_keys[nkeys];
		f[nkeys].type = JT_INT;
		f[nkeys].out = &v[nkeys];
		f[nkeys].seen = &seen[nkeys];
	}
	if (body_parse(r, f, nkeys))
		return;
	for (int i = 0; i < nkeys; i++) {
		if (!seen[i])
			continue;
		snprintf(text[i], sizeof(text[i]), "%lld", v[i]);
		ch[n].key = settings_keys[i];
		ch[n].value = text[i];
		n++;
	}
	if (!n) {
		reply_fail(r, LS_EINVAL, "body", "nothing to change: give one "
			   "of warn_days, lag, report_days, ack_hours, "
			   "evidence_max");
		return;
	}
	if (svc_settings_set(&r->ctx, ch, n, &e))
		reply_error(r, &e);
	else
		reply_settings(r);
}
