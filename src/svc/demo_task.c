/*
 * The demo city's tasks (see demo_int.h): who leads each, what it is
 * called and where it comes from, and the fate it is walked through —
 * closed on time or late, cancelled, awaiting approval, on track, due
 * soon, lagging, silent, overdue, past a milestone, unacknowledged,
 * extended, reopened, rejected, or a same-day 当日事 — with dates relative
 * to the reference day T that make that fate's status and light true on T.
 */
#include "svc/demo_int.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static int imax(int a, int b)
{
	return a > b ? a : b;
}

static int imin(int a, int b)
{
	return a < b ? a : b;
}

/* Who leads a task, what it is called, where it comes from. */

enum fate {
	F_DONE, F_LATE, F_CANCEL, F_REVIEW, F_GREEN, F_YELLOW_DUE, F_RED,
	F_OPEN_NEW, F_RED_MS, F_DAILY_DONE, F_YELLOW_LAG, F_YELLOW_STALE,
	F_OPEN_LATE, F_EXTENDED, F_REOPENED, F_REJECTED, F_DAILY_LATE,
	F_DAILY_TODAY,
	F_N,
};

/* How common each fate is after the first F_N tasks (which take each). */
static const int fate_weight[F_N] = {
	[F_DONE] = 28, [F_LATE] = 5, [F_CANCEL] = 3, [F_REVIEW] = 6,
	[F_GREEN] = 20, [F_YELLOW_DUE] = 4, [F_RED] = 5, [F_OPEN_NEW] = 4,
	[F_RED_MS] = 3, [F_DAILY_DONE] = 5, [F_YELLOW_LAG] = 3,
	[F_YELLOW_STALE] = 3, [F_OPEN_LATE] = 2, [F_EXTENDED] = 4,
	[F_REOPENED] = 1, [F_REJECTED] = 3, [F_DAILY_LATE] = 1,
	[F_DAILY_TODAY] = 1,
};

static enum fate pick_fate(struct demo *d, size_t i)
{
	int total = 0, r;

	if (i < F_N)
		return (enum fate)i;
	for (int f = 0; f < F_N; f++)
		total += fate_weight[f];
	r = demo_rnd(d, 0, total - 1);
	for (int f = 0; f < F_N; f++) {
		if (r < fate_weight[f])
			return (enum fate)f;
		r -= fate_weight[f];
	}
	return F_DONE;
}

static bool is_daily(enum fate f)
{
	return f == F_DAILY_DONE || f == F_DAILY_LATE || f == F_DAILY_TODAY;
}

static const struct demo_lead *pick_lead(struct demo *d, bool district)
{
	const struct demo_lead *l;
	int total = 0, r;

	for (l = demo_leads; l->code; l++)
		if (!district || l->district)
			total += l->share;
	r = demo_rnd(d, 0, total - 1);
	for (l = demo_leads; l->code; l++) {
		if (district && !l->district)
			continue;
		if (r < l->share)
			return l;
		r -= l->share;
	}
	return demo_leads;
}

static const struct demo_topic *pick_topic(struct demo *d,
					   const struct demo_topic *v)
{
	return &v[demo_rnd(d, 0, (int)DEMO_COUNT(v) - 1)];
}

const char *demo_title(struct demo *d, const struct demo_topic *t,
		       const char *place)
{
	const char *at = strstr(t->title, "{}");
	struct buf b = BUF_INIT;

	if (!at)
		return demo_keep(d, xstrdup(t->title));
	buf_add(&b, t->title, (size_t)(at - t->title));
	buf_adds(&b, place);
	buf_adds(&b, at + 2);
	return demo_keep(d, buf_detach(&b));
}

static const char *co_units(struct demo *d, const struct demo_lead *l,
			    const struct demo_topic *t)
{
	const char *v[2], *x;
	int n = 0;

	if (t->co && strcmp(t->co, l->code))
		v[n++] = t->co;
	if (demo_chance(d, l->district ? 20 : 35)) {
		x = demo_pick(d, l->district ? demo_departments :
			      demo_districts);
		if (strcmp(x, l->code) && (!n || strcmp(x, v[0])))
			v[n++] = x;
	}
	if (!n)
		return NULL;
	return demo_keep(d, n == 1 ? xstrdup(v[0]) :
			 xasprintf("%s,%s", v[0], v[1]));
}

