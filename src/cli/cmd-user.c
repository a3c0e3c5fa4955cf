/*
 * luoshi user add|list|passwd: people, their unit and role (SPEC §1).
 */
#include "cli/cli.h"
#include "cli/table.h"
#include "svc/password.h"
#include "svc/shape.h"
#include "svc/units.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi user add LOGIN --name NAME --unit CODE --role ROLE\n"
	"                       [--password-file F]\n"
	"       luoshi user list\n"
	"       luoshi user passwd LOGIN --password-file F\n\n"
	"ROLE is admin, supervisor (督查室), leader (单位负责人), staff\n"
	"(责任人) or viewer (只读). A user sees their unit and every unit\n"
	"below it. Passwords (8+ characters) are read from the first line\n"
	"of a file and stored as argon2id hashes.\n";

const struct cli_cmd cmd_user;

struct user_opts {
	const char *name;
	const char *unit;
	const char *role;
	const char *pwfile;
};

static int user_opt(struct cli *cli, int c, const char *v, void *arg)
{
	struct user_opts *o = arg;

	(void)cli;
	switch (c) {
	case 'n': o->name = v; break;
	case 'u': o->unit = v; break;
	case 'r': o->role = v; break;
	case 'p': o->pwfile = v; break;
	}
	return 0;
}

static const struct option opts[] = {
	{ "name", required_argument, NULL, 'n' },
	{ "unit", required_argument, NULL, 'u' },
	{ "role", required_argument, NULL, 'r' },
	{ "password-file", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 },
};

static int add(struct cli *cli, int argc, char **argv)
{
	struct user_opts o = { NULL, NULL, NULL, NULL };
	struct user u;
	char *pw = NULL;
	int rc;

	CLI_PARSE(cli, &cmd_user, opts, &argc, &argv, user_opt, &o);
	if (argc != 1)
		return cli_usage("user add needs one LOGIN");
	if (!o.name)
		return cli_usage("missing --name for user add");
	if (!o.role)
		return cli_usage("missing --role for user add");
	if ((rc = cli_open(cli)))
		return rc;
	if (o.pwfile && !(pw = password_read_file(o.pwfile, &cli->err)))
		return cli_fail(cli, &cli->err);
	rc = svc_user_add(&cli->ctx, argv[0], o.name, o.unit, o.role, pw,
			  &cli->err);
	free(pw);
	if (rc)
		return cli_fail(cli, &cli->err);
	if (!cli->json) {
		printf("%s\n", argv[0]);
		return 0;
	}
	user_init(&u);
	if (svc_user_get(&cli->ctx, argv[0], "login", &u, &cli->err)) {
		user_release(&u);
		return cli_fail(cli, &cli->err);
	}
	shape_user(cli_json(cli), &u);
	cli_json_end(cli);
	user_release(&u);
	return 0;
}

static const struct table_col cols[] = {
	{ "LOGIN", 14, 0 }, { "ROLE", 10, 0 }, { "UNIT", 14, 0 },
	{ "NAME", 0, 0 },
};

static int list_one(const struct user *u, void *arg)
{
	struct cli_list *l = arg;
	const char *cells[4] = { u->login, role_name(u->role), u->unit,
				 u->name };

	cli_list_row(l);
	if (l->cli->json)
		shape_user(&l->cli->w, u);
	else
		table_row(stdout, cols, 4, cells);
	return cli_list_next(l);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct cli_list l;
	int rc;

	CLI_PARSE(cli, &cmd_user, NULL, &argc, &argv, NULL, NULL);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, cols, 4);
	if (svc_user_list(&cli->ctx, list_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int passwd(struct cli *cli, int argc, char **argv)
{
	struct user_opts o = { NULL, NULL, NULL, NULL };
	char *pw;
	int rc;

	CLI_PARSE(cli, &cmd_user, opts, &argc, &argv, user_opt, &o);
	if (argc != 1)
		return cli_usage("user passwd needs one LOGIN");
	if (!o.pwfile)
		return cli_usage("missing --password-file for user passwd");
	if ((rc = cli_open(cli)))
		return rc;
	if (!(pw = password_read_file(o.pwfile, &cli->err)))
		return cli_fail(cli, &cli->err);
	rc = svc_user_passwd(&cli->ctx, argv[0], pw, &cli->err);
	memset(pw, 0, strlen(pw));
	free(pw);
	if (rc)
		return cli_fail(cli, &cli->err);
	if (!cli->json)
		printf("password of %s changed\n", argv[0]);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "list", list }, { "passwd", passwd },
		{ NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_user, subs, argc, argv);
}

const struct cli_cmd cmd_user = {
	.name = "user",
	.summary = "add and list users, set passwords",
	.usage = usage,
	.run = run,
};
