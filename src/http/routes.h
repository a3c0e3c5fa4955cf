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

#include <stdio.h>

typedef void (*route_fn)(struct req *r);

struct route {
	const char *method;
	/*
	 * "/api/v1/tasks/{id}": {x} is one segment. An array, not a pointer to
	 * a literal: GET and POST of one path would share the literal, and
	 * metrics tell routes apart by the address of their pattern.
	 */
	char pattern[48];
	bool public;		/* no authentication */
	enum perm perm;		/* the role's right this route needs */
	route_fn fn;
};

extern const struct route routes[];
extern const int nroutes;

/* The table as `luoshi serve --routes` prints it: method, path, right. */
void routes_print(FILE *f);

/*
 * The route for method and path, filling r->params; NULL when none. With
 * *path_known set when the path exists under another method (405).
 */
const struct route *route_find(const char *method, const char *path,
			       struct req *r, bool *path_known);

/* The methods of the routes of a path, "GET, PATCH" (the Allow header). */
void route_methods(const char *path, char *out, size_t n);

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
void api_export_tasks(struct req *r);
/*
 * The task list's filters (unit, light, status, quadrant, owner, key,
 * due_before, goal, search) from the query string into q; -1 after a
 * 400. Shared by the list and the export; the fuzzer calls it too.
 */
struct task_query;
int api_tasks_filters(struct req *r, struct task_query *q);
void api_export_sheet(struct req *r);
void api_import(struct req *r);
void api_import_template(struct req *r);
void api_today(struct req *r);
void api_next(struct req *r);
void api_board(struct req *r);
void api_urges(struct req *r);
void api_units_list(struct req *r);
void api_units_create(struct req *r);
void api_units_show(struct req *r);
void api_users_list(struct req *r);
void api_users_create(struct req *r);
void api_users_show(struct req *r);
void api_users_password(struct req *r);
void api_goals_list(struct req *r);
void api_goals_create(struct req *r);
void api_goals_show(struct req *r);
void api_goals_patch(struct req *r);
void api_indicators_list(struct req *r);
void api_indicators_create(struct req *r);
void api_indicators_show(struct req *r);
void api_indicators_patch(struct req *r);
void api_indicators_value(struct req *r);
void api_milestones_list(struct req *r);
void api_milestones_create(struct req *r);
void api_milestones_done(struct req *r);
void api_calendar_list(struct req *r);
void api_calendar_set(struct req *r);
void api_audit_log(struct req *r);
void api_audit_verify(struct req *r);
void api_settings_show(struct req *r);
void api_settings_patch(struct req *r);
/* api_notify.c */
void api_notify_channels(struct req *r);
void api_notify_channel_add(struct req *r);
void api_notify_channel_remove(struct req *r);
void api_notify_deliveries(struct req *r);
void api_notify_settings(struct req *r);
void api_notify_settings_patch(struct req *r);
void api_evidence_get(struct req *r);
void api_inspections_list(struct req *r);
void api_inspections_create(struct req *r);
void api_inspections_show(struct req *r);
void api_commendations_list(struct req *r);
void api_commendations_create(struct req *r);
void api_accountabilities_list(struct req *r);
void api_accountabilities_create(struct req *r);
void api_bulletin(struct req *r);
void api_eval(struct req *r);
void api_eval_post(struct req *r);
void api_eval_explain(struct req *r);
void api_eval_funnel(struct req *r);
void api_burden(struct req *r);
void api_cadre_rate(struct req *r);
void api_cadre_ratings(struct req *r);
void api_cadre_grades(struct req *r);
void api_cadre_show(struct req *r);
void api_policies_list(struct req *r);
void api_policies_create(struct req *r);
void api_policies_show(struct req *r);
void api_policies_patch(struct req *r);
void api_policies_link(struct req *r);
void api_practices_list(struct req *r);
void api_practices_create(struct req *r);
void api_practices_show(struct req *r);
void api_practices_promote(struct req *r);
void api_commendations_practice(struct req *r);

#endif
