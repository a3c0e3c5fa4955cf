/*
 * Export (SPEC §7 Import/export): the task list, with task list's
 * filters and scope, written as CSV or XLSX through the document writer,
 * streamed from the store cursor. The columns are those an import reads,
 * in SPEC order, then read-only ones an import ignores.
 */
#ifndef LUOSHI_SVC_EXPORT_H
#define LUOSHI_SVC_EXPORT_H

#include "doc/doc.h"
#include "svc/tasks.h"

/* A column of an export or import: its key, headers in both languages,
 * kind and width. */
struct sheet_column {
	const char *key;
	const char *zh;
	const char *en;
	enum doc_kind kind;
	int width;
	bool readonly;		/* written for reading; import ignores it */
	bool required;		/* an import needs this column */
};

#define TASK_NCOLUMNS 16
extern const struct sheet_column task_columns[TASK_NCOLUMNS];

/* What a file holds (SPEC §7): `luoshi import|export KIND`. */
enum sheet_kind {
	KIND_TASKS,
	KIND_UNITS,
	KIND_USERS,
	KIND_ACTUALS,
};

/* "tasks", "units", "users", "actuals"; false otherwise. */
bool sheet_kind_parse(const char *s, enum sheet_kind *out);
const char *sheet_kind_name(enum sheet_kind k);
/* The columns of a kind, in file order; *n receives their number. */
const struct sheet_column *sheet_columns(enum sheet_kind k, int *n);

/* The words of a status and a light in lang, as the web UI shows them. */
const char *task_status_word(enum task_status st, enum lang lang);
const char *light_word(enum light l, enum lang lang);

/*
 * The format of an export: `format` ("csv" or "xlsx") when given, else
 * the extension of `path` (.csv, .xlsx, any case). LS_EINVAL naming the
 * value otherwise.
 */
enum lserr export_format(const char *format, const char *path,
			 enum doc_format *out, struct err *e);

/*
 * Writes the tasks matching q (task list's filters, the actor's scope)
 * to path, all of them, ordered by id; *n receives the row count. Bad
 * filters or scope leave path untouched.
 */
enum lserr svc_export_tasks(struct ctx *c, struct task_query *q,
			    enum doc_format format, enum lang lang,
			    const char *path, long long *n, struct err *e);

/*
 * Opens a document at path with the kind's sheet and its header row (only
 * the columns an import reads when `importable`), for rows to follow.
 */
struct doc *sheet_doc_open(enum sheet_kind kind, enum doc_format format,
			   enum lang lang, const char *path, bool importable,
			   struct err *e);

/*
 * Writes every unit, user or indicator actual the actor sees (units
 * parents first, users by login, actuals by indicator and month) in the
 * columns of sheet_columns(); *n receives the row count. KIND_TASKS is
 * svc_export_tasks.
 */
enum lserr svc_export(struct ctx *c, enum sheet_kind kind,
		      enum doc_format format, enum lang lang,
		      const char *path, long long *n, struct err *e);

#endif
