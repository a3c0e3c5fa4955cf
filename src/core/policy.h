/*
 * Policies (政策, SPEC §2) and their windows (窗口期): levels and statuses,
 * the date rules a policy must satisfy, and the two alerts — *closing*
 * (the window closes within N days and the policy is not landed) and
 * *missed* (the window closed un-landed). Both are computed for a
 * reference day, like a task's light, so they are never stale: the stored
 * status is what people recorded, the effective status is what it means
 * today.
 */
#ifndef LUOSHI_POLICY_H
#define LUOSHI_POLICY_H

#include "util/buf.h"

#include <stdbool.h>

enum policy_level {
	POLICY_NATIONAL,
	POLICY_PROVINCIAL,
	POLICY_MUNICIPAL,
};

enum policy_status {
	POLICY_WATCHING,	/* 跟踪: known, not applied for yet */
	POLICY_APPLYING,	/* 申报中 */
	POLICY_LANDED,		/* 已落地: secured */
	POLICY_MISSED,		/* 已错过 */
};

struct policy {
	long long id;
	const char *title;
	const char *issuer;
	enum policy_level level;
	int issued;		/* issued_on */
	int open;		/* window_open */
	int close;		/* window_close, the last day of the window */
	const char *unit;	/* responsible unit code */
	enum policy_status status;	/* as stored */
	const char *value;	/* e.g. "争取资金 1200 万元", or NULL */
	const char *created_at;
	long long version;	/* 1 when created, + 1 per change */
	struct buf arena;
};

void policy_init(struct policy *p);
void policy_release(struct policy *p);

const char *policy_level_name(enum policy_level l);
bool policy_level_parse(const char *s, enum policy_level *out);
const char *policy_status_name(enum policy_status s);
bool policy_status_parse(const char *s, enum policy_status *out);

/* Which date rule a policy breaks (policy_dates_check). */
enum policy_date_err {
	POLICY_DATES_OK,
	POLICY_OPEN_AFTER_CLOSE,	/* window_open > window_close */
	POLICY_ISSUED_AFTER_CLOSE,	/* issued_on > window_close */
};

/*
 * The dates of a policy: the window opens on or before it closes, and the
 * policy is issued on or before the window closes (a window may open
 * before the policy is published: retroactive application periods).
 */
enum policy_date_err policy_dates_check(int issued, int open, int close);

/*
 * The effective status on day `today`: landed and missed stay; watching
 * or applying become missed once the window has closed (close < today).
 */
enum policy_status policy_effective(enum policy_status stored, int close,
				    int today);

/*
 * Closing (窗口期临近): the effective status is watching or applying and
 * 0 <= close - today <= days. The close day itself is still closing.
 */
bool policy_closing(enum policy_status stored, int close, int today,
		    int days);

/*
 * Whether a stored status may be set on `today`: after the window has
 * closed only landed (secured late) and missed make sense; watching or
 * applying would be overruled by the effective status at once.
 */
bool policy_status_settable(enum policy_status to, int close, int today);

/* Why a bulletin lists a policy (policy_bulletin_kind). */
enum policy_alert {
	POLICY_ALERT_NONE,
	POLICY_ALERT_CLOSING,	/* closing within `days` of today */
	POLICY_ALERT_MISSED,	/* missed, its window closed in the period */
};

/*
 * The bulletin's policy windows (SPEC §7): closing within `days` of the
 * day of issue `today`, or effectively missed with window_close within
 * the period [first, last].
 */
enum policy_alert policy_bulletin_kind(enum policy_status stored, int close,
				       int today, int days, int first,
				       int last);

#endif
