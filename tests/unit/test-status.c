/*
 * Unit tests for task_transition (core/task.c): the whole status × action
 * table of SPEC §3. Every legal move lands on the expected status; every
 * other one is LS_ECONFLICT and leaves the status as it was.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/task.h"

#include <string.h>

#define NACTION (TASK_MILESTONE + 1)
#define NO (-1)		/* conflict */

static const enum task_status statuses[TASK_NSTATUS] = {
	TASK_OPEN, TASK_DOING, TASK_REVIEW, TASK_DONE, TASK_CANCELLED,
};

/* expect[from][action]: the status after, or NO. */
static const int expect[TASK_NSTATUS][NACTION] = {
	[TASK_OPEN] = {
		[TASK_ACK] = TASK_DOING,	[TASK_REPORT] = TASK_DOING,
		[TASK_SUBMIT] = NO,		[TASK_CLOSE] = NO,
		[TASK_REJECT] = NO,		[TASK_REOPEN] = NO,
		[TASK_CANCEL] = TASK_CANCELLED,	[TASK_URGE] = TASK_OPEN,
		[TASK_INSTRUCT] = TASK_OPEN,	[TASK_EXTEND] = TASK_OPEN,
		[TASK_RISK] = TASK_OPEN,	[TASK_MILESTONE] = TASK_OPEN,
	},
	[TASK_DOING] = {
		[TASK_ACK] = NO,		[TASK_REPORT] = TASK_DOING,
		[TASK_SUBMIT] = TASK_REVIEW,	[TASK_CLOSE] = NO,
		[TASK_REJECT] = NO,		[TASK_REOPEN] = NO,
		[TASK_CANCEL] = TASK_CANCELLED,	[TASK_URGE] = TASK_DOING,
		[TASK_INSTRUCT] = TASK_DOING,	[TASK_EXTEND] = TASK_DOING,
		[TASK_RISK] = TASK_DOING,	[TASK_MILESTONE] = TASK_DOING,
	},
	[TASK_REVIEW] = {
		[TASK_ACK] = NO,		[TASK_REPORT] = NO,
		[TASK_SUBMIT] = NO,		[TASK_CLOSE] = TASK_DONE,
		[TASK_REJECT] = TASK_DOING,	[TASK_REOPEN] = NO,
		[TASK_CANCEL] = TASK_CANCELLED,	[TASK_URGE] = TASK_REVIEW,
		[TASK_INSTRUCT] = TASK_REVIEW,	[TASK_EXTEND] = TASK_REVIEW,
		[TASK_RISK] = TASK_REVIEW,	[TASK_MILESTONE] = TASK_REVIEW,
	},
	[TASK_DONE] = {
		[TASK_ACK] = NO,		[TASK_REPORT] = NO,
		[TASK_SUBMIT] = NO,		[TASK_CLOSE] = NO,
		[TASK_REJECT] = NO,		[TASK_REOPEN] = TASK_DOING,
		[TASK_CANCEL] = NO,		[TASK_URGE] = NO,
		[TASK_INSTRUCT] = NO,		[TASK_EXTEND] = NO,
		[TASK_RISK] = NO,		[TASK_MILESTONE] = NO,
	},
	[TASK_CANCELLED] = {
		[TASK_ACK] = NO,		[TASK_REPORT] = NO,
		[TASK_SUBMIT] = NO,		[TASK_CLOSE] = NO,
		[TASK_REJECT] = NO,		[TASK_REOPEN] = NO,
		[TASK_CANCEL] = NO,		[TASK_URGE] = NO,
		[TASK_INSTRUCT] = NO,		[TASK_EXTEND] = NO,
		[TASK_RISK] = NO,		[TASK_MILESTONE] = NO,
	},
};

