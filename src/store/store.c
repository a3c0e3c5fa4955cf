/*
 * The backend-independent half of the store: choosing a backend by URL,
 * transactions, migrations, the prepared-statement cache and the typed
 * wrappers entity files use.
 */
#include "store/store_int.h"
#include "util/date.h"
#include "util/module.h"
#include "util/xmalloc.h"

#include <assert.h>
#include <math.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct store *store_open(const char *url, struct err *e)
{
	struct store *s;

	if (!url || !*url) {
		err_set(e, LS_EINVAL, "db", "empty database path");
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->ops = &store_sqlite_ops;
	if (!strncmp(url, "postgresql://", 13) ||
	    !strncmp(url, "postgres://", 11)) {
#ifdef HAVE_LIBPQ
		const char *files = getenv("LUOSHI_FILES");

		/* A server's database has no file beside it for evidence. */
		if (!(s->ops = module_api(MODULE_PG, e))) {
			free(s);
			return NULL;
		}
		s->files_dir = xstrdup(files && *files ? files :
				       "luoshi.files");
#else
		err_set(e, LS_EFAIL, "db",
			"PostgreSQL support is not built in this luoshi "
			"(database '%s')", url);
		free(s);
		return NULL;
#endif
	} else {
		s->files_dir = xasprintf("%s.files", url);
	}
	s->url = xstrdup(url);
	if (s->ops->open(s, url, e) != LS_OK) {
		free(s->url);
		free(s->files_dir);
		free(s);
		return NULL;
	}
	return s;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->ncache; i++)
		s->ops->finalize(s->cache[i].st);
	s->ops->close(s);
	memo_release(s);
	free(s->url);
	free(s->files_dir);
	free(s);
}

const char *store_backend(const struct store *s)
{
	return s->ops->name;
}

const char *store_files_dir(const struct store *s)
{
	return s->files_dir;
}

/*
 * Writers of this process take turns before BEGIN, so the server's
 * threads queue for the write lock instead of polling SQLite's busy
 * handler; readers never take it (WAL lets them run beside the writer).
 * Other processes still meet SQLite's busy timeout. A semaphore, not a
 * mutex: the server's group commit (http/server.c) may end on another
 * thread the transaction one thread began.
 */
static sem_t write_lock;
static pthread_once_t write_lock_once = PTHREAD_ONCE_INIT;

static void write_lock_init(void)
{
	sem_init(&write_lock, 0, 1);
}

static void write_lock_take(void)
{
	pthread_once(&write_lock_once, write_lock_init);
	while (sem_wait(&write_lock) && errno == EINTR)
		;
}

static void write_lock_give(void)
{
	sem_post(&write_lock);
}

/*
 * Savepoints, one per nested begin: an import opens one per row, so they
 * run as cached statements rather than being parsed each time.
 */
static const char savepoint_sql[] = "SAVEPOINT nested";
static const char release_sql[] = "RELEASE nested";
static const char rollback_to_sql[] = "ROLLBACK TO nested";

static enum lserr exec_cached(struct store *s, const char *sql,
			      struct err *e)
{
	struct stmt *st = store_stmt(s, sql, e);

	return st ? db_done(s, st, e) : e->code;
}

enum lserr store_begin(struct store *s, struct err *e)
{
	enum lserr rc;

	if (s->txn_depth > 0) {
		rc = store_level_plain(s, s->txn_depth + 1) ? LS_OK :
			exec_cached(s, savepoint_sql, e);
		if (rc == LS_OK)
			s->txn_depth++;
		return rc;
	}
	s->txn_depth = 1;
	s->plain_depth = 0;
	memo_clear(s);
	write_lock_take();
	rc = s->ops->exec(s, s->ops->begin_sql, e);
	if (rc != LS_OK) {
		s->txn_depth = 0;
		write_lock_give();
	}
	return rc;
}

