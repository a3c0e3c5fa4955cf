/*
 * The daily reminder pass and urges (see notify.h). Built for a
 * province's million tasks: one streamed read of the live tasks (the
 * rules in core/remind.c over task_light), recipients resolved against
 * small sorted arrays (channels, units, supervisors), then one write
 * transaction that records each fresh reminder and queues one digest per
 * recipient and channel. Only recipients with a channel are kept, so the
 * work follows what will be sent.
 */
#include "core/remind.h"
#include "notify/notify.h"
#include "util/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_PER_KIND 20
#define URGE_BATCH 100

struct recip {
	char *key;		/* "unit:CODE" or "user:LOGIN" */
	char *name;		/* what the digest is addressed to */
	long long *chan;	/* channel ids */
	const char **chan_kind;
	size_t nchan;
};

struct sup {
	char *unit;
	int recip;		/* index into recips, -1 without channel */
};

struct unit_sup {
	char *code;
	size_t first, n;	/* into sups_flat: recip indices */
};

struct cand {
	int recip;
	int kind;
	int due;
	long long task;
	size_t item;
};

struct item {
	long long task;
	int due;
	size_t title, lead;	/* offsets into text */
};

struct pass {
	struct ctx *c;
	int prev;
	long long now;
	struct recip *recips;
	size_t nrecips, arecips;
	struct sup *sups;
	size_t nsups, asups;
	struct unit_sup *units;
	size_t nunits, aunits;
	int *flat;
	size_t nflat, aflat;
	struct cand *cands;
	size_t ncands, acands;
	struct item *items;
	size_t nitems, aitems;
	struct buf text;
	struct pass_stats *ps;
};

/* qsort and bsearch must not see a NULL array, even empty (UBSan). */
static void sort(void *base, size_t n, size_t size,
		 int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static void *find(const void *key, const void *base, size_t n, size_t size,
		  int (*cmp)(const void *, const void *))
{
	return n ? bsearch(key, base, n, size, cmp) : NULL;
}

#define GROW(arr, n, a) do { \
	if ((n) == (a)) { \
		(a) = (a) ? 2 * (a) : 64; \
		(arr) = xreallocarray((arr), (a), sizeof(*(arr))); \
	} \
} while (0)

static int recip_cmp(const void *a, const void *b)
{
	return strcmp(((const struct recip *)a)->key,
		      ((const struct recip *)b)->key);
}

static int recip_find(const struct pass *p, const char *prefix,
		      const char *id)
{
	char key[300];
	struct recip k = { .key = key };
	const struct recip *r;

	if (!id)
		return -1;
	snprintf(key, sizeof(key), "%s:%s", prefix, id);
	r = find(&k, p->recips, p->nrecips, sizeof(*r), recip_cmp);
	return r ? (int)(r - p->recips) : -1;
}

/* Channels are collected as one recipient each, then sorted and merged
 * by load(): no search while the list grows. */
static int channel_one(const struct channel *ch, void *arg)
{
	struct pass *p = arg;
	struct recip *r;
	char key[300];

	snprintf(key, sizeof(key), "%s:%s", ch->unit ? "unit" : "user",
		 ch->unit ? ch->unit : ch->login);
	GROW(p->recips, p->nrecips, p->arecips);
	r = &p->recips[p->nrecips++];
	memset(r, 0, sizeof(*r));
	r->key = xstrdup(key);
	r->chan = xmalloc(sizeof(*r->chan));
	r->chan_kind = xmalloc(sizeof(*r->chan_kind));
	r->chan[0] = ch->id;
	r->chan_kind[0] = channel_kind_name(ch->kind);
	r->nchan = 1;
	return 0;
}

/* Sorts the recipients by key (then channel id) and merges equal keys. */
static int recip_chan_cmp(const void *a, const void *b)
{
	const struct recip *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : (x->chan[0] > y->chan[0]) - (x->chan[0] < y->chan[0]);
}

