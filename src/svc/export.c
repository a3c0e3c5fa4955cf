/*
 * Task export: one table through the document writer (CSV or XLSX).
 * Cells are built per row into a few reused buffers; the rows come from
 * svc_task_list, so filters and scope are exactly task list's.
 */
#include "svc/export.h"
#include "svc/goals.h"
#include "svc/units.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const struct sheet_column task_columns[TASK_NCOLUMNS] = {
	{ "title", "标题", "title", DOC_TEXT, 40, false, true },
	{ "lead", "牵头单位", "lead", DOC_TEXT, 10, false, true },
	{ "due", "截止日期", "due", DOC_DATE, 11, false, true },
	{ "start", "开始日期", "start", DOC_DATE, 11, false, false },
	{ "co", "配合单位", "co", DOC_TEXT, 16, false, false },
	{ "owner", "责任人", "owner", DOC_TEXT, 10, false, false },
	{ "leader", "责任领导", "leader", DOC_TEXT, 10, false, false },
	{ "goal_id", "目标编号", "goal_id", DOC_NUMBER, 8, false, false },
	{ "source", "来源", "source", DOC_TEXT, 12, false, false },
	{ "important", "重要", "important", DOC_TEXT, 6, false, false },
	{ "key", "重点", "key", DOC_TEXT, 6, false, false },
	{ "description", "说明", "description", DOC_TEXT, 40, false, false },
	{ "id", "编号", "id", DOC_NUMBER, 7, true, false },
	{ "status", "状态", "status", DOC_TEXT, 10, true, false },
	{ "light", "亮灯", "light", DOC_TEXT, 10, true, false },
	{ "percent", "进度", "percent", DOC_NUMBER, 7, true, false },
};

static const struct sheet_column unit_columns[] = {
	{ "code", "代码", "code", DOC_TEXT, 14, false, true },
	{ "name", "名称", "name", DOC_TEXT, 30, false, true },
	{ "parent", "上级单位", "parent", DOC_TEXT, 14, false, false },
	{ "kind", "类别", "kind", DOC_TEXT, 12, false, false },
};

static const struct sheet_column user_columns[] = {
	{ "login", "登录名", "login", DOC_TEXT, 14, false, true },
	{ "name", "姓名", "name", DOC_TEXT, 14, false, true },
	{ "unit", "单位", "unit", DOC_TEXT, 14, false, false },
	{ "role", "角色", "role", DOC_TEXT, 12, false, true },
};

static const struct sheet_column actual_columns[] = {
	{ "indicator_id", "指标编号", "indicator_id", DOC_NUMBER, 10, false,
	  true },
	{ "month", "月份", "month", DOC_TEXT, 9, false, true },
	{ "value", "实际值", "value", DOC_NUMBER, 12, false, true },
	{ "indicator", "指标名称", "indicator", DOC_TEXT, 30, true, false },
};

#define NCOLS(a) ((int)(sizeof(a) / sizeof(*(a))))

static const struct {
	const char *name;
	const struct sheet_column *cols;
	int n;
	const char *zh, *en;		/* the sheet's name */
} kinds[] = {
	[KIND_TASKS] = { "tasks", task_columns, TASK_NCOLUMNS, "任务",
			 "Tasks" },
	[KIND_UNITS] = { "units", unit_columns, NCOLS(unit_columns), "单位",
			 "Units" },
	[KIND_USERS] = { "users", user_columns, NCOLS(user_columns), "用户",
			 "Users" },
	[KIND_ACTUALS] = { "actuals", actual_columns, NCOLS(actual_columns),
			   "指标实际值", "Actuals" },
};

bool sheet_kind_parse(const char *s, enum sheet_kind *out)
{
	for (int k = 0; k < NCOLS(kinds); k++)
		if (s && !strcmp(s, kinds[k].name)) {
			*out = (enum sheet_kind)k;
			return true;
		}
	return false;
}

const char *sheet_kind_name(enum sheet_kind k)
{
	return kinds[k].name;
}

const struct sheet_column *sheet_columns(enum sheet_kind k, int *n)
{
	*n = kinds[k].n;
	return kinds[k].cols;
}

/* Status and light words, as the web UI shows them. */
static const char *const status_zh[] = {
	[TASK_OPEN] = "待签收", [TASK_DOING] = "办理中",
	[TASK_REVIEW] = "待审核", [TASK_DONE] = "已办结",
	[TASK_CANCELLED] = "已撤销",
};
static const char *const status_en[] = {
	[TASK_OPEN] = "Open", [TASK_DOING] = "In progress",
	[TASK_REVIEW] = "In review", [TASK_DONE] = "Done",
	[TASK_CANCELLED] = "Cancelled",
};
static const char *const light_zh[] = {
	[LIGHT_RED] = "红灯", [LIGHT_YELLOW] = "黄灯", [LIGHT_GREEN] = "绿灯",
	[LIGHT_DONE] = "按期办结", [LIGHT_LATE] = "逾期办结",
	[LIGHT_NONE] = "无",
};
static const char *const light_en[] = {
	[LIGHT_RED] = "Red", [LIGHT_YELLOW] = "Yellow", [LIGHT_GREEN] = "Green",
	[LIGHT_DONE] = "Done", [LIGHT_LATE] = "Done late",
	[LIGHT_NONE] = "None",
};

