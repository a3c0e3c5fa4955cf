/*
 * luoshi notify add|list|remove|log|settings|set and luoshi remind: where
 * reminders and urges go (channels of a unit or a user), the delivery
 * log, the notify settings, and the daily pass run once (for cron).
 */
#include "cli/cli.h"
#include "notify/notify.h"
#include "svc/notify.h"

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char usage[] =
	"usage: luoshi notify add (--unit CODE | --user LOGIN) --channel KIND\n"
	"                         --target URL|ADDRESS [--secret S]\n"
	"       luoshi notify list\n"
	"       luoshi notify remove ID\n"
	"       luoshi notify log [--failed]\n"
	"       luoshi notify settings\n"
	"       luoshi notify set KEY VALUE\n\n"
	"KIND is wecom (企业微信 group bot URL), dingtalk (钉钉 bot URL; with\n"
	"--secret the URL is signed), feishu (飞书 bot URL; with --secret the\n"
	"body is signed), webhook (any URL: a JSON POST; with --secret an\n"
	"X-Luoshi-Signature: sha256=HMAC header) or email (an address; see\n"
	"the smtp_* settings). A unit's channels get the digest of the tasks\n"
	"it leads; a user's channels get the user's own digest (as owner,\n"
	"leader or supervisor). log lists deliveries, newest first, with\n"
	"their status, attempts and last error; --failed only those that\n"
	"failed an attempt. Settings (notify settings lists them):\n"
	"remind_at HH:MM (08:00), smtp_host, smtp_port (587), smtp_from,\n"
	"smtp_user, smtp_password_file, smtp_starttls yes|try|no (yes),\n"
	"notify_retries (5), notify_backoff seconds (30), notify_timeout\n"
	"seconds (10). Administrators only.\n";

static const char remind_usage[] =
	"usage: luoshi remind --once [--no-deliver]\n\n"
	"Runs the daily reminder pass for the reference day now (what\n"
	"luoshi serve's scheduler does at start-up and daily at remind_at):\n"
	"each recipient with a channel gets one digest of the tasks that\n"
	"turned red or yellow, are due today, have a milestone due today or\n"
	"are unanswered past ack_hours; a reminder already given is never\n"
	"given again. New urges are sent too. Then it delivers what is due,\n"
	"waiting for retries, unless a running server holds the sender\n"
	"lease (it delivers then), or --no-deliver. Exit 1 when a message\n"
	"failed for good.\n";

const struct cli_cmd cmd_notify, cmd_remind;

struct nopts {
	const char *unit, *user, *channel, *target, *secret;
	bool failed, once, no_deliver;
};

static int nopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct nopts *o = arg;

	(void)cli;
	switch (c) {
	case 'u': o->unit = v; break;
	case 'U': o->user = v; break;
	case 'c': o->channel = v; break;
	case 't': o->target = v; break;
	case 's': o->secret = v; break;
	case 'f': o->failed = true; break;
	case 'o': o->once = true; break;
	case 'N': o->no_deliver = true; break;
	}
	return 0;
}

static int add(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "unit", required_argument, NULL, 'u' },
		{ "user", required_argument, NULL, 'U' },
		{ "channel", required_argument, NULL, 'c' },
		{ "target", required_argument, NULL, 't' },
		{ "secret", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct nopts o;
	struct channel ch;
	long long id;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_notify, opts, &argc, &argv, nopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.unit == !o.user)
		return cli_usage("notify add needs one of --unit and --user");
	if (!o.channel)
		return cli_usage("missing --channel for notify add");
	if (!o.target)
		return cli_usage("missing --target for notify add");
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_channel_add(&cli->ctx, o.unit, o.user, o.channel, o.target,
			    o.secret, &id, &cli->err))
		return cli_fail(cli, &cli->err);
	if (!cli->json) {
		printf("%lld\n", id);
		return 0;
	}
	channel_init(&ch);
	if (!store_channel_get(cli->ctx.st, id, &ch, &cli->err)) {
		shape_channel(cli_json(cli), &ch);
		cli_json_end(cli);
	}
	channel_release(&ch);
	return 0;
}

static const struct table_col ccols[] = {
	{ "ID", 5, 1 }, { "FOR", 18, 0 }, { "CHANNEL", 9, 0 },
	{ "SECRET", 7, 0 }, { "TARGET", 0, 0 },
};

