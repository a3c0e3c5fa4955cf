/*
 * luoshi cadre rate|ratings|grade|show: cadre assessment (干部考核).
 * Parsing and printing only: svc/cadre*.c decides who may rate and see
 * what, core/cadre.c computes every number.
 */
#include "cli/cli.h"
#include "cli/table.h"
#include "svc/cadre.h"
#include "util/date.h"

#include <math.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi cadre rate LOGIN --period P [--rater LOGIN] --type "
	"TYPE\n"
	"              --political N --competence N --responsibility N\n"
	"              --struggle N --conduct N [--veto REASON]\n"
	"       luoshi cadre ratings --period P\n"
	"       luoshi cadre grade --period P [--unit CODE]\n"
	"       luoshi cadre show LOGIN --period P\n\n"
	"Periods: 2026, 2026-Q3 or 2026-11. TYPE: superior, peer, subordinate\n"
	"or public. Scores are integers 0..100, all five required.\n\n"
	"rate     records the ballot of --rater (default: you) on LOGIN;\n"
	"         rating again replaces it. Anyone but a viewer rates as\n"
	"         themselves, never themselves; admin and supervisor also\n"
	"         record paper ballots of raters in their scope.\n"
	"ratings  your own ballots of the period.\n"
	"grade    everyone assessed (rated at least once) in the period in\n"
	"         your scope, or only you without the right to read others'\n"
	"         assessments (staff, viewer); sorted by unit, then score\n"
	"         descending, then login. --unit: that unit and below.\n"
	"show     one person's score, grade, why, the tasks counted and, for\n"
	"         readers other than the person, the ballots by rater type.\n\n"
	"rater score = (20 political + 25 competence + 20 responsibility +\n"
	"  15 struggle + 20 conduct) / 100\n"
	"rating = Σ type weight × mean rater score of the type / Σ weights\n"
	"  of the types present (superior 40, peer 30, subordinate 20,\n"
	"  public 10)\n"
	"performance = owned tasks due in the period closed on or before\n"
	"  due / owned tasks due in the period (not cancelled) × 100\n"
	"score = 0.7 rating + 0.3 performance (rating alone without tasks)\n"
	"grade: ≥ 90 excellent, ≥ 70 competent, ≥ 60 basic, else\n"
	"  incompetent; at most floor(n / 5) excellent per unit of n assessed\n"
	"  (ties that would exceed it all fall to competent); a veto makes\n"
	"  the grade incompetent.\n";

const struct cli_cmd cmd_cadre;

struct copts {
	const char *period;
	const char *unit;
	struct rating r;
	const char *type;
	bool has[CADRE_NDIM];
};

static int copt(struct cli *cli, int c, const char *v, void *arg)
{
	struct copts *o = arg;
	long long n;
	char opt[32];
	int rc;

	(void)cli;
	if (c >= '0' && c < '0' + CADRE_NDIM) {
		snprintf(opt, sizeof(opt), "--%s",
			 cadre_dim_name((enum cadre_dim)(c - '0')));
		if ((rc = parse_ll(v, opt, 0, 100, &n)))
			return rc;
		o->r.score[c - '0'] = (int)n;
		o->has[c - '0'] = true;
		return 0;
	}
	switch (c) {
	case 'p': o->period = v; return 0;
	case 'u': o->unit = v; return 0;
	case 'r': o->r.rater = v; return 0;
	case 't': o->type = v; return 0;
	case 'v': o->r.veto = v; return 0;
	}
	return 0;
}

static const struct option rate_opts[] = {
	{ "period", required_argument, NULL, 'p' },
	{ "rater", required_argument, NULL, 'r' },
	{ "type", required_argument, NULL, 't' },
	{ "political", required_argument, NULL, '0' + CADRE_POLITICAL },
	{ "competence", required_argument, NULL, '0' + CADRE_COMPETENCE },
	{ "responsibility", required_argument, NULL,
	  '0' + CADRE_RESPONSIBILITY },
	{ "struggle", required_argument, NULL, '0' + CADRE_STRUGGLE },
	{ "conduct", required_argument, NULL, '0' + CADRE_CONDUCT },
	{ "veto", required_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 },
};

static const struct option period_opts[] = {
	{ "period", required_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 },
};

static const struct option grade_opts[] = {
	{ "period", required_argument, NULL, 'p' },
	{ "unit", required_argument, NULL, 'u' },
	{ NULL, 0, NULL, 0 },
};

static void copts_init(struct copts *o)
{
	memset(o, 0, sizeof(*o));
	rating_init(&o->r);
}

