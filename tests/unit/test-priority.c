/*
 * Unit tests for priority (core/task.c): the quadrant (important × urgent,
 * urgent = due − T <= 7 or red) and the urgency order of `next`: light,
 * then key, then quadrant, then earlier due, ties by id.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/task.h"
#include "util/date.h"

#include <stdlib.h>

static int T;

static int setup(void **state)
{
	(void)state;
	T = date_from_ymd(2026, 11, 26);
	return 0;
}

static void live(struct task *t, bool important, int due)
{
	task_init(t);
	t->id = 1;
	t->status = TASK_DOING;
	t->important = important;
	t->due = due;
}

static void test_quadrants(void **state)
{
	struct task t;

	(void)state;
	live(&t, true, T + 7);		/* due − T == 7: urgent */
	assert_int_equal(task_quadrant(&t, LIGHT_GREEN, T), 1);
	live(&t, true, T + 8);
	assert_int_equal(task_quadrant(&t, LIGHT_GREEN, T), 2);
	live(&t, false, T + 7);
	assert_int_equal(task_quadrant(&t, LIGHT_GREEN, T), 3);
	live(&t, false, T + 8);
	assert_int_equal(task_quadrant(&t, LIGHT_GREEN, T), 4);
	live(&t, false, T - 3);		/* overdue */
	assert_int_equal(task_quadrant(&t, LIGHT_RED, T), 3);
}

static void test_red_is_urgent(void **state)
{
	struct task t;

	(void)state;
	/* Far due but red (an overdue milestone): urgent all the same. */
	live(&t, true, T + 30);
	assert_int_equal(task_quadrant(&t, LIGHT_RED, T), 1);
	live(&t, false, T + 30);
	assert_int_equal(task_quadrant(&t, LIGHT_RED, T), 3);
	/* Yellow alone (behind schedule) does not make it urgent. */
	assert_int_equal(task_quadrant(&t, LIGHT_YELLOW, T), 4);
}

static void test_final_has_no_quadrant(void **state)
{
	struct task t;

	(void)state;
	live(&t, true, T);
	t.status = TASK_DONE;
	assert_int_equal(task_quadrant(&t, LIGHT_DONE, T), 0);
	t.status = TASK_CANCELLED;
	assert_int_equal(task_quadrant(&t, LIGHT_NONE, T), 0);
}

static void test_rank_of(void **state)
{
	struct task t;
	struct task_rank r;

	(void)state;
	live(&t, true, T + 2);
	t.id = 42;
	t.key = true;
	task_rank_of(&r, &t, LIGHT_YELLOW, 1);
	assert_int_equal(r.id, 42);
	assert_int_equal(r.light, LIGHT_YELLOW);
	assert_true(r.key);
	assert_int_equal(r.quadrant, 1);
	assert_int_equal(r.due, T + 2);
	task_rank_of(&r, &t, LIGHT_DONE, 0);	/* no quadrant sorts last */
	assert_int_equal(r.quadrant, 5);
}

static struct task_rank rank(long long id, enum light l, bool key, int q,
			     int due)
{
	struct task_rank r = { id, l, key, q, due };

	return r;
}

/* a strictly before b, by both the comparator and the score. */
static void assert_before(struct task_rank a, struct task_rank b)
{
	assert_true(task_urgency_cmp(&a, &b) < 0);
	assert_true(task_urgency_cmp(&b, &a) > 0);
	assert_true(task_urgency_score(&a) >= task_urgency_score(&b));
}

static void test_light_first(void **state)
{
	(void)state;
	/* A plain red task outranks a key Q1 yellow one due today. */
	assert_before(rank(9, LIGHT_RED, false, 4, T + 60),
		      rank(1, LIGHT_YELLOW, true, 1, T));
	assert_before(rank(9, LIGHT_YELLOW, false, 4, T + 60),
		      rank(1, LIGHT_GREEN, true, 1, T));
	/* Live lights before closed ones. */
	assert_before(rank(9, LIGHT_GREEN, false, 4, T + 60),
		      rank(1, LIGHT_LATE, true, 5, T));
}

static void test_key_then_quadrant(void **state)
{
	(void)state;
	assert_before(rank(9, LIGHT_GREEN, true, 4, T + 60),
		      rank(1, LIGHT_GREEN, false, 1, T + 1));
	assert_before(rank(9, LIGHT_GREEN, false, 1, T + 60),
		      rank(1, LIGHT_GREEN, false, 2, T + 1));
	assert_before(rank(9, LIGHT_GREEN, false, 2, T + 60),
		      rank(1, LIGHT_GREEN, false, 3, T + 1));
	assert_before(rank(9, LIGHT_GREEN, false, 3, T + 60),
		      rank(1, LIGHT_GREEN, false, 4, T + 1));
}

static void test_due_then_id(void **state)
{
	struct task_rank a = rank(7, LIGHT_RED, true, 1, T);
	struct task_rank b = rank(3, LIGHT_RED, true, 1, T);

	(void)state;
	assert_before(rank(9, LIGHT_RED, true, 1, T - 1),
		      rank(1, LIGHT_RED, true, 1, T));
	/* Equal in everything but id: lower id first, same score. */
	assert_true(task_urgency_cmp(&b, &a) < 0);
	assert_true(task_urgency_cmp(&a, &b) > 0);
	assert_int_equal(task_urgency_cmp(&a, &a), 0);
	assert_true(task_urgency_score(&a) == task_urgency_score(&b));
}

static void test_score_value(void **state)
{
	struct task_rank r = rank(1, LIGHT_RED, true, 1, T);

	(void)state;
	/* 3·10⁹ (red) + 10⁸ (key) + 4·10⁷ (Q1) + (5·10⁶ − 20783) */
	assert_true(task_urgency_score(&r) == 3144979217LL);
	r = rank(1, LIGHT_GREEN, false, 4, T);
	assert_true(task_urgency_score(&r) == 1014979217LL);
}

static void test_sort(void **state)
{
	struct task_rank v[] = {
		rank(1, LIGHT_GREEN, false, 4, T + 40),
		rank(2, LIGHT_DONE, false, 5, T - 5),
		rank(3, LIGHT_YELLOW, false, 3, T + 2),
		rank(4, LIGHT_RED, false, 3, T - 1),
		rank(5, LIGHT_GREEN, true, 2, T + 40),
		rank(6, LIGHT_YELLOW, true, 1, T + 3),
		rank(7, LIGHT_RED, true, 1, T - 2),
		rank(8, LIGHT_GREEN, false, 4, T + 40),
		rank(9, LIGHT_YELLOW, false, 3, T + 1),
		rank(10, LIGHT_RED, true, 1, T - 2),
	};
	static const long long want[] = { 7, 10, 4, 6, 9, 3, 5, 1, 8, 2 };
	size_t n = sizeof(v) / sizeof(v[0]);

	(void)state;
	qsort(v, n, sizeof(v[0]), task_urgency_cmp);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(v[i].id, want[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quadrants),
		cmocka_unit_test(test_red_is_urgent),
		cmocka_unit_test(test_final_has_no_quadrant),
		cmocka_unit_test(test_rank_of),
		cmocka_unit_test(test_light_first),
		cmocka_unit_test(test_key_then_quadrant),
		cmocka_unit_test(test_due_then_id),
		cmocka_unit_test(test_score_value),
		cmocka_unit_test(test_sort),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
