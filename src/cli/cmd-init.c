/*
 * luoshi init: creates the schema and the administrator `admin`.
 */
#include "cli/cli.h"
#include "svc/audit.h"
#include "svc/password.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi [--db PATH] init [--password-file F]\n\n"
	"Creates a new database with its schema and the administrator user\n"
	"'admin'. With --password-file, the file's first line becomes admin's\n"
	"password (needed to log in over HTTP); without it admin has none\n"
	"until 'luoshi user passwd admin'.\n";

const struct cli_cmd cmd_init;

static int opt(struct cli *cli, int c, const char *v, void *arg)
{
	(void)cli;
	(void)c;
	*(const char **)arg = v;
	return 0;
}

static enum lserr create_admin(struct cli *cli, const char *pw,
			       struct err *e)
{
	struct ctx *c = &cli->ctx;
	struct user u;
	char *hash = NULL;
	enum lserr rc;

	if (pw && !(hash = password_hash(pw, e)))
		return e->code;
	user_init(&u);
	u.login = "admin";
	u.name = "系统管理员";
	u.role = ROLE_ADMIN;
	u.pwhash = hash;
	u.created_at = c->now;
	if ((rc = store_begin(c->st, e)) == LS_OK) {
		rc = store_user_insert(c->st, &u, e);
		if (rc == LS_OK)
			rc = audit_record(c, "init", "user", "admin", NULL,
					  "{\"login\":\"admin\","
					  "\"role\":\"admin\"}", e);
		if (rc == LS_OK)
			rc = store_commit(c->st, e);
		else
			store_rollback(c->st);
	}
	free(hash);
	return rc;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "password-file", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	const char *pwfile = NULL;
	char *pw = NULL;
	struct err *e = &cli->err;
	int status = 0;

	CLI_PARSE(cli, &cmd_init, opts, &argc, &argv, opt, &pwfile);
	if (argc)
		return cli_usage("unexpected argument '%s' for init", argv[0]);
	if (pwfile) {
		if (!(pw = password_read_file(pwfile, e)))
			return cli_fail(cli, e);
		if (password_check(pw, e) != LS_OK) {
			free(pw);
			return cli_fail(cli, e);
		}
	}
	cli->ctx.st = store_open(cli->db, e);
	if (!cli->ctx.st) {
		free(pw);
		return cli_fail(cli, e);
	}
	settings_default(&cli->ctx.settings);
	ctx_act_as(&cli->ctx, NULL, e);
	cli->opened = true;
	user_init(&cli->ctx.actor_user);
	if (store_initialised(cli->ctx.st)) {
		err_set(e, LS_ECONFLICT, "db", "database '%s' is already "
			"initialised", cli->db);
		status = cli_fail(cli, e);
	} else if (store_begin(cli->ctx.st, e) != LS_OK ||
		   store_migrate(cli->ctx.st, e) != LS_OK ||
		   create_admin(cli, pw, e) != LS_OK ||
		   store_commit(cli->ctx.st, e) != LS_OK) {
		/* one transaction: a failed init leaves no schema behind */
		store_rollback(cli->ctx.st);
		status = cli_fail(cli, e);
	} else if (!cli->json) {
		printf("initialised %s (schema version %d), user admin%s\n",
		       cli->db, store_schema_version(cli->ctx.st),
		       pw ? " with a password" : " without a password");
	} else {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kstr(w, "db", cli->db);
		jw_kint(w, "schema_version",
			store_schema_version(cli->ctx.st));
		jw_obj_end(w);
		cli_json_end(cli);
	}
	if (pw)
		memset(pw, 0, strlen(pw));
	free(pw);
	return status;
}

const struct cli_cmd cmd_init = {
	.name = "init",
	.summary = "create a new database and the admin user",
	.usage = usage,
	.run = run,
};
