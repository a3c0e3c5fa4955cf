/*
 * Units (单位) and the validation of codes, names and kinds.
 */
#ifndef LUOSHI_UNIT_H
#define LUOSHI_UNIT_H

#include "util/buf.h"

#include <stdbool.h>

#define UNIT_CODE_MAX 32

struct unit {
	const char *code;
	const char *name;
	const char *parent;	/* code or NULL for a root */
	const char *kind;	/* peer group for ranking */
	const char *path;	/* "/ROOT/.../CODE/" */
	struct buf arena;
};

void unit_init(struct unit *u);
void unit_release(struct unit *u);
/* Codes: 1..32 of A–Z a–z 0–9 '-' '_'. */
bool unit_code_valid(const char *code);
/* Kinds: 1..32 of a–z 0–9 '_' '-'. */
bool unit_kind_valid(const char *kind);
/* Logins follow the same rule as codes, lower- or upper-case. */
bool login_valid(const char *login);

#endif
