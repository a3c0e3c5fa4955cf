/*
 * Calendar exceptions in the store: holidays and make-up working days
 * (调休), one row per day, read back into core's struct calendar.
 */
#include "store/store_int.h"
#include "util/date.h"

#include <string.h>

static const char calendar_put_sql[] =
	"INSERT INTO calendar (day, kind, name) VALUES (?, ?, ?) "
	"ON CONFLICT (day) DO UPDATE SET kind = excluded.kind, "
	"name = excluded.name";

static const char calendar_each_sql[] =
	"SELECT day, kind, name FROM calendar ORDER BY day";

/* Stored names of enum cal_kind (core has no names for them). */
static const char *const kind_names[] = {
	[CAL_HOLIDAY] = "holiday",
	[CAL_WORKDAY] = "workday",
};

static bool kind_parse(const char *s, enum cal_kind *k)
{
	for (int i = 0; i < 2; i++) {
		if (s && !strcmp(s, kind_names[i])) {
			*k = (enum cal_kind)i;
			return true;
		}
	}
	return false;
}

enum lserr store_calendar_put(struct store *s, int day, enum cal_kind kind,
			      const char *name, struct err *e)
{
	struct stmt *st;

	if (day == DATE_NONE)
		return err_set(e, LS_EINVAL, "day", "no calendar day");
	if (kind != CAL_HOLIDAY && kind != CAL_WORKDAY)
		return err_set(e, LS_EINVAL, "kind", "invalid calendar kind %d",
			       (int)kind);
	if (!(st = store_stmt(s, calendar_put_sql, e)))
		return e->code;
	db_date(s, st, 1, day);
	db_text(s, st, 2, kind_names[kind]);
	db_text(s, st, 3, name);
	return db_done(s, st, e);
}

enum lserr store_calendar_each(struct store *s, store_calendar_fn fn,
			       void *arg, struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, calendar_each_sql, e)))
		return e->code;
	while ((r = db_step(s, st, e)) == 1) {
		int day = col_date(s, st, 0);
		enum cal_kind kind;

		if (day == DATE_NONE ||
		    !kind_parse(col_text(s, st, 1), &kind)) {
			rc = err_set(e, LS_EFAIL, "day",
				     "malformed calendar row '%s'",
				     col_text(s, st, 0));
			break;
		}
		if (fn(day, kind, col_text(s, st, 2), arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

static int load_one(int day, enum cal_kind kind, const char *name, void *arg)
{
	(void)name;
	calendar_add(arg, day, kind);
	return 0;
}

enum lserr store_calendar_load(struct store *s, struct calendar *out,
			       struct err *e)
{
	out->n = 0;
	return store_calendar_each(s, load_one, out, e);
}
