/*
 * For implementers of the store only (git's refs-internal.h): the driver
 * ops table each backend fills, and the statement API the entity files
 * (units.c, tasks.c, ...) are written against, once for every backend.
 * SQL in entity files uses '?' placeholders and the common subset of
 * SQLite and PostgreSQL (RETURNING, ON CONFLICT); a driver rewrites
 * placeholders if its dialect needs to. Dialect-specific DDL lives in the
 * driver's migrations only.
 */
#ifndef LUOSHI_STORE_INT_H
#define LUOSHI_STORE_INT_H

#include "store/store.h"
#include "util/buf.h"

#include <stdbool.h>

struct stmt;

/*
 * A dialect's full-text search of practices (title and body): `sql` is
 * the practice list of store/practice_sql.h with the dialect's match on
 * ?5, `pattern` turns the user's text into the value bound there.
 * Texts core/practice.c says the index cannot serve use LIKE instead.
 */
struct store_fts {
	const char *sql;
	void (*pattern)(struct buf *out, const char *text);
};

/* What a column value is, for copying it with its type (store/copy.c). */
enum col_kind { COL_NULL, COL_INT, COL_REAL, COL_TEXT };

/*
 * The catalogue queries `luoshi copy` (store/copy.c) walks, in the
 * driver's dialect. Each returns rows; ?1 is a table name.
 */
struct store_catalog {
	/* name: every table of the schema but schema_version, oldest first */
	const char *tables_sql;
	/* name, position in the primary key (0: not in it), in table order */
	const char *columns_sql;
	/* the tables that ?1's foreign keys reference */
	const char *parents_sql;
	/* a read transaction with one snapshot for every table */
	const char *snapshot_sql;
	/* rows in this order (SQLite: "rowid", insertion), NULL: the key */
	const char *row_order;
	/* run first in the copy's write transaction, or NULL */
	const char *defer_sql;
	/* run last in it: sequences past the largest id, or NULL */
	const char *reseed_sql;
};

struct store_ops {
	const char *name;	/* "sqlite", "postgresql" */
	enum lserr (*open)(struct store *s, const char *url, struct err *e);
	void (*close)(struct store *s);
	/* Runs SQL without parameters (may hold several statements). */
	enum lserr (*exec)(struct store *s, const char *sql, struct err *e);
	struct stmt *(*prepare)(struct store *s, const char *sql,
				struct err *e);
	void (*finalize)(struct stmt *st);
	/* Makes a prepared statement ready for new bindings. */
	void (*reset)(struct stmt *st);
	void (*bind_int)(struct stmt *st, int i, long long v);
	void (*bind_double)(struct stmt *st, int i, double v);
	/* NULL binds SQL NULL; text is copied. */
	void (*bind_text)(struct stmt *st, int i, const char *v);
	void (*bind_null)(struct stmt *st, int i);
	/* 1 = a row is ready, 0 = done; errors return LS_* negated. */
	int (*step)(struct stmt *st, struct err *e);
	bool (*col_null)(struct stmt *st, int i);
	long long (*col_int)(struct stmt *st, int i);
	double (*col_double)(struct stmt *st, int i);
	/* NULL for SQL NULL; valid until the next step or reset. */
	const char *(*col_text)(struct stmt *st, int i);
	int (*col_bytes)(struct stmt *st, int i);
	enum col_kind (*col_kind)(struct stmt *st, int i);
	/*
	 * Makes st deliver its rows one at a time as they arrive, not as
	 * one fetched result; nothing else may run on the connection until
	 * it is done. NULL: rows always come so (SQLite).
	 */
	void (*stream)(struct stmt *st);
	const char *begin_sql;	/* "BEGIN IMMEDIATE" */
	enum lserr (*backup)(struct store *s, const char *path,
			     struct err *e);
	/* Replaces the whole database by the backup file at path. */
	enum lserr (*restore)(struct store *s, const char *path,
			      struct err *e);
	/* Migrations for this dialect, NULL-terminated, version = index+1. */
	const char *const *migrations;
	/* NULL: practices are searched with LIKE only. */
	const struct store_fts *practice_fts;
	const struct store_catalog *catalog;
};

#define STORE_STMT_CACHE 256

struct store {
	const struct store_ops *ops;
	void *db;		/* the backend's connection */
	char *url;
	char *files_dir;
	int txn_depth;
	int plain_depth;	/* levels deeper than this open no savepoint
				 * (store_nested_plain); 0: none */
	struct memo *memo;	/* lookups in this transaction (memo.c) */
	/* Prepared statements cached by the address of their SQL text. */
	struct {
		const char *sql;
		struct stmt *st;
	} cache[STORE_STMT_CACHE];
	int ncache;
};

/* Whether level opens no savepoint (below store_nested_plain's level). */
static inline bool store_level_plain(const struct store *s, int level)
{
	return s->plain_depth && level > s->plain_depth;
}

