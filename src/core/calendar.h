/*
 * The working-day calendar: Monday–Friday work, weekends rest, except the
 * listed holidays (rest) and make-up working days (调休, work). Used for
 * "N working days" due dates (task add --within 5wd).
 */
#ifndef LUOSHI_CALENDAR_H
#define LUOSHI_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

enum cal_kind {
	CAL_HOLIDAY,
	CAL_WORKDAY,
};

struct cal_day {
	int day;
	enum cal_kind kind;
};

/* Exceptions sorted by day (cal_add keeps them so). */
struct calendar {
	struct cal_day *days;
	size_t n, alloc;
};

#define CALENDAR_INIT { NULL, 0, 0 }

void calendar_release(struct calendar *c);
/* Adds or replaces the exception for `day`. */
void calendar_add(struct calendar *c, int day, enum cal_kind kind);
bool calendar_is_workday(const struct calendar *c, int day);
/* The n-th working day after `from` (from itself not counted); n >= 0. */
int calendar_add_workdays(const struct calendar *c, int from, int n);

#endif
