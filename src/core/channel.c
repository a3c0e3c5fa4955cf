/*
 * Channel kinds and targets, and the notify settings table (see
 * channel.h). Targets are checked for shape only: whether a bot answers
 * is learnt when a message is delivered (and logged).
 */
#include "core/channel.h"
#include "core/remind.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kinds[] = {
	[CHANNEL_WECOM] = "wecom",
	[CHANNEL_DINGTALK] = "dingtalk",
	[CHANNEL_FEISHU] = "feishu",
	[CHANNEL_WEBHOOK] = "webhook",
	[CHANNEL_EMAIL] = "email",
};

bool channel_kind_parse(const char *s, enum channel_kind *k)
{
	for (size_t i = 0; s && i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (!strcmp(s, kinds[i])) {
			*k = (enum channel_kind)i;
			return true;
		}
	}
	return false;
}

const char *channel_kind_name(enum channel_kind k)
{
	return kinds[k];
}

static bool has_space_or_ctl(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == 0x7f)
			return true;
	return false;
}

/* local@domain.tld: one '@', no spaces, no <>,;" (a header injection). */
static bool address_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return at && at != s && !strchr(at + 1, '@') && strchr(at + 1, '.') &&
	       at[1] != '.' && s[strlen(s) - 1] != '.' &&
	       !has_space_or_ctl(s) && !strpbrk(s, "<>,;\"()[]\\");
}

int channel_check(enum channel_kind k, const char *target, const char *secret,
		  const char **field, char *msg, size_t n)
{
	*field = "target";
	if (!target || !*target) {
		snprintf(msg, n, "missing --target for a %s channel",
			 kinds[k]);
		return -1;
	}
	if (strlen(target) > 1000) {
		snprintf(msg, n, "target too long (%zu bytes, at most 1000)",
			 strlen(target));
		return -1;
	}
	if (k == CHANNEL_EMAIL) {
		if (!address_ok(target)) {
			snprintf(msg, n, "invalid address '%s' for --target "
				 "(expected name@example.org)", target);
			return -1;
		}
	} else if ((strncmp(target, "http://", 7) &&
		    strncmp(target, "https://", 8)) ||
		   has_space_or_ctl(target)) {
		snprintf(msg, n, "invalid URL '%s' for --target (expected "
			 "http:// or https://)", target);
		return -1;
	}
	*field = "secret";
	if (secret && *secret && (k == CHANNEL_WECOM || k == CHANNEL_EMAIL)) {
		snprintf(msg, n, "--secret is not used by %s channels",
			 kinds[k]);
		return -1;
	}
	if (secret && strlen(secret) > 200) {
		snprintf(msg, n, "secret too long (%zu bytes, at most 200)",
			 strlen(secret));
		return -1;
	}
	return 0;
}

const char *const notify_conf_keys[] = {
	"remind_at", "smtp_host", "smtp_port", "smtp_from", "smtp_user",
	"smtp_password_file", "smtp_starttls", "notify_retries",
	"notify_backoff", "notify_timeout", NULL,
};

static const char *const tls_names[] = { "no", "try", "yes" };

void notify_conf_default(struct notify_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->remind_at = 8 * 60;
	c->smtp_port = 587;
	c->smtp_starttls = STARTTLS_YES;
	c->retries = 5;
	c->backoff = 30;
	c->timeout = 10;
}

bool notify_conf_known(const char *key)
{
	for (int i = 0; notify_conf_keys[i]; i++)
		if (!strcmp(notify_conf_keys[i], key))
			return true;
	return false;
}

static int int_value(const char *key, const char *v, long lo, long hi,
		     int *out, char *msg, size_t n)
{
	char *end;
	long x;

	errno = 0;
	x = strtol(v, &end, 10);
	if (errno || end == v || *end || x < lo || x > hi) {
		snprintf(msg, n, "invalid value '%s' for %s (%ld..%ld)", v,
			 key, lo, hi);
		return -1;
	}
	*out = (int)x;
	return 0;
}

