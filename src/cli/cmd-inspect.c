/*
 * luoshi inspect add|list|show: inspections (检查) and their rectification
 * tasks (整改), with the monthly inspection cap (减负).
 */
#include "cli/cli.h"
#include "svc/eval.h"
#include "svc/shape.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi inspect add --unit CODE --on DATE --score S "
	"[--findings TEXT]\n"
	"          [--inspectors TEXT] [--rectify TITLE@DUE]... "
	"[--over-cap REASON]\n"
	"       luoshi inspect list [--unit CODE] [--period P]\n"
	"       luoshi inspect show ID\n\n"
	"An inspection scores a unit 0..100 on a day. Each --rectify item\n"
	"becomes a task led by the inspected unit, due on DUE, with source\n"
	"\"整改 inspection #N\", created in the same transaction. At most\n"
	"inspection_cap inspections (setting, default 4) per unit and month:\n"
	"the one reaching the cap warns on stderr, one beyond it is refused\n"
	"(exit 5) unless --over-cap gives a reason, which is recorded.\n"
	"Supervisors and administrators inspect units in their subtree.\n"
	"show lists the rectification tasks with their light and\n"
	"rectified_on_time (true/false once done, null while open).\n";

const struct cli_cmd cmd_inspect;

struct iopts {
	const char *unit;
	int on;
	double score;
	const char *findings;
	const char *inspectors;
	const char *over_cap;
	const char *period;
	struct rectify *items;
	int nitems;
};

static int iopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct iopts *o = arg;

	switch (c) {
	case 'u': o->unit = v; return 0;
	case 'o': return parse_date(v, "--on", &o->on);
	case 's': return parse_double(v, "--score", &o->score);
	case 'f': o->findings = v; return 0;
	case 'i': o->inspectors = v; return 0;
	case 'c': o->over_cap = v; return 0;
	case 'p': o->period = v; return 0;
	case 'r':
		o->items = xreallocarray(o->items, (size_t)o->nitems + 1,
					 sizeof(*o->items));
		if (rectify_parse(v, &o->items[o->nitems], &cli->err))
			return cli_fail(cli, &cli->err);
		o->nitems++;
		return 0;
	}
	return 0;
}

static const struct option add_opts[] = {
	{ "unit", required_argument, NULL, 'u' },
	{ "on", required_argument, NULL, 'o' },
	{ "score", required_argument, NULL, 's' },
	{ "findings", required_argument, NULL, 'f' },
	{ "inspectors", required_argument, NULL, 'i' },
	{ "rectify", required_argument, NULL, 'r' },
	{ "over-cap", required_argument, NULL, 'c' },
	{ NULL, 0, NULL, 0 },
};

static const struct option list_opts[] = {
	{ "unit", required_argument, NULL, 'u' },
	{ "period", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 },
};

static void iopts_release(struct iopts *o)
{
	for (int i = 0; i < o->nitems; i++)
		free(o->items[i].title);
	free(o->items);
}

static int print_show(struct cli *cli, long long id)
{
	struct inspection_view v;
	char d[DATE_STRLEN], lb[32];

	if (svc_inspect_get(&cli->ctx, id, &v, &cli->err)) {
		inspection_view_release(&v);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json) {
		shape_inspection(cli_json(cli), &cli->ctx, &v);
		cli_json_end(cli);
		inspection_view_release(&v);
		return 0;
	}
	printf("inspection #%lld  %s  %s  score %g\n", v.in.id, v.in.unit,
	       date_format(v.in.on, d), v.in.score);
	if (v.in.inspectors)
		printf("inspectors: %s\n", v.in.inspectors);
	if (v.in.findings)
		printf("findings: %s\n", v.in.findings);
	if (v.in.over_cap)
		printf("over the cap: %s\n", v.in.over_cap);
	for (size_t i = 0; i < v.ntasks; i++) {
		const struct task *t = &v.tasks[i];
		struct task_view tv;

		task_view_of(&tv, t, cli->ctx.today, &cli->ctx.settings);
		printf("  整改 #%lld %s  due %s  %s  %s\n", t->id, t->title,
		       date_format(t->due, d), task_status_name(t->status),
		       cli_light(cli, light_name(tv.light), lb, sizeof(lb)));
	}
	inspection_view_release(&v);
	return 0;
}

static int add(struct cli *cli, int argc, char **argv)
{
	struct iopts o;
	struct inspect_input in;
	char warning[256];
	long long id;
	int rc;

	memset(&o, 0, sizeof(o));
	o.on = DATE_NONE;
	o.score = NAN;
	rc = cli_parse(cli, &cmd_inspect, add_opts, &argc, &argv, iopt, &o);
	if (rc || argc) {
		iopts_release(&o);
		if (rc)
			return rc < 0 ? 0 : rc;
		return cli_usage("unexpected argument '%s'", argv[0]);
	}
	if (!o.unit || o.on == DATE_NONE || isnan(o.score)) {
		iopts_release(&o);
		return cli_usage("inspect add needs --unit, --on and "
				 "--score");
	}
	if ((rc = cli_open(cli))) {
		iopts_release(&o);
		return rc;
	}
	memset(&in, 0, sizeof(in));
	in.unit = o.unit;
	in.on = o.on;
	in.score = o.score;
	in.findings = o.findings;
	in.inspectors = o.inspectors;
	in.over_cap = o.over_cap;
	in.items = o.items;
	in.nitems = o.nitems;
	rc = svc_inspect_add(&cli->ctx, &in, &id, warning, sizeof(warning),
			     &cli->err);
	iopts_release(&o);
	if (rc)
		return cli_fail(cli, &cli->err);
	if (*warning)
		fprintf(stderr, "luoshi: warning: %s\n", warning);
	if (cli->json)
		return print_show(cli, id);
	printf("%lld\n", id);
	return 0;
}

static const struct table_col cols[] = {
	{ "ID", 6, 1 }, { "UNIT", 12, 0 }, { "ON", 10, 0 },
	{ "SCORE", 6, 1 }, { "FINDINGS", 0, 0 },
};

static int list_one(const struct inspection *in, void *arg)
{
	struct cli_list *l = arg;
	char id[24], d[DATE_STRLEN], sc[32];
	const char *cells[5] = { id, in->unit, date_format(in->on, d), sc,
				 in->findings };

	snprintf(id, sizeof(id), "%lld", in->id);
	snprintf(sc, sizeof(sc), "%g", in->score);
	cli_list_row(l);
	if (l->cli->json)
		shape_inspection_row(&l->cli->w, in);
	else
		table_row(stdout, cols, 5, cells);
	return cli_list_next(l);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct iopts o;
	struct period p;
	struct cli_list l;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_inspect, list_opts, &argc, &argv, iopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (o.period && period_parse(o.period, &p, &cli->err))
		return cli_fail(cli, &cli->err);
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, cols, 5);
	if (svc_inspect_list(&cli->ctx, o.unit, o.period ? &p : NULL,
			     list_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int show(struct cli *cli, int argc, char **argv)
{
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_inspect, NULL, &argc, &argv, NULL, NULL);
	if (argc != 1)
		return cli_usage("inspect show needs one ID");
	if ((rc = parse_id(argv[0], "inspection", &id)) ||
	    (rc = cli_open(cli)))
		return rc;
	return print_show(cli, id);
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "list", list }, { "show", show },
		{ NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_inspect, subs, argc, argv);
}

const struct cli_cmd cmd_inspect = {
	.name = "inspect",
	.summary = "record inspections and rectification tasks (检查, 整改)",
	.usage = usage,
	.run = run,
};
