/*
 * Notification channels, the notify settings and the delivery log as
 * operations (administrators only): validation naming field and value,
 * one transaction, audited like every write. The JSON shapes of a
 * channel and a delivery live here too (the CLI's --json and the API).
 * The reminder pass and the delivery itself are in notify/.
 */
#ifndef LUOSHI_SVC_NOTIFY_H
#define LUOSHI_SVC_NOTIFY_H

#include "store/store_notify.h"
#include "svc/ctx.h"
#include "svc/settings.h"
#include "util/jw.h"

/* Adds a channel for a unit or (exclusive) a user; *id is the new one. */
enum lserr svc_channel_add(struct ctx *c, const char *unit, const char *login,
			   const char *kind, const char *target,
			   const char *secret, long long *id, struct err *e);
enum lserr svc_channel_remove(struct ctx *c, long long id, struct err *e);
enum lserr svc_channel_list(struct ctx *c, store_channel_fn fn, void *arg,
			    struct err *e);
/* Newest first; failed: only deliveries with a failed attempt. */
enum lserr svc_delivery_list(struct ctx *c, bool failed,
			     store_delivery_fn fn, void *arg, struct err *e);

enum lserr svc_notify_conf(struct ctx *c, struct notify_conf *out,
			   struct err *e);
/* Changes several notify settings at once, all or none, audited. */
enum lserr svc_notify_set(struct ctx *c, const struct setting_change *ch,
			  size_t n, struct err *e);

/* {"id","unit","user","channel","target","secret","created_at","by"};
 * "secret" is true or false: the value is never shown. */
void shape_channel(struct jw *w, const struct channel *ch);
/* {"id","channel_id","channel","recipient","kind","day","items",
 *  "subject","body","status","attempts","next_at","last_error",
 *  "created_at","sent_at"} */
void shape_delivery(struct jw *w, const struct delivery *d);
/* The notify settings as one object of strings. */
void shape_notify_conf(struct jw *w, const struct notify_conf *conf);

#endif