static int rate(struct cli *cli, int argc, char **argv)
{
	struct copts o;
	bool replaced;
	int rc;

	copts_init(&o);
	CLI_PARSE(cli, &cmd_cadre, rate_opts, &argc, &argv, copt, &o);
	if (argc != 1)
		return cli_usage("cadre rate needs one LOGIN");
	if (!o.period)
		return cli_usage("missing --period for cadre rate");
	if (!o.type)
		return cli_usage("missing --type for cadre rate (superior, "
				 "peer, subordinate or public)");
	if (!rater_type_parse(o.type, &o.r.type))
		return cli_usage("invalid rater type '%s' for --type "
				 "(superior, peer, subordinate or public)",
				 o.type);
	for (int d = 0; d < CADRE_NDIM; d++)
		if (!o.has[d])
			return cli_usage("missing --%s for cadre rate (a "
					 "score 0..100)",
					 cadre_dim_name((enum cadre_dim)d));
	o.r.login = argv[0];
	o.r.period = o.period;
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_cadre_rate(&cli->ctx, &o.r, &replaced, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		shape_rating(cli_json(cli), &o.r, true);
		cli_json_end(cli);
	} else {
		printf("%lld\n", o.r.id);
	}
	return 0;
}

static void num(char *out, size_t n, double v)
{
	if (isnan(v))
		snprintf(out, n, "-");
	else
		snprintf(out, n, "%.2f", v);
}

static const struct table_col rating_cols[] = {
	{ "LOGIN", 12, 0 }, { "TYPE", 11, 0 }, { "POL", 3, 1 },
	{ "COMP", 4, 1 }, { "RESP", 4, 1 }, { "STRG", 4, 1 },
	{ "COND", 4, 1 }, { "SCORE", 6, 1 }, { "VETO", 0, 0 },
};

static int rating_row(const struct rating *r, void *arg)
{
	struct cli_list *l = arg;
	char sc[CADRE_NDIM][8], score[16];
	const char *cells[9];

	cli_list_row(l);
	if (l->cli->json) {
		shape_rating(&l->cli->w, r, true);
		return cli_list_next(l);
	}
	cells[0] = r->login;
	cells[1] = rater_type_name(r->type);
	for (int d = 0; d < CADRE_NDIM; d++) {
		snprintf(sc[d], sizeof(sc[d]), "%d", r->score[d]);
		cells[2 + d] = sc[d];
	}
	num(score, sizeof(score), cadre_rater_score(r->score));
	cells[7] = score;
	cells[8] = r->veto;
	table_row(stdout, rating_cols, 9, cells);
	return cli_list_next(l);
}

