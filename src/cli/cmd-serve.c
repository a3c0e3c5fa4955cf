/*
 * luoshi serve: the HTTP JSON API (and later the web UI) over the same
 * service layer as the CLI.
 */
#include "cli/cli.h"
#include "http/server.h"
#include "notify/notify.h"
#include "util/module.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: luoshi [--db PATH] serve [--listen ADDR:PORT] [--threads N]\n"
	"                  [--max-body BYTES] [--max-upload BYTES] [--quiet]\n"
	"                  [--web-root DIR] [--no-scheduler]\n"
	"       luoshi serve --routes\n\n"
	"Serves the HTTP API under /api/v1 (see docs/openapi.yaml) on\n"
	"ADDR:PORT (default 127.0.0.1:8080) with N worker threads (default\n"
	"2 per core). JSON bodies are limited to --max-body (1 MiB), uploads\n"
	"to --max-upload (64 MiB; each evidence file to the evidence_max\n"
	"setting). One access log line per request goes to stderr unless\n"
	"--quiet. SIGINT or SIGTERM stop it after the requests in flight.\n"
	"The server and the web UI are the http module (lib/luoshi/http.so\n"
	"beside the binary; see luoshi --help on modules). The web UI is\n"
	"served at /; --web-root DIR serves the files of DIR instead\n"
	"(front-end work).\n"
	"A scheduler thread sends reminders and urges (luoshi notify\n"
	"--help): at start-up and daily at remind_at; with several servers\n"
	"on one database only the holder of the sender lease sends (60 s,\n"
	"renewed; LUOSHI_LEASE_TTL=SECONDS, 2..3600, changes it).\n"
	"--no-scheduler leaves it out.\n"
	"--routes prints the route table (method, path, right) and exits.\n";

const struct cli_cmd cmd_serve;

struct sopts {
	struct server_opts o;
	const char *web_root;
	bool routes;
	bool no_sched;
};

static int sopt(struct cli *cli, int c, const char *v, void *arg)
{
	struct sopts *s = arg;
	long long n;
	int rc = 0;

	(void)cli;
	switch (c) {
	case 'l': s->o.listen = v; break;
	case 't':
		rc = parse_ll(v, "--threads", 1, 256, &n);
		s->o.threads = (int)n;
		break;
	case 'b': rc = parse_ll(v, "--max-body", 1024, 1LL << 30,
				&s->o.max_body); break;
	case 'u': rc = parse_ll(v, "--max-upload", 1024, 1LL << 34,
				&s->o.max_upload); break;
	case 'q': s->o.quiet = true; break;
	case 'r': s->routes = true; break;
	case 'w': s->web_root = v; break;
	case 'n': s->no_sched = true; break;
	}
	return rc;
}

static int run(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "listen", required_argument, NULL, 'l' },
		{ "threads", required_argument, NULL, 't' },
		{ "max-body", required_argument, NULL, 'b' },
		{ "max-upload", required_argument, NULL, 'u' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "routes", no_argument, NULL, 'r' },
		{ "web-root", required_argument, NULL, 'w' },
		{ "no-scheduler", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 },
	};
	const struct http_module *http;
	struct sopts s;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	int rc;

	memset(&s, 0, sizeof(s));
	s.o.listen = "127.0.0.1:8080";
	s.o.threads = (int)(cores > 0 ? cores * 2 : 2);
	s.o.max_body = 1 << 20;
	s.o.max_upload = 64LL << 20;
	CLI_PARSE(cli, &cmd_serve, opts, &argc, &argv, sopt, &s);
	if (argc)
		return cli_usage("unexpected argument '%s'", argv[0]);
	if (!(http = module_api(MODULE_HTTP, &cli->err)))
		return cli_fail(cli, &cli->err);
	if (s.routes) {
		http->print_routes(stdout);
		return 0;
	}
	if (s.web_root)
		http->set_web_root(s.web_root);
	/* check the database once, as the CLI does, before serving it */
	if ((rc = cli_open(cli)))
		return rc;
	ctx_close(&cli->ctx);
	cli->opened = false;
	s.o.db = cli->db;
	/* --today holds for the server too: each request reads the clock */
	if (cli->today)
		setenv("LUOSHI_TODAY", cli->today, 1);
	if (!s.no_sched && sched_start(cli->db, &cli->err))
		return cli_fail(cli, &cli->err);
	rc = http->run(&s.o, &cli->err);
	sched_stop();
	if (rc)
		return cli_fail(cli, &cli->err);
	return 0;
}

const struct cli_cmd cmd_serve = {
	.name = "serve",
	.summary = "serve the HTTP API",
	.usage = usage,
	.run = run,
};
