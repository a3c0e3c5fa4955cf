/*
 * Units and users: creation with validation, listing, passwords.
 */
#ifndef LUOSHI_SVC_UNITS_H
#define LUOSHI_SVC_UNITS_H

#include "svc/ctx.h"

enum lserr svc_unit_add(struct ctx *c, const char *code, const char *name,
			const char *parent, const char *kind, struct err *e);
/* A unit by code; LS_ENOTFOUND (field `field`) when missing. */
enum lserr svc_unit_get(struct ctx *c, const char *code, const char *field,
			struct unit *out, struct err *e);
/* Same, but also LS_ENOTFOUND when outside the actor's scope. */
enum lserr svc_unit_in_scope(struct ctx *c, const char *code,
			     const char *field, struct unit *out,
			     struct err *e);
/* Units in the actor's scope, ordered by code. */
enum lserr svc_unit_list(struct ctx *c, store_unit_fn fn, void *arg,
			 struct err *e);

/* password NULL: no password (CLI-only user until `user passwd`). */
enum lserr svc_user_add(struct ctx *c, const char *login, const char *name,
			const char *unit, const char *role,
			const char *password, struct err *e);
/*
 * The same with a password already hashed by password_hash() (or NULL):
 * the demo hashes its one password once for all its users, argon2id
 * being by design the slowest step of seeding.
 */
enum lserr svc_user_add_hashed(struct ctx *c, const char *login,
			       const char *name, const char *unit,
			       const char *role, const char *pwhash,
			       struct err *e);
enum lserr svc_user_passwd(struct ctx *c, const char *login,
			   const char *password, struct err *e);
/* Users whose unit is in the actor's scope, ordered by login. */
enum lserr svc_user_list(struct ctx *c, store_user_fn fn, void *arg,
			 struct err *e);
/* A user by login; LS_ENOTFOUND naming `field` when missing. */
enum lserr svc_user_get(struct ctx *c, const char *login, const char *field,
			struct user *out, struct err *e);
/*
 * Same, but also LS_ENOTFOUND when the user's unit is outside the actor's
 * scope (the actor always sees themselves).
 */
enum lserr svc_user_in_scope(struct ctx *c, const char *login,
			     const char *field, struct user *out,
			     struct err *e);

/* Validates a free-text field: valid UTF-8, 1..max bytes (0 max = 10000). */
enum lserr check_text(const char *field, const char *v, size_t max,
		      bool required, struct err *e);

#endif
