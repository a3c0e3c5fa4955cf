/*
 * luoshi practice add|list|show|promote|from-commendation: the practice
 * library (经验). Every signed-in user reads every practice; see
 * svc/practices.h for who writes what.
 */
#include "cli/cli.h"
#include "svc/practices.h"

#include <string.h>

static const char usage[] =
	"usage: luoshi practice add TITLE --unit CODE --body TEXT "
	"[--tag T]...\n"
	"          [--task ID]... [--goal ID]...\n"
	"       luoshi practice list [--search TEXT] [--tag T] [--unit CODE]\n"
	"          [--promoted]\n"
	"       luoshi practice show ID\n"
	"       luoshi practice promote ID [--note TEXT]\n"
	"       luoshi practice from-commendation MERIT_ID [--title TEXT] "
	"[--body TEXT]\n"
	"          [--tag T]...\n\n"
	"A practice (经验) is a unit's best practice, tagged and linked to\n"
	"tasks and goals; everyone signed in reads every practice. Leaders,\n"
	"supervisors and administrators record practices of units in their\n"
	"subtree; supervisors and administrators promote them into standing\n"
	"mechanisms (上升为制度机制). --search finds a text in title or body\n"
	"(Chinese too; 3+ characters use the full-text index, shorter ones\n"
	"a plain scan); --unit includes the units below it. from-commendation\n"
	"turns a commendation (commend list) into a practice: title from its\n"
	"reason, body the reason, the commended unit, linked back.\n";

const struct cli_cmd cmd_practice;

struct popts {
	const char *unit, *body, *title, *search, *tag, *note;
	bool promoted;
	const char *tags[PRACTICE_MAX_TAGS + 1];
	size_t ntags;
	long long tasks[PRACTICE_MAX_LINKS + 1];
	size_t ntasks;
	long long goals[PRACTICE_MAX_LINKS + 1];
	size_t ngoals;
};

static int many(const char *opt, size_t n, size_t max)
{
	if (n < max + 1)
		return 0;
	return cli_usage("too many %s (at most %zu)", opt, max);
}

static int popt(struct cli *cli, int c, const char *v, void *arg)
{
	struct popts *o = arg;

	(void)cli;
	switch (c) {
	case 'u': o->unit = v; return 0;
	case 'b': o->body = v; return 0;
	case 'T': o->title = v; return 0;
	case 's': o->search = v; return 0;
	case 'n': o->note = v; return 0;
	case 'p': o->promoted = true; return 0;
	case 'g':
		if (many("--tag", o->ntags, PRACTICE_MAX_TAGS))
			return 2;
		o->tags[o->ntags++] = v;
		o->tag = v;
		return 0;
	case 't':
		if (many("--task", o->ntasks, PRACTICE_MAX_LINKS))
			return 2;
		return parse_id(v, "task", &o->tasks[o->ntasks++]);
	case 'G':
		if (many("--goal", o->ngoals, PRACTICE_MAX_LINKS))
			return 2;
		return parse_id(v, "goal", &o->goals[o->ngoals++]);
	}
	return 0;
}

static const struct option add_opts[] = {
	{ "unit", required_argument, NULL, 'u' },
	{ "body", required_argument, NULL, 'b' },
	{ "tag", required_argument, NULL, 'g' },
	{ "task", required_argument, NULL, 't' },
	{ "goal", required_argument, NULL, 'G' },
	{ NULL, 0, NULL, 0 },
};

static const struct option list_opts[] = {
	{ "search", required_argument, NULL, 's' },
	{ "tag", required_argument, NULL, 'g' },
	{ "unit", required_argument, NULL, 'u' },
	{ "promoted", no_argument, NULL, 'p' },
	{ NULL, 0, NULL, 0 },
};

static const struct option promote_opts[] = {
	{ "note", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 },
};

static const struct option from_opts[] = {
	{ "title", required_argument, NULL, 'T' },
	{ "body", required_argument, NULL, 'b' },
	{ "tag", required_argument, NULL, 'g' },
	{ NULL, 0, NULL, 0 },
};

static void input_of(const struct popts *o, struct practice_input *in)
{
	memset(in, 0, sizeof(*in));
	in->title = o->title;
	in->body = o->body;
	in->unit = o->unit;
	in->tags = o->tags;
	in->ntags = o->ntags;
	in->tasks = o->tasks;
	in->ntasks = o->ntasks;
	in->goals = o->goals;
	in->ngoals = o->ngoals;
}

/* The new or changed practice: its id, or the object with --json. */
static int print_one(struct cli *cli, const struct practice *p, bool id)
{
	if (cli->json) {
		shape_practice(cli_json(cli), p);
		cli_json_end(cli);
	} else if (id) {
		printf("%lld\n", p->id);
	} else {
		printf("#%lld %s [%s] promoted at %s by %s\n", p->id,
		       p->title, p->unit, p->promoted_at, p->promoted_by);
	}
	return 0;
}

