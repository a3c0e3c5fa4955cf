/*
 * luoshi milestone add|done: a task's intermediate deadlines (节点).
 */
#include "cli/cli.h"
#include "svc/tasks.h"

#include <string.h>

static const char usage[] =
	"usage: luoshi milestone add TASK_ID TITLE --due DATE\n"
	"       luoshi milestone done ID\n\n"
	"An unfinished milestone whose due date has passed turns its task\n"
	"red. 'done' marks it finished today.\n";

const struct cli_cmd cmd_milestone;

static int due_opt(struct cli *cli, int c, const char *v, void *arg)
{
	(void)cli;
	(void)c;
	return parse_date(v, "--due", arg);
}

static int add(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "due", required_argument, NULL, 'd' },
		{ NULL, 0, NULL, 0 },
	};
	int due = DATE_NONE, rc;
	long long task_id, id;

	CLI_PARSE(cli, &cmd_milestone, opts, &argc, &argv, due_opt, &due);
	if (argc != 2)
		return cli_usage("milestone add needs TASK_ID and TITLE");
	if (due == DATE_NONE)
		return cli_usage("missing --due for milestone add");
	if ((rc = parse_id(argv[0], "task", &task_id)) ||
	    (rc = cli_open(cli)))
		return rc;
	if (svc_milestone_add(&cli->ctx, task_id, argv[1], due, &id,
			      &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct milestone m = { .id = id, .task_id = task_id,
				       .title = argv[1], .due = due,
				       .done_on = DATE_NONE };

		shape_milestone(cli_json(cli), &m);
		cli_json_end(cli);
	} else {
		printf("%lld\n", id);
	}
	return 0;
}

static int done(struct cli *cli, int argc, char **argv)
{
	struct milestone m;
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_milestone, NULL, &argc, &argv, NULL, NULL);
	if (argc != 1)
		return cli_usage("milestone done needs one ID");
	if ((rc = parse_id(argv[0], "milestone", &id)) ||
	    (rc = cli_open(cli)))
		return rc;
	memset(&m, 0, sizeof(m));
	buf_init(&m.arena);
	if (svc_milestone_done(&cli->ctx, id, &m, &cli->err)) {
		buf_release(&m.arena);
		return cli_fail(cli, &cli->err);
	}
	if (!cli->json) {
		printf("milestone %lld done\n", id);
	} else {
		shape_milestone(cli_json(cli), &m);
		cli_json_end(cli);
	}
	buf_release(&m.arena);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "done", done }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_milestone, subs, argc, argv);
}

const struct cli_cmd cmd_milestone = {
	.name = "milestone",
	.summary = "add and complete milestones (节点)",
	.usage = usage,
	.run = run,
};
