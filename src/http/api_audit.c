/*
 * /api/v1/audit: the audit trail (paged, filtered by entity and id) and
 * its verification. A broken chain is an answer about the data, so it
 * comes back as 200 with ok=false, naming the first bad entry.
 */
#include "http/reply.h"
#include "http/routes.h"
#include "svc/audit.h"
#include "svc/shape.h"

struct list_state {
	struct req *r;
	struct page p;
};

static int log_one(const struct audit_entry *a, void *arg)
{
	struct list_state *s = arg;

	if (page_take(&s->p))
		shape_audit(&s->r->w, a);
	return 0;
}

void api_audit_log(struct req *r)
{
	struct list_state s = { r, { 0, 0, 0 } };
	struct audit_filter f = { NULL, NULL, 0 };
	struct err e = ERR_INIT;

	if (req_page(r, &s.p))
		return;
	f.entity = req_query(r, "entity");
	f.entity_id = req_query(r, "entity_id");
	jw_arr(reply_json(r, 200));
	if (svc_audit_log(&r->ctx, &f, log_one, &s, &e)) {
		reply_error(r, &e);
		return;
	}
	jw_arr_end(&r->w);
	reply_page_headers(r, &s.p);
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
