/*
 * Helpers every command uses: opening the context, errors, option and
 * value parsing, JSON output, coloured lights.
 */
#include "cli/cli.h"
#include "util/date.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

int cli_fail(struct cli *cli, const struct err *e)
{
	(void)cli;
	fprintf(stderr, "luoshi: error: %s\n", e->msg[0] ? e->msg :
		"unknown error");
	return err_exit_status(e->code);
}

int cli_usage(const char *fmt, ...)
{
	va_list ap;

	fputs("luoshi: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return 2;
}

int cli_help(const struct cli_cmd *cmd)
{
	fputs(cmd->usage, stdout);
	return 0;
}

int cli_open(struct cli *cli)
{
	if (cli->opened)
		return 0;
	if (ctx_open(&cli->ctx, cli->db, &cli->err) != LS_OK ||
	    ctx_act_as(&cli->ctx, cli->as, &cli->err) != LS_OK) {
		/* a half-opened context (store open, no user) is closed too */
		ctx_close(&cli->ctx);
		return cli_fail(cli, &cli->err);
	}
	cli->opened = true;
	return 0;
}

int cli_dispatch(struct cli *cli, const struct cli_cmd *cmd,
		 const struct cli_sub *subs, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("missing subcommand for '%s' (see 'luoshi "
				 "%s --help')", cmd->name, cmd->name);
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help"))
		return cli_help(cmd);
	for (const struct cli_sub *s = subs; s->name; s++)
		if (!strcmp(s->name, argv[1]))
			return s->run(cli, argc - 1, argv + 1);
	return cli_usage("unknown subcommand '%s' for '%s' (see 'luoshi %s "
			 "--help')", argv[1], cmd->name, cmd->name);
}

int cli_parse(struct cli *cli, const struct cli_cmd *cmd,
	      const struct option *opts, int *argc, char ***argv,
	      cli_opt_fn fn, void *arg)
{
	struct option all[64];
	char shorts[64] = ":h";
	size_t ns = 2;
	int n = 0, c, rc;

	for (; opts && opts[n].name && n < 60; n++) {
		all[n] = opts[n];
		/* a letter as val also makes the short option: -o FILE */
		if (opts[n].val < 128 && isalpha(opts[n].val) &&
		    ns + 3 < sizeof(shorts)) {
			shorts[ns++] = (char)opts[n].val;
			if (opts[n].has_arg)
				shorts[ns++] = ':';
			shorts[ns] = '\0';
		}
	}
	all[n++] = (struct option){ "help", no_argument, NULL, 'h' };
	all[n++] = (struct option){ "json", no_argument, NULL, 'J' };
	all[n++] = (struct option){ "limit", required_argument, NULL, 'L' };
	all[n] = (struct option){ NULL, 0, NULL, 0 };
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(*argc, *argv, shorts, all, NULL)) != -1) {
		if (c == 'h') {
			cli_help(cmd);
			return -1;
		}
		/* --json and --limit are welcome after the command too */
		if (c == 'J') {
			cli->json = true;
			continue;
		}
		if (c == 'L') {
			if (parse_ll(optarg, "--limit", 1, 1LL << 40,
				     &cli->limit))
				return 2;
			continue;
		}
		if (c == '?' && !strcmp(cmd->name, (*argv)[0]))
			return cli_usage("unknown option '%s' for '%s'",
					 (*argv)[optind - 1], cmd->name);
		if (c == '?')
			return cli_usage("unknown option '%s' for '%s %s'",
					 (*argv)[optind - 1], cmd->name,
					 (*argv)[0]);
		if (c == ':')
			return cli_usage("missing value for '%s'",
					 (*argv)[optind - 1]);
		if ((rc = fn(cli, c, optarg, arg)) != 0)
			return rc;
	}
	*argc -= optind;
	*argv += optind;
	return 0;
}

int parse_date(const char *v, const char *opt, int *day)
{
	if (!date_parse(v, day))
		return cli_usage("invalid date '%s' for %s (expected "
				 "YYYY-MM-DD)", v, opt);
	return 0;
}

int parse_month(const char *v, const char *opt, int *month)
{
	if (!month_parse(v, month))
		return cli_usage("invalid month '%s' for %s (expected "
				 "YYYY-MM)", v, opt);
	return 0;
}

int parse_ll(const char *v, const char *opt, long long lo, long long hi,
	     long long *out)
{
	char *end;
	long long x;

	errno = 0;
	x = strtoll(v, &end, 10);
	if (errno || end == v || *end || x < lo || x > hi)
		return cli_usage("invalid value '%s' for %s (an integer "
				 "%lld..%lld)", v, opt, lo, hi);
	*out = x;
	return 0;
}

int parse_double(const char *v, const char *opt, double *out)
{
	char *end;
	double x;

	errno = 0;
	x = strtod(v, &end);
	if (errno || end == v || *end || !isfinite(x))
		return cli_usage("invalid number '%s' for %s", v, opt);
	*out = x;
	return 0;
}

int parse_id(const char *v, const char *what, long long *id)
{
	char *end;
	long long x;

	errno = 0;
	x = v ? strtoll(v, &end, 10) : 0;
	if (!v || errno || end == v || *end || x <= 0)
		return cli_usage("invalid %s id '%s' (a positive integer)",
				 what, v ? v : "");
	*id = x;
	return 0;
}

struct jw *cli_json(struct cli *cli)
{
	jw_init(&cli->w, &cli->out, stdout);
	return &cli->w;
}

void cli_json_end(struct cli *cli)
{
	buf_addch(&cli->out, '\n');
	jw_flush(&cli->w);
}

void cli_list_begin(struct cli_list *l, struct cli *cli,
		    const struct table_col *cols, int ncols)
{
	l->cli = cli;
	l->cols = cols;
	l->ncols = ncols;
	l->n = 0;
	l->header_due = !cli->json;
	if (cli->json)
		jw_arr(cli_json(cli));
}

void cli_list_row(struct cli_list *l)
{
	if (l->header_due)
		table_header(stdout, l->cols, l->ncols);
	l->header_due = false;
}

bool cli_list_next(struct cli_list *l)
{
	return l->cli->limit && ++l->n >= l->cli->limit;
}

void cli_list_end(struct cli_list *l)
{
	if (l->cli->json) {
		jw_arr_end(&l->cli->w);
		cli_json_end(l->cli);
	} else {
		cli_list_row(l);
	}
}

const char *cli_light(struct cli *cli, const char *light, char *buf,
		      unsigned n)
{
	const char *col = NULL;

	if (!light)
		return NULL;
	if (!cli->color)
		return light;
	if (!strcmp(light, "red"))
		col = "31";
	else if (!strcmp(light, "yellow"))
		col = "33";
	else if (!strcmp(light, "green"))
		col = "32";
	else if (!strcmp(light, "late"))
		col = "35";
	else if (!strcmp(light, "done"))
		col = "36";
	if (!col)
		return light;
	snprintf(buf, n, "\033[%sm%s\033[0m", col, light);
	return buf;
}

/* Reads a scheme file (at most 64 KiB) into b. */
int cli_read_scheme(const char *path, struct buf *b)
{
	char chunk[4096];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f) {
		fprintf(stderr, "luoshi: error: cannot read --scheme '%s': "
			"%s\n", path, strerror(errno));
		return 2;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 &&
	       b->len < 65536)
		buf_add(b, chunk, n);
	fclose(f);
	if (b->len >= 65536)
		return cli_usage("--scheme '%s' is too large", path);
	return 0;
}
