/*
 * luoshi backup FILE: an online copy of the live database (SQLite's
 * backup API; writers keep working while it runs).
 */
#include "cli/cli.h"

#include <unistd.h>

static const char usage[] =
	"usage: luoshi backup FILE\n\n"
	"Copies the whole database to FILE (a new SQLite file) while it is\n"
	"in use. Evidence files live in <db>.files/ next to the database and\n"
	"are never changed once written: copy that folder too (e.g. rsync).\n"
	"Administrators only.\n";

const struct cli_cmd cmd_backup;

static int run(struct cli *cli, int argc, char **argv)
{
	int rc;

	CLI_PARSE(cli, &cmd_backup, NULL, &argc, &argv, NULL, NULL);
	if (argc != 1)
		return cli_usage("backup needs one FILE");
	if (access(argv[0], F_OK) == 0)
		return cli_usage("backup file '%s' already exists", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	if (ctx_require(&cli->ctx, PERM_ADMIN, &cli->err) ||
	    store_backup(cli->ctx.st, argv[0], &cli->err))
		return cli_fail(cli, &cli->err);
	if (!cli->json)
		printf("backed up to %s\n", argv[0]);
	else {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kstr(w, "file", argv[0]);
		jw_obj_end(w);
		cli_json_end(cli);
	}
	return 0;
}

const struct cli_cmd cmd_backup = {
	.name = "backup",
	.summary = "copy the live database to a file",
	.usage = usage,
	.run = run,
};
