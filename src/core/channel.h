/*
 * Notification channels (SPEC §8) and the settings of delivery: channel
 * kinds, what a target and a secret must look like for each, and the
 * notify settings (daily time, SMTP, retries) with their defaults and
 * validation, in one table like core/settings.c but with text values.
 */
#ifndef LUOSHI_CHANNEL_H
#define LUOSHI_CHANNEL_H

#include <stdbool.h>
#include <stddef.h>

enum channel_kind {
	CHANNEL_WECOM,		/* 企业微信 group bot */
	CHANNEL_DINGTALK,	/* 钉钉 group bot, signed URL with a secret */
	CHANNEL_FEISHU,		/* 飞书 group bot, signed body with a secret */
	CHANNEL_WEBHOOK,	/* generic JSON POST, optional HMAC header */
	CHANNEL_EMAIL,		/* SMTP */
};

bool channel_kind_parse(const char *s, enum channel_kind *k);
const char *channel_kind_name(enum channel_kind k);

/*
 * Checks a channel's target (an http(s) URL for bots and webhooks, an
 * address for e-mail) and secret (DingTalk, Feishu, webhook only; at
 * most 200 bytes). Returns 0, or -1 with the message in msg naming the
 * field ("target" or "secret" in *field) and the value.
 */
int channel_check(enum channel_kind k, const char *target, const char *secret,
		  const char **field, char *msg, size_t n);

enum starttls {
	STARTTLS_NO,	/* plain SMTP (a local relay) */
	STARTTLS_TRY,	/* use it when offered */
	STARTTLS_YES,	/* required (default) */
};

#define NOTIFY_TEXT 256

struct notify_conf {
	int remind_at;			/* minutes after midnight (08:00) */
	char smtp_host[NOTIFY_TEXT];	/* "" = no e-mail */
	int smtp_port;			/* 587 */
	char smtp_from[NOTIFY_TEXT];
	char smtp_user[NOTIFY_TEXT];	/* "" = no login */
	char smtp_password_file[NOTIFY_TEXT];
	enum starttls smtp_starttls;
	int retries;			/* attempts per message (5) */
	int backoff;			/* seconds before the 2nd (30) */
	int timeout;			/* seconds per attempt (10) */
};

/* Keys in a stable order, NULL-terminated. */
extern const char *const notify_conf_keys[];

void notify_conf_default(struct notify_conf *c);
/* 0, or -1 when the key is unknown or the value invalid (msg says). */
int notify_conf_set(struct notify_conf *c, const char *key, const char *value,
		    char *msg, size_t n);
/* The value of key as text into out (normalised: "7:5" never stored). */
void notify_conf_get(const struct notify_conf *c, const char *key, char *out,
		     size_t n);
bool notify_conf_known(const char *key);

#endif
