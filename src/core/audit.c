/*
 * SHA-256 hash chain over audit entries, via libsodium.
 */
#include "core/audit.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

const char audit_genesis[AUDIT_HASHLEN] =
	"0000000000000000000000000000000000000000000000000000000000000000";

static void field(crypto_hash_sha256_state *st, const char *s)
{
	char len[32];
	int n;

	if (!s) {
		crypto_hash_sha256_update(st, (const unsigned char *)"-;", 2);
		return;
	}
	n = snprintf(len, sizeof(len), "%zu:", strlen(s));
	crypto_hash_sha256_update(st, (const unsigned char *)len, (size_t)n);
	crypto_hash_sha256_update(st, (const unsigned char *)s, strlen(s));
}

void audit_hash(const char *prev, const struct audit_entry *e,
		char out[AUDIT_HASHLEN])
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];
	char id[32];

	snprintf(id, sizeof(id), "%lld", e->id);
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, (const unsigned char *)prev,
				  strlen(prev));
	field(&st, id);
	field(&st, e->at);
	field(&st, e->actor);
	field(&st, e->action);
	field(&st, e->entity);
	field(&st, e->entity_id);
	field(&st, e->before);
	field(&st, e->after);
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, AUDIT_HASHLEN, h, sizeof(h));
}