const char *task_status_word(enum task_status st, enum lang lang)
{
	return lang == LANG_ZH ? status_zh[st] : status_en[st];
}

const char *light_word(enum light l, enum lang lang)
{
	return lang == LANG_ZH ? light_zh[l] : light_en[l];
}

enum lserr export_format(const char *format, const char *path,
			 enum doc_format *out, struct err *e)
{
	const char *dot;

	if (format) {
		if (!strcmp(format, "csv"))
			*out = DOC_CSV;
		else if (!strcmp(format, "xlsx"))
			*out = DOC_XLSX;
		else
			return err_set(e, LS_EINVAL, "format", "invalid "
				       "format '%s' (csv or xlsx)", format);
		return LS_OK;
	}
	dot = path ? strrchr(path, '.') : NULL;
	if (dot && !strcasecmp(dot, ".csv"))
		*out = DOC_CSV;
	else if (dot && !strcasecmp(dot, ".xlsx"))
		*out = DOC_XLSX;
	else
		return err_set(e, LS_EINVAL, "format", "cannot tell the format "
			       "from '%s': give --format csv|xlsx or a .csv "
			       "or .xlsx name", path ? path : "");
	return LS_OK;
}

struct export_state {
	struct doc *doc;
	enum lang lang;
	struct buf co;
	long long n;
};

static int export_row(const struct task *t, const struct task_view *v,
		      void *arg)
{
	struct export_state *s = arg;
	bool zh = s->lang == LANG_ZH;
	const char *yes = zh ? "是" : "yes", *no = zh ? "否" : "no";
	char due[DATE_STRLEN], start[DATE_STRLEN];
	struct doc_cell c[TASK_NCOLUMNS];

	buf_reset(&s->co);
	for (const char *p = t->co ? t->co : ""; *p; p++) {
		if (*p == ',')
			buf_adds(&s->co, zh ? "、" : ",");
		else
			buf_addch(&s->co, *p);
	}
	c[0] = DOC_STR(t->title);
	c[1] = DOC_STR(t->lead);
	c[2] = DOC_STR(date_format(t->due, due));
	c[3] = DOC_STR(date_format(t->start, start));
	c[4] = DOC_STR(s->co.ptr);
	c[5] = DOC_STR(t->owner);
	c[6] = DOC_STR(t->leader);
	c[7] = t->goal_id ? DOC_NUM((double)t->goal_id) : DOC_NULL;
	c[8] = DOC_STR(t->source);
	c[9] = DOC_STR(t->important ? yes : no);
	c[10] = DOC_STR(t->key ? yes : no);
	c[11] = DOC_STR(t->description);
	c[12] = DOC_NUM((double)t->id);
	c[13] = DOC_STR(task_status_word(t->status, s->lang));
	c[14] = DOC_STR(light_word(v->light, s->lang));
	c[15] = DOC_NUM(t->percent);
	doc_row(s->doc, c);
	s->n++;
	return 0;
}

enum lserr svc_export_tasks(struct ctx *c, struct task_query *q,
			    enum doc_format format, enum lang lang,
			    const char *path, long long *n, struct err *e)
{
	struct export_state s = { .lang = lang };
	struct doc_col cols[TASK_NCOLUMNS];
	enum lserr rc;

	*n = 0;
	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	for (int i = 0; i < TASK_NCOLUMNS; i++) {
		cols[i].title = lang == LANG_ZH ? task_columns[i].zh :
				task_columns[i].en;
		cols[i].width = task_columns[i].width;
		cols[i].kind = task_columns[i].kind;
	}
	if (!(s.doc = doc_open(format, path, lang, e)))
		return LS_EFAIL;
	buf_init(&s.co);
	doc_heading(s.doc, lang == LANG_ZH ? "任务" : "Tasks");
	doc_table_begin(s.doc, cols, TASK_NCOLUMNS);
	q->limit = 0;
	rc = svc_task_list(c, q, export_row, &s, e);
	buf_release(&s.co);
	if (rc) {
		doc_discard(s.doc);
		return rc;
	}
	doc_table_end(s.doc);
	if ((rc = doc_close(s.doc, e)))
		return rc;
	*n = s.n;
	return LS_OK;
}

struct doc *sheet_doc_open(enum sheet_kind kind, enum doc_format format,
			   enum lang lang, const char *path, bool importable,
			   struct err *e)
{
	struct doc_col cols[TASK_NCOLUMNS];
	struct doc *d;
	int n = 0;

