/*
 * Error records and the two code mappings (CLI exit status, HTTP status).
 */
#include "util/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum lserr err_set(struct err *e, enum lserr code, const char *field,
		   const char *fmt, ...)
{
	va_list ap;

	if (!e)
		return code;
	e->code = code;
	snprintf(e->field, sizeof(e->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return code;
}

void err_clear(struct err *e)
{
	e->code = LS_OK;
	e->field[0] = '\0';
	e->msg[0] = '\0';
}

int err_exit_status(enum lserr code)
{
	switch (code) {
	case LS_OK:		return 0;
	case LS_EFAIL:		return 1;
	case LS_EINVAL:		return 2;
	case LS_ETOOBIG:	return 2;
	case LS_ENOTFOUND:	return 3;
	case LS_EFORBIDDEN:	return 4;
	case LS_ECONFLICT:	return 5;
	case LS_EVERSION:	return 5;
	case LS_EAUTH:		return 4;
	case LS_ETOOMANY:	return 4;
	case LS_EMEDIA:		return 2;
	case LS_EBUSY:		return 1;
	}
	return 1;
}

int err_http_status(enum lserr code)
{
	switch (code) {
	case LS_OK:		return 200;
	case LS_EFAIL:		return 500;
	case LS_EINVAL:		return 400;
	case LS_ETOOBIG:	return 413;
	case LS_ENOTFOUND:	return 404;
	case LS_EFORBIDDEN:	return 403;
	case LS_ECONFLICT:	return 409;
	case LS_EVERSION:	return 412;
	case LS_EAUTH:		return 401;
	case LS_ETOOMANY:	return 429;
	case LS_EMEDIA:		return 415;
	case LS_EBUSY:		return 503;
	}
	return 500;
}

const char *err_code_name(enum lserr code)
{
	switch (code) {
	case LS_OK:		return "ok";
	case LS_EFAIL:		return "failure";
	case LS_EINVAL:		return "invalid";
	case LS_ETOOBIG:	return "too_large";
	case LS_ENOTFOUND:	return "not_found";
	case LS_EFORBIDDEN:	return "forbidden";
	case LS_ECONFLICT:	return "conflict";
	case LS_EVERSION:	return "version_mismatch";
	case LS_EAUTH:		return "unauthenticated";
	case LS_ETOOMANY:	return "too_many_requests";
	case LS_EMEDIA:		return "unsupported_media_type";
	case LS_EBUSY:		return "unavailable";
	}
	return "failure";
}
