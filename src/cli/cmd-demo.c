/*
 * luoshi demo: seeds a fictional city into a new database (svc/demo.c does
 * the seeding) and tells how to explore it. A database that already exists
 * is never touched; a failed seeding removes the file it created.
 */
#include "cli/cli.h"
#include "http/server.h"
#include "util/module.h"
#include "svc/demo.h"
#include "util/date.h"
#include "util/xmalloc.h"

#include <ftw.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: luoshi [--db PATH] demo [--scale N] [--seed S]\n"
	"                               [--serve[=ADDR:PORT]]\n\n"
	"Creates a new database and seeds a demo city into it: 哈尔滨市 with\n"
	"its districts and departments, users, the holiday calendar, goals\n"
	"with indicators and monthly plans and actuals, and about N tasks\n"
	"walked through their life cycle (acknowledgements, progress reports\n"
	"with evidence, milestones, urges, instructions, extensions, risks,\n"
	"rejections, reopenings) over the three months before the reference\n"
	"day (--today), so that on that day there are tasks in every status\n"
	"and every light. The evaluation system too: inspections of every\n"
	"district each quarter and special ones, with rectification tasks\n"
	"(道外区 reaches the inspection cap once), commendations and\n"
	"accountability, the quarter before the reference day's evaluated and\n"
	"published by wang, and the cadre assessment of the year (道里区: six\n"
	"assessed, one excellent place, a veto). The policy system: twelve\n"
	"policies, some closing within 14 days, some landed with the value\n"
	"secured, one missed; and ten practices, two promoted, two made\n"
	"from commendations. Every row goes through the\n"
	"same validation and audit trail as a user's. The same seed and\n"
	"reference day give the same city; its people, figures and tasks are\n"
	"invented.\n\n"
	"Options:\n"
	"  --scale N   about N tasks, 10..200000 (default 200)\n"
	"  --seed S    seed of the city's random choices (default 1)\n"
	"  --serve[=ADDR:PORT]  then serve it (default 127.0.0.1:8080)\n\n"
	"The database must not exist yet (exit status 5 if it does). Every\n"
	"demo user has the password demo12345: admin (administrator), wang\n"
	"(supervisor of the whole city), chen (city leader), li (leader of\n"
	"道里区), zhang (staff of 道里区), liu (viewer), one staff member per\n"
	"district and department, and xu, feng (leaders), cao, deng (staff)\n"
	"of 道里区, assessed with li and zhang.\n";

const struct cli_cmd cmd_demo;

struct demo_opts {
	long long scale;
	long long seed;
	const char *serve;	/* --serve [ADDR:PORT] */
};

static int opt(struct cli *cli, int c, const char *v, void *arg)
{
	struct demo_opts *o = arg;

	(void)cli;
	if (c == 'v') {
		o->serve = v ? v : "127.0.0.1:8080";
		return 0;
	}
	if (c == 's')
		return parse_ll(v, "--scale", DEMO_SCALE_MIN, DEMO_SCALE_MAX,
				&o->scale);
	return parse_ll(v, "--seed", 0, LLONG_MAX, &o->seed);
}

static bool is_file(const char *db)
{
	return strncmp(db, "postgresql://", 13) &&
	       strncmp(db, "postgres://", 11);
}