static const char *describe(struct demo *d, const struct demo_task *tp)
{
	static const struct {
		const char *source, *before, *after;
	} forms[] = {
		{ "上级部署", "落实省委、省政府部署要求。",
		  "按时间节点推进，按期办结销号。" },
		{ "会议议定", "市政府常务会议议定事项。",
		  "倒排工期，确保按期完成。" },
		{ "领导批示", "市领导陈志远同志批示：“请抓紧研究落实，"
		  "按期办结。”", "每周报送进展。" },
		{ "群众诉求", "12345政务服务便民热线转办的群众诉求。",
		  "及时回应群众关切，办结后回访。" },
		{ "督查整改", "市委督查室实地督查发现的问题。",
		  "限期整改到位，举一反三。" },
	};
	struct buf b = BUF_INIT;
	size_t i = 0;

	while (i + 1 < sizeof(forms) / sizeof(forms[0]) &&
	       strcmp(forms[i].source, tp->source))
		i++;
	if (tp->daily)
		buf_adds(&b, "当日事当日毕：");
	buf_adds(&b, forms[i].before);
	buf_adds(&b, demo_unit_name(tp->lead->code));
	buf_adds(&b, "牵头");
	if (tp->co) {
		char *co = xstrdup(tp->co), *comma = strchr(co, ',');

		if (comma)
			*comma = '\0';
		buf_addf(&b, "，%s", demo_unit_name(co));
		if (comma)
			buf_addf(&b, "、%s", demo_unit_name(comma + 1));
		buf_adds(&b, "配合");
		free(co);
	}
	buf_addf(&b, "，%s", forms[i].after);
	return demo_keep(d, buf_detach(&b));
}

static void plan_identity(struct demo *d, struct demo_task *tp, enum fate f)
{
	const struct demo_lead *l = pick_lead(d, is_daily(f));
	const struct demo_topic *t;
	int r = demo_rnd(d, 0, 99), goal;

	tp->lead = l;
	tp->daily = is_daily(f);
	if (tp->daily) {
		t = pick_topic(d, demo_dailies);
		tp->source = demo_chance(d, 60) ? "群众诉求" : "领导批示";
	} else if (l->district && r < 18) {
		t = pick_topic(d, demo_petitions);
		tp->source = "群众诉求";
	} else if (r < 28) {
		t = pick_topic(d, demo_findings);
		tp->source = "督查整改";
	} else {
		t = pick_topic(d, l->topics);
		tp->source = r < 48 ? "上级部署" : r < 78 ? "会议议定" :
			"领导批示";
	}
	tp->title = demo_title(d, t, demo_pick(d, l->places));
	goal = t->goal == DEMO_GOAL_OWN ?
		(l->own_goal >= 0 ? l->own_goal : DEMO_GOAL_LIFE) : t->goal;
	tp->goal = goal >= 0 && demo_chance(d, 85) ? goal : -1;
	tp->key = !tp->daily && demo_chance(d, 12);
	tp->important = tp->key || demo_chance(d, 35);
	tp->leader = l->leader ? l->leader :
		tp->key || demo_chance(d, 25) ? "chen" : NULL;
	if (!strcmp(tp->source, "领导批示"))
		tp->creator = "chen";
	else
		tp->creator = l->creator && demo_chance(d, 50) ? l->creator :
			"wang";
	tp->approver = l->approver ? l->approver :
		demo_chance(d, 60) ? "chen" : "wang";
	tp->co = co_units(d, l, t);
	tp->description = describe(d, tp);
	tp->start = DATE_NONE;
}

/* The steps of a task's life */

static struct demo_ev *act(struct demo *d, int t, int on,
			   enum task_action a, const char *actor)
{
	struct demo_ev *v = demo_ev_new(d, DEMO_EV_ACT, on, actor);

	v->ref = t;
	v->act = a;
	return v;
}

static struct demo_ev *act_at(struct demo *d, int t, long long at,
			      enum task_action a, const char *actor)
{
	struct demo_ev *v = act(d, t, (int)(at / 86400), a, actor);

	v->at = at;
	return v;
}

static const char *owner(struct demo *d, int t)
{
	return d->tasks[t].lead->owner;
}

static void create_at(struct demo *d, int t, long long at)
{
	struct demo_ev *v = demo_ev_new(d, DEMO_EV_TASK, (int)(at / 86400),
					d->tasks[t].creator);

	v->ref = t;
	v->at = at;
	d->tasks[t].created_at = at;
}

