/*
 * The document writer's front: checks the order of calls, keeps what all
 * formats share (columns of the open table, the last heading, the first
 * I/O error) and hands each call to the format's ops.
 */
#include "doc/doc_int.h"
#include "util/module.h"
#include "util/utf8.h"
#include "util/xmalloc.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* XLSX and PDF are written by modules (util/module.h): ops NULL here. */
static const struct {
	const char *name;
	const struct doc_ops *ops;
	enum module_id module;
} formats[] = {
	[DOC_HTML] = { "html", &doc_html_ops, 0 },
	[DOC_MD] = { "md", &doc_md_ops, 0 },
	[DOC_XLSX] = { "xlsx", NULL, MODULE_XLSX },
	[DOC_PDF] = { "pdf", NULL, MODULE_PDF },
	[DOC_CSV] = { "csv", &doc_csv_ops, 0 },
};

bool doc_format_parse(const char *s, enum doc_format *out)
{
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(s, formats[i].name)) {
			*out = (enum doc_format)i;
			return true;
		}
	return false;
}

const char *doc_format_name(enum doc_format f)
{
	return formats[f].name;
}

void doc_fail(struct doc *d, int err)
{
	if (!d->error)
		d->error = err ? err : EIO;
}

void doc_write(struct doc *d, const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, d->f) != n)
		doc_fail(d, errno);
}

void doc_puts(struct doc *d, const char *s)
{
	doc_write(d, s, strlen(s));
}

static void release(struct doc *d)
{
	for (int i = 0; i < d->ncols; i++)
		free((char *)d->cols[i].title);
	free(d->cols);
	free(d->heading);
	free(d->path);
	free(d->file);
	buf_release(&d->tmp);
	free(d);
}

/*
 * The file to write: a temporary "<path>.XXXXXX" beside path (so a failed
 * document leaves an older file of that name alone, and a finished one
 * replaces it at once), or path itself when it is a device or a pipe.
 */
static int create(struct doc *d)
{
	struct stat st;
	mode_t mask;
	int fd;

	if (!stat(d->path, &st) && !S_ISREG(st.st_mode)) {
		d->direct = true;
		d->file = xstrdup(d->path);
		return 0;
	}
	d->file = xasprintf("%s.XXXXXX", d->path);
	if ((fd = mkstemp(d->file)) < 0)
		return errno;
	mask = umask(0);	/* mkstemp makes 0600: give the usual mode */
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	close(fd);
	return 0;
}

struct doc *doc_open(enum doc_format format, const char *path,
		     enum lang lang, struct err *e)
{
	const struct doc_ops *ops = formats[format].ops;
	struct doc *d;
	int rc;

	if (!ops && !(ops = module_api(formats[format].module, e)))
		return NULL;
	d = xcalloc(1, sizeof(*d));
	d->ops = ops;
	d->format = format;
	d->path = xstrdup(path);
	d->lang = lang;
	buf_init(&d->tmp);
	if ((rc = create(d)) || (rc = d->ops->open(d))) {
		err_set(e, LS_EFAIL, "output", "cannot create '%s': %s", path,
			strerror(rc));
		if (d->file && !d->direct)
			unlink(d->file);
		release(d);
		return NULL;
	}
	return d;
}

void doc_landscape(struct doc *d)
{
	assert(!d->titled && !d->heading && !d->in_table);
	d->landscape = true;
}

void doc_title(struct doc *d, const char *title, const char *subtitle)
{
	assert(!d->titled && !d->in_table);
	d->titled = true;
	d->ops->title(d, title, subtitle);
}

void doc_heading(struct doc *d, const char *text)
{
	assert(!d->in_table);
	free(d->heading);
	d->heading = xstrdup(text);
	d->ops->heading(d, text);
}

void doc_para(struct doc *d, const char *text)
{
	assert(!d->in_table);
	d->ops->para(d, text);
}

void doc_table_begin(struct doc *d, const struct doc_col *cols, int n)
{
	assert(!d->in_table && n > 0);
	d->cols = xreallocarray(NULL, (size_t)n, sizeof(*d->cols));
	for (int i = 0; i < n; i++) {
		d->cols[i] = cols[i];
		d->cols[i].title = xstrdup(cols[i].title ? cols[i].title : "");
		if (d->cols[i].width < 1)
			d->cols[i].width = 1;
	}
	d->ncols = n;
	d->in_table = true;
	d->ops->table_begin(d);
}

