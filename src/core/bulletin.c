/*
 * The bulletin's own rules (see bulletin.h): which tasks are listed as
 * red or late and their days overdue, the summary's sums, the title. The
 * light itself is task_light's; this only reads it.
 */
#include "core/bulletin.h"
#include "util/date.h"

#include <math.h>
#include <stdio.h>

bool bulletin_listed(const struct task *t, enum light l, int today,
		     const struct period *p, int *days)
{
	if (l == LIGHT_RED) {
		if (t->due < today || t->ms_due == DATE_NONE)
			*days = today - t->due;
		else
			*days = today - t->ms_due;
		return true;
	}
	if (l == LIGHT_LATE && t->closed_on != DATE_NONE &&
	    period_contains(p, t->closed_on)) {
		*days = t->closed_on - t->due;
		return true;
	}
	return false;
}

void bulletin_add_counts(struct bulletin_summary *s,
			 const struct eval_counts *c)
{
	s->due += c->tasks;
	s->ontime += c->ontime;
	s->late += c->closed - c->ontime;
	s->cancelled += c->cancelled;
}

double bulletin_ontime_rate(const struct bulletin_summary *s)
{
	long long closed = s->ontime + s->late;

	return closed ? 100.0 * (double)s->ontime / (double)closed : NAN;
}

void bulletin_title(const struct period *p, enum lang lang, char *out,
		    size_t n)
{
	static const char *const quarter[] = { "一", "二", "三", "四" };
	int y, m, d;

	date_to_ymd(p->first, &y, &m, &d);
	if (lang == LANG_EN)
		snprintf(out, n, "Supervision bulletin, %s", p->text);
	else if (p->kind == PERIOD_YEAR)
		snprintf(out, n, "%d年督查通报", y);
	else if (p->kind == PERIOD_QUARTER)
		snprintf(out, n, "%d年第%s季度督查通报", y,
			 quarter[(m - 1) / 3]);
	else
		snprintf(out, n, "%d年%d月督查通报", y, m);
}
