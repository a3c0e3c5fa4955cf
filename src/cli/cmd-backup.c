/*
 * luoshi backup FILE and luoshi restore FILE: an online copy of the live
 * database and its way back (SQLite's backup API; other processes keep
 * working while it runs).
 */
#include "cli/cli.h"
#include "svc/audit.h"

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

static const char restore_usage[] =
	"usage: luoshi restore FILE\n\n"
	"Replaces the whole database by FILE, a backup made with 'luoshi\n"
	"backup', while other processes may be using it, then records the\n"
	"restore in the (restored) audit trail. Administrators only. Take a\n"
	"backup of the current state first if you may want it back.\n";

const struct cli_cmd cmd_restore;

static int run_restore(struct cli *cli, int argc, char **argv)
{
	struct ctx *c = &cli->ctx;
	struct err *e = &cli->err;
	struct buf b = BUF_INIT;
	struct jw w;
	int rc;

	CLI_PARSE(cli, &cmd_restore, NULL, &argc, &argv, NULL, NULL);
	if (argc != 1)
		return cli_usage("restore needs one FILE");
	if (access(argv[0], R_OK) != 0)
		return cli_usage("cannot read backup file '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	if (ctx_require(c, PERM_ADMIN, e) ||
	    store_restore(c->st, argv[0], e))
		return cli_fail(cli, e);
	jw_init(&w, &b, NULL);
	jw_obj(&w);
	jw_kstr(&w, "file", argv[0]);
	jw_obj_end(&w);
	if (store_begin(c->st, e) ||
	    audit_record(c, "restore", "database", NULL, NULL, b.ptr, e) ||
	    store_commit(c->st, e)) {
		store_rollback(c->st);
		buf_release(&b);
		return cli_fail(cli, e);
	}
	if (cli->json)
		printf("%s\n", b.ptr);
	else
		printf("restored from %s\n", argv[0]);
	buf_release(&b);
	return 0;
}

const struct cli_cmd cmd_restore = {
	.name = "restore",
	.summary = "replace the database by a backup",
	.usage = restore_usage,
	.run = run_restore,
};
