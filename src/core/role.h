/*
 * Roles and what each may do (SPEC §1), as one table. Data scope (which
 * objects a user sees) is separate: see scope.h.
 */
#ifndef LUOSHI_ROLE_H
#define LUOSHI_ROLE_H

#include <stdbool.h>

enum role {
	ROLE_ADMIN,
	ROLE_SUPERVISOR,
	ROLE_LEADER,
	ROLE_STAFF,
	ROLE_VIEWER,
};

enum perm {
	PERM_READ,		/* dashboards, lists, shows */
	PERM_ADMIN,		/* units, users, calendar, settings, backup */
	PERM_AUDIT,		/* audit log and verify */
	PERM_TASK_CREATE,	/* task add, milestone add (assign) */
	PERM_TASK_WORK,		/* ack, report, submit, risk, milestone done */
	PERM_TASK_APPROVE,	/* close, reject */
	PERM_TASK_SUPERVISE,	/* urge, extend, cancel, reopen */
	PERM_TASK_INSTRUCT,	/* leader's instruction (批示) */
	PERM_GOAL_EDIT,		/* goal add, indicator add, plan */
	PERM_INDICATOR_REPORT,	/* indicator actuals */
	PERM_EVALUATE,		/* inspect, commend, account, publish eval */
	PERM_CADRE_RATE,	/* rate a cadre as oneself */
	PERM_CADRE_RECORD,	/* record others' ballots (paper ballots) */
	PERM_CADRE_READ,	/* others' cadre grades and their inputs */
	PERM_POLICY_EDIT,	/* policy add, update, link (政策) */
	PERM_PRACTICE_ADD,	/* record a practice (经验) of a unit */
	PERM_PRACTICE_PROMOTE,	/* raise it into a mechanism (制度机制) */
};

/* Parses "admin", "supervisor", ...; false if unknown. */
bool role_parse(const char *s, enum role *r);
const char *role_name(enum role r);
bool role_may(enum role r, enum perm p);
const char *perm_name(enum perm p);

#endif
