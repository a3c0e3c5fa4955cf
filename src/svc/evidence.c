/*
 * Content-addressed evidence storage (see evidence.h). Files are written
 * to a temporary name, fsynced and renamed, so a crash never leaves a
 * half-written file under a valid hash.
 */
#include "svc/evidence.h"
#include "svc/tasks.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *evidence_path(struct ctx *c, const char *sha256)
{
	return xasprintf("%s/%.2s/%s", store_files_dir(c->st), sha256, sha256);
}

static enum lserr write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return LS_EFAIL;
		p += n;
		len -= (size_t)n;
	}
	return LS_OK;
}

/*
 * Temporary names differ per process and per call: two threads storing
 * the same content at once must not write into one file (the first rename
 * would publish it while the second is still truncating it).
 */
static atomic_uint tmp_seq;

static enum lserr save(struct ctx *c, const char *hex, const void *data,
		       size_t len, struct err *e)
{
	char *dir = xasprintf("%s/%.2s", store_files_dir(c->st), hex);
	char *path = evidence_path(c, hex);
	char *tmp = xasprintf("%s.tmp%ld.%u", path, (long)getpid(),
			      atomic_fetch_add(&tmp_seq, 1));
	enum lserr rc = LS_OK;
	struct stat sb;
	int fd;

	if (stat(path, &sb) == 0 && (size_t)sb.st_size == len)
		goto out;	/* already stored */
	mkdir(store_files_dir(c->st), 0750);
	mkdir(dir, 0750);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0640);
	if (fd < 0 || write_all(fd, data, len) != LS_OK || fsync(fd) != 0) {
		rc = err_set(e, LS_EFAIL, "evidence", "cannot store evidence "
			     "in '%s': %s", dir, strerror(errno));
		if (fd >= 0)
			close(fd);
		unlink(tmp);
		goto out;
	}
	close(fd);
	if (rename(tmp, path) != 0) {
		rc = err_set(e, LS_EFAIL, "evidence", "cannot store evidence "
			     "'%s': %s", path, strerror(errno));
		unlink(tmp);
	}
out:
	free(dir);
	free(path);
	free(tmp);
	return rc;
}

enum lserr evidence_copy(struct ctx *from, struct ctx *to, const char *sha256,
			 long long size, struct err *e)
{
	char *src = evidence_path(from, sha256);
	char *dir = xasprintf("%s/%.2s", store_files_dir(to->st), sha256);
	char *path = evidence_path(to, sha256);
	char *tmp = xasprintf("%s.tmp%ld", path, (long)getpid());
	enum lserr rc = LS_OK;
	char chunk[65536];
	struct stat sb;
	int in, out = -1;
	ssize_t n;

	if ((in = open(src, O_RDONLY)) < 0 || fstat(in, &sb) != 0 ||
	    sb.st_size != size) {
		rc = err_set(e, LS_ENOTFOUND, "evidence", "evidence file '%s' "
			     "is missing or not %lld bytes", src, size);
		goto out;
	}
	if (stat(path, &sb) == 0 && sb.st_size == size)
		goto out;	/* already there */
	mkdir(store_files_dir(to->st), 0750);
	mkdir(dir, 0750);
	if ((out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0640)) < 0)
		goto fail;
	while ((n = read(in, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || write_all(out, chunk, (size_t)n) != LS_OK)
			goto fail;
	}
	if (fsync(out) != 0 || close(out) != 0) {
		out = -1;
		goto fail;
	}
	out = -1;
	if (rename(tmp, path) != 0)
		goto fail;
	goto out;
fail:
	rc = err_set(e, LS_EFAIL, "evidence", "cannot copy evidence '%s' to "
		     "'%s': %s", src, path, strerror(errno));
	if (out >= 0)
		close(out);
	unlink(tmp);
out:
	if (in >= 0)
		close(in);
	free(src);
	free(dir);
	free(path);
	free(tmp);
	return rc;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

enum lserr evidence_attach_mem(struct ctx *c, long long report_id,
			       const char *name, const void *data, size_t len,
			       struct err *e)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	struct evidence ev;
	long long id;
	enum lserr rc;

	if ((long long)len > c->settings.evidence_max)
		return err_set(e, LS_ETOOBIG, "evidence", "evidence file '%s' "
			       "is too large (%zu bytes, at most %lld)", name,
			       len, c->settings.evidence_max);
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	if ((rc = save(c, hex, data, len, e)) != LS_OK)
		return rc;
	memset(&ev, 0, sizeof(ev));
	ev.report_id = report_id;
	ev.sha256 = hex;
	ev.name = name;
	ev.size = (long long)len;
	return store_evidence_insert(c->st, &ev, &id, e);
}

