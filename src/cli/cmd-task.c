/*
 * luoshi task ...: create, list, show and act on tasks (SPEC §3). Every
 * rule is in svc/ and core/; this file parses arguments and prints.
 */
#include "cli/cli.h"
#include "cli/table.h"
#include "cli/task_print.h"
#include "svc/tasks.h"
#include "util/date.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi task add TITLE --lead CODE (--due DATE | --within N[wd]"
	" | --daily)\n"
	"           [--start DATE] [--co CODE,...] [--owner LOGIN] "
	"[--leader LOGIN]\n"
	"           [--goal ID] [--source TEXT] [--important] [--key]\n"
	"           [--description TEXT]\n"
	"       luoshi task list [--unit CODE] [--light L] [--status S] "
	"[--quadrant Q]\n"
	"           [--owner LOGIN] [--key] [--due-before DATE] [--goal ID]\n"
	"           [--search TEXT]\n"
	"       luoshi task show ID\n"
	"       luoshi task ack|submit|close ID [--note TEXT]\n"
	"       luoshi task report ID --percent P [--note TEXT] "
	"[--evidence FILE]...\n"
	"       luoshi task reject|reopen|cancel ID --reason TEXT\n"
	"       luoshi task urge|instruct ID --note TEXT\n"
	"       luoshi task extend ID --to DATE --reason TEXT\n"
	"       luoshi task risk ID --description TEXT --plan TEXT "
	"[--level low|medium|high]\n\n"
	"--within 5wd is five working days after today (see 'luoshi calendar'"
	");\n--within 5 or 5d is five calendar days. --daily makes a 当日事 due"
	" today.\nActions accept --if-version V: the task must still have"
	" version V\n(else exit 5 and nothing changes).\n"
	"Status: open → doing (ack or first report) → review (submit) → done"
	"\n(close); review → doing (reject); done → doing (reopen); any live"
	" task →\ncancelled. Lights: red, yellow, green, done, late, none."
	" Quadrants Q1-Q4.\n";

const struct cli_cmd cmd_task;

#define MAX_EVIDENCE 32

struct topts {
	struct task_input in;
	struct task_query q;
	struct task_args a;
	const char *evidence[MAX_EVIDENCE];
};

enum {
	O_LEAD = 256, O_DUE, O_WITHIN, O_DAILY, O_START, O_CO, O_OWNER,
	O_LEADER, O_GOAL, O_SOURCE, O_IMPORTANT, O_KEY, O_DESCRIPTION,
	O_UNIT, O_LIGHT, O_STATUS, O_QUADRANT, O_DUE_BEFORE, O_SEARCH,
	O_PERCENT, O_NOTE, O_EVIDENCE, O_REASON, O_TO, O_PLAN, O_LEVEL,
	O_IF_VERSION,
};

static int within(struct topts *o, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (end == v || n < 0 || n > 3650 ||
	    (*end && strcmp(end, "wd") && strcmp(end, "d")))
		return cli_usage("invalid value '%s' for --within (e.g. 5wd "
				 "for working days, 5d for days)", v);
	o->in.within = (int)n;
	o->in.within_workdays = !strcmp(end, "wd");
	return 0;
}

static int status_mask(struct task_query *q, const char *v)
{
	enum task_status st;

	if (!task_status_parse(v, &st))
		return cli_usage("invalid status '%s' for --status (open, "
				 "doing, review, done, cancelled)", v);
	q->f.status_mask |= 1u << st;
	return 0;
}

int task_filter_opt(struct task_query *q, int c, const char *v)
{
	long long n;
	int rc = 0;

	switch (c) {
	case O_UNIT: q->unit = v; break;
	case O_OWNER: q->f.owner = v; break;
	case O_KEY: q->f.key_only = true; break;
	case O_GOAL:
		rc = parse_id(v, "goal", &n);
		q->f.goal_id = n;
		break;
	case O_LIGHT:
		if (!light_parse(v, &q->light))
			return cli_usage("invalid light '%s' for --light (red, "
					 "yellow, green, done, late, none)", v);
		q->has_light = true;
		break;
	case O_STATUS:
		rc = status_mask(q, v);
		break;
	case O_QUADRANT:
		if (!(q->quadrant = quadrant_parse(v)))
			return cli_usage("invalid quadrant '%s' for --quadrant"
					 " (Q1, Q2, Q3, Q4)", v);
		break;
	case O_DUE_BEFORE:
		rc = parse_date(v, "--due-before", &q->f.due_before);
		break;
	case O_SEARCH: q->f.search = v; break;
	}
	return rc;
}

