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

/* A task column: its key, headers in both languages, kind and width. */
struct task_column {
	const char *key;
	const char *zh;
	const char *en;
	enum doc_kind kind;
	int width;
	bool readonly;		/* written for reading; import ignores it */
};

#define TASK_NCOLUMNS 16
extern const struct task_column task_columns[TASK_NCOLUMNS];

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

#endif
