/*
 * Tasks in the store. One query, built at compile time from TASK_FROM,
 * a status test and TASK_REST, serves get, each and count: it holds the
 * data-scope rule of SPEC §1 (the only place it is written in SQL) and
 * every filter as a parameter that can be switched off, so no SQL is ever
 * assembled at run time. co is kept twice: as text for
 * output and as task_co rows for scope queries. ms_due is derived from the
 * task's unfinished milestones by every write that can change it (here
 * and in tasklog.c); the value in struct task is never written.
 */
#include "store/store_int.h"
#include "util/date.h"

#include <string.h>

/*
 * Parameters: ?1..?2 id range; ?3 whole-scope flag, ?4..?5 the scope's
 * unit path range, ?6 the scope's login (owned tasks are visible);
 * ?7..?8 lead unit subtree; ?9..?13 status names (NULL = excluded);
 * ?14 owner; ?15 key only; ?16 due before; ?17 goal; ?18 with a goal;
 * ?19 LIKE pattern for title or description, already lower-case;
 * ?20 limit, ?21 offset (rows only, not the count).
 *
 * The status test comes in two forms. With one status (the common "all
 * doing tasks") it is an equality the index tasks_status(status, id) serves
 * in id order, so a page and its count read only that status's rows. With
 * several it is a list of ORs on "+t.status" so the planner does not use
 * that index and sort every match; it scans in id order instead.
 */
#define TASK_COLUMNS \
	"SELECT t.id, t.title, t.description, t.lead, t.co, t.owner, " \
	"t.leader, t.source, t.goal_id, t.important, t.key, t.daily, " \
	"t.start, t.due, t.orig_due, t.percent, t.status, t.created_at, " \
	"t.acked_at, t.closed_at, t.created_on, t.closed_on, " \
	"t.activity_on, t.ms_due, t.version "
/*
 * Whether the lead unit's path lies in lo..hi: through the units joined
 * as l (JOINED), or looked up only when a test needs it (LOOKUP). A join
 * costs every row a units seek, worth it when the tests need the path
 * anyway (a district's list) but not for the whole city's. LOOKUP knows a
 * range that holds every unit (the city's own supervisors: their unit is
 * the root) from the path index's two ends, computed once per query.
 */
#define LEAD_JOINED(lo, hi) "(l.path >= " lo " AND l.path < " hi ")"
#define LEAD_LOOKUP(lo, hi) \
	"((SELECT min(path) FROM units) >= " lo " " \
	"AND (SELECT max(path) FROM units) < " hi " " \
	"OR EXISTS (SELECT 1 FROM units l WHERE l.code = t.lead " \
	"AND l.path >= " lo " AND l.path < " hi "))"
#define TASK_FROM \
	"FROM tasks t JOIN units l ON l.code = t.lead WHERE " \
	TASK_SCOPE(LEAD_JOINED)
#define TASK_FROM_BARE "FROM tasks t WHERE " TASK_SCOPE(LEAD_LOOKUP)
#define TASK_SCOPE(lead_in) \
	"t.id BETWEEN ?1 AND ?2 " \
	"AND (?3 = 1 OR " lead_in("?4", "?5") " " \
	"OR EXISTS (SELECT 1 FROM task_co c " \
	"JOIN units cu ON cu.code = c.unit WHERE c.task_id = t.id " \
	"AND cu.path >= ?4 AND cu.path < ?5) " \
	"OR t.owner = ?6) " \
	"AND (?7 IS NULL OR " lead_in("?7", "?8") ") "
/*
 * ORs, not "IN (?9, ...)": SQLite fills a temporary b-tree with an IN
 * list of parameters on every run, a third of a single task's read.
 */
#define TASK_STATUS_ANY "AND (+t.status = ?9 OR +t.status = ?10 " \
	"OR +t.status = ?11 OR +t.status = ?12 OR +t.status = ?13) "
#define TASK_STATUS_ONE "AND t.status = ?9 AND ?10 IS NULL AND ?11 IS NULL " \
	"AND ?12 IS NULL AND ?13 IS NULL "
/* The same, with the candidates narrowed (below): rowids, not the index. */
#define TASK_STATUS_ONE_BY_ID "AND +t.status = ?9 AND ?10 IS NULL " \
	"AND ?11 IS NULL AND ?12 IS NULL AND ?13 IS NULL "
