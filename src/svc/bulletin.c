/*
 * The bulletin: gathers the small figures first (eval for the summary
 * and ranking, the board for lights now, burden), then streams the big
 * one — the red-and-late list, one store pass ordered by unit — into the
 * document writer. Only one unit's listed tasks are held at a time (to
 * sort them by days overdue), in a reused array and string arena.
 */
#include "svc/bulletin.h"
#include "core/bulletin.h"
#include "svc/eval.h"
#include "svc/export.h"
#include "svc/tasks.h"
#include "svc/units.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W(b, zh, en) ((b)->o->lang == LANG_ZH ? (zh) : (en))

struct bunit {
	char *code, *name;
};

struct bul {
	struct ctx *c;
	const struct bulletin_opts *o;
	struct doc *d;
	struct eval_result ev;
	struct board board;
	struct burden burden;
	struct bunit *u;	/* the units reported on, by code */
	size_t nu, cap;
	char *prefix;		/* their subtree's path, NULL: all */
	char *scope_name;	/* "CODE 名称" of --unit or the actor's unit */
	struct bulletin_stats st;
	long long nmerits;
};

enum lserr bulletin_format(const char *s, enum doc_format *out,
			   struct err *e)
{
	if (s && doc_format_parse(s, out) && *out != DOC_CSV)
		return LS_OK;
	return err_set(e, LS_EINVAL, "format", "invalid format '%s' (html, "
		       "xlsx, pdf or md)", s ? s : "");
}

static int load_unit(const struct unit *u, void *arg)
{
	struct bul *b = arg;

	if (b->nu == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 64;
		b->u = xreallocarray(b->u, b->cap, sizeof(*b->u));
	}
	b->u[b->nu].code = xstrdup(u->code);
	b->u[b->nu++].name = xstrdup(u->name);
	return 0;
}

static int bunit_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct bunit *)elem)->code);
}

static const struct bunit *find_unit(const struct bul *b, const char *code)
{
	return code ? bsearch(code, b->u, b->nu, sizeof(*b->u), bunit_cmp) :
		NULL;
}

/* The units reported on: --unit's subtree, else the actor's scope. */
static enum lserr load_units(struct bul *b, struct err *e)
{
	struct ctx *c = b->c;
	struct unit u;
	enum lserr rc = LS_OK;
	const char *code = b->o->unit;

	unit_init(&u);
	if (!code && !c->actor.scope.all) {
		code = c->actor.unit;
		if (!code || !c->actor.scope.path)
			goto out;	/* no unit: sees no unit */
	}
	if (code) {
		if ((rc = svc_unit_in_scope(c, code, "unit", &u, e)))
			goto out;
		b->scope_name = xasprintf("%s %s", u.code, u.name);
		b->prefix = xstrdup(u.path);
	}
	rc = store_unit_each(c->st, b->prefix, load_unit, b, e);
out:
	unit_release(&u);
	return rc;
}

static void num_cell(struct doc_cell *c, double v)
{
	*c = isnan(v) ? DOC_NULL : DOC_NUM(eval_round2(v));
}

/* 1. Title, period, summary */