/* Leaving level txn_depth: the plain region ends with its own level. */
static bool leave_level(struct store *s)
{
	bool plain = store_level_plain(s, s->txn_depth);

	if (s->txn_depth == s->plain_depth)
		s->plain_depth = 0;
	s->txn_depth--;
	return plain;
}

enum lserr store_commit(struct store *s, struct err *e)
{
	enum lserr rc;

	if (s->txn_depth == 0)
		return LS_OK;
	if (s->txn_depth > 1)
		return leave_level(s) ? LS_OK : exec_cached(s, release_sql, e);
	s->txn_depth = 0;
	s->plain_depth = 0;
	memo_clear(s);
	rc = s->ops->exec(s, "COMMIT", e);
	if (rc != LS_OK) {
		struct err ignored = ERR_INIT;

		s->ops->exec(s, "ROLLBACK", &ignored);
	}
	write_lock_give();
	return rc;
}

void store_rollback(struct store *s)
{
	struct err ignored = ERR_INIT;

	if (s->txn_depth == 0)
		return;
	memo_clear(s);
	if (s->txn_depth > 1) {
		if (leave_level(s))
			return;
		exec_cached(s, rollback_to_sql, &ignored);
		exec_cached(s, release_sql, &ignored);
		return;
	}
	s->txn_depth = 0;
	s->plain_depth = 0;
	s->ops->exec(s, "ROLLBACK", &ignored);
	write_lock_give();
}

void store_nested_plain(struct store *s)
{
	if (s->txn_depth > 0 && !s->plain_depth)
		s->plain_depth = s->txn_depth;
}

int store_depth(const struct store *s)
{
	return s->txn_depth;
}

bool store_in_transaction(const struct store *s)
{
	return s->txn_depth > 0;
}

enum lserr store_backup(struct store *s, const char *path, struct err *e)
{
	return s->ops->backup(s, path, e);
}

enum lserr store_restore(struct store *s, const char *path, struct err *e)
{
	return s->ops->restore(s, path, e);
}

struct stmt *store_stmt(struct store *s, const char *sql, struct err *e)
{
	struct stmt *st;

	for (int i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql) {
			s->ops->reset(s->cache[i].st);
			return s->cache[i].st;
		}
	}
	/*
	 * Statements are never evicted: one may still be stepping in an
	 * outer "each". The set of SQL texts is fixed at compile time, so a
	 * full cache is a programming error.
	 */
	if (s->ncache == STORE_STMT_CACHE) {
		fprintf(stderr, "luoshi: fatal: statement cache full (%d)\n",
			STORE_STMT_CACHE);
		abort();
	}
	st = s->ops->prepare(s, sql, e);
	if (!st)
		return NULL;
	s->cache[s->ncache].sql = sql;
	s->cache[s->ncache].st = st;
	s->ncache++;
	return st;
}

/* Migrations: schema_version table, one row per applied migration. */

static const char schema_version_sql[] =
	"SELECT coalesce(max(version), 0) FROM schema_version";

static const char schema_exists_sql[] =
	"SELECT count(*) FROM schema_version";

bool store_initialised(struct store *s)
{
	struct err e = ERR_INIT;
	struct stmt *st = s->ops->prepare(s, schema_exists_sql, &e);
	bool ok;

	if (!st)
		return false;
	ok = s->ops->step(st, &e) == 1 && s->ops->col_int(st, 0) > 0;
	s->ops->finalize(st);
	return ok;
}

int store_schema_version(struct store *s)
{
	struct err e = ERR_INIT;
	struct stmt *st = s->ops->prepare(s, schema_version_sql, &e);
	int v = 0;

	if (!st)
		return 0;
	if (s->ops->step(st, &e) == 1)
		v = (int)s->ops->col_int(st, 0);
	s->ops->finalize(st);
	return v;
}

static const char record_version_sql[] =
	"INSERT INTO schema_version (version, applied_at) VALUES (?, ?)";

