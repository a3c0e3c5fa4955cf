/*
 * Bot signatures over libsodium's HMAC-SHA256 (any key length) and its
 * base64 (the original alphabet with padding, as the bots expect).
 */
#include "core/botsign.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static void hmac(const char *key, size_t klen, const char *msg, size_t mlen,
		 unsigned char mac[crypto_auth_hmacsha256_BYTES])
{
	crypto_auth_hmacsha256_state st;

	crypto_auth_hmacsha256_init(&st, (const unsigned char *)key, klen);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, mlen);
	crypto_auth_hmacsha256_final(&st, mac);
}

static void b64(const unsigned char *mac, char out[BOTSIGN_MAX])
{
	sodium_bin2base64(out, BOTSIGN_MAX, mac, crypto_auth_hmacsha256_BYTES,
			  sodium_base64_VARIANT_ORIGINAL);
}

void botsign_urlencode(const char *s, char *out, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t o = 0;

	for (; *s && o + 4 <= n; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~') {
			out[o++] = (char)c;
		} else {
			out[o++] = '%';
			out[o++] = hex[c >> 4];
			out[o++] = hex[c & 15];
		}
	}
	out[o] = '\0';
}

void botsign_dingtalk(const char *secret, long long ts_ms,
		      char out[BOTSIGN_MAX])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char msg[512], b[BOTSIGN_MAX];
	int n = snprintf(msg, sizeof(msg), "%lld\n%s", ts_ms, secret);

	if (n < 0 || (size_t)n >= sizeof(msg))
		n = (int)sizeof(msg) - 1;
	hmac(secret, strlen(secret), msg, (size_t)n, mac);
	b64(mac, b);
	botsign_urlencode(b, out, BOTSIGN_MAX);
}

void botsign_feishu(const char *secret, long long ts, char out[BOTSIGN_MAX])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	char key[512];
	int n = snprintf(key, sizeof(key), "%lld\n%s", ts, secret);

	if (n < 0 || (size_t)n >= sizeof(key))
		n = (int)sizeof(key) - 1;
	hmac(key, (size_t)n, "", 0, mac);
	b64(mac, out);
}

void botsign_webhook(const char *secret, const char *body, size_t len,
		     char out[65])
{
	unsigned char mac[crypto_auth_hmacsha256_BYTES];

	hmac(secret, strlen(secret), body, len, mac);
	sodium_bin2hex(out, 65, mac, sizeof(mac));
}