#define TASK_REST \
	"AND (?14 IS NULL OR t.owner = ?14) " \
	"AND (?15 = 0 OR t.key = 1) " \
	"AND (?16 IS NULL OR t.due < ?16) " \
	"AND (?17 IS NULL OR t.goal_id = ?17) " \
	"AND (?18 = 0 OR t.goal_id IS NOT NULL) " \
	"AND (?19 IS NULL OR lower(t.title) LIKE ?19 ESCAPE '\\' " \
	"OR lower(t.description) LIKE ?19 ESCAPE '\\') "
#define TASK_ORDER "ORDER BY t.id LIMIT ?20 OFFSET ?21"

/*
 * Narrowing: TASK_SCOPE alone makes SQLite read every task in id order
 * and test it, 1,000,000 rows for a street's twenty. When the filter
 * names a unit subtree, or the scope is one, or it asks for one owner,
 * an extra condition, implied by the others and so changing no answer,
 * gives the planner a small candidate set to start from: the ids of the
 * tasks led by units in the subtree in the statuses asked (the units'
 * path index, then tasks_lights by lead and status), those with a
 * co-unit there (task_co_unit), or the owner's (tasks_owner). SQLite
 * reads "t.id IN (...)" in id order, so ORDER BY t.id costs no sort.
 * task_narrow picks one. The candidates are then read by rowid: with one
 * status, "+t.status" keeps the planner from seeking tasks_status(status,
 * id) first and the row after it, two descents where one does (a
 * district's 6,480 doing tasks at 100,000: 35 M instructions fewer).
 */
#define TASK_LED_IN(lo, hi, status) \
	"SELECT t2.id FROM units u2 CROSS JOIN tasks t2 " \
	"WHERE t2.lead = u2.code AND u2.path >= " lo " AND u2.path < " hi \
	" AND t2.status " status
#define TASK_ST_ANY "IN (?9, ?10, ?11, ?12, ?13) "
#define TASK_ST_ONE "= ?9 "
#define TASK_IN_UNIT(st) \
	"AND t.id IN (" TASK_LED_IN("?7", "?8", st) ") "
#define TASK_IN_SCOPE(st) \
	"AND t.id IN (" TASK_LED_IN("?4", "?5", st) \
	"UNION SELECT c2.task_id FROM units u3 CROSS JOIN task_co c2 " \
	"WHERE c2.unit = u3.code AND u3.path >= ?4 AND u3.path < ?5 " \
	"UNION SELECT t3.id FROM tasks t3 WHERE t3.owner = ?6) "
#define TASK_IN_OWNER(st) \
	"AND t.id IN (SELECT t2.id FROM tasks t2 WHERE t2.owner = ?14) "

enum task_narrow { NARROW_NONE, NARROW_UNIT, NARROW_SCOPE, NARROW_OWNER,
		   NARROW_N };

/*
 * The same text twice (get, each), as two cache slots: a get from inside
 * an each callback must not reset the iteration's statement. each and
 * count come per narrowing, with any status or one.
 */
static const char task_get_sql[] =
	TASK_COLUMNS TASK_FROM TASK_STATUS_ANY TASK_REST TASK_ORDER;
#define TASK_EACH(from, in, one) { \
	TASK_COLUMNS from in(TASK_ST_ANY) TASK_STATUS_ANY TASK_REST \
	TASK_ORDER, \
	TASK_COLUMNS from in(TASK_ST_ONE) one TASK_REST TASK_ORDER }
#define TASK_COUNT(from, in, one) { \
	"SELECT count(*) " from in(TASK_ST_ANY) TASK_STATUS_ANY \
	TASK_REST, \
	"SELECT count(*) " from in(TASK_ST_ONE) one TASK_REST }