int store_latest_version(const struct store *s)
{
	int n = 0;

	while (s->ops->migrations[n])
		n++;
	return n;
}

/*
 * Everything runs in one write transaction, which is the lock: SQLite's
 * BEGIN IMMEDIATE, or on PostgreSQL the writers' advisory lock that
 * begin_sql takes (pg_advisory_xact_lock, released by COMMIT or by the
 * connection's end, so a killed migrate cannot leave it held). The
 * version is read again under it: of two processes migrating at once,
 * the second waits, then finds every migration applied.
 */
enum lserr store_migrate_report(struct store *s, int *before, int *after,
				struct err *e)
{
	const char *const *m = s->ops->migrations;
	int latest = store_latest_version(s);
	enum lserr rc;
	int have = 0;

	if (store_initialised(s) && (have = store_schema_version(s)) >= latest)
		goto done;
	if ((rc = store_begin(s, e)) != LS_OK)
		return rc;
	rc = s->ops->exec(s, "CREATE TABLE IF NOT EXISTS schema_version ("
			  "version INTEGER PRIMARY KEY, "
			  "applied_at TEXT NOT NULL)", e);
	if (rc != LS_OK)
		goto fail;
	have = store_schema_version(s);
	for (int v = have; v < latest; v++) {
		struct stmt *st;
		char now[INSTANT_STRLEN];

		rc = s->ops->exec(s, m[v], e);
		if (rc != LS_OK)
			goto fail;
		st = store_stmt(s, record_version_sql, e);
		if (!st) {
			rc = e->code;
			goto fail;
		}
		db_int(s, st, 1, v + 1);
		db_text(s, st, 2, instant_format((long long)time(NULL), now));
		if ((rc = db_done(s, st, e)) != LS_OK)
			goto fail;
	}
	if ((rc = store_commit(s, e)) != LS_OK)
		return rc;
done:
	if (before)
		*before = have;
	if (after)
		*after = have > latest ? have : latest;
	return LS_OK;
fail:
	store_rollback(s);
	return rc;
}

enum lserr store_migrate(struct store *s, struct err *e)
{
	return store_migrate_report(s, NULL, NULL, e);
}

void store_url_shown(const char *url, char *out, size_t n)
{
	const char *at = strchr(url, '@');
	const char *scheme = strstr(url, "://");
	const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;

	if (at && colon && colon < at)
		snprintf(out, n, "%.*s%s", (int)(colon - url), url, at);
	else
		snprintf(out, n, "%s", url);
}

/* Typed wrappers */

void db_int(struct store *s, struct stmt *st, int i, long long v)
{
	s->ops->bind_int(st, i, v);
}

void db_double(struct store *s, struct stmt *st, int i, double v)
{
	s->ops->bind_double(st, i, v);
}

void db_double_or_null(struct store *s, struct stmt *st, int i, double v)
{
	if (isnan(v))
		s->ops->bind_null(st, i);
	else
		s->ops->bind_double(st, i, v);
}

void db_text(struct store *s, struct stmt *st, int i, const char *v)
{
	s->ops->bind_text(st, i, v);
}

void db_date(struct store *s, struct stmt *st, int i, int day)
{
	char tmp[DATE_STRLEN];

	if (day == DATE_NONE)
		s->ops->bind_null(st, i);
	else
		s->ops->bind_text(st, i, date_format(day, tmp));
}

void db_id(struct store *s, struct stmt *st, int i, long long id)
{
	if (id <= 0)
		s->ops->bind_null(st, i);
	else
		s->ops->bind_int(st, i, id);
}

int db_step(struct store *s, struct stmt *st, struct err *e)
{
	return s->ops->step(st, e);
}

enum lserr db_done(struct store *s, struct stmt *st, struct err *e)
{
	int rc = s->ops->step(st, e);

	if (rc < 0)
		return (enum lserr)-rc;
	return LS_OK;
}

void db_reset(struct store *s, struct stmt *st)
{
	s->ops->reset(st);
}

