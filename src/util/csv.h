/*
 * CSV output (RFC 4180) for spreadsheets: fields quoted when they hold a
 * comma, quote, CR or LF (quotes doubled), and a guard against formula
 * injection: a field starting with = + - @ gets a leading apostrophe, so
 * Excel shows it as text instead of running it (OWASP's advice).
 */
#ifndef LUOSHI_CSV_H
#define LUOSHI_CSV_H

#include "util/buf.h"

/* The UTF-8 byte order mark Chinese Excel needs to read UTF-8. */
#define CSV_BOM "\xef\xbb\xbf"

/* Appends one field (NULL = empty), guarded and quoted as needed. */
void csv_field(struct buf *b, const char *s);
/* Appends the row end "\r\n". */
void csv_end_row(struct buf *b);
/*
 * Undoes the formula guard when reading: a field "'=..." (or ' before
 * + - @) gives the text after the apostrophe; any other field itself.
 */
const char *csv_unguard(const char *s);

#endif