static int ratings(struct cli *cli, int argc, char **argv)
{
	struct copts o;
	struct cli_list l;
	int rc;

	copts_init(&o);
	CLI_PARSE(cli, &cmd_cadre, period_opts, &argc, &argv, copt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.period)
		return cli_usage("missing --period for cadre ratings");
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, rating_cols, 9);
	if (svc_cadre_ratings(&cli->ctx, o.period, rating_row, &l,
			      &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static const struct table_col grade_cols[] = {
	{ "UNIT", 12, 0 }, { "LOGIN", 12, 0 }, { "RATING", 6, 1 },
	{ "PERF", 6, 1 }, { "SCORE", 6, 1 }, { "GRADE", 11, 0 },
	{ "NAME", 12, 0 }, { "VETO", 0, 0 },
};

static int grade(struct cli *cli, int argc, char **argv)
{
	struct copts o;
	struct cadre_board b;
	struct cli_list l;
	int rc;

	copts_init(&o);
	CLI_PARSE(cli, &cmd_cadre, grade_opts, &argc, &argv, copt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.period)
		return cli_usage("missing --period for cadre grade");
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_cadre_grade(&cli->ctx, o.period, o.unit, &b, &cli->err)) {
		cadre_board_release(&b);
		return cli_fail(cli, &cli->err);
	}
	cli_list_begin(&l, cli, grade_cols, 8);
	for (size_t i = 0; i < b.n; i++) {
		const struct cadre_row *r = &b.rows[i];
		char rt[16], pf[16], sc[16];
		const char *cells[8] = {
			r->unit, r->login, rt, pf, sc,
			cadre_grade_name(r->mark.grade), r->name, r->veto,
		};

		cli_list_row(&l);
		if (cli->json) {
			shape_cadre_row(&cli->w, r);
		} else {
			num(rt, sizeof(rt), r->rating);
			num(pf, sizeof(pf), r->performance);
			num(sc, sizeof(sc), r->score);
			table_row(stdout, grade_cols, 8, cells);
		}
		if (cli_list_next(&l))
			break;
	}
	cli_list_end(&l);
	cadre_board_release(&b);
	return 0;
}

static void print_why(const struct cadre_row *r)
{
	char s[16];

	num(s, sizeof(s), r->score);
	switch (r->mark.basis) {
	case BASIS_VETO:
		printf("why: vetoed (一票否决): %s\n", r->veto);
		break;
	case BASIS_QUOTA:
		printf("why: score %s ≥ 90, but the unit's excellent quota "
		       "is %d (floor(%d / 5)) and is taken by higher or tied "
		       "scores\n", s, r->quota, r->assessed);
		break;
	case BASIS_SCORE:
		if (r->mark.grade == GRADE_EXCELLENT)
			printf("why: score %s ≥ 90, within the unit's "
			       "excellent quota of %d (floor(%d / 5))\n", s,
			       r->quota, r->assessed);
		else
			printf("why: score %s (≥ 90 excellent, ≥ 70 "
			       "competent, ≥ 60 basic)\n", s);
		break;
	}
}

static void print_inputs(const struct cadre_acc *a)
{
	char mean[16], share[16], dm[CADRE_NDIM][16];

	printf("ballots by rater type (weight → share of the present "
	       "types):\n");
	for (int t = 0; t < RATER_NTYPE; t++) {
		enum rater_type rt = (enum rater_type)t;

		num(share, sizeof(share), 100 * cadre_type_share(a, rt));
		num(mean, sizeof(mean), cadre_round2(cadre_type_mean(a, rt)));
		for (int d = 0; d < CADRE_NDIM; d++)
			num(dm[d], sizeof(dm[d]),
			    cadre_round2(cadre_dim_mean(a, rt,
							(enum cadre_dim)d)));
		printf("  %-11s %2d → %6s%%  raters %d  mean %s  (political "
		       "%s, competence %s, responsibility %s, struggle %s, "
		       "conduct %s)\n", rater_type_name(rt),
		       rater_type_weight(rt), share, a->n[t], mean, dm[0],
		       dm[1], dm[2], dm[3], dm[4]);
	}
}

static void print_page(const struct cadre_page *p)
{
	const struct cadre_row *r = p->row;
	char rt[16], pf[16], sc[16], due[DATE_STRLEN], closed[DATE_STRLEN];

	num(rt, sizeof(rt), r->rating);
	num(pf, sizeof(pf), r->performance);
	num(sc, sizeof(sc), r->score);
	printf("%s %s [%s] %s\n", r->login, r->name, r->unit, p->period);
	printf("grade %s, score %s = ", cadre_grade_name(r->mark.grade), sc);
	if (isnan(r->performance))
		printf("rating %s (no owned tasks)\n", rt);
	else
		printf("0.7 × rating %s + 0.3 × performance %s\n", rt, pf);
	print_why(r);
	printf("assessed in %s: %d, excellent quota %d\n", r->unit,
	       r->assessed, r->quota);
	if (p->inputs)
		print_inputs(&r->acc);
	printf("owned tasks due in %s: %lld, on time %lld\n", p->period,
	       r->owned, r->ontime);
	for (size_t i = 0; i < p->ntasks; i++)
		printf("  #%lld due %s closed %s  %s  %s\n", p->tasks[i].id,
		       date_format(p->tasks[i].due, due),
		       p->tasks[i].closed_on == DATE_NONE ? "-" :
		       date_format(p->tasks[i].closed_on, closed),
		       p->tasks[i].on_time ? "on time" : "not on time",
		       p->tasks[i].title);
}

static int show(struct cli *cli, int argc, char **argv)
{
	struct copts o;
	struct cadre_page p;
	int rc;

	copts_init(&o);
	CLI_PARSE(cli, &cmd_cadre, period_opts, &argc, &argv, copt, &o);
	if (argc != 1)
		return cli_usage("cadre show needs one LOGIN");
	if (!o.period)
		return cli_usage("missing --period for cadre show");
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_cadre_show(&cli->ctx, argv[0], o.period, &p, &cli->err)) {
		cadre_page_release(&p);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json) {
		shape_cadre_page(cli_json(cli), &p);
		cli_json_end(cli);
	} else {
		print_page(&p);
	}
	cadre_page_release(&p);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "rate", rate }, { "ratings", ratings }, { "grade", grade },
		{ "show", show }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_cadre, subs, argc, argv);
}

const struct cli_cmd cmd_cadre = {
	.name = "cadre",
	.summary = "rate and grade cadres (干部考核)",
	.usage = usage,
	.run = run,
};
