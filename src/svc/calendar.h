/*
 * Calendar administration: holidays (a range of days) and make-up working
 * days (调休), each recorded in the audit trail.
 */
#ifndef LUOSHI_SVC_CALENDAR_H
#define LUOSHI_SVC_CALENDAR_H

#include "svc/ctx.h"

/* Marks every day of [from, to] as `kind` (at most 366 days). */
enum lserr svc_calendar_set(struct ctx *c, int from, int to,
			    enum cal_kind kind, const char *name,
			    struct err *e);
/* The marked days in order (everyone may read the calendar). */
enum lserr svc_calendar_list(struct ctx *c, store_calendar_fn fn, void *arg,
			     struct err *e);

#endif
