/*
 * luoshi bulletin: the supervision bulletin (督查通报) of a period as an
 * HTML, Markdown, XLSX or PDF file (svc/bulletin.c). Bad values are
 * refused before the file is touched.
 */
#include "cli/cli.h"
#include "svc/bulletin.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi bulletin --period P -o FILE [--format html|xlsx|pdf|md]"
	"\n           [--group KIND] [--lang zh-CN|en] [--unit CODE] "
	"[--scheme FILE]\n\n"
	"Writes the supervision bulletin (督查通报) of P (2026, 2026-Q4,\n"
	"2026-11) for your scope (--unit: that unit and the units below it),\n"
	"issued on the reference day (--today):\n"
	"  1. summary: tasks due in P, done on time, done late, red and\n"
	"     yellow now, cancelled, the on-time rate (as eval and board);\n"
	"  2. red and late items: tasks red today or closed late within P,\n"
	"     by lead unit, most days overdue first (red: today - due, or\n"
	"     today - the overdue milestone's due; late: closed - due);\n"
	"  3. the ranking of 'luoshi eval' (--group: that kind only; else\n"
	"     one table per kind), warnings of --scheme's warn thresholds;\n"
	"  4. commendations and accountability dated in P;\n"
	"  5. indicator targets lowered in P, with who, when and why;\n"
	"  6. the burden of each unit over P ('luoshi burden' added up).\n"
	"--format: html, xlsx, pdf or md; without it the extension of FILE\n"
	"decides. --lang: the language of the words (default zh-CN).\n";

const struct cli_cmd cmd_bulletin;

enum { O_OUTPUT = 'o', O_PERIOD = 1000, O_FORMAT, O_GROUP, O_LANG, O_UNIT,
	O_SCHEME };

struct bopts {
	struct bulletin_opts b;
	const char *output;
	const char *format;
	const char *scheme;
};

static int bopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct bopts *o = arg;

	(void)cli;
	switch (c) {
	case O_OUTPUT: o->output = v; return 0;
	case O_PERIOD: o->b.period = v; return 0;
	case O_FORMAT: o->format = v; return 0;
	case O_GROUP: o->b.group = v; return 0;
	case O_UNIT: o->b.unit = v; return 0;
	case O_SCHEME: o->scheme = v; return 0;
	case O_LANG:
		if (!lang_parse(v, &o->b.lang))
			return cli_usage("invalid language '%s' for --lang "
					 "(zh-CN or en)", v);
		return 0;
	}
	return 0;
}

/* The format: --format, else FILE's extension. */
static int format_of(struct cli *cli, const struct bopts *o,
		     enum doc_format *f)
{
	const char *dot = strrchr(o->output, '.');

	if (o->format) {
		if (bulletin_format(o->format, f, &cli->err))
			return cli_fail(cli, &cli->err);
		return 0;
	}
	if (!dot || bulletin_format(dot + 1, f, &cli->err))
		return cli_usage("cannot tell the format from '%s': give "
				 "--format html|xlsx|pdf|md", o->output);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, O_OUTPUT },
		{ "period", required_argument, NULL, O_PERIOD },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "group", required_argument, NULL, O_GROUP },
		{ "lang", required_argument, NULL, O_LANG },
		{ "unit", required_argument, NULL, O_UNIT },
		{ "scheme", required_argument, NULL, O_SCHEME },
		{ NULL, 0, NULL, 0 },
	};
	struct bopts o;
	struct bulletin_stats st;
	struct buf scheme = BUF_INIT;
	int rc;

	memset(&o, 0, sizeof(o));
	o.b.lang = LANG_ZH;
	CLI_PARSE(cli, &cmd_bulletin, opts, &argc, &argv, bopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.b.period)
		return cli_usage("bulletin needs --period P");
	if (!o.output)
		return cli_usage("bulletin needs -o FILE");
	if ((rc = format_of(cli, &o, &o.b.format)))
		return rc;
	if (o.scheme && (rc = cli_read_scheme(o.scheme, &scheme)))
		goto out;
	o.b.scheme = o.scheme ? scheme.ptr : NULL;
	if ((rc = cli_open(cli)))
		goto out;
	if (svc_bulletin(&cli->ctx, &o.b, o.output, &st, &cli->err)) {
		rc = cli_fail(cli, &cli->err);
		goto out;
	}
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kstr(w, "file", o.output);
		jw_kstr(w, "format", doc_format_name(o.b.format));
		jw_kint(w, "listed", st.listed);
		jw_kint(w, "ranked", st.ranked);
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		printf("bulletin %s written to %s (%lld red or late, %lld "
		       "ranked)\n", o.b.period, o.output, st.listed,
		       st.ranked);
	}
out:
	buf_release(&scheme);
	return rc;
}

const struct cli_cmd cmd_bulletin = {
	.name = "bulletin",
	.summary = "write the supervision bulletin of a period",
	.usage = usage,
	.run = run,
};
