/*
 * Reminders and notifications in the store (see store_notify.h): SQL of
 * the common subset, one statement per operation. The sent table's
 * primary key is the "never twice" guarantee: an INSERT ... ON CONFLICT
 * DO NOTHING RETURNING answers a row only for a reminder not given yet.
 */
#include "store/store_int.h"
#include "store/store_notify.h"

#include <string.h>

static const char channel_insert_sql[] =
	"INSERT INTO notify_channels (unit, login, kind, target, secret, "
	"created_at, by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";

#define CHANNEL_COLS "id, unit, login, kind, target, secret, created_at, by"

static const char channel_get_sql[] =
	"SELECT " CHANNEL_COLS " FROM notify_channels WHERE id = ?";

static const char channel_each_sql[] =
	"SELECT " CHANNEL_COLS " FROM notify_channels ORDER BY id";

static const char channel_delete_sql[] =
	"DELETE FROM notify_channels WHERE id = ? RETURNING id";

static const char sent_add_sql[] =
	"INSERT INTO notify_sent (recipient, task_id, kind, day) "
	"VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1";

#define DELIVERY_COLS "id, channel_id, channel, recipient, kind, day, " \
	"items, subject, body, status, attempts, next_at, last_error, " \
	"created_at, sent_at"

static const char delivery_insert_sql[] =
	"INSERT INTO notify_deliveries (channel_id, channel, recipient, kind, "
	"day, items, subject, body, status, attempts, next_at, created_at) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?) RETURNING id";

static const char delivery_each_sql[] =
	"SELECT " DELIVERY_COLS " FROM notify_deliveries "
	"WHERE ?1 = 0 OR last_error IS NOT NULL ORDER BY id DESC";

static const char delivery_due_sql[] =
	"SELECT " DELIVERY_COLS " FROM notify_deliveries "
	"WHERE status = 'pending' AND next_at <= ? ORDER BY id LIMIT 100";

static const char delivery_pending_sql[] =
	"SELECT count(*), coalesce(min(next_at), 0) FROM notify_deliveries "
	"WHERE status = 'pending'";

static const char delivery_update_sql[] =
	"UPDATE notify_deliveries SET status = ?, attempts = ?, next_at = ?, "
	"last_error = ?, sent_at = ? WHERE id = ?";

static const char conf_load_sql[] =
	"SELECT key, value FROM settings ORDER BY key";

static const char state_get_sql[] =
	"SELECT value FROM notify_state WHERE key = ?";

static const char state_put_sql[] =
	"INSERT INTO notify_state (key, value) VALUES (?, ?) "
	"ON CONFLICT (key) DO UPDATE SET value = excluded.value";

/* Succeeds (answers a row) only for the holder or an expired lease. */
static const char lease_sql[] =
	"INSERT INTO notify_lease (name, holder, expires) VALUES (?1, ?2, ?3) "
	"ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
	"expires = excluded.expires WHERE notify_lease.holder = ?2 "
	"OR notify_lease.expires < ?4 RETURNING 1";

static const char lease_drop_sql[] =
	"DELETE FROM notify_lease WHERE name = ? AND holder = ?";

static const char remind_each_sql[] =
	"SELECT id, title, lead, owner, leader, status, start, due, percent, "
	"created_at, created_on, acked_at, activity_on, ms_due, daily "
	"FROM tasks WHERE status IN ('open', 'doing', 'review') ORDER BY id";

static const char urge_after_sql[] =
	"SELECT v.id, v.by, v.note, t.id, t.title, t.lead, t.owner, "
	"t.leader, t.due FROM task_events v JOIN tasks t ON t.id = v.task_id "
	"WHERE v.id > ? AND v.kind = 'urge' ORDER BY v.id LIMIT ?";

void channel_init(struct channel *c)
{
	memset(c, 0, sizeof(*c));
	buf_init(&c->arena);
}

void channel_release(struct channel *c)
{
	buf_release(&c->arena);
	channel_init(c);
}

void delivery_init(struct delivery *d)
{
	memset(d, 0, sizeof(*d));
	buf_init(&d->arena);
}

void delivery_release(struct delivery *d)
{
	buf_release(&d->arena);
	delivery_init(d);
}

static const char *const status_names[] = { "pending", "sent", "failed" };

const char *delivery_status_name(enum delivery_status st)
{
	return status_names[st];
}

static void channel_fill(struct store *s, struct stmt *st, struct channel *c)
{
	static const int cols[] = { 1, 2, 4, 5, 6, 7 };
	const char **const dst[] = { &c->unit, &c->login, &c->target,
				     &c->secret, &c->created_at, &c->by };

	col_strings(s, st, &c->arena, cols, dst, 6);
	c->id = col_int(s, st, 0);
	if (!channel_kind_parse(col_text(s, st, 3), &c->kind))
		c->kind = CHANNEL_WEBHOOK;	/* the CHECK admits no other */
}

