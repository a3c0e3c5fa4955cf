/*
 * Delivery of one message through libcurl: the JSON of each group bot
 * (WeCom, DingTalk with its signed URL, Feishu with its signed body), a
 * generic JSON webhook (with an HMAC header when it has a secret) and
 * e-mail over SMTP with STARTTLS. A bot that answers HTTP 200 with a
 * non-zero errcode/code has refused the message: that is a failure too.
 */
#include "core/botsign.h"
#include "notify/notify.h"
#include "util/jw.h"
#include "util/module.h"
#include "util/xmalloc.h"

#include <curl/curl.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define REPLY_MAX 65536

static size_t collect(char *ptr, size_t size, size_t n, void *arg)
{
	struct buf *b = arg;

	if (b->len + size * n <= REPLY_MAX)
		buf_add(b, ptr, size * n);
	return size * n;
}

static long long now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/* The JSON body a channel kind wants; ts is Unix seconds (Feishu). */
static char *payload(const struct channel *ch, const struct delivery *d,
		     long long ts)
{
	struct jw_text x;
	struct jw *w = jw_text_begin(&x);
	char sign[BOTSIGN_MAX], tsbuf[24];

	jw_obj(w);
	switch (ch->kind) {
	case CHANNEL_WECOM:
	case CHANNEL_DINGTALK:
		jw_kstr(w, "msgtype", "text");
		jw_key(w, "text");
		jw_obj(w);
		jw_kstr(w, "content", d->body);
		jw_obj_end(w);
		break;
	case CHANNEL_FEISHU:
		if (ch->secret) {
			snprintf(tsbuf, sizeof(tsbuf), "%lld", ts);
			botsign_feishu(ch->secret, ts, sign);
			jw_kstr(w, "timestamp", tsbuf);
			jw_kstr(w, "sign", sign);
		}
		jw_kstr(w, "msg_type", "text");
		jw_key(w, "content");
		jw_obj(w);
		jw_kstr(w, "text", d->body);
		jw_obj_end(w);
		break;
	default:
		jw_kstr(w, "recipient", d->recipient);
		jw_kstr(w, "kind", d->kind);
		jw_kdate(w, "day", d->day);
		jw_kint(w, "items", d->items);
		jw_kstr(w, "subject", d->subject);
		jw_kstr(w, "text", d->body);
		break;
	}
	jw_obj_end(w);
	return jw_text_end(&x);
}

/* A bot's refusal inside an HTTP 200: {"errcode":N} or {"code":N}. */
static int bot_refused(const struct buf *reply, struct buf *err)
{
	json_t *j = json_loadb(reply->ptr, reply->len, 0, NULL);
	json_t *code = j ? json_object_get(j, "errcode") : NULL;
	int rc = 0;

	if (j && !code)
		code = json_object_get(j, "code");
	if (code && json_is_integer(code) && json_integer_value(code)) {
		json_t *m = json_object_get(j, "errmsg");

		if (!m)
			m = json_object_get(j, "msg");
		buf_addf(err, "refused: code %lld: %s",
			 (long long)json_integer_value(code),
			 json_is_string(m) ? json_string_value(m) : "");
		rc = -1;
	}
	json_decref(j);
	return rc;
}

static void common(CURL *h, const struct notify_conf *conf, char *ebuf)
{
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)conf->timeout);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)conf->timeout);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, ebuf);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "luoshi");
}

static int send_http(const struct notify_conf *conf, const struct channel *ch,
		     const struct delivery *d, struct buf *err)
{
	CURL *h = curl_easy_init();
	struct curl_slist *hdr = NULL;
	struct buf url = BUF_INIT, reply = BUF_INIT, line = BUF_INIT;
	char ebuf[CURL_ERROR_SIZE] = "", sign[BOTSIGN_MAX], mac[65];
	long long ms = now_ms();
	char *body = payload(ch, d, ms / 1000);
	long status = 0;
	CURLcode cc;
	int rc = -1;

	if (!h) {
		buf_adds(err, "curl_easy_init failed");
		goto out;
	}
	buf_adds(&url, ch->target);
	if (ch->kind == CHANNEL_DINGTALK && ch->secret) {
		botsign_dingtalk(ch->secret, ms, sign);
		buf_addf(&url, "%ctimestamp=%lld&sign=%s",
			 strchr(ch->target, '?') ? '&' : '?', ms, sign);
	}
	hdr = curl_slist_append(hdr, "Content-Type: application/json; "
				"charset=utf-8");
	if (ch->kind == CHANNEL_WEBHOOK && ch->secret) {
		botsign_webhook(ch->secret, body, strlen(body), mac);
		buf_addf(&line, "X-Luoshi-Signature: sha256=%s", mac);
		hdr = curl_slist_append(hdr, line.ptr);
	}
	common(h, conf, ebuf);
	curl_easy_setopt(h, CURLOPT_URL, url.ptr);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, &reply);
	cc = curl_easy_perform(h);
	if (cc != CURLE_OK) {
		buf_addf(err, "%s", *ebuf ? ebuf : curl_easy_strerror(cc));
		goto out;
	}
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	if (status < 200 || status > 299) {
		buf_addf(err, "HTTP %ld", status);
		goto out;
	}
	rc = ch->kind == CHANNEL_WEBHOOK ? 0 : bot_refused(&reply, err);
