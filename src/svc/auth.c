/*
 * Logins, sessions and API tokens (see auth.h). Failed logins are kept in
 * the database, so limits hold across restarts and across servers.
 */
#include "svc/auth.h"
#include "svc/audit.h"
#include "svc/password.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void secret_hash(const char *s, char out[SECRET_HEXLEN])
{
	unsigned char h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(out, SECRET_HEXLEN, h, sizeof(h));
}

static void new_secret(char out[SECRET_HEXLEN])
{
	unsigned char r[32];

	randombytes_buf(r, sizeof(r));
	sodium_bin2hex(out, SECRET_HEXLEN, r, sizeof(r));
}

/* The instant for rate limits and expiry: real time, never --today. */
static long long wall(void)
{
	return (long long)time(NULL);
}

enum lserr svc_login(struct ctx *c, const char *login, const char *password,
		     const char *addr, struct login_result *out,
		     struct err *e)
{
	struct user u;
	long long by_login, by_addr, oldest, t = wall();
	char hash[SECRET_HEXLEN];
	bool ok;
	enum lserr rc;

	memset(out, 0, sizeof(*out));
	if (!login || !*login || !password)
		return err_set(e, LS_EINVAL, !login || !*login ? "login" :
			       "password", "missing %s", !login || !*login ?
			       "login" : "password");
	/* Reads and the slow hash run outside any write transaction. */
	rc = store_failure_count(c->st, login, addr, t - LOGIN_WINDOW,
				 &by_login, &by_addr, &oldest, e);
	if (rc)
		return rc;
	if (by_login >= LOGIN_MAX_FAILURES || by_addr >= LOGIN_MAX_FAILURES) {
		out->retry_after = oldest + LOGIN_WINDOW - t;
		if (out->retry_after < 1)
			out->retry_after = 1;
		return err_set(e, LS_ETOOMANY, "login", "too many failed "
			       "logins; try again in %lld seconds",
			       out->retry_after);
	}
	user_init(&u);
	rc = store_user_get(c->st, login, &u, e);
	if (rc != LS_OK && rc != LS_ENOTFOUND)
		goto out;
	/* an unknown login costs the same time as a wrong password */
	if (rc == LS_OK && u.pwhash) {
		ok = password_verify(u.pwhash, password);
	} else {
		password_verify_nobody(password);
		ok = false;
	}
	if ((rc = store_begin(c->st, e)))
		goto out;
	if (!ok) {
		if ((rc = store_failure_add(c->st, login, addr, t, e)))
			goto fail;
		if ((rc = store_commit(c->st, e)) == LS_OK)
			rc = err_set(e, LS_EAUTH, "password",
				     "wrong login or password");
		goto out;
	}
	new_secret(out->sid);
	new_secret(out->csrf);
	secret_hash(out->sid, hash);
	if ((rc = store_session_insert(c->st, hash, login, out->csrf, c->now,
				       t + SESSION_SECONDS, e)) ||
	    (rc = store_commit(c->st, e)))
		goto fail;
	rc = ctx_act_as(c, login, e);
	goto out;
fail:
	store_rollback(c->st);
out:
	user_release(&u);
	return rc;
}

enum lserr svc_logout(struct ctx *c, const char *sid, struct err *e)
{
	char hash[SECRET_HEXLEN];
	enum lserr rc;

	secret_hash(sid, hash);
	if ((rc = store_begin(c->st, e)))
		return rc;
	if ((rc = store_session_delete(c->st, hash, e)) ||
	    (rc = store_commit(c->st, e)))
		store_rollback(c->st);
	return rc;
}

enum lserr svc_auth_session(struct ctx *c, const char *sid, char *csrf,
			    struct err *e)
{
	struct session s = { .arena = BUF_INIT };
	char hash[SECRET_HEXLEN];
	enum lserr rc;

