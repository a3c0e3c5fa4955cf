/*
 * The permission table of SPEC §1: which role may do what. Every entry
 * point (CLI --as, HTTP routes) asks role_may(); nothing else decides.
 */
#include "core/role.h"

#include <stddef.h>
#include <string.h>

static const char *const names[] = {
	[ROLE_ADMIN] = "admin",
	[ROLE_SUPERVISOR] = "supervisor",
	[ROLE_LEADER] = "leader",
	[ROLE_STAFF] = "staff",
	[ROLE_VIEWER] = "viewer",
};

#define A (1u << ROLE_ADMIN)
#define S (1u << ROLE_SUPERVISOR)
#define L (1u << ROLE_LEADER)
#define F (1u << ROLE_STAFF)
#define V (1u << ROLE_VIEWER)

static const struct {
	const char *name;
	unsigned roles;
} perms[] = {
	[PERM_READ] = { "read", A | S | L | F | V },
	[PERM_ADMIN] = { "administer", A },
	[PERM_AUDIT] = { "read the audit log", A },
	[PERM_TASK_CREATE] = { "create and assign tasks", A | S | L },
	[PERM_TASK_WORK] = { "work on tasks", A | S | L | F },
	[PERM_TASK_APPROVE] = { "approve tasks", A | S | L },
	[PERM_TASK_SUPERVISE] = { "supervise tasks", A | S },
	[PERM_TASK_INSTRUCT] = { "instruct", A | S | L },
	[PERM_GOAL_EDIT] = { "edit goals", A | S | L },
	[PERM_INDICATOR_REPORT] = { "report indicators", A | S | L | F },
	[PERM_EVALUATE] = { "inspect and evaluate", A | S },
	[PERM_CADRE_RATE] = { "rate cadres", A | S | L | F },
	[PERM_CADRE_RECORD] = { "record ratings for other raters", A | S },
	[PERM_CADRE_READ] = { "see others' cadre assessments", A | S | L },
	[PERM_POLICY_EDIT] = { "edit policies", A | S | L },
	[PERM_PRACTICE_ADD] = { "record practices", A | S | L },
	[PERM_PRACTICE_PROMOTE] = { "promote practices", A | S },
};

bool role_parse(const char *s, enum role *r)
{
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (s && !strcmp(s, names[i])) {
			*r = (enum role)i;
			return true;
		}
	}
	return false;
}

const char *role_name(enum role r)
{
	return names[r];
}

bool role_may(enum role r, enum perm p)
{
	return perms[p].roles & (1u << r);
}

const char *perm_name(enum perm p)
{
	return perms[p].name;
}
