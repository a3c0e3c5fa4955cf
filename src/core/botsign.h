/*
 * Signatures the group bots ask for, computed with libsodium's
 * HMAC-SHA256: DingTalk's signed URL, Feishu's body signature and our
 * generic webhook's header. Pure functions, so tests pin them down with
 * known-answer vectors.
 */
#ifndef LUOSHI_BOTSIGN_H
#define LUOSHI_BOTSIGN_H

#include <stddef.h>

/* Base64 of 32 bytes is 44 characters; URL-encoded at most 3 × that. */
#define BOTSIGN_MAX 136

/*
 * DingTalk (钉钉): sign = urlencode(base64(HMAC-SHA256(key = secret,
 * msg = "<ts_ms>\n<secret>"))), ts_ms in milliseconds; the URL gets
 * "&timestamp=<ts_ms>&sign=<sign>".
 */
void botsign_dingtalk(const char *secret, long long ts_ms,
		      char out[BOTSIGN_MAX]);

/*
 * Feishu (飞书): sign = base64(HMAC-SHA256(key = "<ts>\n<secret>",
 * msg = "")), ts in seconds; the body carries "timestamp" and "sign".
 */
void botsign_feishu(const char *secret, long long ts, char out[BOTSIGN_MAX]);

/* Our webhook: lower-case hex of HMAC-SHA256(key = secret, msg = body). */
void botsign_webhook(const char *secret, const char *body, size_t len,
		     char out[65]);

/* Percent-encodes s into out (RFC 3986 unreserved kept); NUL-terminated. */
void botsign_urlencode(const char *s, char *out, size_t n);

#endif
