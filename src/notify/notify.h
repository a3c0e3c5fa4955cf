/*
 * The scheduler, digests and delivery (SPEC §8). notify_pass() turns the
 * day's reminders into one digest per recipient in the outbox (never a
 * reminder twice: store's notify_sent); notify_urges() turns new urges
 * into messages at once; notify_deliver() sends what is due, through
 * libcurl, with retries and back-off, by the holder of the 'sender'
 * lease only. `luoshi remind --once` and `luoshi serve`'s scheduler
 * thread both go through notify_tick().
 */
#ifndef LUOSHI_NOTIFY_H
#define LUOSHI_NOTIFY_H

#include "store/store_notify.h"
#include "svc/ctx.h"

#include <stdbool.h>

struct pass_stats {
	long long tasks;	/* live tasks read */
	long long items;	/* reminders found for recipients with a
				 * channel */
	long long fresh;	/* of which not given before */
	long long messages;	/* deliveries queued */
};

/*
 * The daily pass for c->today: every live task's reminder kinds, grouped
 * per recipient (its owner, its leader, the lead unit's supervisors —
 * see docs/user-guide.md — and the lead unit itself), kept only for
 * recipients with a channel and not given before; one digest per
 * recipient and channel queued; last_pass set. One write transaction.
 */
enum lserr notify_pass(struct ctx *c, struct pass_stats *ps, struct err *e);

/* Queues a message for each urge made since the last call. *n = urges. */
enum lserr notify_urges(struct ctx *c, int *n, struct err *e);

struct deliver_stats {
	int sent;
	int retried;	/* failed, another attempt queued */
	int failed;	/* failed for good */
};

/*
 * Sends the deliveries due at Unix time `now` (one attempt each) and
 * records each outcome: sent, pending again after remind_backoff(), or
 * failed after notify_retries attempts.
 */
enum lserr notify_deliver(struct ctx *c, const struct notify_conf *conf,
			  long long now, struct deliver_stats *ds,
			  struct err *e);

/*
 * Sends one message now through channel ch (libcurl, in the send module:
 * notify/send.c); 0, or -1 with the reason in err ("HTTP 500", "errcode
 * 310000: ...", curl's message, or that the module is missing). Between
 * notify_send_begin() and notify_send_end() (libcurl's global set-up).
 */
int notify_send(const struct notify_conf *conf, const struct channel *ch,
		const struct delivery *d, struct buf *err);
void notify_send_begin(void);
void notify_send_end(void);

/* The send module's table. */
struct notify_send_module {
	void (*begin)(void);
	void (*end)(void);
	int (*send)(const struct notify_conf *conf, const struct channel *ch,
		    const struct delivery *d, struct buf *err);
};

/* The lease every sender takes before delivering ("sender", 60 s). */
#define NOTIFY_LEASE "sender"
#define NOTIFY_LEASE_TTL 60
/* A holder name unique to this process: "host:pid:random". */
void notify_holder(char *out, size_t n);

/* luoshi serve's scheduler thread over its own connection to db. */
int sched_start(const char *db, struct err *e);
void sched_stop(void);

#endif
