/*
 * The evaluation system in the store: inspections, merits (commendations
 * and accountability), published evaluations, and the scans evaluation
 * and burden read. The task scan reads the covering index tasks_eval in
 * due order once per evaluation (never per unit or per task); its rows go
 * to a callback with borrowed strings, so nothing is allocated per row.
 */
#include "store/store_int.h"
#include "util/xmalloc.h"

static const char insp_insert_sql[] =
	"INSERT INTO inspections (unit, on_day, score, findings, inspectors, "
	"over_cap, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

#define INSP_COLUMNS \
	"SELECT i.id, i.unit, i.on_day, i.score, i.findings, i.inspectors, " \
	"i.over_cap, i.by, i.at FROM inspections i "

static const char insp_get_sql[] = INSP_COLUMNS "WHERE i.id = ?";

/* ?1 ?2 scope path range; ?3 unit; ?4 ?5 days (NULL: open) */
static const char insp_each_sql[] = INSP_COLUMNS
	"JOIN units u ON u.code = i.unit "
	"WHERE (?1 IS NULL OR (u.path >= ?1 AND u.path < ?2)) "
	"AND (?3 IS NULL OR i.unit = ?3) "
	"AND (?4 IS NULL OR i.on_day >= ?4) "
	"AND (?5 IS NULL OR i.on_day <= ?5) ORDER BY i.id";

static const char insp_count_sql[] =
	"SELECT count(*) FROM inspections WHERE unit = ? "
	"AND on_day >= ? AND on_day <= ?";

static const char task_inspection_sql[] =
	"UPDATE tasks SET inspection_id = ? WHERE id = ?";

static const char rectification_sql[] =
	"SELECT id FROM tasks WHERE inspection_id = ? ORDER BY id";

static const char merit_insert_sql[] =
	"INSERT INTO merits (kind, unit, person, on_day, points, reason, by, "
	"at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

static const char merit_get_sql[] =
	"SELECT id, kind, unit, person, on_day, points, reason, by, at "
	"FROM merits WHERE id = ?";

/* ?1 ?2 scope; ?3 kind; ?4 unit; ?5 person; ?6 ?7 days */
static const char merit_each_sql[] =
	"SELECT m.id, m.kind, m.unit, m.person, m.on_day, m.points, "
	"m.reason, m.by, m.at FROM merits m JOIN units u ON u.code = m.unit "
	"WHERE (?1 IS NULL OR (u.path >= ?1 AND u.path < ?2)) "
	"AND (?3 IS NULL OR m.kind = ?3) "
	"AND (?4 IS NULL OR m.unit = ?4) "
	"AND (?5 IS NULL OR m.person = ?5) "
	"AND (?6 IS NULL OR m.on_day >= ?6) "
	"AND (?7 IS NULL OR m.on_day <= ?7) ORDER BY m.id";

/* Index-only on tasks_eval: the rowid (id) is part of every index. */
static const char eval_tasks_sql[] =
	"SELECT id, lead, status, daily, due, created_on, closed_on, "
	"created_at, acked_at FROM tasks "
	"WHERE due >= ?1 AND due <= ?2 AND (?3 IS NULL OR lead = ?3)";

/* The latest actual of each indicator of the year's goals, up to a month. */
static const char eval_ind_sql[] =
	"SELECT g.unit, i.id, i.baseline, i.target, i.direction, v.actual, "
	"v.month FROM goals g JOIN indicators i ON i.goal_id = g.id "
	"JOIN indicator_values v ON v.indicator_id = i.id "
	"WHERE g.year = ?1 AND v.month = (SELECT max(w.month) "
	"FROM indicator_values w WHERE w.indicator_id = i.id "
	"AND w.actual IS NOT NULL AND w.month <= ?2) "
	"AND (?3 IS NULL OR g.unit = ?3) ORDER BY i.id";

static const char eval_insert_sql[] =
	"INSERT INTO evaluations (period, grp, by, at, on_day) "
	"VALUES (?, ?, ?, ?, ?) RETURNING id";

static const char eval_unit_insert_sql[] =
	"INSERT INTO evaluation_units (evaluation_id, unit, rank, score) "
	"VALUES (?, ?, ?, ?)";

/*
 * ?1 ?2 days; ?3 ?4 scope; ?5 unit. Months are 'YYYY-MM'. Reports and
 * urges come from the counters kept at each write (burden_counts,
 * migration 009); periods are whole months, so their months select them.
 */
