/*
 * The audit trail in the store (SPEC §8): append-only entries whose hashes
 * core/audit.c computes, and the chain head kept in its own one-row table
 * so that deleting the newest entries shows up as a broken chain.
 */
#include "store/store_int.h"

#include <stdio.h>

static const char audit_head_sql[] =
	"SELECT last_id, hash FROM audit_head WHERE one = 1";

static const char audit_insert_sql[] =
	"INSERT INTO audit (id, at, actor, action, entity, entity_id, before, "
	"after, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

static const char audit_head_move_sql[] =
	"UPDATE audit_head SET last_id = ?, hash = ? WHERE one = 1";

static const char audit_each_sql[] =
	"SELECT id, at, actor, action, entity, entity_id, before, after, "
	"prev, hash FROM audit WHERE (?1 IS NULL OR entity = ?1) "
	"AND (?2 IS NULL OR entity_id = ?2) AND id > ?3 ORDER BY id";

/* Copies a stored hash; a NULL or overlong one is cut, and won't verify. */
static void hash_copy(char out[AUDIT_HASHLEN], const char *v)
{
	snprintf(out, AUDIT_HASHLEN, "%s", v ? v : "");
}

enum lserr store_audit_head(struct store *s, long long *id,
			    char hash[AUDIT_HASHLEN], struct err *e)
{
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, audit_head_sql, e)))
		return e->code;
	r = db_step(s, st, e);
	if (r == 1) {
		*id = col_int(s, st, 0);
		hash_copy(hash, col_text(s, st, 1));
	} else if (r == 0) {
		/* The migration inserts the row; its absence is tampering. */
		rc = err_set(e, LS_EFAIL, "audit", "the audit head is missing");
	} else {
		rc = (enum lserr)-r;
	}
	db_reset(s, st);
	return rc;
}

enum lserr store_audit_append(struct store *s, const struct audit_entry *a,
			      struct err *e)
{
	struct stmt *st;
	enum lserr rc;

	if (!(st = store_stmt(s, audit_insert_sql, e)))
		return e->code;
	db_int(s, st, 1, a->id);
	db_text(s, st, 2, a->at);
	db_text(s, st, 3, a->actor);
	db_text(s, st, 4, a->action);
	db_text(s, st, 5, a->entity);
	db_text(s, st, 6, a->entity_id);
	db_text(s, st, 7, a->before);
	db_text(s, st, 8, a->after);
	db_text(s, st, 9, a->prev);
	db_text(s, st, 10, a->hash);
	rc = db_done(s, st, e);
	if (rc == LS_ECONFLICT)
		return err_set(e, LS_ECONFLICT, "id",
			       "audit entry %lld already exists", a->id);
	if (rc != LS_OK)
		return rc;
	if (!(st = store_stmt(s, audit_head_move_sql, e)))
		return e->code;
	db_int(s, st, 1, a->id);
	db_text(s, st, 2, a->hash);
	return db_done(s, st, e);
}

enum lserr store_audit_each(struct store *s, const struct audit_filter *f,
			    store_audit_fn fn, void *arg, struct err *e)
{
	static const int cols[] = { 1, 2, 3, 4, 5, 6, 7 };
	struct buf arena = BUF_INIT;
	struct audit_entry a;
	const char **const dst[] = {
		&a.at, &a.actor, &a.action, &a.entity, &a.entity_id, &a.before,
		&a.after,
	};
	struct stmt *st;
	enum lserr rc = LS_OK;
	int r;

	if (!(st = store_stmt(s, audit_each_sql, e)))
		return e->code;
	db_text(s, st, 1, f ? f->entity : NULL);
	db_text(s, st, 2, f ? f->entity_id : NULL);
	db_int(s, st, 3, f ? f->after_id : 0);
	while ((r = db_step(s, st, e)) == 1) {
		col_strings(s, st, &arena, cols, dst, 7);
		a.id = col_int(s, st, 0);
		hash_copy(a.prev, col_text(s, st, 8));
		hash_copy(a.hash, col_text(s, st, 9));
		if (fn(&a, arg))
			break;
	}
	if (r < 0)
		rc = (enum lserr)-r;
	db_reset(s, st);
	buf_release(&arena);
	return rc;
}
