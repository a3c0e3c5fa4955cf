/*
 * The command line's shared state and helpers. Each command group lives in
 * its own cmd-<group>.c exporting one `const struct cli_cmd` (tmux's
 * cmd-*.c, git's builtin/); main.c only parses the global options and
 * looks the command up.
 */
#ifndef LUOSHI_CLI_H
#define LUOSHI_CLI_H

#include "cli/table.h"
#include "svc/ctx.h"
#include "util/jw.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

struct cli {
	const char *db;
	const char *as;
	const char *today;
	bool json;
	bool color;		/* stdout is a terminal and NO_COLOR unset */
	long long limit;	/* --limit N for lists, 0 = all */
	bool opened;
	struct ctx ctx;
	struct err err;
	/* JSON output to stdout */
	struct buf out;
	struct jw w;
};

struct cli_cmd {
	const char *name;
	const char *summary;	/* one line for `luoshi --help` */
	const char *usage;	/* the full --help text */
	int (*run)(struct cli *cli, int argc, char **argv);
};

/* A subcommand of a group: "task add", "unit list" ... */
struct cli_sub {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
};

/* Runs argv[1] as a subcommand of `cmd` (argv[0] is the group name). */
int cli_dispatch(struct cli *cli, const struct cli_cmd *cmd,
		 const struct cli_sub *subs, int argc, char **argv);

/* Opens the database and acts as --as; returns 0 or an exit status. */
int cli_open(struct cli *cli);
/* Prints "luoshi: error: <message>" and returns the exit status. */
int cli_fail(struct cli *cli, const struct err *e);
/* Prints a usage error (exit status 2). */
int cli_usage(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_help(const struct cli_cmd *cmd);

/*
 * getopt_long over argv with `opts`; calls fn(cli, opt, optarg, arg) per
 * option. Handles --help (prints cmd's usage, returns -1) and unknown
 * options (usage error). On success returns 0 and leaves the positional
 * arguments in (*argc, *argv) starting at the first one after the
 * subcommand name. Returns an exit status otherwise, or -1 after --help;
 * callers use CLI_PARSE so that help ends the command with status 0.
 */
typedef int (*cli_opt_fn)(struct cli *cli, int opt, const char *val,
			  void *arg);
int cli_parse(struct cli *cli, const struct cli_cmd *cmd,
	      const struct option *opts, int *argc, char ***argv,
	      cli_opt_fn fn, void *arg);

#define CLI_PARSE(cli, cmd, opts, argc, argv, fn, arg) do { \
	int rc_ = cli_parse(cli, cmd, opts, argc, argv, fn, arg); \
	if (rc_) \
		return rc_ < 0 ? 0 : rc_; \
} while (0)

/* Value parsers: print a usage error naming the option, return 2. */
int parse_date(const char *v, const char *opt, int *day);
int parse_month(const char *v, const char *opt, int *month);
int parse_ll(const char *v, const char *opt, long long lo, long long hi,
	     long long *out);
int parse_double(const char *v, const char *opt, double *out);
int parse_id(const char *v, const char *what, long long *id);

/* Reads an eval scheme file (--scheme, at most 64 KiB) into b; returns 0
 * or exit status 2 after printing the error. */
int cli_read_scheme(const char *path, struct buf *b);

/* JSON output: begin/end a document on stdout. */
struct jw *cli_json(struct cli *cli);
void cli_json_end(struct cli *cli);

/*
 * A list printed as a JSON array (rows written to cli->w) or as a table
 * whose header waits for the first row, so that a list failing early
 * leaves stdout empty. Per row: cli_list_row(), print, and stop when
 * cli_list_next() says --limit is reached.
 */
struct cli_list {
	struct cli *cli;
	const struct table_col *cols;
	int ncols;
	bool header_due;
	long long n;
};

void cli_list_begin(struct cli_list *l, struct cli *cli,
		    const struct table_col *cols, int ncols);
void cli_list_row(struct cli_list *l);
/* Counts the row; true when --limit rows have been printed. */
bool cli_list_next(struct cli_list *l);
void cli_list_end(struct cli_list *l);

/* Coloured light label for human output. */
const char *cli_light(struct cli *cli, const char *light, char *buf,
		      unsigned n);

extern const struct cli_cmd cmd_init, cmd_demo, cmd_unit, cmd_user,
	cmd_goal, cmd_indicator, cmd_task, cmd_milestone, cmd_today,
	cmd_next, cmd_board, cmd_calendar, cmd_audit, cmd_backup,
	cmd_restore, cmd_settings, cmd_serve, cmd_token, cmd_export,
	cmd_import,
	cmd_inspect, cmd_commend, cmd_account, cmd_eval, cmd_burden, cmd_cadre,
	cmd_bulletin, cmd_policy, cmd_notify, cmd_remind, cmd_practice,
	cmd_migrate, cmd_copy;

#endif