static void recips_merge(struct pass *p)
{
	size_t o = 0;

	sort(p->recips, p->nrecips, sizeof(*p->recips), recip_chan_cmp);
	for (size_t i = 0; i < p->nrecips; i++) {
		struct recip *r = &p->recips[i];

		if (o && !strcmp(p->recips[o - 1].key, r->key)) {
			struct recip *m = &p->recips[o - 1];

			m->chan = xreallocarray(m->chan, m->nchan + 1,
						sizeof(*m->chan));
			m->chan_kind = xreallocarray(m->chan_kind,
						     m->nchan + 1,
						     sizeof(*m->chan_kind));
			m->chan[m->nchan] = r->chan[0];
			m->chan_kind[m->nchan++] = r->chan_kind[0];
			free(r->key);
			free(r->chan);
			free(r->chan_kind);
		} else {
			p->recips[o++] = *r;
		}
	}
	p->nrecips = o;
}

static int user_one(const struct user *u, void *arg)
{
	struct pass *p = arg;
	int i = recip_find(p, "user", u->login);

	if (i >= 0 && !p->recips[i].name)
		p->recips[i].name = xstrdup(u->name ? u->name : u->login);
	if (u->role == ROLE_SUPERVISOR && u->unit) {
		GROW(p->sups, p->nsups, p->asups);
		p->sups[p->nsups].unit = xstrdup(u->unit);
		p->sups[p->nsups++].recip = i;
	}
	return 0;
}

static int sup_cmp(const void *a, const void *b)
{
	return strcmp(((const struct sup *)a)->unit,
		      ((const struct sup *)b)->unit);
}

static const struct sup *sup_first(const struct pass *p, const char *code)
{
	struct sup k = { .unit = (char *)code };
	const struct sup *s = find(&k, p->sups, p->nsups, sizeof(k),
				      sup_cmp);

	while (s && s > p->sups && !strcmp(s[-1].unit, code))
		s--;
	return s;
}

static bool has_sup(const char *code, void *arg)
{
	return sup_first(arg, code) != NULL;
}

static int unit_one(const struct unit *u, void *arg)
{
	struct pass *p = arg;
	struct unit_sup *us;
	char code[128];
	const struct sup *s;
	int i = recip_find(p, "unit", u->code);

	if (i >= 0 && !p->recips[i].name)
		p->recips[i].name = xstrdup(u->name ? u->name : u->code);
	GROW(p->units, p->nunits, p->aunits);
	us = &p->units[p->nunits++];
	us->code = xstrdup(u->code);
	us->first = p->nflat;
	us->n = 0;
	if (!remind_supervising_unit(u->path, has_sup, p, code, sizeof(code)))
		return 0;
	for (s = sup_first(p, code); s < p->sups + p->nsups &&
	     !strcmp(s->unit, code); s++) {
		if (s->recip < 0)
			continue;
		GROW(p->flat, p->nflat, p->aflat);
		p->flat[p->nflat++] = s->recip;
		us->n++;
	}
	return 0;
}

static int unit_cmp(const void *a, const void *b)
{
	return strcmp(((const struct unit_sup *)a)->code,
		      ((const struct unit_sup *)b)->code);
}

/* Loads channels, users (names, supervisors) and units (theirs). */
static enum lserr load(struct pass *p, bool units, struct err *e)
{
	struct store *s = p->c->st;
	enum lserr rc;

	if ((rc = store_channel_each(s, channel_one, p, e)))
		return rc;
	recips_merge(p);
	if ((rc = store_user_each(s, user_one, p, e)))
		return rc;
	sort(p->sups, p->nsups, sizeof(*p->sups), sup_cmp);
	if ((rc = store_unit_each(s, NULL, unit_one, p, e)))
		return rc;
	if (units)
		sort(p->units, p->nunits, sizeof(*p->units), unit_cmp);
	for (size_t i = 0; i < p->nrecips; i++)
		if (!p->recips[i].name)
			p->recips[i].name = xstrdup(strchr(p->recips[i].key,
							   ':') + 1);
	return LS_OK;
}