static const char burden_sql[] =
	"SELECT x.unit, x.month, sum(x.r), sum(x.u), sum(x.i), sum(x.e) "
	"FROM (SELECT unit, month, reports AS r, urges AS u, 0 AS i, 0 AS e "
	"FROM burden_counts WHERE month >= substr(?1, 1, 7) "
	"AND month <= substr(?2, 1, 7) "
	"UNION ALL SELECT unit, substr(on_day, 1, 7), 0, 0, 1, 0 "
	"FROM inspections WHERE on_day >= ?1 AND on_day <= ?2 "
	"UNION ALL SELECT eu.unit, substr(ev.on_day, 1, 7), 0, 0, 0, 1 "
	"FROM evaluation_units eu JOIN evaluations ev "
	"ON ev.id = eu.evaluation_id "
	"WHERE ev.on_day >= ?1 AND ev.on_day <= ?2) x "
	"JOIN units u ON u.code = x.unit "
	"WHERE (?3 IS NULL OR (u.path >= ?3 AND u.path < ?4)) "
	"AND (?5 IS NULL OR x.unit = ?5) "
	"GROUP BY x.unit, x.month ORDER BY x.unit, x.month";

static void insp_fill(struct store *s, struct stmt *st, struct inspection *in)
{
	static const int cols[] = { 1, 4, 5, 6, 7, 8 };
	const char **const dst[] = { &in->unit, &in->findings,
				     &in->inspectors, &in->over_cap, &in->by,
				     &in->at };

	col_strings(s, st, &in->arena, cols, dst, 6);
	in->id = col_int(s, st, 0);
	in->on = col_date(s, st, 2);
	in->score = col_double(s, st, 3);
}

enum lserr store_inspection_insert(struct store *s,
				   const struct inspection *in, long long *id,
				   struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if ((rc = store_need_unit(s, in->unit, "unit", e)))
		return rc;
	if (!(st = store_stmt(s, insp_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, in->unit);
	db_date(s, st, 2, in->on);
	db_double(s, st, 3, in->score);
	db_text(s, st, 4, in->findings);
	db_text(s, st, 5, in->inspectors);
	db_text(s, st, 6, in->over_cap);
	db_text(s, st, 7, in->by);
	db_text(s, st, 8, in->at);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_inspection_get(struct store *s, long long id,
				struct inspection *out, struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, insp_get_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_step(s, st, e);
	if (r == 1)
		insp_fill(s, st, out);
	else if (r == 0)
		rc = store_notfound_id(e, "id", "inspection", id);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_inspection_each(struct store *s, const char *prefix,
				 const char *unit, int from, int to,
				 store_inspection_fn fn, void *arg,
				 struct err *e)
{
	struct stmt *st;
	struct inspection in;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, insp_each_sql, e)))
		return e->code;
	db_path_range(s, st, 1, prefix);
	db_text(s, st, 3, unit);
	db_date(s, st, 4, from);
	db_date(s, st, 5, to);
	inspection_init(&in);
	while ((r = db_step(s, st, e)) == 1) {
		insp_fill(s, st, &in);
		if (fn(&in, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	inspection_release(&in);
	return rc;
}

enum lserr store_inspection_count(struct store *s, const char *unit,
				  int from, int to, long long *n,
				  struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, insp_count_sql, e)))
		return e->code;
	db_text(s, st, 1, unit);
	db_date(s, st, 2, from);
	db_date(s, st, 3, to);
	r = db_one(s, st, n, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_task_set_inspection(struct store *s, long long task_id,
				     long long inspection_id, struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, task_inspection_sql, e)))
		return e->code;
	db_int(s, st, 1, inspection_id);
	db_int(s, st, 2, task_id);
	return db_done(s, st, e);
}

