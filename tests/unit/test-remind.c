/*
 * Unit tests for core/remind.c and core/channel.c: reminder kinds on
 * fixed days (over the light rule of SPEC §3 with the default settings:
 * warn_days 3, lag 25, report_days 7, ack_hours 24), the comparison day,
 * the supervising unit on a path, digest grouping and text, back-off,
 * the daily time, channel targets and the notify settings. Every
 * expected value is worked out by hand in the comment above it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/channel.h"
#include "core/remind.h"
#include "util/date.h"

#include <stdlib.h>
#include <string.h>

#define D(s) day_of(s)

static int day_of(const char *s)
{
	int d;

	assert_true(date_parse(s, &d));
	return d;
}

static long long at(const char *s)
{
	long long v;

	assert_true(instant_parse(s, &v));
	return v;
}

/* A live task created on `created` at 00:00Z, due `due`, acknowledged. */
static void mk(struct task *t, const char *created, const char *due)
{
	static char inst[INSTANT_STRLEN];

	task_init(t);
	t->id = 1;
	t->status = TASK_DOING;
	t->created_on = t->activity_on = D(created);
	instant_format((long long)D(created) * 86400, inst);
	t->created_at = inst;
	t->acked_at = inst;
	t->due = D(due);
}

static void test_kinds(void **state)
{
	struct settings s;
	struct task t;
	int T = D("2026-11-26"), P = D("2026-11-25");
	long long now = at("2026-11-26T00:00:00Z");

	(void)state;
	settings_default(&s);
	/* due 11-25: red on 11-26 (T > due), yellow on 11-25 (due − P = 0
	 * ≤ 3): turned red */
	mk(&t, "2026-11-20", "2026-11-25");
	assert_int_equal(remind_kinds(&t, P, T, now, &s), 1u << REMIND_RED);
	/* due 11-29: yellow on 11-26 (3 ≤ 3), green on 11-25 (4 > 3) */
	mk(&t, "2026-11-20", "2026-11-29");
	assert_int_equal(remind_kinds(&t, P, T, now, &s),
			 1u << REMIND_YELLOW);
	/* due 11-28: yellow on both days: nothing turned */
	mk(&t, "2026-11-20", "2026-11-28");
	assert_int_equal(remind_kinds(&t, P, T, now, &s), 0);
	/* due 11-26: due today; yellow both days (1 and 0 ≤ 3) */
	mk(&t, "2026-11-20", "2026-11-26");
	assert_int_equal(remind_kinds(&t, P, T, now, &s), 1u << REMIND_DUE);
	/* created today, due 11-28: yellow, and green "before it existed" */
	mk(&t, "2026-11-26", "2026-11-28");
	assert_int_equal(remind_kinds(&t, P, T, now, &s),
			 1u << REMIND_YELLOW);
	/* a milestone due today on a green task (due 12-31) */
	mk(&t, "2026-11-20", "2026-12-31");
	t.ms_due = T;
	assert_int_equal(remind_kinds(&t, P, T, now, &s),
			 1u << REMIND_MILESTONE);
	/* stale: last activity 11-18, T − 11-18 = 8 > 7 → yellow; on 11-25
	 * 7 > 7 is false → green: turned yellow */
	mk(&t, "2026-11-18", "2026-12-31");
	assert_int_equal(remind_kinds(&t, P, T, now, &s),
			 1u << REMIND_YELLOW);
	/* done and cancelled tasks give nothing, even red ones */
	mk(&t, "2026-11-20", "2026-11-25");
	t.status = TASK_DONE;
	assert_int_equal(remind_kinds(&t, P, T, now, &s), 0);
	t.status = TASK_CANCELLED;
	assert_int_equal(remind_kinds(&t, P, T, now, &s), 0);
}

static void test_ack_overdue(void **state)
{
	struct task t;

	(void)state;
	mk(&t, "2026-11-25", "2026-12-31");
	t.status = TASK_OPEN;
	t.acked_at = NULL;
	/* created 11-25T00:00Z; 24 h later exactly is not past ack_hours */
	assert_false(remind_ack_overdue(&t, at("2026-11-26T00:00:00Z"), 24));
	assert_true(remind_ack_overdue(&t, at("2026-11-26T00:00:01Z"), 24));
	/* answered, or no longer open: never overdue */
	t.acked_at = "2026-11-25T01:00:00Z";
	assert_false(remind_ack_overdue(&t, at("2026-11-27T00:00:00Z"), 24));
	t.acked_at = NULL;
	t.status = TASK_DOING;
	assert_false(remind_ack_overdue(&t, at("2026-11-27T00:00:00Z"), 24));
}

