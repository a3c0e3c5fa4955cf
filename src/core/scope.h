/*
 * Data scope (SPEC §1): a user sees their unit and every unit below it
 * (本单位及以下), plus the tasks they own. Units carry a materialised path
 * "/HRB/HRB-DL/" so "below" is a prefix test here and a range scan in SQL.
 * The store's task queries apply the same rule in SQL (the TASK_QUERY
 * predicate in store/tasks.c); this file is the rule for objects already in
 * memory.
 */
#ifndef LUOSHI_SCOPE_H
#define LUOSHI_SCOPE_H

#include "core/role.h"

#include <stdbool.h>

struct scope {
	bool all;		/* administrators see everything */
	const char *path;	/* the user's unit path, e.g. "/HRB/HRB-DL/" */
	const char *login;	/* owned tasks are visible too */
};

/* Who is acting: login, role and scope. Strings are borrowed. */
struct actor {
	const char *login;
	const char *name;
	const char *unit;
	enum role role;
	struct scope scope;
};

/* True when a unit with materialised path `path` lies in the scope. */
bool scope_covers(const struct scope *sc, const char *path);
/*
 * Upper bound for a range scan: writes into hi (size n) the smallest string
 * greater than every path under `prefix` ("/A/" -> "/A0"). Returns hi.
 */
char *scope_path_upper(const char *prefix, char *hi, unsigned n);

#endif
