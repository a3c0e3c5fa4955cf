/*
 * The SQLite driver: one connection per process in WAL mode with foreign
 * keys on and synchronous=NORMAL (durable across process crashes, one fsync
 * per checkpoint), a busy timeout so concurrent writers wait rather than
 * fail, and the online backup API for `luoshi backup`.
 */
#include "store/store_int.h"
#include "util/xmalloc.h"

#include <pthread.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/migrations_sqlite.h"

struct stmt {
	sqlite3_stmt *st;
	sqlite3 *db;
	bool rowid;		/* "RETURNING id" answered from the rowid */
	bool row;		/* ...and that row is the current one */
	long long id;
	char idtext[24];
};

static const char returning_id[] = ") RETURNING id";

/*
 * The shared SQL asks for a new row's id with RETURNING, which PostgreSQL
 * needs; SQLite buffers RETURNING rows in a temporary b-tree per statement
 * (7% of an import's instructions). A single-row "INSERT ... VALUES (...)
 * RETURNING id" into a table whose id is the rowid is run without the
 * clause here and answers sqlite3_last_insert_rowid() as its one row.
 * Upserts and INSERT ... SELECT keep their RETURNING.
 */
static bool rowid_insert(const char *sql, size_t *len)
{
	size_t n = strlen(sql), r = sizeof(returning_id) - 1;

	if (strncmp(sql, "INSERT INTO ", 12) || n < r ||
	    strcmp(sql + n - r, returning_id) || !strstr(sql, ") VALUES (") ||
	    strstr(sql, "ON CONFLICT") || strstr(sql, "SELECT"))
		return false;
	*len = n - r + 1;	/* keep the closing parenthesis */
	return true;
}

static enum lserr db_error(sqlite3 *db, int rc, struct err *e,
			   const char *what)
{
	int ext = sqlite3_extended_errcode(db);

	/* Extended result codes are on: compare the primary code. */
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		enum lserr code = LS_ECONFLICT;

		if (ext == SQLITE_CONSTRAINT_FOREIGNKEY ||
		    ext == SQLITE_CONSTRAINT_NOTNULL ||
		    ext == SQLITE_CONSTRAINT_CHECK)
			code = LS_EINVAL;
		return err_set(e, code, "", "constraint failed: %s",
			       sqlite3_errmsg(db));
	}
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return err_set(e, LS_EBUSY, "db", "database busy %s, try "
			       "again: %s", what, sqlite3_errmsg(db));
	return err_set(e, LS_EFAIL, "db", "database error %s: %s", what,
		       sqlite3_errmsg(db));
}

/*
 * Before SQLite's first use: no memory statistics, which otherwise take a
 * global mutex on every allocation (a tenth of an import's instructions).
 */
static void sq_configure(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static enum lserr sq_open(struct store *s, const char *url, struct err *e)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	sqlite3 *db = NULL;
	int rc;

	pthread_once(&once, sq_configure);

	if (!strncmp(url, "sqlite:", 7))
		url += 7;
	rc = sqlite3_open_v2(url, &db, SQLITE_OPEN_READWRITE |
			     SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, LS_EFAIL, "db", "cannot open database '%s': %s",
			url, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return LS_EFAIL;
	}
	sqlite3_busy_timeout(db, 10000);
	sqlite3_extended_result_codes(db, 1);
	/*
	 * Turning a new file to WAL takes an exclusive lock and answers BUSY
	 * at once, without the busy handler, when another process opens the
	 * same new file at that moment (two `migrate` or `serve` starting
	 * together): try again for as long as the busy timeout.
	 */
	for (int tries = 0;; tries++) {
		rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL;"
				  "PRAGMA synchronous=NORMAL;"
				  "PRAGMA foreign_keys=ON;"
				  "PRAGMA temp_store=MEMORY;"
				  "PRAGMA cache_size=-8000;", NULL, NULL, NULL);
		if ((rc & 0xff) != SQLITE_BUSY || tries == 1000)
			break;
		sqlite3_sleep(10);
	}
	if (rc != SQLITE_OK) {
		err_set(e, LS_EFAIL, "db", "cannot use database '%s': %s", url,
			sqlite3_errmsg(db));
		sqlite3_close(db);
		return LS_EFAIL;
	}
	s->db = db;
	return LS_OK;
}

