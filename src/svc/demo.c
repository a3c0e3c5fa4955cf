/*
 * The demo seeder (see demo.h): demo_plan.c, demo_task.c and demo_eval.c
 * plan the city's history as a list of dated events; this file plays them
 * in order of their instants through the public svc functions, with the
 * clock and the actor moved to each event's, all in one transaction, and
 * counts the result through the same task view the CLI lists use.
 * Policies and practices (demo_policy.c) are played the same way. Users
 * share one argon2id hash of the demo password: hashing is slow on purpose.
 */
#include "svc/demo.h"
#include "svc/demo_int.h"
#include "svc/cadre.h"
#include "svc/calendar.h"
#include "svc/eval.h"
#include "svc/goals.h"
#include "svc/password.h"
#include "svc/policies.h"
#include "svc/practices.h"
#include "svc/tasks.h"
#include "svc/units.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static enum lserr act_as(struct demo *d, const char *login, struct err *e)
{
	enum lserr rc;

	if (d->actor == login ||
	    (d->actor && login && !strcmp(d->actor, login)))
		return LS_OK;
	if ((rc = ctx_act_as(d->c, login, e)) == LS_OK)
		d->actor = login;
	return rc;
}

static enum lserr play_user(struct demo *d, const struct demo_ev *v,
			    struct err *e)
{
	const struct demo_user *u;

	d->st->users++;
	if (!d->pwhash && !(d->pwhash = password_hash(DEMO_PASSWORD, e)))
		return e->code;
	if (v->ref < 0)
		return svc_user_add_hashed(d->c, "admin", "系统管理员", NULL,
					   "admin", d->pwhash, e);
	u = v->sub ? &demo_cadre_users[v->ref] : &demo_users[v->ref];
	return svc_user_add_hashed(d->c, u->login, u->name, u->unit, u->role,
				   d->pwhash, e);
}

static enum lserr play_holiday(struct demo *d, const struct demo_ev *v,
			       struct err *e)
{
	const struct demo_holiday *h = &demo_holidays[v->ref];
	int from, to;

	if (!date_parse(h->from, &from) || !date_parse(h->to, &to))
		return err_set(e, LS_EINVAL, "date", "invalid holiday '%s'",
			       h->from);
	d->st->holidays += to - from + 1;
	return svc_calendar_set(d->c, from, to, h->workday ? CAL_WORKDAY :
				CAL_HOLIDAY, h->name, e);
}

static enum lserr play_goal(struct demo *d, const struct demo_ev *v,
			    struct err *e)
{
	const struct demo_goal *g = &demo_goals[v->ref];

	d->st->goals++;
	return svc_goal_add(d->c, g->title, g->unit, d->year,
			    g->parent >= 0 ? d->goal_ids[g->parent] : 0,
			    g->weight, &d->goal_ids[v->ref], e);
}

static enum lserr play_indicator(struct demo *d, const struct demo_ev *v,
				 struct err *e)
{
	const struct demo_indicator *di = &demo_indicators[v->ref];
	struct indicator ind;
	enum lserr rc;

	indicator_init(&ind);
	ind.name = di->name;
	ind.measure = di->measure;
	ind.baseline = di->baseline;
	ind.target = di->target;
	ind.direction = di->down ? DIR_DOWN : DIR_UP;
	ind.weight = 1;
	rc = svc_indicator_add(d->c, d->goal_ids[di->goal], &ind,
			       &d->ind_ids[v->ref], e);
	indicator_release(&ind);
	d->st->indicators++;
	return rc;
}

static enum lserr play_task(struct demo *d, const struct demo_ev *v,
			    struct err *e)
{
	struct demo_task *tp = &d->tasks[v->ref];
	struct task_input in;
	struct task t;
	enum lserr rc;

	task_input_init(&in);
	in.title = tp->title;
	in.description = tp->description;
	in.lead = tp->lead->code;
	in.co = tp->co;
	in.owner = tp->lead->owner;
	in.leader = tp->leader;
	in.source = tp->source;
	in.goal_id = tp->goal >= 0 ? d->goal_ids[tp->goal] : 0;
	in.important = tp->important;
	in.key = tp->key;
	in.daily = tp->daily;
	if (!tp->daily) {
		in.start = tp->start;
		in.due = tp->due;
	}
	task_init(&t);
	rc = svc_task_add(d->c, &in, &t, e);
	tp->id = t.id;
	task_release(&t);
	d->st->tasks++;
	return rc;
}

