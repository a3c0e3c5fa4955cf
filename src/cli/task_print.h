/*
 * Printing tasks for people and for --json: the list table shared by
 * `task list`, `next` and `today`, and the detailed `task show`; and
 * task list's filter options, which `export tasks` takes too.
 */
#ifndef LUOSHI_TASK_PRINT_H
#define LUOSHI_TASK_PRINT_H

#include "cli/cli.h"
#include "svc/shape.h"
#include "svc/tasks.h"

/* Starts a task list (end it with cli_list_end). */
void task_print_begin(struct cli_list *l, struct cli *cli);
/* An svc_task_fn: arg is the struct cli_list. */
int task_print_row(const struct task *t, const struct task_view *v,
		   void *arg);
int task_print_detail(struct cli *cli, const struct task *t);

/*
 * task list's filter options (--unit --light --status --quadrant --owner
 * --key --due-before --goal --search), shared with `export tasks`:
 * task_filter_opt parses one of them into q (a usage error names the
 * option and value; returns its exit status).
 */
#define TASK_NFILTER_OPTS 9
extern const struct option task_filter_opts[TASK_NFILTER_OPTS + 1];
int task_filter_opt(struct task_query *q, int opt, const char *val);

#endif
