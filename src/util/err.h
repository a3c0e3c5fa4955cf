/*
 * Errors carry a code and a message naming the field and value at fault
 * (git's wording: lower case, no full stop, value quoted). One function
 * maps a code to a CLI exit status, one to an HTTP status.
 */
#ifndef LUOSHI_ERR_H
#define LUOSHI_ERR_H

enum lserr {
	LS_OK = 0,
	LS_EFAIL,	/* I/O, database: exit 1, HTTP 500 */
	LS_EINVAL,	/* bad usage or invalid value: exit 2, HTTP 400 */
	LS_ENOTFOUND,	/* not found or out of scope: exit 3, HTTP 404 */
	LS_EFORBIDDEN,	/* role lacks the right: exit 4, HTTP 403 */
	LS_ECONFLICT,	/* bad state transition: exit 5, HTTP 409 */
	LS_EVERSION,	/* stale version (If-Match): exit 5, HTTP 412 */
	LS_ETOOBIG,	/* body or file too large: exit 2, HTTP 413 */
	LS_EAUTH,	/* not authenticated: exit 4, HTTP 401 */
	LS_ETOOMANY,	/* too many failed logins: exit 4, HTTP 429 */
	LS_EMEDIA,	/* body is not JSON: exit 2, HTTP 415 */
	LS_EBUSY,	/* database unavailable: exit 1, HTTP 503 */
};

struct err {
	enum lserr code;
	char field[48];		/* offending field, "" when none */
	char msg[512];
};

#define ERR_INIT { LS_OK, "", "" }

/* Records the error and returns `code`, so callers can `return err_set(..)`. */
enum lserr err_set(struct err *e, enum lserr code, const char *field,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void err_clear(struct err *e);

int err_exit_status(enum lserr code);
int err_http_status(enum lserr code);
/* Stable machine-readable name: "invalid", "not_found", ... */
const char *err_code_name(enum lserr code);

#endif
