/*
 * The route table: method, path pattern, the permission a caller's role
 * needs (checked before the handler runs, from core/role.c's table) and
 * the handler. Data scope is the store's business; handlers never decide
 * who may do what.
 */
#ifndef LUOSHI_ROUTES_H
#define LUOSHI_ROUTES_H

#include "core/role.h"
#include "http/http.h"

typedef void (*route_fn)(struct req *r);

struct route {
	const char *method;
	const char *pattern;	/* "/api/v1/tasks/{id}": {x} is one segment */
	bool public;		/* no authentication */
	enum perm perm;		/* the role's right this route needs */
	route_fn fn;
};

extern const struct route routes[];
extern const int nroutes;

/*
 * The route for method and path, filling r->params; NULL when none. With
 * *path_known set when the path exists under another method (405).
 */
const struct route *route_find(const char *method, const char *path,
			       struct req *r, bool *path_known);

/* Handlers, one file per resource (api_<resource>.c). */
void api_healthz(struct req *r);
void api_metrics(struct req *r);
void api_login(struct req *r);
void api_logout(struct req *r);
void api_me(struct req *r);
void api_tokens_list(struct req *r);
void api_tokens_create(struct req *r);
void api_tokens_revoke(struct req *r);
void api_tasks_list(struct req *r);
void api_tasks_create(struct req *r);
void api_tasks_show(struct req *r);
void api_tasks_patch(struct req *r);
void api_tasks_timeline(struct req *r);
void api_tasks_action(struct req *r);
void api_today(struct req *r);
void api_next(struct req *r);
void api_board(struct req *r);

#endif
