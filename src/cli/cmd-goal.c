/*
 * luoshi goal add|tree|show|weight: the goal system (目标体系).
 */
#include "cli/cli.h"
#include "cli/table.h"
#include "svc/goals.h"
#include "svc/shape.h"
#include "util/date.h"

#include <math.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi goal add TITLE --unit CODE --year YYYY [--parent ID] "
	"[--weight W]\n"
	"       luoshi goal tree [ID]\n"
	"       luoshi goal show ID\n"
	"       luoshi goal weight ID --weight W [--reason TEXT] "
	"[--if-version V]\n\n"
	"A goal's progress is the weighted mean of its sub-goals' progress,\n"
	"its indicators' achievement (capped at 1) and its linked tasks'\n"
	"percent (done = 100%), ignoring what has no data; its light is the\n"
	"worst light of the tasks below it. Weight changes keep their\n"
	"history. With --if-version V the goal must still have version V\n"
	"(else exit 5 and nothing changes).\n";

const struct cli_cmd cmd_goal;

struct gopts {
	const char *unit;
	long long year;
	long long parent;
	double weight;
	const char *reason;
	long long if_version;
};

static int gopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct gopts *o = arg;

	(void)cli;
	switch (c) {
	case 'u': o->unit = v; return 0;
	case 'y': return parse_ll(v, "--year", 2000, 2100, &o->year);
	case 'p': return parse_id(v, "parent goal", &o->parent);
	case 'w': return parse_double(v, "--weight", &o->weight);
	case 'r': o->reason = v; return 0;
	case 'V':
		return parse_ll(v, "--if-version", 1, 1LL << 53,
				&o->if_version);
	}
	return 0;
}

static const struct option opts[] = {
	{ "unit", required_argument, NULL, 'u' },
	{ "year", required_argument, NULL, 'y' },
	{ "parent", required_argument, NULL, 'p' },
	{ "weight", required_argument, NULL, 'w' },
	{ "reason", required_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 },
};

