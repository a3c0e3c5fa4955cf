/*
 * luoshi's entry point: global options (--db, --as, --today, --json,
 * --limit), then the command table. Every command is a cmd-<group>.c.
 */
#include "cli/cli.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct cli_cmd *const commands[] = {
	&cmd_init, &cmd_demo, &cmd_unit, &cmd_user, &cmd_goal,
	&cmd_indicator, &cmd_task, &cmd_milestone, &cmd_today, &cmd_next,
	&cmd_board, &cmd_calendar, &cmd_audit, &cmd_backup, &cmd_restore,
	&cmd_settings, &cmd_serve, &cmd_token, &cmd_export, &cmd_import,
	&cmd_inspect,
	&cmd_commend, &cmd_account, &cmd_eval, &cmd_burden, &cmd_cadre,
	&cmd_bulletin, &cmd_policy, &cmd_notify, &cmd_remind, &cmd_practice,
	&cmd_migrate, &cmd_copy,
	NULL,
};

static void usage(FILE *f)
{
	fputs("usage: luoshi [--db PATH] [--as LOGIN] [--today DATE] "
	      "[--json] [--limit N] COMMAND ...\n\n"
	      "luoshi (落实) turns goals into tasks, follows every task to a "
	      "clean close\nand shows who delivered.\n\n"
	      "Global options:\n"
	      "  --db PATH      database (default $LUOSHI_DB, else "
	      "./luoshi.db)\n"
	      "  --as LOGIN     act as this user, with their role and scope\n"
	      "  --today DATE   reference day YYYY-MM-DD (default "
	      "$LUOSHI_TODAY, else today)\n"
	      "  --json         print JSON objects, as the HTTP API does\n"
	      "  --limit N      print at most N rows of a list\n\n"
	      "Commands:\n", f);
	for (int i = 0; commands[i]; i++)
		fprintf(f, "  %-11s %s\n", commands[i]->name,
			commands[i]->summary);
	fputs("\nModules: the server (http), PDF, XLSX writing and reading, "
	      "sending\n(send) and PostgreSQL (pg) are loaded when needed from "
	      "lib/luoshi/NAME.so,\nlooked for in $LUOSHI_MODULES, then "
	      "beside the binary (lib/luoshi), then\nin ../lib/luoshi "
	      "(make install puts them there).\n", f);
	fputs("\nExit status: 0 ok, 1 failure, 2 bad usage or invalid value, "
	      "3 not found,\n4 forbidden, 5 conflict. 'luoshi COMMAND --help' "
	      "tells more.\n", f);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "as", required_argument, NULL, 'a' },
		{ "today", required_argument, NULL, 't' },
		{ "json", no_argument, NULL, 'j' },
		{ "limit", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli cli;
	const char *db = getenv("LUOSHI_DB");
	int c, rc;

	memset(&cli, 0, sizeof(cli));
	buf_init(&cli.out);
	cli.db = db && *db ? db : "luoshi.db";
	cli.color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': cli.db = optarg; break;
		case 'a': cli.as = optarg; break;
		case 't': cli.today = optarg; break;
		case 'j': cli.json = true; break;
		case 'l':
			if (parse_ll(optarg, "--limit", 1, 1LL << 40,
				     &cli.limit))
				return 2;
			break;
		case 'h': usage(stdout); return 0;
		case 'V': puts("luoshi 0.1.0"); return 0;
		case ':':
			return cli_usage("missing value for '%s'",
					 argv[optind - 1]);
		default:
			return cli_usage("unknown option '%s' (see 'luoshi "
					 "--help')", argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	if (ctx_clock(&cli.ctx, cli.today, &cli.err) != LS_OK)
		return cli_fail(&cli, &cli.err);
	rc = -1;
	for (int i = 0; commands[i] && rc == -1; i++)
		if (!strcmp(commands[i]->name, argv[optind]))
			rc = commands[i]->run(&cli, argc - optind,
					      argv + optind);
	if (rc == -1)
		rc = cli_usage("unknown command '%s' (see 'luoshi --help')",
			       argv[optind]);
	if (cli.opened)
		ctx_close(&cli.ctx);
	buf_release(&cli.out);
	fflush(stdout);
	if (ferror(stdout))
		return 1;
	return rc;
}
