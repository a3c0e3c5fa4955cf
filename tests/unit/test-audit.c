/*
 * Unit tests for the audit hash chain (core/audit.c): known SHA-256 values
 * (computed independently with Python's hashlib over the serialisation
 * documented in audit.h), and a verifier over a 3-entry chain in memory
 * that catches an edited field, a re-hashed edit and a deleted entry.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/audit.h"

#include <string.h>

/*
 * sha256(prev ‖ "<len>:<bytes>" per field: id, at, actor, action, entity,
 * entity_id, before, after; "-;" for a NULL field).
 */
static const char *const known[3] = {
	"b1f40ecfa75c03769cd2c71c186a57a633b98417b41b0acce0d7c3cd235a0f01",
	"a53849df5527fa8177ffb3eb8406a0685b407b9542e1dadd9442d44fc64aef64",
	"92577e4882ef22092f28fe8a592386928437653d1a444ce52848582018f3b1eb",
};

static void entries(struct audit_entry e[3])
{
	e[0] = (struct audit_entry){ 1, "2026-11-26T09:00:00Z", "admin",
		"unit.add", "unit", "HRB", NULL,
		"{\"code\":\"HRB\",\"name\":\"哈尔滨市\"}", "", "" };
	e[1] = (struct audit_entry){ 2, "2026-11-26T09:05:00Z", "wang",
		"task.add", "task", "1", NULL,
		"{\"id\":1,\"title\":\"落实督办\",\"status\":\"open\"}",
		"", "" };
	e[2] = (struct audit_entry){ 3, "2026-11-26T10:00:00Z", "zhang",
		"task.ack", "task", "1", "{\"status\":\"open\"}",
		"{\"status\":\"doing\"}", "", "" };
}

/* What the store does on append: chain each entry to the one before. */
static void chain(struct audit_entry *e, size_t n)
{
	const char *prev = audit_genesis;

	for (size_t i = 0; i < n; i++) {
		memcpy(e[i].prev, prev, AUDIT_HASHLEN);
		audit_hash(e[i].prev, &e[i], e[i].hash);
		prev = e[i].hash;
	}
}

/*
 * What `audit verify` does: each entry must point at the hash before it
 * and its hash must be recomputable from that. Returns the index of the
 * first bad entry, or -1 when the chain holds.
 */
static int verify(const struct audit_entry *e, size_t n)
{
	const char *prev = audit_genesis;
	char h[AUDIT_HASHLEN];

	for (size_t i = 0; i < n; i++) {
		audit_hash(prev, &e[i], h);
		if (strcmp(e[i].prev, prev) || strcmp(e[i].hash, h))
			return (int)i;
		prev = e[i].hash;
	}
	return -1;
}

static void test_genesis(void **state)
{
	(void)state;
	assert_int_equal(strlen(audit_genesis), 64);
	assert_int_equal(strspn(audit_genesis, "0"), 64);
}

static void test_known_hashes(void **state)
{
	struct audit_entry e[3];

	(void)state;
	entries(e);
	chain(e, 3);
	assert_string_equal(e[0].prev, audit_genesis);
	for (int i = 0; i < 3; i++)
		assert_string_equal(e[i].hash, known[i]);
	assert_string_equal(e[1].prev, known[0]);
	assert_string_equal(e[2].prev, known[1]);
	assert_int_equal(verify(e, 3), -1);
}

static void test_edited_field_detected(void **state)
{
	struct audit_entry e[3];

	(void)state;
	entries(e);
	chain(e, 3);
	e[1].actor = "zhang";			/* who did it, rewritten */
	assert_int_equal(verify(e, 3), 1);
	entries(e);
	chain(e, 3);
	e[2].after = "{\"status\":\"done\"}";	/* what it became */
	assert_int_equal(verify(e, 3), 2);
	entries(e);
	chain(e, 3);
	e[0].id = 7;				/* the id is hashed too */
	assert_int_equal(verify(e, 3), 0);
}

static void test_rehashed_edit_detected(void **state)
{
	struct audit_entry e[3];

	(void)state;
	/* Forging entry 1's hash after the edit breaks entry 2's link. */
	entries(e);
	chain(e, 3);
	e[1].at = "2026-11-25T09:05:00Z";
	audit_hash(e[1].prev, &e[1], e[1].hash);
	assert_int_equal(verify(e, 3), 2);
}

static void test_deleted_entry_detected(void **state)
{
	struct audit_entry e[3], cut[2];

	(void)state;
	entries(e);
	chain(e, 3);
	cut[0] = e[0];
	cut[1] = e[2];				/* entry 2 removed */
	assert_int_equal(verify(cut, 2), 1);
	cut[0] = e[1];				/* the first removed */
	cut[1] = e[2];
	assert_int_equal(verify(cut, 2), 0);
}

static void test_null_differs_from_empty(void **state)
{
	struct audit_entry a[3], b[3];

	(void)state;
	entries(a);
	entries(b);
	b[0].before = "";
	chain(a, 1);
	chain(b, 1);
	assert_string_not_equal(a[0].hash, b[0].hash);
}

static void test_fields_do_not_run_together(void **state)
{
	struct audit_entry a[3], b[3];

	(void)state;
	/* "ab" + "c" and "a" + "bc" must not hash alike. */
	entries(a);
	entries(b);
	a[0].entity = "ab";
	a[0].entity_id = "c";
	b[0].entity = "a";
	b[0].entity_id = "bc";
	chain(a, 1);
	chain(b, 1);
	assert_string_not_equal(a[0].hash, b[0].hash);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_genesis),
		cmocka_unit_test(test_known_hashes),
		cmocka_unit_test(test_edited_field_detected),
		cmocka_unit_test(test_rehashed_edit_detected),
		cmocka_unit_test(test_deleted_entry_detected),
		cmocka_unit_test(test_null_differs_from_empty),
		cmocka_unit_test(test_fields_do_not_run_together),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
