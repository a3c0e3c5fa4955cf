/*
 * Unit records and identifier validation.
 */
#include "core/unit.h"

#include <string.h>

void unit_init(struct unit *u)
{
	memset(u, 0, sizeof(*u));
	buf_init(&u->arena);
}

void unit_release(struct unit *u)
{
	buf_release(&u->arena);
	unit_init(u);
}

static bool ident(const char *s, bool upper, size_t max)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' ||
		    (upper && c >= 'A' && c <= 'Z'))
			continue;
		return false;
	}
	return true;
}

bool unit_code_valid(const char *code)
{
	return ident(code, true, UNIT_CODE_MAX) && !strchr(code, '.');
}

bool unit_kind_valid(const char *kind)
{
	return ident(kind, false, 32) && !strchr(kind, '.');
}

bool login_valid(const char *login)
{
	return ident(login, true, 64);
}