static void create(struct demo *d, int t, int day)
{
	create_at(d, t, day * 86400LL + demo_rnd(d, 1800, 28800));
}

/* 马上就办: most answer within hours, late_pct of them after 24 hours. */
static int ack(struct demo *d, int t, int late_pct)
{
	bool late = demo_chance(d, late_pct);
	long long at = d->tasks[t].created_at + (late ?
		demo_rnd(d, 26 * 3600, 70 * 3600) :
		demo_rnd(d, 1200, 20 * 3600));

	act_at(d, t, at, TASK_ACK, owner(d, t));
	return (int)(at / 86400);
}

static const char *note(struct demo *d, int p)
{
	int stage = p >= 100 ? 4 : p >= 80 ? 3 : p >= 50 ? 2 : p >= 20 ? 1 : 0;
	const char *s = demo_pick(d, demo_notes[stage]);

	if (p >= 100)
		return demo_keep(d, xasprintf("%s。", s));
	return demo_keep(d, xasprintf("%s，整体进度约%d%%。", s, p));
}

/*
 * Progress reports every 4-8 days on working days from `from`, the last
 * on `to`, the percentage rising from p0 to p1; the last one carries an
 * evidence file with probability evidence_pct.
 */
static void reports(struct demo *d, int t, int from, int to, int p0, int p1,
		    int evidence_pct)
{
	int days[64], n = 0;

	for (int x = from; n < 63;) {
		int day = demo_next_wd(d, x, to);

		if (day >= to)
			break;
		days[n++] = day;
		x = day + demo_rnd(d, 4, 8);
	}
	days[n++] = to;
	for (int j = 0; j < n; j++) {
		int p = p0 + (p1 - p0) * (j + 1) / n;
		struct demo_ev *v = act(d, t, days[j], TASK_REPORT,
					owner(d, t));

		v->percent = p;
		v->text = note(d, p);
		if (j == n - 1 && demo_chance(d, evidence_pct))
			v->text2 = demo_pick(d, demo_evidence_names);
	}
}

/*
 * Two or three milestones spread over [created, due], added on creation.
 * Those due before `limit` are done around their due date; a finishing
 * task (closing at `limit`) completes the rest on `limit`.
 */
static void milestones(struct demo *d, int t, int c, int limit,
		       bool finishing)
{
	static const char *const three[] = {
		"制定实施方案", "完成主体工作", "完成验收销号",
	};
	static const char *const two[] = { "完成前期准备", "完成主体工作" };
	static const double at3[] = { 0.25, 0.6, 0.9 }, at2[] = { 0.4, 0.8 };
	struct demo_task *tp = &d->tasks[t];
	int n = demo_chance(d, 50) ? 3 : 2, span = tp->due - c;

	for (int k = 0; k < n; k++) {
		int due = c + (int)(span * (n == 3 ? at3[k] : at2[k])), done;
		struct demo_ev *v;

		due = demo_wd(d, imax(c + 1, due - 1), imin(tp->due, due + 1));
		v = demo_ev_new(d, DEMO_EV_MS_ADD, c, tp->creator);
		v->ref = t;
		v->sub = k;
		v->day = due;
		v->text = n == 3 ? three[k] : two[k];
		if (due < limit)
			done = demo_wd(d, imax(c, due - 3),
				       imin(due + 1, limit));
		else if (finishing)
			done = limit;
		else
			continue;
		v = demo_ev_new(d, DEMO_EV_MS_DONE, done, owner(d, t));
		v->ref = t;
		v->sub = k;
	}
}

static void finish(struct demo *d, int t, int submit_on, int close_on)
{
	act(d, t, submit_on, TASK_SUBMIT, owner(d, t))->text =
		"已完成，申请验收销号";
	act(d, t, close_on, TASK_CLOSE, d->tasks[t].approver)->text =
		"经核验，同意销号";
}

static void risk(struct demo *d, int t, int on)
{
	const struct demo_risk *r = &demo_risks[demo_rnd(d, 0,
		(int)DEMO_COUNT(demo_risks) - 1)];
	struct demo_ev *v = act(d, t, on, TASK_RISK, owner(d, t));

	v->text = r->description;
	v->text2 = r->plan;
	v->level = r->level;
}

static void urge(struct demo *d, int t, int on, const char *const *notes)
{
	act(d, t, on, TASK_URGE, "wang")->text = demo_pick(d, notes);
}

