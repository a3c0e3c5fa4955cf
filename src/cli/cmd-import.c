/*
 * luoshi import KIND FILE: tasks, units, users or indicator actuals from
 * a CSV or XLSX file, all or nothing (svc/import.c); --dry-run checks
 * every row and writes nothing; --template writes a file to fill in.
 */
#include "cli/cli.h"
#include "svc/import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi import tasks|units|users|actuals FILE [--dry-run]\n"
	"       luoshi import KIND --template FILE [--format csv|xlsx] "
	"[--lang zh-CN|en]\n\n"
	"Reads FILE (CSV in UTF-8, with or without BOM, or GB18030 as "
	"Chinese\nExcel saves it; or XLSX, its first sheet; '-' reads "
	"standard input).\nThe first row heads the columns, in Chinese or "
	"English, in any order:\n"
	"  tasks    标题 title, 牵头单位 lead, 截止日期 due (required), "
	"开始日期 start,\n"
	"           配合单位 co, 责任人 owner, 责任领导 leader, 目标编号 "
	"goal_id,\n"
	"           来源 source, 重要 important, 重点 key, 说明 "
	"description\n"
	"  units    代码 code, 名称 name (required), 上级单位 parent, "
	"类别 kind\n"
	"  users    登录名 login, 姓名 name, 角色 role (required), 单位 "
	"unit\n"
	"  actuals  指标编号 indicator_id, 月份 month, 实际值 value "
	"(required)\n"
	"Columns an export adds for reading (编号 id, 状态 status, 亮灯 "
	"light,\n进度 percent, 指标名称 indicator) are ignored. Dates: "
	"2026-11-26,\n2026/11/26, 2026年11月26日 or an Excel serial; "
	"booleans 是/否, yes/no, 1/0;\nco-units separated by , 、 or ;; "
	"units by code or name.\n"
	"Every row is checked as 'task add', 'unit add', 'user add' or\n"
	"'indicator report' would check it; any bad row imports nothing, and "
	"each\nbad row is named with its line, column and value (exit 2). "
	"Units and\nusers already there with the same fields are left "
	"alone. Imported users\nhave no password: give them one with "
	"'luoshi user passwd LOGIN'.\n"
	"--template FILE: the header row and one example row, as CSV or "
	"XLSX by\n--format or FILE's extension, headers in --lang "
	"(default zh-CN).\n";

const struct cli_cmd cmd_import;

enum { O_DRY = 1000, O_TEMPLATE, O_FORMAT, O_LANG };

struct iopts {
	bool dry_run;
	const char *template;
	const char *format;
	enum lang lang;
};

static int iopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct iopts *o = arg;

	(void)cli;
	switch (c) {
	case O_DRY: o->dry_run = true; return 0;
	case O_TEMPLATE: o->template = v; return 0;
	case O_FORMAT: o->format = v; return 0;
	case O_LANG:
		if (!lang_parse(v, &o->lang))
			return cli_usage("invalid language '%s' for --lang "
					 "(zh-CN or en)", v);
		return 0;
	}
	return 2;
}

/* The whole of path ('-': standard input) into b; 0 or exit status 1. */
static int slurp(const char *path, struct buf *b)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
	char chunk[65536];
	size_t n;

	if (!f) {
		fprintf(stderr, "luoshi: error: cannot open '%s': %s\n", path,
			strerror(errno));
		return 1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	if (ferror(f)) {
		fprintf(stderr, "luoshi: error: cannot read '%s': %s\n", path,
			strerror(errno));
		if (f != stdin)
			fclose(f);
		return 1;
	}
	if (f != stdin)
		fclose(f);
	return 0;
}

static int template(struct cli *cli, enum sheet_kind kind,
		    const struct iopts *o)
{
	enum doc_format f;

	if (export_format(o->format, o->template, &f, &cli->err) ||
	    svc_import_template(kind, f, o->lang, o->template, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kstr(w, "file", o->template);
		jw_kstr(w, "format", doc_format_name(f));
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		printf("template for %s written to %s\n",
		       sheet_kind_name(kind), o->template);
	}
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dry-run", 0, NULL, O_DRY },
		{ "template", 1, NULL, O_TEMPLATE },
		{ "format", 1, NULL, O_FORMAT },
		{ "lang", 1, NULL, O_LANG },
		{ NULL, 0, NULL, 0 },
	};
	struct iopts o = { .lang = LANG_ZH };
	struct import_result r;
	struct buf data = BUF_INIT;
	enum sheet_kind kind;
	enum lserr rc;
	int status;

	CLI_PARSE(cli, &cmd_import, opts, &argc, &argv, iopt, &o);
	if (argc < 1)
		return cli_usage("missing kind for 'import' (tasks, units, "
				 "users or actuals)");
	if (!sheet_kind_parse(argv[0], &kind))
		return cli_usage("invalid kind '%s' for import (tasks, units, "
				 "users or actuals)", argv[0]);
	if (o.template)
		return argc > 1 ? cli_usage("unexpected argument '%s'",
					    argv[1]) : template(cli, kind, &o);
	if (argc < 2)
		return cli_usage("import %s needs a FILE", argv[0]);
	if (argc > 2)
		return cli_usage("unexpected argument '%s'", argv[2]);
	if ((status = cli_open(cli)))
		return status;
	if ((status = slurp(argv[1], &data))) {
		buf_release(&data);
		return status;
	}
	import_result_init(&r);
	rc = svc_import(&cli->ctx, kind, data.ptr, data.len, o.dry_run, &r,
			&cli->err);
	buf_release(&data);
	for (size_t i = 0; i < r.nerrors; i++) {
		const struct import_error *x = &r.errors[i];

		fprintf(stderr, "luoshi: error: line %ld, %s '%s': %s\n",
			x->line, x->column, x->value, x->message);
	}
	if (rc) {
		status = cli_fail(cli, &cli->err);
	} else if (cli->json) {
		shape_import_result(cli_json(cli), &r);
		cli_json_end(cli);
	} else if (o.dry_run) {
		printf("dry run: %lld row%s of %s checked, %lld to import, "
		       "%lld unchanged; nothing written\n", r.rows,
		       r.rows == 1 ? "" : "s", argv[1], r.imported,
		       r.unchanged);
	} else {
		printf("%lld %s imported from %s", r.imported,
		       sheet_kind_name(kind), argv[1]);
		if (r.unchanged)
			printf(" (%lld unchanged)", r.unchanged);
		putchar('\n');
	}
	import_result_release(&r);
	return status;
}

const struct cli_cmd cmd_import = {
	.name = "import",
	.summary = "read tasks, units, users or actuals from CSV or XLSX",
	.usage = usage,
	.run = run,
};