static void sq_close(struct store *s)
{
	sqlite3_close(s->db);
	s->db = NULL;
}

static enum lserr sq_exec(struct store *s, const char *sql, struct err *e)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);

	if (rc != SQLITE_OK)
		return db_error(s->db, rc, e, "executing statement");
	return LS_OK;
}

static struct stmt *sq_prepare(struct store *s, const char *sql,
			       struct err *e)
{
	sqlite3_stmt *st = NULL;
	struct stmt *x;
	size_t len = 0;
	bool rowid = rowid_insert(sql, &len);
	int rc = sqlite3_prepare_v3(s->db, sql, rowid ? (int)len : -1,
				    SQLITE_PREPARE_PERSISTENT, &st, NULL);

	if (rc != SQLITE_OK) {
		db_error(s->db, rc, e, "preparing statement");
		return NULL;
	}
	x = xcalloc(1, sizeof(*x));
	x->st = st;
	x->db = s->db;
	x->rowid = rowid;
	return x;
}

static void sq_finalize(struct stmt *st)
{
	if (!st)
		return;
	sqlite3_finalize(st->st);
	free(st);
}

static void sq_reset(struct stmt *st)
{
	st->row = false;
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
}

static void sq_bind_int(struct stmt *st, int i, long long v)
{
	sqlite3_bind_int64(st->st, i, v);
}

static void sq_bind_double(struct stmt *st, int i, double v)
{
	sqlite3_bind_double(st->st, i, v);
}

static void sq_bind_text(struct stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st->st, i);
}

static void sq_bind_null(struct stmt *st, int i)
{
	sqlite3_bind_null(st->st, i);
}

static int sq_step(struct stmt *st, struct err *e)
{
	int rc;

	if (st->row) {		/* the one row of a rowid insert was read */
		st->row = false;
		return 0;
	}
	rc = sqlite3_step(st->st);
	if (rc == SQLITE_DONE && st->rowid) {
		st->id = sqlite3_last_insert_rowid(st->db);
		st->row = true;
		return 1;
	}
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	rc = (int)db_error(st->db, rc, e, "running statement");
	sqlite3_reset(st->st);
	return -rc;
}

static bool sq_col_null(struct stmt *st, int i)
{
	if (st->row)
		return false;
	return sqlite3_column_type(st->st, i) == SQLITE_NULL;
}

static long long sq_col_int(struct stmt *st, int i)
{
	if (st->row)
		return st->id;
	return sqlite3_column_int64(st->st, i);
}

static double sq_col_double(struct stmt *st, int i)
{
	if (st->row)
		return (double)st->id;
	return sqlite3_column_double(st->st, i);
}

static const char *sq_col_text(struct stmt *st, int i)
{
	if (st->row) {
		snprintf(st->idtext, sizeof(st->idtext), "%lld", st->id);
		return st->idtext;
	}
	return (const char *)sqlite3_column_text(st->st, i);
}

static int sq_col_bytes(struct stmt *st, int i)
{
	if (st->row)
		return (int)strlen(sq_col_text(st, i));
	sqlite3_column_text(st->st, i);
	return sqlite3_column_bytes(st->st, i);
}

static enum col_kind sq_col_kind(struct stmt *st, int i)
{
	if (st->row)
		return COL_INT;
	switch (sqlite3_column_type(st->st, i)) {
	case SQLITE_NULL:
		return COL_NULL;
	case SQLITE_INTEGER:
		return COL_INT;
	case SQLITE_FLOAT:
		return COL_REAL;
	default:
		return COL_TEXT;
	}
}

