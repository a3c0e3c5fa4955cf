/*
 * The two languages of fixed words luoshi writes into files (export
 * headers, page numbers, "Summary"): zh-CN and en. Parsing of the --lang
 * value and of an HTTP Accept-Language header live here, once.
 */
#ifndef LUOSHI_LANG_H
#define LUOSHI_LANG_H

#include <stdbool.h>

enum lang {
	LANG_ZH,
	LANG_EN,
};

/* "zh-CN", "zh" or "en" (case-insensitive); false otherwise. */
bool lang_parse(const char *s, enum lang *out);
const char *lang_name(enum lang l);	/* "zh-CN" or "en" */

/*
 * The language an Accept-Language header asks for: the zh or en range
 * with the highest q (the first one on a tie); zh-CN when the header is
 * absent or names neither ("*" counts as zh-CN, the product's default).
 */
enum lang lang_from_accept(const char *header);

#endif
