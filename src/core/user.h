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

#endif