void doc_row(struct doc *d, const struct doc_cell *cells)
{
	assert(d->in_table);
	d->ops->row(d, cells);
}

void doc_table_end(struct doc *d)
{
	assert(d->in_table);
	d->ops->table_end(d);
	for (int i = 0; i < d->ncols; i++)
		free((char *)d->cols[i].title);
	free(d->cols);
	d->cols = NULL;
	d->ncols = 0;
	d->in_table = false;
	/* a heading names the one table after it */
	free(d->heading);
	d->heading = NULL;
}

enum lserr doc_close(struct doc *d, struct err *e)
{
	enum lserr rc = LS_OK;
	int err;

	if (d->in_table)
		doc_table_end(d);
	err = d->ops->close(d);
	if (!err)
		err = d->error;
	if (err) {
		rc = err_set(e, LS_EFAIL, "output", "cannot write '%s': %s",
			     d->path, d->why ? d->why : strerror(err));
		if (!d->direct)
			unlink(d->file);
	} else if (!d->direct && rename(d->file, d->path)) {
		rc = err_set(e, LS_EFAIL, "output", "cannot write '%s': %s",
			     d->path, strerror(errno));
		unlink(d->file);
	}
	release(d);
	return rc;
}

void doc_discard(struct doc *d)
{
	d->ops->discard(d);
	if (!d->direct)
		unlink(d->file);
	release(d);
}

char *doc_number(double v, char out[32])
{
	if (isnan(v) || isinf(v))
		out[0] = '\0';
	else
		snprintf(out, 32, "%.15g", v == 0 ? 0 : v);	/* no "-0" */
	return out;
}

static bool taken(const char *name, const char *const *used, int nused)
{
	if (!strcasecmp(name, "History"))	/* Excel reserves it */
		return true;
	for (int i = 0; i < nused; i++)
		if (!strcasecmp(name, used[i]))
			return true;
	return false;
}

/* Copies at most `chars` whole characters of s into out (bytes n). */
static void copy_chars(char *out, size_t n, const char *s, int chars)
{
	size_t len = 0, k;

	while (s[len] && chars > 0) {
		k = utf8_seqlen(s + len, strlen(s + len));
		if (!k || len + k >= n)
			break;
		len += k;
		chars--;
	}
	memcpy(out, s, len);
	out[len] = '\0';
}

void doc_sheet_name(const char *heading, const char *const *used, int nused,
		    char out[DOC_SHEET_MAX])
{
	char clean[DOC_SHEET_MAX], base[DOC_SHEET_MAX - 16];
	size_t n = 0;
	int nchars = 0;

	/* clean: forbidden characters and controls become '_' */
	for (const char *p = heading ? heading : ""; *p && nchars < 31;) {
		size_t k = utf8_seqlen(p, strlen(p));

		if (!k) {		/* invalid UTF-8: one '_' */
			k = 1;
			clean[n++] = '_';
		} else if (k == 1 && (strchr("[]:*?/\\", *p) ||
				      (unsigned char)*p < 0x20)) {
			clean[n++] = '_';
		} else {
			memcpy(clean + n, p, k);
			n += k;
		}
		p += k;
		nchars++;
	}
	clean[n] = '\0';
	/* no apostrophe at either end, not blank */
	while (n && (clean[n - 1] == '\'' || clean[n - 1] == ' '))
		clean[--n] = '\0';
	{
		size_t skip = strspn(clean, "' ");

		memmove(clean, clean + skip, n - skip + 1);
	}
	if (!clean[0])
		snprintf(clean, sizeof(clean), "Sheet");
	snprintf(out, DOC_SHEET_MAX, "%s", clean);
	for (int k = 2; taken(out, used, nused); k++) {
		char suffix[16];
		int sl = snprintf(suffix, sizeof(suffix), " (%d)", k);

		copy_chars(base, sizeof(base), clean, 31 - sl);
		snprintf(out, DOC_SHEET_MAX, "%s%s", base, suffix);
	}
}
