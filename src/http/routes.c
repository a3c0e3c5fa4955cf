/*
 * The one route table (netdata's web_api_v3.c): every endpoint of the API
 * with the right it needs. docs/openapi.yaml describes the same list; a
 * test compares them (luoshi serve --routes prints this table).
 */
#include "http/routes.h"

#include <string.h>

#define V1 "/api/v1"
#define GET(p, perm, fn) { "GET", V1 p, false, perm, fn }
#define POST(p, perm, fn) { "POST", V1 p, false, perm, fn }
#define PATCH(p, perm, fn) { "PATCH", V1 p, false, perm, fn }
#define DELETE(p, perm, fn) { "DELETE", V1 p, false, perm, fn }

const struct route routes[] = {
	{ "GET", "/healthz", true, PERM_READ, api_healthz },
	{ "GET", "/metrics", true, PERM_READ, api_metrics },
	{ "POST", V1 "/login", true, PERM_READ, api_login },
	POST("/logout", PERM_READ, api_logout),
	GET("/me", PERM_READ, api_me),
	GET("/tokens", PERM_READ, api_tokens_list),
	POST("/tokens", PERM_READ, api_tokens_create),
	DELETE("/tokens/{id}", PERM_READ, api_tokens_revoke),

	GET("/tasks", PERM_READ, api_tasks_list),
	POST("/tasks", PERM_TASK_CREATE, api_tasks_create),
	GET("/tasks/{id}", PERM_READ, api_tasks_show),
	PATCH("/tasks/{id}", PERM_TASK_CREATE, api_tasks_patch),
	GET("/tasks/{id}/timeline", PERM_READ, api_tasks_timeline),
	POST("/tasks/{id}/ack", PERM_TASK_WORK, api_tasks_action),
	POST("/tasks/{id}/report", PERM_TASK_WORK, api_tasks_action),
	POST("/tasks/{id}/submit", PERM_TASK_WORK, api_tasks_action),
	POST("/tasks/{id}/close", PERM_TASK_APPROVE, api_tasks_action),
	POST("/tasks/{id}/reject", PERM_TASK_APPROVE, api_tasks_action),
	POST("/tasks/{id}/reopen", PERM_TASK_SUPERVISE, api_tasks_action),
	POST("/tasks/{id}/cancel", PERM_TASK_SUPERVISE, api_tasks_action),
	POST("/tasks/{id}/urge", PERM_TASK_SUPERVISE, api_tasks_action),
	POST("/tasks/{id}/instruct", PERM_TASK_INSTRUCT, api_tasks_action),
	POST("/tasks/{id}/extend", PERM_TASK_SUPERVISE, api_tasks_action),
	POST("/tasks/{id}/risk", PERM_TASK_WORK, api_tasks_action),

	GET("/today", PERM_READ, api_today),
	GET("/next", PERM_READ, api_next),
	GET("/board", PERM_READ, api_board),
};

const int nroutes = sizeof(routes) / sizeof(routes[0]);

/* Matches one pattern; captures {x} segments into r->params. */
static bool match(const char *pattern, const char *path, struct req *r)
{
	const char *p = pattern, *s = path;
	int n = 0;

	while (*p && *s) {
		if (*p == '{') {
			const char *end = strchr(s, '/');
			size_t len = end ? (size_t)(end - s) : strlen(s);

			if (!len || n == HTTP_MAX_PARAMS ||
			    len >= sizeof(r->params[0]))
				return false;
			if (r) {
				memcpy(r->params[n], s, len);
				r->params[n][len] = '\0';
			}
			n++;
			p = strchr(p, '}') + 1;
			s += len;
			continue;
		}
		if (*p != *s)
			return false;
		p++;
		s++;
	}
	if (*p || *s)
		return false;
	if (r)
		r->nparams = n;
	return true;
}

const struct route *route_find(const char *method, const char *path,
			       struct req *r, bool *path_known)
{
	*path_known = false;
	for (int i = 0; i < nroutes; i++) {
		if (!match(routes[i].pattern, path, NULL))
			continue;
		*path_known = true;
		if (strcmp(routes[i].method, method))
			continue;
		match(routes[i].pattern, path, r);
		return &routes[i];
	}
	return NULL;
}