static int topt(struct cli *cli, int c, const char *v, void *arg)
{
	struct topts *o = arg;
	long long n;
	int rc = 0;

	(void)cli;
	switch (c) {
	case O_LEAD: o->in.lead = v; break;
	case O_DUE: rc = parse_date(v, "--due", &o->in.due); break;
	case O_WITHIN: rc = within(o, v); break;
	case O_DAILY: o->in.daily = true; break;
	case O_START: rc = parse_date(v, "--start", &o->in.start); break;
	case O_CO: o->in.co = v; break;
	case O_OWNER:
		o->in.owner = v;
		rc = task_filter_opt(&o->q, c, v);
		break;
	case O_LEADER: o->in.leader = v; break;
	case O_GOAL:
		rc = task_filter_opt(&o->q, c, v);
		o->in.goal_id = o->q.f.goal_id;
		break;
	case O_SOURCE: o->in.source = v; break;
	case O_IMPORTANT: o->in.important = true; break;
	case O_KEY:
		o->in.key = true;
		rc = task_filter_opt(&o->q, c, v);
		break;
	case O_DESCRIPTION: o->in.description = o->a.description = v; break;
	case O_UNIT: case O_LIGHT: case O_STATUS: case O_QUADRANT:
	case O_DUE_BEFORE: case O_SEARCH:
		rc = task_filter_opt(&o->q, c, v);
		break;
	case O_PERCENT:
		rc = parse_ll(v, "--percent", 0, 100, &n);
		o->a.percent = (int)n;
		break;
	case O_NOTE: o->a.note = v; break;
	case O_EVIDENCE:
		if (o->a.nevidence >= MAX_EVIDENCE)
			return cli_usage("too many --evidence files (at most "
					 "%d)", MAX_EVIDENCE);
		o->evidence[o->a.nevidence++] = v;
		break;
	case O_REASON: o->a.reason = v; break;
	case O_TO: rc = parse_date(v, "--to", &o->a.to_due); break;
	case O_PLAN: o->a.plan = v; break;
	case O_LEVEL: o->a.level = v; break;
	case O_IF_VERSION:
		rc = parse_ll(v, "--if-version", 1, 1LL << 53,
			      &o->a.if_version);
		break;
	}
	return rc;
}

static void topts_init(struct topts *o)
{
	task_input_init(&o->in);
	task_query_init(&o->q);
	task_args_init(&o->a);
	o->a.evidence = o->evidence;
}

#define OPT(name, has, val) { name, has, NULL, val }

static const struct option add_opts[] = {
	OPT("lead", 1, O_LEAD), OPT("due", 1, O_DUE),
	OPT("within", 1, O_WITHIN), OPT("daily", 0, O_DAILY),
	OPT("start", 1, O_START), OPT("co", 1, O_CO),
	OPT("owner", 1, O_OWNER), OPT("leader", 1, O_LEADER),
	OPT("goal", 1, O_GOAL), OPT("source", 1, O_SOURCE),
	OPT("important", 0, O_IMPORTANT), OPT("key", 0, O_KEY),
	OPT("description", 1, O_DESCRIPTION), OPT(NULL, 0, 0),
};

const struct option task_filter_opts[TASK_NFILTER_OPTS + 1] = {
	OPT("unit", 1, O_UNIT), OPT("light", 1, O_LIGHT),
	OPT("status", 1, O_STATUS), OPT("quadrant", 1, O_QUADRANT),
	OPT("owner", 1, O_OWNER), OPT("key", 0, O_KEY),
	OPT("due-before", 1, O_DUE_BEFORE), OPT("goal", 1, O_GOAL),
	OPT("search", 1, O_SEARCH), OPT(NULL, 0, 0),
};

static int print_one(struct cli *cli, const struct task *t)
{
	struct task_view v;

	if (cli->json) {
		task_view_of(&v, t, cli->ctx.today, &cli->ctx.settings);
		shape_task(cli_json(cli), t, &v);
		cli_json_end(cli);
	}
	return 0;
}

