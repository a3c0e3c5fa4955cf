/*
 * argon2id password hashing (libsodium's crypto_pwhash_str, interactive
 * limits: about 64 MiB and a tenth of a second per hash).
 */
#include "svc/password.h"
#include "util/xmalloc.h"

#include <errno.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

enum lserr password_check(const char *password, struct err *e)
{
	size_t n = password ? strlen(password) : 0;

	if (n < 8)
		return err_set(e, LS_EINVAL, "password",
			       "password too short (%zu characters, at "
			       "least 8)", n);
	if (n > 1024)
		return err_set(e, LS_EINVAL, "password",
			       "password too long (at most 1024 bytes)");
	return LS_OK;
}

char *password_hash(const char *password, struct err *e)
{
	char out[crypto_pwhash_STRBYTES];

	if (sodium_init() < 0) {
		err_set(e, LS_EFAIL, "password", "libsodium failed to start");
		return NULL;
	}
	if (crypto_pwhash_str_alg(out, password, strlen(password),
				  crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE,
				  crypto_pwhash_ALG_ARGON2ID13) != 0) {
		err_set(e, LS_EFAIL, "password", "out of memory hashing "
			"the password");
		return NULL;
	}
	return xstrdup(out);
}

bool password_verify(const char *hash, const char *password)
{
	if (!hash || !password || sodium_init() < 0)
		return false;
	return crypto_pwhash_str_verify(hash, password, strlen(password)) == 0;
}

char *password_read_file(const char *path, struct err *e)
{
	FILE *f = fopen(path, "r");
	char line[1100];
	size_t n;

	if (!f) {
		err_set(e, LS_EFAIL, "password-file", "cannot read '%s': %s",
			path, strerror(errno));
		return NULL;
	}
	if (!fgets(line, sizeof(line), f))
		line[0] = '\0';
	fclose(f);
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	return xstrdup(line);
}

static char nobody_hash[crypto_pwhash_STRBYTES];
static pthread_once_t nobody_once = PTHREAD_ONCE_INIT;

static void nobody_init(void)
{
	unsigned char r[16];

	/* a random password nobody knows, hashed like the real ones */
	randombytes_buf(r, sizeof(r));
	if (crypto_pwhash_str_alg(nobody_hash, (const char *)r, sizeof(r),
				  crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE,
				  crypto_pwhash_ALG_ARGON2ID13) != 0)
		nobody_hash[0] = '\0';
}

void password_verify_nobody(const char *password)
{
	if (!password || sodium_init() < 0)
		return;
	pthread_once(&nobody_once, nobody_init);
	/* the answer is known (no): only the time spent matters */
	if (nobody_hash[0] && crypto_pwhash_str_verify(nobody_hash, password,
						       strlen(password)) == 0)
		return;
}
