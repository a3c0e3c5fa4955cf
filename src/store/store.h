/*
 * The storage interface: everything luoshi keeps, behind one opaque
 * handle. Callers (svc, cli, later http) see records from core/ and never
 * SQL. The backend is chosen by URL (a path = SQLite; postgresql:// comes
 * later); entity code is written once over the driver of store_int.h.
 *
 * Conventions: functions return LS_OK or an error code with the message in
 * `e`. "get" functions fill a record whose strings live in its arena (the
 * caller releases it); "each" functions call fn for every row in order with
 * a record that is valid only during the call (reused between rows) and
 * stop early when fn returns non-zero. Writes must run inside
 * store_begin/store_commit.
 */
#ifndef LUOSHI_STORE_H
#define LUOSHI_STORE_H

#include "core/audit.h"
#include "core/cadre.h"
#include "core/calendar.h"
#include "core/eval.h"
#include "core/goal.h"
#include "core/indicator.h"
#include "core/policy.h"
#include "core/practice.h"
#include "core/scope.h"
#include "core/settings.h"
#include "core/task.h"
#include "core/tasklog.h"
#include "core/unit.h"
#include "core/user.h"
#include "util/date.h"
#include "util/err.h"

#include <stdbool.h>
#include <stddef.h>

struct store;

/* Opening, schema, transactions */
struct store *store_open(const char *url, struct err *e);
void store_close(struct store *s);
const char *store_backend(const struct store *s);
/* Directory for evidence files, next to the database ("<db>.files"). */
const char *store_files_dir(const struct store *s);
/* True when the schema exists (init has run). */
bool store_initialised(struct store *s);
/*
 * Applies pending migrations; idempotent, and safe when several
 * processes run it at once (each migration is applied once).
 */
enum lserr store_migrate(struct store *s, struct err *e);
/* The same, telling the version found under the lock and the one left. */
enum lserr store_migrate_report(struct store *s, int *before, int *after,
				struct err *e);
int store_schema_version(struct store *s);
/* The version this luoshi's migrations reach for s's backend. */
int store_latest_version(const struct store *s);
/* A database URL as it may be shown: without its password. */
void store_url_shown(const char *url, char *out, size_t n);

/*
 * luoshi copy (store/copy.c): every table of `from` into `to`, in one
 * transaction on `to`, parents before children, ids kept. `to` must be
 * empty (a new database is migrated first, in the same transaction) and
 * at the same schema version as `from`, else LS_ECONFLICT naming why.
 * fn(table, rows, arg) is called after each table.
 */
typedef void (*store_copy_fn)(const char *table, long long rows, void *arg);
enum lserr store_copy(struct store *from, struct store *to, store_copy_fn fn,
		      void *arg, struct err *e);
/*
 * A write transaction (SQLite: BEGIN IMMEDIATE). Inside one, begin opens
 * a savepoint: its commit releases it and its rollback undoes only what
 * was done since, so an import can try each row and keep going.
 */
enum lserr store_begin(struct store *s, struct err *e);
enum lserr store_commit(struct store *s, struct err *e);
void store_rollback(struct store *s);
/*
 * Below the current level, nested begins open no savepoint (a savepoint
 * copies each page a step touches), nor does PostgreSQL's driver around
 * each write (a failed one then spoils the transaction), so a deeper
 * rollback undoes nothing: only for a caller that rolls its own level
 * back when any step fails. That level's own commit or rollback (a
 * savepoint's, when it is itself nested, as in the server's group
 * commit) works as usual and ends the plain region.
 */
void store_nested_plain(struct store *s);
/* True inside store_begin .. store_commit/store_rollback. */
bool store_in_transaction(const struct store *s);
/* How many begins are open (0 outside a transaction). */
int store_depth(const struct store *s);
/* Online copy of the whole database to a new file. */
enum lserr store_backup(struct store *s, const char *path, struct err *e);
/*
 * Replaces the whole database by a backup made with store_backup (checked
 * to be a luoshi database first), while other connections may be open.
 */
enum lserr store_restore(struct store *s, const char *path, struct err *e);

/* Settings */
enum lserr store_settings_load(struct store *s, struct settings *out,
			       struct err *e);