static const struct option weight_opts[] = {
	{ "weight", required_argument, NULL, 'w' },
	{ "reason", required_argument, NULL, 'r' },
	{ "if-version", required_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static int add(struct cli *cli, int argc, char **argv)
{
	struct gopts o = { NULL, 0, 0, 1.0, NULL, 0 };
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_goal, opts, &argc, &argv, gopt, &o);
	if (argc != 1)
		return cli_usage("goal add needs one TITLE");
	if (!o.unit)
		return cli_usage("missing --unit for goal add");
	if (!o.year)
		return cli_usage("missing --year for goal add");
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_goal_add(&cli->ctx, argv[0], o.unit, (int)o.year, o.parent,
			 o.weight, &id, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct goal g = { .id = id, .title = argv[0],
				  .parent_id = o.parent, .unit = o.unit,
				  .year = (int)o.year, .weight = o.weight };

		shape_goal(cli_json(cli), &g);
		cli_json_end(cli);
	} else {
		printf("%lld\n", id);
	}
	return 0;
}

static void print_node(struct cli *cli, const struct goal_node *n, int depth)
{
	char pct[16], lbuf[32], m[8];

	if (isnan(n->progress))
		snprintf(pct, sizeof(pct), "-");
	else
		snprintf(pct, sizeof(pct), "%.2f%%", n->progress * 100.0);
	printf("%*s#%lld %s  [%s]  %s  %s\n", depth * 2, "", n->g.id,
	       n->g.title, n->g.unit, pct,
	       n->r.has_light ? cli_light(cli, light_name(n->r.worst), lbuf,
					  sizeof(lbuf)) : "-");
	for (size_t i = 0; i < n->ninds; i++) {
		const struct indicator_view *v = n->inds[i];

		printf("%*s  · %s: ", depth * 2, "", v->ind.name);
		if (v->latest >= 0 && isnan(v->plan))
			printf("%g %s in %s (no plan), achievement %.0f%%\n",
			       v->actual, v->ind.measure,
			       month_format(v->latest, m),
			       v->achievement * 100);
		else if (v->latest >= 0)
			printf("%g %s in %s (plan %g), achievement %.0f%%%s\n",
			       v->actual, v->ind.measure,
			       month_format(v->latest, m), v->plan,
			       v->achievement * 100,
			       v->on_trajectory == 0 ? ", off trajectory" :
			       v->on_trajectory == 1 ? ", on trajectory" :
			       "");
		else
			printf("no actual yet (baseline %g, target %g %s)\n",
			       v->ind.baseline, v->ind.target,
			       v->ind.measure);
	}
	for (size_t i = 0; i < n->nchildren; i++)
		if (n->children[i]->visible)
			print_node(cli, n->children[i], depth + 1);
}

static int output(struct cli *cli, struct goal_forest *gf, long long id,
		  bool array)
{
	const struct goal_node *one = NULL;
	bool any = false;

	if (id && !(one = goal_forest_find(gf, id, &cli->err)))
		return cli_fail(cli, &cli->err);
	if (cli->json && array)
		jw_arr(cli_json(cli));
	else if (cli->json)
		cli_json(cli);
	for (size_t i = 0; i < gf->n; i++) {
		const struct goal_node *n = &gf->nodes[i];

		if (one ? n != one :
		    !n->visible || (n->parent && n->parent->visible))
			continue;
		any = true;
		if (cli->json)
			shape_goal_node(&cli->w, n);
		else
			print_node(cli, n, 0);
	}
	if (cli->json) {
		if (array)
			jw_arr_end(&cli->w);
		cli_json_end(cli);
	} else if (!any) {
		puts("no goals");
	}
	return 0;
}

static int tree_or_show(struct cli *cli, int argc, char **argv, bool show)
{
	struct goal_forest gf;
	long long id = 0;
	int rc;

	CLI_PARSE(cli, &cmd_goal, NULL, &argc, &argv, NULL, NULL);
	if (argc > 1 || (show && argc != 1))
		return cli_usage("goal %s takes %s ID", show ? "show" : "tree",
				 show ? "one" : "at most one");
	if (argc && (rc = parse_id(argv[0], "goal", &id)))
		return rc;
	if ((rc = cli_open(cli)))
		return rc;
	if (goal_forest_load(&cli->ctx, &gf, &cli->err))
		return cli_fail(cli, &cli->err);
	rc = output(cli, &gf, id, id == 0);
	goal_forest_release(&gf);
	return rc;
}

static int tree(struct cli *cli, int argc, char **argv)
{
	return tree_or_show(cli, argc, argv, false);
}

static int show(struct cli *cli, int argc, char **argv)
{
	return tree_or_show(cli, argc, argv, true);
}

static int weight(struct cli *cli, int argc, char **argv)
{
	struct gopts o = { NULL, 0, 0, NAN, NULL, 0 };
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_goal, weight_opts, &argc, &argv, gopt, &o);
	if (argc != 1)
		return cli_usage("goal weight needs one ID");
	if (isnan(o.weight))
		return cli_usage("missing --weight for goal weight");
	if ((rc = parse_id(argv[0], "goal", &id)) || (rc = cli_open(cli)))
		return rc;
	if (svc_goal_set_weight(&cli->ctx, id, o.weight, o.reason,
				o.if_version, &cli->err))
		return cli_fail(cli, &cli->err);
	if (!cli->json)
		printf("goal %lld weight %g\n", id, o.weight);
	else
		printf("{\"id\":%lld,\"weight\":%g}\n", id, o.weight);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "tree", tree }, { "show", show },
		{ "weight", weight }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_goal, subs, argc, argv);
}

const struct cli_cmd cmd_goal = {
	.name = "goal",
	.summary = "add goals, show the goal tree (目标体系)",
	.usage = usage,
	.run = run,
};