enum lserr store_channel_insert(struct store *s, const struct channel *c,
				long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if ((rc = store_need_unit(s, c->unit, "unit", e)) ||
	    (rc = store_need_user(s, c->login, "user", e)))
		return rc;
	if (!(st = store_stmt(s, channel_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, c->unit);
	db_text(s, st, 2, c->login);
	db_text(s, st, 3, channel_kind_name(c->kind));
	db_text(s, st, 4, c->target);
	db_text(s, st, 5, c->secret && *c->secret ? c->secret : NULL);
	db_text(s, st, 6, c->created_at);
	db_text(s, st, 7, c->by);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_channel_get(struct store *s, long long id,
			     struct channel *out, struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, channel_get_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_step(s, st, e);
	if (r == 1)
		channel_fill(s, st, out);
	else if (r == 0)
		rc = store_notfound_id(e, "id", "channel", id);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_channel_delete(struct store *s, long long id, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, channel_delete_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound_id(e, "id", "channel", id);
	return LS_OK;
}

enum lserr store_channel_each(struct store *s, store_channel_fn fn, void *arg,
			      struct err *e)
{
	struct stmt *st;
	struct channel c;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, channel_each_sql, e)))
		return e->code;
	channel_init(&c);
	while ((r = db_step(s, st, e)) == 1) {
		channel_fill(s, st, &c);
		if (fn(&c, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	channel_release(&c);
	return rc;
}

enum lserr store_notify_sent_add(struct store *s, const char *recipient,
				 long long task_id, const char *kind, int day,
				 bool *fresh, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, sent_add_sql, e)))
		return e->code;
	db_text(s, st, 1, recipient);
	db_int(s, st, 2, task_id);
	db_text(s, st, 3, kind);
	db_date(s, st, 4, day);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	*fresh = r == 1;
	return LS_OK;
}

static void delivery_fill(struct store *s, struct stmt *st,
			  struct delivery *d)
{
	static const int cols[] = { 2, 3, 4, 7, 8, 12, 13, 14 };
	const char **const dst[] = { &d->channel, &d->recipient, &d->kind,
				     &d->subject, &d->body, &d->last_error,
				     &d->created_at, &d->sent_at };
	const char *status = col_text(s, st, 9);

	col_strings(s, st, &d->arena, cols, dst, 8);
	d->id = col_int(s, st, 0);
	d->channel_id = col_int(s, st, 1);
	d->day = col_date(s, st, 5);
	d->items = (int)col_int(s, st, 6);
	d->status = DELIVERY_PENDING;
	for (int i = 0; status && i < 3; i++)
		if (!strcmp(status, status_names[i]))
			d->status = (enum delivery_status)i;
	d->attempts = (int)col_int(s, st, 10);
	d->next_at = col_int(s, st, 11);
}

enum lserr store_delivery_insert(struct store *s, const struct delivery *d,
				 long long *id, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, delivery_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, d->channel_id);
	db_text(s, st, 2, d->channel);
	db_text(s, st, 3, d->recipient);
	db_text(s, st, 4, d->kind);
	db_date(s, st, 5, d->day);
	db_int(s, st, 6, d->items);
	db_text(s, st, 7, d->subject);
	db_text(s, st, 8, d->body);
	db_int(s, st, 9, d->next_at);
	db_text(s, st, 10, d->created_at);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

static enum lserr delivery_iter(struct store *s, struct stmt *st,
				store_delivery_fn fn, void *arg,
				struct err *e)
{
	struct delivery d;
	enum lserr rc = LS_OK;
	int r;

	delivery_init(&d);
	while ((r = db_step(s, st, e)) == 1) {
		delivery_fill(s, st, &d);
		if (fn(&d, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	delivery_release(&d);
	return rc;
}

enum lserr store_delivery_each(struct store *s, bool failed_only,
			       store_delivery_fn fn, void *arg,
			       struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, delivery_each_sql, e)))
		return e->code;
	db_int(s, st, 1, failed_only);
	return delivery_iter(s, st, fn, arg, e);
}

enum lserr store_delivery_due(struct store *s, long long now,
			      store_delivery_fn fn, void *arg,
			      struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, delivery_due_sql, e)))
		return e->code;
	db_int(s, st, 1, now);
	return delivery_iter(s, st, fn, arg, e);
}