/* memo.c: units and users read in the current write transaction. */
bool memo_unit_get(struct store *s, const char *code, struct unit *out);
void memo_unit_put(struct store *s, const struct unit *u);
bool memo_user_get(struct store *s, const char *login, struct user *out);
void memo_user_put(struct store *s, const struct user *u);
void memo_clear(struct store *s);
void memo_release(struct store *s);

extern const struct store_ops store_sqlite_ops;
extern const struct store_fts sqlite_practice_fts;
/* Built only with libpq (HAVE_LIBPQ). */
extern const struct store_ops store_pg_ops;
extern const struct store_fts pg_practice_fts;

/*
 * A ready statement for `sql`, which must be a string literal (the cache is
 * keyed by its address); reset and unbound. NULL with e set on error.
 */
struct stmt *store_stmt(struct store *s, const char *sql, struct err *e);

/* Thin wrappers over the ops; indices start at 1 for bind, 0 for columns. */
void db_int(struct store *s, struct stmt *st, int i, long long v);
void db_double(struct store *s, struct stmt *st, int i, double v);
/* NAN binds NULL. */
void db_double_or_null(struct store *s, struct stmt *st, int i, double v);
void db_text(struct store *s, struct stmt *st, int i, const char *v);
/* DATE_NONE binds NULL, else "YYYY-MM-DD". */
void db_date(struct store *s, struct stmt *st, int i, int day);
/* 0 binds NULL. */
void db_id(struct store *s, struct stmt *st, int i, long long id);
int db_step(struct store *s, struct stmt *st, struct err *e);
/* Runs a statement expected to return no rows. */
enum lserr db_done(struct store *s, struct stmt *st, struct err *e);
long long col_int(struct store *s, struct stmt *st, int i);
double col_double(struct store *s, struct stmt *st, int i);
/* NAN for NULL. */
double col_double_or_nan(struct store *s, struct stmt *st, int i);
const char *col_text(struct store *s, struct stmt *st, int i);
/* DATE_NONE for NULL or malformed. */
int col_date(struct store *s, struct stmt *st, int i);
bool col_null(struct store *s, struct stmt *st, int i);

/* Resets st now: ends an iteration early and releases its read snapshot. */
void db_reset(struct store *s, struct stmt *st);
/*
 * Runs a statement yielding at most one row (a lookup, or a write with
 * RETURNING) to completion and resets it: 1 with the row's first column in
 * *v (when v is not NULL), 0 when there was no row, or a negated LS_* code
 * with e set.
 */
int db_one(struct store *s, struct stmt *st, long long *v, struct err *e);
/*
 * Binds the half-open range [prefix, scope_path_upper(prefix)) of unit
 * paths to parameters i and i+1: "path >= ?i AND path < ?i+1" selects the
 * subtree. NULL or "" (every path) binds NULL to both.
 */
void db_path_range(struct store *s, struct stmt *st, int i,
		   const char *prefix);

/*
 * Copies the text columns cols[0..n-1] of the current row into arena
 * (reset first, grown once so pointers stay stable) and points dst[k] at
 * each copy (NULL for SQL NULL). n is at most COL_STRINGS_MAX.
 */
#define COL_STRINGS_MAX 16
void col_strings(struct store *s, struct stmt *st, struct buf *arena,
		 const int *cols, const char **const *dst, int n);

/* "%text%" lower-cased (ASCII), with \ % _ escaped for LIKE ... ESCAPE. */
void store_like_pattern(struct buf *pat, const char *text);

/* The not-found error every getter uses: "<what> '<key>' not found". */
enum lserr store_notfound(struct err *e, const char *field, const char *what,
			  const char *key);
/* The same for a numeric key: "task '42' not found". */
enum lserr store_notfound_id(struct err *e, const char *field,
			     const char *what, long long id);

/*
 * Why a versioned write (WHERE id = ? AND version = ?) matched no row:
 * `version_sql` selects the stored version of row `id`; LS_ENOTFOUND when
 * it is gone, else LS_EVERSION "<what> 3 has version 2, not 1".
 */
enum lserr store_stale(struct store *s, const char *version_sql,
		       const char *what, long long id, long long expected,
		       struct err *e);

/*
 * Reference checks shared by the entity files: LS_OK when the row exists
 * (or the key is NULL / 0, an absent optional reference), else
 * LS_ENOTFOUND naming `field` ("unit 'X' not found").
 */
enum lserr store_need_unit(struct store *s, const char *code,
			   const char *field, struct err *e);
enum lserr store_need_user(struct store *s, const char *login,
			   const char *field, struct err *e);
enum lserr store_need_goal(struct store *s, long long id, const char *field,
			   struct err *e);
enum lserr store_need_task(struct store *s, long long id, const char *field,
			   struct err *e);

#endif
