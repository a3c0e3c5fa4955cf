/*
 * Unit tests for roles (core/role.c): names, and the whole permission
 * table of SPEC §1 written out by hand — who may do what.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/role.h"

#define NROLE 5
#define NPERM (PERM_PRACTICE_PROMOTE + 1)

/*
 * SPEC §1: admin everything; supervisor creates, assigns, urges, extends,
 * closes and evaluates; leader sees, approves and assigns; staff
 * acknowledges, reports and submits; viewer only reads. Columns follow
 * enum perm: read, admin, audit, create, work, approve, supervise,
 * instruct, goal edit, indicator report, evaluate (inspections,
 * commendations, accountability, publishing an evaluation), cadre rate
 * (as oneself; a viewer only reads), cadre record (others' paper ballots:
 * supervision office), cadre read (others' grades: those who lead or
 * supervise), policy edit (add, update and link policies: the
 * supervision office and the responsible unit's leaders), practice add
 * (a unit's leader, the supervision office), practice promote (the
 * supervision office).
 */
static const bool want[NROLE][NPERM] = {
	[ROLE_ADMIN] =
		{ 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
	[ROLE_SUPERVISOR] =
		{ 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
	[ROLE_LEADER] =
		{ 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0 },
	[ROLE_STAFF] =
		{ 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0 },
	[ROLE_VIEWER] =
		{ 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
};

static void check_role(enum role r)
{
	for (int p = 0; p < NPERM; p++) {
		if (role_may(r, (enum perm)p) != want[r][p])
			fail_msg("%s may %s: want %d", role_name(r),
				 perm_name((enum perm)p), want[r][p]);
	}
}

static void test_admin(void **s) { (void)s; check_role(ROLE_ADMIN); }
static void test_supervisor(void **s) { (void)s; check_role(ROLE_SUPERVISOR); }
static void test_leader(void **s) { (void)s; check_role(ROLE_LEADER); }
static void test_staff(void **s) { (void)s; check_role(ROLE_STAFF); }
static void test_viewer(void **s) { (void)s; check_role(ROLE_VIEWER); }

static void test_spec_sentences(void **state)
{
	(void)state;
	/* The rules a reader of SPEC §1 checks first, spelled out. */
	assert_false(role_may(ROLE_VIEWER, PERM_TASK_WORK));
	assert_false(role_may(ROLE_STAFF, PERM_TASK_APPROVE));
	assert_false(role_may(ROLE_STAFF, PERM_TASK_CREATE));
	assert_true(role_may(ROLE_LEADER, PERM_TASK_APPROVE));
	assert_false(role_may(ROLE_LEADER, PERM_TASK_SUPERVISE));
	assert_true(role_may(ROLE_SUPERVISOR, PERM_TASK_SUPERVISE));
	assert_false(role_may(ROLE_SUPERVISOR, PERM_ADMIN));
	assert_true(role_may(ROLE_SUPERVISOR, PERM_EVALUATE));
	assert_false(role_may(ROLE_LEADER, PERM_EVALUATE));
	assert_false(role_may(ROLE_STAFF, PERM_EVALUATE));
}

static void test_names(void **state)
{
	static const char *const names[NROLE] = {
		"admin", "supervisor", "leader", "staff", "viewer",
	};
	enum role r;

	(void)state;
	for (int i = 0; i < NROLE; i++) {
		assert_true(role_parse(names[i], &r));
		assert_int_equal(r, i);
		assert_string_equal(role_name(r), names[i]);
	}
	assert_false(role_parse("root", &r));
	assert_false(role_parse("Admin", &r));
	assert_false(role_parse("", &r));
	assert_false(role_parse(NULL, &r));
	assert_string_equal(perm_name(PERM_TASK_APPROVE), "approve tasks");
	assert_string_equal(perm_name(PERM_ADMIN), "administer");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_admin),
		cmocka_unit_test(test_supervisor),
		cmocka_unit_test(test_leader),
		cmocka_unit_test(test_staff),
		cmocka_unit_test(test_viewer),
		cmocka_unit_test(test_spec_sentences),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
