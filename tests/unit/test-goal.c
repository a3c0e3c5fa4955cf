/*
 * Unit tests for goal roll-up (core/goal.c): weighted mean of children
 * ignoring nulls and capping at 1, a task's contribution, and the worst
 * light (red > yellow > late > green > done; cancelled ignored).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/goal.h"

#include <math.h>

#define assert_near(a, b) assert_true(fabs((a) - (b)) < 1e-12)

static void test_empty_is_null(void **state)
{
	struct rollup r;

	(void)state;
	rollup_init(&r);
	assert_true(isnan(rollup_value(&r)));
	rollup_add(&r, 1, NAN);			/* only nulls: still null */
	rollup_add(&r, 2, NAN);
	assert_true(isnan(rollup_value(&r)));
	assert_false(r.has_light);
}

static void test_weighted_mean(void **state)
{
	struct rollup r;

	(void)state;
	rollup_init(&r);
	rollup_add(&r, 1, 0.5);
	rollup_add(&r, 3, 1.0);
	assert_near(rollup_value(&r), 0.875);	/* (0.5 + 3) / 4 */
}

static void test_nulls_ignored(void **state)
{
	struct rollup r;

	(void)state;
	/* A null child's weight is not counted: (2·0.25 + 2·0.75) / 4. */
	rollup_init(&r);
	rollup_add(&r, 2, 0.25);
	rollup_add(&r, 5, NAN);
	rollup_add(&r, 2, 0.75);
	assert_near(rollup_value(&r), 0.5);
	assert_near(r.wsum, 4.0);
}

static void test_capped_at_one(void **state)
{
	struct rollup r;

	(void)state;
	/* An indicator at 1.2 counts as 1; negatives count as 0. */
	rollup_init(&r);
	rollup_add(&r, 1, 1.2);
	rollup_add(&r, 1, 0.4);
	assert_near(rollup_value(&r), 0.7);
	rollup_init(&r);
	rollup_add(&r, 1, -0.5);
	rollup_add(&r, 1, 0.5);
	assert_near(rollup_value(&r), 0.25);
}

static void test_zero_weight_ignored(void **state)
{
	struct rollup r;

	(void)state;
	rollup_init(&r);
	rollup_add(&r, 0, 1.0);
	rollup_add(&r, -1, 1.0);
	assert_true(isnan(rollup_value(&r)));
	rollup_add(&r, 0.5, 0.2);
	assert_near(rollup_value(&r), 0.2);
}

static void test_nested_goals(void **state)
{
	struct rollup child, parent;

	(void)state;
	/* child: indicator 0.9 (w 1), task 30 % (w 1) → 0.6 */
	rollup_init(&child);
	rollup_add(&child, 1, 0.9);
	rollup_add(&child, 1, 0.3);
	assert_near(rollup_value(&child), 0.6);
	/* parent: child (w 2), a done task (w 1) → (1.2 + 1) / 3 */
	rollup_init(&parent);
	rollup_add(&parent, 2, rollup_value(&child));
	rollup_add(&parent, 1, 1.0);
	assert_near(rollup_value(&parent), 2.2 / 3);
}

static void test_task_progress_value(void **state)
{
	struct task t;

	(void)state;
	task_init(&t);
	t.status = TASK_DOING;
	t.percent = 40;
	assert_near(task_progress_value(&t), 0.4);
	t.status = TASK_OPEN;
	t.percent = 0;
	assert_near(task_progress_value(&t), 0.0);
	t.status = TASK_DONE;
	t.percent = 80;				/* done counts 1 whatever */
	assert_near(task_progress_value(&t), 1.0);
	t.status = TASK_CANCELLED;
	assert_true(isnan(task_progress_value(&t)));
	t.status = TASK_REVIEW;
	t.percent = 100;
	assert_near(task_progress_value(&t), 1.0);
}

static void test_worst_light(void **state)
{
	struct rollup r;

	(void)state;
	rollup_init(&r);
	rollup_light(&r, LIGHT_NONE);		/* cancelled: ignored */
	assert_false(r.has_light);
	rollup_light(&r, LIGHT_DONE);
	assert_true(r.has_light);
	assert_int_equal(r.worst, LIGHT_DONE);
	rollup_light(&r, LIGHT_GREEN);
	assert_int_equal(r.worst, LIGHT_GREEN);
	rollup_light(&r, LIGHT_LATE);
	assert_int_equal(r.worst, LIGHT_LATE);
	rollup_light(&r, LIGHT_GREEN);		/* never improves */
	assert_int_equal(r.worst, LIGHT_LATE);
	rollup_light(&r, LIGHT_YELLOW);
	assert_int_equal(r.worst, LIGHT_YELLOW);
	rollup_light(&r, LIGHT_RED);
	assert_int_equal(r.worst, LIGHT_RED);
	rollup_light(&r, LIGHT_YELLOW);
	rollup_light(&r, LIGHT_NONE);
	assert_int_equal(r.worst, LIGHT_RED);
}

static void test_severity_order(void **state)
{
	(void)state;
	assert_true(light_severity(LIGHT_RED) > light_severity(LIGHT_YELLOW));
	assert_true(light_severity(LIGHT_YELLOW) > light_severity(LIGHT_LATE));
	assert_true(light_severity(LIGHT_LATE) > light_severity(LIGHT_GREEN));
	assert_true(light_severity(LIGHT_GREEN) > light_severity(LIGHT_DONE));
	assert_true(light_severity(LIGHT_DONE) > light_severity(LIGHT_NONE));
}

static void test_merge_light(void **state)
{
	struct rollup parent, a, b;

	(void)state;
	rollup_init(&parent);
	rollup_init(&a);
	rollup_init(&b);
	rollup_merge_light(&parent, &a);	/* child without tasks */
	assert_false(parent.has_light);
	rollup_light(&a, LIGHT_GREEN);
	rollup_light(&b, LIGHT_YELLOW);
	rollup_merge_light(&parent, &a);
	assert_int_equal(parent.worst, LIGHT_GREEN);
	rollup_merge_light(&parent, &b);
	assert_int_equal(parent.worst, LIGHT_YELLOW);
	rollup_light(&parent, LIGHT_DONE);	/* the parent's own task */
	assert_int_equal(parent.worst, LIGHT_YELLOW);
}

static void test_goal_init(void **state)
{
	struct goal g;

	(void)state;
	goal_init(&g);
	assert_near(g.weight, 1.0);
	assert_int_equal(g.parent_id, 0);
	assert_null(g.title);
	goal_release(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_is_null),
		cmocka_unit_test(test_weighted_mean),
		cmocka_unit_test(test_nulls_ignored),
		cmocka_unit_test(test_capped_at_one),
		cmocka_unit_test(test_zero_weight_ignored),
		cmocka_unit_test(test_nested_goals),
		cmocka_unit_test(test_task_progress_value),
		cmocka_unit_test(test_worst_light),
		cmocka_unit_test(test_severity_order),
		cmocka_unit_test(test_merge_light),
		cmocka_unit_test(test_goal_init),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