static void summary(struct bul *b)
{
	static const struct doc_col cols[] = {
		{ NULL, 30, DOC_TEXT }, { NULL, 12, DOC_NUMBER },
	};
	struct doc_col cc[2];
	struct bulletin_summary s;
	struct doc_cell cell[2];
	char text[512], rate[32];
	double r;
	const char *label[7];
	long long v[6];

	memset(&s, 0, sizeof(s));
	for (size_t i = 0; i < b->ev.n; i++)
		if (find_unit(b, b->ev.rows[i].unit))
			bulletin_add_counts(&s, &b->ev.rows[i].c);
	for (size_t i = 0; i < b->board.n; i++) {
		s.red += b->board.rows[i].n[LIGHT_RED];
		s.yellow += b->board.rows[i].n[LIGHT_YELLOW];
	}
	r = bulletin_ontime_rate(&s);
	if (isnan(r))
		snprintf(rate, sizeof(rate), "-");
	else
		snprintf(rate, sizeof(rate), "%.2f%%", eval_round2(r));
	doc_heading(b->d, W(b, "一、总体情况", "1. Summary"));
	snprintf(text, sizeof(text), W(b,
		 "本期到期任务 %lld 项，按期办结 %lld 项，逾期办结 %lld 项，"
		 "按期办结率 %s；截至 %s，红灯 %lld 项，黄灯 %lld 项；"
		 "本期撤销 %lld 项。",
		 "%lld tasks fell due in the period: %lld done on time, "
		 "%lld done late, on-time rate %s. On %s, %lld are red and "
		 "%lld yellow. %lld were cancelled."),
		 s.due, s.ontime, s.late, rate,
		 date_format(b->c->today, (char[DATE_STRLEN]){ 0 }), s.red,
		 s.yellow, s.cancelled);
	doc_para(b->d, text);
	cc[0] = cols[0];
	cc[1] = cols[1];
	cc[0].title = W(b, "项目", "Item");
	cc[1].title = W(b, "数量", "Count");
	label[0] = W(b, "本期到期任务", "Tasks due in the period");
	label[1] = W(b, "按期办结", "Done on time");
	label[2] = W(b, "逾期办结", "Done late");
	label[3] = W(b, "当前红灯", "Red now");
	label[4] = W(b, "当前黄灯", "Yellow now");
	label[5] = W(b, "撤销", "Cancelled");
	label[6] = W(b, "按期办结率（%）", "On-time rate (%)");
	v[0] = s.due;
	v[1] = s.ontime;
	v[2] = s.late;
	v[3] = s.red;
	v[4] = s.yellow;
	v[5] = s.cancelled;
	doc_table_begin(b->d, cc, 2);
	for (int i = 0; i < 7; i++) {
		cell[0] = DOC_STR(label[i]);
		if (i < 6)
			cell[1] = DOC_NUM((double)v[i]);
		else
			num_cell(&cell[1], r);
		doc_row(b->d, cell);
	}
	doc_table_end(b->d);
}

/* 2. Red and late items by unit */

struct item {
	long long id;
	int due, days;
	enum light light;
	enum task_status status;
	size_t title, owner;	/* offsets into the arena */
};

struct listing {
	struct bul *b;
	struct item *v;
	size_t n, cap;
	struct buf arena;	/* strings of the unit's items */
	struct buf lead, lead_name;
};

static int item_cmp(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void flush_unit(struct listing *l)
{
	struct bul *b = l->b;
	char due[DATE_STRLEN];
	struct doc_cell c[9];

	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), item_cmp);
	for (size_t i = 0; i < l->n; i++) {
		const struct item *it = &l->v[i];

		c[0] = DOC_STR(l->lead.ptr);
		c[1] = DOC_STR(l->lead_name.ptr);
		c[2] = DOC_NUM((double)it->id);
		c[3] = DOC_STR(l->arena.ptr + it->title);
		c[4] = DOC_STR(l->arena.ptr + it->owner);
		c[5] = DOC_STR(date_format(it->due, due));
		c[6] = DOC_NUM(it->days);
		c[7] = DOC_STR(light_word(it->light, b->o->lang));
		c[8] = DOC_STR(task_status_word(it->status, b->o->lang));
		doc_row(b->d, c);
	}
	b->st.listed += (long long)l->n;
	l->n = 0;
	buf_reset(&l->arena);
}

static size_t arena_put(struct buf *a, const char *s)
{
	size_t at = a->len;

	buf_add(a, s ? s : "", s ? strlen(s) + 1 : 1);
	return at;
}

