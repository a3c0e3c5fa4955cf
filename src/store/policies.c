/*
 * Policies (政策) in the store: the policy rows with their window, and
 * their links to goals and tasks (policy_goals, policy_tasks). Lists are
 * ordered by window_close then id, the order of a timeline and of the
 * closing alerts; whether a window is closing or missed is core/policy.c's
 * to say for the reference day, so no query here knows "today".
 */
#include "store/store_int.h"

#include <string.h>

static const char policy_version_sql[] =
	"SELECT version FROM policies WHERE id = ?";

static const char policy_insert_sql[] =
	"INSERT INTO policies (title, issuer, level, issued_on, window_open, "
	"window_close, unit, status, value, created_at, version) "
	"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id";

#define POLICY_COLUMNS \
	"SELECT p.id, p.title, p.issuer, p.level, p.issued_on, " \
	"p.window_open, p.window_close, p.unit, p.status, p.value, " \
	"p.created_at, p.version FROM policies p "

static const char policy_get_sql[] = POLICY_COLUMNS "WHERE p.id = ?";

/* ?1 ?2 the unit path range (NULL: all) */
static const char policy_each_sql[] = POLICY_COLUMNS
	"JOIN units u ON u.code = p.unit "
	"WHERE (?1 IS NULL OR (u.path >= ?1 AND u.path < ?2)) "
	"ORDER BY p.window_close, p.id";

static const char policy_update_sql[] =
	"UPDATE policies SET status = ?1, value = ?2, version = version + 1 "
	"WHERE id = ?3 AND version = ?4 RETURNING id";

static const char policy_goal_sql[] =
	"INSERT INTO policy_goals (policy_id, goal_id) VALUES (?, ?) "
	"ON CONFLICT DO NOTHING RETURNING policy_id";

static const char policy_task_sql[] =
	"INSERT INTO policy_tasks (policy_id, task_id) VALUES (?, ?) "
	"ON CONFLICT DO NOTHING RETURNING policy_id";

static const char policy_links_sql[] =
	"SELECT 0, goal_id FROM policy_goals WHERE policy_id = ?1 "
	"UNION ALL SELECT 1, task_id FROM policy_tasks WHERE policy_id = ?1 "
	"ORDER BY 1, 2";

static void policy_fill(struct store *s, struct stmt *st, struct policy *p)
{
	static const int cols[] = { 1, 2, 7, 9, 10 };
	const char **const dst[] = { &p->title, &p->issuer, &p->unit,
				     &p->value, &p->created_at };

	col_strings(s, st, &p->arena, cols, dst, 5);
	p->id = col_int(s, st, 0);
	if (!policy_level_parse(col_text(s, st, 3), &p->level))
		p->level = POLICY_MUNICIPAL;
	p->issued = col_date(s, st, 4);
	p->open = col_date(s, st, 5);
	p->close = col_date(s, st, 6);
	if (!policy_status_parse(col_text(s, st, 8), &p->status))
		p->status = POLICY_WATCHING;
	p->version = col_int(s, st, 11);
}

enum lserr store_policy_insert(struct store *s, const struct policy *p,
			       long long *id, struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if ((rc = store_need_unit(s, p->unit, "unit", e)))
		return rc;
	if (!(st = store_stmt(s, policy_insert_sql, e)))
		return e->code;
	db_text(s, st, 1, p->title);
	db_text(s, st, 2, p->issuer);
	db_text(s, st, 3, policy_level_name(p->level));
	db_date(s, st, 4, p->issued);
	db_date(s, st, 5, p->open);
	db_date(s, st, 6, p->close);
	db_text(s, st, 7, p->unit);
	db_text(s, st, 8, policy_status_name(p->status));
	db_text(s, st, 9, p->value);
	db_text(s, st, 10, p->created_at);
	r = db_one(s, st, id, e);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

enum lserr store_policy_get(struct store *s, long long id, struct policy *out,
			    struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, policy_get_sql, e)))
		return e->code;
	db_int(s, st, 1, id);
	r = db_step(s, st, e);
	if (r == 1)
		policy_fill(s, st, out);
	else if (r == 0)
		rc = store_notfound_id(e, "id", "policy", id);
	else
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}

enum lserr store_policy_each(struct store *s, const char *prefix,
			     store_policy_fn fn, void *arg, struct err *e)
{
	struct stmt *st;
	struct policy p;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, policy_each_sql, e)))
		return e->code;
	db_path_range(s, st, 1, prefix);
	policy_init(&p);
	while ((r = db_step(s, st, e)) == 1) {
		policy_fill(s, st, &p);
		if (fn(&p, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	policy_release(&p);
	return rc;
}

enum lserr store_policy_update(struct store *s, const struct policy *p,
			       struct err *e)
{
	struct stmt *st;
	int r;

	if (!(st = store_stmt(s, policy_update_sql, e)))
		return e->code;
	db_text(s, st, 1, policy_status_name(p->status));
	db_text(s, st, 2, p->value);
	db_int(s, st, 3, p->id);
	db_int(s, st, 4, p->version);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_stale(s, policy_version_sql, "policy", p->id,
				   p->version, e);
	return LS_OK;
}

enum lserr store_policy_link(struct store *s, long long policy_id,
			     long long goal_id, long long task_id,
			     struct err *e)
{
	struct stmt *st;
	enum lserr rc;
	int r;

	if (goal_id)
		rc = store_need_goal(s, goal_id, "goal_id", e);
	else
		rc = store_need_task(s, task_id, "task_id", e);
	if (rc)
		return rc;
	if (!(st = store_stmt(s, goal_id ? policy_goal_sql : policy_task_sql,
			      e)))
		return e->code;
	db_int(s, st, 1, policy_id);
	db_int(s, st, 2, goal_id ? goal_id : task_id);
	r = db_one(s, st, NULL, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return err_set(e, LS_ECONFLICT, goal_id ? "goal_id" :
			       "task_id", "policy %lld is already linked to "
			       "%s %lld", policy_id, goal_id ? "goal" :
			       "task", goal_id ? goal_id : task_id);
	return LS_OK;
}

enum lserr store_policy_links(struct store *s, long long policy_id,
			      store_policy_link_fn fn, void *arg,
			      struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, policy_links_sql, e)))
		return e->code;
	db_int(s, st, 1, policy_id);
	while ((r = db_step(s, st, e)) == 1)
		if (fn(col_int(s, st, 0) == 1, col_int(s, st, 1), arg))
			break;
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	return rc;
}