static enum lserr play_milestone(struct demo *d, const struct demo_ev *v,
				 struct err *e)
{
	struct demo_task *tp = &d->tasks[v->ref];
	struct milestone m;
	enum lserr rc;

	if (v->kind == DEMO_EV_MS_ADD) {
		d->st->milestones++;
		return svc_milestone_add(d->c, tp->id, v->text, v->day,
					 &tp->ms[v->sub], e);
	}
	memset(&m, 0, sizeof(m));
	buf_init(&m.arena);
	rc = svc_milestone_done(d->c, tp->ms[v->sub], &m, e);
	buf_release(&m.arena);
	return rc;
}

/* Writes a small evidence file named v->text2 into a temporary directory. */
static enum lserr evidence_file(struct demo *d, const struct demo_task *tp,
				const struct demo_ev *v, char **path,
				struct err *e)
{
	const char *tmp = getenv("TMPDIR");
	char day[DATE_STRLEN];
	enum lserr rc = LS_OK;
	FILE *f;

	*path = NULL;
	if (!d->tmpdir) {
		char *dir = xasprintf("%s/luoshi-demo-XXXXXX",
				      tmp && *tmp ? tmp : "/tmp");

		if (!mkdtemp(dir)) {
			rc = err_set(e, LS_EFAIL, "evidence", "cannot create "
				     "a temporary directory '%s': %s", dir,
				     strerror(errno));
			free(dir);
			return rc;
		}
		d->tmpdir = dir;
	}
	*path = xasprintf("%s/%s", d->tmpdir, v->text2);
	if (!(f = fopen(*path, "w")))
		return err_set(e, LS_EFAIL, "evidence", "cannot write '%s': "
			       "%s", *path, strerror(errno));
	fprintf(f, "%s\n\n%s\n\n报送单位：%s\n报送人：%s\n报送日期：%s\n",
		tp->title, v->text, demo_unit_name(tp->lead->code),
		d->c->actor.name, date_format(d->c->today, day));
	if (ferror(f) | fclose(f))
		rc = err_set(e, LS_EFAIL, "evidence", "cannot write '%s'",
			     *path);
	return rc;
}

static void count_act(struct demo_stats *st, const struct demo_ev *v)
{
	switch (v->act) {
	case TASK_REPORT:
		st->reports++;
		st->evidence += v->text2 != NULL;
		break;
	case TASK_URGE: st->urges++; break;
	case TASK_INSTRUCT: st->instructions++; break;
	case TASK_EXTEND: st->extensions++; break;
	case TASK_RISK: st->risks++; break;
	case TASK_REJECT: st->rejections++; break;
	case TASK_REOPEN: st->reopens++; break;
	case TASK_CANCEL: st->cancels++; break;
	default: break;
	}
}

static enum lserr play_act(struct demo *d, const struct demo_ev *v,
			   struct err *e)
{
	const struct demo_task *tp = &d->tasks[v->ref];
	struct task_args a;
	struct task t;
	char *path = NULL;
	const char *paths[1];
	enum lserr rc;

	task_args_init(&a);
	switch (v->act) {
	case TASK_REPORT:
		a.percent = v->percent;
		a.note = v->text;
		if (v->text2) {
			if ((rc = evidence_file(d, tp, v, &path, e)))
				goto out;
			paths[0] = path;
			a.evidence = paths;
			a.nevidence = 1;
		}
		break;
	case TASK_REJECT:
	case TASK_REOPEN:
	case TASK_CANCEL:
		a.reason = v->text;
		break;
	case TASK_EXTEND:
		a.to_due = v->day;
		a.reason = v->text;
		break;
	case TASK_RISK:
		a.description = v->text;
		a.plan = v->text2;
		a.level = v->level;
		break;
	default:
		a.note = v->text;
		break;
	}
	task_init(&t);
	rc = svc_task_act(d->c, tp->id, v->act, &a, &t, e);
	task_release(&t);
	count_act(d->st, v);
out:
	if (path)
		unlink(path);
	free(path);
	return rc;
}

/* The inspection and its items; the tasks made get their ids. */
static enum lserr play_inspect(struct demo *d, const struct demo_ev *v,
			       struct err *e)
{
	const struct demo_insp *p = &d->insp[v->ref];
	struct inspect_input in;
	struct rectify *items;
	long long id, *ids = NULL;
	char warning[256];
	size_t n = 0;
	enum lserr rc;