enum lserr store_rectification_ids(struct store *s, long long inspection_id,
				   long long **ids, size_t *n, struct err *e)
{
	struct stmt *st;
	size_t cap = 0;
	int r;

	*ids = NULL;
	*n = 0;
	if (!(st = store_stmt(s, rectification_sql, e)))
		return e->code;
	db_int(s, st, 1, inspection_id);
	while ((r = db_step(s, st, e)) == 1) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*ids = xreallocarray(*ids, cap, sizeof(**ids));
		}
		(*ids)[(*n)++] = col_int(s, st, 0);
	}
	db_reset(s, st);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_merit_insert(struct store *s, const struct merit *m,
			      long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if ((rc = store_need_unit(s, m->unit, "unit", e)) ||
	    (rc = store_need_user(s, m->person, "person", e)))
		return rc;
	if (!(st = store_stmt(s, merit_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, m->kind);
	db_text(s, st, 2, m->unit);
	db_text(s, st, 3, m->person);
	db_date(s, st, 4, m->on);
	db_double(s, st, 5, m->points);
	db_text(s, st, 6, m->reason);
	db_text(s, st, 7, m->by);
	db_text(s, st, 8, m->at);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_merit_get(struct store *s, long long id, struct merit *out,
			   struct err *e)
{
	static const int cols[] = { 1, 2, 3, 6, 7, 8 };
	const char **const dst[] = { &out->kind, &out->unit, &out->person,
				     &out->reason, &out->by, &out->at };
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, merit_get_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_step(s, st, e);
	if (r == 1) {
		col_strings(s, st, &out->arena, cols, dst, 6);
		out->id = col_int(s, st, 0);
		out->on = col_date(s, st, 4);
		out->points = col_double(s, st, 5);
	} else if (r == 0) {
		rc = store_notfound_id(e, "id", "merit", id);
	} else {
		rc = (enum lserr)-r;
	}
	db_reset(s, st);
	return rc;
}

enum lserr store_merit_each(struct store *s, const struct merit_filter *f,
			    store_merit_fn fn, void *arg, struct err *e)
{
	static const int cols[] = { 1, 2, 3, 6, 7, 8 };
	struct stmt *st;
	struct merit m;
	const char **const dst[] = { &m.kind, &m.unit, &m.person, &m.reason,
				     &m.by, &m.at };
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, merit_each_sql, e)))
		return e->code;
	db_path_range(s, st, 1, f->prefix);
	db_text(s, st, 3, f->kind);
	db_text(s, st, 4, f->unit);
	db_text(s, st, 5, f->person);
	db_date(s, st, 6, f->from);
	db_date(s, st, 7, f->to);
	merit_init(&m);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &m.arena, cols, dst, 6);
		m.id = col_int(s, st, 0);
		m.on = col_date(s, st, 4);
		m.points = col_double(s, st, 5);
		if (fn(&m, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	merit_release(&m);
	return rc;
}

enum lserr store_eval_tasks(struct store *s, int from, int to,
			    const char *lead, store_task_fn fn, void *arg,
			    struct err *e)
{
	struct stmt *st;
	struct task t;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, eval_tasks_sql, e)))
		return e->code;
	db_date(s, st, 1, from);
	db_date(s, st, 2, to);
	db_text(s, st, 3, lead);
	task_init(&t);
	while ((r = db_step(s, st, e)) == 1) {
		const char *status = col_text(s, st, 2);

		t.id = col_int(s, st, 0);
		t.lead = col_text(s, st, 1);
		if (!status || !task_status_parse(status, &t.status))
			continue;
		t.daily = col_int(s, st, 3) != 0;
		t.due = col_date(s, st, 4);
		t.created_on = col_date(s, st, 5);
		t.closed_on = col_date(s, st, 6);
		t.created_at = col_text(s, st, 7);
		t.acked_at = col_text(s, st, 8);
		if (fn(&t, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	task_release(&t);
	return rc;
}

enum lserr store_eval_indicators(struct store *s, int year, int month,
				 const char *unit, store_eval_ind_fn fn,
				 void *arg, struct err *e)
{
	struct stmt *st;
	char m[8];
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, eval_ind_sql, e)))
		return e->code;
	db_int(s, st, 1, year);
	db_text(s, st, 2, month_format(month, m));
	db_text(s, st, 3, unit);
	while ((r = db_step(s, st, e)) == 1) {
		struct eval_ind x;
		int key;

		x.unit = col_text(s, st, 0);
		x.id = col_int(s, st, 1);
		x.baseline = col_double(s, st, 2);
		x.target = col_double(s, st, 3);
		direction_parse(col_text(s, st, 4), &x.direction);
		x.actual = col_double(s, st, 5);
		x.month = month_parse(col_text(s, st, 6), &key) ? key : -1;
		if (fn(&x, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_evaluation_insert(struct store *s, const char *period,
				   const char *group, const char *by,
				   const char *at, int on, long long *id,
				   struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, eval_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, period);
	db_text(s, st, 2, group);
	db_text(s, st, 3, by);
	db_text(s, st, 4, at);
	db_date(s, st, 5, on);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_evaluation_unit_insert(struct store *s, long long id,
					const char *unit, int rank,
					double score, struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, eval_unit_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	db_text(s, st, 2, unit);
	db_int(s, st, 3, rank);
	db_double(s, st, 4, score);
	return db_done(s, st, e);
}

enum lserr store_burden_each(struct store *s, const char *prefix,
			     const char *unit, int from, int to,
			     store_burden_fn fn, void *arg, struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, burden_sql, e)))
		return e->code;
	db_date(s, st, 1, from);
	db_date(s, st, 2, to);
	db_path_range(s, st, 3, prefix);
	db_text(s, st, 5, unit);
	while ((r = db_step(s, st, e)) == 1) {
		struct burden_row b;
		int key;

		b.unit = col_text(s, st, 0);
		b.month = month_parse(col_text(s, st, 1), &key) ? key : -1;
		b.reports = col_int(s, st, 2);
		b.urges = col_int(s, st, 3);
		b.inspections = col_int(s, st, 4);
		b.evaluations = col_int(s, st, 5);
		if (fn(&b, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}
