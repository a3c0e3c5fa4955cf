/*
 * The document writer: one sink fed in order (title, headings, paragraphs,
 * tables row by row) that writes HTML, Markdown, XLSX or PDF. Nothing is
 * kept as a tree: HTML and Markdown go straight to the file, XLSX through
 * libxlsxwriter's constant-memory mode, PDF through a spool file replayed
 * twice (a counting pass, then the drawing pass: "page N of M").
 */
#ifndef LUOSHI_DOC_H
#define LUOSHI_DOC_H

#include "util/err.h"
#include "util/lang.h"

#include <stdbool.h>

enum doc_format {
	DOC_HTML,
	DOC_MD,
	DOC_XLSX,
	DOC_PDF,
	DOC_CSV,	/* the tables only (see doc_csv.c) */
};

/* "html", "md", "xlsx", "pdf", "csv"; false otherwise. */
bool doc_format_parse(const char *s, enum doc_format *out);
const char *doc_format_name(enum doc_format f);

enum doc_kind {
	DOC_TEXT,
	DOC_NUMBER,	/* right-aligned; a real number in XLSX */
	DOC_DATE,	/* "YYYY-MM-DD" text; a real date in XLSX */
};

struct doc_col {
	const char *title;
	int width;		/* hint in characters (a CJK one counts 2) */
	enum doc_kind kind;
};

/*
 * A cell: `text` for text and date columns (NULL = empty), `num` for
 * number columns unless `null`. Build them with the macros.
 */
struct doc_cell {
	const char *text;
	double num;
	bool null;
};

#define DOC_STR(s) ((struct doc_cell){ .text = (s) })
#define DOC_NUM(x) ((struct doc_cell){ .num = (x) })
#define DOC_NULL ((struct doc_cell){ .null = true })

struct doc;

/*
 * Creates the file at `path` for `format`, with the fixed words (page
 * numbers, "Summary") in `lang`. NULL with e set (naming the path) when
 * the file cannot be created. Borrowed strings are copied when kept.
 * The document is written to a temporary file beside path and renamed
 * onto it by doc_close, so path changes only when the whole document
 * was written (devices and pipes are written directly).
 */
struct doc *doc_open(enum doc_format format, const char *path,
		     enum lang lang, struct err *e);
/*
 * A4 landscape pages for a document of wide tables (PDF only; the other
 * formats have no pages). Before anything is written.
 */
void doc_landscape(struct doc *d);
/* The document's title and an optional subtitle (NULL), once, first. */
void doc_title(struct doc *d, const char *title, const char *subtitle);
/* A section heading; the heading before a table names its XLSX sheet. */
void doc_heading(struct doc *d, const char *text);
/* A paragraph of plain text (no markup; newlines kept as line breaks). */
void doc_para(struct doc *d, const char *text);
/* Starts a table of n columns; cols are copied. */
void doc_table_begin(struct doc *d, const struct doc_col *cols, int n);
/* One row: exactly as many cells as columns. */
void doc_row(struct doc *d, const struct doc_cell *cells);
void doc_table_end(struct doc *d);
/*
 * Finishes the file and frees d. Returns LS_OK, or LS_EFAIL with e naming
 * the path and the reason when anything could not be written.
 */
enum lserr doc_close(struct doc *d, struct err *e);
/* Abandons the document: frees d and removes the file. */
void doc_discard(struct doc *d);

/* A number as the writers print it: "%.15g", "" for NaN. */
char *doc_number(double v, char out[32]);

/*
 * An Excel sheet name from a heading: at most 31 characters, none of
 * []:*?/\ (each becomes '_'), no leading or trailing apostrophe, not
 * blank ("Sheet" then), and unlike every name in used[0..nused-1]
 * (case-insensitive for ASCII): a clash gets " (2)", " (3)" ... within
 * the 31 characters. out needs DOC_SHEET_MAX bytes.
 */
#define DOC_SHEET_MAX 128
void doc_sheet_name(const char *heading, const char *const *used, int nused,
		    char out[DOC_SHEET_MAX]);

#endif
