/*
 * /api/v1/notify: channels (list, add, remove), the delivery log (newest
 * first, ?failed=1 for those with a failed attempt) and the notify
 * settings (text values: remind_at, smtp_*, notify_*), for
 * administrators; the same operations and shapes as `luoshi notify`.
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/notify.h"

#include <stdio.h>
#include <string.h>

static int channel_one(const struct channel *ch, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_channel(&l->r->w, ch);
	return 0;
}

void api_notify_channels(struct req *r)
{
	struct api_list l;
	struct err e = ERR_INIT;

	if (api_list_begin(&l, r))
		return;
	api_list_end(&l, svc_channel_list(&r->ctx, channel_one, &l, &e), &e);
}

void api_notify_channel_add(struct req *r)
{
	const char *unit = NULL, *user = NULL, *channel = NULL;
	const char *target = NULL, *secret = NULL;
	const struct jfield f[] = {
		{ "unit", JT_STR, &unit, NULL },
		{ "user", JT_STR, &user, NULL },
		{ "channel", JT_STR, &channel, NULL },
		{ "target", JT_STR, &target, NULL },
		{ "secret", JT_STR, &secret, NULL },
	};
	struct err e = ERR_INIT;
	struct channel ch;
	long long id;
	char loc[64];

	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (svc_channel_add(&r->ctx, unit, user, channel, target, secret, &id,
			    &e)) {
		reply_error(r, &e);
		return;
	}
	channel_init(&ch);
	if (store_channel_get(r->ctx.st, id, &ch, &e)) {
		reply_error(r, &e);
	} else {
		shape_channel(reply_json(r, 201), &ch);
		snprintf(loc, sizeof(loc), "/api/v1/notify/channels/%lld",
			 id);
		req_set_header(r, "Location", loc);
	}
	channel_release(&ch);
}

void api_notify_channel_remove(struct req *r)
{
	struct err e = ERR_INIT;
	long long id;

	if (req_param_id(r, 0, "channel", &id))
		return;
	if (svc_channel_remove(&r->ctx, id, &e))
		reply_error(r, &e);
	else
		reply_empty(r);
}

static int delivery_one(const struct delivery *d, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_delivery(&l->r->w, d);
	return 0;
}

void api_notify_deliveries(struct req *r)
{
	const char *failed = req_query(r, "failed");
	struct api_list l;
	struct err e = ERR_INIT;

	if (failed && strcmp(failed, "0") && strcmp(failed, "1") &&
	    strcmp(failed, "true") && strcmp(failed, "false")) {
		reply_fail(r, LS_EINVAL, "failed", "invalid value '%s' for "
			   "failed (1 or 0)", failed);
		return;
	}
	if (api_list_begin(&l, r))
		return;
	api_list_end(&l, svc_delivery_list(&r->ctx, failed &&
					   (!strcmp(failed, "1") ||
					    !strcmp(failed, "true")),
					   delivery_one, &l, &e), &e);
}

static void reply_conf(struct req *r)
{
	struct notify_conf conf;
	struct err e = ERR_INIT;

	if (svc_notify_conf(&r->ctx, &conf, &e))
		reply_error(r, &e);
	else
		shape_notify_conf(reply_json(r, 200), &conf);
}

void api_notify_settings(struct req *r)
{
	reply_conf(r);
}

#define MAX_KEYS 16

/* Every notify setting is a string field; the body names those it sets. */
void api_notify_settings_patch(struct req *r)
{
	const char *v[MAX_KEYS];
	bool seen[MAX_KEYS] = { false };
	struct jfield f[MAX_KEYS];
	struct setting_change ch[MAX_KEYS];
	struct err e = ERR_INIT;
	size_t n = 0;
	int nkeys = 0;

	memset(f, 0, sizeof(f));
	for (; notify_conf_keys[nkeys] && nkeys < MAX_KEYS; nkeys++) {
		v[nkeys] = NULL;
		f[nkeys].name = notify_conf_keys[nkeys];
		f[nkeys].type = JT_STR;
		f[nkeys].out = &v[nkeys];
		f[nkeys].seen = &seen[nkeys];
	}
	if (body_parse(r, f, nkeys))
		return;
	for (int i = 0; i < nkeys; i++) {
		if (!seen[i])
			continue;
		ch[n].key = notify_conf_keys[i];
		ch[n].value = v[i] ? v[i] : "";
		n++;
	}
	if (!n) {
		reply_fail(r, LS_EINVAL, "body", "nothing to change: give one "
			   "of remind_at, smtp_host, smtp_port, smtp_from, "
			   "smtp_user, smtp_password_file, smtp_starttls, "
			   "notify_retries, notify_backoff, notify_timeout");
		return;
	}
	if (svc_notify_set(&r->ctx, ch, n, &e))
		reply_error(r, &e);
	else
		reply_conf(r);
}
