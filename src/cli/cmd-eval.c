/*
 * luoshi eval and luoshi burden: the evaluation of units in a period
 * (评价体系: score, rank, on-time interval, funnel flag), one unit's score
 * explained, publishing it, and the burden on each unit (减负).
 */
#include "cli/cli.h"
#include "svc/eval.h"
#include "util/date.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char eval_usage[] =
	"usage: luoshi eval --period P [--group KIND] [--scheme FILE] "
	"[--explain UNIT]\n"
	"          [--publish] [--funnel]\n\n"
	"Evaluates units over P (2026, 2026-Q3, 2026-11), each ranked within\n"
	"its kind (--group: one kind only). Tasks are those led by the unit,\n"
	"not cancelled, due in P. Metrics (percent): completion = done by\n"
	"P's end / tasks; ontime = done on or before due / done; response =\n"
	"acknowledged (or first reported) within ack_hours of creation /\n"
	"tasks; daily = daily tasks done the day created / daily tasks;\n"
	"indicators = mean achievement (capped at 1) of the indicators of\n"
	"the unit's goals of P's year, at their latest actual up to P's end;\n"
	"inspection = mean inspection score in P. Score = sum(w*m)/sum(w)\n"
	"over metrics with data + commendation - accountability points\n"
	"(units only). Default weights 30 20 10 5 25 10; --scheme FILE is\n"
	"JSON {\"weights\":{...},\"warn\":{\"score\":60,...}}. Ranks are\n"
	"1,2,2,4 on scores rounded to 2 decimals; no data = unranked.\n"
	"--explain UNIT shows every input of its score; --publish records\n"
	"the evaluation (supervisor, admin) as one evaluation of each unit\n"
	"ranked, for the burden count. --funnel (with --group) prints the\n"
	"funnel plot's data: the group's pooled on-time rate, each unit's\n"
	"closed and on-time tasks with the 95% limits at its n, and with\n"
	"--json the limits along n for drawing.\n";

static const char burden_usage[] =
	"usage: luoshi burden [--unit CODE] [--period P]\n\n"
	"Per unit and month of P (default: this year): reports filed on\n"
	"tasks it leads or co-works, urges on those tasks, inspections and\n"
	"published evaluations ranking it, with inspection_cap and whether\n"
	"the month went over it (减负).\n";

const struct cli_cmd cmd_eval, cmd_burden;

struct eopts {
	const char *period;
	const char *group;
	const char *scheme;
	const char *explain;
	const char *unit;
	bool publish;
	bool funnel;
};

static int eopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct eopts *o = arg;

	(void)cli;
	switch (c) {
	case 'p': o->period = v; return 0;
	case 'g': o->group = v; return 0;
	case 's': o->scheme = v; return 0;
	case 'x': o->explain = v; return 0;
	case 'u': o->unit = v; return 0;
	case 'P': o->publish = true; return 0;
	case 'f': o->funnel = true; return 0;
	}
	return 0;
}

static const struct option eval_opts[] = {
	{ "period", required_argument, NULL, 'p' },
	{ "group", required_argument, NULL, 'g' },
	{ "scheme", required_argument, NULL, 's' },
	{ "explain", required_argument, NULL, 'x' },
	{ "publish", no_argument, NULL, 'P' },
	{ "funnel", no_argument, NULL, 'f' },
	{ NULL, 0, NULL, 0 },
};

static const struct option burden_opts[] = {
	{ "unit", required_argument, NULL, 'u' },
	{ "period", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 },
};

static void num(char *out, size_t n, double v)
{
	if (isnan(v))
		snprintf(out, n, "-");
	else
		snprintf(out, n, "%.2f", eval_round2(v));
}

static const struct table_col cols[] = {
	{ "RANK", 4, 1 }, { "UNIT", 10, 0 }, { "GROUP", 10, 0 },
	{ "SCORE", 7, 1 }, { "COMPL", 7, 1 }, { "ONTIME", 7, 1 },
	{ "RESP", 7, 1 }, { "DAILY", 7, 1 }, { "IND", 7, 1 },
	{ "INSP", 7, 1 }, { "+", 5, 1 }, { "-", 5, 1 }, { "FUNNEL", 6, 0 },
	{ "NAME", 0, 0 },
};
#define NCOLS 14