	memset(&in, 0, sizeof(in));
	items = xcalloc(p->n ? (size_t)p->n : 1, sizeof(*items));
	for (int i = 0; i < p->n; i++) {
		items[i].title = xstrdup(d->tasks[p->first + i].title);
		items[i].due = d->tasks[p->first + i].due;
	}
	in.unit = p->unit;
	in.on = p->on;
	in.score = p->score;
	in.findings = p->findings;
	in.inspectors = p->inspectors;
	in.items = items;
	in.nitems = p->n;
	rc = svc_inspect_add(d->c, &in, &id, warning, sizeof(warning), e);
	if (rc == LS_OK)
		rc = store_rectification_ids(d->c->st, id, &ids, &n, e);
	if (rc == LS_OK && n != (size_t)p->n)
		rc = err_set(e, LS_EFAIL, "rectify", "inspection %lld has "
			     "%zu rectification tasks, %d planned", id, n,
			     p->n);
	for (size_t i = 0; rc == LS_OK && i < n; i++)
		d->tasks[p->first + (int)i].id = ids[i];
	d->st->inspections++;
	d->st->rectifications += p->n;
	d->st->tasks += p->n;
	for (int i = 0; i < p->n; i++)
		free(items[i].title);
	free(items);
	free(ids);
	return rc;
}

static enum lserr play_merit(struct demo *d, const struct demo_ev *v,
			     struct err *e)
{
	const struct demo_merit *dm = &demo_merits[v->ref];
	struct merit_input in;
	struct merit m;
	enum lserr rc;

	in.kind = dm->kind;
	in.unit = dm->unit;
	in.person = dm->person;
	in.on = v->day;
	in.points = dm->points;
	in.reason = dm->reason;
	merit_init(&m);
	rc = svc_merit_add(d->c, &in, &m, e);
	d->merit_ids[v->ref] = m.id;
	merit_release(&m);
	if (!strcmp(dm->kind, "commend"))
		d->st->commendations++;
	else
		d->st->accountabilities++;
	return rc;
}

static enum lserr play_publish(struct demo *d, const struct demo_ev *v,
			       struct err *e)
{
	struct eval_result r;
	long long id;
	enum lserr rc;

	memset(&r, 0, sizeof(r));
	rc = svc_eval(d->c, v->text, v->text2, NULL, &r, e);
	if (rc == LS_OK)
		rc = svc_eval_publish(d->c, &r, v->text2, &id, e);
	eval_result_release(&r);
	d->st->evaluations++;
	return rc;
}

static enum lserr play_rate(struct demo *d, const struct demo_ev *v,
			    struct err *e)
{
	const struct demo_rate *dr = &d->rates[v->ref];
	const struct demo_ballot *b = &demo_ballots[dr->ballot];
	struct rating r;
	bool replaced;
	enum lserr rc;

	rating_init(&r);
	r.login = b->rated;
	r.period = v->text;
	r.rater = b->rater;
	r.type = b->type;
	memcpy(r.score, dr->score, sizeof(r.score));
	r.veto = b->veto;
	rc = svc_cadre_rate(d->c, &r, &replaced, e);
	rating_release(&r);
	d->st->ballots++;
	return rc;
}

static enum lserr play_policy(struct demo *d, const struct demo_ev *v,
			      struct err *e)
{
	struct demo_pol *p = &d->pols[v->ref];
	const struct demo_policy *dp = &demo_policies[p->ref];
	struct policy_input in;

	memset(&in, 0, sizeof(in));
	in.title = dp->title;
	in.issuer = dp->issuer;
	in.level = dp->level;
	in.issued = p->issued;
	in.open = p->open;
	in.close = p->close;
	in.unit = dp->unit;
	d->st->policies++;
	return svc_policy_add(d->c, &in, &p->id, e);
}

static enum lserr play_policy_link(struct demo *d, const struct demo_ev *v,
				   struct err *e)
{
	long long goal = v->sub >= 0 ? d->goal_ids[v->sub] : 0;
	long long task = v->day >= 0 ? d->tasks[v->day].id : 0;

	return svc_policy_link(d->c, d->pols[v->ref].id, goal, task, 0, e);
}