static int remove_one(const char *path, const struct stat *sb, int flag,
		      struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Removes what a failed seeding left of a database it created. */
static void remove_db(const char *db, const char *files, bool files_existed)
{
	static const char *const suffixes[] = {
		"", "-journal", "-wal", "-shm", NULL,
	};

	for (int i = 0; suffixes[i]; i++) {
		char *p = xasprintf("%s%s", db, suffixes[i]);

		unlink(p);
		free(p);
	}
	if (files && !files_existed)
		nftw(files, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static const char *const status_names[TASK_NSTATUS] = {
	"open", "doing", "review", "done", "cancelled",
};

/* Lights in the order people read them. */
static const enum light light_order[LIGHT_N] = {
	LIGHT_RED, LIGHT_YELLOW, LIGHT_GREEN, LIGHT_DONE, LIGHT_LATE,
	LIGHT_NONE,
};

static void print_json(struct cli *cli, const struct demo_stats *st,
		       const struct demo_opts *o)
{
	static const char *const logins[][2] = {
		{ "admin", "admin" }, { "wang", "supervisor" },
		{ "zhang", "staff" },
	};
	struct jw *w = cli_json(cli);

	jw_obj(w);
	jw_kstr(w, "db", cli->db);
	jw_kdate(w, "today", cli->ctx.today);
	jw_kint(w, "scale", o->scale);
	jw_kint(w, "seed", o->seed);
	jw_kint(w, "units", st->units);
	jw_kint(w, "users", st->users);
	jw_kint(w, "goals", st->goals);
	jw_kint(w, "indicators", st->indicators);
	jw_kint(w, "tasks", st->tasks);
	jw_kint(w, "reports", st->reports);
	jw_kint(w, "evidence", st->evidence);
	jw_kint(w, "milestones", st->milestones);
	jw_kint(w, "urges", st->urges);
	jw_kint(w, "instructions", st->instructions);
	jw_kint(w, "extensions", st->extensions);
	jw_kint(w, "risks", st->risks);
	jw_kint(w, "inspections", st->inspections);
	jw_kint(w, "rectifications", st->rectifications);
	jw_kint(w, "commendations", st->commendations);
	jw_kint(w, "accountabilities", st->accountabilities);
	jw_kint(w, "evaluations", st->evaluations);
	jw_kint(w, "ballots", st->ballots);
	jw_kint(w, "policies", st->policies);
	jw_kint(w, "practices", st->practices);
	jw_kint(w, "promoted", st->promoted);
	jw_kstr(w, "eval_period", *st->eval_period ? st->eval_period : NULL);
	jw_kstr(w, "cadre_period", st->cadre_period);
	jw_key(w, "status");
	jw_obj(w);
	for (int i = 0; i < TASK_NSTATUS; i++)
		jw_kint(w, status_names[i], st->status[i]);
	jw_obj_end(w);
	jw_key(w, "light");
	jw_obj(w);
	for (int i = 0; i < LIGHT_N; i++)
		jw_kint(w, light_name(light_order[i]),
			st->light[light_order[i]]);
	jw_obj_end(w);
	jw_kstr(w, "password", DEMO_PASSWORD);
	jw_key(w, "logins");
	jw_arr(w);
	for (size_t i = 0; i < sizeof(logins) / sizeof(logins[0]); i++) {
		jw_obj(w);
		jw_kstr(w, "login", logins[i][0]);
		jw_kstr(w, "role", logins[i][1]);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
	cli_json_end(cli);
}

static void print_text(struct cli *cli, const struct demo_stats *st,
		       const struct demo_opts *o)
{
	static const char *const hints[] = {
		"board", "--as wang next", "--as zhang today", "goal tree",
		"task show 1", NULL,
	};
	char day[DATE_STRLEN], *prefix;

	date_format(cli->ctx.today, day);
	printf("seeded the demo city 哈尔滨市 into %s (reference day %s, "
	       "seed %lld):\n", cli->db, day, o->seed);
	printf("  %lld units, %lld users, %lld goals, %lld indicators, "
	       "%lld tasks\n", st->units, st->users, st->goals,
	       st->indicators, st->tasks);
	printf("  %lld progress reports (%lld with evidence), %lld "
	       "milestones, %lld urges,\n  %lld instructions, %lld "
	       "extensions, %lld risks, %lld rejections, %lld reopenings\n",
	       st->reports, st->evidence, st->milestones, st->urges,
	       st->instructions, st->extensions, st->risks, st->rejections,
	       st->reopens);
	printf("  %lld inspections (%lld rectification tasks), %lld "
	       "commendations,\n  %lld accountability records, %lld published "
	       "evaluations, %lld cadre ballots\n", st->inspections,
	       st->rectifications, st->commendations, st->accountabilities,
	       st->evaluations, st->ballots);
	printf("  %lld policies, %lld practices (%lld promoted)\n",
	       st->policies, st->practices, st->promoted);
	printf("tasks on %s by status:", day);
	for (int i = 0; i < TASK_NSTATUS; i++)
		printf("%s %s %lld", i ? "," : "", status_names[i],
		       st->status[i]);
	printf("\n%*s by light:  ", (int)strlen(day) + 9, "");
	for (int i = 0; i < LIGHT_N; i++)
		printf("%s%s %lld", i ? ", " : "", light_name(light_order[i]),
		       st->light[light_order[i]]);
	printf("\n\nlog in with the password %s as:\n"
	       "  admin   系统管理员, administrator\n"
	       "  wang    王督查, supervisor of the whole city\n"
	       "  zhang   张伟, staff of 道里区\n"
	       "  (also chen and li, leaders; liu, viewer; see 'luoshi demo "
	       "--help')\n\nexplore it:\n", DEMO_PASSWORD);
	/* with --today the picture only holds on that day */
	prefix = cli->today ? xasprintf("luoshi --db %s --today %s", cli->db,
					day) :
		xasprintf("luoshi --db %s", cli->db);
	for (int i = 0; hints[i]; i++)
		printf("  %s %s\n", prefix, hints[i]);
	if (*st->eval_period)
		printf("  %s eval --period %s --group district\n", prefix,
		       st->eval_period);
	printf("  %s burden --unit HRB-DW\n", prefix);
	printf("  %s cadre grade --period %s\n", prefix, st->cadre_period);
	printf("  %s policy list --closing\n", prefix);
	printf("  %s practice list --promoted\n", prefix);
	free(prefix);
}

/* --serve: serve the new city at once (what `make demo` does). */
static int serve(struct cli *cli, const char *listen)
{
	struct server_opts so = {
		.db = cli->db, .listen = listen, .threads = 4,
		.max_body = 1 << 20, .max_upload = 64LL << 20,
	};
	const struct http_module *http = module_api(MODULE_HTTP, &cli->err);
	int rc;

	if (!http)
		return cli_fail(cli, &cli->err);
	ctx_close(&cli->ctx);
	cli->opened = false;
	if (cli->today)	/* the server reads the clock per request */
		setenv("LUOSHI_TODAY", cli->today, 1);
	printf("\nopen http://%s/ and log in as wang (or zhang, admin) with "
	       "demo12345;\nthe API is under /api/v1. Stop with ^C.\n", listen);
	fflush(stdout);
	rc = http->run(&so, &cli->err);
	return rc ? cli_fail(cli, &cli->err) : 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "scale", required_argument, NULL, 's' },
		{ "seed", required_argument, NULL, 'S' },
		{ "serve", optional_argument, NULL, 'v' },
		{ NULL, 0, NULL, 0 },
	};
	struct demo_opts o = { DEMO_SCALE_DEFAULT, 1, NULL };
	struct demo_stats st;
	struct err *e = &cli->err;
	struct ctx *c = &cli->ctx;
	char *files = NULL;
	bool files_existed = false;
	int status = 0;

	CLI_PARSE(cli, &cmd_demo, opts, &argc, &argv, opt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s' for demo", argv[0]);
	if (is_file(cli->db) && access(cli->db, F_OK) == 0) {
		err_set(e, LS_ECONFLICT, "db", "database '%s' already exists; "
			"demo needs a new database", cli->db);
		return cli_fail(cli, e);
	}
	if (!(c->st = store_open(cli->db, e)))
		return cli_fail(cli, e);
	settings_default(&c->settings);
	user_init(&c->actor_user);
	ctx_act_as(c, NULL, e);
	cli->opened = true;
	if (!is_file(cli->db) && store_initialised(c->st)) {
		err_set(e, LS_ECONFLICT, "db", "database '%s' already exists; "
			"demo needs a new database", cli->db);
		return cli_fail(cli, e);
	}
	if (is_file(cli->db)) {
		files = xstrdup(store_files_dir(c->st));
		files_existed = access(files, F_OK) == 0;
	}
	if (svc_demo_seed(c, (int)o.scale, (unsigned long long)o.seed, &st,
			  e) != LS_OK) {
		status = cli_fail(cli, e);
		ctx_close(c);
		cli->opened = false;
		if (is_file(cli->db))
			remove_db(cli->db, files, files_existed);
	} else if (cli->json) {
		print_json(cli, &st, &o);
	} else {
		print_text(cli, &st, &o);
	}
	free(files);
	if (status || !o.serve)
		return status;
	return serve(cli, o.serve);
}

const struct cli_cmd cmd_demo = {
	.name = "demo",
	.summary = "seed a demo city into a new database",
	.usage = usage,
	.run = run,
};
