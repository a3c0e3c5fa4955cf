/*
 * Practices (经验, SPEC §2): a unit's best practice with tags and links to
 * tasks and goals, possibly made from a commendation and promoted into a
 * standing mechanism (上升为制度机制). The rules here are the small ones
 * a front end must not decide: what a tag may be, when a search can use
 * the trigram index, and the title a commendation gives its practice.
 */
#ifndef LUOSHI_PRACTICE_H
#define LUOSHI_PRACTICE_H

#include "util/buf.h"

#include <stdbool.h>
#include <stddef.h>

#define PRACTICE_MAX_TAGS 20
#define PRACTICE_MAX_LINKS 50
#define PRACTICE_TAG_CHARS 20	/* characters, not bytes */
#define PRACTICE_TITLE_CHARS 30	/* of a title made from a commendation */
#define PRACTICE_TRIGRAM 3	/* shortest search the index can serve */

struct practice {
	long long id;
	const char *title;
	const char *body;
	const char *unit;
	long long merit_id;		/* 0: not from a commendation */
	const char *promoted_at;	/* NULL: not promoted */
	const char *promoted_by;
	const char *promoted_note;
	const char *by;
	const char *at;
	const char *tags[PRACTICE_MAX_TAGS];	/* in the order given */
	size_t ntags;
	long long tasks[PRACTICE_MAX_LINKS];	/* ascending */
	size_t ntasks;
	long long goals[PRACTICE_MAX_LINKS];	/* ascending */
	size_t ngoals;
	struct buf arena;	/* the strings of a stored record */
	struct buf tag_arena;	/* its tags */
};

void practice_init(struct practice *p);
void practice_release(struct practice *p);

/* Characters (code points) of a UTF-8 string. */
size_t practice_chars(const char *s);
/*
 * A tag: 1..PRACTICE_TAG_CHARS characters of valid UTF-8, no control
 * characters, no ',' (lists of tags are joined by commas), no space at
 * either end.
 */
bool practice_tag_valid(const char *tag);
/*
 * Whether a search text can use the trigram index: at least
 * PRACTICE_TRIGRAM characters. Shorter texts (河长, a 2-character word)
 * are matched with LIKE over the same title and body instead.
 */
bool practice_search_indexed(const char *text);
/*
 * The title of a practice made from a commendation's reason: its first
 * non-blank line without surrounding blanks, cut to PRACTICE_TITLE_CHARS
 * characters with "…" when longer. Replaces out's contents.
 */
void practice_title_from(const char *reason, struct buf *out);

#endif