/* Counts the entries of demo_practices (its titles may be NULL). */
static size_t practices_count(void)
{
	size_t n = 0;

	while (demo_practices[n].unit)
		n++;
	return n;
}

static enum lserr play_practice(struct demo *d, const struct demo_ev *v,
				struct err *e)
{
	const struct demo_practice *dp = &demo_practices[v->ref];
	struct practice_input in;
	struct practice p;
	long long task = v->day >= 0 ? d->tasks[v->day].id : 0;
	long long goal = dp->goal >= 0 ? d->goal_ids[dp->goal] : 0;
	enum lserr rc;

	memset(&in, 0, sizeof(in));
	in.title = dp->title;
	in.body = dp->body;
	in.unit = dp->unit;
	in.tags = dp->tags;
	while (in.ntags < sizeof(dp->tags) / sizeof(dp->tags[0]) &&
	       dp->tags[in.ntags])
		in.ntags++;
	in.tasks = &task;
	in.ntasks = task != 0;
	in.goals = &goal;
	in.ngoals = goal != 0;
	practice_init(&p);
	if (v->sub >= 0) {
		in.unit = NULL;
		rc = svc_practice_from_merit(d->c, d->merit_ids[v->sub], &in,
					     &p, e);
	} else {
		rc = svc_practice_add(d->c, &in, &p, e);
	}
	d->practice_ids[v->ref] = p.id;
	practice_release(&p);
	d->st->practices++;
	return rc;
}

static enum lserr play_promote(struct demo *d, const struct demo_ev *v,
			       struct err *e)
{
	struct practice p;
	enum lserr rc;

	practice_init(&p);
	rc = svc_practice_promote(d->c, d->practice_ids[v->ref], v->text, &p,
				  e);
	practice_release(&p);
	d->st->promoted++;
	return rc;
}

static enum lserr play(struct demo *d, const struct demo_ev *v,
		       struct err *e)
{
	enum lserr rc;

	/* events fall in Beijing office hours: the UTC date is the local one */
	d->c->today = (int)(v->at / 86400);
	instant_format(v->at, d->c->now);
	if ((rc = act_as(d, v->actor, e)))
		return rc;
	switch (v->kind) {
	case DEMO_EV_USER:
		return play_user(d, v, e);
	case DEMO_EV_UNIT:
		d->st->units++;
		return svc_unit_add(d->c, demo_units[v->ref].code,
				    demo_units[v->ref].name,
				    demo_units[v->ref].parent,
				    demo_units[v->ref].kind, e);
	case DEMO_EV_HOLIDAY:
		return play_holiday(d, v, e);
	case DEMO_EV_GOAL:
		return play_goal(d, v, e);
	case DEMO_EV_WEIGHT:
		return svc_goal_set_weight(d->c, d->goal_ids[v->ref],
					   v->value, v->text, 0, e);
	case DEMO_EV_INDICATOR:
		return play_indicator(d, v, e);
	case DEMO_EV_VALUE:
		d->st->values++;
		return svc_indicator_value(d->c, d->ind_ids[v->ref], v->sub,
					   v->actual, v->value, 0, NULL, e);
	case DEMO_EV_RAISE:
		return svc_indicator_update(d->c, d->ind_ids[v->ref],
					    v->value, NAN, NAN, v->text, 0,
					    e);
	case DEMO_EV_TASK:
		return play_task(d, v, e);
	case DEMO_EV_MS_ADD:
	case DEMO_EV_MS_DONE:
		return play_milestone(d, v, e);
	case DEMO_EV_ACT:
		return play_act(d, v, e);
	case DEMO_EV_INSPECT:
		return play_inspect(d, v, e);
	case DEMO_EV_MERIT:
		return play_merit(d, v, e);
	case DEMO_EV_PUBLISH:
		return play_publish(d, v, e);
	case DEMO_EV_RATE:
		return play_rate(d, v, e);
	case DEMO_EV_POLICY:
		return play_policy(d, v, e);
	case DEMO_EV_POLICY_SET:
		return svc_policy_update(d->c, d->pols[v->ref].id, v->text,
					 v->text2, v->text2 != NULL, 0, e);
	case DEMO_EV_POLICY_LINK:
		return play_policy_link(d, v, e);
	case DEMO_EV_PRACTICE:
		return play_practice(d, v, e);
	case DEMO_EV_PROMOTE:
		return play_promote(d, v, e);
	}
	return LS_OK;
}

