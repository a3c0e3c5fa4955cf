/*
 * Task export: one table through the document writer (CSV or XLSX).
 * Cells are built per row into a few reused buffers; the rows come from
 * svc_task_list, so filters and scope are exactly task list's.
 */
#include "svc/export.h"
#include "util/date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

const struct task_column task_columns[TASK_NCOLUMNS] = {
	{ "title", "标题", "title", DOC_TEXT, 40, false },
	{ "lead", "牵头单位", "lead", DOC_TEXT, 10, false },
	{ "due", "截止日期", "due", DOC_DATE, 11, false },
	{ "start", "开始日期", "start", DOC_DATE, 11, false },
	{ "co", "配合单位", "co", DOC_TEXT, 16, false },
	{ "owner", "责任人", "owner", DOC_TEXT, 10, false },
	{ "leader", "责任领导", "leader", DOC_TEXT, 10, false },
	{ "goal_id", "目标编号", "goal_id", DOC_NUMBER, 8, false },
	{ "source", "来源", "source", DOC_TEXT, 12, false },
	{ "important", "重要", "important", DOC_TEXT, 6, false },
	{ "key", "重点", "key", DOC_TEXT, 6, false },
	{ "description", "说明", "description", DOC_TEXT, 40, false },
	{ "id", "编号", "id", DOC_NUMBER, 7, true },
	{ "status", "状态", "status", DOC_TEXT, 10, true },
	{ "light", "亮灯", "light", DOC_TEXT, 10, true },
	{ "percent", "进度", "percent", DOC_NUMBER, 7, true },
};

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
