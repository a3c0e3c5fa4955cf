/*
 * Calendar writes (see calendar.h).
 */
#include "svc/calendar.h"
#include "svc/audit.h"
#include "svc/units.h"
#include "util/jw.h"

enum lserr svc_calendar_set(struct ctx *c, int from, int to,
			    enum cal_kind kind, const char *name,
			    struct err *e)
{
	const char *kname = kind == CAL_HOLIDAY ? "holiday" : "workday";
	struct buf b = BUF_INIT;
	struct jw w;
	char d[DATE_STRLEN];
	enum lserr rc;

	if (to < from)
		return err_set(e, LS_EINVAL, "date", "empty range: the end "
			       "%s is before the start", date_format(to, d));
	if (to - from >= 366)
		return err_set(e, LS_EINVAL, "date", "range too long (%d "
			       "days, at most 366)", to - from + 1);
	if ((rc = check_text("name", name, 100, false, e)) ||
	    (rc = ctx_require(c, PERM_ADMIN, e)) ||
	    (rc = store_begin(c->st, e)))
		return rc;
	for (int day = from; day <= to; day++) {
		if ((rc = store_calendar_put(c->st, day, kind, name, e)))
			goto fail;
		buf_reset(&b);
		jw_init(&w, &b, NULL);
		jw_obj(&w);
		jw_kstr(&w, "day", date_format(day, d));
		jw_kstr(&w, "kind", kname);
		jw_kstr(&w, "name", name);
		jw_obj_end(&w);
		if ((rc = audit_record(c, "calendar.set", "calendar", d, NULL,
				       b.ptr, e)))
			goto fail;
	}
	rc = store_commit(c->st, e);
	calendar_release(&c->cal);
	c->cal_loaded = false;
	buf_release(&b);
	return rc;
fail:
	store_rollback(c->st);
	buf_release(&b);
	return rc;
}

enum lserr svc_calendar_list(struct ctx *c, store_calendar_fn fn, void *arg,
			     struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	return store_calendar_each(c->st, fn, arg, e);
}
