/*
 * The PostgreSQL driver (issue 7): the ops of store_int.h over libpq, so
 * the entity files' shared SQL runs unchanged. Statements are prepared
 * once per connection (PQprepare, placeholders translated by pg_sql.c)
 * and run with text parameters; a result is fetched whole, so a caller
 * may run other statements while it walks the rows, as with SQLite.
 * Write transactions take one transaction-scoped advisory lock, which
 * gives SQLite's BEGIN IMMEDIATE semantics (one writer at a time, across
 * every process on the database): read-then-write code such as the audit
 * chain head stays correct without per-table locking. Inside a
 * transaction each write runs under its own savepoint, so that a failed
 * one (a duplicate code) leaves the transaction usable, as in SQLite,
 * rather than aborting it as PostgreSQL does (not after
 * store_nested_plain: that caller undoes everything on a failure). A lost
 * connection is re-opened on the next statement outside a transaction,
 * and the statements are prepared again there; while the server cannot
 * be reached every statement fails with LS_EBUSY (HTTP 503), so that a
 * server on this store answers 503 until the database is back, then
 * recovers by itself. A statement marked for streaming (luoshi copy
 * reading a whole table) comes in single-row mode instead.
 */
#include "store/pg_sql.h"
#include "store/store_int.h"
#include "util/module.h"
#include "util/xmalloc.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/migrations_pg.h"

struct pgconn {
	PGconn *conn;
	struct store *s;
	unsigned gen;		/* bumped at each reconnection */
	unsigned nstmt;		/* statements are named s1, s2, ... */
};

struct stmt {
	struct pgconn *pc;
	char *sql;		/* with $N placeholders */
	char name[24];
	unsigned gen;		/* pc->gen it was prepared in */
	int nparams;
	Oid *types;		/* NULL: the server infers them all */
	bool typed;		/* types worked out (see infer_types) */
	bool write;		/* INSERT, UPDATE or DELETE */
	char **vals;		/* NULL entries bind SQL NULL */
	PGresult *res;
	int row, nrows;
	bool ran;
	bool stream;		/* single-row mode (pg_stream) */
	bool pending;		/* streaming: rows still to come */
};

/* pg_type.oid of text (catalog/pg_type_d.h, not in libpq-fe.h). */
#define TEXT_OID 25

/* 'luos': the key of the writers' advisory lock. */
static const char begin_sql[] =
	"BEGIN; SELECT pg_advisory_xact_lock(1819635571)";

static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

/*
 * Each execution planned for its values: the shared SQL's optional
 * filters ("?2 IS NULL OR status = ?2") defeat a generic plan, which
 * PostgreSQL would otherwise switch to after five runs (a task list
 * filtered by status at 100,000 tasks: 25 requests/s generic, 900
 * custom; docs/operations.md). Set again on each new connection.
 */
static const char session_sql[] = "SET plan_cache_mode = force_custom_plan";

static void session_setup(PGconn *c)
{
	PQsetNoticeProcessor(c, quiet, NULL);
	PQclear(PQexec(c, session_sql));
}

/* The server's message without its "ERROR:  " prefix and newline. */
static void message(PGconn *c, PGresult *r, char *out, size_t n)
{
	const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY)
			  : NULL;
	size_t len;

	snprintf(out, n, "%s", m ? m : PQerrorMessage(c));
	len = strlen(out);
	while (len > 0 && (out[len - 1] == '\n' || out[len - 1] == ' '))
		out[--len] = '\0';
}

static enum lserr pg_error(PGconn *c, PGresult *r, struct err *e,
			   const char *what)
{
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE)
			      : NULL;
	char msg[512];

	message(c, r, msg, sizeof(msg));
	/* The server gone (stopped, restarting, network): 503, not 500. */
	if (PQstatus(c) != CONNECTION_OK || !state ||
	    !strncmp(state, "08", 2) || !strncmp(state, "57P", 3))
		return err_set(e, LS_EBUSY, "db", "database unavailable %s, "
			       "try again later: %s", what, msg);
	/* Class 23: unique (and exclusion) conflicts, else bad values. */
	if (!strcmp(state, "23505") || !strcmp(state, "23P01"))
		return err_set(e, LS_ECONFLICT, "", "constraint failed: %s",
			       msg);
	if (!strncmp(state, "23", 2))
		return err_set(e, LS_EINVAL, "", "constraint failed: %s", msg);
	if (!strcmp(state, "40001") || !strcmp(state, "40P01") ||
	    !strcmp(state, "55P03") || !strcmp(state, "57014") ||
	    !strcmp(state, "53300"))
		return err_set(e, LS_EBUSY, "db", "database busy %s, try "
			       "again: %s", what, msg);
	return err_set(e, LS_EFAIL, "db", "database error %s: %s", what, msg);
}

