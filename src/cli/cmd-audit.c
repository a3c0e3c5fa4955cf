/*
 * luoshi audit log|verify: the tamper-evident audit trail (留痕).
 */
#include "cli/cli.h"
#include "svc/audit.h"
#include "svc/shape.h"

#include <string.h>

static const char usage[] =
	"usage: luoshi audit log [--entity KIND] [--id ID]\n"
	"       luoshi audit verify\n\n"
	"log     lists every change: who, when, what, before and after\n"
	"        (administrators only).\n"
	"verify  recomputes the SHA-256 hash chain; exits 1 naming the first\n"
	"        entry that was changed or deleted.\n";

const struct cli_cmd cmd_audit;

static int fopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct audit_filter *f = arg;

	(void)cli;
	if (c == 'e')
		f->entity = v;
	else
		f->entity_id = v;
	return 0;
}

static const struct table_col cols[] = {
	{ "ID", 6, 1 }, { "AT", 20, 0 }, { "ACTOR", 10, 0 },
	{ "ACTION", 18, 0 }, { "ENTITY", 10, 0 }, { "KEY", 0, 0 },
};

static int log_one(const struct audit_entry *a, void *arg)
{
	struct cli_list *l = arg;
	char id[24];
	const char *cells[6] = { id, a->at, a->actor, a->action, a->entity,
				 a->entity_id };

	cli_list_row(l);
	if (l->cli->json) {
		shape_audit(&l->cli->w, a);
	} else {
		snprintf(id, sizeof(id), "%lld", a->id);
		table_row(stdout, cols, 6, cells);
	}
	return cli_list_next(l);
}

static int log_cmd(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "entity", required_argument, NULL, 'e' },
		{ "id", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 },
	};
	struct audit_filter f = { NULL, NULL, 0 };
	struct cli_list l;
	int rc;

	CLI_PARSE(cli, &cmd_audit, opts, &argc, &argv, fopt, &f);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	if (ctx_require(&cli->ctx, PERM_AUDIT, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_begin(&l, cli, cols, 6);
	if (svc_audit_log(&cli->ctx, &f, log_one, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int verify(struct cli *cli, int argc, char **argv)
{
	struct audit_report r;
	int rc;

	CLI_PARSE(cli, &cmd_audit, NULL, &argc, &argv, NULL, NULL);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	if (ctx_require(&cli->ctx, PERM_AUDIT, &cli->err))
		return cli_fail(cli, &cli->err);
	rc = audit_verify(&cli->ctx, &r, &cli->err);
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kbool(w, "ok", rc == LS_OK);
		jw_kint(w, "checked", r.checked);
		jw_kid(w, "bad_id", r.bad_id);
		jw_kstr(w, "problem", r.bad_id ? r.problem : NULL);
		jw_obj_end(w);
		cli_json_end(cli);
	}
	if (rc)
		return cli_fail(cli, &cli->err);
	if (!cli->json)
		printf("audit trail intact: %lld entries verified\n",
		       r.checked);
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "log", log_cmd }, { "verify", verify }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_audit, subs, argc, argv);
}

const struct cli_cmd cmd_audit = {
	.name = "audit",
	.summary = "the audit trail: log and verify (留痕)",
	.usage = usage,
	.run = run,
};