/* Says which event failed, keeping the code and the svc's message. */
static enum lserr failed(const struct demo *d, const struct demo_ev *v,
			 struct err *e)
{
	char msg[sizeof(e->msg)], field[sizeof(e->field)];
	char when[INSTANT_STRLEN];

	snprintf(msg, sizeof(msg), "%s", e->msg);
	snprintf(field, sizeof(field), "%s", e->field);
	instant_format(v->at, when);
	if (v->kind == DEMO_EV_ACT || v->kind == DEMO_EV_TASK ||
	    v->kind == DEMO_EV_MS_ADD || v->kind == DEMO_EV_MS_DONE)
		return err_set(e, e->code, field, "demo: task '%s' at %s as "
			       "%s: %s", d->tasks[v->ref].title, when,
			       v->actor ? v->actor : "admin", msg);
	return err_set(e, e->code, field, "demo: at %s as %s: %s", when,
		       v->actor ? v->actor : "admin", msg);
}

static int by_instant(const void *pa, const void *pb)
{
	const struct demo_ev *a = pa, *b = pb;

	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int count_task(const struct task *t, const struct task_view *v,
		      void *arg)
{
	struct demo_stats *st = arg;

	st->status[t->status]++;
	st->light[v->light]++;
	return 0;
}

static void demo_release(struct demo *d)
{
	for (size_t i = 0; i < d->npool; i++)
		free(d->pool[i]);
	free(d->pool);
	free(d->ev);
	free(d->tasks);
	free(d->insp);
	free(d->rates);
	free(d->pols);
	free(d->merit_ids);
	free(d->practice_ids);
	free(d->pwhash);
	free(d->goal_ids);
	free(d->ind_ids);
	calendar_release(&d->cal);
	if (d->tmpdir)
		rmdir(d->tmpdir);
	free(d->tmpdir);
}

enum lserr svc_demo_seed(struct ctx *c, int scale, unsigned long long seed,
			 struct demo_stats *st, struct err *e)
{
	struct demo d;
	struct task_query q;
	char now[INSTANT_STRLEN];
	int today = c->today;
	long long secs;
	enum lserr rc;

	memset(st, 0, sizeof(*st));
	if (scale < DEMO_SCALE_MIN || scale > DEMO_SCALE_MAX)
		return err_set(e, LS_EINVAL, "scale", "invalid value '%d' for "
			       "--scale (%d..%d)", scale, DEMO_SCALE_MIN,
			       DEMO_SCALE_MAX);
	memcpy(now, c->now, sizeof(now));
	memset(&d, 0, sizeof(d));
	d.c = c;
	d.st = st;
	d.rng = seed;
	d.T = today;
	if (!instant_parse(now, &secs))
		secs = today * 86400LL;
	/* nothing happens after the present */
	d.cap = secs < today * 86400LL ? today * 86400LL :
		secs > today * 86400LL + 86399 ? today * 86400LL + 86399 :
		secs;
	d.goal_ids = xcalloc(DEMO_COUNT(demo_goals), sizeof(*d.goal_ids));
	d.ind_ids = xcalloc(DEMO_COUNT(demo_indicators), sizeof(*d.ind_ids));
	d.merit_ids = xcalloc(DEMO_COUNT(demo_merits), sizeof(*d.merit_ids));
	d.practice_ids = xcalloc(practices_count(), sizeof(*d.practice_ids));
	demo_plan(&d, scale);
	qsort(d.ev, d.nev, sizeof(*d.ev), by_instant);
	if ((rc = ctx_act_as(c, NULL, e)) ||
	    (rc = store_begin(c->st, e)))
		goto out;
	if ((rc = store_migrate(c->st, e)))
		goto fail;
	for (size_t i = 0; i < d.nev; i++) {
		if ((rc = play(&d, &d.ev[i], e)) != LS_OK) {
			failed(&d, &d.ev[i], e);
			goto fail;
		}
	}
	c->today = today;
	memcpy(c->now, now, sizeof(now));
	if ((rc = ctx_act_as(c, NULL, e)))
		goto fail;
	task_query_init(&q);
	if ((rc = svc_task_list(c, &q, count_task, st, e)))
		goto fail;
	rc = store_commit(c->st, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	c->today = today;
	memcpy(c->now, now, sizeof(now));
	ctx_act_as(c, NULL, e);
	demo_release(&d);
	return rc;
}
