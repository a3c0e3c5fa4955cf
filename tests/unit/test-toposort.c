/*
 * Unit tests for util/toposort.c: parents before children, ties kept in
 * index order, self-references ignored, cycles refused.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "util/toposort.h"

#include <string.h>

#define N 5

/* dep[i][j] = 1: i needs j first. */
static void set(unsigned char *dep, int n, int i, int j)
{
	dep[i * n + j] = 1;
}

static void test_already_ordered(void **state)
{
	unsigned char dep[N * N];
	int order[N];

	(void)state;
	memset(dep, 0, sizeof(dep));
	/* 0 units, 1 users -> 0, 2 goals -> 0, 3 tasks -> 0 1 2 */
	set(dep, N, 1, 0);
	set(dep, N, 2, 0);
	set(dep, N, 3, 0);
	set(dep, N, 3, 1);
	set(dep, N, 3, 2);
	assert_true(toposort(N, dep, order));
	/* every item is ready once the lower ones are: 0 1 2 3 4 */
	for (int i = 0; i < N; i++)
		assert_int_equal(order[i], i);
}

static void test_child_listed_first(void **state)
{
	unsigned char dep[N * N];
	int order[N];

	(void)state;
	memset(dep, 0, sizeof(dep));
	/*
	 * 0 tasks -> 3 inspections, 1 -> nothing, 2 -> 0, 3 -> 4.
	 * Step 1: ready {1, 4} -> 1. Step 2: ready {4} -> 4.
	 * Step 3: ready {3} -> 3. Step 4: {0} -> 0. Step 5: {2} -> 2.
	 */
	set(dep, N, 0, 3);
	set(dep, N, 2, 0);
	set(dep, N, 3, 4);
	assert_true(toposort(N, dep, order));
	assert_int_equal(order[0], 1);
	assert_int_equal(order[1], 4);
	assert_int_equal(order[2], 3);
	assert_int_equal(order[3], 0);
	assert_int_equal(order[4], 2);
}

static void test_self_reference(void **state)
{
	unsigned char dep[2 * 2] = { 0 };
	int order[2];

	(void)state;
	/* units.parent -> units, goals -> units and goals.parent -> goals */
	set(dep, 2, 0, 0);
	set(dep, 2, 1, 1);
	set(dep, 2, 1, 0);
	assert_true(toposort(2, dep, order));
	assert_int_equal(order[0], 0);
	assert_int_equal(order[1], 1);
}

static void test_cycle(void **state)
{
	unsigned char dep[3 * 3] = { 0 };
	int order[3];

	(void)state;
	/* 0 -> 1, 1 -> 2, 2 -> 1: 0 waits on 1, 1 and 2 on each other */
	set(dep, 3, 0, 1);
	set(dep, 3, 1, 2);
	set(dep, 3, 2, 1);
	assert_false(toposort(3, dep, order));
}

static void test_empty(void **state)
{
	int order[1];

	(void)state;
	assert_true(toposort(0, NULL, order));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_already_ordered),
		cmocka_unit_test(test_child_listed_first),
		cmocka_unit_test(test_self_reference),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