static void pass_release(struct pass *p)
{
	for (size_t i = 0; i < p->nrecips; i++) {
		free(p->recips[i].key);
		free(p->recips[i].name);
		free(p->recips[i].chan);
		free(p->recips[i].chan_kind);
	}
	for (size_t i = 0; i < p->nsups; i++)
		free(p->sups[i].unit);
	for (size_t i = 0; i < p->nunits; i++)
		free(p->units[i].code);
	free(p->recips);
	free(p->sups);
	free(p->units);
	free(p->flat);
	free(p->cands);
	free(p->items);
	buf_release(&p->text);
}

/*
 * Appends to r[0..n-1] (max 64) the recipients a unit's reminders go to:
 * its supervisors (remind_supervising_unit, when `supervisors`) and the
 * unit's own channel, each once; returns the new count.
 */
static int unit_recips(const struct pass *p, const char *unit,
		       bool supervisors, int *r, int n)
{
	struct unit_sup key = { .code = (char *)unit };
	const struct unit_sup *us;
	int k;

	us = supervisors ? find(&key, p->units, p->nunits, sizeof(key),
				   unit_cmp) : NULL;
	for (size_t i = 0; us && i < us->n && n < 63; i++) {
		int j, s = p->flat[us->first + i];

		for (j = 0; j < n && r[j] != s; j++)
			;
		if (j == n)
			r[n++] = s;
	}
	if ((k = recip_find(p, "unit", unit)) >= 0)
		r[n++] = k;
	return n;
}

/* A task's recipients, each once, into r (max 64): owner, leader, then
 * its lead unit's. */
static int task_recips(const struct pass *p, const struct task *t,
		       bool supervisors, int *r)
{
	int n = 0, k;

	if ((k = recip_find(p, "user", t->owner)) >= 0)
		r[n++] = k;
	if ((k = recip_find(p, "user", t->leader)) >= 0 && (!n || r[0] != k))
		r[n++] = k;
	return unit_recips(p, t->lead, supervisors, r, n);
}

static int task_one(const struct task *t, void *arg)
{
	struct pass *p = arg;
	unsigned kinds;
	int r[64], nr;
	struct item *it;

	p->ps->tasks++;
	kinds = remind_kinds(t, p->prev, p->c->today, p->now,
			     &p->c->settings);
	if (!kinds || !(nr = task_recips(p, t, true, r)))
		return 0;
	GROW(p->items, p->nitems, p->aitems);
	it = &p->items[p->nitems];
	it->task = t->id;
	it->due = t->due;
	it->title = p->text.len;
	buf_add(&p->text, t->title, strlen(t->title) + 1);
	it->lead = p->text.len;
	buf_add(&p->text, t->lead, strlen(t->lead) + 1);
	for (int k = 0; k < REMIND_NKINDS; k++) {
		if (!(kinds & (1u << k)))
			continue;
		for (int i = 0; i < nr; i++) {
			GROW(p->cands, p->ncands, p->acands);
			p->cands[p->ncands++] = (struct cand){
				r[i], k, t->due, t->id, p->nitems };
		}
	}
	p->nitems++;
	return 0;
}

/*
 * Policy windows closing (core/policy.c: policy_closing, within the
 * policy_warn_days setting and not landed): a REMIND_POLICY line, every
 * day of the alert, for the responsible unit's supervisors and the
 * unit's channel. The item's "task" is the policy id (the sent record's
 * key pairs it with the kind, so it never meets a task's).
 */
static int policy_one(const struct policy *pol, void *arg)
{
	struct pass *p = arg;
	int r[64], nr;
	struct item *it;

	if (!policy_closing(pol->status, pol->close, p->c->today,
			    p->c->settings.policy_warn_days) ||
	    !(nr = unit_recips(p, pol->unit, true, r, 0)))
		return 0;
	GROW(p->items, p->nitems, p->aitems);
	it = &p->items[p->nitems];
	it->task = pol->id;
	it->due = pol->close;
	it->title = p->text.len;
	buf_add(&p->text, pol->title, strlen(pol->title) + 1);
	it->lead = p->text.len;
	buf_add(&p->text, pol->unit, strlen(pol->unit) + 1);
	for (int i = 0; i < nr; i++) {
		GROW(p->cands, p->ncands, p->acands);
		p->cands[p->ncands++] = (struct cand){
			r[i], REMIND_POLICY, pol->close, pol->id, p->nitems };
	}
	p->nitems++;
	return 0;
}