static int list_task(const struct task *t, const char *lead_name,
		     const char *owner_name, void *arg)
{
	struct listing *l = arg;
	struct bul *b = l->b;
	enum light light = task_light(t, b->c->today, &b->c->settings);
	struct item *it;
	int days;

	if (!bulletin_listed(t, light, b->c->today, &b->ev.p, &days))
		return 0;
	if (strcmp(l->lead.ptr, t->lead)) {
		flush_unit(l);
		buf_reset(&l->lead);
		buf_adds(&l->lead, t->lead);
		buf_reset(&l->lead_name);
		buf_adds(&l->lead_name, lead_name ? lead_name : "");
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	it = &l->v[l->n++];
	it->id = t->id;
	it->due = t->due;
	it->days = days;
	it->light = light;
	it->status = t->status;
	it->title = arena_put(&l->arena, t->title);
	it->owner = arena_put(&l->arena, owner_name ? owner_name :
			      t->owner);
	return 0;
}

static enum lserr red_and_late(struct bul *b, struct err *e)
{
	const struct doc_col cols[] = {
		{ W(b, "单位", "Unit"), 8, DOC_TEXT },
		{ W(b, "单位名称", "Unit name"), 14, DOC_TEXT },
		{ W(b, "编号", "ID"), 5, DOC_NUMBER },
		{ W(b, "任务", "Task"), 32, DOC_TEXT },
		{ W(b, "责任人", "Owner"), 7, DOC_TEXT },
		{ W(b, "截止日期", "Due"), 10, DOC_DATE },
		{ W(b, "逾期天数", "Days overdue"), 6, DOC_NUMBER },
		{ W(b, "亮灯", "Light"), 8, DOC_TEXT },
		{ W(b, "状态", "Status"), 7, DOC_TEXT },
	};
	struct listing l;
	enum lserr rc;

	memset(&l, 0, sizeof(l));
	l.b = b;
	buf_init(&l.arena);
	buf_init(&l.lead);
	buf_init(&l.lead_name);
	doc_heading(b->d, W(b, "二、红灯和逾期事项", "2. Red and late items"));
	doc_para(b->d, W(b, "截至通报日亮红灯的任务，以及本期内逾期办结的"
			 "任务，按单位、逾期天数排列。",
			 "Tasks red on the day of issue and tasks closed "
			 "late within the period, by unit, most overdue "
			 "first."));
	doc_table_begin(b->d, cols, 9);
	rc = store_bulletin_tasks(b->c->st, b->prefix, b->c->today,
				  b->ev.p.first, b->ev.p.last, list_task, &l,
				  e);
	if (rc == LS_OK)
		flush_unit(&l);
	doc_table_end(b->d);
	if (rc == LS_OK && !b->st.listed)
		doc_para(b->d, W(b, "本期无红灯或逾期事项。",
				 "No red or late items."));
	free(l.v);
	buf_release(&l.arena);
	buf_release(&l.lead);
	buf_release(&l.lead_name);
	return rc;
}

/* 3. Ranking: one table per kind, eval's rows in eval's order */

static const char *funnel_word(struct bul *b, enum funnel f)
{
	switch (f) {
	case FUNNEL_ABOVE: return W(b, "高于", "above");
	case FUNNEL_WITHIN: return W(b, "持平", "within");
	case FUNNEL_BELOW: return W(b, "低于", "below");
	case FUNNEL_NONE: break;
	}
	return NULL;
}

static void warn_text(struct bul *b, const struct eval_row *r,
		      struct buf *out)
{
	static const char *const zh[EVAL_NMETRICS] = {
		"完成率", "按期率", "响应率", "当日毕", "指标", "检查",
	};
	unsigned w = eval_warnings(&b->ev.scheme, r->m, r->score);
	const char *sep = W(b, "、", ", ");

	buf_reset(out);
	if (w & EVAL_WARN_SCORE)
		buf_adds(out, W(b, "得分", "score"));
	for (int i = 0; i < EVAL_NMETRICS; i++) {
		if (!(w & (1u << i)))
			continue;
		if (out->len)
			buf_adds(out, sep);
		buf_adds(out, W(b, zh[i], eval_metric_names[i]));
	}
}

static void rank_table(struct bul *b, const char *group, int nth,
		       int ngroups)
{
	const struct doc_col cols[] = {
		{ W(b, "名次", "Rank"), 4, DOC_NUMBER },
		{ W(b, "单位", "Unit"), 8, DOC_TEXT },
		{ W(b, "名称", "Name"), 14, DOC_TEXT },
		{ W(b, "得分", "Score"), 6, DOC_NUMBER },
		{ W(b, "完成率", "Compl."), 5, DOC_NUMBER },
		{ W(b, "按期率", "On time"), 5, DOC_NUMBER },
		{ W(b, "响应率", "Resp."), 5, DOC_NUMBER },
		{ W(b, "当日毕", "Daily"), 5, DOC_NUMBER },
		{ W(b, "指标", "Indic."), 5, DOC_NUMBER },
		{ W(b, "检查", "Insp."), 5, DOC_NUMBER },
		{ W(b, "加分", "Bonus"), 5, DOC_NUMBER },
		{ W(b, "扣分", "Penalty"), 5, DOC_NUMBER },
		{ W(b, "按期率区间", "On-time interval"), 11, DOC_TEXT },
		{ W(b, "漏斗", "Funnel"), 5, DOC_TEXT },
		{ W(b, "预警", "Warning"), 8, DOC_TEXT },
	};
	struct doc_cell c[15];
	struct buf warn = BUF_INIT;
	char head[160], ci[48];

	if (ngroups > 1 || b->o->group)
		snprintf(head, sizeof(head), W(b, "三、综合评价排名（%s）",
					       "3. Ranking (%s)"), group);
	else
		snprintf(head, sizeof(head), "%s",
			 W(b, "三、综合评价排名", "3. Ranking"));
	if (nth == 0 || ngroups > 1)
		doc_heading(b->d, head);
	doc_table_begin(b->d, cols, 15);
	for (size_t k = 0; k < b->ev.norder; k++) {
		const struct eval_row *r = &b->ev.rows[b->ev.order[k]];

		if (strcmp(r->group, group) || !find_unit(b, r->unit))
			continue;
		c[0] = r->rank ? DOC_NUM(r->rank) : DOC_NULL;
		c[1] = DOC_STR(r->unit);
		c[2] = DOC_STR(r->name);
		num_cell(&c[3], r->score);
		for (int i = 0; i < EVAL_NMETRICS; i++)
			num_cell(&c[4 + i], r->m[i]);
		num_cell(&c[10], r->c.bonus);
		num_cell(&c[11], r->c.penalty);
		if (isnan(r->lo))
			ci[0] = 0;
		else
			snprintf(ci, sizeof(ci), "%.2f–%.2f",
				 eval_round2(r->lo), eval_round2(r->hi));
		c[12] = DOC_STR(ci);
		c[13] = DOC_STR(funnel_word(b, r->funnel));
		warn_text(b, r, &warn);
		c[14] = DOC_STR(warn.ptr);
		doc_row(b->d, c);
		b->st.ranked++;
	}
	doc_table_end(b->d);
	buf_release(&warn);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void ranking(struct bul *b)
{
	const char **g = xcalloc(b->ev.n + 1, sizeof(*g));
	size_t n = 0, m = 0;

	for (size_t i = 0; i < b->ev.n; i++) {
		const struct eval_row *r = &b->ev.rows[i];

		if (r->visible && find_unit(b, r->unit) &&
		    (!b->o->group || !strcmp(r->group, b->o->group)))
			g[n++] = r->group;
	}
	qsort(g, n, sizeof(*g), str_cmp);
	for (size_t i = 0; i < n; i++)
		if (!m || strcmp(g[m - 1], g[i]))
			g[m++] = g[i];
	if (!m) {
		doc_heading(b->d, W(b, "三、综合评价排名", "3. Ranking"));
		doc_para(b->d, W(b, "无参评单位。", "No unit to rank."));
	}
	for (size_t i = 0; i < m; i++)
		rank_table(b, g[i], (int)i, (int)m);
	if (m && !isnan(b->ev.scheme.warn_score))
		doc_para(b->d, W(b, "预警：得分或指标低于考核方案的预警线。",
				 "Warning: score or metric below the scheme's "
				 "threshold."));
	free(g);
}

/* 4. Commendations and accountability */

static int merit_row(const struct merit *m, void *arg)
{
	struct bul *b = arg;
	char on[DATE_STRLEN];
	struct doc_cell c[6];

	if (!find_unit(b, m->unit))
		return 0;
	b->nmerits++;
	c[0] = DOC_STR(date_format(m->on, on));
	c[1] = DOC_STR(!strcmp(m->kind, "commend") ? W(b, "表彰", "commend") :
		       W(b, "问责", "account"));
	c[2] = DOC_STR(m->unit);
	c[3] = DOC_STR(m->person);
	c[4] = DOC_NUM(!strcmp(m->kind, "commend") ? m->points : -m->points);
	c[5] = DOC_STR(m->reason);
	doc_row(b->d, c);
	return 0;
}

static enum lserr merits(struct bul *b, struct err *e)
{
	const struct doc_col cols[] = {
		{ W(b, "日期", "Date"), 10, DOC_DATE },
		{ W(b, "类别", "Kind"), 6, DOC_TEXT },
		{ W(b, "单位", "Unit"), 8, DOC_TEXT },
		{ W(b, "个人", "Person"), 8, DOC_TEXT },
		{ W(b, "分值", "Points"), 6, DOC_NUMBER },
		{ W(b, "事由", "Reason"), 30, DOC_TEXT },
	};
	struct merit_filter f;
	enum lserr rc;

	memset(&f, 0, sizeof(f));
	f.from = b->ev.p.first;
	f.to = b->ev.p.last;
	doc_heading(b->d, W(b, "四、表彰和问责", "4. Commendations and "
			    "accountability"));
	doc_table_begin(b->d, cols, 6);
	rc = svc_merit_list(b->c, &f, merit_row, b, e);
	doc_table_end(b->d);
	if (!rc && !b->nmerits)
		doc_para(b->d, W(b, "本期无表彰和问责。", "None in the "
				 "period."));
	return rc;
}

/* 5. Targets lowered (SPEC §4) */

struct lowered {
	struct bul *b;
	struct indicator ind;
	struct goal g;
	long long n;
	enum lserr rc;
	struct err *e;
};

static int revision_row(const struct revision *r, void *arg)
{
	struct lowered *x = arg;
	struct bul *b = x->b;
	struct doc_cell c[9];
	char day[DATE_STRLEN];
	int on;

	if (strcmp(r->field, "target") || !instant_date(r->at, &on) ||
	    !period_contains(&b->ev.p, on))
		return 0;
	indicator_release(&x->ind);
	indicator_init(&x->ind);
	goal_release(&x->g);
	goal_init(&x->g);
	if ((x->rc = store_indicator_get(b->c->st, r->entity_id, &x->ind,
					 x->e)) ||
	    (x->rc = store_goal_get(b->c->st, x->ind.goal_id, &x->g, x->e)))
		return 1;
	if (!indicator_lowers(x->ind.direction, r->old_value, r->new_value) ||
	    !find_unit(b, x->g.unit))
		return 0;
	c[0] = DOC_NUM((double)r->entity_id);
	c[1] = DOC_STR(x->ind.name);
	c[2] = DOC_STR(x->g.unit);
	c[3] = DOC_STR(x->ind.direction == DIR_UP ?
		       W(b, "越高越好", "up") : W(b, "越低越好", "down"));
	c[4] = DOC_NUM(r->old_value);
	c[5] = DOC_NUM(r->new_value);
	c[6] = DOC_STR(r->by);
	c[7] = DOC_STR(date_format(on, day));
	c[8] = DOC_STR(r->reason);
	doc_row(b->d, c);
	x->n++;
	return 0;
}

static enum lserr targets_lowered(struct bul *b, struct err *e)
{
	const struct doc_col cols[] = {
		{ W(b, "指标", "Indicator"), 5, DOC_NUMBER },
		{ W(b, "名称", "Name"), 12, DOC_TEXT },
		{ W(b, "单位", "Unit"), 8, DOC_TEXT },
		{ W(b, "方向", "Direction"), 5, DOC_TEXT },
		{ W(b, "原目标", "Old target"), 7, DOC_NUMBER },
		{ W(b, "新目标", "New target"), 7, DOC_NUMBER },
		{ W(b, "调整人", "By"), 7, DOC_TEXT },
		{ W(b, "日期", "Date"), 10, DOC_DATE },
		{ W(b, "理由", "Reason"), 20, DOC_TEXT },
	};
	struct lowered x;
	enum lserr rc;

	memset(&x, 0, sizeof(x));
	x.b = b;
	x.e = e;
	indicator_init(&x.ind);
	goal_init(&x.g);
	doc_heading(b->d, W(b, "五、目标下调", "5. Targets lowered"));
	doc_table_begin(b->d, cols, 9);
	rc = store_revision_each(b->c->st, "indicator", 0, revision_row, &x,
				 e);
	doc_table_end(b->d);
	if (!rc)
		rc = x.rc;
	if (!rc && !x.n)
		doc_para(b->d, W(b, "本期无下调目标。", "None in the period."));
	indicator_release(&x.ind);
	goal_release(&x.g);
	return rc;
}

/* 6. Policy windows: closing now, or missed in the period */

struct windows {
	struct bul *b;
	long long n;
};

static const char *level_word(struct bul *b, enum policy_level l)
{
	switch (l) {
	case POLICY_NATIONAL: return W(b, "国家级", "national");
	case POLICY_PROVINCIAL: return W(b, "省级", "provincial");
	case POLICY_MUNICIPAL: break;
	}
	return W(b, "市级", "municipal");
}

static int window_row(const struct policy *p, void *arg)
{
	struct windows *x = arg;
	struct bul *b = x->b;
	const struct bunit *u = find_unit(b, p->unit);
	enum policy_alert a;
	char op[DATE_STRLEN], cl[DATE_STRLEN];
	struct doc_cell c[9];

	a = policy_bulletin_kind(p->status, p->close, b->c->today,
				 b->c->settings.policy_warn_days,
				 b->ev.p.first, b->ev.p.last);
	if (a == POLICY_ALERT_NONE || !u)
		return 0;
	c[0] = DOC_STR(p->unit);
	c[1] = DOC_STR(u->name);
	c[2] = DOC_NUM((double)p->id);
	c[3] = DOC_STR(p->title);
	c[4] = DOC_STR(p->issuer);
	c[5] = DOC_STR(level_word(b, p->level));
	c[6] = DOC_STR(date_format(p->open, op));
	c[7] = DOC_STR(date_format(p->close, cl));
	c[8] = DOC_STR(a == POLICY_ALERT_CLOSING ?
		       W(b, "临近截止", "closing") : W(b, "已错过", "missed"));
	doc_row(b->d, c);
	x->n++;
	return 0;
}

static enum lserr policy_windows(struct bul *b, struct err *e)
{
	const struct doc_col cols[] = {
		{ W(b, "单位", "Unit"), 8, DOC_TEXT },
		{ W(b, "单位名称", "Unit name"), 12, DOC_TEXT },
		{ W(b, "编号", "ID"), 5, DOC_NUMBER },
		{ W(b, "政策", "Policy"), 26, DOC_TEXT },
		{ W(b, "发布机关", "Issuer"), 12, DOC_TEXT },
		{ W(b, "层级", "Level"), 6, DOC_TEXT },
		{ W(b, "窗口期开始", "Window opens"), 10, DOC_DATE },
		{ W(b, "窗口期截止", "Window closes"), 10, DOC_DATE },
		{ W(b, "提示", "Alert"), 8, DOC_TEXT },
	};
	struct windows x;
	char text[320];
	enum lserr rc;

	x.b = b;
	x.n = 0;
	doc_heading(b->d, W(b, "六、政策窗口期", "6. Policy windows"));
	snprintf(text, sizeof(text), W(b,
		 "窗口期在通报日起 %d 天内截止而尚未落地的政策（临近截止），"
		 "以及窗口期在本期内截止而未落地的政策（已错过），按截止日期"
		 "排列。",
		 "Policies not landed whose window closes within %d days of "
		 "the day of issue (closing), and those whose window closed "
		 "in the period un-landed (missed), by closing day."),
		 b->c->settings.policy_warn_days);
	doc_para(b->d, text);
	doc_table_begin(b->d, cols, 9);
	rc = store_policy_each(b->c->st, b->prefix, window_row, &x, e);
	doc_table_end(b->d);
	if (!rc && !x.n)
		doc_para(b->d, W(b, "无临近截止或错过的政策窗口期。",
				 "No policy window closing or missed."));
	return rc;
}

/* 7. Burden: svc_burden's months added up per unit */

static void burden_row_out(struct bul *b, const struct burden_row *sum,
			   long long over)
{
	const struct bunit *u = find_unit(b, sum->unit);
	struct doc_cell c[7];

	c[0] = DOC_STR(sum->unit);
	c[1] = DOC_STR(u ? u->name : NULL);
	c[2] = DOC_NUM((double)sum->reports);
	c[3] = DOC_NUM((double)sum->urges);
	c[4] = DOC_NUM((double)sum->inspections);
	c[5] = DOC_NUM((double)sum->evaluations);
	c[6] = DOC_NUM((double)over);
	doc_row(b->d, c);
}

static void burden(struct bul *b)
{
	const struct doc_col cols[] = {
		{ W(b, "单位", "Unit"), 8, DOC_TEXT },
		{ W(b, "名称", "Name"), 12, DOC_TEXT },
		{ W(b, "报送", "Reports"), 7, DOC_NUMBER },
		{ W(b, "催办", "Urges"), 7, DOC_NUMBER },
		{ W(b, "检查", "Inspections"), 7, DOC_NUMBER },
		{ W(b, "评比", "Evaluations"), 7, DOC_NUMBER },
		{ W(b, "超限月数", "Months over cap"), 8, DOC_NUMBER },
	};
	struct burden_row sum;
	long long over = 0;
	char text[160];

	memset(&sum, 0, sizeof(sum));
	doc_heading(b->d, W(b, "七、基层减负", "7. Burden"));
	snprintf(text, sizeof(text), W(b, "每单位每月检查上限 %d 次。",
				       "Inspection cap: %d per unit and "
				       "month."), b->burden.cap);
	doc_para(b->d, text);
	doc_table_begin(b->d, cols, 7);
	for (size_t i = 0; i < b->burden.n; i++) {
		const struct burden_row *r = &b->burden.rows[i];

		if (!find_unit(b, r->unit))
			continue;
		if (sum.unit && strcmp(sum.unit, r->unit)) {
			burden_row_out(b, &sum, over);
			memset(&sum, 0, sizeof(sum));
			over = 0;
		}
		sum.unit = r->unit;
		sum.reports += r->reports;
		sum.urges += r->urges;
		sum.inspections += r->inspections;
		sum.evaluations += r->evaluations;
		over += burden_over_cap(r, b->burden.cap);
	}
	if (sum.unit)
		burden_row_out(b, &sum, over);
	doc_table_end(b->d);
}

static void title(struct bul *b)
{
	char t[128], sub[512], f[DATE_STRLEN], l[DATE_STRLEN],
		today[DATE_STRLEN];
	int n;

	bulletin_title(&b->ev.p, b->o->lang, t, sizeof(t));
	date_format(b->ev.p.first, f);
	date_format(b->ev.p.last, l);
	date_format(b->c->today, today);
	n = snprintf(sub, sizeof(sub), W(b, "统计期间 %s 至 %s，%s 印发",
					 "Period %s to %s, issued %s"),
		     f, l, today);
	if (b->scope_name && n > 0 && (size_t)n < sizeof(sub))
		snprintf(sub + n, sizeof(sub) - (size_t)n,
			 W(b, "；范围：%s 及下属单位",
			   "; scope: %s and the units below it"),
			 b->scope_name);
	doc_title(b->d, t, sub);
}

static enum lserr gather(struct bul *b, struct err *e)
{
	struct ctx *c = b->c;
	const struct bulletin_opts *o = b->o;
	enum lserr rc;
	bool found = false;

	if ((rc = svc_eval(c, o->period, NULL, o->scheme, &b->ev, e)) ||
	    (rc = load_units(b, e)))
		return rc;
	for (size_t i = 0; o->group && i < b->ev.n && !found; i++)
		found = !strcmp(b->ev.rows[i].group, o->group);
	if (o->group && !found)
		return err_set(e, LS_EINVAL, "group", "no unit of kind '%s' "
			       "for --group", o->group);
	if ((rc = svc_board(c, o->unit, &b->board, e)) ||
	    (rc = svc_burden(c, NULL, b->ev.p.text, &b->burden, e)))
		return rc;
	return LS_OK;
}

enum lserr svc_bulletin(struct ctx *c, const struct bulletin_opts *o,
			const char *path, struct bulletin_stats *st,
			struct err *e)
{
	struct bul b;
	enum lserr rc;

	memset(&b, 0, sizeof(b));
	b.c = c;
	b.o = o;
	if ((rc = gather(&b, e)))
		goto out;
	if (!(b.d = doc_open(o->format, path, o->lang, e))) {
		rc = LS_EFAIL;
		goto out;
	}
	doc_landscape(b.d);	/* the ranking has 15 columns */
	title(&b);
	summary(&b);
	if ((rc = red_and_late(&b, e)))
		goto fail;
	ranking(&b);
	if ((rc = merits(&b, e)) || (rc = targets_lowered(&b, e)) ||
	    (rc = policy_windows(&b, e)))
		goto fail;
	burden(&b);
	rc = doc_close(b.d, e);
	b.d = NULL;
	goto out;
fail:
	doc_discard(b.d);
	b.d = NULL;
out:
	if (st)
		*st = b.st;
	eval_result_release(&b.ev);
	board_release(&b.board);
	burden_release(&b.burden);
	for (size_t i = 0; i < b.nu; i++) {
		free(b.u[i].code);
		free(b.u[i].name);
	}
	free(b.u);
	free(b.prefix);
	free(b.scope_name);
	return rc;
}
