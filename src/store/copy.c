/*
 * luoshi copy (issue 7): a whole installation from one database into
 * another, SQLite and PostgreSQL either way, written once over the
 * drivers' catalogues (struct store_catalog). Tables go parents first
 * (util/toposort over the foreign keys), rows are streamed from one
 * snapshot of the source into one transaction on the target, ids kept,
 * each value bound with the type it had (col_kind). The only SQL built
 * here at run time names tables and columns read from the database's own
 * catalogue, always double-quoted; values are always bound.
 */
#include "store/store_int.h"
#include "util/toposort.h"
#include "util/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Tables whose rows a migration inserts (the audit chain's head, the
 * urge cursor): a new database has them, and the copy replaces them.
 */
static const char *const seeded[] = { "audit_head", "notify_state", NULL };

struct table {
	char *name;
	int ncols;
	char **cols;
	int *pk;		/* position in the primary key, 0: not in it */
	int nparents;
	char **parents;
};

struct schema {
	int n;
	struct table *t;
};

static void schema_free(struct schema *sc)
{
	for (int i = 0; i < sc->n; i++) {
		struct table *t = &sc->t[i];

		for (int k = 0; k < t->ncols; k++)
			free(t->cols[k]);
		for (int k = 0; k < t->nparents; k++)
			free(t->parents[k]);
		free(t->cols);
		free(t->pk);
		free(t->parents);
		free(t->name);
	}
	free(sc->t);
	sc->t = NULL;
	sc->n = 0;
}

static bool is_seeded(const char *name)
{
	for (int i = 0; seeded[i]; i++)
		if (!strcmp(seeded[i], name))
			return true;
	return false;
}

static int find(const struct schema *sc, const char *name)
{
	for (int i = 0; i < sc->n; i++)
		if (!strcmp(sc->t[i].name, name))
			return i;
	return -1;
}

/* Runs a catalogue query for table (NULL: none), strings of column 0. */
static enum lserr strings(struct store *s, const char *sql, const char *table,
			  char ***out, int **num, int *n, struct err *e)
{
	struct stmt *st = store_stmt(s, sql, e);
	int r, cap = 0;

	*n = 0;
	if (!st)
		return e->code;
	if (table)
		db_text(s, st, 1, table);
	while ((r = db_step(s, st, e)) == 1) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = xrealloc(*out, (size_t)cap * sizeof(**out));
			if (num)
				*num = xrealloc(*num, (size_t)cap *
						sizeof(**num));
		}
		(*out)[*n] = xstrdup(col_text(s, st, 0));
		if (num)
			(*num)[*n] = (int)col_int(s, st, 1);
		(*n)++;
	}
	db_reset(s, st);
	return r < 0 ? (enum lserr)-r : LS_OK;
}

static enum lserr load(struct store *s, struct schema *sc, bool parents,
		       struct err *e)
{
	const struct store_catalog *cat = s->ops->catalog;
	char **names = NULL;
	enum lserr rc;
	int n;

	rc = strings(s, cat->tables_sql, NULL, &names, NULL, &n, e);
	sc->t = xcalloc((size_t)n + 1, sizeof(*sc->t));
	for (int i = 0; i < n; i++)
		sc->t[sc->n++].name = names[i];
	free(names);
	for (int i = 0; rc == LS_OK && i < sc->n; i++) {
		struct table *t = &sc->t[i];

		rc = strings(s, cat->columns_sql, t->name, &t->cols, &t->pk,
			     &t->ncols, e);
		if (rc == LS_OK && parents)
			rc = strings(s, cat->parents_sql, t->name, &t->parents,
				     NULL, &t->nparents, e);
	}
	return rc;
}

/* Parents before children; LS_EFAIL on a cycle. */
static enum lserr order_tables(const struct schema *sc, int *order,
			       struct err *e)
{
	unsigned char *dep = xcalloc((size_t)sc->n * (size_t)sc->n + 1, 1);
	bool ok;

	for (int i = 0; i < sc->n; i++)
		for (int k = 0; k < sc->t[i].nparents; k++) {
			int j = find(sc, sc->t[i].parents[k]);

			if (j >= 0)
				dep[i * sc->n + j] = 1;
		}
	ok = toposort(sc->n, dep, order);
	free(dep);
	if (!ok)
		return err_set(e, LS_EFAIL, "db", "the tables' foreign keys "
			       "form a cycle: cannot order the copy");
	return LS_OK;
}

static void quote(struct buf *b, const char *name)
{
	buf_addch(b, '"');
	for (const char *p = name; *p; p++) {
		if (*p == '"')
			buf_addch(b, '"');
		buf_addch(b, *p);
	}
	buf_addch(b, '"');
}

