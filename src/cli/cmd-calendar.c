/*
 * luoshi calendar holiday|workday|list: the working-day calendar used for
 * "N working days" (--within 5wd).
 */
#include "cli/cli.h"
#include "svc/calendar.h"
#include "svc/shape.h"
#include "util/date.h"

#include <string.h>

static const char usage[] =
	"usage: luoshi calendar holiday DATE[..DATE] [--name TEXT]\n"
	"       luoshi calendar workday DATE [--name TEXT]\n"
	"       luoshi calendar list\n\n"
	"Monday to Friday are working days and weekends are not, except the\n"
	"days marked here: holidays (节假日) rest, make-up working days (调休)\n"
	"work. Administrators only.\n";

const struct cli_cmd cmd_calendar;

static int name_opt(struct cli *cli, int c, const char *v, void *arg)
{
	(void)cli;
	(void)c;
	*(const char **)arg = v;
	return 0;
}

static const struct option opts[] = {
	{ "name", required_argument, NULL, 'n' },
	{ NULL, 0, NULL, 0 },
};

static int set(struct cli *cli, int argc, char **argv, enum cal_kind kind)
{
	const char *name = NULL, *dots;
	char first[16];
	int from, to, rc;

	CLI_PARSE(cli, &cmd_calendar, opts, &argc, &argv, name_opt, &name);
	if (argc != 1)
		return cli_usage("calendar %s needs one DATE",
				 kind == CAL_HOLIDAY ? "holiday" : "workday");
	dots = strstr(argv[0], "..");
	if (dots && kind == CAL_HOLIDAY) {
		snprintf(first, sizeof(first), "%.*s",
			 (int)(dots - argv[0]), argv[0]);
		if ((rc = parse_date(first, "calendar holiday", &from)) ||
		    (rc = parse_date(dots + 2, "calendar holiday", &to)))
			return rc;
	} else {
		if ((rc = parse_date(argv[0], "calendar", &from)))
			return rc;
		to = from;
	}
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_calendar_set(&cli->ctx, from, to, kind, name, &cli->err))
		return cli_fail(cli, &cli->err);
	if (!cli->json)
		printf("%d day(s) marked as %s\n", to - from + 1,
		       kind == CAL_HOLIDAY ? "holiday" : "workday");
	else
		printf("{\"days\":%d}\n", to - from + 1);
	return 0;
}

static int holiday(struct cli *cli, int argc, char **argv)
{
	return set(cli, argc, argv, CAL_HOLIDAY);
}

static int workday(struct cli *cli, int argc, char **argv)
{
	return set(cli, argc, argv, CAL_WORKDAY);
}

static const struct table_col cols[] = {
	{ "DAY", 10, 0 }, { "KIND", 8, 0 }, { "NAME", 0, 0 },
};

static int list_one(int day, enum cal_kind kind, const char *name, void *arg)
{
	struct cli_list *l = arg;
	char d[DATE_STRLEN];
	const char *k = kind == CAL_HOLIDAY ? "holiday" : "workday";
	const char *cells[3] = { date_format(day, d), k, name };

	cli_list_row(l);
	if (l->cli->json) {
		shape_calendar_day(&l->cli->w, day, kind, name);
	} else {
		table_row(stdout, cols, 3, cells);
	}
	return cli_list_next(l);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct cli_list l;
	int rc;

	CLI_PARSE(cli, &cmd_calendar, NULL, &argc, &argv, NULL, NULL);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, cols, 3);
	if (svc_calendar_list(&cli->ctx, list_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "holiday", holiday }, { "workday", workday },
		{ "list", list }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_calendar, subs, argc, argv);
}

const struct cli_cmd cmd_calendar = {
	.name = "calendar",
	.summary = "holidays and make-up working days (调休)",
	.usage = usage,
	.run = run,
};
