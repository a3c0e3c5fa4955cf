/*
 * Reading tables from files offices keep (SPEC §7 Import/export): CSV
 * (RFC 4180) in UTF-8 with or without BOM or in GB18030 as Chinese Excel
 * saves it, and the first sheet of an XLSX workbook (libzip + expat).
 * Rows are handed to a callback one at a time, never kept: a reader holds
 * one row (and, for XLSX, the shared strings).
 */
#ifndef LUOSHI_SHEET_H
#define LUOSHI_SHEET_H

#include "util/err.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * One row: its line in the file (CSV: the physical line where the record
 * starts, 1-based; XLSX: the row number), n cells as UTF-8 strings (never
 * NULL; "" when empty). Valid only during the call. A non-zero return
 * stops the reading (the reader then returns LS_OK).
 */
typedef int (*sheet_row_fn)(long line, const char *const *cells, int n,
			    void *arg);

/*
 * A yes/no cell: 是 yes true y 1 → true; 否 no false n 0 and "" → false
 * (English words in any case). False return when it is none of these.
 */
bool sheet_bool(const char *s, bool *out);

/* True when data looks like an XLSX (a zip: "PK\3\4"). */
bool sheet_is_xlsx(const void *data, size_t len);

/*
 * The text of a CSV file as UTF-8 without BOM: valid UTF-8 is taken as is,
 * anything else is converted from GB18030 (a superset of GBK). Returns a
 * new NUL-terminated string (caller frees) and its length in *outlen, or
 * NULL with LS_EINVAL naming the byte where neither encoding fits.
 */
char *sheet_text_utf8(const char *data, size_t len, size_t *outlen,
		      struct err *e);

/*
 * Parses RFC 4180 text (UTF-8, no BOM): fields separated by ',', records
 * by CRLF or LF, quoted fields with "" for a quote and line breaks inside.
 * An unterminated quote is LS_EINVAL naming the line it opened on.
 */
enum lserr sheet_csv(const char *text, size_t len, sheet_row_fn fn,
		     void *arg, struct err *e);

/*
 * Reads the first sheet of an XLSX workbook held in memory: shared and
 * inline strings, numbers as written (dates are serial numbers), booleans
 * as "1"/"0". A damaged file is LS_EINVAL saying what is wrong.
 */
enum lserr sheet_xlsx(const void *data, size_t len, sheet_row_fn fn,
		      void *arg, struct err *e);

/* The xlsxread module's table (util/sheet_xlsx.c), which sheet_xlsx calls. */
struct sheet_xlsx_module {
	enum lserr (*read)(const void *data, size_t len, sheet_row_fn fn,
			   void *arg, struct err *e);
};

#endif
