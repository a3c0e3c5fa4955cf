/*
 * GET /api/v1/bulletin: the supervision bulletin of a period as a file
 * download (HTML, Markdown, XLSX or PDF), written by svc/bulletin.c to a
 * temporary file that is unlinked at once and sent by descriptor, as the
 * task export is.
 */
#include "http/reply.h"
#include "http/routes.h"
#include "svc/bulletin.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *content_type(enum doc_format f)
{
	switch (f) {
	case DOC_HTML: return "text/html; charset=utf-8";
	case DOC_MD: return "text/markdown; charset=utf-8";
	case DOC_PDF: return "application/pdf";
	case DOC_XLSX:
		return "application/vnd.openxmlformats-officedocument."
		       "spreadsheetml.sheet";
	case DOC_CSV: break;
	}
	return "application/octet-stream";
}

void api_bulletin(struct req *r)
{
	const char *fmt = req_query(r, "format");
	const char *lang_s = req_query(r, "lang");
	struct bulletin_opts o;
	struct bulletin_stats st;
	struct err e = ERR_INIT;
	char tmp[512], hdr[96];
	struct stat sb;
	int fd;

	memset(&o, 0, sizeof(o));
	o.period = req_query(r, "period");
	o.group = req_query(r, "group");
	o.unit = req_query(r, "unit");
	if (o.group && !*o.group)
		o.group = NULL;
	if (o.unit && !*o.unit)
		o.unit = NULL;
	if (!o.period) {
		reply_fail(r, LS_EINVAL, "period", "missing period (2026, "
			   "2026-Q4 or 2026-11)");
		return;
	}
	if (bulletin_format(fmt ? fmt : "html", &o.format, &e)) {
		reply_error(r, &e);
		return;
	}
	if (lang_s && !lang_parse(lang_s, &o.lang)) {
		reply_fail(r, LS_EINVAL, "lang", "invalid lang '%s' (zh-CN or "
			   "en)", lang_s);
		return;
	}
	if (!lang_s)
		o.lang = lang_from_accept(req_header(r, "Accept-Language"));
	snprintf(tmp, sizeof(tmp), "%s/luoshi-bulletin-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if ((fd = mkstemp(tmp)) < 0) {
		reply_fail(r, LS_EFAIL, NULL, "cannot create a temporary file "
			   "in '%s': %s", tmp, strerror(errno));
		return;
	}
	close(fd);
	if (svc_bulletin(&r->ctx, &o, tmp, &st, &e)) {
		unlink(tmp);
		reply_error(r, &e);
		return;
	}
	fd = open(tmp, O_RDONLY | O_CLOEXEC);
	unlink(tmp);
	if (fd < 0 || fstat(fd, &sb)) {
		if (fd >= 0)
			close(fd);
		reply_fail(r, LS_EFAIL, NULL, "cannot read the bulletin: %s",
			   strerror(errno));
		return;
	}
	r->status = 200;
	r->body_fd = fd;
	r->body_fd_len = sb.st_size;
	req_set_header(r, "Content-Type", content_type(o.format));
	snprintf(hdr, sizeof(hdr), "attachment; filename=\"bulletin-%s.%s\"",
		 o.period, doc_format_name(o.format));
	req_set_header(r, "Content-Disposition", hdr);
}