static int add(struct cli *cli, int argc, char **argv)
{
	struct popts o;
	struct practice_input in;
	struct practice p;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_practice, add_opts, &argc, &argv, popt, &o);
	if (argc != 1)
		return cli_usage("practice add needs one TITLE");
	if (!o.unit || !o.body)
		return cli_usage("practice add needs --unit and --body");
	if ((rc = cli_open(cli)))
		return rc;
	o.title = argv[0];
	input_of(&o, &in);
	practice_init(&p);
	if (svc_practice_add(&cli->ctx, &in, &p, &cli->err))
		rc = cli_fail(cli, &cli->err);
	else
		rc = print_one(cli, &p, true);
	practice_release(&p);
	return rc;
}

static int from_commendation(struct cli *cli, int argc, char **argv)
{
	struct popts o;
	struct practice_input in;
	struct practice p;
	long long id;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_practice, from_opts, &argc, &argv, popt, &o);
	if (argc != 1)
		return cli_usage("practice from-commendation needs one "
				 "MERIT_ID");
	if ((rc = parse_id(argv[0], "commendation", &id)) ||
	    (rc = cli_open(cli)))
		return rc;
	input_of(&o, &in);
	practice_init(&p);
	if (svc_practice_from_merit(&cli->ctx, id, &in, &p, &cli->err))
		rc = cli_fail(cli, &cli->err);
	else
		rc = print_one(cli, &p, true);
	practice_release(&p);
	return rc;
}

static const struct table_col cols[] = {
	{ "ID", 5, 1 }, { "UNIT", 12, 0 }, { "PROMOTED", 8, 0 },
	{ "TAGS", 20, 0 }, { "TITLE", 0, 0 },
};

static int list_one(const struct practice *p, void *arg)
{
	struct cli_list *l = arg;
	struct buf tags = BUF_INIT;
	char id[24];
	const char *cells[5] = { id, p->unit, p->promoted_at ? "yes" : "",
				 NULL, p->title };

	snprintf(id, sizeof(id), "%lld", p->id);
	for (size_t i = 0; i < p->ntags; i++)
		buf_addf(&tags, "%s%s", i ? "," : "", p->tags[i]);
	cells[3] = tags.ptr;
	cli_list_row(l);
	if (l->cli->json)
		shape_practice(&l->cli->w, p);
	else
		table_row(stdout, cols, 5, cells);
	buf_release(&tags);
	return cli_list_next(l);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct popts o;
	struct practice_query q;
	struct cli_list l;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_practice, list_opts, &argc, &argv, popt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (o.ntags > 1)
		return cli_usage("practice list takes one --tag");
	if ((rc = cli_open(cli)))
		return rc;
	memset(&q, 0, sizeof(q));
	q.search = o.search;
	q.tag = o.tag;
	q.unit = o.unit;
	q.promoted_only = o.promoted;
	cli_list_begin(&l, cli, cols, 5);
	if (svc_practice_list(&cli->ctx, &q, list_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static void print_ids(const char *label, const long long *ids, size_t n)
{
	printf("%s", label);
	for (size_t i = 0; i < n; i++)
		printf("%s%lld", i ? ", " : " ", ids[i]);
	printf("%s\n", n ? "" : " -");
}

static void print_practice(const struct practice *p)
{
	printf("#%lld %s\nunit: %s\ntags:", p->id, p->title, p->unit);
	for (size_t i = 0; i < p->ntags; i++)
		printf("%s%s", i ? ", " : " ", p->tags[i]);
	printf("%s\n", p->ntags ? "" : " -");
	print_ids("tasks:", p->tasks, p->ntasks);
	print_ids("goals:", p->goals, p->ngoals);
	if (p->merit_id)
		printf("from commendation: %lld\n", p->merit_id);
	if (p->promoted_at)
		printf("promoted: %s by %s%s%s%s\n", p->promoted_at,
		       p->promoted_by, p->promoted_note ? " (" : "",
		       p->promoted_note ? p->promoted_note : "",
		       p->promoted_note ? ")" : "");
	else
		printf("promoted: no\n");
	printf("recorded: %s by %s\n\n%s\n", p->at, p->by, p->body);
}

static int show_or_promote(struct cli *cli, int argc, char **argv,
			   bool promote)
{
	struct popts o;
	struct practice p;
	long long id;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_practice, promote ? promote_opts : NULL, &argc,
		  &argv, popt, &o);
	if (argc != 1)
		return cli_usage("practice %s takes one ID",
				 promote ? "promote" : "show");
	if ((rc = parse_id(argv[0], "practice", &id)) ||
	    (rc = cli_open(cli)))
		return rc;
	practice_init(&p);
	if (promote ? svc_practice_promote(&cli->ctx, id, o.note, &p,
					   &cli->err) :
	    svc_practice_get(&cli->ctx, id, &p, &cli->err)) {
		rc = cli_fail(cli, &cli->err);
	} else if (promote || cli->json) {
		rc = print_one(cli, &p, false);
	} else {
		print_practice(&p);
	}
	practice_release(&p);
	return rc;
}

static int show(struct cli *cli, int argc, char **argv)
{
	return show_or_promote(cli, argc, argv, false);
}

static int promote(struct cli *cli, int argc, char **argv)
{
	return show_or_promote(cli, argc, argv, true);
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "list", list }, { "show", show },
		{ "promote", promote },
		{ "from-commendation", from_commendation },
		{ NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_practice, subs, argc, argv);
}

const struct cli_cmd cmd_practice = {
	.name = "practice",
	.summary = "the practice library (经验): add, search, promote",
	.usage = usage,
	.run = run,
};
