/*
 * /healthz (is the database answering?) and /metrics (Prometheus text).
 */
#include "http/metrics.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/tasks.h"

void api_healthz(struct req *r)
{
	struct jw *w;
	/* no store: the database could not even be connected to */
	bool ok = r->ctx.st && store_initialised(r->ctx.st);

	w = reply_json(r, ok ? 200 : 503);
	jw_obj(w);
	jw_kstr(w, "status", ok ? "ok" : "unavailable");
	jw_obj_end(w);
}

void api_metrics(struct req *r)
{
	struct board b;
	struct err e = ERR_INIT;
	long long n[LIGHT_N] = { 0 };

	r->status = 200;
	buf_reset(&r->out);
	req_set_header(r, "Content-Type", "text/plain; version=0.0.4");
	metrics_write(&r->out);
	/* open tasks by light, counted as the administrator would */
	ctx_act_as(&r->ctx, NULL, &e);
	if (svc_board(&r->ctx, NULL, &b, &e) == LS_OK) {
		for (size_t i = 0; i < b.n; i++)
			for (int l = 0; l < LIGHT_N; l++)
				n[l] += b.rows[i].n[l];
		board_release(&b);
	}
	buf_adds(&r->out, "# HELP luoshi_tasks Tasks by light today.\n"
		 "# TYPE luoshi_tasks gauge\n");
	for (int l = 0; l < LIGHT_N; l++)
		if (l != LIGHT_NONE)
			buf_addf(&r->out, "luoshi_tasks{light=\"%s\"} %lld\n",
				 light_name((enum light)l), n[l]);
}