#define TASK_IN_NONE(st) ""
static const char *const task_each_sql[NARROW_N][2] = {
	TASK_EACH(TASK_FROM_BARE, TASK_IN_NONE, TASK_STATUS_ONE),
	TASK_EACH(TASK_FROM, TASK_IN_UNIT, TASK_STATUS_ONE_BY_ID),
	TASK_EACH(TASK_FROM, TASK_IN_SCOPE, TASK_STATUS_ONE_BY_ID),
	TASK_EACH(TASK_FROM, TASK_IN_OWNER, TASK_STATUS_ONE_BY_ID),
};
static const char *const task_count_sql[NARROW_N][2] = {
	TASK_COUNT(TASK_FROM_BARE, TASK_IN_NONE, TASK_STATUS_ONE),
	TASK_COUNT(TASK_FROM, TASK_IN_UNIT, TASK_STATUS_ONE_BY_ID),
	TASK_COUNT(TASK_FROM, TASK_IN_SCOPE, TASK_STATUS_ONE_BY_ID),
	TASK_COUNT(TASK_FROM, TASK_IN_OWNER, TASK_STATUS_ONE_BY_ID),
};

static bool scope_all(const struct scope *sc)
{
	return !sc || sc->all || (sc->path && !*sc->path);
}

/*
 * True when path ("/HRB/HRB-DL/") is below a top unit: a top unit's
 * subtree is usually most of the tasks, read faster in one pass than
 * through a candidate set.
 */
static bool below_top(const char *path)
{
	const char *p = path ? strchr(path + (*path == '/'), '/') : NULL;

	return p && p[1];
}

/*
 * Which candidate set the query starts from (see TASK_IN_UNIT): an
 * owner's tasks are few; a unit filter or a scope only below a top unit.
 */
static enum task_narrow task_narrow(const struct task_filter *f)
{
	if (!f)
		return NARROW_NONE;
	if (f->owner)
		return NARROW_OWNER;
	if (below_top(f->unit_path))
		return NARROW_UNIT;
	if (!scope_all(f->scope) && below_top(f->scope->path))
		return NARROW_SCOPE;
	return NARROW_NONE;
}

/* True when the filter asks for exactly one status. */
static bool one_status(const struct task_filter *f)
{
	return f && f->status_mask && !(f->status_mask & (f->status_mask - 1));
}

/*
 * The bulletin's red-and-late candidates led by units under ?1..?2: live
 * tasks past due or past an unfinished milestone's due on the reference
 * day ?3, and tasks closed after due between ?4 and ?5. The candidates
 * are what task_light can call red or late; the caller asks task_light.
 * Ordered by lead code (the list's groups), then id.
 */
static const char bulletin_sql[] =
	TASK_COLUMNS ", l.name, ou.name "
	"FROM tasks t JOIN units l ON l.code = t.lead "
	"LEFT JOIN users ou ON ou.login = t.owner "
	"WHERE (?1 IS NULL OR (l.path >= ?1 AND l.path < ?2)) "
	"AND ((t.status IN ('open', 'doing', 'review') "
	"AND (t.due < ?3 OR t.ms_due < ?3)) "
	"OR (t.status = 'done' AND t.closed_on BETWEEN ?4 AND ?5 "
	"AND t.closed_on > t.due)) "
	"ORDER BY l.code, t.id";

/*
 * The light board's columns, unit by unit: ?1..?2 the units' path range
 * (NULL: all). The units come first, in path order (CROSS JOIN keeps
 * that order in SQLite, which walks the path index: one index range per
 * unit, not one units lookup per task, and no sort; PostgreSQL needs the
 * ORDER BY to keep a unit's tasks together), then tasks_lights (lead
 * first, then the light's columns) answers the rest without reading the
 * task rows.
 */
static const char task_lights_sql[] =
	"SELECT t.lead, t.status, t.start, t.due, t.percent, t.activity_on, "
	"t.closed_on, t.ms_due "
	"FROM units u CROSS JOIN tasks t "
	"WHERE t.lead = u.code AND (?1 IS NULL OR "
	"(u.path >= ?1 AND u.path < ?2)) ORDER BY u.path";

static const char task_exists_sql[] =
	"SELECT 1 FROM tasks WHERE id = ?";

static const char task_version_sql[] =
	"SELECT version FROM tasks WHERE id = ?";

/* The columns of task_bind, in its order; ms_due starts NULL. */
static const char task_insert_sql[] =
	"INSERT INTO tasks (title, description, lead, co, owner, leader, "
	"source, goal_id, important, key, daily, start, due, orig_due, "
	"percent, status, created_at, acked_at, closed_at, created_on, "
	"closed_on, activity_on, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
	"?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id";