/*
 * The catalogue for luoshi copy. Virtual tables (practices_fts) and their
 * shadow tables are not data: the triggers on practices fill them as the
 * rows arrive. Rows go in rowid order, the order they were inserted in,
 * so a unit's parent comes before it; foreign keys are checked at commit
 * anyway (defer_foreign_keys).
 */
static const struct store_catalog sqlite_catalog = {
	.tables_sql =
		"SELECT s.name FROM sqlite_schema s "
		"JOIN pragma_table_list l ON l.name = s.name "
		"AND l.schema = 'main' "
		"WHERE s.type = 'table' AND l.type = 'table' "
		"AND s.name NOT LIKE 'sqlite%' AND s.name <> 'schema_version' "
		"ORDER BY s.rowid",
	.columns_sql =
		"SELECT name, pk FROM pragma_table_info(?1) ORDER BY cid",
	.parents_sql =
		"SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?1)",
	.snapshot_sql = "BEGIN",
	.row_order = "rowid",
	.defer_sql = "PRAGMA defer_foreign_keys = ON",
	.reseed_sql = NULL,
};

/* Copies every page of src into dst, in steps so readers are not starved. */
static int copy_db(sqlite3 *dst, sqlite3 *src)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	int rc;

	if (!b)
		return sqlite3_errcode(dst);
	do {
		rc = sqlite3_backup_step(b, 1024);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static enum lserr sq_backup(struct store *s, const char *path, struct err *e)
{
	sqlite3 *dst = NULL;
	int rc;

	rc = sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE |
			     SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		err_set(e, LS_EFAIL, "file", "cannot create backup '%s': %s",
			path, dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		sqlite3_close(dst);
		return LS_EFAIL;
	}
	rc = copy_db(dst, s->db);
	if (rc != SQLITE_OK) {
		err_set(e, LS_EFAIL, "file", "backup to '%s' failed: %s",
			path, sqlite3_errstr(rc));
		sqlite3_close(dst);
		return LS_EFAIL;
	}
	sqlite3_close(dst);
	return LS_OK;
}

static enum lserr sq_restore(struct store *s, const char *path, struct err *e)
{
	sqlite3 *src = NULL;
	sqlite3_stmt *st = NULL;
	enum lserr rc = LS_OK;
	int r;

	r = sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL);
	if (r == SQLITE_OK)
		r = sqlite3_prepare_v2(src, "SELECT count(*) FROM "
				       "schema_version JOIN audit_head", -1,
				       &st, NULL);
	if (r != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW ||
	    sqlite3_column_int(st, 0) < 1) {
		rc = err_set(e, LS_EINVAL, "file", "'%s' is not a luoshi "
			     "backup", path);
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	r = copy_db(s->db, src);
	if (r != SQLITE_OK)
		rc = err_set(e, LS_EFAIL, "file", "restore from '%s' failed: "
			     "%s", path, sqlite3_errstr(r));
out:
	sqlite3_finalize(st);
	sqlite3_close(src);
	return rc;
}

const struct store_ops store_sqlite_ops = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.finalize = sq_finalize,
	.reset = sq_reset,
	.bind_int = sq_bind_int,
	.bind_double = sq_bind_double,
	.bind_text = sq_bind_text,
	.bind_null = sq_bind_null,
	.step = sq_step,
	.col_null = sq_col_null,
	.col_int = sq_col_int,
	.col_double = sq_col_double,
	.col_text = sq_col_text,
	.col_bytes = sq_col_bytes,
	.col_kind = sq_col_kind,
	.stream = NULL,
	.begin_sql = "BEGIN IMMEDIATE",
	.backup = sq_backup,
	.restore = sq_restore,
	.migrations = sqlite_migrations,
	.practice_fts = &sqlite_practice_fts,
	.catalog = &sqlite_catalog,
};