enum lserr store_setting_put(struct store *s, const char *key,
			     const char *value, struct err *e);

/* Units: ordered by code. u->path must be set by the caller. */
typedef int (*store_unit_fn)(const struct unit *u, void *arg);
enum lserr store_unit_insert(struct store *s, const struct unit *u,
			     struct err *e);
enum lserr store_unit_get(struct store *s, const char *code, struct unit *out,
			  struct err *e);
/* Units whose path starts with `prefix` (NULL: all). */
enum lserr store_unit_each(struct store *s, const char *prefix,
			   store_unit_fn fn, void *arg, struct err *e);

/* Users: ordered by login. */
typedef int (*store_user_fn)(const struct user *u, void *arg);
enum lserr store_user_insert(struct store *s, const struct user *u,
			     struct err *e);
enum lserr store_user_get(struct store *s, const char *login, struct user *out,
			  struct err *e);
enum lserr store_user_each(struct store *s, store_user_fn fn, void *arg,
			   struct err *e);
enum lserr store_user_set_password(struct store *s, const char *login,
				   const char *pwhash, struct err *e);

/* Goals: ordered by id; inserted with version 1. */
typedef int (*store_goal_fn)(const struct goal *g, void *arg);
enum lserr store_goal_insert(struct store *s, const struct goal *g,
			     long long *id, struct err *e);
enum lserr store_goal_get(struct store *s, long long id, struct goal *out,
			  struct err *e);
enum lserr store_goal_each(struct store *s, store_goal_fn fn, void *arg,
			   struct err *e);
/*
 * Sets the weight and bumps the version where the stored version is
 * `version` (0: any); LS_EVERSION, nothing changed, when it differs.
 */
enum lserr store_goal_set_weight(struct store *s, long long id, double weight,
				 long long version, struct err *e);

/*
 * Indicators: ordered by id; goal_id 0 = all goals; inserted with version
 * 1. Writes take the expected version (0: any) and bump it, or fail with
 * LS_EVERSION and change nothing.
 */
typedef int (*store_indicator_fn)(const struct indicator *ind, void *arg);
typedef int (*store_value_fn)(const struct indicator_value *v, void *arg);
enum lserr store_indicator_insert(struct store *s, const struct indicator *ind,
				  long long *id, struct err *e);
enum lserr store_indicator_get(struct store *s, long long id,
			       struct indicator *out, struct err *e);
enum lserr store_indicator_each(struct store *s, long long goal_id,
				store_indicator_fn fn, void *arg,
				struct err *e);
/* Updates baseline, target, direction, weight, name, measure. */
enum lserr store_indicator_update(struct store *s, const struct indicator *ind,
				  long long version, struct err *e);
/*
 * Sets the plan (actual=false) or actual (true) of one month; a new value
 * moves the trajectory, so the indicator's version goes up too.
 */
enum lserr store_indicator_value_put(struct store *s, long long id, int month,
				     bool actual, double value,
				     long long version, struct err *e);
/* Values ordered by indicator id then month; id 0 = all indicators. */
enum lserr store_indicator_value_each(struct store *s, long long id,
				      store_value_fn fn, void *arg,
				      struct err *e);

/* Revisions of targets, baselines and weights (不降标准). */
typedef int (*store_revision_fn)(const struct revision *r, void *arg);
enum lserr store_revision_insert(struct store *s, const struct revision *r,
				 struct err *e);
/* entity NULL = all, ordered by id. */
enum lserr store_revision_each(struct store *s, const char *entity,
			       long long entity_id, store_revision_fn fn,
			       void *arg, struct err *e);

/* Tasks */
struct task_filter {
	const struct scope *scope;	/* NULL: no scope restriction */
	const char *unit_path;	/* lead unit in this subtree, or NULL */
	unsigned status_mask;	/* bit (1 << status); 0 = any */
	const char *owner;	/* login or NULL */
	bool key_only;
	int due_before;		/* due < this; DATE_NONE = no limit */
	long long goal_id;	/* 0 = any */
	bool with_goal;		/* only tasks linked to some goal */
	const char *search;	/* substring of title or description */
	long long limit;	/* at most this many rows; 0 = all */
	long long offset;	/* skip this many rows first */
};
#define TASK_FILTER_INIT \
	{ NULL, NULL, 0, NULL, false, DATE_NONE, 0, false, NULL, 0, 0 }