enum lserr store_delivery_pending(struct store *s, long long *count,
				  long long *next_at, struct err *e)
{
	struct stmt *st;
	int r;

	*count = *next_at = 0;
	if (!(st = store_stmt(s, delivery_pending_sql, e)))
		return e->code;
	r = db_step(s, st, e);
	if (r == 1) {
		*count = col_int(s, st, 0);
		*next_at = col_int(s, st, 1);
	}
	db_reset(s, st);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_delivery_update(struct store *s, const struct delivery *d,
				 struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, delivery_update_sql, e)))
		return e->code;
	db_text(s, st, 1, delivery_status_name(d->status));
	db_int(s, st, 2, d->attempts);
	db_int(s, st, 3, d->next_at);
	db_text(s, st, 4, d->last_error);
	db_text(s, st, 5, d->sent_at);
	db_int(s, st, 6, d->id);
	return db_done(s, st, e);
}

enum lserr store_notify_state_get(struct store *s, const char *key,
				  long long *v, struct err *e)
{
	struct stmt *st;
	int r;

	*v = 0;
	if (!(st = store_stmt(s, state_get_sql, e)))
		return e->code;
	db_text(s, st, 1, key);
	r = db_one(s, st, v, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_notify_state_put(struct store *s, const char *key,
				  long long v, struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, state_put_sql, e)))
		return e->code;
	db_text(s, st, 1, key);
	db_int(s, st, 2, v);
	return db_done(s, st, e);
}

enum lserr store_notify_lease(struct store *s, const char *name,
			      const char *holder, long long now, long long ttl,
			      bool *held, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, lease_sql, e)))
		return e->code;
	db_text(s, st, 1, name);
	db_text(s, st, 2, holder);
	db_int(s, st, 3, now + ttl);
	db_int(s, st, 4, now);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	*held = r == 1;
	return LS_OK;
}

enum lserr store_notify_lease_drop(struct store *s, const char *name,
				   const char *holder, struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, lease_drop_sql, e)))
		return e->code;
	db_text(s, st, 1, name);
	db_text(s, st, 2, holder);
	return db_done(s, st, e);
}

enum lserr store_remind_each(struct store *s, store_task_fn fn, void *arg,
			     struct err *e)
{
	static const int cols[] = { 1, 2, 3, 4, 9, 11 };
	struct stmt *st;
	struct task t;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, remind_each_sql, e)))
		return e->code;
	task_init(&t);
	while ((r = db_step(s, st, e)) == 1) {
		const char **const dst[] = { &t.title, &t.lead, &t.owner,
					     &t.leader, &t.created_at,
					     &t.acked_at };

		col_strings(s, st, &t.arena, cols, dst, 6);
		t.id = col_int(s, st, 0);
		if (!task_status_parse(col_text(s, st, 5), &t.status))
			t.status = TASK_OPEN;
		t.start = col_date(s, st, 6);
		t.due = col_date(s, st, 7);
		t.percent = (int)col_int(s, st, 8);
		t.created_on = col_date(s, st, 10);
		t.activity_on = col_date(s, st, 12);
		t.ms_due = col_date(s, st, 13);
		t.daily = col_int(s, st, 14) != 0;
		if (fn(&t, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	task_release(&t);
	return rc;
}

enum lserr store_urge_after(struct store *s, long long after, int limit,
			    store_urge_task_fn fn, void *arg, struct err *e)
{
	static const int cols[] = { 1, 2, 4, 5, 6, 7 };
	struct stmt *st;
	struct task t;
	const char *by = NULL, *note = NULL;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, urge_after_sql, e)))
		return e->code;
	db_int(s, st, 1, after);
	db_int(s, st, 2, limit);
	task_init(&t);
	while ((r = db_step(s, st, e)) == 1) {
		const char **const dst[] = { &by, &note, &t.title, &t.lead,
					     &t.owner, &t.leader };

		col_strings(s, st, &t.arena, cols, dst, 6);
		t.id = col_int(s, st, 3);
		t.due = col_date(s, st, 8);
		if (fn(col_int(s, st, 0), by, note, &t, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	task_release(&t);
	return rc;
}

enum lserr store_notify_conf_load(struct store *s, struct notify_conf *out,
				  struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	char msg[300];
	int r;

	notify_conf_default(out);
	if (!(st = store_stmt(s, conf_load_sql, e)))
		return e->code;
	while ((r = db_step(s, st, e)) == 1) {
		const char *key = col_text(s, st, 0);
		const char *value = col_text(s, st, 1);

		if (!key || !value || !notify_conf_known(key))
			continue;
		if (notify_conf_set(out, key, value, msg, sizeof(msg))) {
			rc = err_set(e, LS_EINVAL, key, "%s", msg);
			break;
		}
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}
