/*
 * Authentication for the HTTP API: password logins that open a session
 * (cookie + CSRF token), rate-limited per login and per client address;
 * API tokens (bearer) that can be revoked. Secrets are 32 random bytes in
 * hex, handed out once; the store keeps only their SHA-256.
 */
#ifndef LUOSHI_SVC_AUTH_H
#define LUOSHI_SVC_AUTH_H

#include "svc/ctx.h"

#define SECRET_HEXLEN 65	/* 64 hex digits + NUL */
#define SESSION_SECONDS (12 * 3600)
#define LOGIN_WINDOW (15 * 60)	/* failed logins counted over 15 minutes */
#define LOGIN_MAX_FAILURES 5

struct login_result {
	char sid[SECRET_HEXLEN];	/* the session secret for the cookie */
	char csrf[SECRET_HEXLEN];
	long long retry_after;		/* seconds, with LS_ETOOMANY */
};

/*
 * Checks login and password (argon2id). On success opens a session and acts
 * as the user (ctx_act_as). LS_EAUTH for a wrong login or password (the same
 * message for both), LS_ETOOMANY after LOGIN_MAX_FAILURES failures for the
 * login or the address within LOGIN_WINDOW.
 */
enum lserr svc_login(struct ctx *c, const char *login, const char *password,
		     const char *addr, struct login_result *out,
		     struct err *e);
enum lserr svc_logout(struct ctx *c, const char *sid, struct err *e);
/*
 * Acts as the owner of a session (csrf receives its CSRF token, at least
 * SECRET_HEXLEN bytes) or of a bearer token. LS_EAUTH when unknown.
 */
enum lserr svc_auth_session(struct ctx *c, const char *sid, char *csrf,
			    struct err *e);
enum lserr svc_auth_token(struct ctx *c, const char *token, struct err *e);

/* Creates a token for login (yourself, or anyone as admin). */
enum lserr svc_token_create(struct ctx *c, const char *login,
			    const char *name, char token[SECRET_HEXLEN],
			    long long *id, struct err *e);
enum lserr svc_token_revoke(struct ctx *c, long long id, struct err *e);
/* Your tokens (all tokens for an admin). */
enum lserr svc_token_list(struct ctx *c, store_token_fn fn, void *arg,
			  struct err *e);

/* SHA-256 of s in hex. */
void secret_hash(const char *s, char out[SECRET_HEXLEN]);

#endif