typedef int (*store_task_fn)(const struct task *t, void *arg);
/* Inserts with version 1; t->co (comma-separated) fills task_co. */
enum lserr store_task_insert(struct store *s, const struct task *t,
			     long long *id, struct err *e);
/* LS_ENOTFOUND when missing or outside `scope` (NULL = unrestricted). */
enum lserr store_task_get(struct store *s, long long id,
			  const struct scope *scope, struct task *out,
			  struct err *e);
/*
 * Writes every field of t where the stored version equals t->version, and
 * sets the stored version to t->version + 1. LS_EVERSION when it differs.
 */
enum lserr store_task_update(struct store *s, const struct task *t,
			     struct err *e);
/* Matching tasks ordered by id (limit and offset applied). */
enum lserr store_task_each(struct store *s, const struct task_filter *f,
			   store_task_fn fn, void *arg, struct err *e);
/* How many tasks match (limit and offset ignored). */
enum lserr store_task_count(struct store *s, const struct task_filter *f,
			    long long *n, struct err *e);

/*
 * What the light board needs of every task led by a unit under `prefix`
 * (NULL: all), cancelled ones included, unit by unit in path order: fn
 * gets a task with only lead, status and, of start, due, percent,
 * activity_on, closed_on and ms_due, those task_light reads for its status
 * (task_light_inputs; the others are unset), borrowed for the call. One
 * read of the covering index tasks_lights (migration 014), no text copied.
 */
enum lserr store_task_lights(struct store *s, const char *prefix,
			     store_task_fn fn, void *arg, struct err *e);

/*
 * The bulletin's candidates (SPEC §7): tasks led by units under `prefix`
 * (NULL: all) that are live and past due or past an unfinished
 * milestone's due on `today`, or were closed after due between from and
 * to; ordered by lead code, then id. fn gets the lead's name and the
 * owner's name (NULL without owner), borrowed for the call. Whether each
 * is red or late is task_light's to say.
 */
typedef int (*store_bulletin_fn)(const struct task *t, const char *lead_name,
				 const char *owner_name, void *arg);
enum lserr store_bulletin_tasks(struct store *s, const char *prefix,
				int today, int from, int to,
				store_bulletin_fn fn, void *arg,
				struct err *e);

/*
 * Urges (task_events of kind urge) on the tasks f's scope and unit_path
 * see, newest first; f's limit and offset page them, other fields unused.
 * fn gets the event and its task's title.
 */
typedef int (*store_urge_fn)(const struct task_event *ev, const char *title,
			     void *arg);
enum lserr store_urge_each(struct store *s, const struct task_filter *f,
			   store_urge_fn fn, void *arg, struct err *e);
enum lserr store_urge_count(struct store *s, const struct task_filter *f,
			    long long *n, struct err *e);

/* Task records: each ordered by id, for one task. */
typedef int (*store_milestone_fn)(const struct milestone *m, void *arg);
typedef int (*store_report_fn)(const struct report *r, void *arg);
typedef int (*store_evidence_fn)(const struct evidence *ev, void *arg);
typedef int (*store_event_fn)(const struct task_event *ev, void *arg);
typedef int (*store_extension_fn)(const struct extension *x, void *arg);
typedef int (*store_risk_fn)(const struct risk *r, void *arg);

enum lserr store_milestone_insert(struct store *s, const struct milestone *m,
				  long long *id, struct err *e);
enum lserr store_milestone_get(struct store *s, long long id,
			       struct milestone *out, struct err *e);
enum lserr store_milestone_set_done(struct store *s, long long id, int day,
				    struct err *e);
enum lserr store_milestone_each(struct store *s, long long task_id,
				store_milestone_fn fn, void *arg,
				struct err *e);
enum lserr store_report_insert(struct store *s, const struct report *r,
			       long long *id, struct err *e);
enum lserr store_report_each(struct store *s, long long task_id,
			     store_report_fn fn, void *arg, struct err *e);
enum lserr store_evidence_insert(struct store *s, const struct evidence *ev,
				 long long *id, struct err *e);
