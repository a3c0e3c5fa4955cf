/*
 * The storage suite (sqlite's permutations.test idea): one set of tests
 * with exact expectations, run unchanged on every backend. Each test gets
 * a fresh, migrated database. SQLite (the default): a file made by mkstemp
 * from the prefix $LUOSHI_TEST_DB ("/dev/shm/ls" gives /dev/shm/ls-XXXXXX),
 * by default $TMPDIR/luoshi-store, removed afterwards. PostgreSQL: when
 * $LUOSHI_TEST_PG_URL is set (tests/pg.sh makes one), that database, its
 * public schema dropped and made anew before each test.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "store/store.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef HAVE_LIBPQ
#include <libpq-fe.h>

/* Empties the database at url: 0, or -1 with the reason printed. */
static int pg_empty(const char *url)
{
	PGconn *c = PQconnectdb(url);
	PGresult *r = NULL;
	int rc = -1;

	if (PQstatus(c) != CONNECTION_OK) {
		fprintf(stderr, "setup: %s", PQerrorMessage(c));
		goto out;
	}
	r = PQexec(c, "SET client_min_messages = warning; "
		   "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		fprintf(stderr, "setup: %s", PQerrorMessage(c));
	else
		rc = 0;
out:
	PQclear(r);
	PQfinish(c);
	return rc;
}
#else
static int pg_empty(const char *url)
{
	fprintf(stderr, "setup: built without libpq, cannot use '%s'\n", url);
	return -1;
}
#endif

/* The PostgreSQL database under test, or NULL for SQLite files. */
static const char *pg_url(void)
{
	const char *url = getenv("LUOSHI_TEST_PG_URL");

	return url && *url ? url : NULL;
}

struct fx {
	struct store *s;
	char *path;
	struct err e;
};

/* Removes a SQLite database and its companions. */
static void wipe(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	char name[4096];

	if (pg_url())
		return;
	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		snprintf(name, sizeof(name), "%s%s", path, ext[i]);
		unlink(name);
	}
	snprintf(name, sizeof(name), "%s.files", path);
	rmdir(name);
}

/* A new, empty SQLite file, or the emptied PostgreSQL database. */
static char *fresh_db(void)
{
	const char *env = getenv("LUOSHI_TEST_DB");
	const char *dir = getenv("TMPDIR");
	char *path;
	int fd;

	if (pg_url())
		return pg_empty(pg_url()) ? NULL : xstrdup(pg_url());
	if (env && *env)
		path = xasprintf("%s-XXXXXX", env);
	else
		path = xasprintf("%s/luoshi-store-XXXXXX",
				 dir && *dir ? dir : "/tmp");
	fd = mkstemp(path);
	if (fd < 0) {
		fprintf(stderr, "setup: cannot create '%s'\n", path);
		free(path);
		return NULL;
	}
	close(fd);
	return path;
}

static int setup(void **state)
{
	struct fx *fx = xcalloc(1, sizeof(*fx));

	if (!(fx->path = fresh_db())) {
		free(fx);
		return -1;
	}
	fx->s = store_open(fx->path, &fx->e);
	if (!fx->s || store_migrate(fx->s, &fx->e) != LS_OK) {
		fprintf(stderr, "setup: %s\n", fx->e.msg);
		store_close(fx->s);
		wipe(fx->path);
		free(fx->path);
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fx *fx = *state;

	store_close(fx->s);
	wipe(fx->path);
	free(fx->path);
	free(fx);
	return 0;
}

/* Fails with the store's message when x is not LS_OK. */
#define OK(x) do { \
	enum lserr rc_ = (x); \
	if (rc_ != LS_OK) \
		fail_msg("%s: %s (%d)", #x, fx->e.msg, (int)rc_); \
} while (0)

/* Expects code, field and message exactly. */
#define FAILS(x, want, fld, message) do { \
	enum lserr rc_; \
	err_clear(&fx->e); \
	rc_ = (x); \
	if (rc_ != (want)) \
		fail_msg("%s: %d, not %d: %s", #x, (int)rc_, (int)(want), \
			 fx->e.msg); \
	assert_int_equal(fx->e.code, (want)); \
	assert_string_equal(fx->e.field, (fld)); \
	assert_string_equal(fx->e.msg, (message)); \
} while (0)

