/*
 * luoshi copy (svc/copy.h): checks the two names, opens both databases,
 * copies the rows through store_copy, then the evidence files each
 * evidence row names (svc/evidence.c knows where they live), then
 * verifies the target's audit chain as `audit verify` does. No audit
 * entry is added: the target is an exact image of the source.
 */
#include "svc/copy.h"
#include "svc/audit.h"
#include "svc/evidence.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_url(const char *db)
{
	return !strncmp(db, "postgresql://", 13) ||
	       !strncmp(db, "postgres://", 11);
}

/* The same string, or two paths of one existing file. */
static bool same_db(const char *a, const char *b)
{
	struct stat sa, sb;

	if (!strcmp(a, b))
		return true;
	if (is_url(a) || is_url(b))
		return false;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* A new SQLite file that the copy made: gone again on failure. */
static void remove_new(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };

	for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		char p[PATH_MAX];

		snprintf(p, sizeof(p), "%s%s", path, ext[i]);
		unlink(p);
	}
}

struct files {
	struct ctx *from, *to;
	struct copy_result *r;
	struct err *e;
	enum lserr rc;
};

static int copy_file(const char *sha256, long long size, void *arg)
{
	struct files *f = arg;
	struct err e = ERR_INIT;
	enum lserr rc = evidence_copy(f->from, f->to, sha256, size, &e);

	if (rc == LS_ENOTFOUND) {
		if (!f->r->missing++)
			snprintf(f->r->first_missing,
				 sizeof(f->r->first_missing), "%s", sha256);
		return 0;
	}
	if (rc != LS_OK) {
		*f->e = e;
		f->rc = rc;
		return 1;
	}
	f->r->files++;
	return 0;
}

/* Every file the source's evidence rows name, unless one folder. */
static enum lserr copy_files(struct ctx *from, struct ctx *to,
			     struct copy_result *r, struct err *e)
{
	struct files f = { from, to, r, e, LS_OK };
	char a[PATH_MAX], b[PATH_MAX];
	enum lserr rc;

	if (realpath(store_files_dir(from->st), a) &&
	    realpath(store_files_dir(to->st), b) && !strcmp(a, b))
		return LS_OK;
	rc = store_evidence_files(from->st, copy_file, &f, e);
	return rc != LS_OK ? rc : f.rc;
}

static struct store *open_db(const char *db, const char *field,
			     struct err *e)
{
	if (!is_url(db) && access(db, F_OK) != 0) {
		err_set(e, LS_EFAIL, field, "database '%s' does not exist",
			db);
		return NULL;
	}
	return store_open(db, e);
}

static enum lserr verify(const char *to, struct copy_result *r,
			 struct err *e)
{
	struct ctx c = { 0 };
	struct audit_report ar = { 0 };
	enum lserr rc;

	if ((rc = ctx_open(&c, to, e)) == LS_OK &&
	    (rc = ctx_act_as(&c, NULL, e)) == LS_OK &&
	    (rc = audit_verify(&c, &ar, e)) == LS_OK)
		r->audit_entries = ar.checked;
	ctx_close(&c);
	return rc;
}

struct counted {
	store_copy_fn fn;
	void *arg;
	struct copy_result *r;
};

static void count_table(const char *table, long long rows, void *arg)
{
	struct counted *c = arg;

	c->r->tables++;
	c->r->rows += rows;
	if (c->fn)
		c->fn(table, rows, c->arg);
}

enum lserr svc_copy(const char *from, const char *to, store_copy_fn fn,
		    void *arg, struct copy_result *r, struct err *e)
{
	struct ctx src = { 0 }, dst = { 0 };
	struct counted cnt = { fn, arg, r };
	bool created;
	enum lserr rc;

	memset(r, 0, sizeof(*r));
	if (!from || !*from)
		return err_set(e, LS_EINVAL, "from", "copy needs --from DB");
	if (!to || !*to)
		return err_set(e, LS_EINVAL, "to", "copy needs --to DB");
	if (same_db(from, to))
		return err_set(e, LS_EINVAL, "to", "--to '%s' is the same "
			       "database as --from", to);
	if (!(src.st = open_db(from, "from", e)))
		return e->code;
	created = !is_url(to) && access(to, F_OK) != 0;
	if (!(dst.st = store_open(to, e))) {
		rc = e->code;
		goto out;
	}
	snprintf(r->from_files, sizeof(r->from_files), "%s",
		 store_files_dir(src.st));
	snprintf(r->to_files, sizeof(r->to_files), "%s",
		 store_files_dir(dst.st));
	if ((rc = store_copy(src.st, dst.st, count_table, &cnt, e)) != LS_OK)
		goto out;
	created = false;	/* the copy is committed: keep it */
	if ((rc = copy_files(&src, &dst, r, e)) != LS_OK)
		goto out;
	store_close(dst.st);
	dst.st = NULL;
	rc = verify(to, r, e);
out:
	store_close(dst.st);
	store_close(src.st);
	if (created)
		remove_new(to);
	return rc;
}
