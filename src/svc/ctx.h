/*
 * The service layer's context: who acts, on which day, against which
 * store. Every operation of luoshi (CLI now, HTTP later) runs through a
 * ctx, so permission, scope, validation and audit are decided in svc/ once
 * and never in a front end.
 */
#ifndef LUOSHI_CTX_H
#define LUOSHI_CTX_H

#include "core/calendar.h"
#include "core/scope.h"
#include "core/settings.h"
#include "core/user.h"
#include "store/store.h"
#include "util/date.h"
#include "util/err.h"

#include <stdbool.h>

struct ctx {
	struct store *st;
	struct actor actor;
	struct user actor_user;	/* backs actor's strings */
	int today;		/* the reference day T */
	char now[INSTANT_STRLEN];	/* the current instant */
	struct settings settings;
	struct calendar cal;
	bool cal_loaded;
	struct err err;
};

/*
 * The reference day and instant: `today_opt` (a --today value) if given,
 * else $LUOSHI_TODAY, else the local date. With a fixed day the instant is
 * that day at 00:00:00Z (or $LUOSHI_NOW), so runs are reproducible.
 */
enum lserr ctx_clock(struct ctx *c, const char *today_opt, struct err *e);
/* Opens the store (must be initialised) and loads settings. */
enum lserr ctx_open(struct ctx *c, const char *db, struct err *e);
/*
 * Acts as `login` (its role and scope), or as the built-in administrator
 * when login is NULL. LS_ENOTFOUND when the user does not exist.
 */
enum lserr ctx_act_as(struct ctx *c, const char *login, struct err *e);
void ctx_close(struct ctx *c);

/* LS_EFORBIDDEN (message naming role and right) unless the actor may. */
enum lserr ctx_require(struct ctx *c, enum perm p, struct err *e);
/* The calendar, loaded on first use. */
const struct calendar *ctx_calendar(struct ctx *c, struct err *e);

#endif