out:
	curl_slist_free_all(hdr);
	if (h)
		curl_easy_cleanup(h);
	free(body);
	buf_release(&url);
	buf_release(&reply);
	buf_release(&line);
	return rc;
}

struct upload {
	const char *p;
	size_t left;
};

static size_t feed(char *ptr, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t k = size * n < u->left ? size * n : u->left;

	memcpy(ptr, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

static void base64_lines(struct buf *out, const char *s, size_t n)
{
	/* 57 input bytes = one 76-character line */
	char line[80];

	for (size_t i = 0; i < n; i += 57) {
		size_t k = n - i < 57 ? n - i : 57;

		sodium_bin2base64(line, sizeof(line),
				  (const unsigned char *)s + i, k,
				  sodium_base64_VARIANT_ORIGINAL);
		buf_addf(out, "%s\r\n", line);
	}
}

/* RFC 5322 message: UTF-8 subject as an encoded word, base64 body. */
static void mail_message(struct buf *m, const struct notify_conf *conf,
			 const struct channel *ch, const struct delivery *d)
{
	char date[64], host[64] = "luoshi";
	size_t sl = strlen(d->subject);
	char *subj = xmalloc(sl * 2 + 8);
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	gethostname(host, sizeof(host) - 1);
	sodium_bin2base64(subj, sl * 2 + 8, (const unsigned char *)d->subject,
			  sl, sodium_base64_VARIANT_ORIGINAL);
	buf_addf(m, "Date: %s\r\nFrom: %s\r\nTo: %s\r\n"
		 "Subject: =?UTF-8?B?%s?=\r\n"
		 "Message-ID: <luoshi-%lld-%lld@%s>\r\n"
		 "MIME-Version: 1.0\r\n"
		 "Content-Type: text/plain; charset=UTF-8\r\n"
		 "Content-Transfer-Encoding: base64\r\n\r\n", date,
		 conf->smtp_from, ch->target, subj, d->id, (long long)t, host);
	base64_lines(m, d->body, strlen(d->body));
	free(subj);
}

/* The password file's first line; "" when unset. -1 when unreadable. */
static int read_password(const char *path, char *out, size_t n)
{
	FILE *f;

	out[0] = '\0';
	if (!*path)
		return 0;
	if (!(f = fopen(path, "r")))
		return -1;
	if (!fgets(out, (int)n, f))
		out[0] = '\0';
	fclose(f);
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static int send_mail(const struct notify_conf *conf, const struct channel *ch,
		     const struct delivery *d, struct buf *err)
{
	static const curl_usessl tls[] = {
		[STARTTLS_NO] = CURLUSESSL_NONE,
		[STARTTLS_TRY] = CURLUSESSL_TRY,
		[STARTTLS_YES] = CURLUSESSL_ALL,
	};
	CURL *h = NULL;
	struct curl_slist *rcpt = NULL;
	struct buf url = BUF_INIT, msg = BUF_INIT, from = BUF_INIT;
	char ebuf[CURL_ERROR_SIZE] = "", pw[256];
	struct upload up;
	CURLcode cc;
	int rc = -1;

	if (!*conf->smtp_host || !*conf->smtp_from) {
		buf_adds(err, "e-mail is not set up: set smtp_host and "
			 "smtp_from");
		goto out;
	}
	if (read_password(conf->smtp_password_file, pw, sizeof(pw))) {
		buf_addf(err, "cannot read smtp_password_file '%s'",
			 conf->smtp_password_file);
		goto out;
	}
	if (!(h = curl_easy_init())) {
		buf_adds(err, "curl_easy_init failed");
		goto out;
	}
	buf_addf(&url, "smtp://%s:%d", conf->smtp_host, conf->smtp_port);
	buf_addf(&from, "<%s>", conf->smtp_from);
	buf_reset(&msg);
	mail_message(&msg, conf, ch, d);
	rcpt = curl_slist_append(rcpt, ch->target);
	up.p = msg.ptr;
	up.left = msg.len;
	common(h, conf, ebuf);
	curl_easy_setopt(h, CURLOPT_URL, url.ptr);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp");
	curl_easy_setopt(h, CURLOPT_USE_SSL, (long)tls[conf->smtp_starttls]);
	if (*conf->smtp_user) {
		curl_easy_setopt(h, CURLOPT_USERNAME, conf->smtp_user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, pw);
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.ptr);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, feed);
	curl_easy_setopt(h, CURLOPT_READDATA, &up);
	cc = curl_easy_perform(h);
	if (cc != CURLE_OK) {
		buf_addf(err, "%s", *ebuf ? ebuf : curl_easy_strerror(cc));
		goto out;
	}
	rc = 0;
out:
	sodium_memzero(pw, sizeof(pw));
	curl_slist_free_all(rcpt);
	if (h)
		curl_easy_cleanup(h);
	buf_release(&url);
	buf_release(&msg);
	buf_release(&from);
	return rc;
}

static int send_one(const struct notify_conf *conf, const struct channel *ch,
		    const struct delivery *d, struct buf *err)
{
	if (ch->kind == CHANNEL_EMAIL)
		return send_mail(conf, ch, d, err);
	return send_http(conf, ch, d, err);
}

static void begin(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

static const struct notify_send_module api = {
	begin, curl_global_cleanup, send_one,
};

MODULE(send, MODULE_SEND, &api);