static int channel_row(const struct channel *ch, void *arg)
{
	struct cli_list *l = arg;
	char id[24], who[160];
	const char *cells[5] = { id, who, channel_kind_name(ch->kind),
				 ch->secret ? "yes" : "-", ch->target };

	snprintf(id, sizeof(id), "%lld", ch->id);
	snprintf(who, sizeof(who), "%s %s", ch->unit ? "unit" : "user",
		 ch->unit ? ch->unit : ch->login);
	cli_list_row(l);
	if (l->cli->json)
		shape_channel(&l->cli->w, ch);
	else
		table_row(stdout, ccols, 5, cells);
	return cli_list_next(l);
}

static int list(struct cli *cli, int argc, char **argv)
{
	struct cli_list l;
	int rc;

	CLI_PARSE(cli, &cmd_notify, NULL, &argc, &argv, NULL, NULL);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, ccols, 5);
	if (svc_channel_list(&cli->ctx, channel_row, &l, &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int remove_(struct cli *cli, int argc, char **argv)
{
	long long id;
	int rc;

	CLI_PARSE(cli, &cmd_notify, NULL, &argc, &argv, NULL, NULL);
	if (argc != 1)
		return cli_usage("notify remove needs one channel ID");
	if ((rc = parse_id(argv[0], "channel", &id)) || (rc = cli_open(cli)))
		return rc;
	if (svc_channel_remove(&cli->ctx, id, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json)
		printf("{\"id\":%lld}\n", id);
	else
		printf("removed channel %lld\n", id);
	return 0;
}

static const struct table_col dcols[] = {
	{ "ID", 5, 1 }, { "DAY", 10, 0 }, { "KIND", 6, 0 },
	{ "RECIPIENT", 16, 0 }, { "CHANNEL", 8, 0 }, { "ITEMS", 5, 1 },
	{ "STATUS", 7, 0 }, { "TRIES", 5, 1 }, { "LAST ERROR", 0, 0 },
};

static int delivery_row(const struct delivery *d, void *arg)
{
	struct cli_list *l = arg;
	char id[24], day[DATE_STRLEN], items[16], tries[16];
	const char *cells[9] = { id, date_format(d->day, day), d->kind,
				 d->recipient, d->channel, items,
				 delivery_status_name(d->status), tries,
				 d->last_error };

	snprintf(id, sizeof(id), "%lld", d->id);
	snprintf(items, sizeof(items), "%d", d->items);
	snprintf(tries, sizeof(tries), "%d", d->attempts);
	cli_list_row(l);
	if (l->cli->json)
		shape_delivery(&l->cli->w, d);
	else
		table_row(stdout, dcols, 9, cells);
	return cli_list_next(l);
}

static int log_(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "failed", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	struct nopts o;
	struct cli_list l;
	int rc;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_notify, opts, &argc, &argv, nopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	cli_list_begin(&l, cli, dcols, 9);
	if (svc_delivery_list(&cli->ctx, o.failed, delivery_row, &l,
			      &cli->err))
		return cli_fail(cli, &cli->err);
	cli_list_end(&l);
	return 0;
}

static int settings(struct cli *cli, int argc, char **argv)
{
	struct notify_conf conf;
	char v[NOTIFY_TEXT];
	int rc;

	CLI_PARSE(cli, &cmd_notify, NULL, &argc, &argv, NULL, NULL);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	if (svc_notify_conf(&cli->ctx, &conf, &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		shape_notify_conf(cli_json(cli), &conf);
		cli_json_end(cli);
		return 0;
	}
	for (int i = 0; notify_conf_keys[i]; i++) {
		notify_conf_get(&conf, notify_conf_keys[i], v, sizeof(v));
		printf("%-18s %s\n", notify_conf_keys[i], *v ? v : "-");
	}
	return 0;
}

static int set(struct cli *cli, int argc, char **argv)
{
	struct setting_change ch;
	struct notify_conf conf;
	char v[NOTIFY_TEXT];
	int rc;

	CLI_PARSE(cli, &cmd_notify, NULL, &argc, &argv, NULL, NULL);
	if (argc != 2)
		return cli_usage("notify set needs KEY and VALUE");
	if (!notify_conf_known(argv[0]))
		return cli_usage("unknown notify setting '%s' (see luoshi "
				 "notify --help)", argv[0]);
	if ((rc = cli_open(cli)))
		return rc;
	ch.key = argv[0];
	ch.value = argv[1];
	if (svc_notify_set(&cli->ctx, &ch, 1, &cli->err) ||
	    svc_notify_conf(&cli->ctx, &conf, &cli->err))
		return cli_fail(cli, &cli->err);
	notify_conf_get(&conf, argv[0], v, sizeof(v));
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kstr(w, argv[0], v);
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		printf("%s = %s\n", argv[0], v);
	}
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "add", add }, { "list", list }, { "remove", remove_ },
		{ "log", log_ }, { "settings", settings }, { "set", set },
		{ NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_notify, subs, argc, argv);
}

const struct cli_cmd cmd_notify = {
	.name = "notify",
	.summary = "notification channels, delivery log, settings (通知)",
	.usage = usage,
	.run = run,
};

/* Delivers until nothing is pending (retries waited for). */
static enum lserr drain(struct ctx *c, const struct notify_conf *conf,
			const char *holder, struct deliver_stats *ds,
			struct err *e)
{
	long long pending, next, now;
	bool held;
	enum lserr rc;

	for (;;) {
		now = (long long)time(NULL);
		if ((rc = store_notify_lease(c->st, NOTIFY_LEASE, holder, now,
					     NOTIFY_LEASE_TTL, &held, e)))
			return rc;
		if (!held)
			return LS_OK;
		if ((rc = notify_deliver(c, conf, now, ds, e)) ||
		    (rc = store_delivery_pending(c->st, &pending, &next, e)))
			return rc;
		if (!pending)
			return LS_OK;
		if (next > now)
			sleep((unsigned)(next - now));
	}
}

static int remind(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "once", no_argument, NULL, 'o' },
		{ "no-deliver", no_argument, NULL, 'N' },
		{ NULL, 0, NULL, 0 },
	};
	struct nopts o;
	struct notify_conf conf;
	struct pass_stats ps;
	struct deliver_stats ds = { 0, 0, 0 };
	char holder[128];
	long long pending, next;
	bool held = false;
	int rc = 0, urges;

	memset(&o, 0, sizeof(o));
	CLI_PARSE(cli, &cmd_remind, opts, &argc, &argv, nopt, &o);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!o.once)
		return cli_usage("remind needs --once (luoshi serve runs the "
				 "daily pass by itself)");
	if ((rc = cli_open(cli)))
		return rc;
	if (ctx_require(&cli->ctx, PERM_ADMIN, &cli->err) ||
	    store_notify_conf_load(cli->ctx.st, &conf, &cli->err) ||
	    notify_pass(&cli->ctx, &ps, &cli->err) ||
	    notify_urges(&cli->ctx, &urges, &cli->err))
		return cli_fail(cli, &cli->err);
	notify_send_begin();
	notify_holder(holder, sizeof(holder));
	if (!o.no_deliver)
		rc = store_notify_lease(cli->ctx.st, NOTIFY_LEASE, holder,
					(long long)time(NULL),
					NOTIFY_LEASE_TTL, &held, &cli->err);
	if (!rc && held)
		rc = drain(&cli->ctx, &conf, holder, &ds, &cli->err);
	if (held)
		store_notify_lease_drop(cli->ctx.st, NOTIFY_LEASE, holder,
					&cli->err);
	notify_send_end();
	if (rc || store_delivery_pending(cli->ctx.st, &pending, &next,
					 &cli->err))
		return cli_fail(cli, &cli->err);
	if (cli->json) {
		struct jw *w = cli_json(cli);

		jw_obj(w);
		jw_kint(w, "tasks", ps.tasks);
		jw_kint(w, "reminders", ps.items);
		jw_kint(w, "new", ps.fresh);
		jw_kint(w, "messages", ps.messages);
		jw_kint(w, "urges", urges);
		jw_kint(w, "sent", ds.sent);
		jw_kint(w, "retried", ds.retried);
		jw_kint(w, "failed", ds.failed);
		jw_kint(w, "pending", pending);
		jw_obj_end(w);
		cli_json_end(cli);
	} else {
		printf("%lld tasks, %lld reminders (%lld new), %lld messages "
		       "queued, %d urges; %d sent, %d retried, %d failed, "
		       "%lld pending\n", ps.tasks, ps.items, ps.fresh,
		       ps.messages, urges, ds.sent, ds.retried, ds.failed,
		       pending);
	}
	if (!held && !o.no_deliver)
		fprintf(stderr, "luoshi: another luoshi holds the sender "
			"lease: it delivers the queued messages\n");
	if (ds.failed) {
		fprintf(stderr, "luoshi: error: %d message(s) failed: see "
			"'luoshi notify log --failed'\n", ds.failed);
		return 1;
	}
	return 0;
}

const struct cli_cmd cmd_remind = {
	.name = "remind",
	.summary = "run the daily reminder pass once and deliver (cron)",
	.usage = remind_usage,
	.run = remind,
};
