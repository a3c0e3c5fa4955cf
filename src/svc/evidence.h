/*
 * Evidence files (佐证材料): stored content-addressed next to the database
 * as <db>.files/<first two hex digits>/<sha256>, so the same file is kept
 * once and a stored file can never be changed without its name changing.
 */
#ifndef LUOSHI_EVIDENCE_H
#define LUOSHI_EVIDENCE_H

#include "svc/ctx.h"

#include <stddef.h>

/* Stores the file at `path` and links it to report `report_id`. */
enum lserr evidence_attach_file(struct ctx *c, long long report_id,
				const char *path, struct err *e);
/* Stores `len` bytes named `name` and links them to the report. */
enum lserr evidence_attach_mem(struct ctx *c, long long report_id,
			       const char *name, const void *data, size_t len,
			       struct err *e);
/* Where a stored file lives; returns a new string the caller frees. */
char *evidence_path(struct ctx *c, const char *sha256);
/*
 * luoshi copy: the stored file sha256 (of `size` bytes) from `from`'s
 * folder into `to`'s, streamed, written beside and renamed; a file
 * already there with that size is kept. LS_ENOTFOUND when `from` has no
 * such file (or one of another size).
 */
enum lserr evidence_copy(struct ctx *from, struct ctx *to, const char *sha256,
			 long long size, struct err *e);
/*
 * A stored file for download: the first evidence record of `sha256` whose
 * task the actor can see (else LS_ENOTFOUND, also for a malformed hash),
 * and the file's content appended to `data`, checked against the recorded
 * size and the hash (LS_EFAIL when damaged). out is initialised here; its
 * strings live in its arena, which the caller releases.
 */
enum lserr svc_evidence_read(struct ctx *c, const char *sha256,
			     struct evidence *out, struct buf *data,
			     struct err *e);

#endif