/* Byte order is what unit paths and every ORDER BY on text assume. */
static const char collation_sql[] =
	"SELECT datcollate FROM pg_database "
	"WHERE datname = current_database()";

static enum lserr check_collation(PGconn *c, const char *url, struct err *e)
{
	PGresult *r = PQexec(c, collation_sql);
	enum lserr rc = LS_OK;
	const char *v;

	if (PQresultStatus(r) != PGRES_TUPLES_OK || PQntuples(r) != 1) {
		rc = pg_error(c, r, e, "reading the collation");
		goto out;
	}
	v = PQgetvalue(r, 0, 0);
	if (strcmp(v, "C") && strcmp(v, "POSIX") && strcmp(v, "C.UTF-8") &&
	    strcmp(v, "C.utf8"))
		rc = err_set(e, LS_EINVAL, "db", "database '%s' has collation "
			     "'%s', not 'C': create it with LC_COLLATE 'C' "
			     "TEMPLATE template0", url, v);
out:
	PQclear(r);
	return rc;
}

static enum lserr pg_open(struct store *s, const char *url, struct err *e)
{
	struct pgconn *pc;
	char shown[512];
	PGconn *c;

	store_url_shown(url, shown, sizeof(shown));
	c = PQconnectdb(url);
	if (PQstatus(c) != CONNECTION_OK) {
		char msg[512];

		message(c, NULL, msg, sizeof(msg));
		err_set(e, LS_EFAIL, "db", "cannot connect to database '%s': "
			"%s", shown, msg);
		PQfinish(c);
		return LS_EFAIL;
	}
	session_setup(c);
	if (check_collation(c, shown, e) != LS_OK) {
		PQfinish(c);
		return e->code;
	}
	pc = xcalloc(1, sizeof(*pc));
	pc->conn = c;
	pc->s = s;
	pc->gen = 1;
	s->db = pc;
	return LS_OK;
}

static void pg_close(struct store *s)
{
	struct pgconn *pc = s->db;

	if (!pc)
		return;
	PQfinish(pc->conn);
	free(pc);
	s->db = NULL;
}

/*
 * After a failure on a lost connection: a new one, if no transaction was
 * open on the old (its work is gone, the caller must fail). Statements
 * notice the new generation and prepare themselves again.
 */
static bool reconnect(struct pgconn *pc, bool in_txn)
{
	if (PQstatus(pc->conn) == CONNECTION_OK || in_txn)
		return false;
	PQreset(pc->conn);
	if (PQstatus(pc->conn) != CONNECTION_OK)
		return false;
	session_setup(pc->conn);
	pc->gen++;
	return true;
}

static enum lserr pg_exec(struct store *s, const char *sql, struct err *e)
{
	struct pgconn *pc = s->db;
	/* store_begin counts the transaction before it runs BEGIN. */
	bool in_txn = s->txn_depth > (sql == begin_sql ? 1 : 0);
	PGresult *r = PQexec(pc->conn, sql);
	ExecStatusType t = PQresultStatus(r);
	enum lserr rc = LS_OK;

	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK &&
	    reconnect(pc, in_txn)) {
		PQclear(r);
		r = PQexec(pc->conn, sql);
		t = PQresultStatus(r);
	}
	if (t != PGRES_COMMAND_OK && t != PGRES_TUPLES_OK)
		rc = pg_error(pc->conn, r, e, "executing statement");
	else if (!strcmp(sql, "COMMIT") && !strcmp(PQcmdStatus(r), "ROLLBACK"))
		/* An earlier statement failed: PostgreSQL rolled back. */
		rc = err_set(e, LS_EFAIL, "db", "transaction rolled back "
			     "after an earlier error");
	PQclear(r);
	return rc;
}

/* Runs a utility command whose failure the next statement will report. */
static void utility(struct pgconn *pc, const char *sql)
{
	PQclear(PQexec(pc->conn, sql));
}

/*
 * PostgreSQL types a parameter at its first use, and cannot from "$1 IS
 * NULL": a probe without those tests (pg_sql.c) is prepared unnamed and
 * described, and its types are given when the statement is prepared.
 */
static enum lserr infer_types(struct stmt *st, struct err *e)
{
	struct pgconn *pc = st->pc;
	bool *only = xcalloc((size_t)st->nparams + 1, sizeof(*only));
	char *probe = pg_sql_probe(st->sql, st->nparams, only);
	PGresult *r = NULL, *d = NULL;
	enum lserr rc = LS_OK;

