/*
 * Printing tasks for people and for --json: the list table shared by
 * `task list`, `next` and `today`, and the detailed `task show`.
 */
#ifndef LUOSHI_TASK_PRINT_H
#define LUOSHI_TASK_PRINT_H

#include "cli/cli.h"
#include "svc/shape.h"

/* Starts a task list (end it with cli_list_end). */
void task_print_begin(struct cli_list *l, struct cli *cli);
/* An svc_task_fn: arg is the struct cli_list. */
int task_print_row(const struct task *t, const struct task_view *v,
		   void *arg);
int task_print_detail(struct cli *cli, const struct task *t);

#endif
