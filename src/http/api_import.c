/*
 * Import and export (SPEC §7): POST /api/v1/import/{kind} (a multipart
 * upload's first file, or the raw body; ?dry_run=1 checks only),
 * GET /api/v1/import/{kind}/template?format=&lang= (a file to fill in)
 * and GET /api/v1/export/{units,users,actuals}. Bad rows answer 400 with
 * SPEC's error object plus "rows": each bad row's line, column, value and
 * message, so a form can show them by row.
 */
#include "http/reply.h"
#include "http/routes.h"
#include "svc/import.h"
#include "util/date.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The {kind} of the path; false after a 404. */
static bool path_kind(struct req *r, enum sheet_kind *k)
{
	const char *s = r->params[0];

	if (sheet_kind_parse(s, k))
		return true;
	reply_fail(r, LS_ENOTFOUND, "kind", "no such kind '%s' (tasks, units, "
		   "users or actuals)", s);
	return false;
}

static bool query_format(struct req *r, enum doc_format *f, enum lang *lang)
{
	const char *fmt = req_query(r, "format"), *l = req_query(r, "lang");
	struct err e = ERR_INIT;

	if (export_format(fmt ? fmt : "csv", NULL, f, &e)) {
		reply_error(r, &e);
		return false;
	}
	if (l && !lang_parse(l, lang)) {
		reply_fail(r, LS_EINVAL, "lang", "invalid lang '%s' (zh-CN or "
			   "en)", l);
		return false;
	}
	if (!l)
		*lang = lang_from_accept(req_header(r, "Accept-Language"));
	return true;
}

typedef enum lserr (*write_fn)(struct req *r, enum sheet_kind k,
			       enum doc_format f, enum lang lang,
			       const char *path, long long *n,
			       struct err *e);

/*
 * Writes a document through fn into a temporary file and sends it as
 * "<name>.<csv|xlsx>"; the file is unlinked as soon as it is open.
 */
static void send_document(struct req *r, enum sheet_kind k, write_fn fn,
			  const char *name)
{
	char tmp[512], disp[96];
	struct err e = ERR_INIT;
	enum doc_format f;
	enum lang lang;
	struct stat st;
	long long n = 0;
	int fd;

	if (!query_format(r, &f, &lang))
		return;
	snprintf(tmp, sizeof(tmp), "%s/luoshi-sheet-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(tmp)) < 0) {
		reply_fail(r, LS_EFAIL, NULL, "cannot create a temporary file "
			   "in '%s': %s", tmp, strerror(errno));
		return;
	}
	close(fd);
	if (fn(r, k, f, lang, tmp, &n, &e)) {
		unlink(tmp);
		reply_error(r, &e);
		return;
	}
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	unlink(tmp);
	if (fd < 0 || fstat(fd, &st)) {
		if (fd >= 0)
			close(fd);
		reply_fail(r, LS_EFAIL, NULL, "cannot read the file: %s",
			   strerror(errno));
		return;
	}
	r->status = 200;
	r->body_fd = fd;
	r->body_fd_len = st.st_size;
	req_set_header(r, "Content-Type", f == DOC_CSV ?
		       "text/csv; charset=utf-8" :
		       "application/vnd.openxmlformats-officedocument."
		       "spreadsheetml.sheet");
	snprintf(disp, sizeof(disp), "attachment; filename=\"%s.%s\"", name,
		 doc_format_name(f));
	req_set_header(r, "Content-Disposition", disp);
	snprintf(disp, sizeof(disp), "%lld", n);
	req_set_header(r, "X-Total-Count", disp);
}

static enum lserr write_export(struct req *r, enum sheet_kind k,
			       enum doc_format f, enum lang lang,
			       const char *path, long long *n, struct err *e)
{
	return svc_export(&r->ctx, k, f, lang, path, n, e);
}

static enum lserr write_template(struct req *r, enum sheet_kind k,
				 enum doc_format f, enum lang lang,
				 const char *path, long long *n,
				 struct err *e)
{
	(void)r;
	*n = 1;
	return svc_import_template(k, f, lang, path, e);
}

void api_export_sheet(struct req *r)
{
	enum sheet_kind k;
	char name[64], day[DATE_STRLEN];

	if (!path_kind(r, &k))
		return;
	snprintf(name, sizeof(name), "%s-%s", sheet_kind_name(k),
		 date_format(r->ctx.today, day));
	send_document(r, k, write_export, name);
}

void api_import_template(struct req *r)
{
	enum sheet_kind k;
	char name[64];

	if (!path_kind(r, &k))
		return;
	snprintf(name, sizeof(name), "%s-template", sheet_kind_name(k));
	send_document(r, k, write_template, name);
}

void api_import(struct req *r)
{
	const char *dry = req_query(r, "dry_run");
	struct import_result res;
	struct err e = ERR_INIT;
	const struct buf *data = &r->body;
	enum sheet_kind k;
	struct jw *w;

	if (!path_kind(r, &k))
		return;
	if (r->multipart) {
		if (!r->nfiles) {
			reply_fail(r, LS_EINVAL, "file", "the form has no file "
				   "(send the file as a form's file field or "
				   "as the body)");
			return;
		}
		data = &r->files[0].data;
	}
	if (!data->len) {
		reply_fail(r, LS_EINVAL, "file", "the file is empty");
		return;
	}
	if (dry && strcmp(dry, "0") && strcmp(dry, "1") &&
	    strcmp(dry, "true") && strcmp(dry, "false")) {
		reply_fail(r, LS_EINVAL, "dry_run", "invalid value '%s' for "
			   "dry_run (1 or 0)", dry);
		return;
	}
	import_result_init(&res);
	if (svc_import(&r->ctx, k, data->ptr, data->len,
		       dry && (!strcmp(dry, "1") || !strcmp(dry, "true")),
		       &res, &e) && !res.nerrors) {
		reply_error(r, &e);
	} else if (res.nerrors) {
		w = reply_json(r, err_http_status(e.code));
		jw_obj(w);
		jw_key(w, "error");
		jw_obj(w);
		jw_kstr(w, "code", err_code_name(e.code));
		jw_kstr(w, "message", e.msg);
		jw_kstr(w, "field", e.field[0] ? e.field : NULL);
		jw_key(w, "rows");
		jw_arr(w);
		for (size_t i = 0; i < res.nerrors; i++) {
			const struct import_error *x = &res.errors[i];

			jw_obj(w);
			jw_kint(w, "line", x->line);
			jw_kstr(w, "column", x->column);
			jw_kstr(w, "field", x->field);
			jw_kstr(w, "value", x->value);
			jw_kstr(w, "message", x->message);
			jw_obj_end(w);
		}
		jw_arr_end(w);
		jw_obj_end(w);
		jw_obj_end(w);
	} else {
		shape_import_result(reply_json(r, res.dry_run ? 200 : 201),
				    &res);
	}
	import_result_release(&res);
}