	if (!probe)
		goto out;
	st->types = xcalloc((size_t)st->nparams + 1, sizeof(*st->types));
	for (int i = 0; i < st->nparams; i++)
		st->types[i] = only[i] ? TEXT_OID : 0;
	r = PQprepare(pc->conn, "", probe, st->nparams, st->types);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		rc = pg_error(pc->conn, r, e, "preparing statement");
		goto out;
	}
	d = PQdescribePrepared(pc->conn, "");
	if (PQresultStatus(d) != PGRES_COMMAND_OK) {
		rc = pg_error(pc->conn, d, e, "preparing statement");
		goto out;
	}
	for (int i = 0; i < st->nparams && i < PQnparams(d); i++)
		st->types[i] = PQparamtype(d, i);
out:
	PQclear(d);
	PQclear(r);
	free(probe);
	free(only);
	return rc;
}

/*
 * Inside a transaction, under a savepoint: a statement that cannot be
 * prepared (store_initialised's on a new database) must not abort it.
 */
static enum lserr prepare_now(struct stmt *st, struct err *e)
{
	struct pgconn *pc = st->pc;
	bool guard = pc->s->txn_depth > 0;
	PGresult *r = NULL;
	enum lserr rc = LS_OK;

	if (guard)
		utility(pc, "SAVEPOINT luoshi_prep");
	if (!st->typed) {
		if ((rc = infer_types(st, e)) != LS_OK)
			goto out;
		st->typed = true;
	}
	snprintf(st->name, sizeof(st->name), "s%u", ++pc->nstmt);
	r = PQprepare(pc->conn, st->name, st->sql, st->nparams, st->types);
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = pg_error(pc->conn, r, e, "preparing statement");
	else
		st->gen = pc->gen;
out:
	if (guard)
		utility(pc, rc == LS_OK ? "RELEASE SAVEPOINT luoshi_prep" :
			"ROLLBACK TO SAVEPOINT luoshi_prep; "
			"RELEASE SAVEPOINT luoshi_prep");
	PQclear(r);
	return rc;
}

static struct stmt *pg_prepare(struct store *s, const char *sql,
			       struct err *e)
{
	struct stmt *st = xcalloc(1, sizeof(*st));

	st->pc = s->db;
	st->write = !strncasecmp(sql, "INSERT", 6) ||
		    !strncasecmp(sql, "UPDATE", 6) ||
		    !strncasecmp(sql, "DELETE", 6);
	st->sql = pg_sql_translate(sql, &st->nparams);
	st->vals = xcalloc((size_t)st->nparams + 1, sizeof(*st->vals));
	if (prepare_now(st, e) != LS_OK &&
	    (!reconnect(st->pc, s->txn_depth > 0) ||
	     prepare_now(st, e) != LS_OK)) {
		free(st->vals);
		free(st->types);
		free(st->sql);
		free(st);
		return NULL;
	}
	return st;
}

/* Ends a stream early: cancels the query and reads what is left. */
static void drain(struct stmt *st)
{
	PGconn *c = st->pc->conn;
	PGcancel *k;
	PGresult *r;
	char msg[256];

	if (!st->pending)
		return;
	PQclear(st->res);
	st->res = NULL;
	if ((k = PQgetCancel(c))) {
		PQcancel(k, msg, (int)sizeof(msg));
		PQfreeCancel(k);
	}
	while ((r = PQgetResult(c)))
		PQclear(r);
	st->pending = false;
}

static void clear_result(struct stmt *st)
{
	drain(st);
	PQclear(st->res);
	st->res = NULL;
	st->ran = false;
	st->row = st->nrows = 0;
}

/*
 * A prepared statement lives as long as its session: one finalized (not
 * cached: /healthz's, the migrations') is deallocated, else every health
 * check would leave one more in the server's memory. Not inside a
 * transaction, where a failure would abort it (rare: migrations).
 */
static void pg_finalize(struct stmt *st)
{
	char sql[40];

	if (!st)
		return;
	if (st->name[0] && st->gen == st->pc->gen &&
	    st->pc->s->txn_depth == 0 &&
	    PQstatus(st->pc->conn) == CONNECTION_OK) {
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", st->name);
		utility(st->pc, sql);
	}
	clear_result(st);
	for (int i = 0; i < st->nparams; i++)
		free(st->vals[i]);
	free(st->vals);
	free(st->types);
	free(st->sql);
	free(st);
}

static void pg_reset(struct stmt *st)
{
	clear_result(st);
	for (int i = 0; i < st->nparams; i++) {
		free(st->vals[i]);
		st->vals[i] = NULL;
	}
}