static void instruct(struct demo *d, int t, int on)
{
	act(d, t, on, TASK_INSTRUCT, "chen")->text =
		demo_pick(d, demo_instructions);
}

/* The percentage the schedule expects on T (0 without a start). */
static int expected(const struct demo *d, const struct demo_task *tp)
{
	if (tp->start == DATE_NONE || d->T < tp->start ||
	    tp->due <= tp->start)
		return 0;
	return (int)(100LL * (d->T - tp->start) / (tp->due - tp->start));
}

/*
 * The fates. c: created, a: acknowledged, r: last report, k: closed. Each
 * keeps its events on or before T and in an order the life cycle allows.
 */

static void fate_done(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 88, T - 12), a, r, k;

	tp->due = demo_wd(d, c + 10, c + 60);
	tp->start = demo_chance(d, 60) ? c : DATE_NONE;
	create(d, t, c);
	a = ack(d, t, 10);
	k = demo_wd(d, imax(c + 6, a + 2), imin(tp->due, T));
	r = demo_wd(d, imax(k - 2, a + 1), k);
	if (demo_chance(d, 35))
		milestones(d, t, c, r, true);
	reports(d, t, a + 1, r, 0, 100, 40);
	finish(d, t, r, k);
}

static void fate_late(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 88, T - 30), a, u, r, p;

	tp->due = demo_wd(d, c + 8, T - 10);
	tp->start = demo_chance(d, 50) ? c : DATE_NONE;
	create(d, t, c);
	a = ack(d, t, 25);
	p = demo_rnd(d, 50, 80);
	r = demo_wd(d, imax(a + 1, tp->due - 6), imax(a + 1, tp->due - 1));
	reports(d, t, a + 1, r, 0, p, 0);
	u = demo_wd(d, tp->due + 1, tp->due + 4);
	urge(d, t, u, demo_urges_overdue);
	r = demo_wd(d, u + 1, T - 1);
	if (demo_chance(d, 40))
		instruct(d, t, demo_wd(d, u, r));
	reports(d, t, r, r, p, 100, 30);
	finish(d, t, r, demo_wd(d, r, imin(r + 3, T)));
}

static void fate_cancel(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 80, T - 10), a, x;

	tp->due = demo_wd(d, c + 20, c + 60);
	create(d, t, c);
	a = ack(d, t, 10);
	x = demo_wd(d, imax(a + 2, c + 3), T - 1);
	if (x - 1 >= a + 1 && demo_chance(d, 60))
		reports(d, t, a + 1, demo_wd(d, a + 1, x - 1), 0,
			demo_rnd(d, 10, 40), 0);
	act(d, t, x, TASK_CANCEL, "wang")->text =
		demo_pick(d, demo_cancel_reasons);
}

static void fate_review(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 60, T - 15), a, r;

	tp->due = demo_wd(d, T + 3, T + 30);
	tp->start = demo_chance(d, 50) ? c : DATE_NONE;
	create(d, t, c);
	a = ack(d, t, 10);
	r = demo_wd(d, imax(T - 3, a + 1), T);
	if (demo_chance(d, 30))
		milestones(d, t, c, r, true);
	reports(d, t, a + 1, r, 0, 100, 50);
	act(d, t, r, TASK_SUBMIT, owner(d, t))->text = "已完成，申请验收销号";
}

static void fate_green(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 60, T - 6), a, r, p;

	tp->due = demo_wd(d, T + 8, T + 75);
	tp->start = demo_chance(d, 80) ? c : DATE_NONE;
	create(d, t, c);
	a = ack(d, t, 10);
	r = demo_wd(d, imax(T - 5, a + 1), T);
	p = imax(5, imin(95, expected(d, tp) + demo_rnd(d, -5, 15)));
	if (demo_chance(d, 35))
		milestones(d, t, c, T, false);
	if (tp->key && demo_chance(d, 50))
		instruct(d, t, demo_wd(d, c + 1, r));
	if (demo_chance(d, 10))
		risk(d, t, demo_wd(d, a + 1, r));
	reports(d, t, a + 1, r, 0, p, 0);
}

static void fate_yellow_due(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 45, T - 12), a, r;

	tp->due = demo_wd(d, T, T + 3);
	tp->start = demo_chance(d, 50) ? c : DATE_NONE;
	create(d, t, c);
	a = ack(d, t, 10);
	r = demo_wd(d, imax(T - 4, a + 1), T);
	reports(d, t, a + 1, r, 0, demo_rnd(d, 60, 90), 0);
	if (demo_chance(d, 50))
		urge(d, t, demo_wd(d, r, T), demo_urges_due);
}

