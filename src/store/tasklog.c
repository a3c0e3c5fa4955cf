/*
 * A task's history in the store: milestones, progress reports and their
 * evidence, events, extensions and risks, plus the revisions of targets
 * and weights. All append-only except a milestone's completion, which also
 * refreshes the task's ms_due (earliest due of its unfinished milestones).
 */
#include "store/store_int.h"
#include "util/date.h"

#include <string.h>

static const char ms_due_refresh_sql[] =
	"UPDATE tasks SET ms_due = (SELECT min(m.due) FROM milestones m "
	"WHERE m.task_id = ?1 AND m.done_on IS NULL) WHERE id = ?1";

static const char milestone_insert_sql[] =
	"INSERT INTO milestones (task_id, title, due, done_on) "
	"VALUES (?, ?, ?, ?) RETURNING id";

static const char milestone_get_sql[] =
	"SELECT id, task_id, title, due, done_on FROM milestones "
	"WHERE id = ?";

static const char milestone_done_sql[] =
	"UPDATE milestones SET done_on = ? WHERE id = ? RETURNING task_id";

static const char milestone_each_sql[] =
	"SELECT id, task_id, title, due, done_on FROM milestones "
	"WHERE task_id = ? ORDER BY id";

static const char report_exists_sql[] =
	"SELECT 1 FROM reports WHERE id = ?";

static const char report_insert_sql[] =
	"INSERT INTO reports (task_id, at, on_day, author, percent, note) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id";

static const char report_each_sql[] =
	"SELECT id, task_id, at, on_day, author, percent, note FROM reports "
	"WHERE task_id = ? ORDER BY id";

static const char evidence_insert_sql[] =
	"INSERT INTO evidence (report_id, sha256, name, size) "
	"VALUES (?, ?, ?, ?) RETURNING id";

static const char evidence_each_sql[] =
	"SELECT e.id, e.report_id, e.sha256, e.name, e.size FROM evidence e "
	"JOIN reports r ON r.id = e.report_id WHERE r.task_id = ? "
	"ORDER BY e.id";

static const char evidence_sha_sql[] =
	"SELECT e.id, e.report_id, e.sha256, e.name, e.size, r.task_id "
	"FROM evidence e JOIN reports r ON r.id = e.report_id "
	"WHERE e.sha256 = ? ORDER BY e.id";

static const char evidence_files_sql[] =
	"SELECT sha256, max(size) FROM evidence GROUP BY sha256 "
	"ORDER BY sha256";

static const char event_insert_sql[] =
	"INSERT INTO task_events (task_id, at, by, kind, note) "
	"VALUES (?, ?, ?, ?, ?) RETURNING id";

/*
 * The burden counters (migration 009): ?1 task, ?2 month 'YYYY-MM', ?3
 * reports and ?4 urges to add, for the task's lead unit and each co-unit.
 * "WHERE true" lets SQLite parse the upsert after a SELECT.
 */
static const char burden_add_sql[] =
	"INSERT INTO burden_counts (unit, month, reports, urges) "
	"SELECT u, ?2, ?3, ?4 FROM (SELECT lead AS u FROM tasks WHERE id = ?1 "
	"UNION SELECT unit FROM task_co WHERE task_id = ?1) AS x WHERE true "
	"ON CONFLICT (unit, month) DO UPDATE SET "
	"reports = burden_counts.reports + excluded.reports, "
	"urges = burden_counts.urges + excluded.urges";

static enum lserr burden_add(struct store *s, long long task_id,
			     const char *month, int reports, int urges,
			     struct err *e)
{
	struct stmt *st;

	if (!(st = store_stmt(s, burden_add_sql, e)))
		return e->code;
	db_int(s, st, 1, task_id);
	db_text(s, st, 2, month);
	db_int(s, st, 3, reports);
	db_int(s, st, 4, urges);
	return db_done(s, st, e);
}

static const char event_each_sql[] =
	"SELECT id, task_id, at, by, kind, note FROM task_events "
	"WHERE task_id = ? ORDER BY id";

static const char extension_insert_sql[] =
	"INSERT INTO extensions (task_id, from_due, to_due, reason, by, at) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id";

static const char extension_each_sql[] =
	"SELECT id, task_id, from_due, to_due, reason, by, at "
	"FROM extensions WHERE task_id = ? ORDER BY id";

static const char risk_insert_sql[] =
	"INSERT INTO risks (task_id, description, plan, level, by, at) "
	"VALUES (?, ?, ?, ?, ?, ?) RETURNING id";

