/*
 * /api/v1/audit: the audit trail (paged, filtered by entity and id) and
 * its verification. A broken chain is an answer about the data, so it
 * comes back as 200 with ok=false, naming the first bad entry.
 */
#include "http/reply.h"
#include "http/routes.h"
#include "svc/audit.h"
#include "svc/shape.h"

static int log_one(const struct audit_entry *a, void *arg)
{
	struct api_list *l = arg;

	if (api_list_take(l))
		shape_audit(&l->r->w, a);
	return 0;
}

void api_audit_log(struct req *r)
{
	struct api_list s;
	struct audit_filter f = { NULL, NULL, 0 };
	struct err e = ERR_INIT;

	if (api_list_begin(&s, r))
		return;
	f.entity = req_query(r, "entity");
	f.entity_id = req_query(r, "entity_id");
	api_list_end(&s, svc_audit_log(&r->ctx, &f, log_one, &s, &e), &e);
}

void api_audit_verify(struct req *r)
{
	struct audit_report rep;
	struct err e = ERR_INIT;
	struct jw *w;
	enum lserr rc;

	if ((rc = ctx_require(&r->ctx, PERM_AUDIT, &e)) ||
	    ((rc = audit_verify(&r->ctx, &rep, &e)) && !rep.bad_id)) {
		reply_error(r, &e);
		return;
	}
	/* the object `luoshi audit verify --json` prints */
	w = reply_json(r, 200);
	jw_obj(w);
	jw_kbool(w, "ok", rc == LS_OK);
	jw_kint(w, "checked", rep.checked);
	jw_kid(w, "bad_id", rep.bad_id);
	jw_kstr(w, "problem", rep.bad_id ? rep.problem : NULL);
	jw_obj_end(w);
}
