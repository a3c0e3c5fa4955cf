/*
 * The practice library's rules (see practice.h). Character counts are
 * UTF-8 code points: a 20-character tag is 20 Chinese characters, as a
 * user counts them, not 60 bytes.
 */
#include "core/practice.h"
#include "util/utf8.h"

#include <string.h>

void practice_init(struct practice *p)
{
	memset(p, 0, sizeof(*p));
	buf_init(&p->arena);
	buf_init(&p->tag_arena);
}

void practice_release(struct practice *p)
{
	buf_release(&p->arena);
	buf_release(&p->tag_arena);
	practice_init(p);
}

size_t practice_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

bool practice_tag_valid(const char *tag)
{
	size_t len = tag ? strlen(tag) : 0, n;

	if (!len || !utf8_valid(tag, len) || tag[0] == ' ' ||
	    tag[len - 1] == ' ')
		return false;
	for (const char *p = tag; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == ',')
			return false;
	n = practice_chars(tag);
	return n >= 1 && n <= PRACTICE_TAG_CHARS;
}

bool practice_search_indexed(const char *text)
{
	return text && practice_chars(text) >= PRACTICE_TRIGRAM;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void practice_title_from(const char *reason, struct buf *out)
{
	const char *p = reason ? reason : "", *end;
	size_t n = 0;

	buf_reset(out);
	while (blank(*p))
		p++;
	end = p + strcspn(p, "\r\n");
	while (end > p && blank(end[-1]))
		end--;
	for (const char *q = p; q < end; q++) {
		if (((unsigned char)*q & 0xc0) == 0x80)
			continue;
		if (n == PRACTICE_TITLE_CHARS) {
			buf_add(out, p, (size_t)(q - p));
			buf_adds(out, "…");
			return;
		}
		n++;
	}
	buf_add(out, p, (size_t)(end - p));
}