static const char risk_each_sql[] =
	"SELECT id, task_id, description, plan, level, by, at FROM risks "
	"WHERE task_id = ? ORDER BY id";

static const char revision_insert_sql[] =
	"INSERT INTO revisions (entity, entity_id, field, old_value, "
	"new_value, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

static const char revision_each_sql[] =
	"SELECT id, entity, entity_id, field, old_value, new_value, reason, "
	"by, at FROM revisions WHERE (?1 IS NULL OR entity = ?1) "
	"AND (?2 = 0 OR entity_id = ?2) ORDER BY id";

/* Runs an INSERT ... RETURNING id; *id may be NULL. */
static enum lserr insert_id(struct store *s, struct stmt *st, long long *id,
			    struct err *e)
{
	long long v = 0;
	int r = db_one(s, st, &v, e);

	if (r < 0)
		return (enum lserr)-r;
	if (id)
		*id = v;
	return LS_OK;
}

/* Milestones */

static enum lserr ms_due_refresh(struct store *s, long long task_id,
				 struct err *e)
{
	struct stmt *st = store_stmt(s, ms_due_refresh_sql, e);

	if (!st)
		return e->code;
	db_int(s, st, 1, task_id);
	return db_done(s, st, e);
}

static void milestone_fill(struct store *s, struct stmt *st,
			   struct milestone *m)
{
	static const int cols[] = { 2 };
	const char **const dst[] = { &m->title };

	col_strings(s, st, &m->arena, cols, dst, 1);
	m->id = col_int(s, st, 0);
	m->task_id = col_int(s, st, 1);
	m->due = col_date(s, st, 3);
	m->done_on = col_date(s, st, 4);
}

