/*
 * The one route table (netdata's web_api_v3.c): every endpoint of the API
 * with the right it needs. docs/openapi.yaml describes the same list; a
 * test compares them (luoshi serve --routes prints this table).
 */
#include "http/routes.h"

#include <stdio.h>
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
	GET("/export/tasks", PERM_READ, api_export_tasks),
	/* import and export: the right depends on the kind (svc/import.c) */
	GET("/export/{kind}", PERM_READ, api_export_sheet),
	POST("/import/{kind}", PERM_READ, api_import),
	GET("/import/{kind}/template", PERM_READ, api_import_template),

	GET("/today", PERM_READ, api_today),
	GET("/next", PERM_READ, api_next),
	GET("/board", PERM_READ, api_board),
	GET("/urges", PERM_READ, api_urges),

	GET("/units", PERM_READ, api_units_list),
	POST("/units", PERM_ADMIN, api_units_create),
	GET("/units/{code}", PERM_READ, api_units_show),
	GET("/users", PERM_READ, api_users_list),
	POST("/users", PERM_ADMIN, api_users_create),
	GET("/users/{login}", PERM_READ, api_users_show),
	/* yourself, or anyone as administrator: svc_user_passwd decides */
	POST("/users/{login}/password", PERM_READ, api_users_password),

	GET("/goals", PERM_READ, api_goals_list),
	POST("/goals", PERM_GOAL_EDIT, api_goals_create),
	GET("/goals/{id}", PERM_READ, api_goals_show),
	PATCH("/goals/{id}", PERM_GOAL_EDIT, api_goals_patch),
	GET("/goals/{id}/tree", PERM_READ, api_goals_show),
	GET("/indicators", PERM_READ, api_indicators_list),
	POST("/indicators", PERM_GOAL_EDIT, api_indicators_create),
	GET("/indicators/{id}", PERM_READ, api_indicators_show),
	PATCH("/indicators/{id}", PERM_GOAL_EDIT, api_indicators_patch),
	POST("/indicators/{id}/plan", PERM_GOAL_EDIT, api_indicators_value),
	POST("/indicators/{id}/report", PERM_INDICATOR_REPORT,
	     api_indicators_value),

	GET("/milestones", PERM_READ, api_milestones_list),
	POST("/milestones", PERM_TASK_CREATE, api_milestones_create),
	POST("/milestones/{id}/done", PERM_TASK_WORK, api_milestones_done),
	GET("/evidence/{sha256}", PERM_READ, api_evidence_get),

	GET("/inspections", PERM_READ, api_inspections_list),
	POST("/inspections", PERM_EVALUATE, api_inspections_create),
	GET("/inspections/{id}", PERM_READ, api_inspections_show),
	GET("/commendations", PERM_READ, api_commendations_list),
	POST("/commendations", PERM_EVALUATE, api_commendations_create),
	GET("/accountabilities", PERM_READ, api_accountabilities_list),
	POST("/accountabilities", PERM_EVALUATE, api_accountabilities_create),
	GET("/bulletin", PERM_READ, api_bulletin),
	GET("/eval", PERM_READ, api_eval),
	/* an inline scheme; "publish" needs the evaluate right (svc) */
	POST("/eval", PERM_READ, api_eval_post),
	/* before /eval/{unit}: the first match wins */
	GET("/eval/funnel", PERM_READ, api_eval_funnel),
	GET("/eval/{unit}", PERM_READ, api_eval_explain),
	GET("/burden", PERM_READ, api_burden),
	/* before /cadre/{login}: the first match wins */
	POST("/cadre/ratings", PERM_CADRE_RATE, api_cadre_rate),
	GET("/cadre/ratings", PERM_READ, api_cadre_ratings),
	GET("/cadre/grades", PERM_READ, api_cadre_grades),
	GET("/cadre/{login}", PERM_READ, api_cadre_show),

	GET("/policies", PERM_READ, api_policies_list),
	POST("/policies", PERM_POLICY_EDIT, api_policies_create),
	GET("/policies/{id}", PERM_READ, api_policies_show),
	PATCH("/policies/{id}", PERM_POLICY_EDIT, api_policies_patch),
	POST("/policies/{id}/links", PERM_POLICY_EDIT, api_policies_link),
	GET("/practices", PERM_READ, api_practices_list),
	POST("/practices", PERM_PRACTICE_ADD, api_practices_create),
	GET("/practices/{id}", PERM_READ, api_practices_show),
	POST("/practices/{id}/promote", PERM_PRACTICE_PROMOTE,
	     api_practices_promote),
	POST("/commendations/{id}/practice", PERM_PRACTICE_ADD,
	     api_commendations_practice),

	GET("/calendar", PERM_READ, api_calendar_list),
	POST("/calendar", PERM_ADMIN, api_calendar_set),
	GET("/settings", PERM_READ, api_settings_show),
	PATCH("/settings", PERM_ADMIN, api_settings_patch),
	GET("/notify/channels", PERM_ADMIN, api_notify_channels),
	POST("/notify/channels", PERM_ADMIN, api_notify_channel_add),
	DELETE("/notify/channels/{id}", PERM_ADMIN, api_notify_channel_remove),
	GET("/notify/deliveries", PERM_ADMIN, api_notify_deliveries),
	GET("/notify/settings", PERM_ADMIN, api_notify_settings),
	PATCH("/notify/settings", PERM_ADMIN, api_notify_settings_patch),
	GET("/audit", PERM_AUDIT, api_audit_log),
	GET("/audit/verify", PERM_AUDIT, api_audit_verify),
};

const int nroutes = sizeof(routes) / sizeof(routes[0]);

void routes_print(FILE *f)
{
	for (int i = 0; i < nroutes; i++)
		fprintf(f, "%-6s %-32s %s\n", routes[i].method,
			routes[i].pattern, routes[i].public ? "public" :
			perm_name(routes[i].perm));
}

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

void route_methods(const char *path, char *out, size_t n)
{
	size_t len = 0;

	if (n)
		out[0] = '\0';
	for (int i = 0; i < nroutes; i++) {
		if (!match(routes[i].pattern, path, NULL))
			continue;
		len += (size_t)snprintf(out + len, len < n ? n - len : 0,
					"%s%s", len ? ", " : "",
					routes[i].method);
		if (len >= n)
			return;
	}
}
