/*
 * luoshi copy: a whole installation moved from one database to another
 * (SQLite <-> PostgreSQL): the rows (store_copy), the evidence files,
 * and the audit chain verified on the target.
 */
#ifndef LUOSHI_SVC_COPY_H
#define LUOSHI_SVC_COPY_H

#include "store/store.h"

struct copy_result {
	int tables;
	long long rows;
	long long files;		/* evidence files copied or present */
	long long missing;		/* ... missing from the source folder */
	char first_missing[80];		/* the first of those, by sha256 */
	char from_files[512];		/* the two evidence folders */
	char to_files[512];
	long long audit_entries;	/* verified on the target */
};

/*
 * Copies database `from` into `to` (a path or postgresql:// URL; a new
 * SQLite file is created, and removed again if the copy fails). Refuses
 * with LS_EINVAL when both name the same database, LS_ECONFLICT when the
 * target is not empty or the schema versions differ; nothing is changed
 * then. fn is called after each table with its row count.
 */
enum lserr svc_copy(const char *from, const char *to, store_copy_fn fn,
		    void *arg, struct copy_result *r, struct err *e);

#endif
