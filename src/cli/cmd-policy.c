/*
 * luoshi policy add|list|show|update|link: the policy system (政策体系),
 * policies and their windows (窗口期). What is shown as the status is the
 * effective one on the reference day (missed once the window closed
 * un-landed); `closing` flags windows closing within policy_warn_days.
 */
#include "cli/cli.h"
#include "svc/policies.h"
#include "util/date.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi policy add TITLE --issuer TEXT --level L --issued DATE\n"
	"          --open DATE --close DATE --unit CODE [--status S] "
	"[--value TEXT]\n"
	"       luoshi policy list [--closing | --closing-within DAYS] "
	"[--status S]\n"
	"          [--unit CODE]\n"
	"       luoshi policy show ID\n"
	"       luoshi policy update ID [--status S] [--value TEXT] "
	"[--if-version V]\n"
	"       luoshi policy link ID (--goal ID | --task ID) "
	"[--if-version V]\n\n"
	"A policy (政策) has an issuer, a level (national, provincial or\n"
	"municipal), an issue date, a window (窗口期) from --open to --close\n"
	"inclusive, a responsible unit, a status (watching, applying, landed,\n"
	"missed) and the value secured. The window opens on or before it\n"
	"closes, and the policy is issued on or before it closes.\n\n"
	"A window closing within policy_warn_days (setting, default 14) of\n"
	"the reference day while the policy is watching or applying is\n"
	"*closing*; once it has closed (close < today) un-landed the status\n"
	"is missed, whatever was recorded. After the close only landed or\n"
	"missed may be set (exit 5). --closing lists the closing ones,\n"
	"--closing-within DAYS with another horizon; --status filters the\n"
	"effective status; --unit CODE that unit and the units below it.\n"
	"Lists are ordered by window close, then id.\n\n"
	"Everyone sees the policies of units in their scope; administrators,\n"
	"supervisors and leaders add, update and link them. A linked goal\n"
	"or task must be visible too. --value \"\" clears the value. With\n"
	"--if-version V the policy must still have version V (else exit 5).\n";

const struct cli_cmd cmd_policy;

struct popts {
	const char *issuer, *level, *unit, *status, *value;
	int issued, open, close;
	bool has_value, closing;
	long long within, goal, task, if_version;
};

static int popt(struct cli *cli, int c, const char *v, void *arg)
{
	struct popts *o = arg;

	(void)cli;
	switch (c) {
	case 'i': o->issuer = v; return 0;
	case 'l': o->level = v; return 0;
	case 'u': o->unit = v; return 0;
	case 's': o->status = v; return 0;
	case 'v': o->value = v; o->has_value = true; return 0;
	case 'd': return parse_date(v, "--issued", &o->issued);
	case 'o': return parse_date(v, "--open", &o->open);
	case 'c': return parse_date(v, "--close", &o->close);
	case 'C': o->closing = true; return 0;
	case 'w':
		return parse_ll(v, "--closing-within", 0, 3650, &o->within);
	case 'g': return parse_id(v, "goal", &o->goal);
	case 't': return parse_id(v, "task", &o->task);
	case 'V':
		return parse_ll(v, "--if-version", 1, 1LL << 53,
				&o->if_version);
	}
	return 0;
}

static const struct option add_opts[] = {
	{ "issuer", required_argument, NULL, 'i' },
	{ "level", required_argument, NULL, 'l' },
	{ "issued", required_argument, NULL, 'd' },
	{ "open", required_argument, NULL, 'o' },
	{ "close", required_argument, NULL, 'c' },
	{ "unit", required_argument, NULL, 'u' },
	{ "status", required_argument, NULL, 's' },
	{ "value", required_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 },
};

static const struct option list_opts[] = {
	{ "closing", no_argument, NULL, 'C' },
	{ "closing-within", required_argument, NULL, 'w' },
	{ "status", required_argument, NULL, 's' },
	{ "unit", required_argument, NULL, 'u' },
	{ NULL, 0, NULL, 0 },
};

