/*
 * The store's part of reminders and notifications (SPEC §8), apart from
 * store.h so the feature stays in its own files: channels, the reminders
 * already given, the outbox of deliveries, the scheduler's state and its
 * sender lease, and the two reads of the daily pass (live tasks, urges).
 * Same conventions as store.h.
 */
#ifndef LUOSHI_STORE_NOTIFY_H
#define LUOSHI_STORE_NOTIFY_H

#include "core/channel.h"
#include "store/store.h"

/* A channel: exactly one of unit and login is set. */
struct channel {
	long long id;
	const char *unit;
	const char *login;
	enum channel_kind kind;
	const char *target;
	const char *secret;	/* NULL when none */
	const char *created_at;
	const char *by;
	struct buf arena;
};

void channel_init(struct channel *c);
void channel_release(struct channel *c);

enum lserr store_channel_insert(struct store *s, const struct channel *c,
				long long *id, struct err *e);
enum lserr store_channel_get(struct store *s, long long id,
			     struct channel *out, struct err *e);
enum lserr store_channel_delete(struct store *s, long long id, struct err *e);
typedef int (*store_channel_fn)(const struct channel *c, void *arg);
/* Every channel, ordered by id. */
enum lserr store_channel_each(struct store *s, store_channel_fn fn, void *arg,
			      struct err *e);

/*
 * Records reminder (recipient, task, kind, day); *fresh is true when it
 * was not given before (the caller then sends it), false otherwise.
 */
enum lserr store_notify_sent_add(struct store *s, const char *recipient,
				 long long task_id, const char *kind, int day,
				 bool *fresh, struct err *e);

enum delivery_status {
	DELIVERY_PENDING,
	DELIVERY_SENT,
	DELIVERY_FAILED,
};

struct delivery {
	long long id;
	long long channel_id;
	const char *channel;	/* kind name, kept for the log */
	const char *recipient;
	const char *kind;	/* "digest" or "urge" */
	int day;
	int items;
	const char *subject;
	const char *body;
	enum delivery_status status;
	int attempts;
	long long next_at;	/* Unix seconds */
	const char *last_error;
	const char *created_at;
	const char *sent_at;
	struct buf arena;
};

void delivery_init(struct delivery *d);
void delivery_release(struct delivery *d);
const char *delivery_status_name(enum delivery_status st);

enum lserr store_delivery_insert(struct store *s, const struct delivery *d,
				 long long *id, struct err *e);
typedef int (*store_delivery_fn)(const struct delivery *d, void *arg);
/* Newest first; failed_only: those that ever failed an attempt. */
enum lserr store_delivery_each(struct store *s, bool failed_only,
			       store_delivery_fn fn, void *arg,
			       struct err *e);
/* Pending deliveries whose next attempt is due by `now`, oldest first. */
enum lserr store_delivery_due(struct store *s, long long now,
			      store_delivery_fn fn, void *arg,
			      struct err *e);
/* How many deliveries are pending and the earliest next_at (0 if none). */
enum lserr store_delivery_pending(struct store *s, long long *count,
				  long long *next_at, struct err *e);
/* Records an attempt's outcome (status, attempts, next_at, error, sent). */
enum lserr store_delivery_update(struct store *s, const struct delivery *d,
				 struct err *e);

/* The notify settings (rows "remind_at" ... of settings) over defaults. */
enum lserr store_notify_conf_load(struct store *s, struct notify_conf *out,
				  struct err *e);

/* Scheduler state: "last_pass" (a day), "urge_cursor"; 0 when absent. */
enum lserr store_notify_state_get(struct store *s, const char *key,
				  long long *v, struct err *e);
enum lserr store_notify_state_put(struct store *s, const char *key,
				  long long v, struct err *e);

/*
 * Takes or renews lease `name` for `holder` until now + ttl; *held tells
 * whether holder has it now (false: someone else's, not expired). Atomic
 * in one statement; with PostgreSQL this is the place for an advisory
 * lock on a dedicated connection.
 */
enum lserr store_notify_lease(struct store *s, const char *name,
			      const char *holder, long long now, long long ttl,
			      bool *held, struct err *e);
/* Gives the lease up when holder has it. */
enum lserr store_notify_lease_drop(struct store *s, const char *name,
				   const char *holder, struct err *e);

/*
 * Every live task (open, doing, review) with the fields the light and the
 * reminder kinds read (no description, co, source), in id order. t is
 * reused between rows.
 */
enum lserr store_remind_each(struct store *s, store_task_fn fn, void *arg,
			     struct err *e);

/* Urges after task_events id `after`, oldest first, with their task. */
typedef int (*store_urge_task_fn)(long long event_id, const char *by,
				  const char *note, const struct task *t,
				  void *arg);
enum lserr store_urge_after(struct store *s, long long after, int limit,
			    store_urge_task_fn fn, void *arg, struct err *e);

#endif