static int D(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/*
 * A small city: HRB (city) with districts HRB-DL (and its street
 * HRB-DL-A), HRB-DLX (a prefix trap for HRB-DL) and HRB-NG; and another
 * root HRB2 (a prefix trap for HRB). Users admin (HRB), wang (HRB-DL),
 * zhang (HRB-NG), li (HRB2).
 */
static void add_unit(struct fx *fx, const char *code, const char *name,
		     const char *parent, const char *kind, const char *path)
{
	struct unit u;

	unit_init(&u);
	u.code = code;
	u.name = name;
	u.parent = parent;
	u.kind = kind;
	u.path = path;
	OK(store_unit_insert(fx->s, &u, &fx->e));
}

static void add_user(struct fx *fx, const char *login, const char *name,
		     const char *unit, enum role role)
{
	struct user u;

	user_init(&u);
	u.login = login;
	u.name = name;
	u.unit = unit;
	u.role = role;
	u.created_at = "2026-01-05T08:00:00Z";
	OK(store_user_insert(fx->s, &u, &fx->e));
}

static void seed(struct fx *fx)
{
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB", "哈尔滨市", NULL, "city", "/HRB/");
	add_unit(fx, "HRB-DL", "道里区", "HRB", "district", "/HRB/HRB-DL/");
	add_unit(fx, "HRB-DL-A", "安静街道", "HRB-DL", "street",
		 "/HRB/HRB-DL/HRB-DL-A/");
	add_unit(fx, "HRB-DLX", "道外区", "HRB", "district",
		 "/HRB/HRB-DLX/");
	add_unit(fx, "HRB-NG", "南岗区", "HRB", "district", "/HRB/HRB-NG/");
	add_unit(fx, "HRB2", "松北新区", NULL, "city", "/HRB2/");
	add_user(fx, "admin", "管理员", "HRB", ROLE_ADMIN);
	add_user(fx, "wang", "王督查", "HRB-DL", ROLE_SUPERVISOR);
	add_user(fx, "zhang", "张三", "HRB-NG", ROLE_STAFF);
	add_user(fx, "li", "李四", "HRB2", ROLE_LEADER);
	OK(store_commit(fx->s, &fx->e));
}

/* A plain task due 2026-12-31 led by `lead`. */
static void task_plain(struct task *t, const char *title, const char *lead)
{
	task_init(t);
	t->title = title;
	t->lead = lead;
	t->status = TASK_OPEN;
	t->due = D(2026, 12, 31);
	t->created_at = "2026-11-02T09:00:00Z";
	t->created_on = D(2026, 11, 2);
	t->activity_on = D(2026, 11, 2);
}

static long long add_task(struct fx *fx, const struct task *t)
{
	long long id = 0;

	OK(store_begin(fx->s, &fx->e));
	OK(store_task_insert(fx->s, t, &id, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	return id;
}

static long long add_simple(struct fx *fx, const char *title,
			    const char *lead, const char *co,
			    const char *owner)
{
	struct task t;

	task_plain(&t, title, lead);
	t.co = co;
	t.owner = owner;
	return add_task(fx, &t);
}

/* Collecting callbacks */

struct ids {
	long long v[64];
	int n;
	int stop_after;		/* stop after this many rows; 0 = never */
	const void *rec;	/* the record pointer of the first row */
	bool same_rec;		/* every row came in the same record */
};

static void ids_init(struct ids *x)
{
	memset(x, 0, sizeof(*x));
	x->same_rec = true;
}

static int ids_add(struct ids *x, const void *rec, long long id)
{
	if (x->n == 0)
		x->rec = rec;
	else if (rec != x->rec)
		x->same_rec = false;
	if (x->n < 64)
		x->v[x->n] = id;
	x->n++;
	return x->stop_after && x->n >= x->stop_after;
}

static int task_id_cb(const struct task *t, void *arg)
{
	return ids_add(arg, t, t->id);
}

/* Task ids matching f, as a string "1,2,3" for one-line expectations. */
static const char *task_ids(struct fx *fx, const struct task_filter *f)
{
	static char out[512];
	struct ids x;
	size_t len = 0;

	ids_init(&x);
	OK(store_task_each(fx->s, f, task_id_cb, &x, &fx->e));
	out[0] = '\0';
	for (int i = 0; i < x.n && i < 64; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%lld",
					i ? "," : "", x.v[i]);
	return out;
}

struct names {
	char s[1024];
	int n;
	int stop_after;
};

static void names_add(struct names *x, const char *v)
{
	size_t len = strlen(x->s);

	snprintf(x->s + len, sizeof(x->s) - len, "%s%s", x->n ? "," : "",
		 v ? v : "(null)");
	x->n++;
}

static int unit_cb(const struct unit *u, void *arg)
{
	struct names *x = arg;

	names_add(x, u->code);
	return x->stop_after && x->n >= x->stop_after;
}

static const char *unit_codes(struct fx *fx, const char *prefix)
{
	static struct names x;

	memset(&x, 0, sizeof(x));
	OK(store_unit_each(fx->s, prefix, unit_cb, &x, &fx->e));
	return x.s;
}

/* The number of files in src/store/migrations/sqlite/. */
#define SCHEMA_VERSION 15

/* Opening, migrations, transactions, backup */

static void test_schema(void **state)
{
	struct fx *fx = *state;

	assert_true(store_initialised(fx->s));
	assert_int_equal(store_schema_version(fx->s), SCHEMA_VERSION);
	OK(store_migrate(fx->s, &fx->e));
	assert_int_equal(store_schema_version(fx->s), SCHEMA_VERSION);
	assert_non_null(store_backend(fx->s));
	assert_non_null(store_files_dir(fx->s));
}

static void test_transactions(void **state)
{
	struct fx *fx = *state;
	struct unit u;

	unit_init(&u);
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB", "哈尔滨市", NULL, "city", "/HRB/");
	store_rollback(fx->s);
	FAILS(store_unit_get(fx->s, "HRB", &u, &fx->e), LS_ENOTFOUND, "code",
	      "unit 'HRB' not found");

	/* nested begin/commit: only the outer commit commits */
	OK(store_begin(fx->s, &fx->e));
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB", "哈尔滨市", NULL, "city", "/HRB/");
	OK(store_commit(fx->s, &fx->e));
	add_unit(fx, "HRB-DL", "道里区", "HRB", "district", "/HRB/HRB-DL/");
	OK(store_commit(fx->s, &fx->e));
	assert_string_equal(unit_codes(fx, NULL), "HRB,HRB-DL");

	/* a nested rollback undoes only its savepoint (an import's row);
	 * the outer transaction goes on and commits the rest */
	OK(store_begin(fx->s, &fx->e));
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB-NG", "南岗区", "HRB", "district", "/HRB/HRB-NG/");
	store_rollback(fx->s);
	assert_true(store_in_transaction(fx->s));
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB-DW", "道外区", "HRB", "district", "/HRB/HRB-DW/");
	OK(store_commit(fx->s, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	assert_false(store_in_transaction(fx->s));
	assert_string_equal(unit_codes(fx, NULL), "HRB,HRB-DL,HRB-DW");

	/* the outer rollback undoes the released savepoints too */
	OK(store_begin(fx->s, &fx->e));
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB-NG", "南岗区", "HRB", "district", "/HRB/HRB-NG/");
	OK(store_commit(fx->s, &fx->e));
	store_rollback(fx->s);
	assert_false(store_in_transaction(fx->s));
	assert_string_equal(unit_codes(fx, NULL), "HRB,HRB-DL,HRB-DW");

	/* store_nested_plain: nested begins open no savepoint, so a nested
	 * rollback undoes nothing (the caller rolls everything back) */
	OK(store_begin(fx->s, &fx->e));
	store_nested_plain(fx->s);
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB-NG", "南岗区", "HRB", "district", "/HRB/HRB-NG/");
	store_rollback(fx->s);
	assert_true(store_in_transaction(fx->s));
	assert_string_equal(unit_codes(fx, NULL), "HRB,HRB-DL,HRB-DW,HRB-NG");
	store_rollback(fx->s);
	assert_string_equal(unit_codes(fx, NULL), "HRB,HRB-DL,HRB-DW");
	/* ...and only for that transaction: the next has savepoints again */
	OK(store_begin(fx->s, &fx->e));
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB-NG", "南岗区", "HRB", "district", "/HRB/HRB-NG/");
	store_rollback(fx->s);
	OK(store_commit(fx->s, &fx->e));
	assert_string_equal(unit_codes(fx, NULL), "HRB,HRB-DL,HRB-DW");

	/* store_nested_plain inside a savepoint (an import in the server's
	 * group commit): deeper levels are plain, but the caller's own level
	 * rolls back to its savepoint, leaving the outer transaction's work
	 * alone, and the plain region ends with it */
	OK(store_begin(fx->s, &fx->e));		/* the batch */
	add_unit(fx, "HRB-DW2", "道外二区", "HRB", "district", "/HRB/HRB-DW2/");
	OK(store_begin(fx->s, &fx->e));		/* the import */
	store_nested_plain(fx->s);
	assert_int_equal(store_depth(fx->s), 2);
	OK(store_begin(fx->s, &fx->e));		/* a row: plain */
	add_unit(fx, "HRB-NG", "南岗区", "HRB", "district", "/HRB/HRB-NG/");
	store_rollback(fx->s);
	assert_string_equal(unit_codes(fx, NULL),
			    "HRB,HRB-DL,HRB-DW,HRB-DW2,HRB-NG");
	store_rollback(fx->s);			/* the import undone */
	assert_int_equal(store_depth(fx->s), 1);
	assert_string_equal(unit_codes(fx, NULL), "HRB,HRB-DL,HRB-DW,HRB-DW2");
	OK(store_begin(fx->s, &fx->e));		/* the next request: saved */
	add_unit(fx, "HRB-NG", "南岗区", "HRB", "district", "/HRB/HRB-NG/");
	store_rollback(fx->s);
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(store_depth(fx->s), 0);
	assert_string_equal(unit_codes(fx, NULL), "HRB,HRB-DL,HRB-DW,HRB-DW2");

	/* lookups remembered inside a transaction (memo.c) are forgotten
	 * when a savepoint rolls back: a unit added and undone is gone */
	OK(store_begin(fx->s, &fx->e));
	OK(store_begin(fx->s, &fx->e));
	add_unit(fx, "HRB-NG", "南岗区", "HRB", "district", "/HRB/HRB-NG/");
	OK(store_unit_get(fx->s, "HRB-NG", &u, &fx->e));
	OK(store_unit_get(fx->s, "HRB-NG", &u, &fx->e));
	assert_string_equal(u.path, "/HRB/HRB-NG/");
	store_rollback(fx->s);
	FAILS(store_unit_get(fx->s, "HRB-NG", &u, &fx->e), LS_ENOTFOUND,
	      "code", "unit 'HRB-NG' not found");
	OK(store_unit_get(fx->s, "HRB-DL", &u, &fx->e));
	OK(store_unit_get(fx->s, "HRB-DL", &u, &fx->e));
	assert_string_equal(u.code, "HRB-DL");
	assert_string_equal(u.name, "道里区");
	assert_string_equal(u.parent, "HRB");
	assert_string_equal(u.kind, "district");
	assert_string_equal(u.path, "/HRB/HRB-DL/");
	OK(store_commit(fx->s, &fx->e));
	unit_release(&u);
}

/* A database that cannot be reached is LS_EFAIL naming it (no secret). */
static void test_unreachable(void **state)
{
	struct err e = ERR_INIT;
	const char *url = pg_url() ? "postgresql://u:pw@127.0.0.1:1/x"
				   : "/nonexistent/dir/x.db";
	const char *want = pg_url()
		? "cannot connect to database 'postgresql://u@127.0.0.1:1/x': "
		: "cannot open database '/nonexistent/dir/x.db': ";

	(void)state;
	assert_null(store_open(url, &e));
	assert_int_equal(e.code, LS_EFAIL);
	assert_string_equal(e.field, "db");
	assert_memory_equal(e.msg, want, strlen(want));
	assert_null(strstr(e.msg, "pw"));
}

static void test_backup(void **state)
{
	struct fx *fx = *state;
	struct store *copy;
	struct unit u;
	char *path;

	if (pg_url()) {
		/* A server database is backed up by its own tools. */
		FAILS(store_backup(fx->s, "/tmp/x.bak", &fx->e), LS_EINVAL,
		      "db", "cannot back up a PostgreSQL database to "
		      "'/tmp/x.bak': use pg_dump (docs/operations.md)");
		FAILS(store_restore(fx->s, "/tmp/x.bak", &fx->e), LS_EINVAL,
		      "db", "cannot restore '/tmp/x.bak' into a PostgreSQL "
		      "database: use pg_restore (docs/operations.md)");
		return;
	}
	path = xasprintf("%s.bak", fx->path);
	seed(fx);
	unit_init(&u);
	wipe(path);
	OK(store_backup(fx->s, path, &fx->e));
	copy = store_open(path, &fx->e);
	assert_non_null(copy);
	assert_int_equal(store_schema_version(copy), SCHEMA_VERSION);
	OK(store_unit_get(copy, "HRB-DL", &u, &fx->e));
	assert_string_equal(u.name, "道里区");
	store_close(copy);
	wipe(path);
	free(path);
	unit_release(&u);
}

/* Settings */

static void test_settings(void **state)
{
	struct fx *fx = *state;
	struct settings st;

	OK(store_settings_load(fx->s, &st, &fx->e));
	assert_int_equal(st.warn_days, 3);
	assert_int_equal(st.lag, 25);
	assert_int_equal(st.report_days, 7);
	assert_int_equal(st.ack_hours, 24);
	assert_true(st.evidence_max == 20LL * 1024 * 1024);

	OK(store_begin(fx->s, &fx->e));
	OK(store_setting_put(fx->s, "warn_days", "5", &fx->e));
	OK(store_setting_put(fx->s, "lag", "10", &fx->e));
	OK(store_setting_put(fx->s, "lag", "30", &fx->e));	/* upsert */
	OK(store_setting_put(fx->s, "future_knob", "x", &fx->e));
	FAILS(store_setting_put(fx->s, "report_days", "0", &fx->e),
	      LS_EINVAL, "report_days",
	      "invalid value '0' for report_days (1..365)");
	OK(store_commit(fx->s, &fx->e));

	OK(store_settings_load(fx->s, &st, &fx->e));
	assert_int_equal(st.warn_days, 5);
	assert_int_equal(st.lag, 30);
	assert_int_equal(st.report_days, 7);
	assert_int_equal(st.ack_hours, 24);
}

/* Units */

static void test_units(void **state)
{
	struct fx *fx = *state;
	struct unit u, v;
	struct names stop;

	seed(fx);
	unit_init(&u);
	OK(store_unit_get(fx->s, "HRB-DL", &u, &fx->e));
	assert_string_equal(u.code, "HRB-DL");
	assert_string_equal(u.name, "道里区");
	assert_string_equal(u.parent, "HRB");
	assert_string_equal(u.kind, "district");
	assert_string_equal(u.path, "/HRB/HRB-DL/");
	OK(store_unit_get(fx->s, "HRB", &u, &fx->e));	/* same record */
	assert_null(u.parent);
	assert_string_equal(u.path, "/HRB/");
	FAILS(store_unit_get(fx->s, "NOPE", &u, &fx->e), LS_ENOTFOUND, "code",
	      "unit 'NOPE' not found");

	assert_string_equal(unit_codes(fx, NULL),
			    "HRB,HRB-DL,HRB-DL-A,HRB-DLX,HRB-NG,HRB2");
	assert_string_equal(unit_codes(fx, ""),
			    "HRB,HRB-DL,HRB-DL-A,HRB-DLX,HRB-NG,HRB2");
	assert_string_equal(unit_codes(fx, "/HRB/"),
			    "HRB,HRB-DL,HRB-DL-A,HRB-DLX,HRB-NG");
	assert_string_equal(unit_codes(fx, "/HRB/HRB-DL/"),
			    "HRB-DL,HRB-DL-A");
	assert_string_equal(unit_codes(fx, "/HRB2/"), "HRB2");
	assert_string_equal(unit_codes(fx, "/NOPE/"), "");

	memset(&stop, 0, sizeof(stop));
	stop.stop_after = 2;
	OK(store_unit_each(fx->s, NULL, unit_cb, &stop, &fx->e));
	assert_string_equal(stop.s, "HRB,HRB-DL");

	unit_init(&v);
	v.code = "HRB-DL";
	v.name = "again";
	v.parent = "HRB";
	v.kind = "district";
	v.path = "/HRB/HRB-DL/";
	OK(store_begin(fx->s, &fx->e));
	FAILS(store_unit_insert(fx->s, &v, &fx->e), LS_ECONFLICT, "code",
	      "unit 'HRB-DL' already exists");
	v.code = "HRB-XX";
	v.parent = "NOPE";
	v.path = "/NOPE/HRB-XX/";
	FAILS(store_unit_insert(fx->s, &v, &fx->e), LS_ENOTFOUND, "parent",
	      "unit 'NOPE' not found");
	v.parent = "HRB";
	v.path = "/HRB/HRB-DL/";
	FAILS(store_unit_insert(fx->s, &v, &fx->e), LS_ECONFLICT, "code",
	      "unit path '/HRB/HRB-DL/' already exists");
	OK(store_commit(fx->s, &fx->e));
	unit_release(&u);
}

/* Users */

struct user_rows {
	struct names n;
	const void *rec;
	bool same_rec;
};

static int user_cb(const struct user *u, void *arg)
{
	struct user_rows *x = arg;
	char row[256];

	if (x->n.n == 0)
		x->rec = u;
	else if (x->rec != u)
		x->same_rec = false;
	snprintf(row, sizeof(row), "%s:%s:%s:%s", u->login, u->unit,
		 role_name(u->role), u->unit_path);
	names_add(&x->n, row);
	return 0;
}

static void test_users(void **state)
{
	struct fx *fx = *state;
	struct user u, v;
	struct user_rows rows;

	seed(fx);
	user_init(&u);
	OK(store_user_get(fx->s, "wang", &u, &fx->e));
	assert_string_equal(u.login, "wang");
	assert_string_equal(u.name, "王督查");
	assert_string_equal(u.unit, "HRB-DL");
	assert_string_equal(u.unit_path, "/HRB/HRB-DL/");
	assert_int_equal(u.role, ROLE_SUPERVISOR);
	assert_null(u.pwhash);
	assert_string_equal(u.created_at, "2026-01-05T08:00:00Z");
	FAILS(store_user_get(fx->s, "nobody", &u, &fx->e), LS_ENOTFOUND,
	      "login", "user 'nobody' not found");

	OK(store_begin(fx->s, &fx->e));
	/* read twice in the transaction (the second from memo.c), then a
	 * new password: the next read inside the transaction sees it */
	OK(store_user_get(fx->s, "wang", &u, &fx->e));
	OK(store_user_get(fx->s, "wang", &u, &fx->e));
	assert_string_equal(u.unit_path, "/HRB/HRB-DL/");
	assert_int_equal(u.role, ROLE_SUPERVISOR);
	assert_null(u.pwhash);
	OK(store_user_set_password(fx->s, "wang", "$argon2id$v=19$x",
				   &fx->e));
	OK(store_user_get(fx->s, "wang", &u, &fx->e));
	assert_string_equal(u.pwhash, "$argon2id$v=19$x");
	assert_string_equal(u.name, "王督查");
	FAILS(store_user_set_password(fx->s, "nobody", "h", &fx->e),
	      LS_ENOTFOUND, "login", "user 'nobody' not found");
	user_init(&v);
	v.login = "zhang";
	v.name = "dup";
	v.unit = "HRB";
	v.role = ROLE_STAFF;
	v.created_at = "2026-01-05T08:00:00Z";
	FAILS(store_user_insert(fx->s, &v, &fx->e), LS_ECONFLICT, "login",
	      "user 'zhang' already exists");
	v.login = "zhao";
	v.unit = "NOPE";
	FAILS(store_user_insert(fx->s, &v, &fx->e), LS_ENOTFOUND, "unit",
	      "unit 'NOPE' not found");
	OK(store_commit(fx->s, &fx->e));
	OK(store_user_get(fx->s, "wang", &u, &fx->e));
	assert_string_equal(u.pwhash, "$argon2id$v=19$x");

	memset(&rows, 0, sizeof(rows));
	rows.same_rec = true;
	OK(store_user_each(fx->s, user_cb, &rows, &fx->e));
	assert_string_equal(rows.n.s,
			    "admin:HRB:admin:/HRB/,"
			    "li:HRB2:leader:/HRB2/,"
			    "wang:HRB-DL:supervisor:/HRB/HRB-DL/,"
			    "zhang:HRB-NG:staff:/HRB/HRB-NG/");
	assert_true(rows.same_rec);
	user_release(&u);
}

/* Goals */

static int goal_cb(const struct goal *g, void *arg)
{
	struct names *x = arg;
	char row[256];

	snprintf(row, sizeof(row), "%lld:%s:%lld:%s:%d:%g", g->id, g->title,
		 g->parent_id, g->unit, g->year, g->weight);
	names_add(x, row);
	return x->stop_after && x->n >= x->stop_after;
}

static void test_goals(void **state)
{
	struct fx *fx = *state;
	struct goal g;
	struct names x;
	long long root = 0, child = 0;

	seed(fx);
	goal_init(&g);
	g.title = "经济增长";
	g.unit = "HRB";
	g.year = 2026;
	g.created_at = "2026-01-10T08:00:00Z";
	OK(store_begin(fx->s, &fx->e));
	OK(store_goal_insert(fx->s, &g, &root, &fx->e));
	g.title = "招商引资";
	g.parent_id = root;
	g.unit = "HRB-DL";
	g.weight = 2.5;
	OK(store_goal_insert(fx->s, &g, &child, &fx->e));
	g.parent_id = 99;
	FAILS(store_goal_insert(fx->s, &g, NULL, &fx->e), LS_ENOTFOUND,
	      "parent", "goal '99' not found");
	g.parent_id = 0;
	g.unit = "NOPE";
	FAILS(store_goal_insert(fx->s, &g, NULL, &fx->e), LS_ENOTFOUND,
	      "unit", "unit 'NOPE' not found");
	OK(store_goal_set_weight(fx->s, root, 3, 0, &fx->e));
	FAILS(store_goal_set_weight(fx->s, 99, 3, 0, &fx->e), LS_ENOTFOUND,
	      "id", "goal '99' not found");
	OK(store_commit(fx->s, &fx->e));
	assert_true(root > 0);
	assert_true(child > root);

	goal_init(&g);
	OK(store_goal_get(fx->s, child, &g, &fx->e));
	assert_int_equal(g.id, child);
	assert_string_equal(g.title, "招商引资");
	assert_int_equal(g.parent_id, root);
	assert_string_equal(g.unit, "HRB-DL");
	assert_int_equal(g.year, 2026);
	assert_true(g.weight == 2.5);
	assert_string_equal(g.created_at, "2026-01-10T08:00:00Z");
	FAILS(store_goal_get(fx->s, 99, &g, &fx->e), LS_ENOTFOUND, "id",
	      "goal '99' not found");
	goal_release(&g);

	memset(&x, 0, sizeof(x));
	OK(store_goal_each(fx->s, goal_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:经济增长:0:HRB:2026:3,"
			    "2:招商引资:1:HRB-DL:2026:2.5");
	memset(&x, 0, sizeof(x));
	x.stop_after = 1;
	OK(store_goal_each(fx->s, goal_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:经济增长:0:HRB:2026:3");
}

/* Indicators and their trajectory */

static long long add_goal(struct fx *fx, const char *title)
{
	struct goal g;
	long long id = 0;

	goal_init(&g);
	g.title = title;
	g.unit = "HRB";
	g.year = 2026;
	g.created_at = "2026-01-10T08:00:00Z";
	OK(store_goal_insert(fx->s, &g, &id, &fx->e));
	return id;
}

static int indicator_cb(const struct indicator *ind, void *arg)
{
	struct names *x = arg;
	char row[256];

	snprintf(row, sizeof(row), "%lld:%lld:%s:%s:%g:%g:%s:%g", ind->id,
		 ind->goal_id, ind->name, ind->measure, ind->baseline,
		 ind->target, direction_name(ind->direction), ind->weight);
	names_add(x, row);
	return 0;
}

static void test_indicators(void **state)
{
	struct fx *fx = *state;
	struct indicator ind;
	struct names x;
	long long g1, g2, i1 = 0, i2 = 0, i3 = 0;

	seed(fx);
	OK(store_begin(fx->s, &fx->e));
	g1 = add_goal(fx, "A");
	g2 = add_goal(fx, "B");
	indicator_init(&ind);
	ind.goal_id = g1;
	ind.name = "GDP";
	ind.measure = "亿元";
	ind.baseline = 100;
	ind.target = 120;
	OK(store_indicator_insert(fx->s, &ind, &i1, &fx->e));
	ind.goal_id = g2;
	ind.name = "PM2.5";
	ind.measure = "μg/m³";
	ind.baseline = 40;
	ind.target = 35;
	ind.direction = DIR_DOWN;
	ind.weight = 0.5;
	OK(store_indicator_insert(fx->s, &ind, &i2, &fx->e));
	ind.goal_id = g1;
	ind.name = "jobs";
	ind.measure = "万人";
	ind.direction = DIR_UP;
	ind.weight = 1;
	OK(store_indicator_insert(fx->s, &ind, &i3, &fx->e));
	ind.goal_id = 77;
	FAILS(store_indicator_insert(fx->s, &ind, NULL, &fx->e),
	      LS_ENOTFOUND, "goal", "goal '77' not found");
	ind.goal_id = 0;
	FAILS(store_indicator_insert(fx->s, &ind, NULL, &fx->e),
	      LS_ENOTFOUND, "goal", "goal '0' not found");
	OK(store_commit(fx->s, &fx->e));

	indicator_init(&ind);
	OK(store_indicator_get(fx->s, i2, &ind, &fx->e));
	assert_int_equal(ind.id, i2);
	assert_int_equal(ind.goal_id, g2);
	assert_string_equal(ind.name, "PM2.5");
	assert_string_equal(ind.measure, "μg/m³");
	assert_true(ind.baseline == 40 && ind.target == 35);
	assert_int_equal(ind.direction, DIR_DOWN);
	assert_true(ind.weight == 0.5);
	FAILS(store_indicator_get(fx->s, 99, &ind, &fx->e), LS_ENOTFOUND,
	      "id", "indicator '99' not found");

	ind.name = "PM2.5 年均";
	ind.target = 30;
	ind.baseline = 41;
	ind.weight = 2;
	OK(store_begin(fx->s, &fx->e));
	OK(store_indicator_update(fx->s, &ind, 0, &fx->e));
	ind.id = 99;
	FAILS(store_indicator_update(fx->s, &ind, 0, &fx->e), LS_ENOTFOUND,
	      "id", "indicator '99' not found");
	OK(store_commit(fx->s, &fx->e));
	indicator_release(&ind);

	memset(&x, 0, sizeof(x));
	OK(store_indicator_each(fx->s, 0, indicator_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:1:GDP:亿元:100:120:up:1,"
			    "2:2:PM2.5 年均:μg/m³:41:30:down:2,"
			    "3:1:jobs:万人:40:35:up:1");
	memset(&x, 0, sizeof(x));
	OK(store_indicator_each(fx->s, g1, indicator_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:1:GDP:亿元:100:120:up:1,"
			    "3:1:jobs:万人:40:35:up:1");
	memset(&x, 0, sizeof(x));
	OK(store_indicator_each(fx->s, 55, indicator_cb, &x, &fx->e));
	assert_string_equal(x.s, "");
}

static int value_cb(const struct indicator_value *v, void *arg)
{
	struct names *x = arg;
	char row[128], m[8];

	snprintf(row, sizeof(row), "%lld:%s:%g:%g", v->indicator_id,
		 month_format(v->month, m), v->plan, v->actual);
	names_add(x, row);
	return x->stop_after && x->n >= x->stop_after;
}

static void test_indicator_values(void **state)
{
	struct fx *fx = *state;
	struct indicator ind;
	struct names x;
	long long i1 = 0, i2 = 0;
	int mar, jan, feb;

	seed(fx);
	assert_true(month_parse("2026-03", &mar));
	assert_true(month_parse("2026-01", &jan));
	assert_true(month_parse("2026-02", &feb));
	OK(store_begin(fx->s, &fx->e));
	indicator_init(&ind);
	ind.goal_id = add_goal(fx, "A");
	ind.name = "GDP";
	ind.measure = "亿元";
	ind.baseline = 100;
	ind.target = 120;
	OK(store_indicator_insert(fx->s, &ind, &i1, &fx->e));
	OK(store_indicator_insert(fx->s, &ind, &i2, &fx->e));
	OK(store_indicator_value_put(fx->s, i1, mar, false, 105, 0, &fx->e));
	OK(store_indicator_value_put(fx->s, i1, jan, false, 101, 0, &fx->e));
	OK(store_indicator_value_put(fx->s, i1, jan, true, 100.5, 0, &fx->e));
	OK(store_indicator_value_put(fx->s, i1, feb, true, 103, 0, &fx->e));
	OK(store_indicator_value_put(fx->s, i1, feb, false, 102, 0, &fx->e));
	OK(store_indicator_value_put(fx->s, i1, mar, false, 106, 0, &fx->e));
	OK(store_indicator_value_put(fx->s, i2, jan, true, 7, 0, &fx->e));
	OK(store_indicator_value_put(fx->s, i2, feb, true, 8, 0, &fx->e));
	OK(store_indicator_value_put(fx->s, i2, feb, true, NAN, 0, &fx->e));
	FAILS(store_indicator_value_put(fx->s, 99, jan, true, 1, 0, &fx->e),
	      LS_ENOTFOUND, "id", "indicator '99' not found");
	OK(store_commit(fx->s, &fx->e));

	memset(&x, 0, sizeof(x));
	OK(store_indicator_value_each(fx->s, i1, value_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:2026-01:101:100.5,1:2026-02:102:103,"
			    "1:2026-03:106:nan");
	memset(&x, 0, sizeof(x));
	OK(store_indicator_value_each(fx->s, 0, value_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:2026-01:101:100.5,1:2026-02:102:103,"
			    "1:2026-03:106:nan,2:2026-01:nan:7,"
			    "2:2026-02:nan:nan");
	memset(&x, 0, sizeof(x));
	x.stop_after = 2;
	OK(store_indicator_value_each(fx->s, 0, value_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:2026-01:101:100.5,1:2026-02:102:103");
}

/* Versions: every write bumps them; a stale one changes nothing. */
static long long goal_version(struct fx *fx, long long id, double *weight)
{
	struct goal g;
	long long v;

	goal_init(&g);
	OK(store_goal_get(fx->s, id, &g, &fx->e));
	v = g.version;
	*weight = g.weight;
	goal_release(&g);
	return v;
}

static long long indicator_version(struct fx *fx, long long id,
				   double *target)
{
	struct indicator ind;
	long long v;

	indicator_init(&ind);
	OK(store_indicator_get(fx->s, id, &ind, &fx->e));
	v = ind.version;
	*target = ind.target;
	indicator_release(&ind);
	return v;
}

static int version_cb(const struct indicator *ind, void *arg)
{
	*(long long *)arg = ind->version;
	return 0;
}

static void test_versions(void **state)
{
	struct fx *fx = *state;
	struct indicator ind;
	struct names x;
	long long g, i = 0, v = 0;
	double w, t;
	int jan;

	seed(fx);
	assert_true(month_parse("2026-01", &jan));
	OK(store_begin(fx->s, &fx->e));
	g = add_goal(fx, "A");
	indicator_init(&ind);
	ind.goal_id = g;
	ind.name = "GDP";
	ind.measure = "亿元";
	ind.baseline = 100;
	ind.target = 120;
	ind.version = 7;	/* ignored: a new row starts at 1 */
	OK(store_indicator_insert(fx->s, &ind, &i, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(goal_version(fx, g, &w), 1);
	assert_int_equal(indicator_version(fx, i, &t), 1);

	/* goal weight: expected 1 → 2; stale 1 fails; 0 = no check → 3 */
	OK(store_begin(fx->s, &fx->e));
	OK(store_goal_set_weight(fx->s, g, 2, 1, &fx->e));
	FAILS(store_goal_set_weight(fx->s, g, 5, 1, &fx->e), LS_EVERSION,
	      "version", "goal 1 has version 2, not 1");
	FAILS(store_goal_set_weight(fx->s, 99, 5, 1, &fx->e), LS_ENOTFOUND,
	      "id", "goal '99' not found");
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(goal_version(fx, g, &w), 2);
	assert_true(w == 2);
	OK(store_begin(fx->s, &fx->e));
	OK(store_goal_set_weight(fx->s, g, 3, 0, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(goal_version(fx, g, &w), 3);
	assert_true(w == 3);

	/* indicator update */
	ind.id = i;
	ind.target = 130;
	OK(store_begin(fx->s, &fx->e));
	OK(store_indicator_update(fx->s, &ind, 1, &fx->e));
	ind.target = 90;
	FAILS(store_indicator_update(fx->s, &ind, 1, &fx->e), LS_EVERSION,
	      "version", "indicator 1 has version 2, not 1");
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(indicator_version(fx, i, &t), 2);
	assert_true(t == 130);

	/* a month's value moves the trajectory: the version too */
	OK(store_begin(fx->s, &fx->e));
	OK(store_indicator_value_put(fx->s, i, jan, false, 101, 2, &fx->e));
	OK(store_indicator_value_put(fx->s, i, jan, true, 102, 0, &fx->e));
	FAILS(store_indicator_value_put(fx->s, i, jan, true, 1, 3, &fx->e),
	      LS_EVERSION, "version", "indicator 1 has version 4, not 3");
	FAILS(store_indicator_value_put(fx->s, 99, jan, true, 1, 3, &fx->e),
	      LS_ENOTFOUND, "id", "indicator '99' not found");
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(indicator_version(fx, i, &t), 4);
	memset(&x, 0, sizeof(x));
	OK(store_indicator_value_each(fx->s, i, value_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:2026-01:101:102");
	OK(store_indicator_each(fx->s, g, version_cb, &v, &fx->e));
	assert_int_equal(v, 4);
}

static int revision_cb(const struct revision *r, void *arg)
{
	struct names *x = arg;
	char row[256];

	snprintf(row, sizeof(row), "%lld:%s:%lld:%s:%g:%g:%s:%s:%s", r->id,
		 r->entity, r->entity_id, r->field, r->old_value,
		 r->new_value, r->reason ? r->reason : "-", r->by, r->at);
	names_add(x, row);
	return 0;
}

static void test_revisions(void **state)
{
	struct fx *fx = *state;
	struct revision r = { .arena = BUF_INIT };
	struct names x;

	r.entity = "indicator";
	r.entity_id = 1;
	r.field = "target";
	r.old_value = 120;
	r.new_value = 110;
	r.reason = "疫情影响";
	r.by = "admin";
	r.at = "2026-03-01T08:00:00Z";
	OK(store_begin(fx->s, &fx->e));
	OK(store_revision_insert(fx->s, &r, &fx->e));
	r.entity = "goal";
	r.entity_id = 2;
	r.field = "weight";
	r.old_value = NAN;
	r.new_value = 2;
	r.reason = NULL;
	OK(store_revision_insert(fx->s, &r, &fx->e));
	r.entity = "indicator";
	r.entity_id = 3;
	r.field = "baseline";
	r.old_value = 1;
	r.new_value = 2;
	OK(store_revision_insert(fx->s, &r, &fx->e));
	OK(store_commit(fx->s, &fx->e));

	memset(&x, 0, sizeof(x));
	OK(store_revision_each(fx->s, NULL, 0, revision_cb, &x, &fx->e));
	assert_string_equal(x.s,
		"1:indicator:1:target:120:110:疫情影响:admin:"
		"2026-03-01T08:00:00Z,"
		"2:goal:2:weight:nan:2:-:admin:2026-03-01T08:00:00Z,"
		"3:indicator:3:baseline:1:2:-:admin:2026-03-01T08:00:00Z");
	memset(&x, 0, sizeof(x));
	OK(store_revision_each(fx->s, "indicator", 0, revision_cb, &x,
			       &fx->e));
	assert_int_equal(x.n, 2);
	memset(&x, 0, sizeof(x));
	OK(store_revision_each(fx->s, "indicator", 3, revision_cb, &x,
			       &fx->e));
	assert_string_equal(x.s, "3:indicator:3:baseline:1:2:-:admin:"
			    "2026-03-01T08:00:00Z");
	memset(&x, 0, sizeof(x));
	OK(store_revision_each(fx->s, "goal", 3, revision_cb, &x, &fx->e));
	assert_string_equal(x.s, "");
}

/* Tasks */

static void test_task_roundtrip(void **state)
{
	struct fx *fx = *state;
	struct task t, u;
	long long id, goal;

	seed(fx);
	OK(store_begin(fx->s, &fx->e));
	goal = add_goal(fx, "A");
	OK(store_commit(fx->s, &fx->e));
	task_init(&t);
	t.title = "招商引资 Q4";
	t.description = "落实“马上就办”";
	t.lead = "HRB-DL";
	t.co = "HRB-NG,HRB2";
	t.owner = "wang";
	t.leader = "admin";
	t.source = "领导批示";
	t.goal_id = goal;
	t.important = true;
	t.key = true;
	t.daily = false;
	t.start = D(2026, 11, 1);
	t.due = D(2026, 12, 15);
	t.orig_due = D(2026, 12, 10);
	t.percent = 40;
	t.status = TASK_DOING;
	t.created_at = "2026-11-01T01:02:03Z";
	t.acked_at = "2026-11-01T05:00:00Z";
	t.created_on = D(2026, 11, 1);
	t.activity_on = D(2026, 11, 20);
	t.ms_due = D(2026, 11, 5);	/* derived: ignored on write */
	t.version = 7;			/* inserts always start at 1 */
	id = add_task(fx, &t);
	assert_int_equal(id, 1);

	task_init(&u);
	OK(store_task_get(fx->s, id, NULL, &u, &fx->e));
	assert_int_equal(u.id, id);
	assert_string_equal(u.title, "招商引资 Q4");
	assert_string_equal(u.description, "落实“马上就办”");
	assert_string_equal(u.lead, "HRB-DL");
	assert_string_equal(u.co, "HRB-NG,HRB2");
	assert_string_equal(u.owner, "wang");
	assert_string_equal(u.leader, "admin");
	assert_string_equal(u.source, "领导批示");
	assert_int_equal(u.goal_id, goal);
	assert_true(u.important && u.key && !u.daily);
	assert_int_equal(u.start, D(2026, 11, 1));
	assert_int_equal(u.due, D(2026, 12, 15));
	assert_int_equal(u.orig_due, D(2026, 12, 10));
	assert_int_equal(u.percent, 40);
	assert_int_equal(u.status, TASK_DOING);
	assert_string_equal(u.created_at, "2026-11-01T01:02:03Z");
	assert_string_equal(u.acked_at, "2026-11-01T05:00:00Z");
	assert_null(u.closed_at);
	assert_int_equal(u.created_on, D(2026, 11, 1));
	assert_int_equal(u.closed_on, DATE_NONE);
	assert_int_equal(u.activity_on, D(2026, 11, 20));
	assert_int_equal(u.ms_due, DATE_NONE);
	assert_int_equal(u.version, 1);

	/* absent values and derived defaults of the NOT NULL days */
	task_init(&t);
	t.title = "当日事";
	t.lead = "HRB";
	t.co = "";
	t.daily = true;
	t.status = TASK_OPEN;
	t.due = D(2026, 11, 2);
	t.created_at = "2026-11-02T09:00:00Z";
	id = add_task(fx, &t);
	OK(store_task_get(fx->s, id, NULL, &u, &fx->e));
	assert_int_equal(u.id, 2);
	assert_null(u.description);
	assert_null(u.co);
	assert_null(u.owner);
	assert_null(u.leader);
	assert_null(u.source);
	assert_null(u.acked_at);
	assert_int_equal(u.goal_id, 0);
	assert_true(!u.important && !u.key && u.daily);
	assert_int_equal(u.start, DATE_NONE);
	assert_int_equal(u.orig_due, D(2026, 11, 2));
	assert_int_equal(u.created_on, D(2026, 11, 2));
	assert_int_equal(u.activity_on, D(2026, 11, 2));
	assert_int_equal(u.percent, 0);

	FAILS(store_task_get(fx->s, 42, NULL, &u, &fx->e), LS_ENOTFOUND, "id",
	      "task '42' not found");
	task_release(&u);
}

static void test_task_refs(void **state)
{
	struct fx *fx = *state;
	struct task t;

	seed(fx);
	OK(store_begin(fx->s, &fx->e));
	task_plain(&t, "x", "NOPE");
	FAILS(store_task_insert(fx->s, &t, NULL, &fx->e), LS_ENOTFOUND,
	      "lead", "unit 'NOPE' not found");
	t.lead = NULL;
	FAILS(store_task_insert(fx->s, &t, NULL, &fx->e), LS_EINVAL,
	      "lead", "no lead unit");
	t.lead = "HRB";
	t.owner = "nobody";
	FAILS(store_task_insert(fx->s, &t, NULL, &fx->e), LS_ENOTFOUND,
	      "owner", "user 'nobody' not found");
	t.owner = NULL;
	t.leader = "ghost";
	FAILS(store_task_insert(fx->s, &t, NULL, &fx->e), LS_ENOTFOUND,
	      "leader", "user 'ghost' not found");
	t.leader = NULL;
	t.goal_id = 9;
	FAILS(store_task_insert(fx->s, &t, NULL, &fx->e), LS_ENOTFOUND,
	      "goal_id", "goal '9' not found");
	t.goal_id = 0;
	t.co = "HRB-DL,NOPE";
	FAILS(store_task_insert(fx->s, &t, NULL, &fx->e), LS_ENOTFOUND,
	      "co", "unit 'NOPE' not found");
	t.co = "HRB-DL,HRB-DL";
	FAILS(store_task_insert(fx->s, &t, NULL, &fx->e), LS_EINVAL,
	      "co", "co-unit 'HRB-DL' listed twice");
	store_rollback(fx->s);
	assert_string_equal(task_ids(fx, NULL), "");
}

static void test_task_update(void **state)
{
	struct fx *fx = *state;
	struct task t, u;
	struct task_filter f = TASK_FILTER_INIT;
	struct scope ng = { false, "/HRB/HRB-NG/", "nobody" };
	long long id;

	seed(fx);
	id = add_simple(fx, "a", "HRB-DL", "HRB-NG", NULL);
	task_init(&t);
	OK(store_task_get(fx->s, id, NULL, &t, &fx->e));
	assert_int_equal(t.version, 1);

	t.title = "a2";
	t.status = TASK_DONE;
	t.percent = 100;
	t.co = "HRB2";
	t.closed_at = "2026-12-01T10:00:00Z";
	t.closed_on = D(2026, 12, 1);
	t.due = D(2027, 1, 31);
	OK(store_begin(fx->s, &fx->e));
	OK(store_task_update(fx->s, &t, &fx->e));
	OK(store_commit(fx->s, &fx->e));

	task_init(&u);
	OK(store_task_get(fx->s, id, NULL, &u, &fx->e));
	assert_string_equal(u.title, "a2");
	assert_int_equal(u.status, TASK_DONE);
	assert_int_equal(u.percent, 100);
	assert_string_equal(u.co, "HRB2");
	assert_string_equal(u.closed_at, "2026-12-01T10:00:00Z");
	assert_int_equal(u.closed_on, D(2026, 12, 1));
	assert_int_equal(u.due, D(2027, 1, 31));
	assert_int_equal(u.orig_due, D(2026, 12, 31));
	assert_int_equal(u.version, 2);
	/* task_co follows co: HRB-NG no longer sees it, HRB2 does */
	f.scope = &ng;
	assert_string_equal(task_ids(fx, &f), "");
	ng.path = "/HRB2/";
	assert_string_equal(task_ids(fx, &f), "1");

	/* t still says version 1: stale */
	OK(store_begin(fx->s, &fx->e));
	FAILS(store_task_update(fx->s, &t, &fx->e), LS_EVERSION, "version",
	      "task 1 has version 2, not 1");
	t.id = 42;
	FAILS(store_task_update(fx->s, &t, &fx->e), LS_ENOTFOUND, "id",
	      "task '42' not found");
	t.id = id;
	t.version = 2;
	t.co = NULL;
	OK(store_task_update(fx->s, &t, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	OK(store_task_get(fx->s, id, NULL, &u, &fx->e));
	assert_int_equal(u.version, 3);
	assert_null(u.co);
	assert_string_equal(task_ids(fx, &f), "");
	task_release(&t);
	task_release(&u);
}

/*
 * Scope (SPEC §1): 1 led by HRB-DL; 2 led by HRB-NG with co-unit
 * HRB-DL-A; 3 led by HRB2 owned by zhang; 4 led by HRB-DLX; 5 led by HRB.
 */
static void scope_tasks(struct fx *fx)
{
	seed(fx);
	add_simple(fx, "t1", "HRB-DL", NULL, NULL);
	add_simple(fx, "t2", "HRB-NG", "HRB-DL-A", NULL);
	add_simple(fx, "t3", "HRB2", NULL, "zhang");
	add_simple(fx, "t4", "HRB-DLX", NULL, NULL);
	add_simple(fx, "t5", "HRB", NULL, NULL);
}

static long long task_n(struct fx *fx, const struct task_filter *f);

static void test_task_scope(void **state)
{
	struct fx *fx = *state;
	struct task_filter f = TASK_FILTER_INIT;
	struct scope all = { true, NULL, "admin" };
	struct scope city = { false, "/HRB/", "admin" };
	struct scope dl = { false, "/HRB/HRB-DL/", "wang" };
	struct scope dla = { false, "/HRB/HRB-DL/HRB-DL-A/", "x" };
	struct scope ng = { false, "/HRB/HRB-NG/", "zhang" };
	struct scope hrb2 = { false, "/HRB2/", "li" };
	struct scope nounit = { false, NULL, "zhang" };
	struct scope empty = { false, "", "x" };
	struct scope slash = { false, "/", "x" };
	struct task t;

	scope_tasks(fx);
	assert_string_equal(task_ids(fx, &f), "1,2,3,4,5");
	f.scope = &all;
	assert_string_equal(task_ids(fx, &f), "1,2,3,4,5");
	f.scope = &city;
	assert_string_equal(task_ids(fx, &f), "1,2,4,5");
	f.scope = &dl;
	assert_string_equal(task_ids(fx, &f), "1,2");
	f.scope = &dla;
	assert_string_equal(task_ids(fx, &f), "2");
	f.scope = &ng;
	assert_string_equal(task_ids(fx, &f), "2,3");
	f.scope = &hrb2;
	assert_string_equal(task_ids(fx, &f), "3");
	f.scope = &nounit;
	assert_string_equal(task_ids(fx, &f), "3");
	f.scope = &empty;	/* like scope_covers: "" covers everything */
	assert_string_equal(task_ids(fx, &f), "1,2,3,4,5");
	/* a range holding every unit is known without a lookup per row */
	f.scope = &slash;
	assert_string_equal(task_ids(fx, &f), "1,2,3,4,5");
	assert_int_equal(task_n(fx, &f), 5);
	f.scope = &all;
	f.unit_path = "/";
	assert_string_equal(task_ids(fx, &f), "1,2,3,4,5");
	f.unit_path = "/HRB/";	/* not every unit: HRB2 is another root */
	assert_string_equal(task_ids(fx, &f), "1,2,4,5");
	assert_int_equal(task_n(fx, &f), 4);
	f.unit_path = NULL;

	task_init(&t);
	OK(store_task_get(fx->s, 2, &dla, &t, &fx->e));
	assert_string_equal(t.title, "t2");
	OK(store_task_get(fx->s, 3, &ng, &t, &fx->e));
	assert_string_equal(t.title, "t3");
	OK(store_task_get(fx->s, 3, &all, &t, &fx->e));
	FAILS(store_task_get(fx->s, 4, &dl, &t, &fx->e), LS_ENOTFOUND, "id",
	      "task '4' not found");
	FAILS(store_task_get(fx->s, 5, &dl, &t, &fx->e), LS_ENOTFOUND, "id",
	      "task '5' not found");
	FAILS(store_task_get(fx->s, 1, &hrb2, &t, &fx->e), LS_ENOTFOUND,
	      "id", "task '1' not found");
	task_release(&t);
}

/*
 * Narrowed queries (store/tasks.c, task_narrow) answer as the plain scan
 * does: a unit subtree below the top, a scope below the top, an owner;
 * with any status and with one; rows and count alike. The tasks of
 * scope_tasks plus t6 led by HRB-DL-A owned by zhang (cancelled) and t7
 * led by HRB-DL with co-unit HRB-NG.
 */
static long long task_n(struct fx *fx, const struct task_filter *f)
{
	long long n = -1;

	OK(store_task_count(fx->s, f, &n, &fx->e));
	return n;
}

/* Sets task id's status and percent. */
static void set_status(struct fx *fx, long long id, enum task_status st,
		       int percent)
{
	struct task t;

	task_init(&t);
	OK(store_task_get(fx->s, id, NULL, &t, &fx->e));
	t.status = st;
	t.percent = percent;
	OK(store_begin(fx->s, &fx->e));
	OK(store_task_update(fx->s, &t, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	task_release(&t);
}

static void test_task_narrowing(void **state)
{
	struct fx *fx = *state;
	struct task_filter f = TASK_FILTER_INIT;
	struct scope city = { false, "/HRB/", "admin" };
	struct scope dl = { false, "/HRB/HRB-DL/", "wang" };
	struct scope ng = { false, "/HRB/HRB-NG/", "zhang" };

	scope_tasks(fx);
	set_status(fx, add_simple(fx, "t6", "HRB-DL-A", NULL, "zhang"),
		   TASK_CANCELLED, 0);
	add_simple(fx, "t7", "HRB-DL", "HRB-NG", NULL);

	/* unit: led under HRB-DL (1, 6, 7), not 2 (only a co-unit there) */
	f.scope = &city;
	f.unit_path = "/HRB/HRB-DL/";
	assert_string_equal(task_ids(fx, &f), "1,6,7");
	assert_int_equal(task_n(fx, &f), 3);
	f.status_mask = 1u << TASK_OPEN;
	assert_string_equal(task_ids(fx, &f), "1,7");
	assert_int_equal(task_n(fx, &f), 2);
	/* ... within scope NG (login zhang): 6 (owned), 7 (its co-unit) */
	f.scope = &ng;
	f.status_mask = 0;
	assert_string_equal(task_ids(fx, &f), "6,7");
	assert_int_equal(task_n(fx, &f), 2);
	/* the top unit: the plain scan, same answer */
	f.unit_path = "/HRB/";
	assert_string_equal(task_ids(fx, &f), "2,6,7");
	f.unit_path = NULL;

	/* scope NG: led (2), co-unit (7), owned by zhang (3, 6) */
	assert_string_equal(task_ids(fx, &f), "2,3,6,7");
	assert_int_equal(task_n(fx, &f), 4);
	f.status_mask = (1u << TASK_OPEN) | (1u << TASK_CANCELLED);
	assert_string_equal(task_ids(fx, &f), "2,3,6,7");
	f.status_mask = 1u << TASK_CANCELLED;
	assert_string_equal(task_ids(fx, &f), "6");
	assert_int_equal(task_n(fx, &f), 1);
	f.status_mask = 0;
	/* scope DL (login wang): led under it (1, 6, 7), co-unit (2) */
	f.scope = &dl;
	assert_string_equal(task_ids(fx, &f), "1,2,6,7");
	assert_int_equal(task_n(fx, &f), 4);

	/* owner zhang: 3 and 6, then as the scope allows */
	f.owner = "zhang";
	assert_string_equal(task_ids(fx, &f), "6");
	f.scope = NULL;
	assert_string_equal(task_ids(fx, &f), "3,6");
	assert_int_equal(task_n(fx, &f), 2);
	f.scope = &ng;
	f.status_mask = 1u << TASK_OPEN;
	assert_string_equal(task_ids(fx, &f), "3");
	assert_int_equal(task_n(fx, &f), 1);
	f.owner = "nobody";
	assert_string_equal(task_ids(fx, &f), "");
	assert_int_equal(task_n(fx, &f), 0);
	/* paging on a narrowed query: the second row of scope NG */
	f.owner = NULL;
	f.status_mask = 0;
	f.limit = 1;
	f.offset = 1;
	assert_string_equal(task_ids(fx, &f), "3");
}

/*
 * The board's reading: the light's columns of every task led in the
 * subtree, cancelled ones too, grouped by lead.
 */
struct lights {
	char s[256];
	int n;
};

static int lights_cb(const struct task *t, void *arg)
{
	struct lights *x = arg;
	size_t len = strlen(x->s);

	snprintf(x->s + len, sizeof(x->s) - len, "%s%s:%s:%d", x->n++ ? ","
		 : "", t->lead, task_status_name(t->status), t->percent);
	return 0;
}

/*
 * Every task led in the subtree, unit by unit, with what task_light reads
 * for its status (task_light_inputs): a doing task's percent, nothing of
 * a cancelled one (its percent stays 0).
 */
static void test_task_lights(void **state)
{
	struct fx *fx = *state;
	struct lights x;

	scope_tasks(fx);
	set_status(fx, add_simple(fx, "t6", "HRB-DL-A", NULL, NULL),
		   TASK_DOING, 40);
	set_status(fx, add_simple(fx, "t8", "HRB-DL-A", NULL, NULL),
		   TASK_CANCELLED, 30);
	add_simple(fx, "t7", "HRB-DL", NULL, NULL);

	memset(&x, 0, sizeof(x));
	OK(store_task_lights(fx->s, "/HRB/HRB-DL/", lights_cb, &x, &fx->e));
	/* HRB-DL's two (1, 7) together, then HRB-DL-A's, in unit order
	 * (within a unit in any order: PostgreSQL's differs) */
	assert_int_equal(x.n, 4);
	assert_memory_equal(x.s, "HRB-DL:open:0,HRB-DL:open:0,HRB-DL-A:", 37);
	assert_non_null(strstr(x.s, ",HRB-DL-A:cancelled:0"));
	assert_non_null(strstr(x.s, ",HRB-DL-A:doing:40"));
	memset(&x, 0, sizeof(x));
	OK(store_task_lights(fx->s, NULL, lights_cb, &x, &fx->e));
	assert_int_equal(x.n, 8);
	memset(&x, 0, sizeof(x));
	OK(store_task_lights(fx->s, "/HRB/HRB-NG/", lights_cb, &x, &fx->e));
	assert_string_equal(x.s, "HRB-NG:open:0");
	memset(&x, 0, sizeof(x));
	OK(store_task_lights(fx->s, "/NONE/", lights_cb, &x, &fx->e));
	assert_int_equal(x.n, 0);
}

/* The bulletin's candidates: lead in the subtree, live past due or past
 * a milestone's due, or closed after due within [from, to]; by lead code,
 * then id; with the lead's and the owner's names. T = 2026-11-26. */
struct bul_rows {
	char s[512];
	size_t len;
};

static int bul_cb(const struct task *t, const char *lead_name,
		  const char *owner_name, void *arg)
{
	struct bul_rows *x = arg;

	x->len += (size_t)snprintf(x->s + x->len, sizeof(x->s) - x->len,
				   "%s%lld %s %s %s", x->len ? ";" : "",
				   t->id, t->lead, lead_name,
				   owner_name ? owner_name : "-");
	return 0;
}

static void test_bulletin_tasks(void **state)
{
	struct fx *fx = *state;
	struct bul_rows x;
	struct task t;

	seed(fx);
	/* 1 HRB-NG past due (owner zhang) */
	task_plain(&t, "t1", "HRB-NG");
	t.due = D(2026, 11, 20);
	t.owner = "zhang";
	add_task(fx, &t);
	/* 2 HRB-DL due today: not past due */
	task_plain(&t, "t2", "HRB-DL");
	t.due = D(2026, 11, 26);
	add_task(fx, &t);
	/* 3 HRB-DL closed 11-05 after due 11-01: a candidate for Q4 */
	task_plain(&t, "t3", "HRB-DL");
	t.due = D(2026, 11, 1);
	t.status = TASK_DONE;
	t.closed_on = D(2026, 11, 5);
	add_task(fx, &t);
	/* 4 HRB-DL closed on its due day: not */
	t.closed_on = t.due;
	t.title = "t4";
	add_task(fx, &t);
	/* 5 HRB-DLX cancelled past due: not */
	task_plain(&t, "t5", "HRB-DLX");
	t.due = D(2026, 11, 1);
	t.status = TASK_CANCELLED;
	add_task(fx, &t);
	/* 6 HRB-DL-A doing past due, 7 HRB2 past due */
	task_plain(&t, "t6", "HRB-DL-A");
	t.due = D(2026, 10, 1);
	t.status = TASK_DOING;
	add_task(fx, &t);
	task_plain(&t, "t7", "HRB2");
	t.due = D(2026, 10, 1);
	add_task(fx, &t);

	memset(&x, 0, sizeof(x));
	OK(store_bulletin_tasks(fx->s, NULL, D(2026, 11, 26),
				D(2026, 10, 1), D(2026, 12, 31), bul_cb, &x,
				&fx->e));
	assert_string_equal(x.s, "3 HRB-DL 道里区 -;6 HRB-DL-A 安静街道 -;"
			    "1 HRB-NG 南岗区 张三;7 HRB2 松北新区 -");
	memset(&x, 0, sizeof(x));
	OK(store_bulletin_tasks(fx->s, "/HRB/HRB-DL/", D(2026, 11, 26),
				D(2026, 11, 6), D(2026, 12, 31), bul_cb, &x,
				&fx->e));
	/* 3 closed 11-05, before the range */
	assert_string_equal(x.s, "6 HRB-DL-A 安静街道 -");
}

static void test_task_filters(void **state)
{
	struct fx *fx = *state;
	struct task_filter f = TASK_FILTER_INIT;
	struct scope dl = { false, "/HRB/HRB-DL/", "wang" };
	struct task t;
	long long goal;

	seed(fx);
	OK(store_begin(fx->s, &fx->e));
	goal = add_goal(fx, "A");
	OK(store_commit(fx->s, &fx->e));
	/* 1: HRB-DL open key, owner wang, due 11-30, goal */
	task_plain(&t, "t1", "HRB-DL");
	t.key = true;
	t.owner = "wang";
	t.due = D(2026, 11, 30);
	t.goal_id = goal;
	add_task(fx, &t);
	/* 2: HRB-DL-A doing, owner zhang, due 12-01 */
	task_plain(&t, "t2", "HRB-DL-A");
	t.status = TASK_DOING;
	t.owner = "zhang";
	t.due = D(2026, 12, 1);
	add_task(fx, &t);
	/* 3: HRB-NG done, key, co HRB-DL, goal */
	task_plain(&t, "t3", "HRB-NG");
	t.status = TASK_DONE;
	t.key = true;
	t.co = "HRB-DL";
	t.goal_id = goal;
	add_task(fx, &t);
	/* 4: HRB-DLX cancelled, owner wang */
	task_plain(&t, "t4", "HRB-DLX");
	t.status = TASK_CANCELLED;
	t.owner = "wang";
	t.due = D(2026, 10, 1);
	add_task(fx, &t);
	/* 5: HRB review */
	task_plain(&t, "t5", "HRB");
	t.status = TASK_REVIEW;
	add_task(fx, &t);

	assert_string_equal(task_ids(fx, NULL), "1,2,3,4,5");
	f.unit_path = "/HRB/HRB-DL/";
	assert_string_equal(task_ids(fx, &f), "1,2");	/* lead only */
	f.unit_path = "/HRB/";
	assert_string_equal(task_ids(fx, &f), "1,2,3,4,5");
	f.unit_path = "/HRB2/";
	assert_string_equal(task_ids(fx, &f), "");
	f.unit_path = NULL;

	f.status_mask = 1u << TASK_OPEN;
	assert_string_equal(task_ids(fx, &f), "1");
	f.status_mask = (1u << TASK_DOING) | (1u << TASK_REVIEW);
	assert_string_equal(task_ids(fx, &f), "2,5");
	f.status_mask = (1u << TASK_DONE) | (1u << TASK_CANCELLED);
	assert_string_equal(task_ids(fx, &f), "3,4");
	f.status_mask = 0;

	f.owner = "wang";
	assert_string_equal(task_ids(fx, &f), "1,4");
	f.owner = "nobody";
	assert_string_equal(task_ids(fx, &f), "");
	f.owner = NULL;

	f.key_only = true;
	assert_string_equal(task_ids(fx, &f), "1,3");
	f.key_only = false;

	f.due_before = D(2026, 12, 1);
	assert_string_equal(task_ids(fx, &f), "1,4");
	f.due_before = D(2026, 12, 2);
	assert_string_equal(task_ids(fx, &f), "1,2,4");
	f.due_before = DATE_NONE;

	f.goal_id = goal;
	assert_string_equal(task_ids(fx, &f), "1,3");
	f.goal_id = 99;
	assert_string_equal(task_ids(fx, &f), "");
	f.goal_id = 0;
	f.with_goal = true;
	assert_string_equal(task_ids(fx, &f), "1,3");
	f.with_goal = false;

	/* combined: wang's scope sees 3 through its co-unit, 4 as owner */
	f.scope = &dl;
	assert_string_equal(task_ids(fx, &f), "1,2,3,4");
	f.key_only = true;
	assert_string_equal(task_ids(fx, &f), "1,3");
	f.unit_path = "/HRB/HRB-DL/";
	assert_string_equal(task_ids(fx, &f), "1");
	f.status_mask = 1u << TASK_DONE;
	assert_string_equal(task_ids(fx, &f), "");
}

static void test_task_search(void **state)
{
	struct fx *fx = *state;
	struct task_filter f = TASK_FILTER_INIT;
	struct task t;

	seed(fx);
	add_simple(fx, "Road Repair", "HRB", NULL, NULL);
	add_simple(fx, "100% done", "HRB", NULL, NULL);
	add_simple(fx, "snake_case", "HRB", NULL, NULL);
	task_plain(&t, "其他", "HRB");
	t.description = "修复 ROAD 路面; back\\slash";
	add_task(fx, &t);
	add_simple(fx, "100 percent", "HRB", NULL, NULL);
	add_simple(fx, "snakeXcase", "HRB", NULL, NULL);
	add_simple(fx, "道路维修", "HRB", NULL, NULL);

	f.search = "road";
	assert_string_equal(task_ids(fx, &f), "1,4");
	f.search = "REPAIR";
	assert_string_equal(task_ids(fx, &f), "1");
	f.search = "0%";
	assert_string_equal(task_ids(fx, &f), "2");
	f.search = "e_c";
	assert_string_equal(task_ids(fx, &f), "3");
	f.search = "\\s";
	assert_string_equal(task_ids(fx, &f), "4");
	f.search = "路";
	assert_string_equal(task_ids(fx, &f), "4,7");
	f.search = "道路";
	assert_string_equal(task_ids(fx, &f), "7");
	f.search = "";
	assert_string_equal(task_ids(fx, &f), "1,2,3,4,5,6,7");
	f.search = "nothing";
	assert_string_equal(task_ids(fx, &f), "");
}

/* A get inside an each callback must not disturb the iteration. */
struct nested {
	struct fx *fx;
	struct ids ids;
	int gets;
};

static int nested_cb(const struct task *t, void *arg)
{
	struct nested *n = arg;
	struct task other;
	long long want = t->id;

	task_init(&other);
	if (store_task_get(n->fx->s, 1, NULL, &other, &n->fx->e) == LS_OK &&
	    other.id == 1)
		n->gets++;
	task_release(&other);
	return ids_add(&n->ids, t, want);
}

static void test_task_each(void **state)
{
	struct fx *fx = *state;
	struct task_filter f = TASK_FILTER_INIT;
	struct nested n;
	struct ids x;

	scope_tasks(fx);
	ids_init(&x);
	x.stop_after = 2;
	OK(store_task_each(fx->s, &f, task_id_cb, &x, &fx->e));
	assert_int_equal(x.n, 2);
	assert_int_equal(x.v[1], 2);

	ids_init(&x);
	OK(store_task_each(fx->s, &f, task_id_cb, &x, &fx->e));
	assert_int_equal(x.n, 5);
	assert_true(x.same_rec);

	memset(&n, 0, sizeof(n));
	n.fx = fx;
	ids_init(&n.ids);
	OK(store_task_each(fx->s, &f, nested_cb, &n, &fx->e));
	assert_int_equal(n.ids.n, 5);
	assert_int_equal(n.ids.v[4], 5);
	assert_int_equal(n.gets, 5);
}

/* Task history */

static int milestone_cb(const struct milestone *m, void *arg)
{
	struct names *x = arg;
	char row[128], a[DATE_STRLEN], b[DATE_STRLEN];

	snprintf(row, sizeof(row), "%lld:%lld:%s:%s:%s", m->id, m->task_id,
		 m->title, date_format(m->due, a),
		 m->done_on == DATE_NONE ? "-" : date_format(m->done_on, b));
	names_add(x, row);
	return 0;
}

static int ms_due_of(struct fx *fx, long long id)
{
	struct task t;
	int due;

	task_init(&t);
	OK(store_task_get(fx->s, id, NULL, &t, &fx->e));
	due = t.ms_due;
	task_release(&t);
	return due;
}

static void test_milestones(void **state)
{
	struct fx *fx = *state;
	struct milestone m = { .arena = BUF_INIT };
	struct names x;
	struct task t;
	long long task, other, m1 = 0, m2 = 0, m3 = 0;

	seed(fx);
	task = add_simple(fx, "t1", "HRB", NULL, NULL);
	other = add_simple(fx, "t2", "HRB", NULL, NULL);
	assert_int_equal(ms_due_of(fx, task), DATE_NONE);

	OK(store_begin(fx->s, &fx->e));
	m.task_id = task;
	m.title = "方案";
	m.due = D(2026, 11, 20);
	m.done_on = DATE_NONE;
	OK(store_milestone_insert(fx->s, &m, &m1, &fx->e));
	m.title = "验收";
	m.due = D(2026, 11, 10);
	OK(store_milestone_insert(fx->s, &m, &m2, &fx->e));
	m.task_id = other;
	m.title = "done already";
	m.due = D(2026, 11, 1);
	m.done_on = D(2026, 10, 30);
	OK(store_milestone_insert(fx->s, &m, &m3, &fx->e));
	m.task_id = 42;
	FAILS(store_milestone_insert(fx->s, &m, NULL, &fx->e), LS_ENOTFOUND,
	      "task_id", "task '42' not found");
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(ms_due_of(fx, task), D(2026, 11, 10));
	assert_int_equal(ms_due_of(fx, other), DATE_NONE);

	OK(store_begin(fx->s, &fx->e));
	OK(store_milestone_set_done(fx->s, m2, D(2026, 11, 9), &fx->e));
	FAILS(store_milestone_set_done(fx->s, 99, D(2026, 11, 9), &fx->e),
	      LS_ENOTFOUND, "id", "milestone '99' not found");
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(ms_due_of(fx, task), D(2026, 11, 20));

	OK(store_milestone_get(fx->s, m2, &m, &fx->e));
	assert_int_equal(m.id, m2);
	assert_int_equal(m.task_id, task);
	assert_string_equal(m.title, "验收");
	assert_int_equal(m.due, D(2026, 11, 10));
	assert_int_equal(m.done_on, D(2026, 11, 9));
	FAILS(store_milestone_get(fx->s, 99, &m, &fx->e), LS_ENOTFOUND, "id",
	      "milestone '99' not found");
	buf_release(&m.arena);

	memset(&x, 0, sizeof(x));
	OK(store_milestone_each(fx->s, task, milestone_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:1:方案:2026-11-20:-,"
			    "2:1:验收:2026-11-10:2026-11-09");

	/* a task update recomputes ms_due whatever the record says */
	task_init(&t);
	OK(store_task_get(fx->s, task, NULL, &t, &fx->e));
	t.ms_due = D(2030, 1, 1);
	OK(store_begin(fx->s, &fx->e));
	OK(store_milestone_set_done(fx->s, m1, D(2026, 11, 19), &fx->e));
	OK(store_task_update(fx->s, &t, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(ms_due_of(fx, task), DATE_NONE);
	task_release(&t);
}

static int report_cb(const struct report *r, void *arg)
{
	struct names *x = arg;
	char row[256], d[DATE_STRLEN];

	snprintf(row, sizeof(row), "%lld:%lld:%s:%s:%s:%d:%s", r->id,
		 r->task_id, r->at, date_format(r->on, d), r->author,
		 r->percent, r->note ? r->note : "-");
	names_add(x, row);
	return 0;
}

static int evidence_cb(const struct evidence *ev, void *arg)
{
	struct names *x = arg;
	char row[256];

	snprintf(row, sizeof(row), "%lld:%lld:%s:%s:%lld", ev->id,
		 ev->report_id, ev->sha256, ev->name, ev->size);
	names_add(x, row);
	return x->stop_after && x->n >= x->stop_after;
}

static void test_reports(void **state)
{
	struct fx *fx = *state;
	struct report r = { .arena = BUF_INIT };
	struct evidence ev = { .arena = BUF_INIT };
	struct names x;
	long long t1, t2, r1 = 0, r2 = 0, r3 = 0, e1 = 0;

	seed(fx);
	t1 = add_simple(fx, "t1", "HRB", NULL, NULL);
	t2 = add_simple(fx, "t2", "HRB", NULL, NULL);
	OK(store_begin(fx->s, &fx->e));
	r.task_id = t1;
	r.at = "2026-11-03T23:30:00Z";
	r.on = D(2026, 11, 4);		/* local day differs from UTC */
	r.author = "wang";
	r.percent = 30;
	r.note = "进展顺利";
	OK(store_report_insert(fx->s, &r, &r1, &fx->e));
	r.task_id = t2;
	r.on = DATE_NONE;		/* derived from at */
	r.percent = 10;
	r.note = NULL;
	OK(store_report_insert(fx->s, &r, &r2, &fx->e));
	r.task_id = t1;
	r.at = "2026-11-05T08:00:00Z";
	r.on = D(2026, 11, 5);
	r.percent = 60;
	OK(store_report_insert(fx->s, &r, &r3, &fx->e));
	r.task_id = 42;
	FAILS(store_report_insert(fx->s, &r, NULL, &fx->e), LS_ENOTFOUND,
	      "task_id", "task '42' not found");

	ev.report_id = r1;
	ev.sha256 = "ab12";
	ev.name = "照片.jpg";
	ev.size = 12345;
	OK(store_evidence_insert(fx->s, &ev, &e1, &fx->e));
	ev.report_id = r2;
	ev.name = "other.pdf";
	OK(store_evidence_insert(fx->s, &ev, NULL, &fx->e));
	ev.report_id = r3;
	ev.sha256 = "cd34";
	ev.name = "纪要.pdf";
	ev.size = 5000000000LL;
	OK(store_evidence_insert(fx->s, &ev, NULL, &fx->e));
	ev.report_id = 99;
	FAILS(store_evidence_insert(fx->s, &ev, NULL, &fx->e), LS_ENOTFOUND,
	      "report_id", "report '99' not found");
	OK(store_commit(fx->s, &fx->e));
	assert_int_equal(e1, 1);

	memset(&x, 0, sizeof(x));
	OK(store_report_each(fx->s, t1, report_cb, &x, &fx->e));
	assert_string_equal(x.s,
		"1:1:2026-11-03T23:30:00Z:2026-11-04:wang:30:进展顺利,"
		"3:1:2026-11-05T08:00:00Z:2026-11-05:wang:60:-");
	memset(&x, 0, sizeof(x));
	OK(store_report_each(fx->s, t2, report_cb, &x, &fx->e));
	assert_string_equal(x.s,
		"2:2:2026-11-03T23:30:00Z:2026-11-03:wang:10:-");

	memset(&x, 0, sizeof(x));
	OK(store_evidence_each(fx->s, t1, evidence_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:1:ab12:照片.jpg:12345,"
			    "3:3:cd34:纪要.pdf:5000000000");
	memset(&x, 0, sizeof(x));
	x.stop_after = 1;
	OK(store_evidence_each(fx->s, t1, evidence_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:1:ab12:照片.jpg:12345");
	memset(&x, 0, sizeof(x));
	OK(store_evidence_each(fx->s, 42, evidence_cb, &x, &fx->e));
	assert_string_equal(x.s, "");
}

static int event_cb(const struct task_event *ev, void *arg)
{
	struct names *x = arg;
	char row[256];

	snprintf(row, sizeof(row), "%lld:%lld:%s:%s:%s:%s", ev->id,
		 ev->task_id, ev->at, ev->by, ev->kind,
		 ev->note ? ev->note : "-");
	names_add(x, row);
	return 0;
}

static int extension_cb(const struct extension *xt, void *arg)
{
	struct names *x = arg;
	char row[256], a[DATE_STRLEN], b[DATE_STRLEN];

	snprintf(row, sizeof(row), "%lld:%lld:%s:%s:%s:%s:%s", xt->id,
		 xt->task_id, date_format(xt->from_due, a),
		 date_format(xt->to_due, b), xt->reason, xt->by, xt->at);
	names_add(x, row);
	return 0;
}

static int risk_cb(const struct risk *k, void *arg)
{
	struct names *x = arg;
	char row[256];

	snprintf(row, sizeof(row), "%lld:%lld:%s:%s:%s:%s:%s", k->id,
		 k->task_id, k->description, k->plan,
		 risk_level_name(k->level), k->by, k->at);
	names_add(x, row);
	return 0;
}

static void test_events_extensions_risks(void **state)
{
	struct fx *fx = *state;
	struct task_event ev = { .arena = BUF_INIT };
	struct extension xt = { .arena = BUF_INIT };
	struct risk k = { .arena = BUF_INIT };
	struct names x;
	long long t1, t2, id = 0;

	seed(fx);
	t1 = add_simple(fx, "t1", "HRB", NULL, NULL);
	t2 = add_simple(fx, "t2", "HRB", NULL, NULL);
	OK(store_begin(fx->s, &fx->e));
	ev.task_id = t1;
	ev.at = "2026-11-02T09:00:00Z";
	ev.by = "admin";
	ev.kind = "create";
	OK(store_event_insert(fx->s, &ev, &id, &fx->e));
	assert_int_equal(id, 1);
	ev.task_id = t2;
	OK(store_event_insert(fx->s, &ev, NULL, &fx->e));
	ev.task_id = t1;
	ev.at = "2026-11-03T09:00:00Z";
	ev.by = "wang";
	ev.kind = "urge";
	ev.note = "请尽快办理";
	OK(store_event_insert(fx->s, &ev, &id, &fx->e));
	assert_int_equal(id, 3);
	ev.task_id = 42;
	FAILS(store_event_insert(fx->s, &ev, NULL, &fx->e), LS_ENOTFOUND,
	      "task_id", "task '42' not found");

	xt.task_id = t1;
	xt.from_due = D(2026, 12, 31);
	xt.to_due = D(2027, 1, 15);
	xt.reason = "资金未到位";
	xt.by = "wang";
	xt.at = "2026-12-20T09:00:00Z";
	OK(store_extension_insert(fx->s, &xt, &id, &fx->e));
	assert_int_equal(id, 1);
	xt.task_id = 42;
	FAILS(store_extension_insert(fx->s, &xt, NULL, &fx->e), LS_ENOTFOUND,
	      "task_id", "task '42' not found");

	k.task_id = t2;
	k.description = "冬季施工";
	k.plan = "提前备料";
	k.level = RISK_HIGH;
	k.by = "zhang";
	k.at = "2026-11-04T09:00:00Z";
	OK(store_risk_insert(fx->s, &k, &id, &fx->e));
	k.level = RISK_LOW;
	k.description = "雨雪";
	OK(store_risk_insert(fx->s, &k, &id, &fx->e));
	assert_int_equal(id, 2);
	k.task_id = 42;
	FAILS(store_risk_insert(fx->s, &k, NULL, &fx->e), LS_ENOTFOUND,
	      "task_id", "task '42' not found");
	OK(store_commit(fx->s, &fx->e));

	memset(&x, 0, sizeof(x));
	OK(store_event_each(fx->s, t1, event_cb, &x, &fx->e));
	assert_string_equal(x.s,
		"1:1:2026-11-02T09:00:00Z:admin:create:-,"
		"3:1:2026-11-03T09:00:00Z:wang:urge:请尽快办理");
	memset(&x, 0, sizeof(x));
	OK(store_extension_each(fx->s, t1, extension_cb, &x, &fx->e));
	assert_string_equal(x.s, "1:1:2026-12-31:2027-01-15:资金未到位:wang:"
			    "2026-12-20T09:00:00Z");
	memset(&x, 0, sizeof(x));
	OK(store_extension_each(fx->s, t2, extension_cb, &x, &fx->e));
	assert_string_equal(x.s, "");
	memset(&x, 0, sizeof(x));
	OK(store_risk_each(fx->s, t2, risk_cb, &x, &fx->e));
	assert_string_equal(x.s,
		"1:2:冬季施工:提前备料:high:zhang:2026-11-04T09:00:00Z,"
		"2:2:雨雪:提前备料:low:zhang:2026-11-04T09:00:00Z");
}

/* Calendar */

static int calendar_cb(int day, enum cal_kind kind, const char *name,
		       void *arg)
{
	struct names *x = arg;
	char row[128], d[DATE_STRLEN];

	snprintf(row, sizeof(row), "%s:%s:%s", date_format(day, d),
		 kind == CAL_HOLIDAY ? "holiday" : "workday",
		 name ? name : "-");
	names_add(x, row);
	return x->stop_after && x->n >= x->stop_after;
}

static void test_calendar(void **state)
{
	struct fx *fx = *state;
	struct calendar c = CALENDAR_INIT;
	struct names x;

	OK(store_begin(fx->s, &fx->e));
	OK(store_calendar_put(fx->s, D(2026, 10, 1), CAL_HOLIDAY, "国庆节",
			      &fx->e));
	OK(store_calendar_put(fx->s, D(2026, 9, 27), CAL_WORKDAY, NULL,
			      &fx->e));
	OK(store_calendar_put(fx->s, D(2026, 10, 2), CAL_WORKDAY, "x",
			      &fx->e));
	OK(store_calendar_put(fx->s, D(2026, 10, 2), CAL_HOLIDAY, "国庆节",
			      &fx->e));	/* upsert */
	FAILS(store_calendar_put(fx->s, DATE_NONE, CAL_HOLIDAY, NULL,
				 &fx->e), LS_EINVAL, "day",
	      "no calendar day");
	OK(store_commit(fx->s, &fx->e));

	memset(&x, 0, sizeof(x));
	OK(store_calendar_each(fx->s, calendar_cb, &x, &fx->e));
	assert_string_equal(x.s, "2026-09-27:workday:-,"
			    "2026-10-01:holiday:国庆节,"
			    "2026-10-02:holiday:国庆节");
	memset(&x, 0, sizeof(x));
	x.stop_after = 1;
	OK(store_calendar_each(fx->s, calendar_cb, &x, &fx->e));
	assert_string_equal(x.s, "2026-09-27:workday:-");

	calendar_add(&c, D(2030, 1, 1), CAL_HOLIDAY);	/* replaced */
	OK(store_calendar_load(fx->s, &c, &fx->e));
	assert_int_equal(c.n, 3);
	assert_int_equal(c.days[0].day, D(2026, 9, 27));
	assert_int_equal(c.days[0].kind, CAL_WORKDAY);
	assert_int_equal(c.days[2].day, D(2026, 10, 2));
	assert_int_equal(c.days[2].kind, CAL_HOLIDAY);
	assert_true(calendar_is_workday(&c, D(2026, 9, 27)));	/* Sunday */
	assert_false(calendar_is_workday(&c, D(2026, 10, 1)));
	assert_true(calendar_is_workday(&c, D(2030, 1, 1)));
	calendar_release(&c);
}

/* Audit */

struct audit_rows {
	struct names n;
	char prev[AUDIT_HASHLEN];
	bool chain_ok;
	int stop_after;
};

static int audit_cb(const struct audit_entry *a, void *arg)
{
	struct audit_rows *x = arg;
	char row[256], h[AUDIT_HASHLEN];

	snprintf(row, sizeof(row), "%lld:%s:%s:%s:%s:%s:%s:%s", a->id, a->at,
		 a->actor, a->action, a->entity,
		 a->entity_id ? a->entity_id : "-",
		 a->before ? a->before : "-", a->after ? a->after : "-");
	names_add(&x->n, row);
	audit_hash(a->prev, a, h);
	if (strcmp(h, a->hash) || (x->prev[0] && strcmp(x->prev, a->prev)))
		x->chain_ok = false;
	snprintf(x->prev, sizeof(x->prev), "%s", a->hash);
	return x->stop_after && x->n.n >= x->stop_after;
}

static void append(struct fx *fx, const char *action, const char *entity,
		   const char *entity_id, const char *before,
		   const char *after)
{
	struct audit_entry a;
	long long last;

	memset(&a, 0, sizeof(a));
	OK(store_begin(fx->s, &fx->e));
	OK(store_audit_head(fx->s, &last, a.prev, &fx->e));
	a.id = last + 1;
	a.at = "2026-11-26T09:00:00Z";
	a.actor = "admin";
	a.action = action;
	a.entity = entity;
	a.entity_id = entity_id;
	a.before = before;
	a.after = after;
	audit_hash(a.prev, &a, a.hash);
	OK(store_audit_append(fx->s, &a, &fx->e));
	OK(store_commit(fx->s, &fx->e));
}

static void test_audit(void **state)
{
	struct fx *fx = *state;
	struct audit_filter f = { NULL, NULL, 0 };
	struct audit_rows x;
	struct audit_entry a;
	char hash[AUDIT_HASHLEN];
	long long id = -1;

	OK(store_audit_head(fx->s, &id, hash, &fx->e));
	assert_int_equal(id, 0);
	assert_string_equal(hash, audit_genesis);

	append(fx, "unit.add", "unit", "HRB", NULL, "{\"code\":\"HRB\"}");
	append(fx, "task.add", "task", "1", NULL, "{\"id\":1}");
	append(fx, "task.ack", "task", "1", "{\"status\":\"open\"}",
	       "{\"status\":\"doing\"}");
	append(fx, "settings.put", "settings", NULL, NULL, "{}");

	memset(&x, 0, sizeof(x));
	x.chain_ok = true;
	OK(store_audit_each(fx->s, &f, audit_cb, &x, &fx->e));
	assert_string_equal(x.n.s,
		"1:2026-11-26T09:00:00Z:admin:unit.add:unit:HRB:-:"
		"{\"code\":\"HRB\"},"
		"2:2026-11-26T09:00:00Z:admin:task.add:task:1:-:{\"id\":1},"
		"3:2026-11-26T09:00:00Z:admin:task.ack:task:1:"
		"{\"status\":\"open\"}:{\"status\":\"doing\"},"
		"4:2026-11-26T09:00:00Z:admin:settings.put:settings:-:-:{}");
	assert_true(x.chain_ok);
	OK(store_audit_head(fx->s, &id, hash, &fx->e));
	assert_int_equal(id, 4);
	assert_string_equal(hash, x.prev);

	memset(&x, 0, sizeof(x));
	OK(store_audit_each(fx->s, NULL, audit_cb, &x, &fx->e));
	assert_int_equal(x.n.n, 4);

	memset(&x, 0, sizeof(x));
	f.entity = "task";
	OK(store_audit_each(fx->s, &f, audit_cb, &x, &fx->e));
	assert_int_equal(x.n.n, 2);
	memset(&x, 0, sizeof(x));
	f.entity_id = "1";
	f.after_id = 2;
	OK(store_audit_each(fx->s, &f, audit_cb, &x, &fx->e));
	assert_string_equal(x.n.s, "3:2026-11-26T09:00:00Z:admin:task.ack:"
			    "task:1:{\"status\":\"open\"}:"
			    "{\"status\":\"doing\"}");
	memset(&x, 0, sizeof(x));
	f.entity = "unit";
	f.entity_id = "HRB";
	f.after_id = 0;
	OK(store_audit_each(fx->s, &f, audit_cb, &x, &fx->e));
	assert_int_equal(x.n.n, 1);
	memset(&x, 0, sizeof(x));
	x.stop_after = 2;
	OK(store_audit_each(fx->s, NULL, audit_cb, &x, &fx->e));
	assert_int_equal(x.n.n, 2);

	/* an id already used is a conflict and moves nothing */
	memset(&a, 0, sizeof(a));
	a.id = 4;
	a.at = "2026-11-26T10:00:00Z";
	a.actor = "admin";
	a.action = "x";
	a.entity = "x";
	snprintf(a.prev, sizeof(a.prev), "%s", hash);
	audit_hash(a.prev, &a, a.hash);
	OK(store_begin(fx->s, &fx->e));
	FAILS(store_audit_append(fx->s, &a, &fx->e), LS_ECONFLICT, "id",
	      "audit entry 4 already exists");
	store_rollback(fx->s);
	OK(store_audit_head(fx->s, &id, hash, &fx->e));
	assert_int_equal(id, 4);
}

/* Cadre ratings */

static int rating_cb(const struct rating *r, void *arg)
{
	struct names *x = arg;
	char row[256];

	snprintf(row, sizeof(row), "%s<%s:%s:%d/%d/%d/%d/%d:%s:%s:%s:%s",
		 r->login, r->rater, rater_type_name(r->type), r->score[0],
		 r->score[1], r->score[2], r->score[3], r->score[4],
		 r->veto ? r->veto : "-", r->by, r->unit ? r->unit : "-",
		 r->unit_path ? r->unit_path : "-");
	names_add(x, row);
	return x->stop_after && x->n >= x->stop_after;
}

static void ballot(struct rating *r, const char *login, const char *period,
		   const char *rater, enum rater_type type, int base)
{
	rating_init(r);
	r->login = login;
	r->period = period;
	r->rater = rater;
	r->type = type;
	for (int d = 0; d < CADRE_NDIM; d++)
		r->score[d] = base + d;
	r->by = rater;
	r->at = "2026-11-26T09:00:00Z";
}

static int owned_cb(const struct task *t, void *arg)
{
	struct names *x = arg;
	char row[128], due[DATE_STRLEN], closed[DATE_STRLEN];

	snprintf(row, sizeof(row), "%s#%lld:%s:%s:%s", t->owner, t->id,
		 date_format(t->due, due), date_format(t->closed_on, closed),
		 task_status_name(t->status));
	names_add(x, row);
	return 0;
}

static void test_cadre(void **state)
{
	struct fx *fx = *state;
	struct rating r;
	struct names x;
	struct task t;
	long long id1, id2, id3, tid;

	seed(fx);
	OK(store_begin(fx->s, &fx->e));
	ballot(&r, "zhang", "2026", "wang", RATER_SUPERIOR, 80);
	OK(store_rating_put(fx->s, &r, &id1, &fx->e));
	ballot(&r, "zhang", "2026", "li", RATER_PEER, 70);
	r.veto = "廉洁";
	OK(store_rating_put(fx->s, &r, &id2, &fx->e));
	ballot(&r, "wang", "2026", "zhang", RATER_SUBORDINATE, 60);
	OK(store_rating_put(fx->s, &r, &id3, &fx->e));
	ballot(&r, "wang", "2026-Q3", "zhang", RATER_PUBLIC, 50);
	OK(store_rating_put(fx->s, &r, &tid, &fx->e));
	/* the same (login, period, rater) again replaces, keeping the id */
	ballot(&r, "zhang", "2026", "wang", RATER_PEER, 90);
	r.by = "admin";
	OK(store_rating_put(fx->s, &r, &tid, &fx->e));
	assert_int_equal(tid, id1);
	ballot(&r, "nobody", "2026", "wang", RATER_PEER, 90);
	FAILS(store_rating_put(fx->s, &r, &tid, &fx->e), LS_ENOTFOUND,
	      "login", "user 'nobody' not found");
	ballot(&r, "zhang", "2026", "nobody", RATER_PEER, 90);
	FAILS(store_rating_put(fx->s, &r, &tid, &fx->e), LS_ENOTFOUND,
	      "rater", "user 'nobody' not found");
	OK(store_commit(fx->s, &fx->e));
	assert_true(id1 != id2 && id2 != id3);

	memset(&x, 0, sizeof(x));
	OK(store_rating_each_period(fx->s, "2026", rating_cb, &x, &fx->e));
	assert_string_equal(x.s,
		"wang<zhang:subordinate:60/61/62/63/64:-:zhang:HRB-DL:"
		"/HRB/HRB-DL/,"
		"zhang<li:peer:70/71/72/73/74:廉洁:li:HRB-NG:/HRB/HRB-NG/,"
		"zhang<wang:peer:90/91/92/93/94:-:admin:HRB-NG:/HRB/HRB-NG/");
	memset(&x, 0, sizeof(x));
	x.stop_after = 1;
	OK(store_rating_each_period(fx->s, "2026", rating_cb, &x, &fx->e));
	assert_int_equal(x.n, 1);
	memset(&x, 0, sizeof(x));
	OK(store_rating_each_rater(fx->s, "zhang", "2026-Q3", rating_cb, &x,
				   &fx->e));
	assert_string_equal(x.s, "wang<zhang:public:50/51/52/53/54:-:zhang:"
			    "HRB-DL:/HRB/HRB-DL/");

	rating_init(&r);
	OK(store_rating_get(fx->s, "zhang", "2026", "li", &r, &fx->e));
	assert_int_equal(r.id, id2);
	assert_string_equal(r.veto, "廉洁");
	assert_string_equal(r.name, "张三");
	rating_release(&r);
	FAILS(store_rating_get(fx->s, "zhang", "2025", "li", &r, &fx->e),
	      LS_ENOTFOUND, "login",
	      "no rating of 'zhang' by 'li' for period 2025");
	rating_release(&r);

	/* owned tasks due in Q4 2026, cancelled ones left out */
	task_plain(&t, "a", "HRB-NG");
	t.owner = "zhang";
	t.due = D(2026, 10, 1);
	add_task(fx, &t);			/* 1 */
	t.due = D(2026, 9, 30);
	add_task(fx, &t);			/* 2: before Q4 */
	t.due = D(2026, 12, 31);
	t.status = TASK_DONE;
	t.closed_on = D(2026, 12, 30);
	add_task(fx, &t);			/* 3 */
	t.status = TASK_CANCELLED;
	add_task(fx, &t);			/* 4: cancelled */
	t.status = TASK_OPEN;
	t.closed_on = DATE_NONE;
	t.owner = NULL;
	add_task(fx, &t);			/* 5: no owner */
	t.owner = "wang";
	t.due = D(2026, 11, 1);
	add_task(fx, &t);			/* 6 */
	memset(&x, 0, sizeof(x));
	OK(store_owned_each(fx->s, D(2026, 10, 1), D(2026, 12, 31), NULL,
			    owned_cb, &x, &fx->e));
	assert_string_equal(x.s, "wang#6:2026-11-01::open,"
			    "zhang#1:2026-10-01::open,"
			    "zhang#3:2026-12-31:2026-12-30:done");
	memset(&x, 0, sizeof(x));
	OK(store_owned_each(fx->s, D(2026, 10, 1), D(2026, 12, 31), "zhang",
			    owned_cb, &x, &fx->e));
	assert_int_equal(x.n, 2);
}

/* Policies: insert, get, scoped list by close, versioned update, links. */
struct pol_ids {
	long long id[8];
	int n;
	long long links[8];
	int nlinks;
};

static int pol_cb(const struct policy *p, void *arg)
{
	struct pol_ids *x = arg;

	x->id[x->n++] = p->id;
	return 0;
}

static int pol_link_cb(bool task, long long id, void *arg)
{
	struct pol_ids *x = arg;

	/* goals as positive ids, tasks negative */
	x->links[x->nlinks++] = task ? -id : id;
	return 0;
}

static void test_policies(void **state)
{
	struct fx *fx = *state;
	struct policy p;
	struct goal g;
	struct pol_ids x;
	long long a = 0, b = 0, goal = 0, task;

	seed(fx);
	task = add_simple(fx, "申报", "HRB-DL", NULL, NULL);
	policy_init(&p);
	p.title = "专项债";
	p.issuer = "财政部";
	p.level = POLICY_NATIONAL;
	p.issued = D(2026, 10, 1);
	p.open = D(2026, 11, 1);
	p.close = D(2026, 12, 10);
	p.unit = "HRB-DL-A";
	p.status = POLICY_APPLYING;
	p.value = "2 亿元";
	p.created_at = "2026-11-26T00:00:00Z";
	goal_init(&g);
	g.title = "经济";
	g.unit = "HRB-DL";
	g.year = 2026;
	g.created_at = "2026-01-10T08:00:00Z";
	OK(store_begin(fx->s, &fx->e));
	OK(store_goal_insert(fx->s, &g, &goal, &fx->e));
	OK(store_policy_insert(fx->s, &p, &a, &fx->e));
	p.unit = "HRB-NG";
	p.close = D(2026, 11, 30);	/* closes first: listed first */
	p.value = NULL;
	OK(store_policy_insert(fx->s, &p, &b, &fx->e));
	p.unit = "NOPE";
	FAILS(store_policy_insert(fx->s, &p, NULL, &fx->e), LS_ENOTFOUND,
	      "unit", "unit 'NOPE' not found");
	OK(store_commit(fx->s, &fx->e));

	policy_init(&p);
	OK(store_policy_get(fx->s, a, &p, &fx->e));
	assert_string_equal(p.title, "专项债");
	assert_string_equal(p.issuer, "财政部");
	assert_int_equal(p.level, POLICY_NATIONAL);
	assert_int_equal(p.issued, D(2026, 10, 1));
	assert_int_equal(p.open, D(2026, 11, 1));
	assert_int_equal(p.close, D(2026, 12, 10));
	assert_string_equal(p.unit, "HRB-DL-A");
	assert_int_equal(p.status, POLICY_APPLYING);
	assert_string_equal(p.value, "2 亿元");
	assert_int_equal(p.version, 1);
	FAILS(store_policy_get(fx->s, 99, &p, &fx->e), LS_ENOTFOUND, "id",
	      "policy '99' not found");

	memset(&x, 0, sizeof(x));
	OK(store_policy_each(fx->s, NULL, pol_cb, &x, &fx->e));
	assert_int_equal(x.n, 2);
	assert_true(x.id[0] == b && x.id[1] == a);
	memset(&x, 0, sizeof(x));
	OK(store_policy_each(fx->s, "/HRB/HRB-DL/", pol_cb, &x, &fx->e));
	assert_int_equal(x.n, 1);
	assert_true(x.id[0] == a);

	/* versioned update: version 1 → 2; a stale one changes nothing */
	OK(store_policy_get(fx->s, a, &p, &fx->e));
	p.status = POLICY_LANDED;
	p.value = NULL;
	OK(store_begin(fx->s, &fx->e));
	OK(store_policy_update(fx->s, &p, &fx->e));
	FAILS(store_policy_update(fx->s, &p, &fx->e), LS_EVERSION,
	      "version", "policy 1 has version 2, not 1");
	OK(store_policy_link(fx->s, a, goal, 0, &fx->e));
	OK(store_policy_link(fx->s, a, 0, task, &fx->e));
	FAILS(store_policy_link(fx->s, a, goal, 0, &fx->e), LS_ECONFLICT,
	      "goal_id", "policy 1 is already linked to goal 1");
	FAILS(store_policy_link(fx->s, a, 0, 77, &fx->e), LS_ENOTFOUND,
	      "task_id", "task '77' not found");
	OK(store_commit(fx->s, &fx->e));
	policy_release(&p);
	OK(store_policy_get(fx->s, a, &p, &fx->e));
	assert_int_equal(p.status, POLICY_LANDED);
	assert_null(p.value);
	assert_int_equal(p.version, 2);
	memset(&x, 0, sizeof(x));
	OK(store_policy_links(fx->s, a, pol_link_cb, &x, &fx->e));
	assert_int_equal(x.nlinks, 2);
	assert_true(x.links[0] == goal && x.links[1] == -task);
	policy_release(&p);
	goal_release(&g);
}

static int practice_cb(const struct practice *p, void *arg)
{
	return ids_add(arg, p, p->id);
}

/* Practice ids matching f, as "1,2,3". */
static const char *practice_ids(struct fx *fx, const struct practice_filter *f)
{
	static char out[512];
	struct ids x;
	size_t len = 0;

	ids_init(&x);
	OK(store_practice_each(fx->s, f, practice_cb, &x, &fx->e));
	assert_true(x.same_rec);
	out[0] = '\0';
	for (int i = 0; i < x.n && i < 64; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%lld",
					i ? "," : "", x.v[i]);
	return out;
}

static long long add_practice(struct fx *fx, struct practice *p)
{
	long long id = 0;

	p->by = "admin";
	p->at = "2026-11-20T08:00:00Z";
	OK(store_begin(fx->s, &fx->e));
	OK(store_practice_insert(fx->s, p, &id, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	return id;
}

/*
 * Practices: tags in order, links ascending, search through the FTS5
 * trigram index (3+ characters) or LIKE (shorter), both over title and
 * body; tag, subtree and promoted filters; promote once; one practice
 * per commendation.
 */
static void test_practices(void **state)
{
	struct fx *fx = *state;
	struct practice_filter f;
	struct practice p, got;
	struct merit m;
	long long t1, t2, id, mid, of;

	seed(fx);
	t1 = add_simple(fx, "河道清淤", "HRB-DL", NULL, NULL);
	t2 = add_simple(fx, "网格巡查", "HRB-NG", NULL, NULL);
	practice_init(&p);
	p.title = "河长制落实经验";
	p.body = "推行河长制, every river has a Keeper";
	p.unit = "HRB-DL";
	p.tags[0] = "生态";
	p.tags[1] = "河湖";
	p.ntags = 2;
	p.tasks[0] = t1;
	p.tasks[1] = t2;
	p.ntasks = 2;
	assert_int_equal(add_practice(fx, &p), 1);
	practice_init(&p);
	p.title = "网格化管理";
	p.body = "社区网格员包片入户, 群众诉求当日办结";
	p.unit = "HRB-NG";
	p.tags[0] = "民生";
	p.ntags = 1;
	assert_int_equal(add_practice(fx, &p), 2);
	practice_init(&p);
	p.title = "街道议事会";
	p.body = "居民议事, 河长 patrols on Fridays";
	p.unit = "HRB-DL-A";
	p.tags[0] = "民生";
	p.tags[1] = "生态";
	p.ntags = 2;
	assert_int_equal(add_practice(fx, &p), 3);

	practice_init(&got);
	OK(store_practice_get(fx->s, 1, &got, &fx->e));
	assert_string_equal(got.title, "河长制落实经验");
	assert_string_equal(got.unit, "HRB-DL");
	assert_int_equal(got.ntags, 2);
	assert_string_equal(got.tags[0], "生态");
	assert_string_equal(got.tags[1], "河湖");
	assert_int_equal(got.ntasks, 2);
	assert_int_equal(got.tasks[0], t1);
	assert_int_equal(got.tasks[1], t2);
	assert_int_equal(got.ngoals, 0);
	assert_int_equal(got.merit_id, 0);
	assert_null(got.promoted_at);
	FAILS(store_practice_get(fx->s, 9, &got, &fx->e), LS_ENOTFOUND,
	      "id", "practice '9' not found");

	memset(&f, 0, sizeof(f));
	assert_string_equal(practice_ids(fx, &f), "1,2,3");
	/* 河长制: 3 characters, the trigram index; in practice 1 only */
	f.search = "河长制";
	assert_string_equal(practice_ids(fx, &f), "1");
	/* 河长: 2 characters, LIKE; practice 1's title, practice 3's body */
	f.search = "河长";
	assert_string_equal(practice_ids(fx, &f), "1,3");
	/* 网格员 in practice 2's body only */
	f.search = "网格员";
	assert_string_equal(practice_ids(fx, &f), "2");
	f.search = "当日办结";
	assert_string_equal(practice_ids(fx, &f), "2");
	/* absent words, long and short */
	f.search = "招商引资";
	assert_string_equal(practice_ids(fx, &f), "");
	f.search = "招商";
	assert_string_equal(practice_ids(fx, &f), "");
	/* case-insensitive both ways: keeper (index), "ri" (LIKE) */
	f.search = "KEEPER";
	assert_string_equal(practice_ids(fx, &f), "1");
	f.search = "FR";
	assert_string_equal(practice_ids(fx, &f), "3");
	/* a quote is text, not FTS syntax */
	f.search = "\"河长\" OR 网格";
	assert_string_equal(practice_ids(fx, &f), "");
	f.search = "";
	assert_string_equal(practice_ids(fx, &f), "1,2,3");

	memset(&f, 0, sizeof(f));
	f.tag = "民生";
	assert_string_equal(practice_ids(fx, &f), "2,3");
	f.tag = "民";
	assert_string_equal(practice_ids(fx, &f), "");
	f.tag = "生态";
	f.search = "议事";
	assert_string_equal(practice_ids(fx, &f), "3");
	memset(&f, 0, sizeof(f));
	f.unit_path = "/HRB/HRB-DL/";	/* with its street, not HRB-DLX */
	assert_string_equal(practice_ids(fx, &f), "1,3");
	f.search = "河长制";
	assert_string_equal(practice_ids(fx, &f), "1");

	OK(store_begin(fx->s, &fx->e));
	OK(store_practice_promote(fx->s, 3, "wang", "2026-11-21T09:00:00Z",
				  "纳入街道工作规则", &fx->e));
	FAILS(store_practice_promote(fx->s, 3, "wang", "2026-11-22T09:00:00Z",
				     NULL, &fx->e), LS_ECONFLICT, "id",
	      "practice 3 is already promoted");
	FAILS(store_practice_promote(fx->s, 9, "wang", "2026-11-22T09:00:00Z",
				     NULL, &fx->e), LS_ENOTFOUND, "id",
	      "practice '9' not found");
	OK(store_commit(fx->s, &fx->e));
	memset(&f, 0, sizeof(f));
	f.promoted_only = true;
	assert_string_equal(practice_ids(fx, &f), "3");
	OK(store_practice_get(fx->s, 3, &got, &fx->e));
	assert_string_equal(got.promoted_at, "2026-11-21T09:00:00Z");
	assert_string_equal(got.promoted_by, "wang");
	assert_string_equal(got.promoted_note, "纳入街道工作规则");

	/* from a commendation: once; links must exist */
	merit_init(&m);
	m.kind = "commend";
	m.unit = "HRB-NG";
	m.on = D(2026, 11, 3);
	m.points = 2;
	m.reason = "接诉即办成效显著";
	m.by = "admin";
	m.at = "2026-11-03T08:00:00Z";
	OK(store_begin(fx->s, &fx->e));
	OK(store_merit_insert(fx->s, &m, &mid, &fx->e));
	OK(store_commit(fx->s, &fx->e));
	OK(store_merit_get(fx->s, mid, &m, &fx->e));
	assert_string_equal(m.reason, "接诉即办成效显著");
	assert_string_equal(m.unit, "HRB-NG");
	assert_int_equal(m.on, D(2026, 11, 3));
	FAILS(store_merit_get(fx->s, 99, &m, &fx->e), LS_ENOTFOUND, "id",
	      "merit '99' not found");
	merit_release(&m);
	OK(store_practice_of_merit(fx->s, mid, &of, &fx->e));
	assert_int_equal(of, 0);
	practice_init(&p);
	p.title = "接诉即办";
	p.body = "接诉即办成效显著";
	p.unit = "HRB-NG";
	p.merit_id = mid;
	id = add_practice(fx, &p);
	assert_int_equal(id, 4);
	OK(store_practice_of_merit(fx->s, mid, &of, &fx->e));
	assert_int_equal(of, 4);
	OK(store_begin(fx->s, &fx->e));
	p.tasks[0] = 99;
	p.ntasks = 1;
	p.merit_id = 0;
	FAILS(store_practice_insert(fx->s, &p, &id, &fx->e), LS_ENOTFOUND,
	      "tasks", "task '99' not found");
	p.ntasks = 0;
	p.goals[0] = 7;
	p.ngoals = 1;
	FAILS(store_practice_insert(fx->s, &p, &id, &fx->e), LS_ENOTFOUND,
	      "goals", "goal '7' not found");
	store_rollback(fx->s);
	memset(&f, 0, sizeof(f));
	assert_string_equal(practice_ids(fx, &f), "1,2,3,4");
	practice_release(&got);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_schema),
		T(test_transactions),
		T(test_unreachable),
		T(test_backup),
		T(test_settings),
		T(test_units),
		T(test_users),
		T(test_goals),
		T(test_indicators),
		T(test_indicator_values),
		T(test_versions),
		T(test_revisions),
		T(test_task_roundtrip),
		T(test_task_refs),
		T(test_task_update),
		T(test_task_scope),
		T(test_task_narrowing),
		T(test_task_lights),
		T(test_bulletin_tasks),
		T(test_task_filters),
		T(test_task_search),
		T(test_task_each),
		T(test_milestones),
		T(test_reports),
		T(test_events_extensions_risks),
		T(test_calendar),
		T(test_audit),
		T(test_cadre),
		T(test_policies),
		T(test_practices),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