static const char task_update_sql[] =
	"UPDATE tasks SET title = ?, description = ?, lead = ?, co = ?, "
	"owner = ?, leader = ?, source = ?, goal_id = ?, important = ?, "
	"key = ?, daily = ?, start = ?, due = ?, orig_due = ?, percent = ?, "
	"status = ?, created_at = ?, acked_at = ?, closed_at = ?, "
	"created_on = ?, closed_on = ?, activity_on = ?, "
	"ms_due = (SELECT min(m.due) FROM milestones m "
	"WHERE m.task_id = tasks.id AND m.done_on IS NULL), "
	"version = version + 1 WHERE id = ? AND version = ? RETURNING id";

static const char task_co_insert_sql[] =
	"INSERT INTO task_co (task_id, unit) VALUES (?, ?)";

static const char task_co_delete_sql[] =
	"DELETE FROM task_co WHERE task_id = ?";

static void task_fill(struct store *s, struct stmt *st, struct task *t)
{
	static const int cols[] = { 1, 2, 3, 4, 5, 6, 7, 17, 18, 19 };
	const char **const dst[] = {
		&t->title, &t->description, &t->lead, &t->co, &t->owner,
		&t->leader, &t->source, &t->created_at, &t->acked_at,
		&t->closed_at,
	};

	col_strings(s, st, &t->arena, cols, dst, 10);
	t->id = col_int(s, st, 0);
	t->goal_id = col_int(s, st, 8);
	t->important = col_int(s, st, 9) != 0;
	t->key = col_int(s, st, 10) != 0;
	t->daily = col_int(s, st, 11) != 0;
	t->start = col_date(s, st, 12);
	t->due = col_date(s, st, 13);
	t->orig_due = col_date(s, st, 14);
	t->percent = (int)col_int(s, st, 15);
	/* The CHECK constraint admits only known status names. */
	if (!task_status_parse(col_text(s, st, 16), &t->status))
		t->status = TASK_OPEN;
	t->created_on = col_date(s, st, 20);
	t->closed_on = col_date(s, st, 21);
	t->activity_on = col_date(s, st, 22);
	t->ms_due = col_date(s, st, 23);
	t->version = col_int(s, st, 24);
}

void store_like_pattern(struct buf *pat, const char *text)
{
	buf_reset(pat);
	buf_addch(pat, '%');
	for (const char *p = text; *p; p++) {
		char c = *p;

		if (c == '\\' || c == '%' || c == '_')
			buf_addch(pat, '\\');
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		buf_addch(pat, c);
	}
	buf_addch(pat, '%');
}

/* Binds ?1..?8 of TASK_SCOPE: id range, scope, lead unit subtree. */
static void task_scope_bind(struct store *s, struct stmt *st, long long lo,
			    long long hi, const struct task_filter *f)
{
	const struct scope *sc = f->scope;
	bool all = scope_all(sc);

	db_int(s, st, 1, lo);
	db_int(s, st, 2, hi);
	db_int(s, st, 3, all);
	db_path_range(s, st, 4, all ? NULL : sc->path);
	db_text(s, st, 6, all ? NULL : sc->login);
	db_path_range(s, st, 7, f->unit_path);
}

/* Binds every parameter of the task query; pat holds the search pattern. */
static void task_query_bind(struct store *s, struct stmt *st, long long lo,
			    long long hi, const struct task_filter *f,
			    struct buf *pat)
{
	task_scope_bind(s, st, lo, hi, f);
	if (one_status(f)) {
		/* ?9 the status, ?10..?13 NULL (see TASK_STATUS_ONE) */
		for (int i = 0; i < TASK_NSTATUS; i++)
			if (f->status_mask & (1u << i))
				db_text(s, st, 9, task_status_name(
						(enum task_status)i));
		for (int i = 10; i <= 13; i++)
			db_text(s, st, i, NULL);
	} else {
		for (int i = 0; i < TASK_NSTATUS; i++) {
			bool in = !f->status_mask ||
				  (f->status_mask & (1u << i));

			db_text(s, st, 9 + i, in ? task_status_name(
					(enum task_status)i) : NULL);
		}
	}
	db_text(s, st, 14, f->owner);
	db_int(s, st, 15, f->key_only);
	db_date(s, st, 16, f->due_before);
	db_id(s, st, 17, f->goal_id);
	db_int(s, st, 18, f->with_goal);
	if (f->search && *f->search) {
		store_like_pattern(pat, f->search);
		db_text(s, st, 19, pat->ptr);
	} else {
		db_text(s, st, 19, NULL);
	}
}

