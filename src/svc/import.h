/*
 * Import (SPEC §7 Import/export): tasks, units, users and indicator
 * actuals from CSV or XLSX, all or nothing. Each row goes through the
 * same svc_* operation as the CLI's add (validation, scope, permission,
 * audit) inside one transaction, each in its own savepoint, so every bad
 * row is found and named, and any bad row leaves the database untouched.
 */
#ifndef LUOSHI_SVC_IMPORT_H
#define LUOSHI_SVC_IMPORT_H

#include "svc/export.h"

/* A bad row: its line in the file, the column (as headed in the file,
 * or the field's key when no column applies), the value, the reason. */
struct import_error {
	long line;
	char *column;
	char *field;
	char *value;
	char *message;
};

struct import_result {
	enum sheet_kind kind;
	bool dry_run;
	bool xlsx;		/* the file was XLSX (else CSV) */
	long long rows;		/* data rows read (blank rows skipped) */
	long long imported;	/* rows written; 0 on a dry run */
	long long unchanged;	/* units/users already there, identical */
	struct import_error *errors;
	size_t nerrors;
};

void import_result_init(struct import_result *r);
void import_result_release(struct import_result *r);

/*
 * Imports the file held in data (XLSX by its zip signature, else CSV in
 * UTF-8 or GB18030). LS_OK when every row is good: the rows are written
 * (nothing on a dry run). A bad file (unreadable, unknown or missing
 * columns) is LS_EINVAL with e naming it; bad rows are LS_EINVAL with
 * each listed in r->errors and nothing written. The right needed is the
 * one the kind's add needs (LS_EFORBIDDEN, checked first).
 */
enum lserr svc_import(struct ctx *c, enum sheet_kind kind, const void *data,
		      size_t len, bool dry_run, struct import_result *r,
		      struct err *e);

/* Writes the result as JSON: kind, dry_run, rows, imported, unchanged,
 * errors [{line, column, field, value, message}]. */
void shape_import_result(struct jw *w, const struct import_result *r);

/*
 * A template to fill in: the kind's importable columns with headers in
 * lang, and one example row, as CSV or XLSX at path.
 */
enum lserr svc_import_template(enum sheet_kind kind, enum doc_format format,
			       enum lang lang, const char *path,
			       struct err *e);

#endif