static void set_val(struct stmt *st, int i, char *v)
{
	if (i < 1 || i > st->nparams) {
		free(v);
		return;
	}
	free(st->vals[i - 1]);
	st->vals[i - 1] = v;
}

static void pg_bind_int(struct stmt *st, int i, long long v)
{
	set_val(st, i, xasprintf("%lld", v));
}

static void pg_bind_double(struct stmt *st, int i, double v)
{
	set_val(st, i, xasprintf("%.17g", v));
}

static void pg_bind_text(struct stmt *st, int i, const char *v)
{
	set_val(st, i, v ? xstrdup(v) : NULL);
}

static void pg_bind_null(struct stmt *st, int i)
{
	set_val(st, i, NULL);
}

/*
 * The result, or NULL with *e saying why (libpq answers NULL, not an
 * error result, when it cannot even send: the connection is gone).
 */
static PGresult *run(struct stmt *st, struct err *e)
{
	struct pgconn *pc = st->pc;
	PGresult *r;

	if (st->gen != pc->gen && prepare_now(st, e) != LS_OK)
		return NULL;
	r = PQexecPrepared(pc->conn, st->name, st->nparams,
			   (const char *const *)st->vals, NULL, NULL, 0);
	if (!r)
		pg_error(pc->conn, NULL, e, "running statement");
	return r;
}

static void pg_stream(struct stmt *st)
{
	st->stream = true;
}

/* The next row of a streamed statement: 1, 0 at the end, or -LS_*. */
static int step_stream(struct stmt *st, struct err *e)
{
	PGconn *c = st->pc->conn;
	ExecStatusType t;
	int rc = 0;

	if (!st->ran) {
		if (st->gen != st->pc->gen && prepare_now(st, e) != LS_OK)
			return -(int)e->code;
		if (!PQsendQueryPrepared(c, st->name, st->nparams,
					 (const char *const *)st->vals, NULL,
					 NULL, 0))
			return -(int)pg_error(c, NULL, e, "running statement");
		PQsetSingleRowMode(c);
		st->ran = st->pending = true;
	}
	if (!st->pending)
		return 0;
	PQclear(st->res);
	st->res = PQgetResult(c);
	t = PQresultStatus(st->res);
	if (t == PGRES_SINGLE_TUPLE) {
		st->row = 0;
		st->nrows = 1;
		return 1;
	}
	if (t != PGRES_TUPLES_OK)
		rc = -(int)pg_error(c, st->res, e, "running statement");
	PQclear(st->res);
	st->res = NULL;
	st->row = st->nrows = 0;
	/* The end (or the error): read up to the final NULL. */
	for (PGresult *r; (r = PQgetResult(c));)
		PQclear(r);
	st->pending = false;
	return rc;
}

static int pg_step(struct stmt *st, struct err *e)
{
	struct pgconn *pc = st->pc;
	bool in_txn = pc->s->txn_depth > 0;
	bool guard = in_txn && st->write &&
		!store_level_plain(pc->s, pc->s->txn_depth);
	ExecStatusType t;

	if (st->stream)
		return step_stream(st, e);
	if (!st->ran) {
		if (guard)
			utility(pc, "SAVEPOINT luoshi_stmt");
		st->res = run(st, e);
		t = PQresultStatus(st->res);
		if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK &&
		    reconnect(pc, in_txn)) {
			PQclear(st->res);
			st->res = run(st, e);
			t = PQresultStatus(st->res);
		}
		if (t != PGRES_TUPLES_OK && t != PGRES_COMMAND_OK) {
			/* No result: run has said why. */
			int rc = st->res ? (int)pg_error(pc->conn, st->res, e,
							 "running statement")
					 : (int)e->code;

			if (guard)
				utility(pc, "ROLLBACK TO SAVEPOINT luoshi_stmt;"
					" RELEASE SAVEPOINT luoshi_stmt");
			clear_result(st);
			return -rc;
		}
		if (guard)
			utility(pc, "RELEASE SAVEPOINT luoshi_stmt");
		st->ran = true;
		st->row = -1;
		st->nrows = PQntuples(st->res);
	}
	if (st->row + 1 < st->nrows) {
		st->row++;
		return 1;
	}
	st->row = st->nrows;
	return 0;
}

static const char *value(struct stmt *st, int i)
{
	if (!st->res || st->row < 0 || st->row >= st->nrows ||
	    i >= PQnfields(st->res) || PQgetisnull(st->res, st->row, i))
		return NULL;
	return PQgetvalue(st->res, st->row, i);
}

