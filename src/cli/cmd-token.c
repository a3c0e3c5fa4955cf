/*
 * luoshi token create|list|revoke: API tokens for scripts and other
 * systems (Authorization: Bearer <token>).
 */
#include "cli/cli.h"
#include "svc/auth.h"
#include "svc/shape.h"

static const char usage[] =
	"usage: luoshi token create LOGIN [--name TEXT]\n"
	"       luoshi token list\n"
	"       luoshi token revoke ID\n\n"
	"create prints a new token for LOGIN once; only its hash is kept.\n"
	"Send it as 'Authorization: Bearer <token>'. Administrators create\n"
	"tokens for anyone, others for themselves (with --as).\n";

const struct cli_cmd cmd_token;

static int name_opt(struct cli *cli, int c, const char *v, void *arg)
{
	(void)cli;
	(void)c;
	*(const char **)arg = v;
	return 0;
}

static int create(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL;
	char token[SECRET_HEXLEN];
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_token, opts, &argc, &argv, name_opt, &name);
	if (argc != 1)
		return cli_usage("token create needs one LOGIN");
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_token_create(&cli->ctx, argv[0], name, token, &id,
			     &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kint(w, "id", id);
		jw_kstr(w, "login", argv[0]);
		jw_kstr(w, "name", name);
		jw_kstr(w, "token", token);
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		printf("%s\n", token);
	}
	return 0;
}

static const struct table_col cols[] = {
	{ "ID", 5, 1 }, { "LOGIN", 12, 0 }, { "CREATED", 20, 0 },
	{ "REVOKED", 20, 0 }, { "NAME", 0, 0 },
};

static int list_one(const struct token *t, void *arg)
{
	struct cli_list *l = arg;
	char id[24];
	const char *cells[5] = { id, t->login, t->created_at, t->revoked_at,
				 t->name };

	cli_list_row(l);
	if (l->cli->json) {
		shape_token(&l->cli->w, t);
	} else {
		snprintf(id, sizeof(id), "%lld", t->id);
		table_row(stdout, cols, 5, cells);
	}
	return cli_list_next(l);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct cli_list l;
	int rc;

	CLI_PARSE(cli, &cmd_token, NULL, &argc, &argv, NULL, NULL);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, cols, 5);
	if (svc_token_list(&cli->ctx, list_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int revoke(struct cli *cli, int argc, char **argv)
{
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_token, NULL, &argc, &argv, NULL, NULL);
	if (argc != 1)
		return cli_usage("token revoke needs one ID");
	if ((rc = parse_id(argv[0], "token", &id)) || (rc = cli_open(cli)))
		return rc;
	if (svc_token_revoke(&cli->ctx, id, &cli->err))
		return cli_fail(cli, &cli->err);
	if (!cli->json)
		printf("token %lld revoked\n", id);
	else
		printf("{\"id\":%lld,\"revoked\":true}\n", id);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "create", create }, { "list", list }, { "revoke", revoke },
		{ NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_token, subs, argc, argv);
}

const struct cli_cmd cmd_token = {
	.name = "token",
	.summary = "create, list and revoke API tokens",
	.usage = usage,
	.run = run,
};