static void test_prev_day(void **state)
{
	int T = D("2026-11-26");

	(void)state;
	/* never ran, ran yesterday or today: compare with yesterday */
	assert_int_equal(remind_prev_day(T, DATE_NONE), T - 1);
	assert_int_equal(remind_prev_day(T, T - 1), T - 1);
	assert_int_equal(remind_prev_day(T, T), T - 1);
	/* down three days: compare with the last pass */
	assert_int_equal(remind_prev_day(T, T - 3), T - 3);
	/* down a month: at most 7 days back */
	assert_int_equal(remind_prev_day(T, T - 30), T - 7);
}

static bool has_hrb_only(const char *code, void *arg)
{
	(void)arg;
	return !strcmp(code, "HRB");
}

static bool has_dl(const char *code, void *arg)
{
	(void)arg;
	return !strcmp(code, "HRB-DL") || !strcmp(code, "HRB");
}

static bool has_none(const char *code, void *arg)
{
	(void)code;
	(void)arg;
	return false;
}

static void test_supervising_unit(void **state)
{
	char out[32];

	(void)state;
	/* the lead unit first: HRB-DL has supervisors */
	assert_true(remind_supervising_unit("/HRB/HRB-DL/X/", has_dl, NULL,
					    out, sizeof(out)));
	assert_string_equal(out, "HRB-DL");
	/* none below: up to the city */
	assert_true(remind_supervising_unit("/HRB/HRB-DL/X/", has_hrb_only,
					    NULL, out, sizeof(out)));
	assert_string_equal(out, "HRB");
	assert_false(remind_supervising_unit("/HRB/HRB-DL/", has_none, NULL,
					     out, sizeof(out)));
}

static void test_digest(void **state)
{
	struct remind_item it[] = {
		{ REMIND_DUE, 5, "今日", "A", D("2026-11-26") },
		{ REMIND_RED, 9, "晚", "B", D("2026-11-25") },
		{ REMIND_RED, 3, "早", "A", D("2026-11-20") },
		{ REMIND_RED, 2, "同日", "A", D("2026-11-25") },
	};
	struct buf subj = BUF_INIT, text = BUF_INIT;

	(void)state;
	/* kind first (red before due), then due, then id: 3 (11-20),
	 * 2 and 9 (11-25, 2 < 9), then 5 */
	qsort(it, 4, sizeof(it[0]), remind_item_cmp);
	assert_true(it[0].task_id == 3 && it[1].task_id == 2 &&
		    it[2].task_id == 9 && it[3].task_id == 5);
	/* two lines per kind at most: red's third becomes "另有 1 项" */
	remind_digest(&subj, &text, "张三", D("2026-11-26"), it, 4, 2);
	assert_string_equal(subj.ptr, "落实提醒 2026-11-26 张三：4 项");
	assert_string_equal(text.ptr,
		"落实提醒 2026-11-26 张三：4 项\n"
		"\n【转红】3 项\n"
		"- #3 早（牵头 A，截止 2026-11-20）\n"
		"- #2 同日（牵头 A，截止 2026-11-25）\n"
		"- ……另有 1 项\n"
		"\n【今日到期（当日事）】1 项\n"
		"- #5 今日（牵头 A，截止 2026-11-26）\n");
	buf_reset(&subj);
	buf_reset(&text);
	remind_urge_text(&subj, &text, &it[3], "wang", "请加快");
	assert_string_equal(subj.ptr, "催办 #5 今日");
	assert_string_equal(text.ptr, "【催办】\n"
			    "- #5 今日（牵头 A，截止 2026-11-26）\n"
			    "wang：请加快\n");
	buf_release(&subj);
	buf_release(&text);
}

