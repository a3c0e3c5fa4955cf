/*
 * Delivery with retries, the sender lease and luoshi serve's scheduler
 * thread. The thread has its own store connection and wakes every
 * second: it takes (or renews) the 'sender' lease, and only the holder
 * runs the daily pass (at start-up, then when remind_at has come and
 * today's pass has not run), turns urges into messages and sends what is
 * due. A server that stops holding the lease (crashed, or slow past the
 * TTL) is replaced by another within NOTIFY_LEASE_TTL seconds (the
 * environment's LUOSHI_LEASE_TTL, if set: the tests shorten it) plus the
 * 5 s between two tries to take it.
 */
#include "core/remind.h"
#include "notify/notify.h"
#include "util/xmalloc.h"

#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void notify_holder(char *out, size_t n)
{
	char host[64] = "";

	gethostname(host, sizeof(host) - 1);
	snprintf(out, n, "%s:%ld:%08x", host, (long)getpid(),
		 (unsigned)randombytes_random());
}

struct due {
	struct delivery *d;
	size_t n, a;
};

static int due_one(const struct delivery *d, void *arg)
{
	struct due *q = arg;
	struct delivery *c;

	if (q->n == q->a) {
		q->a = q->a ? 2 * q->a : 16;
		q->d = xreallocarray(q->d, q->a, sizeof(*q->d));
	}
	c = &q->d[q->n++];
	delivery_init(c);
	c->id = d->id;
	c->channel_id = d->channel_id;
	c->kind = xstrdup(d->kind);
	c->recipient = xstrdup(d->recipient);
	c->subject = xstrdup(d->subject);
	c->body = xstrdup(d->body);
	c->day = d->day;
	c->items = d->items;
	c->attempts = d->attempts;
	c->last_error = d->last_error ? xstrdup(d->last_error) : NULL;
	return 0;
}

static void due_release(struct due *q)
{
	for (size_t i = 0; i < q->n; i++) {
		free((char *)q->d[i].kind);
		free((char *)q->d[i].recipient);
		free((char *)q->d[i].subject);
		free((char *)q->d[i].body);
		free((char *)q->d[i].last_error);
	}
	free(q->d);
}

/* One attempt at d, its outcome recorded in its own transaction. */
static enum lserr attempt(struct ctx *c, const struct notify_conf *conf,
			  struct delivery *d, long long now,
			  struct deliver_stats *ds, struct err *e)
{
	struct channel ch;
	struct buf why = BUF_INIT;
	char at[INSTANT_STRLEN];
	enum lserr rc;
	int ok;

	channel_init(&ch);
	rc = store_channel_get(c->st, d->channel_id, &ch, e);
	if (rc == LS_ENOTFOUND) {
		buf_adds(&why, "channel removed");
		ok = -1;
		d->attempts = conf->retries - 1;
	} else if (rc) {
		goto out;
	} else {
		ok = notify_send(conf, &ch, d, &why);
	}
	d->attempts++;
	if (ok == 0) {
		d->status = DELIVERY_SENT;
		d->sent_at = instant_format((long long)time(NULL), at);
		ds->sent++;
	} else {
		free((char *)d->last_error);
		d->last_error = xstrdup(why.ptr);
		if (d->attempts >= conf->retries) {
			d->status = DELIVERY_FAILED;
			ds->failed++;
		} else {
			d->status = DELIVERY_PENDING;
			d->next_at = now + remind_backoff(d->attempts,
							  conf->backoff);
			ds->retried++;
		}
	}
	if (!(rc = store_begin(c->st, e))) {
		if ((rc = store_delivery_update(c->st, d, e)))
			store_rollback(c->st);
		else
			rc = store_commit(c->st, e);
	}
out:
	channel_release(&ch);
	buf_release(&why);
	return rc;
}

enum lserr notify_deliver(struct ctx *c, const struct notify_conf *conf,
			  long long now, struct deliver_stats *ds,
			  struct err *e)
{
	struct due q = { NULL, 0, 0 };
	enum lserr rc;

	rc = store_delivery_due(c->st, now, due_one, &q, e);
	for (size_t i = 0; !rc && i < q.n; i++)
		rc = attempt(c, conf, &q.d[i], now, ds, e);
	due_release(&q);
	return rc;
}

static struct {
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	bool running, stop;
	bool held;		/* the sender lease, until renew_at at least */
	long long renew_at;
	int ttl;		/* the lease's seconds */
	char *db;
	char holder[128];
} S = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

static void warn(const char *what, const struct err *e)
{
	fprintf(stderr, "luoshi: scheduler: %s: %s\n", what, e->msg);
}

