/*
 * luoshi settings list|set: the thresholds of the light rule and friends.
 */
#include "cli/cli.h"
#include "svc/settings.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: luoshi settings list\n"
	"       luoshi settings set KEY VALUE\n\n"
	"warn_days    yellow when due - today <= warn_days (default 3)\n"
	"lag          yellow when percent < expected - lag (default 25)\n"
	"report_days  yellow when no activity for more days (default 7)\n"
	"ack_hours    answered in time within these hours (default 24)\n"
	"evidence_max largest evidence file in bytes (default 20 MiB)\n";

const struct cli_cmd cmd_settings;

static int list(struct cli *cli, int argc, char **argv)
{
	struct jw *w = NULL;
	int rc;

	CLI_PARSE(cli, &cmd_settings, NULL, &argc, &argv, NULL, NULL);
	if ((rc = cli_open(cli)))
		return rc;
	if (cli->json) {
		w = cli_json(cli);
		jw_obj(w);
	}
	for (int i = 0; settings_keys[i]; i++) {
		long long v = settings_get(&cli->ctx.settings,
					   settings_keys[i]);

		if (w)
			jw_kint(w, settings_keys[i], v);
		else
			printf("%-12s %lld\n", settings_keys[i], v);
	}
	if (w) {
		jw_obj_end(w);
		cli_json_end(cli);
	}
	return 0;
}

static int set(struct cli *cli, int argc, char **argv)
{
	struct setting_change ch;
	int rc;

	CLI_PARSE(cli, &cmd_settings, NULL, &argc, &argv, NULL, NULL);
	if (argc != 2)
		return cli_usage("settings set needs KEY and VALUE");
	if ((rc = cli_open(cli)))
		return rc;
	ch.key = argv[0];
	ch.value = argv[1];
	if (svc_settings_set(&cli->ctx, &ch, 1, &cli->err))
		return cli_fail(cli, &cli->err);
	if (!cli->json)
		printf("%s = %lld\n", argv[0],
		       settings_get(&cli->ctx.settings, argv[0]));
	else
		printf("{\"%s\":%lld}\n", argv[0],
		       settings_get(&cli->ctx.settings, argv[0]));
	return 0;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct cli_sub subs[] = {
		{ "list", list }, { "set", set }, { NULL, NULL },
	};

	return cli_dispatch(cli, &cmd_settings, subs, argc, argv);
}

const struct cli_cmd cmd_settings = {
	.name = "settings",
	.summary = "list and change thresholds (warn_days, lag, ...)",
	.usage = usage,
	.run = run,
};
