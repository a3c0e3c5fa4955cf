/*
 * luoshi indicator add|plan|report|update: measurable indicators (指标)
 * of goals, with monthly plans (trajectory) and reported actuals.
 */
#include "cli/cli.h"
#include "svc/goals.h"
#include "svc/shape.h"

#include <math.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi indicator add GOAL_ID NAME --measure M --baseline B "
	"--target T\n"
	"           [--direction up|down] [--weight W]\n"
	"       luoshi indicator plan ID --period YYYY-MM --value V "
	"[--if-version V]\n"
	"       luoshi indicator report ID --period YYYY-MM --value V "
	"[--if-version V]\n"
	"       luoshi indicator update ID [--target T] [--baseline B] "
	"[--weight W]\n"
	"           [--reason TEXT] [--if-version V]\n\n"
	"Achievement of the latest reported month: up (actual-baseline)/"
	"(target-baseline),\ndown (baseline-actual)/(baseline-target), "
	"clamped to [0, 1.2]. On trajectory\nwhen that actual meets the "
	"month's plan. Changes of target, baseline and\nweight keep their "
	"history; lowering a target (不降标准) needs --reason. Every change,\n"
	"a month's plan or actual included, raises the indicator's version;\n"
	"with --if-version V it must still be V (else exit 5, nothing "
	"changes).\n";

const struct cli_cmd cmd_indicator;

struct iopts {
	const char *measure;
	double baseline, target, weight, value;
	const char *direction;
	const char *reason;
	long long if_version;
	int period;
	bool has_period;
};

static int iopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct iopts *o = arg;

	(void)cli;
	switch (c) {
	case 'm': o->measure = v; return 0;
	case 'b': return parse_double(v, "--baseline", &o->baseline);
	case 't': return parse_double(v, "--target", &o->target);
	case 'w': return parse_double(v, "--weight", &o->weight);
	case 'v': return parse_double(v, "--value", &o->value);
	case 'd': o->direction = v; return 0;
	case 'r': o->reason = v; return 0;
	case 'V':
		return parse_ll(v, "--if-version", 1, 1LL << 53,
				&o->if_version);
	case 'p':
		o->has_period = true;
		return parse_month(v, "--period", &o->period);
	}
	return 0;
}

static const struct option opts[] = {
	{ "measure", required_argument, NULL, 'm' },
	{ "baseline", required_argument, NULL, 'b' },
	{ "target", required_argument, NULL, 't' },
	{ "weight", required_argument, NULL, 'w' },
	{ "direction", required_argument, NULL, 'd' },
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 },
};

static const struct option update_opts[] = {
	{ "baseline", required_argument, NULL, 'b' },
	{ "target", required_argument, NULL, 't' },
	{ "weight", required_argument, NULL, 'w' },
	{ "reason", required_argument, NULL, 'r' },
	{ "if-version", required_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static const struct option value_opts[] = {
	{ "period", required_argument, NULL, 'p' },
	{ "value", required_argument, NULL, 'v' },
	{ "if-version", required_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void iopts_init(struct iopts *o)
{
	memset(o, 0, sizeof(*o));
	o->baseline = o->target = o->weight = o->value = NAN;
}

static int add(struct cli *cli, int argc, char **argv)
{
	struct iopts o;
	struct indicator ind;
	long long goal, id;
	int rc;

	iopts_init(&o);
	CLI_PARSE(cli, &cmd_indicator, opts, &argc, &argv, iopt, &o);
	if (argc != 2)
		return cli_usage("indicator add needs GOAL_ID and NAME");
	if (!o.measure)
		return cli_usage("missing --measure for indicator add");
	if (isnan(o.baseline) || isnan(o.target))
		return cli_usage("indicator add needs --baseline and "
				 "--target");
	if ((rc = parse_id(argv[0], "goal", &goal)))
		return rc;
	indicator_init(&ind);
	ind.name = argv[1];
	ind.measure = o.measure;
	ind.baseline = o.baseline;
	ind.target = o.target;
	ind.weight = isnan(o.weight) ? 1.0 : o.weight;
	if (o.direction && !direction_parse(o.direction, &ind.direction))
		return cli_usage("invalid direction '%s' for --direction (up,"
				 " down)", o.direction);
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_indicator_add(&cli->ctx, goal, &ind, &id, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct jw *w = cli_json(cli);

		ind.id = id;
		ind.goal_id = goal;
		jw_obj(w);
		shape_indicator_fields(w, &ind);
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		printf("%lld\n", id);
	}
	return 0;
}

static int value(struct cli *cli, int argc, char **argv, bool actual)
{
	struct iopts o;
	long long id;
	int rc;

	iopts_init(&o);
	CLI_PARSE(cli, &cmd_indicator, value_opts, &argc, &argv, iopt, &o);
	if (argc != 1)
		return cli_usage("indicator %s needs one ID",
				 actual ? "report" : "plan");
	if (!o.has_period || isnan(o.value))
		return cli_usage("indicator %s needs --period and --value",
				 actual ? "report" : "plan");
	if ((rc = parse_id(argv[0], "indicator", &id)) ||
	    (rc = cli_open(cli)))
		return rc;
	if (svc_indicator_value(&cli->ctx, id, o.period, actual, o.value,
				o.if_version, NULL, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct jw *w = cli_json(cli);
		char m[8];

		jw_obj(w);
		jw_kint(w, "indicator_id", id);
		jw_kstr(w, "month", month_format(o.period, m));
		jw_key(w, actual ? "actual" : "plan");
		jw_numd(w, o.value, 6);
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		char m[8];

		printf("indicator %lld %s %s: %g\n", id,
		       actual ? "actual" : "plan", month_format(o.period, m),
		       o.value);
	}
	return 0;
}

static int plan(struct cli *cli, int argc, char **argv)
{
	return value(cli, argc, argv, false);
}

static int report(struct cli *cli, int argc, char **argv)
{
	return value(cli, argc, argv, true);
}

static int update(struct cli *cli, int argc, char **argv)
{
	struct iopts o;
	long long id;
	int rc;

	iopts_init(&o);
	CLI_PARSE(cli, &cmd_indicator, update_opts, &argc, &argv, iopt, &o);
	if (argc != 1)
		return cli_usage("indicator update needs one ID");
	if ((rc = parse_id(argv[0], "indicator", &id)) ||
	    (rc = cli_open(cli)))
		return rc;
	if (svc_indicator_update(&cli->ctx, id, o.target, o.baseline,
				 o.weight, o.reason, o.if_version,
				 &cli->err))
		return cli_fail(cli, &cli->err);
	if (!cli->json)
		printf("indicator %lld updated\n", id);
	else
		printf("{\"id\":%lld}\n", id);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "plan", plan }, { "report", report },
		{ "update", update }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_indicator, subs, argc, argv);
}

const struct cli_cmd cmd_indicator = {
	.name = "indicator",
	.summary = "indicators (指标): add, monthly plan and actuals",
	.usage = usage,
	.run = run,
};