/* Paging parameters of the row queries (absent from the count). */
static void task_page_bind(struct store *s, struct stmt *st,
			   const struct task_filter *f)
{
	db_int(s, st, 20, f->limit > 0 ? f->limit : 0x7fffffffffffffffLL);
	db_int(s, st, 21, f->offset > 0 ? f->offset : 0);
}

enum lserr store_need_task(struct store *s, long long id, const char *field,
			   struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, task_exists_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound_id(e, field, "task", id);
	return LS_OK;
}

/* NULL for an empty co list, so that "" and NULL read back alike. */
static const char *co_text(const struct task *t)
{
	return t->co && *t->co ? t->co : NULL;
}

/* Calls fn for every code of the comma-separated list, copied to code. */
static enum lserr co_each(struct store *s, const char *co, long long id,
			  enum lserr (*fn)(struct store *, long long,
					   const char *, struct err *),
			  struct err *e)
{
	struct buf code = BUF_INIT;
	enum lserr rc = LS_OK;
	const char *p = co;

	while (p && *p && rc == LS_OK) {
		const char *comma = strchr(p, ',');
		size_t n = comma ? (size_t)(comma - p) : strlen(p);

		if (n > 0) {
			buf_reset(&code);
			buf_add(&code, p, n);
			rc = fn(s, id, code.ptr, e);
		}
		p = comma ? comma + 1 : NULL;
	}
	buf_release(&code);
	return rc;
}

static enum lserr co_check(struct store *s, long long id, const char *code,
			   struct err *e)
{
	(void)id;
	return store_need_unit(s, code, "co", e);
}

static enum lserr co_insert(struct store *s, long long id, const char *code,
			    struct err *e)
{
	struct stmt *st = store_stmt(s, task_co_insert_sql, e);
	enum lserr rc;

	if (!st)
		return e->code;
	db_int(s, st, 1, id);
	db_text(s, st, 2, code);
	rc = db_done(s, st, e);
	if (rc == LS_ECONFLICT)
		rc = err_set(e, LS_EINVAL, "co", "co-unit '%s' listed twice",
			     code);
	return rc;
}

/* Every referenced row must exist: clear messages instead of FK errors. */
static enum lserr task_check_refs(struct store *s, const struct task *t,
				  struct err *e)
{
	enum lserr rc;

	if (!t->lead)
		return err_set(e, LS_EINVAL, "lead", "no lead unit");
	if ((rc = store_need_unit(s, t->lead, "lead", e)) != LS_OK ||
	    (rc = store_need_user(s, t->owner, "owner", e)) != LS_OK ||
	    (rc = store_need_user(s, t->leader, "leader", e)) != LS_OK ||
	    (rc = store_need_goal(s, t->goal_id, "goal_id", e)) != LS_OK)
		return rc;
	return co_each(s, co_text(t), 0, co_check, e);
}

/* Binds the 22 written columns in the order of insert and update. */
static void task_bind(struct store *s, struct stmt *st, const struct task *t)
{
	int created_on = t->created_on;
	int activity_on = t->activity_on;

	/* Derived defaults for the NOT NULL days a caller may leave out. */
	if (created_on == DATE_NONE)
		(void)instant_date(t->created_at, &created_on);
	if (activity_on == DATE_NONE)
		activity_on = created_on;
	db_text(s, st, 1, t->title);
	db_text(s, st, 2, t->description);
	db_text(s, st, 3, t->lead);
	db_text(s, st, 4, co_text(t));
	db_text(s, st, 5, t->owner);
	db_text(s, st, 6, t->leader);
	db_text(s, st, 7, t->source);
	db_id(s, st, 8, t->goal_id);
	db_int(s, st, 9, t->important);
	db_int(s, st, 10, t->key);
	db_int(s, st, 11, t->daily);
	db_date(s, st, 12, t->start);
	db_date(s, st, 13, t->due);
	db_date(s, st, 14, t->orig_due != DATE_NONE ? t->orig_due : t->due);
	db_int(s, st, 15, t->percent);
	db_text(s, st, 16, task_status_name(t->status));
	db_text(s, st, 17, t->created_at);
	db_text(s, st, 18, t->acked_at);
	db_text(s, st, 19, t->closed_at);
	db_date(s, st, 20, created_on);
	db_date(s, st, 21, t->closed_on);
	db_date(s, st, 22, activity_on);
}