static bool pg_col_null(struct stmt *st, int i)
{
	return value(st, i) == NULL;
}

/* Booleans come back as 't' / 'f': SQLite's 1 / 0. */
static long long pg_col_int(struct stmt *st, int i)
{
	const char *v = value(st, i);

	if (!v)
		return 0;
	if (!strcmp(v, "t"))
		return 1;
	return strtoll(v, NULL, 10);
}

static double pg_col_double(struct stmt *st, int i)
{
	const char *v = value(st, i);

	return v ? strtod(v, NULL) : 0;
}

static const char *pg_col_text(struct stmt *st, int i)
{
	return value(st, i);
}

static int pg_col_bytes(struct stmt *st, int i)
{
	return value(st, i) ? PQgetlength(st->res, st->row, i) : 0;
}

/* int8 / int4 / int2, float8 / float4 / numeric (catalog/pg_type_d.h) */
static enum col_kind pg_col_kind(struct stmt *st, int i)
{
	if (!value(st, i))
		return COL_NULL;
	switch (PQftype(st->res, i)) {
	case 20: case 21: case 23:
		return COL_INT;
	case 700: case 701: case 1700:
		return COL_REAL;
	default:
		return COL_TEXT;
	}
}

/*
 * The catalogue for luoshi copy, in the current schema. Rows go in
 * primary key order; identity columns get their sequences set past the
 * largest id once the rows are in (setval, one DO block: the table
 * names come from the catalogue, quoted by format's %I).
 */
static const struct store_catalog pg_catalog = {
	.tables_sql =
		"SELECT c.relname FROM pg_class c "
		"JOIN pg_namespace n ON n.oid = c.relnamespace "
		"WHERE n.nspname = current_schema() "
		"AND c.relkind IN ('r', 'p') "
		"AND c.relname <> 'schema_version' ORDER BY c.oid",
	.columns_sql =
		"SELECT a.attname, coalesce((SELECT u.k FROM pg_index i, "
		"unnest(i.indkey::int2[]) WITH ORDINALITY AS u(att, k) "
		"WHERE i.indrelid = a.attrelid AND i.indisprimary "
		"AND u.att = a.attnum), 0) "
		"FROM pg_attribute a WHERE a.attrelid = ?1::regclass "
		"AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum",
	.parents_sql =
		"SELECT DISTINCT r.relname FROM pg_constraint c "
		"JOIN pg_class r ON r.oid = c.confrelid "
		"WHERE c.conrelid = ?1::regclass AND c.contype = 'f'",
	.snapshot_sql = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
	.row_order = NULL,
	.defer_sql = NULL,
	.reseed_sql =
		"DO $$DECLARE r record; m bigint; BEGIN "
		"FOR r IN SELECT c.relname AS t, a.attname AS col "
		"FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
		"JOIN pg_namespace n ON n.oid = c.relnamespace "
		"WHERE n.nspname = current_schema() AND a.attidentity <> '' "
		"AND a.attnum > 0 LOOP "
		"EXECUTE format('SELECT max(%I) FROM %I', r.col, r.t) INTO m; "
		"PERFORM setval(pg_get_serial_sequence(format('%I', r.t), "
		"r.col), coalesce(m, 0) + 1, false); "
		"END LOOP; END$$",
};

static enum lserr pg_backup(struct store *s, const char *path, struct err *e)
{
	(void)s;
	return err_set(e, LS_EINVAL, "db", "cannot back up a PostgreSQL "
		       "database to '%s': use pg_dump (docs/operations.md)",
		       path);
}

static enum lserr pg_restore(struct store *s, const char *path,
			     struct err *e)
{
	(void)s;
	return err_set(e, LS_EINVAL, "db", "cannot restore '%s' into a "
		       "PostgreSQL database: use pg_restore "
		       "(docs/operations.md)", path);
}

const struct store_ops store_pg_ops = {
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.finalize = pg_finalize,
	.reset = pg_reset,
	.bind_int = pg_bind_int,
	.bind_double = pg_bind_double,
	.bind_text = pg_bind_text,
	.bind_null = pg_bind_null,
	.step = pg_step,
	.col_null = pg_col_null,
	.col_int = pg_col_int,
	.col_double = pg_col_double,
	.col_text = pg_col_text,
	.col_bytes = pg_col_bytes,
	.col_kind = pg_col_kind,
	.stream = pg_stream,
	.begin_sql = begin_sql,
	.backup = pg_backup,
	.restore = pg_restore,
	.migrations = pg_migrations,
	.practice_fts = &pg_practice_fts,
	.catalog = &pg_catalog,
};

MODULE(pg, MODULE_PG, &store_pg_ops);