static enum lserr remind_policies(struct pass *p, struct err *e)
{
	return store_policy_each(p->c->st, NULL, policy_one, p, e);
}

static int cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->recip != y->recip)
		return x->recip < y->recip ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->task < y->task ? -1 : x->task > y->task;
}

static enum lserr queue(struct pass *p, const struct recip *r,
			const char *kind, int nitems, const struct buf *subj,
			const struct buf *text, struct err *e)
{
	struct delivery d;
	long long id;
	enum lserr rc;

	delivery_init(&d);
	d.recipient = r->key;
	d.kind = kind;
	d.day = p->c->today;
	d.items = nitems;
	d.subject = subj->ptr;
	d.body = text->ptr;
	d.next_at = (long long)time(NULL);
	d.created_at = p->c->now;
	for (size_t i = 0; i < r->nchan; i++) {
		d.channel_id = r->chan[i];
		d.channel = r->chan_kind[i];
		if ((rc = store_delivery_insert(p->c->st, &d, &id, e)))
			return rc;
		p->ps->messages++;
	}
	return LS_OK;
}

/* One transaction: fresh reminders recorded, digests queued. */
static enum lserr write_digests(struct pass *p, struct err *e)
{
	struct remind_item *items = NULL;
	struct buf subj = BUF_INIT, text = BUF_INIT;
	size_t i = 0, nitems;
	enum lserr rc;

	if ((rc = store_begin(p->c->st, e)))
		return rc;
	while (i < p->ncands) {
		const struct recip *r = &p->recips[p->cands[i].recip];
		size_t j = i;

		nitems = 0;
		while (j < p->ncands && p->cands[j].recip == p->cands[i].recip)
			j++;
		items = xreallocarray(items, j - i, sizeof(*items));
		for (size_t k = i; k < j; k++) {
			const struct cand *cd = &p->cands[k];
			const struct item *it = &p->items[cd->item];
			bool fresh;

			if ((rc = store_notify_sent_add(p->c->st, r->key,
					cd->task, remind_kind_name(cd->kind),
					p->c->today, &fresh, e)))
				goto fail;
			p->ps->items++;
			if (!fresh)
				continue;
			p->ps->fresh++;
			items[nitems++] = (struct remind_item){
				(enum remind_kind)cd->kind, it->task,
				p->text.ptr + it->title,
				p->text.ptr + it->lead, it->due };
		}
		if (nitems) {
			buf_reset(&subj);
			buf_reset(&text);
			remind_digest(&subj, &text, r->name, p->c->today,
				      items, nitems, MAX_PER_KIND);
			if ((rc = queue(p, r, "digest", (int)nitems, &subj,
					&text, e)))
				goto fail;
		}
		i = j;
	}
	if ((rc = store_notify_state_put(p->c->st, "last_pass", p->c->today,
					 e)))
		goto fail;
	rc = store_commit(p->c->st, e);
	goto out;
fail:
	store_rollback(p->c->st);
out:
	free(items);
	buf_release(&subj);
	buf_release(&text);
	return rc;
}

enum lserr notify_pass(struct ctx *c, struct pass_stats *ps, struct err *e)
{
	struct pass p;
	long long last;
	enum lserr rc;

	memset(&p, 0, sizeof(p));
	memset(ps, 0, sizeof(*ps));
	p.c = c;
	p.ps = ps;
	buf_init(&p.text);
	if (!instant_parse(c->now, &p.now)) {
		rc = err_set(e, LS_EFAIL, "now", "bad clock '%s'", c->now);
		goto out;
	}
	if ((rc = store_notify_state_get(c->st, "last_pass", &last, e)))
		goto out;
	p.prev = remind_prev_day(c->today, last ? (int)last : DATE_NONE);
	if ((rc = load(&p, true, e)))
		goto out;
	if (p.nrecips && ((rc = store_remind_each(c->st, task_one, &p, e)) ||
			  (rc = remind_policies(&p, e))))
		goto out;
	sort(p.cands, p.ncands, sizeof(*p.cands), cand_cmp);
	rc = write_digests(&p, e);
out:
	pass_release(&p);
	return rc;
}