/* Checks every starting status for one action against the table. */
static void check_action(enum task_action a)
{
	for (int i = 0; i < TASK_NSTATUS; i++) {
		enum task_status from = statuses[i], to = TASK_CANCELLED;
		struct err e = ERR_INIT;
		enum lserr rc = task_transition(from, a, &to, &e);

		if (expect[from][a] == NO) {
			if (rc != LS_ECONFLICT)
				fail_msg("%s from %s: want conflict, got %d",
					 task_action_name(a),
					 task_status_name(from), rc);
			assert_int_equal(e.code, LS_ECONFLICT);
			assert_string_equal(e.field, "status");
			assert_int_equal(to, from);
		} else {
			if (rc != LS_OK)
				fail_msg("%s from %s: want ok, got %d (%s)",
					 task_action_name(a),
					 task_status_name(from), rc, e.msg);
			assert_int_equal(e.code, LS_OK);
			assert_int_equal(to, expect[from][a]);
		}
	}
}

static void test_ack(void **s) { (void)s; check_action(TASK_ACK); }
static void test_report(void **s) { (void)s; check_action(TASK_REPORT); }
static void test_submit(void **s) { (void)s; check_action(TASK_SUBMIT); }
static void test_close(void **s) { (void)s; check_action(TASK_CLOSE); }
static void test_reject(void **s) { (void)s; check_action(TASK_REJECT); }
static void test_reopen(void **s) { (void)s; check_action(TASK_REOPEN); }
static void test_cancel(void **s) { (void)s; check_action(TASK_CANCEL); }
static void test_urge(void **s) { (void)s; check_action(TASK_URGE); }
static void test_instruct(void **s) { (void)s; check_action(TASK_INSTRUCT); }
static void test_extend(void **s) { (void)s; check_action(TASK_EXTEND); }
static void test_risk(void **s) { (void)s; check_action(TASK_RISK); }
static void test_milestone(void **s) { (void)s; check_action(TASK_MILESTONE); }

static void test_counts(void **state)
{
	int legal = 0, conflicts = 0;

	(void)state;
	/*
	 * Guards the table itself: 8 moves each from open, doing and review
	 * (3 status changes + 5 that keep it), 1 from done (reopen), none
	 * from cancelled: 25 legal of 60.
	 */
	for (int i = 0; i < TASK_NSTATUS; i++) {
		for (int a = 0; a < NACTION; a++) {
			if (expect[i][a] == NO)
				conflicts++;
			else
				legal++;
		}
	}
	assert_int_equal(legal, 25);
	assert_int_equal(conflicts, 35);
}

static void test_conflict_message(void **state)
{
	enum task_status to;
	struct err e = ERR_INIT;

	(void)state;
	assert_int_equal(task_transition(TASK_OPEN, TASK_CLOSE, &to, &e),
			 LS_ECONFLICT);
	assert_string_equal(e.msg,
			    "cannot close a task whose status is 'open'");
	/* A NULL err is allowed: the code alone is answered. */
	assert_int_equal(task_transition(TASK_DONE, TASK_URGE, &to, NULL),
			 LS_ECONFLICT);
	assert_int_equal(to, TASK_DONE);
}

static void test_status_names(void **state)
{
	static const char *const names[] = {
		"open", "doing", "review", "done", "cancelled",
	};
	enum task_status st;

	(void)state;
	for (int i = 0; i < TASK_NSTATUS; i++) {
		assert_string_equal(task_status_name(statuses[i]), names[i]);
		assert_true(task_status_parse(names[i], &st));
		assert_int_equal(st, statuses[i]);
	}
	assert_false(task_status_parse("closed", &st));
	assert_false(task_status_parse("", &st));
	assert_false(task_status_parse(NULL, &st));
	assert_false(task_status_final(TASK_OPEN));
	assert_false(task_status_final(TASK_DOING));
	assert_false(task_status_final(TASK_REVIEW));
	assert_true(task_status_final(TASK_DONE));
	assert_true(task_status_final(TASK_CANCELLED));
	assert_string_equal(task_action_name(TASK_REOPEN), "reopen");
	assert_string_equal(task_action_name(TASK_MILESTONE), "milestone");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ack),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_submit),
		cmocka_unit_test(test_close),
		cmocka_unit_test(test_reject),
		cmocka_unit_test(test_reopen),
		cmocka_unit_test(test_cancel),
		cmocka_unit_test(test_urge),
		cmocka_unit_test(test_instruct),
		cmocka_unit_test(test_extend),
		cmocka_unit_test(test_risk),
		cmocka_unit_test(test_milestone),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_conflict_message),
		cmocka_unit_test(test_status_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
