/*
 * Reminder rules: kinds per task (over task_light, never a light of its
 * own), digest text, back-off and schedule. See remind.h.
 */
#include "core/remind.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[REMIND_NKINDS] = {
	"red", "yellow", "due", "milestone", "ack", "policy", "urge",
};

static const char *const labels[REMIND_NKINDS] = {
	"转红", "转黄", "今日到期（当日事）", "节点今日到期", "超时未签收",
	"政策窗口即将关闭", "催办",
};

const char *remind_kind_name(enum remind_kind k)
{
	return names[k];
}

const char *remind_kind_label(enum remind_kind k)
{
	return labels[k];
}

int remind_prev_day(int today, int last_pass)
{
	if (last_pass == DATE_NONE || last_pass >= today - 1)
		return today - 1;
	return last_pass < today - 7 ? today - 7 : last_pass;
}

bool remind_ack_overdue(const struct task *t, long long now, int ack_hours)
{
	long long c;

	if (t->status != TASK_OPEN || t->acked_at ||
	    !instant_parse(t->created_at, &c))
		return false;
	return now - c > (long long)ack_hours * 3600;
}

unsigned remind_kinds(const struct task *t, int prev, int today,
		      long long now, const struct settings *s)
{
	enum light l, was;
	unsigned k = 0;

	if (task_status_final(t->status))
		return 0;
	l = task_light(t, today, s);
	was = t->created_on > prev ? LIGHT_GREEN : task_light(t, prev, s);
	if (l == LIGHT_RED && was != LIGHT_RED)
		k |= 1u << REMIND_RED;
	if (l == LIGHT_YELLOW && was == LIGHT_GREEN)
		k |= 1u << REMIND_YELLOW;
	if (t->due == today)
		k |= 1u << REMIND_DUE;
	if (t->ms_due != DATE_NONE && t->ms_due == today)
		k |= 1u << REMIND_MILESTONE;
	if (remind_ack_overdue(t, now, s->ack_hours))
		k |= 1u << REMIND_ACK;
	return k;
}

bool remind_supervising_unit(const char *path,
			     bool (*has)(const char *code, void *arg),
			     void *arg, char *out, size_t n)
{
	size_t end = path ? strlen(path) : 0;

	/* path is "/A/B/C/": walk the segments from the last one */
	while (end > 1) {
		size_t start = end - 1;

		while (start > 0 && path[start - 1] != '/')
			start--;
		if (end - 1 - start < n) {
			memcpy(out, path + start, end - 1 - start);
			out[end - 1 - start] = '\0';
			if (has(out, arg))
				return true;
		}
		end = start;
	}
	return false;
}

int remind_item_cmp(const void *a, const void *b)
{
	const struct remind_item *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	if (x->task_id != y->task_id)
		return x->task_id < y->task_id ? -1 : 1;
	return 0;
}

static void item_line(struct buf *b, const struct remind_item *it)
{
	char d[DATE_STRLEN];

	buf_addf(b, "- #%lld %s（牵头 %s，截止 %s）\n", it->task_id,
		 it->title ? it->title : "", it->lead ? it->lead : "-",
		 it->due == DATE_NONE ? "-" : date_format(it->due, d));
}

void remind_digest(struct buf *subject, struct buf *text, const char *who,
		   int day, const struct remind_item *items, size_t n,
		   size_t max_per_kind)
{
	char d[DATE_STRLEN];
	size_t i = 0;

	date_format(day, d);
	buf_addf(subject, "落实提醒 %s %s：%zu 项", d, who, n);
	buf_addf(text, "落实提醒 %s %s：%zu 项\n", d, who, n);
	while (i < n) {
		enum remind_kind k = items[i].kind;
		size_t j = i;

		while (j < n && items[j].kind == k)
			j++;
		buf_addf(text, "\n【%s】%zu 项\n", labels[k], j - i);
		for (size_t m = i; m < j && m - i < max_per_kind; m++)
			item_line(text, &items[m]);
		if (j - i > max_per_kind)
			buf_addf(text, "- ……另有 %zu 项\n",
				 j - i - max_per_kind);
		i = j;
	}
}

void remind_urge_text(struct buf *subject, struct buf *text,
		      const struct remind_item *task, const char *by,
		      const char *note)
{
	buf_addf(subject, "催办 #%lld %s", task->task_id,
		 task->title ? task->title : "");
	buf_addf(text, "【催办】\n");
	item_line(text, task);
	buf_addf(text, "%s：%s\n", by ? by : "-", note ? note : "");
}

long long remind_backoff(int attempt, long long base)
{
	long long d = base;

	for (int i = 1; i < attempt && d < 86400; i++)
		d *= 2;
	return d > 86400 ? 86400 : d;
}

bool remind_time_parse(const char *s, int *minutes)
{
	int h;

	if (!s || strlen(s) != 5 || s[2] != ':' ||
	    s[0] < '0' || s[0] > '2' || s[1] < '0' || s[1] > '9' ||
	    s[3] < '0' || s[3] > '5' || s[4] < '0' || s[4] > '9')
		return false;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	if (h > 23)
		return false;
	*minutes = h * 60 + (s[3] - '0') * 10 + (s[4] - '0');
	return true;
}

bool remind_pass_due(int today, int last_pass, int minutes_now,
		     int remind_at)
{
	return (last_pass == DATE_NONE || last_pass < today) &&
	       minutes_now >= remind_at;
}