/* The target must have the same tables with the same columns. */
static enum lserr same_schema(const struct schema *a, const struct schema *b,
			      const char *shown, struct err *e)
{
	for (int i = 0; i < a->n; i++) {
		const struct table *t = &a->t[i];
		int j = find(b, t->name);

		if (j < 0)
			return err_set(e, LS_ECONFLICT, "to", "target "
				       "database '%s' has no table '%s'",
				       shown, t->name);
		for (int k = 0; k < t->ncols; k++) {
			bool have = false;

			for (int m = 0; m < b->t[j].ncols && !have; m++)
				have = !strcmp(b->t[j].cols[m], t->cols[k]);
			if (!have)
				return err_set(e, LS_ECONFLICT, "to", "target "
					       "database '%s' has no column "
					       "'%s.%s'", shown, t->name,
					       t->cols[k]);
		}
		if (t->ncols != b->t[j].ncols)
			return err_set(e, LS_ECONFLICT, "to", "target "
				       "database '%s' has other columns in "
				       "table '%s'", shown, t->name);
	}
	for (int j = 0; j < b->n; j++)
		if (find(a, b->t[j].name) < 0)
			return err_set(e, LS_ECONFLICT, "to", "target "
				       "database '%s' has a table '%s' the "
				       "source has not", shown, b->t[j].name);
	return LS_OK;
}

/* Runs run-time SQL (catalogue names only) expecting rows or none. */
static int probe(struct store *s, const char *sql, struct err *e)
{
	struct stmt *st = s->ops->prepare(s, sql, e);
	int r;

	if (!st)
		return -(int)e->code;
	r = s->ops->step(st, e);
	s->ops->finalize(st);
	return r;
}

static enum lserr must_be_empty(struct store *s, const struct schema *sc,
				const char *shown, struct err *e)
{
	struct buf q = BUF_INIT;
	enum lserr rc = LS_OK;

	for (int i = 0; rc == LS_OK && i < sc->n; i++) {
		int r;

		if (is_seeded(sc->t[i].name))
			continue;
		buf_reset(&q);
		buf_adds(&q, "SELECT 1 FROM ");
		quote(&q, sc->t[i].name);
		buf_adds(&q, " LIMIT 1");
		r = probe(s, q.ptr, e);
		if (r < 0)
			rc = (enum lserr)-r;
		else if (r == 1)
			rc = err_set(e, LS_ECONFLICT, "to", "target database "
				     "'%s' is not empty (table '%s' has "
				     "rows): copy needs a new or empty "
				     "database", shown, sc->t[i].name);
	}
	buf_release(&q);
	return rc;
}

/* The seeded rows a migration put into the new target go first. */
static enum lserr clear_seeded(struct store *s, const struct schema *sc,
			       struct err *e)
{
	struct buf q = BUF_INIT;
	enum lserr rc = LS_OK;

	for (int i = 0; rc == LS_OK && i < sc->n; i++) {
		int r;

		if (!is_seeded(sc->t[i].name))
			continue;
		buf_reset(&q);
		buf_adds(&q, "DELETE FROM ");
		quote(&q, sc->t[i].name);
		r = probe(s, q.ptr, e);
		if (r < 0)
			rc = (enum lserr)-r;
	}
	buf_release(&q);
	return rc;
}

static void select_sql(struct buf *q, const struct table *t,
		       const char *row_order)
{
	int npk = 0;

	buf_adds(q, "SELECT ");
	for (int k = 0; k < t->ncols; k++) {
		if (k)
			buf_adds(q, ", ");
		quote(q, t->cols[k]);
		if (t->pk[k] > npk)
			npk = t->pk[k];
	}
	buf_adds(q, " FROM ");
	quote(q, t->name);
	if (row_order) {
		buf_adds(q, " ORDER BY ");
		buf_adds(q, row_order);
		return;
	}
	for (int p = 1; p <= npk; p++)
		for (int k = 0; k < t->ncols; k++)
			if (t->pk[k] == p) {
				buf_adds(q, p == 1 ? " ORDER BY " : ", ");
				quote(q, t->cols[k]);
			}
}

static void insert_sql(struct buf *q, const struct table *t)
{
	buf_adds(q, "INSERT INTO ");
	quote(q, t->name);
	buf_adds(q, " (");
	for (int k = 0; k < t->ncols; k++) {
		if (k)
			buf_adds(q, ", ");
		quote(q, t->cols[k]);
	}
	buf_adds(q, ") VALUES (");
	for (int k = 0; k < t->ncols; k++)
		buf_addf(q, "%s?%d", k ? ", " : "", k + 1);
	buf_addch(q, ')');
}

/* One value of the source's current row, bound with its type. */
static void bind_value(struct store *from, struct stmt *src,
		       struct store *to, struct stmt *dst, int k)
{
	switch (from->ops->col_kind(src, k)) {
	case COL_NULL:
		to->ops->bind_null(dst, k + 1);
		break;
	case COL_INT:
		to->ops->bind_int(dst, k + 1, from->ops->col_int(src, k));
		break;
	case COL_REAL:
		to->ops->bind_double(dst, k + 1,
				     from->ops->col_double(src, k));
		break;
	case COL_TEXT:
		to->ops->bind_text(dst, k + 1, from->ops->col_text(src, k));
		break;
	}
}

static enum lserr copy_rows(struct store *from, struct store *to,
			    const struct table *t, long long *rows,
			    struct err *e)
{
	struct buf q = BUF_INIT;
	struct stmt *src = NULL, *dst = NULL;
	enum lserr rc = LS_OK;
	int r;

