/*
 * libFuzzer harness for multipart uploads, end to end: the real server
 * (server_run, libmicrohttpd's post processor, our form_part callback and
 * size limits, then the import readers) runs in a thread of this process
 * on a loopback port, over a database set up at start with an admin and a
 * token. Each input is the body of POST /api/v1/import/tasks?dry_run=1 as
 * multipart/form-data with a fixed boundary ("fzb"), sent on a new
 * connection. Checks: no crash (ASan/UBSan in-process), and an answer
 * that is not a 5xx. A dry run writes nothing, so the database stays the
 * same however long it runs.
 */
#include "http/server.h"
#include "svc/auth.h"
#include "svc/ctx.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

static char token[SECRET_HEXLEN];
static int port;
static char dir[] = "/tmp/luoshi-fuzz-mp-XXXXXX";
static char db[64];
static char listen_at[32];

static void cleanup(void)
{
	static const char *const names[] = {
		"f.db", "f.db-wal", "f.db-shm",
	};
	char p[128];

	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		unlink(p);
	}
	snprintf(p, sizeof(p), "%s/f.db.files", dir);
	rmdir(p);
	rmdir(dir);
}

static void die(const char *what, const struct err *e)
{
	fprintf(stderr, "fuzz-multipart: %s: %s\n", what, e ? e->msg : "");
	abort();
}

/* A fresh database with admin (no password), a bearer token and the
 * unit HRB, so that a good file imports (in a dry run). */
static void setup_db(void)
{
	struct ctx c;
	struct user u;
	struct unit hrb = { .code = "HRB", .name = "哈尔滨市", .kind = "city",
			    .path = "/HRB/" };
	struct err e = ERR_INIT;
	long long id;

	if (!mkdtemp(dir))
		die("mkdtemp", NULL);
	atexit(cleanup);
	snprintf(db, sizeof(db), "%s/f.db", dir);
	memset(&c, 0, sizeof(c));
	if (!(c.st = store_open(db, &e)))
		die("open", &e);
	settings_default(&c.settings);
	if (ctx_act_as(&c, NULL, &e) || ctx_clock(&c, "2026-11-26", &e))
		die("context", &e);
	user_init(&u);
	u.login = "admin";
	u.name = "admin";
	u.role = ROLE_ADMIN;
	u.created_at = c.now;
	if (store_begin(c.st, &e) || store_migrate(c.st, &e) ||
	    store_user_insert(c.st, &u, &e) ||
	    store_unit_insert(c.st, &hrb, &e) || store_commit(c.st, &e))
		die("init", &e);
	if (ctx_act_as(&c, "admin", &e) ||
	    svc_token_create(&c, "admin", "fuzz", token, &id, &e))
		die("token", &e);
	ctx_close(&c);
}

static void *serve(void *arg)
{
	struct server_opts o = {
		.db = db, .listen = listen_at, .threads = 2,
		.max_body = 1 << 20, .max_upload = 1 << 20, .quiet = true,
	};
	struct err e = ERR_INIT;

	(void)arg;
	server_run(&o, &e);
	return NULL;
}

static int dial(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a)) == 0)
		return fd;
	if (fd >= 0)
		close(fd);
	return -1;
}

static void send_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n) {
		ssize_t w = send(fd, c, n, MSG_NOSIGNAL);

		if (w <= 0)
			return;	/* the server may answer and close early */
		c += w;
		n -= (size_t)w;
	}
}

/* Sends one request; returns the status of the answer (0: none). */
static int request(const char *head, const uint8_t *body, size_t n)
{
	char buf[4096];
	size_t got = 0;
	int fd = dial(), status = 0;

	if (fd < 0)
		return 0;
	send_all(fd, head, strlen(head));
	send_all(fd, body, n);
	shutdown(fd, SHUT_WR);
	for (ssize_t r; got < sizeof(buf) - 1 &&
	     (r = recv(fd, buf + got, sizeof(buf) - 1 - got, 0)) > 0;)
		got += (size_t)r;
	buf[got] = '\0';
	close(fd);
	if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
		status = 0;
	return status;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	sigset_t set;
	pthread_t t;
	char head[256];

	(void)argc;
	(void)argv;
	setup_db();
	/* server_run waits for these with sigwait: no thread may take them */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	port = 20000 + (int)(getpid() % 20000);
	snprintf(listen_at, sizeof(listen_at), "127.0.0.1:%d", port);
	if (pthread_create(&t, NULL, serve, NULL))
		die("thread", NULL);
	snprintf(head, sizeof(head), "GET /healthz HTTP/1.1\r\nHost: x\r\n"
		 "Connection: close\r\n\r\n");
	for (int i = 0; i < 200 && request(head, NULL, 0) != 200; i++)
		usleep(20000);
	if (request(head, NULL, 0) != 200)
		die("the server did not start", NULL);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	char head[512];
	int status;

	snprintf(head, sizeof(head),
		 "POST /api/v1/import/tasks?dry_run=1 HTTP/1.1\r\n"
		 "Host: x\r\nConnection: close\r\n"
		 "Authorization: Bearer %s\r\n"
		 "Content-Type: multipart/form-data; boundary=fzb\r\n"
		 "Content-Length: %zu\r\n\r\n",
		 token, n);
	status = request(head, data, n);
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "fuzz-multipart: answer %d\n", status);
	if (status == 0 || status >= 500) {
		fprintf(stderr, "fuzz-multipart: answer %d\n", status);
		abort();
	}
	return 0;
}