int db_one(struct store *s, struct stmt *st, long long *v, struct err *e)
{
	int rc = s->ops->step(st, e);

	if (rc == 1) {
		if (v)
			*v = s->ops->col_int(st, 0);
		/* Finish the statement so a write with RETURNING completes. */
		while ((rc = s->ops->step(st, e)) == 1)
			;
		if (rc == 0)
			rc = 1;
	}
	s->ops->reset(st);
	return rc;
}

void db_path_range(struct store *s, struct stmt *st, int i,
		   const char *prefix)
{
	char small[256], *hi = small;
	size_t n;

	if (!prefix || !*prefix) {
		s->ops->bind_null(st, i);
		s->ops->bind_null(st, i + 1);
		return;
	}
	n = strlen(prefix) + 1;
	if (n > sizeof(small))
		hi = xmalloc(n);
	scope_path_upper(prefix, hi, (unsigned)n);
	s->ops->bind_text(st, i, prefix);
	s->ops->bind_text(st, i + 1, hi);
	if (hi != small)
		free(hi);
}

long long col_int(struct store *s, struct stmt *st, int i)
{
	return s->ops->col_int(st, i);
}

double col_double(struct store *s, struct stmt *st, int i)
{
	return s->ops->col_double(st, i);
}

double col_double_or_nan(struct store *s, struct stmt *st, int i)
{
	return s->ops->col_null(st, i) ? NAN : s->ops->col_double(st, i);
}

const char *col_text(struct store *s, struct stmt *st, int i)
{
	return s->ops->col_text(st, i);
}

int col_date(struct store *s, struct stmt *st, int i)
{
	int day;

	if (!date_parse(s->ops->col_text(st, i), &day))
		return DATE_NONE;
	return day;
}

bool col_null(struct store *s, struct stmt *st, int i)
{
	return s->ops->col_null(st, i);
}

void col_strings(struct store *s, struct stmt *st, struct buf *arena,
		 const int *cols, const char **const *dst, int n)
{
	int len[COL_STRINGS_MAX];
	size_t total = 0;

	assert(n <= COL_STRINGS_MAX);
	for (int k = 0; k < n; k++) {
		len[k] = s->ops->col_null(st, cols[k]) ? -1 :
			 s->ops->col_bytes(st, cols[k]);
		total += (size_t)len[k] + 1;
	}
	buf_reset(arena);
	buf_grow(arena, total);
	for (int k = 0; k < n; k++) {
		char *at = arena->ptr + arena->len;

		if (len[k] < 0) {
			*dst[k] = NULL;
			continue;
		}
		/* the bytes, not strlen: the arena was sized by them */
		memcpy(at, s->ops->col_text(st, cols[k]), (size_t)len[k]);
		at[len[k]] = '\0';
		arena->len += (size_t)len[k] + 1;
		*dst[k] = at;
	}
}

enum lserr store_notfound(struct err *e, const char *field, const char *what,
			  const char *key)
{
	return err_set(e, LS_ENOTFOUND, field, "%s '%s' not found", what, key);
}

enum lserr store_notfound_id(struct err *e, const char *field,
			     const char *what, long long id)
{
	return err_set(e, LS_ENOTFOUND, field, "%s '%lld' not found", what,
		       id);
}

enum lserr store_stale(struct store *s, const char *version_sql,
		       const char *what, long long id, long long expected,
		       struct err *e)
{
	struct stmt *st = store_stmt(s, version_sql, e);
	long long have = 0;
	int r;

	if (!st)
		return e->code;
	db_int(s, st, 1, id);
	r = db_one(s, st, &have, e);
	if (r < 0)
		return (enum lserr)-r;
	if (r == 0)
		return store_notfound_id(e, "id", what, id);
	return err_set(e, LS_EVERSION, "version",
		       "%s %lld has version %lld, not %lld", what, id, have,
		       expected);
}
