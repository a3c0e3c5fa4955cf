/*
 * Units and users looked up by code inside one write transaction. Until it
 * ends nothing but this connection writes (the writer lock), and an import
 * looks the same few units and people up for each of its rows (three
 * layers check a task's lead, co-units and owner: a fifth of an import's
 * time). So inside a transaction the first lookup of a code reads the row
 * and the next ones copy it from here. Only rows found are kept. The memo
 * is emptied when the transaction ends or rolls back to a savepoint, and
 * by the writes that could change a kept row (units.c, users.c).
 */
#include "store/store_int.h"
#include "util/xmalloc.h"

#include <stdlib.h>
#include <string.h>

#define MEMO_SLOTS 128		/* per kind; a collision just reads again */
#define MEMO_FIELDS 6

struct memo_slot {
	bool used;
	int role;
	const char *v[MEMO_FIELDS];	/* into arena; v[0] is the key */
	struct buf arena;
};

struct memo {
	struct memo_slot units[MEMO_SLOTS];
	struct memo_slot users[MEMO_SLOTS];
};

static unsigned slot_of(const char *key)
{
	unsigned h = 2166136261u;	/* FNV-1a */

	for (; *key; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h % MEMO_SLOTS;
}

/* Copies n nullable strings into arena, pointing dst at the copies. */
static void copy_strings(struct buf *arena, const char *const *src,
			 const char **dst, int n)
{
	size_t at[MEMO_FIELDS];

	buf_reset(arena);
	for (int k = 0; k < n; k++) {
		at[k] = arena->len;
		if (src[k])
			buf_add(arena, src[k], strlen(src[k]) + 1);
	}
	for (int k = 0; k < n; k++)
		dst[k] = src[k] ? arena->ptr + at[k] : NULL;
}

static struct memo_slot *find(struct memo_slot *tab, const char *key)
{
	struct memo_slot *m = &tab[slot_of(key)];

	return m->used && !strcmp(m->v[0], key) ? m : NULL;
}

static void put(struct store *s, bool user, const char *const *v, int role)
{
	struct memo_slot *m;

	if (s->txn_depth == 0 || !v[0])
		return;
	if (!s->memo)
		s->memo = xcalloc(1, sizeof(*s->memo));
	m = &(user ? s->memo->users : s->memo->units)[slot_of(v[0])];
	copy_strings(&m->arena, v, m->v, MEMO_FIELDS);
	m->role = role;
	m->used = true;
}

void memo_clear(struct store *s)
{
	if (!s->memo)
		return;
	for (int i = 0; i < MEMO_SLOTS; i++)
		s->memo->units[i].used = s->memo->users[i].used = false;
}

void memo_release(struct store *s)
{
	if (!s->memo)
		return;
	for (int i = 0; i < MEMO_SLOTS; i++) {
		buf_release(&s->memo->units[i].arena);
		buf_release(&s->memo->users[i].arena);
	}
	free(s->memo);
	s->memo = NULL;
}

bool memo_unit_get(struct store *s, const char *code, struct unit *out)
{
	struct memo_slot *m;
	const char *v[MEMO_FIELDS];

	if (s->txn_depth == 0 || !s->memo || !(m = find(s->memo->units, code)))
		return false;
	if (out) {
		copy_strings(&out->arena, m->v, v, MEMO_FIELDS);
		out->code = v[0];
		out->name = v[1];
		out->parent = v[2];
		out->kind = v[3];
		out->path = v[4];
	}
	return true;
}

void memo_unit_put(struct store *s, const struct unit *u)
{
	const char *v[MEMO_FIELDS] = {
		u->code, u->name, u->parent, u->kind, u->path, NULL,
	};

	put(s, false, v, 0);
}

bool memo_user_get(struct store *s, const char *login, struct user *out)
{
	struct memo_slot *m;
	const char *v[MEMO_FIELDS];

	if (s->txn_depth == 0 || !s->memo || !(m = find(s->memo->users, login)))
		return false;
	if (out) {
		copy_strings(&out->arena, m->v, v, MEMO_FIELDS);
		out->login = v[0];
		out->name = v[1];
		out->unit = v[2];
		out->pwhash = v[3];
		out->created_at = v[4];
		out->unit_path = v[5];
		out->role = (enum role)m->role;
	}
	return true;
}

void memo_user_put(struct store *s, const struct user *u)
{
	const char *v[MEMO_FIELDS] = {
		u->login, u->name, u->unit, u->pwhash, u->created_at,
		u->unit_path,
	};

	put(s, true, v, (int)u->role);
}
