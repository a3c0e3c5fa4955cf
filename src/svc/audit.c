/*
 * Audit trail recording and verification (see audit.h).
 */
#include "svc/audit.h"
#include "core/audit.h"

#include <stdio.h>
#include <string.h>

enum lserr audit_record(struct ctx *c, const char *action, const char *entity,
			const char *entity_id, const char *before,
			const char *after, struct err *e)
{
	struct audit_entry a;
	char prev[AUDIT_HASHLEN];
	long long last;
	enum lserr rc;

	rc = store_audit_head(c->st, &last, prev, e);
	if (rc != LS_OK)
		return rc;
	memset(&a, 0, sizeof(a));
	a.id = last + 1;
	a.at = c->now;
	a.actor = c->actor.login;
	a.action = action;
	a.entity = entity;
	a.entity_id = entity_id;
	a.before = before;
	a.after = after;
	memcpy(a.prev, prev, AUDIT_HASHLEN);
	audit_hash(prev, &a, a.hash);
	return store_audit_append(c->st, &a, e);
}

enum lserr audit_record_id(struct ctx *c, const char *action,
			   const char *entity, long long id,
			   const char *before, const char *after,
			   struct err *e)
{
	char tmp[32];

	snprintf(tmp, sizeof(tmp), "%lld", id);
	return audit_record(c, action, entity, tmp, before, after, e);
}

struct walk {
	struct audit_report *r;
	long long last_id;
	char last_hash[AUDIT_HASHLEN];
};

static int check_entry(const struct audit_entry *a, void *arg)
{
	struct walk *w = arg;
	char h[AUDIT_HASHLEN];

	if (a->id != w->last_id + 1) {
		w->r->bad_id = w->last_id + 1;
		snprintf(w->r->problem, sizeof(w->r->problem),
			 "entry %lld is missing (deleted)", w->last_id + 1);
		return 1;
	}
	if (strcmp(a->prev, w->last_hash)) {
		w->r->bad_id = a->id;
		snprintf(w->r->problem, sizeof(w->r->problem),
			 "entry %lld does not follow entry %lld "
			 "(previous hash differs)", a->id, w->last_id);
		return 1;
	}
	audit_hash(a->prev, a, h);
	if (strcmp(h, a->hash)) {
		w->r->bad_id = a->id;
		snprintf(w->r->problem, sizeof(w->r->problem),
			 "entry %lld was changed (hash mismatch)", a->id);
		return 1;
	}
	w->last_id = a->id;
	memcpy(w->last_hash, a->hash, AUDIT_HASHLEN);
	w->r->checked++;
	return 0;
}

enum lserr audit_verify(struct ctx *c, struct audit_report *r, struct err *e)
{
	struct audit_filter f = { NULL, NULL, 0 };
	struct walk w = { r, 0, "" };
	char head[AUDIT_HASHLEN];
	long long head_id;
	enum lserr rc;

	memset(r, 0, sizeof(*r));
	memcpy(w.last_hash, audit_genesis, AUDIT_HASHLEN);
	rc = store_audit_each(c->st, &f, check_entry, &w, e);
	if (rc != LS_OK)
		return rc;
	if (!r->bad_id) {
		rc = store_audit_head(c->st, &head_id, head, e);
		if (rc != LS_OK)
			return rc;
		if (head_id != w.last_id) {
			r->bad_id = w.last_id + 1;
			snprintf(r->problem, sizeof(r->problem),
				 "entries %lld..%lld are missing (deleted)",
				 w.last_id + 1, head_id);
		} else if (strcmp(head, w.last_hash)) {
			r->bad_id = head_id;
			snprintf(r->problem, sizeof(r->problem),
				 "entry %lld does not match the recorded "
				 "chain head", head_id);
		}
	}
	if (r->bad_id)
		return err_set(e, LS_EFAIL, "audit",
			       "audit chain broken at entry %lld: %s",
			       r->bad_id, r->problem);
	return LS_OK;
}

enum lserr svc_audit_log(struct ctx *c, const struct audit_filter *f,
			 store_audit_fn fn, void *arg, struct err *e)
{
	enum lserr rc;

	if ((rc = ctx_require(c, PERM_AUDIT, e)))
		return rc;
	return store_audit_each(c->st, f, fn, arg, e);
}