/* Evidence of all reports of a task. */
enum lserr store_evidence_each(struct store *s, long long task_id,
			       store_evidence_fn fn, void *arg, struct err *e);
/* Every evidence record of a stored file, with the task of its report. */
typedef int (*store_evidence_task_fn)(const struct evidence *ev,
				      long long task_id, void *arg);
enum lserr store_evidence_by_sha256(struct store *s, const char *sha256,
				   store_evidence_task_fn fn, void *arg,
				   struct err *e);
/* Each stored file once: its sha256 and size, in sha256 order. */
typedef int (*store_evidence_file_fn)(const char *sha256, long long size,
				      void *arg);
enum lserr store_evidence_files(struct store *s, store_evidence_file_fn fn,
				void *arg, struct err *e);
enum lserr store_event_insert(struct store *s, const struct task_event *ev,
			      long long *id, struct err *e);
enum lserr store_event_each(struct store *s, long long task_id,
			    store_event_fn fn, void *arg, struct err *e);
enum lserr store_extension_insert(struct store *s, const struct extension *x,
				  long long *id, struct err *e);
enum lserr store_extension_each(struct store *s, long long task_id,
				store_extension_fn fn, void *arg,
				struct err *e);
enum lserr store_risk_insert(struct store *s, const struct risk *r,
			     long long *id, struct err *e);
enum lserr store_risk_each(struct store *s, long long task_id,
			   store_risk_fn fn, void *arg, struct err *e);

/*
 * Cadre ratings (SPEC §6): one per rated login, period and rater. Records
 * carry the rated person's name, unit and unit path.
 */
typedef int (*store_rating_fn)(const struct rating *r, void *arg);
/* LS_ENOTFOUND when that rater has not rated that person then. */
enum lserr store_rating_get(struct store *s, const char *login,
			    const char *period, const char *rater,
			    struct rating *out, struct err *e);
/* Inserts or replaces the ballot of (login, period, rater); its id. */
enum lserr store_rating_put(struct store *s, const struct rating *r,
			    long long *id, struct err *e);
/* Every ballot of a period, ordered by rated login then rater. */
enum lserr store_rating_each_period(struct store *s, const char *period,
				    store_rating_fn fn, void *arg,
				    struct err *e);
/* The ballots `rater` cast for a period, ordered by rated login. */
enum lserr store_rating_each_rater(struct store *s, const char *rater,
				   const char *period, store_rating_fn fn,
				   void *arg, struct err *e);
/*
 * Tasks with an owner (`owner`, or anyone when NULL), not cancelled, due
 * within [first, last], ordered by owner then id. Only id, title, owner,
 * due, closed_on and status are filled.
 */
enum lserr store_owned_each(struct store *s, int first, int last,
			    const char *owner, store_task_fn fn, void *arg,
			    struct err *e);

/* Calendar exceptions, ordered by day. */
typedef int (*store_calendar_fn)(int day, enum cal_kind kind,
				 const char *name, void *arg);
enum lserr store_calendar_put(struct store *s, int day, enum cal_kind kind,
			      const char *name, struct err *e);
enum lserr store_calendar_each(struct store *s, store_calendar_fn fn,
			       void *arg, struct err *e);
enum lserr store_calendar_load(struct store *s, struct calendar *out,
			       struct err *e);

/* Sessions, API tokens, failed logins (secrets arrive hashed). */
typedef int (*store_token_fn)(const struct token *t, void *arg);
enum lserr store_session_insert(struct store *s, const char *hash,
				const char *login, const char *csrf,
				const char *created_at, long long expires,
				struct err *e);
/* LS_ENOTFOUND when unknown or expired at `now` (seconds). */
enum lserr store_session_get(struct store *s, const char *hash, long long now,
			     struct session *out, struct err *e);
enum lserr store_session_delete(struct store *s, const char *hash,
				struct err *e);
enum lserr store_token_insert(struct store *s, const char *hash,
			      const char *login, const char *name,
			      const char *created_at, long long *id,
			      struct err *e);
/* A valid (not revoked) token by hash; LS_ENOTFOUND otherwise. */
enum lserr store_token_get(struct store *s, const char *hash,
			   struct token *out, struct err *e);
