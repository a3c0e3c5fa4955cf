/*
 * luoshi unit add|list: the units (单位) tasks are assigned to.
 */
#include "cli/cli.h"
#include "cli/table.h"
#include "svc/shape.h"
#include "svc/units.h"

#include <string.h>

static const char usage[] =
	"usage: luoshi unit add CODE NAME [--parent CODE] [--kind KIND]\n"
	"       luoshi unit list\n\n"
	"add   creates a unit (administrators only). CODE: 1-32 letters,\n"
	"      digits, '-' or '_' (e.g. HRB-DL); KIND is the peer group for\n"
	"      rankings (district, county, department, ...; default\n"
	"      department).\n"
	"list  lists the units of your scope (your unit and below).\n";

const struct cli_cmd cmd_unit;

struct add_opts {
	const char *parent;
	const char *kind;
};

static int add_opt(struct cli *cli, int c, const char *v, void *arg)
{
	struct add_opts *o = arg;

	(void)cli;
	if (c == 'p')
		o->parent = v;
	else
		o->kind = v;
	return 0;
}

static int add(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "parent", required_argument, NULL, 'p' },
		{ "kind", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	struct add_opts o = { NULL, NULL };
	struct unit u;
	int rc;

	CLI_PARSE(cli, &cmd_unit, opts, &argc, &argv, add_opt, &o);
	if (argc != 2)
		return cli_usage("unit add needs CODE and NAME");
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_unit_add(&cli->ctx, argv[0], argv[1], o.parent, o.kind,
			 &cli->err))
		return cli_fail(cli, &cli->err);
	if (!cli->json) {
		printf("%s\n", argv[0]);
		return 0;
	}
	unit_init(&u);
	if (svc_unit_get(&cli->ctx, argv[0], "code", &u, &cli->err)) {
		unit_release(&u);
		return cli_fail(cli, &cli->err);
	}
	shape_unit(cli_json(cli), &u);
	cli_json_end(cli);
	unit_release(&u);
	return 0;
}

static const struct table_col cols[] = {
	{ "CODE", 14, 0 }, { "KIND", 12, 0 }, { "PARENT", 14, 0 },
	{ "NAME", 0, 0 },
};

static int list_one(const struct unit *u, void *arg)
{
	struct cli_list *l = arg;
	const char *cells[4] = { u->code, u->kind, u->parent, u->name };

	cli_list_row(l);
	if (l->cli->json)
		shape_unit(&l->cli->w, u);
	else
		table_row(stdout, cols, 4, cells);
	return cli_list_next(l);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct cli_list l;
	int rc;

	CLI_PARSE(cli, &cmd_unit, NULL, &argc, &argv, NULL, NULL);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, cols, 4);
	if (svc_unit_list(&cli->ctx, list_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "list", list }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_unit, subs, argc, argv);
}

const struct cli_cmd cmd_unit = {
	.name = "unit",
	.summary = "add and list units (单位)",
	.usage = usage,
	.run = run,
};
