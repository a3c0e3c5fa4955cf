/*
 * The audit hash chain (SPEC §8): each entry carries
 * SHA-256(previous hash ‖ entry), hex-encoded; the first entry's previous
 * hash is 64 zeros. The entry is serialised with length prefixes so no two
 * different entries serialise alike.
 */
#ifndef LUOSHI_AUDIT_H
#define LUOSHI_AUDIT_H

#define AUDIT_HASHLEN 65	/* 64 hex digits + NUL */

struct audit_entry {
	long long id;
	const char *at;		/* RFC 3339 instant */
	const char *actor;	/* login */
	const char *action;	/* e.g. "task.ack" */
	const char *entity;	/* e.g. "task" */
	const char *entity_id;	/* e.g. "42" or "HRB-DL" */
	const char *before;	/* JSON or NULL */
	const char *after;	/* JSON or NULL */
	char prev[AUDIT_HASHLEN];
	char hash[AUDIT_HASHLEN];
};

extern const char audit_genesis[AUDIT_HASHLEN];

/* Computes the hash of e chained to prev into out. */
void audit_hash(const char *prev, const struct audit_entry *e,
		char out[AUDIT_HASHLEN]);

#endif