/* Tokens of `login` (NULL: all), ordered by id. */
enum lserr store_token_each(struct store *s, const char *login,
			    store_token_fn fn, void *arg, struct err *e);
/* Marks a token revoked; LS_ENOTFOUND if unknown or already revoked. */
enum lserr store_token_revoke(struct store *s, long long id, const char *at,
			      struct err *e);
enum lserr store_failure_add(struct store *s, const char *login,
			     const char *addr, long long at, struct err *e);
/*
 * Failed logins since `since` for the login and for the address, and the
 * oldest of them (for Retry-After). A read: adding a failure purges the old.
 */
enum lserr store_failure_count(struct store *s, const char *login,
			       const char *addr, long long since,
			       long long *by_login, long long *by_addr,
			       long long *oldest, struct err *e);

/*
 * The evaluation system. Scope `prefix` is a unit path (NULL: all);
 * days DATE_NONE leave a range open.
 */
typedef int (*store_inspection_fn)(const struct inspection *in, void *arg);
enum lserr store_inspection_insert(struct store *s,
				   const struct inspection *in, long long *id,
				   struct err *e);
enum lserr store_inspection_get(struct store *s, long long id,
				struct inspection *out, struct err *e);
/* Inspections of units under prefix (and of `unit`), ordered by id. */
enum lserr store_inspection_each(struct store *s, const char *prefix,
				 const char *unit, int from, int to,
				 store_inspection_fn fn, void *arg,
				 struct err *e);
/* How many inspections `unit` had between from and to (inclusive). */
enum lserr store_inspection_count(struct store *s, const char *unit,
				  int from, int to, long long *n,
				  struct err *e);
/* Links a rectification task to its inspection. */
enum lserr store_task_set_inspection(struct store *s, long long task_id,
				     long long inspection_id, struct err *e);
/* Ids of an inspection's rectification tasks (a new array to free). */
enum lserr store_rectification_ids(struct store *s, long long inspection_id,
				   long long **ids, size_t *n, struct err *e);

struct merit_filter {
	const char *prefix;	/* scope path or NULL */
	const char *kind;	/* "commend", "account" or NULL */
	const char *unit;	/* or NULL */
	const char *person;	/* or NULL */
	int from, to;		/* DATE_NONE: open */
};
typedef int (*store_merit_fn)(const struct merit *m, void *arg);
enum lserr store_merit_insert(struct store *s, const struct merit *m,
			      long long *id, struct err *e);
/* Ordered by id. */
enum lserr store_merit_each(struct store *s, const struct merit_filter *f,
			    store_merit_fn fn, void *arg, struct err *e);
enum lserr store_merit_get(struct store *s, long long id, struct merit *out,
			   struct err *e);

/*
 * Tasks whose due lies in [from, to] (of `lead` only, unless NULL), in
 * no particular order, read from the covering index tasks_eval: only id,
 * lead, status, daily, due, created_on, closed_on, created_at and
 * acked_at are set, strings borrowed for the call.
 */
enum lserr store_eval_tasks(struct store *s, int from, int to,
			    const char *lead, store_task_fn fn, void *arg,
			    struct err *e);

/* An indicator's latest actual up to a month, with its goal's unit. */
struct eval_ind {
	const char *unit;
	long long id;
	double baseline, target, actual;
	enum direction direction;
	int month;		/* month key of the actual */
};
typedef int (*store_eval_ind_fn)(const struct eval_ind *x, void *arg);
/* Indicators of goals of `year` (of `unit` unless NULL) with an actual
 * in a month up to `month` (a month key), ordered by id. */
enum lserr store_eval_indicators(struct store *s, int year, int month,
				 const char *unit, store_eval_ind_fn fn,
				 void *arg, struct err *e);

/* A published evaluation and the units it ranked. */
enum lserr store_evaluation_insert(struct store *s, const char *period,
				   const char *group, const char *by,
				   const char *at, int on, long long *id,
				   struct err *e);
enum lserr store_evaluation_unit_insert(struct store *s, long long id,
					const char *unit, int rank,
					double score, struct err *e);

