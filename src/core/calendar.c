/*
 * Working-day arithmetic over a sorted array of exceptions.
 */
#include "core/calendar.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

void calendar_release(struct calendar *c)
{
	free(c->days);
	c->days = NULL;
	c->n = c->alloc = 0;
}

static const struct cal_day *find(const struct calendar *c, int day)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c->days[mid].day == day)
			return &c->days[mid];
		if (c->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

void calendar_add(struct calendar *c, int day, enum cal_kind kind)
{
	size_t i = 0;

	while (i < c->n && c->days[i].day < day)
		i++;
	if (i < c->n && c->days[i].day == day) {
		c->days[i].kind = kind;
		return;
	}
	if (c->n == c->alloc) {
		c->alloc = c->alloc ? c->alloc * 2 : 32;
		c->days = xreallocarray(c->days, c->alloc, sizeof(*c->days));
	}
	memmove(&c->days[i + 1], &c->days[i], (c->n - i) * sizeof(*c->days));
	c->days[i].day = day;
	c->days[i].kind = kind;
	c->n++;
}

bool calendar_is_workday(const struct calendar *c, int day)
{
	const struct cal_day *x = find(c, day);

	if (x)
		return x->kind == CAL_WORKDAY;
	return date_weekday(day) < 5;
}

int calendar_add_workdays(const struct calendar *c, int from, int n)
{
	int day = from;

	while (n > 0) {
		day++;
		if (calendar_is_workday(c, day))
			n--;
	}
	return day;
}
