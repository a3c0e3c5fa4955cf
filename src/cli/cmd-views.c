/*
 * luoshi today|next|board: the three daily views of the work system.
 */
#include "cli/cli.h"
#include "cli/table.h"
#include "cli/task_print.h"
#include "svc/tasks.h"

#include <string.h>

static const char today_usage[] =
	"usage: luoshi today [--unit CODE]\n\n"
	"当日事: live tasks in your scope due today or earlier, daily tasks\n"
	"created today, and tasks with a milestone due today or earlier; the\n"
	"most urgent first (the order of 'luoshi next').\n";

static const char next_usage[] =
	"usage: luoshi next [--unit CODE]\n\n"
	"Live tasks (open, doing, review) in your scope, most urgent first:\n"
	"red before yellow before green, then key tasks (重点), then quadrant\n"
	"Q1..Q4 (轻重缓急), then the earlier due date, then the lower id.\n"
	"The urgency score is 1e9*light + 1e8*key + 1e7*(5-quadrant) +\n"
	"(5000000 - due day number), light being red 3, yellow 2, green 1.\n";

static const char board_usage[] =
	"usage: luoshi board [--unit CODE]\n\n"
	"The light board (红黄绿灯): one row per unit in your scope (or in\n"
	"CODE's subtree), sorted by code, counting the tasks each unit leads\n"
	"by light: red, yellow, green, done (closed on time), late (closed\n"
	"after due). Cancelled tasks are not counted.\n";

const struct cli_cmd cmd_today, cmd_next, cmd_board;

static int unit_opt(struct cli *cli, int c, const char *v, void *arg)
{
	(void)cli;
	(void)c;
	*(const char **)arg = v;
	return 0;
}

static const struct option opts[] = {
	{ "unit", required_argument, NULL, 'u' },
	{ NULL, 0, NULL, 0 },
};

static int ranked(struct cli *cli, const struct cli_cmd *cmd, int argc,
		  char **argv, bool today)
{
	struct task_query q;
	struct cli_list l;
	const char *unit = NULL;
	enum lserr rc;
	int status;

	CLI_PARSE(cli, cmd, opts, &argc, &argv, unit_opt, &unit);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((status = cli_open(cli)))
		return status;
	task_query_init(&q);
	q.unit = unit;
	q.limit = cli->limit;
	task_print_begin(&l, cli);
	if (today)
		rc = svc_task_today(&cli->ctx, &q, task_print_row, &l,
				    &cli->err);
	else
		rc = svc_task_next(&cli->ctx, &q, task_print_row, &l,
				   &cli->err);
	if (rc)
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int run_today(struct cli *cli, int argc, char **argv)
{
	return ranked(cli, &cmd_today, argc, argv, true);
}

static int run_next(struct cli *cli, int argc, char **argv)
{
	return ranked(cli, &cmd_next, argc, argv, false);
}

static const struct table_col board_cols[] = {
	{ "UNIT", 14, 0 }, { "RED", 5, 1 }, { "YELLOW", 6, 1 },
	{ "GREEN", 5, 1 }, { "DONE", 5, 1 }, { "LATE", 5, 1 },
	{ "NAME", 0, 0 },
};

static int run_board(struct cli *cli, int argc, char **argv)
{
	const char *unit = NULL;
	struct board b;
	int status;

	CLI_PARSE(cli, &cmd_board, opts, &argc, &argv, unit_opt, &unit);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((status = cli_open(cli)))
		return status;
	if (svc_board(&cli->ctx, unit, &b, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json)
		jw_arr(cli_json(cli));
	else
		table_header(stdout, board_cols, 7);
	for (size_t i = 0; i < b.n; i++) {
		const struct board_row *r = &b.rows[i];
		char n[5][24], c[5][48];
		const char *cells[7];
		static const enum light order[5] = {
			LIGHT_RED, LIGHT_YELLOW, LIGHT_GREEN, LIGHT_DONE,
			LIGHT_LATE,
		};

		if (cli->limit && (long long)i >= cli->limit)
			break;
		if (cli->json) {
			shape_board_row(&cli->w, r);
			continue;
		}
		cells[0] = r->code;
		for (int k = 0; k < 5; k++) {
			snprintf(n[k], sizeof(n[k]), "%lld", r->n[order[k]]);
			cells[k + 1] = n[k];
			if (cli->color && r->n[order[k]] && k < 2) {
				snprintf(c[k], sizeof(c[k]),
					 "\033[%sm%.20s\033[0m",
					 k == 0 ? "31" : "33", n[k]);
				cells[k + 1] = c[k];
			}
		}
		cells[6] = r->name;
		table_row(stdout, board_cols, 7, cells);
	}
	if (cli->json) {
		jw_arr_end(&cli->w);
		cli_json_end(cli);
	}
	board_release(&b);
	return 0;
}

const struct cli_cmd cmd_today = {
	.name = "today",
	.summary = "today's items (当日事), most urgent first",
	.usage = today_usage,
	.run = run_today,
};

const struct cli_cmd cmd_next = {
	.name = "next",
	.summary = "live tasks in urgency order (轻重缓急)",
	.usage = next_usage,
	.run = run_next,
};

const struct cli_cmd cmd_board = {
	.name = "board",
	.summary = "red/yellow/green board per unit",
	.usage = board_usage,
	.run = run_board,
};