	secret_hash(sid, hash);
	rc = store_session_get(c->st, hash, wall(), &s, e);
	if (rc == LS_OK) {
		snprintf(csrf, SECRET_HEXLEN, "%s", s.csrf);
		rc = ctx_act_as(c, s.login, e);
	}
	buf_release(&s.arena);
	if (rc == LS_ENOTFOUND)
		return err_set(e, LS_EAUTH, "session", "session expired or "
			       "unknown; log in again");
	return rc;
}

enum lserr svc_auth_token(struct ctx *c, const char *token, struct err *e)
{
	struct token t = { .arena = BUF_INIT };
	char hash[SECRET_HEXLEN];
	enum lserr rc;

	secret_hash(token, hash);
	rc = store_token_get(c->st, hash, &t, e);
	if (rc == LS_OK)
		rc = ctx_act_as(c, t.login, e);
	buf_release(&t.arena);
	if (rc == LS_ENOTFOUND)
		return err_set(e, LS_EAUTH, "token", "unknown or revoked "
			       "token");
	return rc;
}

enum lserr svc_token_create(struct ctx *c, const char *login,
			    const char *name, char token[SECRET_HEXLEN],
			    long long *id, struct err *e)
{
	char hash[SECRET_HEXLEN], after[256];
	struct user u;
	enum lserr rc;

	if (!login)
		login = c->actor.login;
	if (strcmp(login, c->actor.login) &&
	    (rc = ctx_require(c, PERM_ADMIN, e)))
		return rc;
	if (name && strlen(name) > 100)
		return err_set(e, LS_EINVAL, "name", "token name too long "
			       "(at most 100 bytes)");
	user_init(&u);
	rc = store_user_get(c->st, login, &u, e);
	user_release(&u);
	if (rc == LS_ENOTFOUND)
		return err_set(e, rc, "login", "user '%s' not found", login);
	if (rc)
		return rc;
	new_secret(token);
	secret_hash(token, hash);
	if ((rc = store_begin(c->st, e)))
		return rc;
	rc = store_token_insert(c->st, hash, login, name, c->now, id, e);
	if (rc == LS_OK)
		snprintf(after, sizeof(after), "{\"id\":%lld,\"login\":"
			 "\"%s\"}", *id, login);
	if (rc == LS_OK)
		rc = audit_record_id(c, "token.create", "token", *id, NULL,
				     after, e);
	if (rc == LS_OK)
		rc = store_commit(c->st, e);
	if (rc)
		store_rollback(c->st);
	return rc;
}

struct find_token {
	long long id;
	bool found;
	bool mine;
	const char *login;
};

static int find_token(const struct token *t, void *arg)
{
	struct find_token *f = arg;

	if (t->id != f->id)
		return 0;
	f->found = true;
	f->mine = !strcmp(t->login, f->login);
	return 1;
}

enum lserr svc_token_revoke(struct ctx *c, long long id, struct err *e)
{
	struct find_token f = { id, false, false, c->actor.login };
	bool admin = c->actor.role == ROLE_ADMIN;
	enum lserr rc;

	if ((rc = store_token_each(c->st, admin ? NULL : c->actor.login,
				   find_token, &f, e)))
		return rc;
	if (!f.found)
		return err_set(e, LS_ENOTFOUND, "id", "token '%lld' not found",
			       id);
	if ((rc = store_begin(c->st, e)))
		return rc;
	if ((rc = store_token_revoke(c->st, id, c->now, e)) ||
	    (rc = audit_record_id(c, "token.revoke", "token", id, NULL, NULL,
				  e)) ||
	    (rc = store_commit(c->st, e)))
		store_rollback(c->st);
	return rc;
}

enum lserr svc_token_list(struct ctx *c, store_token_fn fn, void *arg,
			  struct err *e)
{
	bool admin = c->actor.role == ROLE_ADMIN;

	return store_token_each(c->st, admin ? NULL : c->actor.login, fn, arg,
				e);
}
