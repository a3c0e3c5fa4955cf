/*
 * luoshi export tasks|units|users|actuals: the task list (its filters and
 * scope), or every unit, user or indicator actual in scope, as CSV or
 * XLSX, streamed into the file (svc/export.c) in the columns `luoshi
 * import` reads back.
 */
#include "cli/cli.h"
#include "cli/task_print.h"
#include "svc/export.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi export tasks -o FILE [--format csv|xlsx] "
	"[--lang zh-CN|en]\n"
	"           [--unit CODE] [--light L] [--status S] [--quadrant Q]\n"
	"           [--owner LOGIN] [--key] [--due-before DATE] [--goal ID]\n"
	"           [--search TEXT]\n\n"
	"Writes every task that 'luoshi task list' would show with the same\n"
	"filters (and the same scope with --as), ordered by id.\n"
	"--format: csv or xlsx; without it the name's extension decides.\n"
	"--lang: the header language (default zh-CN): 标题 牵头单位 截止日期 "
	"开始日期\n"
	"配合单位 责任人 责任领导 目标编号 来源 重要 重点 说明, then the "
	"read-only\n编号 状态 亮灯 进度 that an import ignores; with en the "
	"keys title lead\ndue start co owner leader goal_id source important "
	"key description, id\nstatus light percent. Booleans 是/否 or "
	"yes/no, co-units joined by 、 or ','.\n"
	"CSV is UTF-8 with a BOM and CRLF lines; a cell starting with = + - "
	"@\ngets a leading ' so that a spreadsheet does not run it as a "
	"formula.\n\n"
	"       luoshi export units|users|actuals -o FILE [--format csv|xlsx] "
	"[--lang L]\n\n"
	"The units (parents first: 代码 名称 上级单位 类别 / code name parent "
	"kind),\nusers (登录名 姓名 单位 角色 / login name unit role; no "
	"passwords) or\nindicator actuals (指标编号 月份 实际值 指标名称 / "
	"indicator_id month value\nindicator) in scope, as 'luoshi import' "
	"reads them back.\n";

const struct cli_cmd cmd_export;

enum { O_OUTPUT = 'o', O_FORMAT = 1000, O_LANG };

struct eopts {
	struct task_query q;
	const char *output;
	const char *format;
	enum lang lang;
};

static int eopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct eopts *o = arg;

	(void)cli;
	switch (c) {
	case O_OUTPUT: o->output = v; return 0;
	case O_FORMAT: o->format = v; return 0;
	case O_LANG:
		if (!lang_parse(v, &o->lang))
			return cli_usage("invalid language '%s' for --lang "
					 "(zh-CN or en)", v);
		return 0;
	}
	return task_filter_opt(&o->q, c, v);
}

static int tasks(struct cli *cli, int argc, char **argv)
{
	struct option opts[TASK_NFILTER_OPTS + 4] = {
		{ "output", 1, NULL, O_OUTPUT },
		{ "format", 1, NULL, O_FORMAT },
		{ "lang", 1, NULL, O_LANG },
	};
	struct eopts o = { .lang = LANG_ZH };
	enum doc_format f;
	long long n;
	int rc;

	memcpy(opts + 3, task_filter_opts, sizeof(task_filter_opts));
	task_query_init(&o.q);
	CLI_PARSE(cli, &cmd_export, opts, &argc, &argv, eopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.output)
		return cli_usage("export tasks needs -o FILE");
	if (export_format(o.format, o.output, &f, &cli->err))
		return cli_fail(cli, &cli->err);
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_export_tasks(&cli->ctx, &o.q, f, o.lang, o.output, &n,
			     &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kstr(w, "file", o.output);
		jw_kstr(w, "format", doc_format_name(f));
		jw_kint(w, "rows", n);
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		printf("%lld task%s written to %s\n", n, n == 1 ? "" : "s",
		       o.output);
	}
	return 0;
}

/* units, users, actuals: no filters */
static int other(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", 1, NULL, O_OUTPUT },
		{ "format", 1, NULL, O_FORMAT },
		{ "lang", 1, NULL, O_LANG },
		{ NULL, 0, NULL, 0 },
	};
	struct eopts o = { .lang = LANG_ZH };
	enum sheet_kind kind;
	enum doc_format f;
	long long n;
	int rc;

	if (!sheet_kind_parse(argv[0], &kind))
		return cli_usage("invalid kind '%s'", argv[0]);
	CLI_PARSE(cli, &cmd_export, opts, &argc, &argv, eopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.output)
		return cli_usage("export %s needs -o FILE",
				 sheet_kind_name(kind));
	if (export_format(o.format, o.output, &f, &cli->err))
		return cli_fail(cli, &cli->err);
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_export(&cli->ctx, kind, f, o.lang, o.output, &n, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kstr(w, "file", o.output);
		jw_kstr(w, "format", doc_format_name(f));
		jw_kint(w, "rows", n);
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		printf("%lld row%s written to %s\n", n, n == 1 ? "" : "s",
		       o.output);
	}
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "tasks", tasks }, { "units", other }, { "users", other },
		{ "actuals", other }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_export, subs, argc, argv);
}

const struct cli_cmd cmd_export = {
	.name = "export",
	.summary = "write tasks, units, users or actuals to CSV or XLSX",
	.usage = usage,
	.run = run,
};
