/*
 * Passwords: argon2id hashes via libsodium, and the rule for acceptable
 * passwords (8..1024 bytes).
 */
#ifndef LUOSHI_PASSWORD_H
#define LUOSHI_PASSWORD_H

#include "util/err.h"

#include <stdbool.h>

enum lserr password_check(const char *password, struct err *e);
/* Returns a new argon2id string the caller frees, or NULL with e set. */
char *password_hash(const char *password, struct err *e);
bool password_verify(const char *hash, const char *password);
/*
 * Takes as long as password_verify() of a wrong password, for a login
 * that does not exist: no telling unknown logins by the time taken.
 */
void password_verify_nobody(const char *password);
/* Reads the first line of a file (without the newline); caller frees. */
char *password_read_file(const char *path, struct err *e);

#endif