struct urge {
	long long event;
	char *by, *note;
	struct task t;
};

struct urges {
	struct urge *u;
	size_t n, a;
};

static int urge_one(long long event_id, const char *by, const char *note,
		    const struct task *t, void *arg)
{
	struct urges *us = arg;
	struct urge *u;

	GROW(us->u, us->n, us->a);
	u = &us->u[us->n++];
	u->event = event_id;
	u->by = xstrdup(by ? by : "");
	u->note = xstrdup(note ? note : "");
	task_init(&u->t);
	u->t.id = t->id;
	u->t.due = t->due;
	u->t.title = xstrdup(t->title ? t->title : "");
	u->t.lead = xstrdup(t->lead ? t->lead : "");
	u->t.owner = t->owner ? xstrdup(t->owner) : NULL;
	u->t.leader = t->leader ? xstrdup(t->leader) : NULL;
	return 0;
}

/* Notes that there is an urge (us->a = 1) without keeping it. */
static int urge_peek(long long event_id, const char *by, const char *note,
		     const struct task *t, void *arg)
{
	struct urges *us = arg;

	(void)event_id;
	(void)by;
	(void)note;
	(void)t;
	us->a = 1;
	return 1;
}

static void urges_release(struct urges *us)
{
	for (size_t i = 0; i < us->n; i++) {
		free(us->u[i].by);
		free(us->u[i].note);
		free((char *)us->u[i].t.title);
		free((char *)us->u[i].t.lead);
		free((char *)us->u[i].t.owner);
		free((char *)us->u[i].t.leader);
		task_release(&us->u[i].t);
	}
	free(us->u);
}

enum lserr notify_urges(struct ctx *c, int *n, struct err *e)
{
	struct urges us = { NULL, 0, 0 };
	struct pass p;
	struct pass_stats ps;
	struct buf subj = BUF_INIT, text = BUF_INIT;
	long long cursor;
	enum lserr rc;

	*n = 0;
	memset(&p, 0, sizeof(p));
	p.c = c;
	p.ps = &ps;
	buf_init(&p.text);
	/* a read first: most seconds there is no new urge */
	if ((rc = store_notify_state_get(c->st, "urge_cursor", &cursor, e)) ||
	    (rc = store_urge_after(c->st, cursor, 1, urge_peek, &us, e)) ||
	    !us.a)
		goto out;
	us.a = 0;
	/* cursor read and moved in one write transaction: two senders
	 * (a server and remind --once) never both take an urge */
	if ((rc = store_begin(c->st, e)))
		goto out;
	if ((rc = store_notify_state_get(c->st, "urge_cursor", &cursor, e)) ||
	    (rc = store_urge_after(c->st, cursor, URGE_BATCH, urge_one, &us,
				   e)) || !us.n || (rc = load(&p, false, e)))
		goto fail;
	for (size_t i = 0; i < us.n; i++) {
		const struct urge *u = &us.u[i];
		struct remind_item it = { REMIND_URGE, u->t.id, u->t.title,
					  u->t.lead, u->t.due };
		int r[64], nr = task_recips(&p, &u->t, false, r);

		buf_reset(&subj);
		buf_reset(&text);
		remind_urge_text(&subj, &text, &it, u->by, u->note);
		for (int k = 0; k < nr; k++)
			if ((rc = queue(&p, &p.recips[r[k]], "urge", 1, &subj,
					&text, e)))
				goto fail;
		cursor = u->event;
	}
	if ((rc = store_notify_state_put(c->st, "urge_cursor", cursor, e)))
		goto fail;
	if (!(rc = store_commit(c->st, e)))
		*n = (int)us.n;
	goto out;
fail:
	store_rollback(c->st);
out:
	urges_release(&us);
	pass_release(&p);
	buf_release(&subj);
	buf_release(&text);
	return rc;
}