static void test_backoff_and_schedule(void **state)
{
	int m;

	(void)state;
	/* base 30: 30, 60, 120, 240 */
	assert_true(remind_backoff(1, 30) == 30);
	assert_true(remind_backoff(2, 30) == 60);
	assert_true(remind_backoff(4, 30) == 240);
	/* 30 · 2^19 > 86400: capped at one day */
	assert_true(remind_backoff(20, 30) == 86400);
	assert_true(remind_time_parse("08:30", &m) && m == 510);
	assert_true(remind_time_parse("23:59", &m) && m == 1439);
	assert_false(remind_time_parse("24:00", &m));
	assert_false(remind_time_parse("8:30", &m));
	assert_false(remind_time_parse("08:60", &m));
	/* due: not run today and 08:30 reached */
	assert_true(remind_pass_due(100, 99, 510, 510));
	assert_false(remind_pass_due(100, 99, 509, 510));
	assert_false(remind_pass_due(100, 100, 600, 510));
	assert_true(remind_pass_due(100, DATE_NONE, 600, 510));
}

static void test_channels(void **state)
{
	enum channel_kind k;
	const char *field;
	char msg[200];

	(void)state;
	assert_true(channel_kind_parse("dingtalk", &k) &&
		    k == CHANNEL_DINGTALK);
	assert_false(channel_kind_parse("sms", &k));
	assert_int_equal(channel_check(CHANNEL_WECOM, "https://qyapi/x", NULL,
				       &field, msg, sizeof(msg)), 0);
	assert_int_equal(channel_check(CHANNEL_WECOM, "ftp://x", NULL, &field,
				       msg, sizeof(msg)), -1);
	assert_string_equal(field, "target");
	assert_string_equal(msg, "invalid URL 'ftp://x' for --target "
			    "(expected http:// or https://)");
	assert_int_equal(channel_check(CHANNEL_WECOM, "https://q/x", "s",
				       &field, msg, sizeof(msg)), -1);
	assert_string_equal(field, "secret");
	assert_string_equal(msg, "--secret is not used by wecom channels");
	assert_int_equal(channel_check(CHANNEL_EMAIL, "a@b.org", NULL, &field,
				       msg, sizeof(msg)), 0);
	assert_int_equal(channel_check(CHANNEL_EMAIL, "a b@c.org", NULL,
				       &field, msg, sizeof(msg)), -1);
	assert_int_equal(channel_check(CHANNEL_EMAIL, "x@y.org>\r\nBcc:",
				       NULL, &field, msg, sizeof(msg)), -1);
}

static void test_conf(void **state)
{
	struct notify_conf c;
	char v[NOTIFY_TEXT], msg[200];

	(void)state;
	notify_conf_default(&c);
	notify_conf_get(&c, "remind_at", v, sizeof(v));
	assert_string_equal(v, "08:00");
	notify_conf_get(&c, "smtp_starttls", v, sizeof(v));
	assert_string_equal(v, "yes");
	assert_int_equal(c.smtp_port, 587);
	assert_int_equal(notify_conf_set(&c, "remind_at", "07:05", msg,
					 sizeof(msg)), 0);
	assert_int_equal(c.remind_at, 425);	/* 7·60 + 5 */
	assert_int_equal(notify_conf_set(&c, "remind_at", "7:5", msg,
					 sizeof(msg)), -1);
	assert_string_equal(msg, "invalid time '7:5' for remind_at "
			    "(expected HH:MM, 00:00..23:59)");
	assert_int_equal(notify_conf_set(&c, "smtp_port", "70000", msg,
					 sizeof(msg)), -1);
	assert_string_equal(msg, "invalid value '70000' for smtp_port "
			    "(1..65535)");
	assert_int_equal(notify_conf_set(&c, "smtp_starttls", "maybe", msg,
					 sizeof(msg)), -1);
	assert_int_equal(notify_conf_set(&c, "nope", "1", msg, sizeof(msg)),
			 -1);
	assert_string_equal(msg, "unknown setting 'nope'");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_ack_overdue),
		cmocka_unit_test(test_prev_day),
		cmocka_unit_test(test_supervising_unit),
		cmocka_unit_test(test_digest),
		cmocka_unit_test(test_backoff_and_schedule),
		cmocka_unit_test(test_channels),
		cmocka_unit_test(test_conf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