static void print_row(const struct eval_row *r)
{
	char v[12][16];
	const char *cells[NCOLS];

	if (r->rank)
		snprintf(v[0], sizeof(v[0]), "%d", r->rank);
	else
		snprintf(v[0], sizeof(v[0]), "-");
	num(v[1], sizeof(v[1]), r->score);
	for (int i = 0; i < EVAL_NMETRICS; i++)
		num(v[2 + i], sizeof(v[0]), r->m[i]);
	num(v[8], sizeof(v[8]), r->c.bonus);
	num(v[9], sizeof(v[9]), r->c.penalty);
	cells[0] = v[0];
	cells[1] = r->unit;
	cells[2] = r->group;
	for (int i = 1; i < 10; i++)
		cells[2 + i] = v[i];
	cells[12] = funnel_name(r->funnel);
	cells[13] = r->name;
	table_row(stdout, cols, NCOLS, cells);
}

static int explain(struct cli *cli, const struct eopts *o,
		   const char *scheme)
{
	struct jw_text x;
	struct jw *w = cli->json ? cli_json(cli) : jw_text_begin(&x);

	if (svc_eval_explain(&cli->ctx, o->period, scheme, o->explain, w,
			     &cli->err)) {
		if (!cli->json)
			free(jw_text_end(&x));
		else
			buf_reset(&cli->out);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json) {
		cli_json_end(cli);
	} else {
		/* the human form is the same document, one key a line */
		char *text = jw_text_end(&x);

		for (char *p = text; *p; p++) {
			putchar(*p);
			if (*p == ',' && (p[1] == '"'))
				putchar('\n');
		}
		putchar('\n');
		free(text);
	}
	return 0;
}

static const struct table_col fcols[] = {
	{ "UNIT", 10, 0 }, { "CLOSED", 6, 1 }, { "ONTIME", 6, 1 },
	{ "RATE", 7, 1 }, { "LO", 7, 1 }, { "HI", 7, 1 },
	{ "FUNNEL", 6, 0 }, { "NAME", 0, 0 },
};
#define NFCOLS 8

/* The funnel plot's data: JSON (shape_funnel) or one line per unit. */
static void print_funnel(struct cli *cli, const struct eval_result *r,
			 const char *group)
{
	bool head = false;

	if (cli->json) {
		shape_funnel(cli_json(cli), r, group);
		cli_json_end(cli);
		return;
	}
	for (size_t i = 0; i < r->norder; i++) {
		const struct eval_row *row = &r->rows[r->order[i]];
		char v[6][24];
		const char *cells[NFCOLS];
		double lo, hi;

		if (!row->c.closed)
			continue;
		if (!head) {
			printf("pooled on-time rate of %s: %.2f%%\n", group,
			       eval_round2(100.0 * row->p0));
			table_header(stdout, fcols, NFCOLS);
			head = true;
		}
		eval_funnel_limits(row->c.closed, row->p0, &lo, &hi);
		snprintf(v[0], sizeof(v[0]), "%lld", row->c.closed);
		snprintf(v[1], sizeof(v[1]), "%lld", row->c.ontime);
		num(v[2], sizeof(v[2]), 100.0 * (double)row->c.ontime /
		    (double)row->c.closed);
		num(v[3], sizeof(v[3]), 100.0 * lo);
		num(v[4], sizeof(v[4]), 100.0 * hi);
		cells[0] = row->unit;
		cells[1] = v[0];
		cells[2] = v[1];
		cells[3] = v[2];
		cells[4] = v[3];
		cells[5] = v[4];
		cells[6] = funnel_name(row->funnel);
		cells[7] = row->name;
		table_row(stdout, fcols, NFCOLS, cells);
	}
}

