/*
 * Indicators (指标) and their monthly trajectory in the store. Months are
 * 'YYYY-MM' text in the database (so they sort and read well) and month
 * keys in memory; plan and actual of a month are one row, each column
 * written on its own so that reporting an actual keeps the plan. Every
 * change of an indicator, a month's value included (it moves the
 * trajectory), bumps the indicator's version, checked against the
 * caller's (If-Match).
 */
#include "store/store_int.h"
#include "util/date.h"

#include <math.h>

static const char indicator_version_sql[] =
	"SELECT version FROM indicators WHERE id = ?";

static const char indicator_insert_sql[] =
	"INSERT INTO indicators (goal_id, name, measure, baseline, target, "
	"direction, weight, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1) "
	"RETURNING id";

static const char indicator_get_sql[] =
	"SELECT id, goal_id, name, measure, baseline, target, direction, "
	"weight, version FROM indicators WHERE id = ?";

static const char indicator_each_sql[] =
	"SELECT id, goal_id, name, measure, baseline, target, direction, "
	"weight, version FROM indicators WHERE ?1 = 0 OR goal_id = ?1 "
	"ORDER BY id";

static const char indicator_update_sql[] =
	"UPDATE indicators SET name = ?1, measure = ?2, baseline = ?3, "
	"target = ?4, direction = ?5, weight = ?6, version = version + 1 "
	"WHERE id = ?7 AND (?8 = 0 OR version = ?8) RETURNING id";

static const char indicator_bump_sql[] =
	"UPDATE indicators SET version = version + 1 "
	"WHERE id = ?1 AND (?2 = 0 OR version = ?2) RETURNING id";

static const char plan_put_sql[] =
	"INSERT INTO indicator_values (indicator_id, month, plan) "
	"VALUES (?, ?, ?) ON CONFLICT (indicator_id, month) "
	"DO UPDATE SET plan = excluded.plan";

static const char actual_put_sql[] =
	"INSERT INTO indicator_values (indicator_id, month, actual) "
	"VALUES (?, ?, ?) ON CONFLICT (indicator_id, month) "
	"DO UPDATE SET actual = excluded.actual";

static const char value_each_sql[] =
	"SELECT indicator_id, month, plan, actual FROM indicator_values "
	"WHERE ?1 = 0 OR indicator_id = ?1 ORDER BY indicator_id, month";

static void indicator_fill(struct store *s, struct stmt *st,
			   struct indicator *ind)
{
	static const int cols[] = { 2, 3 };
	const char **const dst[] = { &ind->name, &ind->measure };

	col_strings(s, st, &ind->arena, cols, dst, 2);
	ind->id = col_int(s, st, 0);
	ind->goal_id = col_int(s, st, 1);
	ind->baseline = col_double(s, st, 4);
	ind->target = col_double(s, st, 5);
	/* The CHECK constraint admits only 'up' and 'down'. */
	if (!direction_parse(col_text(s, st, 6), &ind->direction))
		ind->direction = DIR_UP;
	ind->weight = col_double(s, st, 7);
	ind->version = col_int(s, st, 8);
}

/* Bumps the version of indicator `id` if it is `version` (0: any). */
static enum lserr bump_indicator(struct store *s, long long id,
				 long long version, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, indicator_bump_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	db_int(s, st, 2, version);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_stale(s, indicator_version_sql, "indicator", id,
				   version, e);
	return LS_OK;
}

enum lserr store_indicator_insert(struct store *s, const struct indicator *ind,
				  long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if (ind->goal_id <= 0)
		return store_notfound_id(e, "goal", "goal", ind->goal_id);
	if ((rc = store_need_goal(s, ind->goal_id, "goal", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, indicator_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, ind->goal_id);
	db_text(s, st, 2, ind->name);
	db_text(s, st, 3, ind->measure);
	db_double(s, st, 4, ind->baseline);
	db_double(s, st, 5, ind->target);
	db_text(s, st, 6, direction_name(ind->direction));
	db_double(s, st, 7, ind->weight);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_indicator_get(struct store *s, long long id,
			       struct indicator *out, struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, indicator_get_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_step(s, st, e);
	if (r == 1)
		indicator_fill(s, st, out);
	else if (r == 0)
		rc = store_notfound_id(e, "id", "indicator", id);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_indicator_each(struct store *s, long long goal_id,
				store_indicator_fn fn, void *arg,
				struct err *e)
{
	struct stmt *st;
	struct indicator ind;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, indicator_each_sql, e)))
		return e->code;
	indicator_init(&ind);
	db_int(s, st, 1, goal_id > 0 ? goal_id : 0);
	while ((r = db_step(s, st, e)) == 1) {
		indicator_fill(s, st, &ind);
		if (fn(&ind, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	indicator_release(&ind);
	return rc;
}

enum lserr store_indicator_update(struct store *s, const struct indicator *ind,
				  long long version, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, indicator_update_sql, e)))
		return e->code;
	db_text(s, st, 1, ind->name);
	db_text(s, st, 2, ind->measure);
	db_double(s, st, 3, ind->baseline);
	db_double(s, st, 4, ind->target);
	db_text(s, st, 5, direction_name(ind->direction));
	db_double(s, st, 6, ind->weight);
	db_int(s, st, 7, ind->id);
	db_int(s, st, 8, version);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_stale(s, indicator_version_sql, "indicator",
				   ind->id, version, e);
	return LS_OK;
}

enum lserr store_indicator_value_put(struct store *s, long long id, int month,
				     bool actual, double value,
				     long long version, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	char m[8];

	if ((rc = bump_indicator(s, id, version, e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, actual ? actual_put_sql : plan_put_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	db_text(s, st, 2, month_format(month, m));
	db_double_or_null(s, st, 3, value);
	return db_done(s, st, e);
}

enum lserr store_indicator_value_each(struct store *s, long long id,
				      store_value_fn fn, void *arg,
				      struct err *e)
{
	struct indicator_value v;
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, value_each_sql, e)))
		return e->code;
	db_int(s, st, 1, id > 0 ? id : 0);
	while ((r = db_step(s, st, e)) == 1) {
		v.indicator_id = col_int(s, st, 0);
		if (!month_parse(col_text(s, st, 1), &v.month)) {
			rc = err_set(e, LS_EFAIL, "month",
				     "indicator %lld has a malformed month "
				     "'%s'", v.indicator_id,
				     col_text(s, st, 1));
			break;
		}
		v.plan = col_double_or_nan(s, st, 2);
		v.actual = col_double_or_nan(s, st, 3);
		if (fn(&v, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}