enum lserr store_milestone_insert(struct store *s, const struct milestone *m,
				  long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;

	if ((rc = store_need_task(s, m->task_id, "task_id", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, milestone_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, m->task_id);
	db_text(s, st, 2, m->title);
	db_date(s, st, 3, m->due);
	db_date(s, st, 4, m->done_on);
	if ((rc = insert_id(s, st, id, e)) != LS_OK)
		return rc;
	return ms_due_refresh(s, m->task_id, e);
}

enum lserr store_milestone_get(struct store *s, long long id,
			       struct milestone *out, struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, milestone_get_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_step(s, st, e);
	if (r == 1)
		milestone_fill(s, st, out);
	else if (r == 0)
		rc = store_notfound_id(e, "id", "milestone", id);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_milestone_set_done(struct store *s, long long id, int day,
				    struct err *e)
{
	struct stmt *st;
	long long task_id = 0;
	int r;

	if (!(st = store_stmt(s, milestone_done_sql, e)))
		return e->code;
	db_date(s, st, 1, day);
	db_int(s, st, 2, id);
	r = db_one(s, st, &task_id, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound_id(e, "id", "milestone", id);
	return ms_due_refresh(s, task_id, e);
}

enum lserr store_milestone_each(struct store *s, long long task_id,
				store_milestone_fn fn, void *arg,
				struct err *e)
{
	struct stmt *st;
	struct milestone m = { .arena = BUF_INIT };
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, milestone_each_sql, e)))
		return e->code;
	db_int(s, st, 1, task_id);
	while ((r = db_step(s, st, e)) == 1) {
		milestone_fill(s, st, &m);
		if (fn(&m, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&m.arena);
	return rc;
}

/* Reports and evidence */

enum lserr store_report_insert(struct store *s, const struct report *r,
			       long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int on = r->on;
	char month[DATE_STRLEN];

	if ((rc = store_need_task(s, r->task_id, "task_id", e)) != LS_OK)
		return rc;
	if (on == DATE_NONE)	/* the day of the instant, when not given */
		(void)instant_date(r->at, &on);
	if (!(st = store_stmt(s, report_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, r->task_id);
	db_text(s, st, 2, r->at);
	db_date(s, st, 3, on);
	db_text(s, st, 4, r->author);
	db_int(s, st, 5, r->percent);
	db_text(s, st, 6, r->note);
	if ((rc = insert_id(s, st, id, e)) != LS_OK)
		return rc;
	if (!*date_format(on, month))
		return LS_OK;
	month[7] = '\0';
	return burden_add(s, r->task_id, month, 1, 0, e);
}

enum lserr store_report_each(struct store *s, long long task_id,
			     store_report_fn fn, void *arg, struct err *e)
{
	static const int cols[] = { 2, 4, 6 };
	struct stmt *st;
	struct report r = { .arena = BUF_INIT };
	const char **const dst[] = { &r.at, &r.author, &r.note };
	enum lserr rc = LS_OK;
	int x;

	if (!(st = store_stmt(s, report_each_sql, e)))
		return e->code;
	db_int(s, st, 1, task_id);
	while ((x = db_step(s, st, e)) == 1) {
		col_strings(s, st, &r.arena, cols, dst, 3);
		r.id = col_int(s, st, 0);
		r.task_id = col_int(s, st, 1);
		r.on = col_date(s, st, 3);
		r.percent = (int)col_int(s, st, 5);
		if (fn(&r, arg))
			break;
	}
	if (x < 0)
		rc = (enum lserr)-x;
	db_reset(s, st);
	buf_release(&r.arena);
	return rc;
}

static enum lserr need_report(struct store *s, long long id, struct err *e)
{
	struct stmt *st = store_stmt(s, report_exists_sql, e);
	int r;

	if (!st)
		return e->code;
	db_int(s, st, 1, id);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound_id(e, "report_id", "report", id);
	return LS_OK;
}

enum lserr store_evidence_insert(struct store *s, const struct evidence *ev,
				 long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;

	if ((rc = need_report(s, ev->report_id, e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, evidence_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, ev->report_id);
	db_text(s, st, 2, ev->sha256);
	db_text(s, st, 3, ev->name);
	db_int(s, st, 4, ev->size);
	return insert_id(s, st, id, e);
}

enum lserr store_evidence_each(struct store *s, long long task_id,
			       store_evidence_fn fn, void *arg, struct err *e)
{
	static const int cols[] = { 2, 3 };
	struct stmt *st;
	struct evidence ev = { .arena = BUF_INIT };
	const char **const dst[] = { &ev.sha256, &ev.name };
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, evidence_each_sql, e)))
		return e->code;
	db_int(s, st, 1, task_id);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &ev.arena, cols, dst, 2);
		ev.id = col_int(s, st, 0);
		ev.report_id = col_int(s, st, 1);
		ev.size = col_int(s, st, 4);
		if (fn(&ev, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&ev.arena);
	return rc;
}

enum lserr store_evidence_by_sha256(struct store *s, const char *sha256,
				   store_evidence_task_fn fn, void *arg,
				   struct err *e)
{
	static const int cols[] = { 2, 3 };
	struct stmt *st;
	struct evidence ev = { .arena = BUF_INIT };
	const char **const dst[] = { &ev.sha256, &ev.name };
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, evidence_sha_sql, e)))
		return e->code;
	db_text(s, st, 1, sha256);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &ev.arena, cols, dst, 2);
		ev.id = col_int(s, st, 0);
		ev.report_id = col_int(s, st, 1);
		ev.size = col_int(s, st, 4);
		if (fn(&ev, col_int(s, st, 5), arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&ev.arena);
	return rc;
}

enum lserr store_evidence_files(struct store *s, store_evidence_file_fn fn,
				void *arg, struct err *e)
{
	struct stmt *st;
	struct buf sha = BUF_INIT;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, evidence_files_sql, e)))
		return e->code;
	while ((r = db_step(s, st, e)) == 1) {
		/* A copy: fn may run statements of its own. */
		buf_reset(&sha);
		buf_adds(&sha, col_text(s, st, 0));
		if (fn(sha.ptr, col_int(s, st, 1), arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&sha);
	return rc;
}

/* Events */

enum lserr store_event_insert(struct store *s, const struct task_event *ev,
			      long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	char month[8];

	if ((rc = store_need_task(s, ev->task_id, "task_id", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, event_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, ev->task_id);
	db_text(s, st, 2, ev->at);
	db_text(s, st, 3, ev->by);
	db_text(s, st, 4, ev->kind);
	db_text(s, st, 5, ev->note);
	if ((rc = insert_id(s, st, id, e)) != LS_OK)
		return rc;
	if (strcmp(ev->kind, "urge") || !ev->at || strlen(ev->at) < 7)
		return LS_OK;
	memcpy(month, ev->at, 7);
	month[7] = '\0';
	return burden_add(s, ev->task_id, month, 0, 1, e);
}

enum lserr store_event_each(struct store *s, long long task_id,
			    store_event_fn fn, void *arg, struct err *e)
{
	static const int cols[] = { 2, 3, 4, 5 };
	struct stmt *st;
	struct task_event ev = { .arena = BUF_INIT };
	const char **const dst[] = { &ev.at, &ev.by, &ev.kind, &ev.note };
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, event_each_sql, e)))
		return e->code;
	db_int(s, st, 1, task_id);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &ev.arena, cols, dst, 4);
		ev.id = col_int(s, st, 0);
		ev.task_id = col_int(s, st, 1);
		if (fn(&ev, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&ev.arena);
	return rc;
}

