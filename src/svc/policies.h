/*
 * The policy system (政策体系, SPEC §2): policies with their window
 * (窗口期), responsible unit, status and value secured, linked to goals
 * and tasks. Scope: a policy is seen by users whose scope covers its unit
 * (else not found); administrators, supervisors and leaders write those
 * they see (PERM_POLICY_EDIT). The effective status (missed once the
 * window closed un-landed) and the closing alert are core/policy.c's,
 * computed for the reference day on every read.
 */
#ifndef LUOSHI_SVC_POLICIES_H
#define LUOSHI_SVC_POLICIES_H

#include "core/policy.h"
#include "svc/ctx.h"
#include "util/jw.h"

#include <stddef.h>

struct policy_input {
	const char *title;
	const char *issuer;
	const char *level;	/* national, provincial, municipal */
	int issued, open, close;	/* DATE_NONE when absent */
	const char *unit;
	const char *status;	/* NULL: watching */
	const char *value;	/* NULL or "": none */
};

/* Validates (naming field and value), checks right and scope, records. */
enum lserr svc_policy_add(struct ctx *c, const struct policy_input *in,
			  long long *id, struct err *e);

/*
 * Sets the status and/or the value (value "" clears it; NULL status or
 * has_value false: unchanged). After the window closed only landed and
 * missed may be set (LS_ECONFLICT). if_version (0: none) must be the
 * stored version, else LS_EVERSION and nothing changes.
 */
enum lserr svc_policy_update(struct ctx *c, long long id, const char *status,
			     const char *value, bool has_value,
			     long long if_version, struct err *e);

/*
 * Links the policy to a goal (goal_id) or a task (task_id), exactly one
 * of them; both must be visible to the actor (else LS_ENOTFOUND naming
 * goal_id / task_id); an existing link is LS_ECONFLICT. Bumps the
 * policy's version.
 */
enum lserr svc_policy_link(struct ctx *c, long long id, long long goal_id,
			   long long task_id, long long if_version,
			   struct err *e);

/* A policy with its linked goal and task ids. */
struct policy_view {
	struct policy p;
	long long *goals, *tasks;
	size_t ngoals, ntasks, cap_goals, cap_tasks;
};

void policy_view_init(struct policy_view *v);
void policy_view_release(struct policy_view *v);
/* A policy in scope (LS_ENOTFOUND otherwise). */
enum lserr svc_policy_get(struct ctx *c, long long id, struct policy_view *out,
			  struct err *e);

struct policy_filter {
	const char *unit;	/* this unit's subtree (in scope) or NULL */
	bool has_status;
	enum policy_status status;	/* the effective status */
	int closing_within;	/* closing within these days; -1: any */
};

/* Policies in scope matching f, by window_close then id. */
typedef int (*svc_policy_fn)(const struct policy_view *v, void *arg);
enum lserr svc_policy_list(struct ctx *c, const struct policy_filter *f,
			   svc_policy_fn fn, void *arg, struct err *e);

/*
 * {"id","title","issuer","level","issued_on","window_open","window_close",
 *  "unit","status","recorded_status","closing","days_left","value",
 *  "goals":[…],"tasks":[…],"created_at","version"}: status is the
 * effective one on c's reference day, recorded_status the stored one;
 * closing uses the setting policy_warn_days; days_left = close − today.
 */
void shape_policy(struct jw *w, const struct ctx *c,
		  const struct policy_view *v);

#endif
