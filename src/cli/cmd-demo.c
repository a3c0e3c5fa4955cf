/*
 * luoshi demo: seeds a fictional city into a new database (filled in by
 * svc/demo.c).
 */
#include "cli/cli.h"

static const char usage[] =
	"usage: luoshi [--db PATH] demo [--scale N] [--seed S]\n";

const struct cli_cmd cmd_demo;

static int run(struct cli *cli, int argc, char **argv)
{
	CLI_PARSE(cli, &cmd_demo, NULL, &argc, &argv, NULL, NULL);
	return cli_usage("demo: not yet available");
}

const struct cli_cmd cmd_demo = {
	.name = "demo",
	.summary = "seed a demo city",
	.usage = usage,
	.run = run,
};
