/*
 * luoshi copy --from DB --to DB: moving a whole installation between
 * SQLite and PostgreSQL (svc/copy.c), with the rows per table and the
 * target's audit chain verified, as text or --json.
 */
#include "cli/cli.h"
#include "svc/copy.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi copy --from DB --to DB\n\n"
	"Copies a whole installation from one database to another: SQLite\n"
	"to PostgreSQL and back (DB is a file path or a postgresql:// URL;\n"
	"--db is not used). The target must be new (a file that does not\n"
	"exist yet is created; a PostgreSQL database must exist, empty or\n"
	"made by 'luoshi migrate') or empty, at this luoshi's schema\n"
	"version, like the source. Every table is copied in one transaction\n"
	"on the target, parents before children, ids kept; on PostgreSQL the\n"
	"id sequences are set past the largest id. Evidence files are copied\n"
	"from the source's folder to the target's (<db>.files beside a\n"
	"SQLite file; $LUOSHI_FILES, else ./luoshi.files, for PostgreSQL).\n"
	"Then the target's audit chain is verified. Prints the rows per\n"
	"table. Stop the servers on the source first: changes made during\n"
	"the copy are not in it.\n\n"
	"Exit status: 2 same database twice or missing option, 5 target not\n"
	"empty or schema versions differ (nothing changed), 1 database error\n"
	"or broken audit chain.\n";

const struct cli_cmd cmd_copy;

struct opts {
	const char *from, *to;
};

enum { OPT_FROM = 1000, OPT_TO };

static int opt(struct cli *cli, int c, const char *v, void *arg)
{
	struct opts *o = arg;

	(void)cli;
	if (c == OPT_FROM)
		o->from = v;
	else if (c == OPT_TO)
		o->to = v;
	return 0;
}

struct counts {
	int n, cap;
	char **names;
	long long *rows;
};

static void on_table(const char *table, long long rows, void *arg)
{
	struct counts *c = arg;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->names = xreallocarray(c->names, (size_t)c->cap,
					 sizeof(*c->names));
		c->rows = xreallocarray(c->rows, (size_t)c->cap,
					sizeof(*c->rows));
	}
	c->names[c->n] = xstrdup(table);
	c->rows[c->n++] = rows;
}

static void print_json(struct cli *cli, const struct opts *o,
		       const struct counts *c, const struct copy_result *r)
{
	struct jw *w = cli_json(cli);
	char from[512], to[512];

	store_url_shown(o->from, from, sizeof(from));
	store_url_shown(o->to, to, sizeof(to));
	jw_obj(w);
	jw_kstr(w, "from", from);
	jw_kstr(w, "to", to);
	jw_key(w, "tables");
	jw_arr(w);
	for (int i = 0; i < c->n; i++) {
		jw_obj(w);
		jw_kstr(w, "table", c->names[i]);
		jw_kint(w, "rows", c->rows[i]);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_kint(w, "rows", r->rows);
	jw_kint(w, "files", r->files);
	jw_kint(w, "files_missing", r->missing);
	jw_kint(w, "audit_entries", r->audit_entries);
	jw_kbool(w, "audit_verified", true);
	jw_obj_end(w);
	cli_json_end(cli);
}

static void print_text(const struct opts *o, const struct counts *c,
		       const struct copy_result *r)
{
	char from[512], to[512];

	store_url_shown(o->from, from, sizeof(from));
	store_url_shown(o->to, to, sizeof(to));
	printf("copied %s to %s\n", from, to);
	for (int i = 0; i < c->n; i++)
		printf("  %-20s %10lld\n", c->names[i], c->rows[i]);
	printf("%lld rows in %d tables, %lld evidence files\n", r->rows,
	       r->tables, r->files);
	printf("audit chain verified (%lld entries)\n", r->audit_entries);
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ NULL, 0, NULL, 0 },
	};
	struct opts o = { NULL, NULL };
	struct counts c = { 0 };
	struct copy_result r;
	int status = 0;

	CLI_PARSE(cli, &cmd_copy, opts, &argc, &argv, opt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s' for copy", argv[0]);
	if (!o.from || !o.to)
		return cli_usage("copy needs --from DB and --to DB (see "
				 "'luoshi copy --help')");
	if (svc_copy(o.from, o.to, on_table, &c, &r, &cli->err) != LS_OK)
		status = cli_fail(cli, &cli->err);
	else if (cli->json)
		print_json(cli, &o, &c, &r);
	else
		print_text(&o, &c, &r);
	if (!status && r.missing)
		fprintf(stderr, "luoshi: warning: %lld evidence file(s) "
			"missing from '%s' (first: %s); the rows are copied\n",
			r.missing, r.from_files, r.first_missing);
	for (int i = 0; i < c.n; i++)
		free(c.names[i]);
	free(c.names);
	free(c.rows);
	return status;
}

const struct cli_cmd cmd_copy = {
	.name = "copy",
	.summary = "move an installation between SQLite and PostgreSQL",
	.usage = usage,
	.run = run,
};