static int run_eval(struct cli *cli, int argc, char **argv)
{
	struct eopts o;
	struct eval_result r;
	struct buf scheme = BUF_INIT;
	const char *sch = NULL;
	long long id;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_eval, eval_opts, &argc, &argv, eopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.period)
		return cli_usage("missing --period for eval");
	if (o.explain && o.publish)
		return cli_usage("--explain and --publish do not go together");
	if (o.funnel && (o.explain || o.publish))
		return cli_usage("--funnel goes with neither --explain nor "
				 "--publish");
	if (o.funnel && !o.group)
		return cli_usage("--funnel needs --group (one peer group)");
	if (o.scheme) {
		if ((rc = cli_read_scheme(o.scheme, &scheme))) {
			buf_release(&scheme);
			return rc;
		}
		sch = scheme.ptr;
	}
	if ((rc = cli_open(cli))) {
		buf_release(&scheme);
		return rc;
	}
	if (o.explain) {
		rc = explain(cli, &o, sch);
		buf_release(&scheme);
		return rc;
	}
	rc = svc_eval(&cli->ctx, o.period, o.group, sch, &r, &cli->err);
	buf_release(&scheme);
	if (rc)
		return cli_fail(cli, &cli->err);
	if (o.funnel) {
		print_funnel(cli, &r, o.group);
		eval_result_release(&r);
		return 0;
	}
	if (o.publish && svc_eval_publish(&cli->ctx, &r, o.group, &id,
					  &cli->err)) {
		eval_result_release(&r);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json)
		jw_arr(cli_json(cli));
	else if (r.norder)
		table_header(stdout, cols, NCOLS);
	for (size_t i = 0; i < r.norder; i++) {
		if (cli->json)
			shape_eval_row(&cli->w, &r.rows[r.order[i]]);
		else
			print_row(&r.rows[r.order[i]]);
	}
	if (cli->json) {
		jw_arr_end(&cli->w);
		cli_json_end(cli);
	}
	if (o.publish)
		fprintf(stderr, "luoshi: published evaluation %lld\n", id);
	eval_result_release(&r);
	return 0;
}

static const struct table_col bcols[] = {
	{ "UNIT", 12, 0 }, { "MONTH", 7, 0 }, { "REPORTS", 8, 1 },
	{ "URGES", 6, 1 }, { "INSPECTIONS", 11, 1 }, { "EVALUATIONS", 11, 1 },
	{ "CAP", 0, 0 },
};

static int run_burden(struct cli *cli, int argc, char **argv)
{
	struct eopts o;
	struct burden b;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_burden, burden_opts, &argc, &argv, eopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_burden(&cli->ctx, o.unit, o.period, &b, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json)
		jw_arr(cli_json(cli));
	else if (b.n)
		table_header(stdout, bcols, 7);
	for (size_t i = 0; i < b.n; i++) {
		const struct burden_row *x = &b.rows[i];
		char v[5][24], m[8];
		const char *cells[7] = { x->unit, month_format(x->month, m),
					 v[0], v[1], v[2], v[3], v[4] };

		if (cli->json) {
			shape_burden_row(&cli->w, x, b.cap);
			continue;
		}
		snprintf(v[0], sizeof(v[0]), "%lld", x->reports);
		snprintf(v[1], sizeof(v[1]), "%lld", x->urges);
		snprintf(v[2], sizeof(v[2]), "%lld", x->inspections);
		snprintf(v[3], sizeof(v[3]), "%lld", x->evaluations);
		snprintf(v[4], sizeof(v[4]), "%d%s", b.cap,
			 x->inspections > b.cap ? " over" : "");
		table_row(stdout, bcols, 7, cells);
	}
	if (cli->json) {
		jw_arr_end(&cli->w);
		cli_json_end(cli);
	}
	burden_release(&b);
	return 0;
}

const struct cli_cmd cmd_eval = {
	.name = "eval",
	.summary = "evaluate and rank units over a period (评价)",
	.usage = eval_usage,
	.run = run_eval,
};

const struct cli_cmd cmd_burden = {
	.name = "burden",
	.summary = "reports, urges, inspections, evaluations per unit (减负)",
	.usage = burden_usage,
	.run = run_burden,
};