static const struct option update_opts[] = {
	{ "status", required_argument, NULL, 's' },
	{ "value", required_argument, NULL, 'v' },
	{ "if-version", required_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static const struct option link_opts[] = {
	{ "goal", required_argument, NULL, 'g' },
	{ "task", required_argument, NULL, 't' },
	{ "if-version", required_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void popts_init(struct popts *o)
{
	memset(o, 0, sizeof(*o));
	o->issued = DATE_NONE;
	o->open = DATE_NONE;
	o->close = DATE_NONE;
	o->within = -1;
}

static void print_ids(const char *label, const long long *a, size_t n)
{
	if (!n)
		return;
	printf("%s:", label);
	for (size_t i = 0; i < n; i++)
		printf(" #%lld", a[i]);
	putchar('\n');
}

/* `policy show` (and the answer of every write): text or the object. */
static int print_show(struct cli *cli, long long id)
{
	struct policy_view v;
	const struct policy *p = &v.p;
	char is[DATE_STRLEN], op[DATE_STRLEN], cl[DATE_STRLEN];
	enum policy_status s;
	long long left;

	if (svc_policy_get(&cli->ctx, id, &v, &cli->err)) {
		policy_view_release(&v);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json) {
		shape_policy(cli_json(cli), &cli->ctx, &v);
		cli_json_end(cli);
		policy_view_release(&v);
		return 0;
	}
	s = policy_effective(p->status, p->close, cli->ctx.today);
	left = (long long)p->close - cli->ctx.today;
	printf("policy #%lld %s\n", p->id, p->title);
	printf("issuer: %s (%s), issued %s\n", p->issuer,
	       policy_level_name(p->level), date_format(p->issued, is));
	printf("window: %s .. %s, ", date_format(p->open, op),
	       date_format(p->close, cl));
	if (left >= 0)
		printf("%lld days left\n", left);
	else
		printf("closed %lld days ago\n", -left);
	printf("unit: %s\nstatus: %s", p->unit, policy_status_name(s));
	if (s != p->status)
		printf(" (recorded %s)", policy_status_name(p->status));
	if (policy_closing(p->status, p->close, cli->ctx.today,
			   cli->ctx.settings.policy_warn_days))
		printf(", closing");
	putchar('\n');
	if (p->value)
		printf("value: %s\n", p->value);
	print_ids("goals", v.goals, v.ngoals);
	print_ids("tasks", v.tasks, v.ntasks);
	policy_view_release(&v);
	return 0;
}

static int add(struct cli *cli, int argc, char **argv)
{
	struct popts o;
	struct policy_input in;
	long long id;
	int rc;

	popts_init(&o);
	CLI_PARSE(cli, &cmd_policy, add_opts, &argc, &argv, popt, &o);
	if (argc != 1)
		return cli_usage("policy add needs one TITLE");
	if (!o.issuer || !o.level || o.issued == DATE_NONE ||
	    o.open == DATE_NONE || o.close == DATE_NONE || !o.unit)
		return cli_usage("policy add needs --issuer, --level, "
				 "--issued, --open, --close and --unit");
	if ((rc = cli_open(cli)))
		return rc;
	memset(&in, 0, sizeof(in));
	in.title = argv[0];
	in.issuer = o.issuer;
	in.level = o.level;
	in.issued = o.issued;
	in.open = o.open;
	in.close = o.close;
	in.unit = o.unit;
	in.status = o.status;
	in.value = o.value;
	if (svc_policy_add(&cli->ctx, &in, &id, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json)
		return print_show(cli, id);
	printf("%lld\n", id);
	return 0;
}

static const struct table_col cols[] = {
	{ "ID", 5, 1 }, { "UNIT", 10, 0 }, { "LEVEL", 10, 0 },
	{ "OPEN", 10, 0 }, { "CLOSE", 10, 0 }, { "DAYS", 5, 1 },
	{ "STATUS", 9, 0 }, { "ALERT", 7, 0 }, { "TITLE", 0, 0 },
};

static int list_one(const struct policy_view *v, void *arg)
{
	struct cli_list *l = arg;
	struct cli *cli = l->cli;
	const struct policy *p = &v->p;
	char id[24], op[DATE_STRLEN], cl[DATE_STRLEN], days[24];
	const char *cells[9];

	cli_list_row(l);
	if (cli->json) {
		shape_policy(&cli->w, &cli->ctx, v);
		return cli_list_next(l);
	}
	snprintf(id, sizeof(id), "%lld", p->id);
	snprintf(days, sizeof(days), "%lld",
		 (long long)p->close - cli->ctx.today);
	cells[0] = id;
	cells[1] = p->unit;
	cells[2] = policy_level_name(p->level);
	cells[3] = date_format(p->open, op);
	cells[4] = date_format(p->close, cl);
	cells[5] = days;
	cells[6] = policy_status_name(policy_effective(p->status, p->close,
						       cli->ctx.today));
	cells[7] = policy_closing(p->status, p->close, cli->ctx.today,
				  cli->ctx.settings.policy_warn_days) ?
		"closing" : "";
	cells[8] = p->title;
	table_row(stdout, cols, 9, cells);
	return cli_list_next(l);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct popts o;
	struct policy_filter f;
	struct cli_list l;
	int rc;

	popts_init(&o);
	CLI_PARSE(cli, &cmd_policy, list_opts, &argc, &argv, popt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (o.closing && o.within >= 0)
		return cli_usage("give --closing or --closing-within, not "
				 "both");
	memset(&f, 0, sizeof(f));
	f.unit = o.unit;
	f.closing_within = (int)o.within;
	if (o.status && !policy_status_parse(o.status, &f.status))
		return cli_usage("invalid value '%s' for --status (watching, "
				 "applying, landed or missed)", o.status);
	f.has_status = o.status != NULL;
	if ((rc = cli_open(cli)))
		return rc;
	if (o.closing)
		f.closing_within = cli->ctx.settings.policy_warn_days;
	cli_list_begin(&l, cli, cols, 9);
	if (svc_policy_list(&cli->ctx, &f, list_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int show(struct cli *cli, int argc, char **argv)
{
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_policy, NULL, &argc, &argv, NULL, NULL);
	if (argc != 1)
		return cli_usage("policy show needs one ID");
	if ((rc = parse_id(argv[0], "policy", &id)) || (rc = cli_open(cli)))
		return rc;
	return print_show(cli, id);
}

static int update(struct cli *cli, int argc, char **argv)
{
	struct popts o;
	long long id;
	int rc;

	popts_init(&o);
	CLI_PARSE(cli, &cmd_policy, update_opts, &argc, &argv, popt, &o);
	if (argc != 1)
		return cli_usage("policy update needs one ID");
	if (!o.status && !o.has_value)
		return cli_usage("policy update needs --status or --value");
	if ((rc = parse_id(argv[0], "policy", &id)) || (rc = cli_open(cli)))
		return rc;
	if (svc_policy_update(&cli->ctx, id, o.status, o.value, o.has_value,
			      o.if_version, &cli->err))
		return cli_fail(cli, &cli->err);
	return print_show(cli, id);
}

static int link(struct cli *cli, int argc, char **argv)
{
	struct popts o;
	long long id;
	int rc;

	popts_init(&o);
	CLI_PARSE(cli, &cmd_policy, link_opts, &argc, &argv, popt, &o);
	if (argc != 1)
		return cli_usage("policy link needs one ID");
	if (!o.goal == !o.task)
		return cli_usage("policy link needs --goal ID or --task ID "
				 "(one of them)");
	if ((rc = parse_id(argv[0], "policy", &id)) || (rc = cli_open(cli)))
		return rc;
	if (svc_policy_link(&cli->ctx, id, o.goal, o.task, o.if_version,
			    &cli->err))
		return cli_fail(cli, &cli->err);
	return print_show(cli, id);
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "list", list }, { "show", show },
		{ "update", update }, { "link", link }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_policy, subs, argc, argv);
}

const struct cli_cmd cmd_policy = {
	.name = "policy",
	.summary = "policies and their windows (政策, 窗口期)",
	.usage = usage,
	.run = run,
};