enum lserr store_task_insert(struct store *s, const struct task *t,
			     long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	long long newid = 0;
	int r;

	if ((rc = task_check_refs(s, t, e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, task_insert_sql, e)))
		return e->code;
	task_bind(s, st, t);
	r = db_one(s, st, &newid, e);
	if (r < 0)
		return (enum lserr)-r;
	if ((rc = co_each(s, co_text(t), newid, co_insert, e)) != LS_OK)
		return rc;
	if (id)
		*id = newid;
	return LS_OK;
}

enum lserr store_task_update(struct store *s, const struct task *t,
			     struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if ((rc = task_check_refs(s, t, e)) != LS_OK)
		return rc;
	if (!(st = store_stmt(s, task_update_sql, e)))
		return e->code;
	task_bind(s, st, t);
	db_int(s, st, 23, t->id);
	db_int(s, st, 24, t->version);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_stale(s, task_version_sql, "task", t->id,
				   t->version, e);
	if (!(st = store_stmt(s, task_co_delete_sql, e)))
		return e->code;
	db_int(s, st, 1, t->id);
	if ((rc = db_done(s, st, e)) != LS_OK)
		return rc;
	return co_each(s, co_text(t), t->id, co_insert, e);
}

enum lserr store_task_get(struct store *s, long long id,
			  const struct scope *scope, struct task *out,
			  struct err *e)
{
	struct task_filter f = TASK_FILTER_INIT;
	struct buf pat = BUF_INIT;
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, task_get_sql, e)))
		return e->code;
	f.scope = scope;
	task_query_bind(s, st, id, id, &f, &pat);
	task_page_bind(s, st, &f);
	r = db_step(s, st, e);
	if (r == 1)
		task_fill(s, st, out);
	else if (r == 0)
		rc = store_notfound_id(e, "id", "task", id);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&pat);
	return rc;
}