static int text_value(const char *key, const char *v, char *out, char *msg,
		      size_t n)
{
	if (strlen(v) >= NOTIFY_TEXT || strpbrk(v, "\r\n")) {
		snprintf(msg, n, "invalid value for %s (one line, at most "
			 "%d bytes)", key, NOTIFY_TEXT - 1);
		return -1;
	}
	memcpy(out, v, strlen(v) + 1);
	return 0;
}

int notify_conf_set(struct notify_conf *c, const char *key, const char *value,
		    char *msg, size_t n)
{
	if (!value)
		value = "";
	if (!strcmp(key, "remind_at")) {
		if (!remind_time_parse(value, &c->remind_at)) {
			snprintf(msg, n, "invalid time '%s' for remind_at "
				 "(expected HH:MM, 00:00..23:59)", value);
			return -1;
		}
		return 0;
	}
	if (!strcmp(key, "smtp_host"))
		return text_value(key, value, c->smtp_host, msg, n);
	if (!strcmp(key, "smtp_port"))
		return int_value(key, value, 1, 65535, &c->smtp_port, msg, n);
	if (!strcmp(key, "smtp_from")) {
		if (*value && !address_ok(value)) {
			snprintf(msg, n, "invalid address '%s' for smtp_from",
				 value);
			return -1;
		}
		return text_value(key, value, c->smtp_from, msg, n);
	}
	if (!strcmp(key, "smtp_user"))
		return text_value(key, value, c->smtp_user, msg, n);
	if (!strcmp(key, "smtp_password_file"))
		return text_value(key, value, c->smtp_password_file, msg, n);
	if (!strcmp(key, "smtp_starttls")) {
		for (int i = 0; i < 3; i++) {
			if (!strcmp(value, tls_names[i])) {
				c->smtp_starttls = (enum starttls)i;
				return 0;
			}
		}
		snprintf(msg, n, "invalid value '%s' for smtp_starttls "
			 "(yes, try, no)", value);
		return -1;
	}
	if (!strcmp(key, "notify_retries"))
		return int_value(key, value, 1, 20, &c->retries, msg, n);
	if (!strcmp(key, "notify_backoff"))
		return int_value(key, value, 1, 3600, &c->backoff, msg, n);
	if (!strcmp(key, "notify_timeout"))
		return int_value(key, value, 1, 300, &c->timeout, msg, n);
	snprintf(msg, n, "unknown setting '%s'", key);
	return -1;
}

void notify_conf_get(const struct notify_conf *c, const char *key, char *out,
		     size_t n)
{
	if (!strcmp(key, "remind_at"))
		snprintf(out, n, "%02d:%02d", c->remind_at / 60,
			 c->remind_at % 60);
	else if (!strcmp(key, "smtp_host"))
		snprintf(out, n, "%s", c->smtp_host);
	else if (!strcmp(key, "smtp_port"))
		snprintf(out, n, "%d", c->smtp_port);
	else if (!strcmp(key, "smtp_from"))
		snprintf(out, n, "%s", c->smtp_from);
	else if (!strcmp(key, "smtp_user"))
		snprintf(out, n, "%s", c->smtp_user);
	else if (!strcmp(key, "smtp_password_file"))
		snprintf(out, n, "%s", c->smtp_password_file);
	else if (!strcmp(key, "smtp_starttls"))
		snprintf(out, n, "%s", tls_names[c->smtp_starttls]);
	else if (!strcmp(key, "notify_retries"))
		snprintf(out, n, "%d", c->retries);
	else if (!strcmp(key, "notify_backoff"))
		snprintf(out, n, "%d", c->backoff);
	else if (!strcmp(key, "notify_timeout"))
		snprintf(out, n, "%d", c->timeout);
	else if (n)
		out[0] = '\0';
}