static void fate_yellow_lag(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 50, T - 30), a, r;

	tp->due = demo_wd(d, T + 15, T + 40);
	tp->start = c;
	create(d, t, c);
	a = ack(d, t, 15);
	r = demo_wd(d, imax(T - 5, a + 1), T);
	if (demo_chance(d, 30))
		milestones(d, t, c, T, false);
	reports(d, t, a + 1, r, 0,
		imax(0, expected(d, tp) - 35 - demo_rnd(d, 0, 10)), 0);
	if (demo_chance(d, 70))
		urge(d, t, demo_wd(d, r, T), demo_urges_lag);
}

static void fate_yellow_stale(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 60, T - 25), a;

	tp->due = demo_wd(d, T + 20, T + 60);
	create(d, t, c);
	a = ack(d, t, 20);
	reports(d, t, a + 1, demo_wd(d, imax(T - 20, a + 1), T - 9), 0,
		demo_rnd(d, 20, 50), 0);
	urge(d, t, demo_wd(d, T - 3, T), demo_urges_stale);
}

static void fate_red(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 85, T - 35), a, r, u;

	tp->due = demo_wd(d, T - 20, T - 3);
	tp->start = demo_chance(d, 50) ? c : DATE_NONE;
	create(d, t, c);
	u = demo_wd(d, tp->due + 1, T);
	if (demo_chance(d, 20)) {
		/* never acknowledged */
		urge(d, t, demo_wd(d, c + 2, c + 4), demo_urges_ack);
		urge(d, t, u, demo_urges_overdue);
		return;
	}
	a = ack(d, t, 30);
	if (demo_chance(d, 50))
		risk(d, t, demo_wd(d, a + 1, tp->due));
	r = demo_wd(d, imax(a + 1, T - 12), T - 1);
	if (demo_chance(d, 30))
		milestones(d, t, c, T, false);
	reports(d, t, a + 1, r, 0, demo_rnd(d, 40, 85), 0);
	urge(d, t, u, demo_urges_overdue);
	if (demo_chance(d, 60))
		instruct(d, t, demo_wd(d, u, T));
	if (u < T && demo_chance(d, 30))
		urge(d, t, demo_wd(d, u + 1, T), demo_urges_overdue);
}

static void fate_red_milestone(struct demo *d, int t)
{
	static const char *const titles[] = {
		"制定实施方案", "完成主体工作", "完成验收销号",
	};
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 50, T - 20), a, r, due[3];
	struct demo_ev *v;

	tp->due = demo_wd(d, T + 15, T + 60);
	create(d, t, c);
	a = ack(d, t, 10);
	due[0] = demo_wd(d, c + 3, T - 14);
	due[1] = demo_wd(d, T - 10, T - 1);
	due[2] = demo_wd(d, T + 5, tp->due);
	for (int k = 0; k < 3; k++) {
		v = demo_ev_new(d, DEMO_EV_MS_ADD, c, tp->creator);
		v->ref = t;
		v->sub = k;
		v->day = due[k];
		v->text = titles[k];
	}
	v = demo_ev_new(d, DEMO_EV_MS_DONE,
			demo_wd(d, imax(c, due[0] - 3), due[0] + 1),
			owner(d, t));
	v->ref = t;
	v->sub = 0;
	r = demo_wd(d, imax(T - 5, a + 1), T);
	reports(d, t, a + 1, r, 0, demo_rnd(d, 30, 60), 0);
	urge(d, t, demo_wd(d, due[1] + 1, T), demo_urges_milestone);
}

static void fate_open_new(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int c = demo_wd(d, d->T - 1, d->T);

	tp->due = demo_wd(d, c + 7, c + 45);
	create(d, t, c);
}

static void fate_open_late(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 12, T - 8);

	tp->due = demo_wd(d, T + 10, T + 40);
	create(d, t, c);
	urge(d, t, demo_wd(d, T - 3, T), demo_urges_ack);
}

