/*
 * User records.
 */
#include "core/user.h"

#include <string.h>

void user_init(struct user *u)
{
	memset(u, 0, sizeof(*u));
	buf_init(&u->arena);
}

void user_release(struct user *u)
{
	buf_release(&u->arena);
	user_init(u);
}