/* Burden (减负) of one unit in one month. */
struct burden_row {
	const char *unit;
	int month;		/* month key */
	long long reports;	/* on tasks it leads or co-works */
	long long urges;	/* on tasks it leads or co-works */
	long long inspections;
	long long evaluations;	/* published evaluations ranking it */
};
typedef int (*store_burden_fn)(const struct burden_row *b, void *arg);
/* Rows with any count, ordered by unit then month. */
enum lserr store_burden_each(struct store *s, const char *prefix,
			     const char *unit, int from, int to,
			     store_burden_fn fn, void *arg, struct err *e);

/*
 * Policies (政策): inserted with version 1; listed by window_close then
 * id. The update writes status and value where the stored version is
 * p->version and bumps it (LS_EVERSION, nothing changed, when it differs).
 */
typedef int (*store_policy_fn)(const struct policy *p, void *arg);
enum lserr store_policy_insert(struct store *s, const struct policy *p,
			       long long *id, struct err *e);
enum lserr store_policy_get(struct store *s, long long id, struct policy *out,
			    struct err *e);
/* Policies whose unit's path starts with prefix (NULL: all). */
enum lserr store_policy_each(struct store *s, const char *prefix,
			     store_policy_fn fn, void *arg, struct err *e);
enum lserr store_policy_update(struct store *s, const struct policy *p,
			       struct err *e);
/*
 * Links a policy to a goal (goal_id) or else a task (task_id):
 * LS_ENOTFOUND naming goal_id / task_id when it does not exist,
 * LS_ECONFLICT when the link is already there.
 */
enum lserr store_policy_link(struct store *s, long long policy_id,
			     long long goal_id, long long task_id,
			     struct err *e);
/* A policy's links: goals first, then tasks, each by id. */
typedef int (*store_policy_link_fn)(bool task, long long id, void *arg);
enum lserr store_policy_links(struct store *s, long long policy_id,
			      store_policy_link_fn fn, void *arg,
			      struct err *e);

/*
 * Practices (经验), ordered by id, each with its tags (in order) and
 * linked task and goal ids (ascending). Full-text search is the driver's
 * (SQLite: FTS5 trigram) for texts of 3 characters or more, LIKE over
 * title and body for shorter ones: the same rows either way.
 */
struct practice_filter {
	const char *search;	/* in title or body, case-insensitive */
	const char *tag;	/* exact tag, or NULL */
	const char *unit_path;	/* of a unit in this subtree, or NULL */
	bool promoted_only;
};
typedef int (*store_practice_fn)(const struct practice *p, void *arg);
/* Inserts p with its tags and links (unit, tasks, goals must exist). */
enum lserr store_practice_insert(struct store *s, const struct practice *p,
				 long long *id, struct err *e);
enum lserr store_practice_get(struct store *s, long long id,
			      struct practice *out, struct err *e);
enum lserr store_practice_each(struct store *s,
			       const struct practice_filter *f,
			       store_practice_fn fn, void *arg,
			       struct err *e);
/* Marks it promoted; LS_ECONFLICT when it already is. */
enum lserr store_practice_promote(struct store *s, long long id,
				  const char *by, const char *at,
				  const char *note, struct err *e);
/* The practice made from commendation merit_id, 0 when none. */
enum lserr store_practice_of_merit(struct store *s, long long merit_id,
				   long long *id, struct err *e);

/* Audit trail */
struct audit_filter {
	const char *entity;	/* NULL = any */
	const char *entity_id;	/* NULL = any */
	long long after_id;	/* entries with id > after_id */
};
typedef int (*store_audit_fn)(const struct audit_entry *a, void *arg);
/*
 * The recorded chain head: the last entry's id and hash (0 and the genesis
 * hash when empty), kept apart from the entries so that deleting the last
 * entries is detected. Inside a write transaction it serialises appenders.
 */
enum lserr store_audit_head(struct store *s, long long *id,
			    char hash[AUDIT_HASHLEN], struct err *e);
/* Inserts a (id, prev and hash already computed) and moves the head. */
enum lserr store_audit_append(struct store *s, const struct audit_entry *a,
			      struct err *e);
enum lserr store_audit_each(struct store *s, const struct audit_filter *f,
			    store_audit_fn fn, void *arg, struct err *e);

#endif