static void fate_extended(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 70, T - 30), a, x, r, p;
	struct demo_ev *v;

	tp->due = demo_wd(d, T - 10, T + 4);
	create(d, t, c);
	a = ack(d, t, 10);
	x = demo_wd(d, imax(a + 2, tp->due - 6), imin(tp->due - 1, T - 2));
	p = demo_rnd(d, 30, 50);
	if (x - 1 >= a + 1)
		reports(d, t, a + 1, demo_wd(d, imax(a + 1, x - 8), x - 1),
			0, p, 0);
	risk(d, t, x);
	v = act(d, t, x, TASK_EXTEND, "wang");
	v->day = demo_wd(d, T + 10, T + 45);
	v->text = demo_pick(d, demo_extend_reasons);
	r = demo_wd(d, imax(T - 5, x + 1), T);
	reports(d, t, x + 1, r, p, demo_rnd(d, 55, 85), 0);
}

static void fate_reopened(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 70, T - 40), a, r, k, o;

	tp->due = demo_wd(d, T + 10, T + 40);
	create(d, t, c);
	a = ack(d, t, 10);
	r = demo_wd(d, imax(a + 5, c + 10), T - 16);
	reports(d, t, a + 1, r, 0, 100, 50);
	k = demo_wd(d, r, r + 3);
	finish(d, t, r, k);
	o = demo_wd(d, k + 3, T - 8);
	act(d, t, o, TASK_REOPEN, "wang")->text =
		demo_pick(d, demo_reopen_reasons);
	reports(d, t, o + 1, demo_wd(d, imax(T - 5, o + 1), T), 70,
		demo_rnd(d, 80, 95), 0);
}

static void fate_rejected(struct demo *d, int t)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = demo_wd(d, T - 60, T - 25), a, r, j;
	struct demo_ev *v;

	tp->due = demo_wd(d, T + 5, T + 40);
	tp->start = demo_chance(d, 40) ? c : DATE_NONE;
	create(d, t, c);
	a = ack(d, t, 10);
	r = demo_wd(d, imax(a + 3, c + 8), T - 10);
	if (demo_chance(d, 30))
		milestones(d, t, c, r, true);
	reports(d, t, a + 1, r, 0, 100, 0);
	act(d, t, r, TASK_SUBMIT, owner(d, t))->text = "已完成，申请验收销号";
	j = demo_wd(d, r, r + 3);
	act(d, t, j, TASK_REJECT, tp->approver)->text =
		demo_pick(d, demo_reject_reasons);
	r = demo_wd(d, j + 2, T - 2);
	v = act(d, t, r, TASK_REPORT, owner(d, t));
	v->percent = 100;
	v->text = "已按要求补充整改，相关佐证材料已重新上传。";
	v->text2 = demo_pick(d, demo_evidence_names);
	if (demo_chance(d, 50))
		finish(d, t, r, demo_wd(d, r, T));
	else
		act(d, t, r, TASK_SUBMIT, owner(d, t))->text =
			"已补充材料，再次申请验收";
}

/* 当日事: assigned in the morning and closed the same day, or not. */
static void fate_daily(struct demo *d, int t, enum fate f)
{
	int T = d->T, c;
	long long at;
	struct demo_ev *v;

	if (f == F_DAILY_TODAY) {
		create_at(d, t, T * 86400LL + demo_rnd(d, 1800, 7200));
		return;
	}
	c = f == F_DAILY_DONE ? demo_wd(d, T - 60, T - 1) :
		demo_wd(d, T - 40, T - 2);
	at = c * 86400LL + (f == F_DAILY_DONE ? demo_rnd(d, 1800, 10800) :
			    demo_rnd(d, 25200, 30600));
	d->tasks[t].due = c;
	create_at(d, t, at);
	at += demo_rnd(d, 600, 3600);
	act_at(d, t, at, TASK_ACK, owner(d, t));
	if (f == F_DAILY_LATE)	/* finished the next working day */
		at = demo_wd(d, c + 1, imin(c + 3, T)) * 86400LL + 1800;
	at += demo_rnd(d, 3600, 14400);
	v = act_at(d, t, at, TASK_REPORT, owner(d, t));
	v->percent = 100;
	v->text = note(d, 100);
	if (demo_chance(d, 30))
		v->text2 = demo_pick(d, demo_evidence_names);
	at += demo_rnd(d, 60, 600);
	act_at(d, t, at, TASK_SUBMIT, owner(d, t))->text = "已处置完毕";
	at += demo_rnd(d, 600, 3600);
	act_at(d, t, at, TASK_CLOSE, d->tasks[t].approver)->text =
		"经核实，同意销号";
}