	*rows = 0;
	select_sql(&q, t, from->ops->catalog->row_order);
	src = from->ops->prepare(from, q.ptr, e);
	buf_reset(&q);
	insert_sql(&q, t);
	if (src)
		dst = to->ops->prepare(to, q.ptr, e);
	if (!src || !dst) {
		rc = e->code;
		goto out;
	}
	if (from->ops->stream)
		from->ops->stream(src);
	while ((r = from->ops->step(src, e)) == 1) {
		to->ops->reset(dst);
		for (int k = 0; k < t->ncols; k++)
			bind_value(from, src, to, dst, k);
		if ((r = to->ops->step(dst, e)) < 0)
			break;
		(*rows)++;
	}
	if (r < 0) {
		char msg[sizeof(e->msg)], field[sizeof(e->field)];

		snprintf(msg, sizeof(msg), "%s", e->msg);
		snprintf(field, sizeof(field), "%s", e->field);
		rc = err_set(e, (enum lserr)-r, field, "copying table "
			     "'%s', row %lld: %s", t->name, *rows + 1, msg);
	}
out:
	if (dst)
		to->ops->finalize(dst);
	if (src)
		from->ops->finalize(src);
	buf_release(&q);
	return rc;
}

/* The target: migrated if new, same version, empty, same tables. */
static enum lserr ready_target(struct store *to, const struct schema *sc,
			       int version, struct err *e)
{
	struct schema have = { 0 };
	char shown[512];
	enum lserr rc;

	store_url_shown(to->url, shown, sizeof(shown));
	if (!store_initialised(to)) {
		if ((rc = store_migrate(to, e)) != LS_OK)
			return rc;
	}
	if (store_schema_version(to) != version)
		return err_set(e, LS_ECONFLICT, "to", "target database '%s' "
			       "has schema version %d, the source %d",
			       shown, store_schema_version(to), version);
	if ((rc = load(to, &have, false, e)) == LS_OK &&
	    (rc = same_schema(sc, &have, shown, e)) == LS_OK)
		rc = must_be_empty(to, &have, shown, e);
	schema_free(&have);
	return rc;
}

static enum lserr run_copy(struct store *from, struct store *to,
			   const struct schema *sc, const int *order,
			   store_copy_fn fn, void *arg, struct err *e)
{
	const struct store_catalog *cat = to->ops->catalog;
	enum lserr rc;

	if (cat->defer_sql && (rc = to->ops->exec(to, cat->defer_sql, e)))
		return rc;
	if ((rc = clear_seeded(to, sc, e)) != LS_OK)
		return rc;
	for (int i = 0; i < sc->n; i++) {
		const struct table *t = &sc->t[order[i]];
		long long rows;

		if ((rc = copy_rows(from, to, t, &rows, e)) != LS_OK)
			return rc;
		if (fn)
			fn(t->name, rows, arg);
	}
	if (cat->reseed_sql && (rc = to->ops->exec(to, cat->reseed_sql, e)))
		return rc;
	return LS_OK;
}

enum lserr store_copy(struct store *from, struct store *to, store_copy_fn fn,
		      void *arg, struct err *e)
{
	const struct store_catalog *cat = from->ops->catalog;
	struct schema sc = { 0 };
	int latest = store_latest_version(from);
	int version, *order = NULL;
	char shown[512];
	enum lserr rc;

	store_url_shown(from->url, shown, sizeof(shown));
	if (!store_initialised(from))
		return err_set(e, LS_EINVAL, "from", "source database '%s' "
			       "has no luoshi schema", shown);
	version = store_schema_version(from);
	if (version != latest)
		return err_set(e, LS_ECONFLICT, "from", "source database "
			       "'%s' has schema version %d, this luoshi's is "
			       "%d: %s", shown, version, latest,
			       version < latest ? "run 'luoshi migrate' on "
			       "it first" : "use a newer luoshi");
	/* One snapshot of the source for every table. */
	if ((rc = from->ops->exec(from, cat->snapshot_sql, e)) != LS_OK)
		return rc;
	from->txn_depth = 1;
	if ((rc = load(from, &sc, true, e)) != LS_OK)
		goto out;
	order = xcalloc((size_t)sc.n + 1, sizeof(*order));
	if ((rc = order_tables(&sc, order, e)) != LS_OK)
		goto out;
	if ((rc = store_begin(to, e)) != LS_OK)
		goto out;
	rc = ready_target(to, &sc, version, e);
	if (rc == LS_OK) {
		store_nested_plain(to);	/* any failure undoes the whole copy */
		rc = run_copy(from, to, &sc, order, fn, arg, e);
	}
	if (rc != LS_OK)
		store_rollback(to);
	else
		rc = store_commit(to, e);
out:
	{
		struct err ignored = ERR_INIT;

		from->ops->exec(from, "ROLLBACK", &ignored);
		from->txn_depth = 0;
	}
	free(order);
	schema_free(&sc);
	return rc;
}
