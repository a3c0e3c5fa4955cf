/*
 * luoshi migrate [--check]: applies the pending schema migrations once,
 * under the database's write lock (store_migrate_report), for deploying
 * several servers on one PostgreSQL; --check only tells.
 */
#include "cli/cli.h"

#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: luoshi migrate [--check]\n\n"
	"Applies the migrations this luoshi has and the database (--db) has\n"
	"not, in one transaction, and prints the schema version before and\n"
	"after. Safe to run from several machines at once: on PostgreSQL the\n"
	"run holds an advisory lock (the one every write transaction takes),\n"
	"on SQLite the write transaction is the lock; the second run waits\n"
	"and then finds nothing to do. On a new database it creates the\n"
	"schema only (no user: 'luoshi init' makes a database with its admin;\n"
	"a migrated empty database is a target for 'luoshi copy'). Every\n"
	"command and 'serve' also migrate on open, under the same lock.\n\n"
	"  --check   apply nothing; exit 5 if migrations are pending (or the\n"
	"            database is newer than this luoshi), 0 if up to date\n";

const struct cli_cmd cmd_migrate;

static int opt(struct cli *cli, int c, const char *v, void *arg)
{
	(void)cli;
	(void)v;
	if (c == 'c')
		*(bool *)arg = true;
	return 0;
}

static bool is_url(const char *db)
{
	return !strncmp(db, "postgresql://", 13) ||
	       !strncmp(db, "postgres://", 11);
}

static void print(struct cli *cli, const char *db, int before, int after,
		  int latest, bool check)
{
	char shown[512];

	store_url_shown(db, shown, sizeof(shown));
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kstr(w, "db", shown);
		jw_kint(w, "before", before);
		jw_kint(w, "after", after);
		jw_kint(w, "latest", latest);
		jw_kint(w, "applied", after - before);
		jw_kint(w, "pending", latest > after ? latest - after : 0);
		jw_obj_end(w);
		cli_json_end(cli);
	} else if (check) {
		printf("%s: schema version %d, up to date\n", shown, before);
	} else if (after == before) {
		printf("%s: schema version %d, up to date (nothing applied)\n",
		       shown, before);
	} else {
		printf("%s: schema version %d -> %d (%d migrations applied)\n",
		       shown, before, after, after - before);
	}
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	struct err *e = &cli->err;
	struct store *st;
	bool check = false;
	int before = 0, after, latest, status = 0;
	char shown[512];

	CLI_PARSE(cli, &cmd_migrate, opts, &argc, &argv, opt, &check);
	if (argc)
		return cli_usage("unexpected argument '%s' for migrate",
				 argv[0]);
	store_url_shown(cli->db, shown, sizeof(shown));
	/* --check never creates a file. */
	if (check && !is_url(cli->db) && access(cli->db, F_OK) != 0) {
		err_set(e, LS_ECONFLICT, "db", "database '%s' does not exist: "
			"every migration is pending", shown);
		return cli_fail(cli, e);
	}
	if (!(st = store_open(cli->db, e)))
		return cli_fail(cli, e);
	latest = store_latest_version(st);
	if (store_initialised(st))
		before = store_schema_version(st);
	if (before > latest) {
		err_set(e, LS_ECONFLICT, "db", "database '%s' has schema "
			"version %d, newer than this luoshi's %d: use a newer "
			"luoshi", shown, before, latest);
		status = cli_fail(cli, e);
	} else if (check && before < latest) {
		err_set(e, LS_ECONFLICT, "db", "database '%s' has schema "
			"version %d, this luoshi's is %d: %d migrations "
			"pending (run 'luoshi migrate')", shown, before,
			latest, latest - before);
		status = cli_fail(cli, e);
	} else if (check) {
		print(cli, cli->db, before, before, latest, true);
	} else if (store_migrate_report(st, &before, &after, e) != LS_OK) {
		status = cli_fail(cli, e);
	} else {
		print(cli, cli->db, before, after, latest, false);
	}
	store_close(st);
	return status;
}

const struct cli_cmd cmd_migrate = {
	.name = "migrate",
	.summary = "apply pending schema migrations (once, under a lock)",
	.usage = usage,
	.run = run,
};