void demo_plan_tasks(struct demo *d, int scale)
{
	d->tasks = xcalloc((size_t)scale, sizeof(*d->tasks));
	d->ntasks = d->atasks = (size_t)scale;
	for (int t = 0; t < scale; t++) {
		enum fate f = pick_fate(d, (size_t)t);

		plan_identity(d, &d->tasks[t], f);
		demo_slice_begin(d);
		switch (f) {
		case F_DONE: fate_done(d, t); break;
		case F_LATE: fate_late(d, t); break;
		case F_CANCEL: fate_cancel(d, t); break;
		case F_REVIEW: fate_review(d, t); break;
		case F_GREEN: fate_green(d, t); break;
		case F_YELLOW_DUE: fate_yellow_due(d, t); break;
		case F_RED: fate_red(d, t); break;
		case F_OPEN_NEW: fate_open_new(d, t); break;
		case F_RED_MS: fate_red_milestone(d, t); break;
		case F_YELLOW_LAG: fate_yellow_lag(d, t); break;
		case F_YELLOW_STALE: fate_yellow_stale(d, t); break;
		case F_OPEN_LATE: fate_open_late(d, t); break;
		case F_EXTENDED: fate_extended(d, t); break;
		case F_REOPENED: fate_reopened(d, t); break;
		case F_REJECTED: fate_rejected(d, t); break;
		case F_DAILY_DONE:
		case F_DAILY_LATE:
		case F_DAILY_TODAY:
		case F_N:
			fate_daily(d, t, f);
			break;
		}
		demo_slice_end(d);
	}
}


int demo_task_new(struct demo *d)
{
	if (d->ntasks == d->atasks) {
		d->atasks = d->atasks ? 2 * d->atasks : 64;
		d->tasks = xreallocarray(d->tasks, d->atasks,
					 sizeof(*d->tasks));
	}
	memset(&d->tasks[d->ntasks], 0, sizeof(d->tasks[0]));
	d->tasks[d->ntasks].start = DATE_NONE;
	return (int)d->ntasks++;
}

/*
 * 整改: answered within hours by the unit's staff (late more often when
 * slow); by T, a task past due was mostly closed on time, else late, and
 * a recent one may still be open and urged (red); one not yet due is in
 * progress or awaiting approval. Made the day before T or on T: open.
 */
void demo_plan_rectification(struct demo *d, int t, int slow)
{
	struct demo_task *tp = &d->tasks[t];
	int T = d->T, c = (int)(tp->created_at / 86400), due = tp->due;
	int a, r, k, roll;

	if (c >= T - 1)
		return;
	a = ack(d, t, 5 + slow / 2);
	if (a >= T)
		return;
	roll = demo_rnd(d, 0, 99);
	if (due < T && roll < 75 - slow / 2) {
		/* closed on or before due */
		k = demo_wd(d, imin(imax(a + 1, due - 4), due), due);
		r = demo_wd(d, imin(imax(a + 1, k - 2), k), k);
		reports(d, t, a + 1, r, 0, 100, 60);
		finish(d, t, r, k);
	} else if (due < T && (roll < 92 - slow / 4 || due < T - 60)) {
		/* closed after due, urged first */
		r = demo_wd(d, due + 1, imin(due + 12, T));
		urge(d, t, demo_wd(d, due + 1, r), demo_urges_overdue);
		reports(d, t, a + 1, r, 0, 100, 40);
		finish(d, t, r, demo_wd(d, r, imin(r + 3, T)));
	} else if (due < T) {
		/* still open past due: red */
		r = demo_wd(d, imin(imax(a + 1, due - 5), T - 1), T - 1);
		reports(d, t, a + 1, r, 0, demo_rnd(d, 40, 80), 0);
		urge(d, t, demo_wd(d, due + 1, T), demo_urges_overdue);
	} else if (roll < 20) {
		/* finished early, awaiting approval */
		r = demo_wd(d, imax(a + 1, T - 4), T);
		reports(d, t, a + 1, r, 0, 100, 60);
		act(d, t, r, TASK_SUBMIT, owner(d, t))->text =
			"整改已完成，申请验收销号";
	} else {
		r = demo_wd(d, imax(a + 1, T - 6), T);
		reports(d, t, a + 1, r, 0, imax(10, imin(90,
			(int)(100LL * (T - c) / imax(1, due - c)) +
			demo_rnd(d, -10, 10))), 0);
	}
}