enum lserr store_task_each(struct store *s, const struct task_filter *f,
			   store_task_fn fn, void *arg, struct err *e)
{
	static const struct task_filter none = TASK_FILTER_INIT;
	struct buf pat = BUF_INIT;
	struct stmt *st;
	struct task t;
	enum lserr rc = LS_OK;
	int r;

	st = store_stmt(s, task_each_sql[task_narrow(f)][one_status(f)], e);
	if (!st)
		return e->code;
	task_init(&t);
	task_query_bind(s, st, 1, 0x7fffffffffffffffLL, f ? f : &none, &pat);
	task_page_bind(s, st, f ? f : &none);
	while ((r = db_step(s, st, e)) == 1) {
		task_fill(s, st, &t);
		if (fn(&t, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	task_release(&t);
	buf_release(&pat);
	return rc;
}

/* Column i of task_lights_sql as a day when wanted, else DATE_NONE. */
static int lights_date(struct store *s, struct stmt *st, int i, unsigned want)
{
	return want ? col_date(s, st, i) : DATE_NONE;
}

enum lserr store_task_lights(struct store *s, const char *prefix,
			     store_task_fn fn, void *arg, struct err *e)
{
	struct stmt *st = store_stmt(s, task_lights_sql, e);
	struct task t;
	enum lserr rc = LS_OK;
	unsigned need;
	int r;

	if (!st)
		return e->code;
	task_init(&t);
	db_path_range(s, st, 1, prefix && *prefix ? prefix : NULL);
	while ((r = db_step(s, st, e)) == 1) {
		t.lead = col_text(s, st, 0);
		/* The CHECK constraint admits only known status names. */
		if (!task_status_parse(col_text(s, st, 1), &t.status))
			t.status = TASK_OPEN;
		/* Only the columns task_light reads for this status. */
		need = task_light_inputs(t.status);
		t.start = lights_date(s, st, 2, need & TASK_LIGHT_START);
		t.due = lights_date(s, st, 3, need & TASK_LIGHT_DUE);
		t.percent = need & TASK_LIGHT_PERCENT ?
			(int)col_int(s, st, 4) : 0;
		t.activity_on = lights_date(s, st, 5,
					    need & TASK_LIGHT_ACTIVITY);
		t.closed_on = lights_date(s, st, 6, need & TASK_LIGHT_CLOSED);
		t.ms_due = lights_date(s, st, 7, need & TASK_LIGHT_MS_DUE);
		if (fn(&t, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_bulletin_tasks(struct store *s, const char *prefix,
				int today, int from, int to,
				store_bulletin_fn fn, void *arg,
				struct err *e)
{
	struct stmt *st = store_stmt(s, bulletin_sql, e);
	struct task t;
	enum lserr rc = LS_OK;
	int r;

	if (!st)
		return e->code;
	task_init(&t);
	db_path_range(s, st, 1, prefix && *prefix ? prefix : NULL);
	db_date(s, st, 3, today);
	db_date(s, st, 4, from);
	db_date(s, st, 5, to);
	while ((r = db_step(s, st, e)) == 1) {
		task_fill(s, st, &t);
		if (fn(&t, col_text(s, st, 25), col_text(s, st, 26), arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	task_release(&t);
	return rc;
}

enum lserr store_task_count(struct store *s, const struct task_filter *f,
			    long long *n, struct err *e)
{
	static const struct task_filter none = TASK_FILTER_INIT;
	struct buf pat = BUF_INIT;
	struct stmt *st;
	int r;

	st = store_stmt(s, task_count_sql[task_narrow(f)][one_status(f)], e);
	if (!st)
		return e->code;
	task_query_bind(s, st, 1, 0x7fffffffffffffffLL, f ? f : &none, &pat);
	r = db_one(s, st, n, e);
	buf_release(&pat);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

/*
 * Urges on the tasks a filter's scope and unit subtree see, newest first
 * (the dashboard's "urges received"); ?9 limit, ?10 offset. Scanning
 * task_events backwards stops at the page: urges are a few per cent of
 * the events, so even a small unit's page reads few rows. "+e.task_id"
 * keeps the planner from walking task_events_task for TASK_SCOPE's id
 * range (every event, then a row lookup each: ~1 s at 100,000 tasks).
 */
#define URGE_FROM \
	"FROM task_events e JOIN tasks t ON t.id = +e.task_id " \
	"JOIN units l ON l.code = t.lead WHERE e.kind = 'urge' AND " \
	TASK_SCOPE(LEAD_JOINED)
static const char urge_each_sql[] =
	"SELECT e.id, e.task_id, e.at, e.by, e.kind, e.note, t.title "
	URGE_FROM "ORDER BY e.id DESC LIMIT ?9 OFFSET ?10";
static const char urge_count_sql[] = "SELECT count(*) " URGE_FROM;

enum lserr store_urge_each(struct store *s, const struct task_filter *f,
			   store_urge_fn fn, void *arg, struct err *e)
{
	static const int cols[] = { 2, 3, 4, 5, 6 };
	struct task_event ev = { .arena = BUF_INIT };
	const char *title = NULL;
	const char **const dst[] = { &ev.at, &ev.by, &ev.kind, &ev.note,
				     &title };
	enum lserr rc = LS_OK;
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, urge_each_sql, e)))
		return e->code;
	task_scope_bind(s, st, 1, 0x7fffffffffffffffLL, f);
	db_int(s, st, 9, f->limit > 0 ? f->limit : 0x7fffffffffffffffLL);
	db_int(s, st, 10, f->offset > 0 ? f->offset : 0);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &ev.arena, cols, dst, 5);
		ev.id = col_int(s, st, 0);
		ev.task_id = col_int(s, st, 1);
		if (fn(&ev, title, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&ev.arena);
	return rc;
}

enum lserr store_urge_count(struct store *s, const struct task_filter *f,
			    long long *n, struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, urge_count_sql, e)))
		return e->code;
	task_scope_bind(s, st, 1, 0x7fffffffffffffffLL, f);
	r = db_one(s, st, n, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}
