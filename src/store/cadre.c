/*
 * Cadre ratings in the store (SPEC §6): one ballot per rated person,
 * period and rater, replaced by an upsert; read per period (every ballot,
 * with the rated person's name and unit, for grading) or per rater (their
 * own ballots); and the tasks people own that fall due in a period, for
 * the performance part of the score.
 */
#include "store/store_int.h"

#define RATING_COLS \
	"r.id, r.login, r.period, r.rater, r.type, r.political, " \
	"r.competence, r.responsibility, r.struggle, r.conduct, r.veto, " \
	"r.recorded_by, r.at, p.name, p.unit, u.path "
#define RATING_FROM \
	"FROM cadre_ratings r JOIN users p ON p.login = r.login " \
	"LEFT JOIN units u ON u.code = p.unit "

static const char rating_get_sql[] =
	"SELECT " RATING_COLS RATING_FROM
	"WHERE r.login = ?1 AND r.period = ?2 AND r.rater = ?3";

static const char rating_period_sql[] =
	"SELECT " RATING_COLS RATING_FROM
	"WHERE r.period = ?1 ORDER BY r.login, r.rater";

static const char rating_rater_sql[] =
	"SELECT " RATING_COLS RATING_FROM
	"WHERE r.rater = ?1 AND r.period = ?2 ORDER BY r.login";

static const char rating_put_sql[] =
	"INSERT INTO cadre_ratings (login, period, rater, type, political, "
	"competence, responsibility, struggle, conduct, veto, recorded_by, "
	"at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
	"ON CONFLICT (login, period, rater) DO UPDATE SET type = ?4, "
	"political = ?5, competence = ?6, responsibility = ?7, "
	"struggle = ?8, conduct = ?9, veto = ?10, recorded_by = ?11, "
	"at = ?12 RETURNING id";

static const char owned_sql[] =
	"SELECT id, title, owner, due, closed_on, status FROM tasks "
	"WHERE owner IS NOT NULL AND (?3 IS NULL OR owner = ?3) "
	"AND status <> 'cancelled' AND due >= ?1 AND due <= ?2 "
	"ORDER BY owner, id";

static void rating_fill(struct store *s, struct stmt *st, struct rating *r)
{
	static const int cols[] = { 1, 2, 3, 10, 11, 12, 13, 14, 15 };
	const char **const dst[] = {
		&r->login, &r->period, &r->rater, &r->veto, &r->by, &r->at,
		&r->name, &r->unit, &r->unit_path,
	};

	col_strings(s, st, &r->arena, cols, dst, 9);
	r->id = col_int(s, st, 0);
	/* The CHECK constraint admits only known type names. */
	if (!rater_type_parse(col_text(s, st, 4), &r->type))
		r->type = RATER_PUBLIC;
	for (int d = 0; d < CADRE_NDIM; d++)
		r->score[d] = (int)col_int(s, st, 5 + d);
}

enum lserr store_rating_get(struct store *s, const char *login,
			    const char *period, const char *rater,
			    struct rating *out, struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, rating_get_sql, e)))
		return e->code;
	db_text(s, st, 1, login);
	db_text(s, st, 2, period);
	db_text(s, st, 3, rater);
	r = db_step(s, st, e);
	if (r == 1)
		rating_fill(s, st, out);
	else if (r == 0)
		rc = err_set(e, LS_ENOTFOUND, "login", "no rating of '%s' by "
			     "'%s' for period %s", login, rater, period);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_rating_put(struct store *s, const struct rating *r,
			    long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int n;

	if ((rc = store_need_user(s, r->login, "login", e)) != LS_OK ||
	    (rc = store_need_user(s, r->rater, "rater", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, rating_put_sql, e)))
		return e->code;
	db_text(s, st, 1, r->login);
	db_text(s, st, 2, r->period);
	db_text(s, st, 3, r->rater);
	db_text(s, st, 4, rater_type_name(r->type));
	for (int d = 0; d < CADRE_NDIM; d++)
		db_int(s, st, 5 + d, r->score[d]);
	db_text(s, st, 10, r->veto);
	db_text(s, st, 11, r->by);
	db_text(s, st, 12, r->at);
	n = db_one(s, st, id, e);
	return n < 0 ? (enum lserr)-n : LS_OK;
}

static enum lserr rating_each(struct store *s, struct stmt *st,
			      store_rating_fn fn, void *arg, struct err *e)
{
	struct rating r;
	enum lserr rc = LS_OK;
	int n;

	rating_init(&r);
	while ((n = db_step(s, st, e)) == 1) {
		rating_fill(s, st, &r);
		if (fn(&r, arg))
			break;
	}
	if (n < 0)
		rc = (enum lserr)-n;
	db_reset(s, st);
	rating_release(&r);
	return rc;
}

enum lserr store_rating_each_period(struct store *s, const char *period,
				    store_rating_fn fn, void *arg,
				    struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, rating_period_sql, e)))
		return e->code;
	db_text(s, st, 1, period);
	return rating_each(s, st, fn, arg, e);
}

enum lserr store_rating_each_rater(struct store *s, const char *rater,
				   const char *period, store_rating_fn fn,
				   void *arg, struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, rating_rater_sql, e)))
		return e->code;
	db_text(s, st, 1, rater);
	db_text(s, st, 2, period);
	return rating_each(s, st, fn, arg, e);
}

enum lserr store_owned_each(struct store *s, int first, int last,
			    const char *owner, store_task_fn fn, void *arg,
			    struct err *e)
{
	static const int cols[] = { 1, 2 };
	struct stmt *st;
	struct task t;
	enum lserr rc = LS_OK;
	int n;

	if (!(st = store_stmt(s, owned_sql, e)))
		return e->code;
	db_date(s, st, 1, first);
	db_date(s, st, 2, last);
	db_text(s, st, 3, owner);
	task_init(&t);
	while ((n = db_step(s, st, e)) == 1) {
		const char **const dst[] = { &t.title, &t.owner };

		col_strings(s, st, &t.arena, cols, dst, 2);
		t.id = col_int(s, st, 0);
		t.due = col_date(s, st, 3);
		t.closed_on = col_date(s, st, 4);
		if (!task_status_parse(col_text(s, st, 5), &t.status))
			t.status = TASK_OPEN;
		if (fn(&t, arg))
			break;
	}
	if (n < 0)
		rc = (enum lserr)-n;
	db_reset(s, st);
	task_release(&t);
	return rc;
}
