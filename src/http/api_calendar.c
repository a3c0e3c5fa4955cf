/*
 * /api/v1/calendar: the days marked as holidays or make-up working days
 * (调休), and marking a range of them (administrators; each day audited).
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/calendar.h"
#include "svc/shape.h"
#include "util/date.h"

#include <stdio.h>
#include <string.h>

static int list_one(int day, enum cal_kind kind, const char *name, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_calendar_day(&l->r->w, day, kind, name);
	return 0;
}

void api_calendar_list(struct req *r)
{
	struct api_list s;
	struct err e = ERR_INIT;

	if (api_list_begin(&s, r))
		return;
	api_list_end(&s, svc_calendar_list(&r->ctx, list_one, &s, &e), &e);
}

void api_calendar_set(struct req *r)
{
	const char *kind = NULL, *name = NULL;
	int from = DATE_NONE, to = DATE_NONE;
	const struct jfield f[] = {
		{ "kind", JT_STR, &kind, NULL },
		{ "from", JT_DATE, &from, NULL },
		{ "to", JT_DATE, &to, NULL },
		{ "name", JT_STR, &name, NULL },
	};
	struct err e = ERR_INIT;
	enum cal_kind k;
	struct jw *w;

	if (body_parse(r, f, sizeof(f) / sizeof(f[0])))
		return;
	if (kind && !strcmp(kind, "holiday")) {
		k = CAL_HOLIDAY;
	} else if (kind && !strcmp(kind, "workday")) {
		k = CAL_WORKDAY;
	} else {
		reply_fail(r, LS_EINVAL, "kind", "invalid kind '%s' (holiday "
			   "or workday)", kind ? kind : "");
		return;
	}
	if (from == DATE_NONE) {
		reply_fail(r, LS_EINVAL, "from", "missing value for from");
		return;
	}
	if (to == DATE_NONE)
		to = from;
	if (svc_calendar_set(&r->ctx, from, to, k, name, &e)) {
		/* a bad range is the CLI's DATE..DATE, the API's `to` */
		if (!strcmp(e.field, "date"))
			snprintf(e.field, sizeof(e.field), "to");
		reply_error(r, &e);
		return;
	}
	w = reply_json(r, 201);
	jw_obj(w);
	jw_kint(w, "days", to - from + 1);
	jw_obj_end(w);
}
