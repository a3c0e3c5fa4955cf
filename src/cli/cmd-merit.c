/*
 * luoshi commend add|list and luoshi account add|list: commendations
 * (表彰) and accountability (问责) of a unit or a person. One file for
 * both: they are one record with a kind. A unit's points in a period
 * add to (commend) or subtract from (account) its evaluation score; a
 * person's are listed on the person and leave the unit's score alone.
 */
#include "cli/cli.h"
#include "svc/eval.h"
#include "util/date.h"

#include <math.h>
#include <string.h>

static const char commend_usage[] =
	"usage: luoshi commend add (--unit CODE | --person LOGIN) --on DATE "
	"--points P\n"
	"          --reason TEXT\n"
	"       luoshi commend list [--unit CODE] [--person LOGIN] "
	"[--period P]\n\n"
	"A commendation (表彰) of a unit adds its points (0 < P <= 100) to\n"
	"the unit's evaluation score in the period of --on; a person's is\n"
	"listed on the person and does not change the unit's score.\n"
	"Supervisors and administrators commend within their subtree.\n";

static const char account_usage[] =
	"usage: luoshi account add (--unit CODE | --person LOGIN) --on DATE "
	"--points P\n"
	"          --reason TEXT\n"
	"       luoshi account list [--unit CODE] [--person LOGIN] "
	"[--period P]\n\n"
	"Accountability (问责) of a unit subtracts its points (0 < P <= 100)\n"
	"from the unit's evaluation score in the period of --on; a person's\n"
	"is listed on the person and does not change the unit's score.\n"
	"Supervisors and administrators hold to account within their\n"
	"subtree.\n";

const struct cli_cmd cmd_commend, cmd_account;

struct mopts {
	const char *unit;
	const char *person;
	int on;
	double points;
	const char *reason;
	const char *period;
};

static int mopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct mopts *o = arg;

	(void)cli;
	switch (c) {
	case 'u': o->unit = v; return 0;
	case 'P': o->person = v; return 0;
	case 'o': return parse_date(v, "--on", &o->on);
	case 'p': return parse_double(v, "--points", &o->points);
	case 'r': o->reason = v; return 0;
	case 'd': o->period = v; return 0;
	}
	return 0;
}

static const struct option add_opts[] = {
	{ "unit", required_argument, NULL, 'u' },
	{ "person", required_argument, NULL, 'P' },
	{ "on", required_argument, NULL, 'o' },
	{ "points", required_argument, NULL, 'p' },
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 },
};

static const struct option list_opts[] = {
	{ "unit", required_argument, NULL, 'u' },
	{ "person", required_argument, NULL, 'P' },
	{ "period", required_argument, NULL, 'd' },
	{ NULL, 0, NULL, 0 },
};

static int add(struct cli *cli, const struct cli_cmd *cmd, const char *kind,
	       int argc, char **argv)
{
	struct mopts o = { NULL, NULL, DATE_NONE, NAN, NULL, NULL };
	struct merit_input in;
	struct merit m;
	int rc;

	CLI_PARSE(cli, cmd, add_opts, &argc, &argv, mopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.unit == !o.person)
		return cli_usage("%s add needs one of --unit and --person",
				 cmd->name);
	if (o.on == DATE_NONE || isnan(o.points) || !o.reason)
		return cli_usage("%s add needs --on, --points and --reason",
				 cmd->name);
	if ((rc = cli_open(cli)))
		return rc;
	memset(&in, 0, sizeof(in));
	in.kind = kind;
	in.unit = o.unit;
	in.person = o.person;
	in.on = o.on;
	in.points = o.points;
	in.reason = o.reason;
	merit_init(&m);
	if (svc_merit_add(&cli->ctx, &in, &m, &cli->err)) {
		merit_release(&m);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json) {
		shape_merit(cli_json(cli), &m);
		cli_json_end(cli);
	} else {
		printf("%lld\n", m.id);
	}
	merit_release(&m);
	return 0;
}

static const struct table_col cols[] = {
	{ "ID", 6, 1 }, { "UNIT", 12, 0 }, { "PERSON", 10, 0 },
	{ "ON", 10, 0 }, { "POINTS", 6, 1 }, { "REASON", 0, 0 },
};

static int list_one(const struct merit *m, void *arg)
{
	struct cli_list *l = arg;
	char id[24], d[DATE_STRLEN], pt[32];
	const char *cells[6] = { id, m->unit, m->person, date_format(m->on, d),
				 pt, m->reason };

	snprintf(id, sizeof(id), "%lld", m->id);
	snprintf(pt, sizeof(pt), "%g", m->points);
	cli_list_row(l);
	if (l->cli->json)
		shape_merit(&l->cli->w, m);
	else
		table_row(stdout, cols, 6, cells);
	return cli_list_next(l);
}

static int list(struct cli *cli, const struct cli_cmd *cmd, const char *kind,
		int argc, char **argv)
{
	struct mopts o = { NULL, NULL, DATE_NONE, NAN, NULL, NULL };
	struct merit_filter f;
	struct period p;
	struct cli_list l;
	int rc;

	CLI_PARSE(cli, cmd, list_opts, &argc, &argv, mopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	memset(&f, 0, sizeof(f));
	f.from = f.to = DATE_NONE;
	if (o.period) {
		if (period_parse(o.period, &p, &cli->err))
			return cli_fail(cli, &cli->err);
		f.from = p.first;
		f.to = p.last;
	}
	f.kind = kind;
	f.unit = o.unit;
	f.person = o.person;
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, cols, 6);
	if (svc_merit_list(&cli->ctx, &f, list_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int commend_add(struct cli *cli, int argc, char **argv)
{
	return add(cli, &cmd_commend, "commend", argc, argv);
}

static int commend_list(struct cli *cli, int argc, char **argv)
{
	return list(cli, &cmd_commend, "commend", argc, argv);
}

static int account_add(struct cli *cli, int argc, char **argv)
{
	return add(cli, &cmd_account, "account", argc, argv);
}

static int account_list(struct cli *cli, int argc, char **argv)
{
	return list(cli, &cmd_account, "account", argc, argv);
}

static int run_commend(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", commend_add }, { "list", commend_list },
		{ NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_commend, subs, argc, argv);
}

static int run_account(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", account_add }, { "list", account_list },
		{ NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_account, subs, argc, argv);
}

const struct cli_cmd cmd_commend = {
	.name = "commend",
	.summary = "commend a unit or a person (表彰)",
	.usage = commend_usage,
	.run = run_commend,
};

const struct cli_cmd cmd_account = {
	.name = "account",
	.summary = "hold a unit or a person to account (问责)",
	.usage = account_usage,
	.run = run_account,
};
