/*
 * /api/v1/login, /logout, /me and /tokens: who you are and how you prove
 * it. The session cookie is HttpOnly and SameSite=Strict (Secure when the
 * request came through TLS, as told by X-Forwarded-Proto from the proxy).
 */
#include "http/body.h"
#include "http/reply.h"
#include "http/routes.h"
#include "svc/auth.h"
#include "svc/shape.h"

#include <stdio.h>
#include <string.h>

static bool behind_tls(struct req *r)
{
	const char *p = req_header(r, "X-Forwarded-Proto");

	return p && !strcasecmp(p, "https");
}

static void me(struct req *r, struct jw *w)
{
	jw_obj(w);
	jw_kstr(w, "login", r->ctx.actor.login);
	jw_kstr(w, "name", r->ctx.actor.name);
	jw_kstr(w, "unit", r->ctx.actor.unit);
	jw_kstr(w, "role", role_name(r->ctx.actor.role));
	jw_obj_end(w);
}

void api_login(struct req *r)
{
	const char *login = NULL, *password = NULL;
	const struct jfield f[] = {
		{ "login", JT_STR, &login, NULL },
		{ "password", JT_STR, &password, NULL },
	};
	struct login_result lr;
	struct err e = ERR_INIT;
	struct jw *w;
	char cookie[256], retry[32];

	if (body_parse(r, f, 2))
		return;
	if (svc_login(&r->ctx, login, password, r->addr, &lr, &e)) {
		reply_error(r, &e);
		if (e.code == LS_ETOOMANY) {
			snprintf(retry, sizeof(retry), "%lld", lr.retry_after);
			req_set_header(r, "Retry-After", retry);
		}
		return;
	}
	r->authed = true;
	snprintf(cookie, sizeof(cookie), "luoshi_session=%s; Path=/; "
		 "HttpOnly; SameSite=Strict; Max-Age=%d%s", lr.sid,
		 SESSION_SECONDS, behind_tls(r) ? "; Secure" : "");
	req_set_header(r, "Set-Cookie", cookie);
	w = reply_json(r, 200);
	jw_obj(w);
	jw_key(w, "user");
	me(r, w);
	jw_kstr(w, "csrf_token", lr.csrf);
	jw_obj_end(w);
}

void api_logout(struct req *r)
{
	const char *sid = req_cookie(r, "luoshi_session");
	struct err e = ERR_INIT;

	if (sid && svc_logout(&r->ctx, sid, &e)) {
		reply_error(r, &e);
		return;
	}
	req_set_header(r, "Set-Cookie", "luoshi_session=; Path=/; HttpOnly; "
		       "SameSite=Strict; Max-Age=0");
	reply_empty(r);
}

void api_me(struct req *r)
{
	me(r, reply_json(r, 200));
}

static int token_one(const struct token *t, void *arg)
{
	shape_token(arg, t);
	return 0;
}

void api_tokens_list(struct req *r)
{
	struct err e = ERR_INIT;
	struct jw *w = reply_json(r, 200);

	jw_arr(w);
	if (svc_token_list(&r->ctx, token_one, w, &e)) {
		reply_error(r, &e);
		return;
	}
	jw_arr_end(w);
}

void api_tokens_create(struct req *r)
{
	const char *login = NULL, *name = NULL;
	const struct jfield f[] = {
		{ "login", JT_STR, &login, NULL },
		{ "name", JT_STR, &name, NULL },
	};
	char token[SECRET_HEXLEN];
	struct err e = ERR_INIT;
	struct jw *w;
	long long id;

	if (r->body.len && body_parse(r, f, 2))
		return;
	if (svc_token_create(&r->ctx, login, name, token, &id, &e)) {
		reply_error(r, &e);
		return;
	}
	w = reply_json(r, 201);
	jw_obj(w);
	jw_kint(w, "id", id);
	jw_kstr(w, "login", login ? login : r->ctx.actor.login);
	jw_kstr(w, "name", name);
	jw_kstr(w, "token", token);
	jw_obj_end(w);
}

void api_tokens_revoke(struct req *r)
{
	struct err e = ERR_INIT;
	long long id;

	if (req_param_id(r, 0, "token", &id))
		return;
	if (svc_token_revoke(&r->ctx, id, &e))
		reply_error(r, &e);
	else
		reply_empty(r);
}
