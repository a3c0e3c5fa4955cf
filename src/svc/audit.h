/*
 * The one path every write takes into the audit trail (SPEC §8): actor,
 * time, entity, before and after, chained by SHA-256, inside the caller's
 * transaction. And the verifier that walks the chain.
 */
#ifndef LUOSHI_SVC_AUDIT_H
#define LUOSHI_SVC_AUDIT_H

#include "svc/ctx.h"

/*
 * Appends an entry for the current actor and instant. before/after are
 * JSON texts or NULL. Must run inside a write transaction.
 */
enum lserr audit_record(struct ctx *c, const char *action, const char *entity,
			const char *entity_id, const char *before,
			const char *after, struct err *e);
/* Same with an integer id. */
enum lserr audit_record_id(struct ctx *c, const char *action,
			   const char *entity, long long id,
			   const char *before, const char *after,
			   struct err *e);

/* The entries matching f in order; needs the audit right. */
enum lserr svc_audit_log(struct ctx *c, const struct audit_filter *f,
			 store_audit_fn fn, void *arg, struct err *e);

struct audit_report {
	long long checked;	/* entries verified */
	long long bad_id;	/* first broken entry, 0 when intact */
	char problem[160];	/* what is wrong with it */
};

/*
 * Recomputes the chain. LS_OK with r->bad_id == 0 when intact; LS_EFAIL
 * with r->bad_id and r->problem naming the first broken entry otherwise.
 */
enum lserr audit_verify(struct ctx *c, struct audit_report *r, struct err *e);

#endif