	for (int i = 0; i < kinds[kind].n; i++) {
		const struct sheet_column *k = &kinds[kind].cols[i];

		if (importable && k->readonly)
			continue;
		cols[n].title = lang == LANG_ZH ? k->zh : k->en;
		cols[n].width = k->width;
		cols[n++].kind = k->kind;
	}
	if (!(d = doc_open(format, path, lang, e)))
		return NULL;
	doc_heading(d, lang == LANG_ZH ? kinds[kind].zh : kinds[kind].en);
	doc_table_begin(d, cols, n);
	return d;
}

/* Units are written parents first (by path), so the file imports back. */
struct unit_rows {
	struct unit *v;
	size_t n, cap;
};

static int collect_unit(const struct unit *u, void *arg)
{
	struct unit_rows *r = arg;
	struct unit *c;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xreallocarray(r->v, r->cap, sizeof(*r->v));
	}
	c = &r->v[r->n++];
	unit_init(c);
	c->code = xstrdup(u->code);
	c->name = xstrdup(u->name);
	c->parent = u->parent ? xstrdup(u->parent) : NULL;
	c->kind = xstrdup(u->kind);
	c->path = xstrdup(u->path);
	return 0;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const struct unit *)a)->path,
		      ((const struct unit *)b)->path);
}

static enum lserr export_units(struct ctx *c, struct doc *d, long long *n,
			       struct err *e)
{
	struct unit_rows r = { 0 };
	enum lserr rc = svc_unit_list(c, collect_unit, &r, e);

	qsort(r.v, r.n, sizeof(*r.v), by_path);
	for (size_t i = 0; i < r.n; i++) {
		struct unit *u = &r.v[i];
		struct doc_cell cell[] = {
			DOC_STR(u->code), DOC_STR(u->name),
			DOC_STR(u->parent), DOC_STR(u->kind),
		};

		if (rc == LS_OK) {
			doc_row(d, cell);
			(*n)++;
		}
		free((char *)u->code);
		free((char *)u->name);
		free((char *)u->parent);
		free((char *)u->kind);
		free((char *)u->path);
	}
	free(r.v);
	return rc;
}

struct user_rows {
	struct doc *d;
	long long *n;
};

static int user_row(const struct user *u, void *arg)
{
	struct user_rows *r = arg;
	struct doc_cell cell[] = {
		DOC_STR(u->login), DOC_STR(u->name), DOC_STR(u->unit),
		DOC_STR(role_name(u->role)),
	};

	doc_row(r->d, cell);
	(*r->n)++;
	return 0;
}

struct actual_rows {
	struct ctx *c;
	struct doc *d;
	long long *n;
	struct indicator ind;	/* the current indicator */
	long long id;
	bool visible;
	enum lserr rc;
	struct err *e;
};

static int actual_row(const struct indicator_value *v, void *arg)
{
	struct actual_rows *r = arg;
	char m[8];

	if (isnan(v->actual))
		return 0;
	if (v->indicator_id != r->id) {
		struct err ignored = ERR_INIT;
		enum lserr rc;

		indicator_release(&r->ind);
		indicator_init(&r->ind);
		r->id = v->indicator_id;
		rc = svc_indicator_get(r->c, r->id, &r->ind, &ignored);
		r->visible = rc == LS_OK;
		if (rc != LS_OK && rc != LS_ENOTFOUND) {
			*r->e = ignored;
			r->rc = rc;
			return 1;
		}
	}
	if (r->visible) {
		struct doc_cell cell[] = {
			DOC_NUM((double)v->indicator_id),
			DOC_STR(month_format(v->month, m)),
			DOC_NUM(v->actual), DOC_STR(r->ind.name),
		};

		doc_row(r->d, cell);
		(*r->n)++;
	}
	return 0;
}

enum lserr svc_export(struct ctx *c, enum sheet_kind kind,
		      enum doc_format format, enum lang lang,
		      const char *path, long long *n, struct err *e)
{
	struct doc *d;
	enum lserr rc;

	*n = 0;
	if (kind == KIND_TASKS) {
		struct task_query q;

		task_query_init(&q);
		return svc_export_tasks(c, &q, format, lang, path, n, e);
	}
	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	if (!(d = sheet_doc_open(kind, format, lang, path, false, e)))
		return LS_EFAIL;
	if (kind == KIND_UNITS) {
		rc = export_units(c, d, n, e);
	} else if (kind == KIND_USERS) {
		struct user_rows r = { d, n };

		rc = svc_user_list(c, user_row, &r, e);
	} else {
		struct actual_rows r = { .c = c, .d = d, .n = n, .e = e };

		indicator_init(&r.ind);
		rc = store_indicator_value_each(c->st, 0, actual_row, &r, e);
		if (rc == LS_OK)
			rc = r.rc;
		indicator_release(&r.ind);
	}
	if (rc) {
		doc_discard(d);
		*n = 0;
		return rc;
	}
	doc_table_end(d);
	return doc_close(d, e);
}