enum lserr evidence_attach_file(struct ctx *c, long long report_id,
				const char *path, struct err *e)
{
	struct stat sb;
	FILE *f;
	char *data;
	size_t got;
	enum lserr rc;

	errno = 0;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return err_set(e, LS_EINVAL, "evidence", "cannot read "
			       "evidence file '%s': %s", path,
			       errno ? strerror(errno) : "not a file");
	if (sb.st_size > c->settings.evidence_max)
		return err_set(e, LS_ETOOBIG, "evidence", "evidence file '%s' "
			       "is too large (%lld bytes, at most %lld)", path,
			       (long long)sb.st_size,
			       c->settings.evidence_max);
	if (!(f = fopen(path, "rb")))
		return err_set(e, LS_EINVAL, "evidence", "cannot read "
			       "evidence file '%s': %s", path,
			       strerror(errno));
	data = xmalloc((size_t)sb.st_size + 1);
	got = fread(data, 1, (size_t)sb.st_size, f);
	fclose(f);
	if (got != (size_t)sb.st_size)
		rc = err_set(e, LS_EFAIL, "evidence", "short read of '%s'",
			     path);
	else
		rc = evidence_attach_mem(c, report_id, base_name(path), data,
					 got, e);
	free(data);
	return rc;
}

/* The evidence records of one hash, copied out of the store's iteration. */
struct found {
	struct evidence ev;	/* strings unset: name kept in `name` */
	long long task_id;
	char *name;
};

struct found_list {
	struct found *v;
	size_t n;
};

static int found_one(const struct evidence *ev, long long task_id, void *arg)
{
	struct found_list *l = arg;
	struct found *f;

	l->v = xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	f = &l->v[l->n++];
	memset(f, 0, sizeof(*f));
	f->ev.id = ev->id;
	f->ev.report_id = ev->report_id;
	f->ev.size = ev->size;
	f->task_id = task_id;
	f->name = xstrdup(ev->name);
	return 0;
}

static bool sha256_valid(const char *s)
{
	size_t n = strspn(s, "0123456789abcdef");

	return n == crypto_hash_sha256_BYTES * 2 && !s[n];
}

/* The first record whose task the actor sees, or NULL (e set on error). */
static const struct found *visible(struct ctx *c, const struct found_list *l,
				   struct err *e)
{
	for (size_t i = 0; i < l->n; i++) {
		struct task t;
		enum lserr rc;

		task_init(&t);
		rc = svc_task_get(c, l->v[i].task_id, &t, e);
		task_release(&t);
		if (rc == LS_OK)
			return &l->v[i];
		if (rc != LS_ENOTFOUND)
			return NULL;
	}
	err_set(e, LS_ENOTFOUND, "sha256", "evidence not found");
	return NULL;
}

/* Reads the stored file of f into data and checks size and hash. */
static enum lserr read_stored(struct ctx *c, const char *sha256,
			      const struct found *f, struct buf *data,
			      struct err *e)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[crypto_hash_sha256_BYTES * 2 + 1];
	char *path = evidence_path(c, sha256);
	size_t start = data->len, got = 0;
	enum lserr rc = LS_OK;
	FILE *fp = fopen(path, "rb");

	if (!fp) {
		rc = err_set(e, LS_EFAIL, "sha256", "cannot read stored "
			     "evidence '%s': %s", sha256, strerror(errno));
		goto out;
	}
	buf_grow(data, (size_t)f->ev.size + 1);
	got = fread(data->ptr + start, 1, (size_t)f->ev.size + 1, fp);
	fclose(fp);
	buf_setlen(data, start + got);
	crypto_hash_sha256(h, (const unsigned char *)data->ptr + start, got);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	if ((long long)got != f->ev.size || strcmp(hex, sha256)) {
		buf_setlen(data, start);
		rc = err_set(e, LS_EFAIL, "sha256", "stored evidence '%s' is "
			     "damaged (size or hash differs from the record)",
			     sha256);
	}
out:
	free(path);
	return rc;
}

enum lserr svc_evidence_read(struct ctx *c, const char *sha256,
			     struct evidence *out, struct buf *data,
			     struct err *e)
{
	struct found_list l = { NULL, 0 };
	const struct found *f = NULL;
	enum lserr rc;

	memset(out, 0, sizeof(*out));
	buf_init(&out->arena);
	if ((rc = ctx_require(c, PERM_READ, e)))
		return rc;
	if (!sha256_valid(sha256))
		return err_set(e, LS_ENOTFOUND, "sha256", "evidence '%.64s' "
			       "not found", sha256);
	rc = store_evidence_by_sha256(c->st, sha256, found_one, &l, e);
	if (rc == LS_OK && !(f = visible(c, &l, e)))
		rc = e->code;
	if (rc == LS_ENOTFOUND)
		err_set(e, rc, "sha256", "evidence '%s' not found", sha256);
	if (rc == LS_OK)
		rc = read_stored(c, sha256, f, data, e);
	if (rc == LS_OK) {
		size_t nlen = strlen(f->name) + 1;

		*out = f->ev;
		buf_init(&out->arena);
		buf_grow(&out->arena, nlen + strlen(sha256) + 1);
		buf_add(&out->arena, f->name, nlen);
		buf_add(&out->arena, sha256, strlen(sha256) + 1);
		out->name = out->arena.ptr;
		out->sha256 = out->arena.ptr + nlen;
	}
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i].name);
	free(l.v);
	return rc;
}