static int local_minutes(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return tm.tm_hour * 60 + tm.tm_min;
}

/* One wake-up of the scheduler; *first: the start-up pass is due. */
static void tick(struct ctx *c, bool *first)
{
	struct notify_conf conf;
	struct pass_stats ps;
	struct deliver_stats ds = { 0, 0, 0 };
	long long now = (long long)time(NULL), last;
	bool held = false;
	int n;

	if (ctx_clock(c, NULL, &c->err)) {
		warn("clock", &c->err);
		return;
	}
	/* renew when half the lease is left; try to take it every 5 s */
	if (now >= S.renew_at) {
		if (store_notify_lease(c->st, NOTIFY_LEASE, S.holder, now,
				       S.ttl, &held, &c->err)) {
			/* not held for sure: no sending meanwhile */
			S.held = false;
			warn("lease", &c->err);
			return;
		}
		S.held = held;
		S.renew_at = now + (held ? S.ttl / 2 : 5);
	}
	if (!S.held)
		return;
	if (store_notify_conf_load(c->st, &conf, &c->err) ||
	    store_settings_load(c->st, &c->settings, &c->err) ||
	    store_notify_state_get(c->st, "last_pass", &last, &c->err)) {
		warn("settings", &c->err);
		return;
	}
	if (*first || remind_pass_due(c->today, last ? (int)last : DATE_NONE,
				      local_minutes(), conf.remind_at)) {
		if (notify_pass(c, &ps, &c->err))
			warn("daily pass", &c->err);
		else
			fprintf(stderr, "luoshi: scheduler: daily pass: %lld "
				"tasks, %lld new reminders, %lld messages\n",
				ps.tasks, ps.fresh, ps.messages);
		*first = false;
	}
	if (notify_urges(c, &n, &c->err))
		warn("urges", &c->err);
	if (notify_deliver(c, &conf, now, &ds, &c->err))
		warn("delivery", &c->err);
}

static void *loop(void *arg)
{
	struct ctx c;
	bool first = true;
	struct timespec ts;

	(void)arg;
	memset(&c, 0, sizeof(c));
	if (ctx_clock(&c, NULL, &c.err) || ctx_open(&c, S.db, &c.err) ||
	    ctx_act_as(&c, NULL, &c.err)) {
		warn("start", &c.err);
		return NULL;
	}
	pthread_mutex_lock(&S.mu);
	while (!S.stop) {
		pthread_mutex_unlock(&S.mu);
		tick(&c, &first);
		pthread_mutex_lock(&S.mu);
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		if (!S.stop)
			pthread_cond_timedwait(&S.cv, &S.mu, &ts);
	}
	pthread_mutex_unlock(&S.mu);
	store_notify_lease_drop(c.st, NOTIFY_LEASE, S.holder, &c.err);
	ctx_close(&c);
	return NULL;
}

/* LUOSHI_LEASE_TTL, if set: 2 to 3600 seconds. */
static enum lserr lease_ttl(int *ttl, struct err *e)
{
	const char *v = getenv("LUOSHI_LEASE_TTL");
	char *end;
	long n;

	*ttl = NOTIFY_LEASE_TTL;
	if (!v || !*v)
		return LS_OK;
	n = strtol(v, &end, 10);
	if (*end || n < 2 || n > 3600)
		return err_set(e, LS_EINVAL, "LUOSHI_LEASE_TTL", "invalid "
			       "LUOSHI_LEASE_TTL '%s' (seconds, 2 to 3600)",
			       v);
	*ttl = (int)n;
	return LS_OK;
}

int sched_start(const char *db, struct err *e)
{
	if (lease_ttl(&S.ttl, e))
		return e->code;
	notify_send_begin();
	S.db = xstrdup(db);
	S.stop = false;
	S.held = false;
	S.renew_at = 0;
	notify_holder(S.holder, sizeof(S.holder));
	if (pthread_create(&S.th, NULL, loop, NULL)) {
		notify_send_end();
		free(S.db);
		return err_set(e, LS_EFAIL, "scheduler", "cannot start the "
			       "scheduler thread");
	}
	S.running = true;
	return 0;
}

void sched_stop(void)
{
	if (!S.running)
		return;
	pthread_mutex_lock(&S.mu);
	S.stop = true;
	pthread_cond_signal(&S.cv);
	pthread_mutex_unlock(&S.mu);
	pthread_join(S.th, NULL);
	S.running = false;
	free(S.db);
	S.db = NULL;
	notify_send_end();
}
