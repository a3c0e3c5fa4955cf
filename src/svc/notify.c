/*
 * Channels, notify settings and the delivery log (see svc/notify.h).
 * Notify settings share the settings table with core/settings.c's keys
 * but are text (a time, a host, a file name), so they have their own
 * table of keys in core/channel.c and their own load and change here.
 */
#include "svc/notify.h"
#include "svc/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void shape_channel(struct jw *w, const struct channel *ch)
{
	jw_obj(w);
	jw_kid(w, "id", ch->id);
	jw_kstr(w, "unit", ch->unit);
	jw_kstr(w, "user", ch->login);
	jw_kstr(w, "channel", channel_kind_name(ch->kind));
	jw_kstr(w, "target", ch->target);
	jw_kbool(w, "secret", ch->secret && *ch->secret);
	jw_kstr(w, "created_at", ch->created_at);
	jw_kstr(w, "by", ch->by);
	jw_obj_end(w);
}

void shape_delivery(struct jw *w, const struct delivery *d)
{
	char at[INSTANT_STRLEN];

	jw_obj(w);
	jw_kid(w, "id", d->id);
	jw_kid(w, "channel_id", d->channel_id);
	jw_kstr(w, "channel", d->channel);
	jw_kstr(w, "recipient", d->recipient);
	jw_kstr(w, "kind", d->kind);
	jw_kdate(w, "day", d->day);
	jw_kint(w, "items", d->items);
	jw_kstr(w, "subject", d->subject);
	jw_kstr(w, "body", d->body);
	jw_kstr(w, "status", delivery_status_name(d->status));
	jw_kint(w, "attempts", d->attempts);
	if (d->status == DELIVERY_PENDING)
		jw_kstr(w, "next_at", instant_format(d->next_at, at));
	else
		jw_knull(w, "next_at");
	jw_kstr(w, "last_error", d->last_error);
	jw_kstr(w, "created_at", d->created_at);
	jw_kstr(w, "sent_at", d->sent_at);
	jw_obj_end(w);
}

void shape_notify_conf(struct jw *w, const struct notify_conf *conf)
{
	char v[NOTIFY_TEXT];

	jw_obj(w);
	for (int i = 0; notify_conf_keys[i]; i++) {
		notify_conf_get(conf, notify_conf_keys[i], v, sizeof(v));
		jw_kstr(w, notify_conf_keys[i], v);
	}
	jw_obj_end(w);
}

static char *channel_json(const struct channel *ch)
{
	struct jw_text x;

	shape_channel(jw_text_begin(&x), ch);
	return jw_text_end(&x);
}

enum lserr svc_channel_add(struct ctx *c, const char *unit, const char *login,
			   const char *kind, const char *target,
			   const char *secret, long long *id, struct err *e)
{
	struct channel ch;
	const char *field;
	char msg[1200];
	char *json = NULL;
	enum lserr rc;

	if ((unit && *unit) == (login && *login))
		return err_set(e, LS_EINVAL, "unit", "a channel needs "
			       "either --unit or --user");
	channel_init(&ch);
	if (!channel_kind_parse(kind, &ch.kind))
		return err_set(e, LS_EINVAL, "channel", "invalid channel '%s' "
			       "for --channel (wecom, dingtalk, feishu, "
			       "webhook, email)", kind ? kind : "");
	if (channel_check(ch.kind, target, secret, &field, msg, sizeof(msg)))
		return err_set(e, LS_EINVAL, field, "%s", msg);
	if ((rc = ctx_require(c, PERM_ADMIN, e)) ||
	    (rc = store_begin(c->st, e)))
		return rc;
	ch.unit = unit && *unit ? unit : NULL;
	ch.login = login && *login ? login : NULL;
	ch.target = target;
	ch.secret = secret && *secret ? secret : NULL;
	ch.created_at = c->now;
	ch.by = c->actor.login;
	if ((rc = store_channel_insert(c->st, &ch, id, e)))
		goto fail;
	ch.id = *id;
	json = channel_json(&ch);
	if ((rc = audit_record_id(c, "notify.add", "channel", *id, NULL, json,
				  e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(json);
	return rc;
}

enum lserr svc_channel_remove(struct ctx *c, long long id, struct err *e)
{
	struct channel ch;
	char *json = NULL;
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_ADMIN, e)) ||
	    (rc = store_begin(c->st, e)))
		return rc;
	channel_init(&ch);
	if ((rc = store_channel_get(c->st, id, &ch, e)) ||
	    (rc = store_channel_delete(c->st, id, e)))
		goto fail;
	json = channel_json(&ch);
	if ((rc = audit_record_id(c, "notify.remove", "channel", id, json,
				  NULL, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	free(json);
	channel_release(&ch);
	return rc;
}

enum lserr svc_channel_list(struct ctx *c, store_channel_fn fn, void *arg,
			    struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_ADMIN, e)))
		return rc;
	return store_channel_each(c->st, fn, arg, e);
}

enum lserr svc_delivery_list(struct ctx *c, bool failed,
			     store_delivery_fn fn, void *arg, struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_ADMIN, e)))
		return rc;
	return store_delivery_each(c->st, failed, fn, arg, e);
}

enum lserr svc_notify_conf(struct ctx *c, struct notify_conf *out,
			   struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_ADMIN, e)))
		return rc;
	return store_notify_conf_load(c->st, out, e);
}

/* {"key":"value"} for the audit trail (the value is one line). */
static char *one_json(const char *key, const char *value)
{
	struct jw_text x;
	struct jw *w = jw_text_begin(&x);

	jw_obj(w);
	jw_kstr(w, key, value);
	jw_obj_end(w);
	return jw_text_end(&x);
}

enum lserr svc_notify_set(struct ctx *c, const struct setting_change *ch,
			  size_t n, struct err *e)
{
	struct notify_conf conf;
	char msg[400], before[NOTIFY_TEXT], after[NOTIFY_TEXT];
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_ADMIN, e)) ||
	    (rc = store_begin(c->st, e)))
		return rc;
	if ((rc = store_notify_conf_load(c->st, &conf, e)))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		char *jb, *ja;

		notify_conf_get(&conf, ch[i].key, before, sizeof(before));
		if (notify_conf_set(&conf, ch[i].key, ch[i].value, msg,
				    sizeof(msg))) {
			rc = err_set(e, LS_EINVAL, ch[i].key, "%s", msg);
			goto fail;
		}
		notify_conf_get(&conf, ch[i].key, after, sizeof(after));
		jb = one_json(ch[i].key, before);
		ja = one_json(ch[i].key, after);
		/* stored normalised: "7:05" is refused, "07:05" kept */
		rc = store_setting_put(c->st, ch[i].key, after, e);
		if (!rc)
			rc = audit_record(c, "settings.set", "settings",
					  ch[i].key, jb, ja, e);
		free(jb);
		free(ja);
		if (rc)
			goto fail;
	}
	return store_commit(c->st, e);
fail:
	store_rollback(c->st);
	return rc;
}