static int add(struct cli *cli, int argc, char **argv)
{
	struct topts o;
	struct task t;
	int rc;

	topts_init(&o);
	CLI_PARSE(cli, &cmd_task, add_opts, &argc, &argv, topt, &o);
	if (argc != 1)
		return cli_usage("task add needs one TITLE (quote it)");
	o.in.title = argv[0];
	if ((rc = cli_open(cli)))
		return rc;
	task_init(&t);
	if (svc_task_add(&cli->ctx, &o.in, &t, &cli->err)) {
		task_release(&t);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json)
		print_one(cli, &t);
	else
		printf("%lld\n", t.id);
	task_release(&t);
	return 0;
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct cli_list l;
	struct topts o;
	int rc;

	topts_init(&o);
	CLI_PARSE(cli, &cmd_task, task_filter_opts, &argc, &argv, topt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	o.q.limit = cli->limit;
	task_print_begin(&l, cli);
	if (svc_task_list(&cli->ctx, &o.q, task_print_row, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int show(struct cli *cli, int argc, char **argv)
{
	struct task t;
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_task, NULL, &argc, &argv, NULL, NULL);
	if (argc != 1)
		return cli_usage("task show needs one ID");
	if ((rc = parse_id(argv[0], "task", &id)) || (rc = cli_open(cli)))
		return rc;
	task_init(&t);
	if (svc_task_get(&cli->ctx, id, &t, &cli->err)) {
		task_release(&t);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json)
		print_one(cli, &t);
	else
		rc = task_print_detail(cli, &t);
	task_release(&t);
	return rc;
}

static const struct option note_opts[] = {
	OPT("note", 1, O_NOTE), OPT("if-version", 1, O_IF_VERSION),
	OPT(NULL, 0, 0),
};
static const struct option report_opts[] = {
	OPT("percent", 1, O_PERCENT), OPT("note", 1, O_NOTE),
	OPT("evidence", 1, O_EVIDENCE), OPT("if-version", 1, O_IF_VERSION),
	OPT(NULL, 0, 0),
};
static const struct option reason_opts[] = {
	OPT("reason", 1, O_REASON), OPT("if-version", 1, O_IF_VERSION),
	OPT(NULL, 0, 0),
};
static const struct option extend_opts[] = {
	OPT("to", 1, O_TO), OPT("reason", 1, O_REASON),
	OPT("if-version", 1, O_IF_VERSION), OPT(NULL, 0, 0),
};
static const struct option risk_opts[] = {
	OPT("description", 1, O_DESCRIPTION), OPT("plan", 1, O_PLAN),
	OPT("level", 1, O_LEVEL), OPT("if-version", 1, O_IF_VERSION),
	OPT(NULL, 0, 0),
};

static const struct {
	const char *name;
	enum task_action action;
	const struct option *opts;
	const char *done;	/* past tense for the confirmation */
} actions[] = {
	{ "ack", TASK_ACK, note_opts, "acknowledged" },
	{ "report", TASK_REPORT, report_opts, "reported" },
	{ "submit", TASK_SUBMIT, note_opts, "submitted for review" },
	{ "close", TASK_CLOSE, note_opts, "closed" },
	{ "reject", TASK_REJECT, reason_opts, "rejected" },
	{ "reopen", TASK_REOPEN, reason_opts, "reopened" },
	{ "cancel", TASK_CANCEL, reason_opts, "cancelled" },
	{ "urge", TASK_URGE, note_opts, "urged" },
	{ "instruct", TASK_INSTRUCT, note_opts, "instructed" },
	{ "extend", TASK_EXTEND, extend_opts, "extended" },
	{ "risk", TASK_RISK, risk_opts, "risk recorded" },
};

static int act(struct cli *cli, int argc, char **argv)
{
	struct topts o;
	struct task t;
	long long id;
	size_t i = 0;
	int rc;

	while (strcmp(actions[i].name, argv[0]))
		i++;
	topts_init(&o);
	CLI_PARSE(cli, &cmd_task, actions[i].opts, &argc, &argv, topt, &o);
	if (argc != 1)
		return cli_usage("task %s needs one task ID", actions[i].name);
	if ((rc = parse_id(argv[0], "task", &id)) || (rc = cli_open(cli)))
		return rc;
	task_init(&t);
	if (svc_task_act(&cli->ctx, id, actions[i].action, &o.a, &t,
			 &cli->err)) {
		task_release(&t);
		return cli_fail(cli, &cli->err);
	}
	if (cli->json)
		print_one(cli, &t);
	else
		printf("task %lld %s: %s, %d%%, due %s (version %lld)\n", id,
		       actions[i].done, task_status_name(t.status), t.percent,
		       date_format(t.due, (char[DATE_STRLEN]){ 0 }),
		       t.version);
	task_release(&t);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "list", list }, { "show", show },
		{ "ack", act }, { "report", act }, { "submit", act },
		{ "close", act }, { "reject", act }, { "reopen", act },
		{ "cancel", act }, { "urge", act }, { "instruct", act },
		{ "extend", act }, { "risk", act }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_task, subs, argc, argv);
}

const struct cli_cmd cmd_task = {
	.name = "task",
	.summary = "add, list, show and act on tasks (工作任务)",
	.usage = usage,
	.run = run,
};