/* Extensions */

enum lserr store_extension_insert(struct store *s, const struct extension *x,
				  long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;

	if ((rc = store_need_task(s, x->task_id, "task_id", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, extension_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, x->task_id);
	db_date(s, st, 2, x->from_due);
	db_date(s, st, 3, x->to_due);
	db_text(s, st, 4, x->reason);
	db_text(s, st, 5, x->by);
	db_text(s, st, 6, x->at);
	return insert_id(s, st, id, e);
}

enum lserr store_extension_each(struct store *s, long long task_id,
				store_extension_fn fn, void *arg,
				struct err *e)
{
	static const int cols[] = { 4, 5, 6 };
	struct stmt *st;
	struct extension x = { .arena = BUF_INIT };
	const char **const dst[] = { &x.reason, &x.by, &x.at };
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, extension_each_sql, e)))
		return e->code;
	db_int(s, st, 1, task_id);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &x.arena, cols, dst, 3);
		x.id = col_int(s, st, 0);
		x.task_id = col_int(s, st, 1);
		x.from_due = col_date(s, st, 2);
		x.to_due = col_date(s, st, 3);
		if (fn(&x, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&x.arena);
	return rc;
}

/* Risks */

enum lserr store_risk_insert(struct store *s, const struct risk *r,
			     long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;

	if ((rc = store_need_task(s, r->task_id, "task_id", e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, risk_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, r->task_id);
	db_text(s, st, 2, r->description);
	db_text(s, st, 3, r->plan);
	db_text(s, st, 4, risk_level_name(r->level));
	db_text(s, st, 5, r->by);
	db_text(s, st, 6, r->at);
	return insert_id(s, st, id, e);
}

enum lserr store_risk_each(struct store *s, long long task_id,
			   store_risk_fn fn, void *arg, struct err *e)
{
	static const int cols[] = { 2, 3, 5, 6 };
	struct stmt *st;
	struct risk k = { .arena = BUF_INIT };
	const char **const dst[] = { &k.description, &k.plan, &k.by, &k.at };
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, risk_each_sql, e)))
		return e->code;
	db_int(s, st, 1, task_id);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &k.arena, cols, dst, 4);
		k.id = col_int(s, st, 0);
		k.task_id = col_int(s, st, 1);
		/* The CHECK constraint admits only known level names. */
		if (!risk_level_parse(col_text(s, st, 4), &k.level))
			k.level = RISK_MEDIUM;
		if (fn(&k, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&k.arena);
	return rc;
}

/* Revisions (不降标准) */

enum lserr store_revision_insert(struct store *s, const struct revision *r,
				 struct err *e)
{
	struct stmt *st = store_stmt(s, revision_insert_sql, e);

	if (!st)
		return e->code;
	db_text(s, st, 1, r->entity);
	db_int(s, st, 2, r->entity_id);
	db_text(s, st, 3, r->field);
	db_double_or_null(s, st, 4, r->old_value);
	db_double_or_null(s, st, 5, r->new_value);
	db_text(s, st, 6, r->reason);
	db_text(s, st, 7, r->by);
	db_text(s, st, 8, r->at);
	return db_done(s, st, e);
}

enum lserr store_revision_each(struct store *s, const char *entity,
			       long long entity_id, store_revision_fn fn,
			       void *arg, struct err *e)
{
	static const int cols[] = { 1, 3, 6, 7, 8 };
	struct stmt *st;
	struct revision v = { .arena = BUF_INIT };
	const char **const dst[] = {
		&v.entity, &v.field, &v.reason, &v.by, &v.at,
	};
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, revision_each_sql, e)))
		return e->code;
	db_text(s, st, 1, entity);
	db_int(s, st, 2, entity && entity_id > 0 ? entity_id : 0);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &v.arena, cols, dst, 5);
		v.id = col_int(s, st, 0);
		v.entity_id = col_int(s, st, 2);
		v.old_value = col_double_or_nan(s, st, 4);
		v.new_value = col_double_or_nan(s, st, 5);
		if (fn(&v, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&v.arena);
	return rc;
}
