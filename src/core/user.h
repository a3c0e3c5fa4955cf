/*
 * Users: a login in a unit with a role (SPEC §1, §2).
 */
#ifndef LUOSHI_USER_H
#define LUOSHI_USER_H

#include "core/role.h"
#include "util/buf.h"

struct user {
	const char *login;
	const char *name;
	const char *unit;	/* unit code */
	const char *unit_path;	/* the unit's materialised path (read only) */
	enum role role;
	const char *pwhash;	/* argon2id string, NULL when no password */
	const char *created_at;
	struct buf arena;
};

void user_init(struct user *u);
void user_release(struct user *u);

/* A browser session (cookie); only the secret's hash is stored. */
struct session {
	const char *login;
	const char *csrf;	/* the CSRF token writes must echo */
	long long expires;	/* seconds since the epoch */
	struct buf arena;
};

/* An API token (bearer); only the secret's hash is stored. */
struct token {
	long long id;
	const char *login;
	const char *name;
	const char *created_at;
	const char *revoked_at;	/* NULL while valid */
	struct buf arena;
};

#endif
