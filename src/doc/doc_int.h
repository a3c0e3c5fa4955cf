/*
 * For the writers only (doc_html.c, doc_md.c, doc_xlsx.c, doc_pdf.c): the
 * ops table each format supplies and the state doc.c keeps for all of
 * them (the open table's columns, the last heading, the first error).
 */
#ifndef LUOSHI_DOC_INT_H
#define LUOSHI_DOC_INT_H

#include "doc/doc.h"
#include "util/buf.h"

#include <stdio.h>

struct doc_ops {
	/* Opens d->file (already created); returns 0 or an errno value. */
	int (*open)(struct doc *d);
	void (*title)(struct doc *d, const char *title, const char *subtitle);
	void (*heading)(struct doc *d, const char *text);
	void (*para)(struct doc *d, const char *text);
	void (*table_begin)(struct doc *d);	/* columns in d->cols */
	void (*row)(struct doc *d, const struct doc_cell *cells);
	void (*table_end)(struct doc *d);
	/* Finishes; returns 0 or an errno value (EIO when unknown). */
	int (*close)(struct doc *d);
	/* Frees the writer's state without finishing. */
	void (*discard)(struct doc *d);
};

struct doc {
	const struct doc_ops *ops;
	enum doc_format format;
	char *path;		/* the file asked for (messages) */
	char *file;		/* the file written: a temporary beside
				 * path, renamed onto it by doc_close */
	bool direct;		/* path is a device or pipe: no rename */
	enum lang lang;
	int error;		/* the first errno, sticky */
	const char *why;	/* a writer's reason for `error` or NULL */
	struct doc_col *cols;	/* the open table's, titles copied */
	int ncols;
	bool in_table;
	bool titled;
	bool landscape;		/* doc_landscape: PDF pages turned */
	char *heading;		/* the last heading, or NULL */
	FILE *f;		/* html, md */
	void *priv;		/* the writer's own state */
	struct buf tmp;		/* scratch for escaping */
};

extern const struct doc_ops doc_html_ops, doc_md_ops, doc_xlsx_ops,
	doc_pdf_ops, doc_csv_ops;	/* xlsx and pdf: in their modules */

/* Records errno (or EIO) as the document's error when it is the first. */
void doc_fail(struct doc *d, int err);
/* fwrite of n bytes to d->f, recording a failure. */
void doc_write(struct doc *d, const char *s, size_t n);
void doc_puts(struct doc *d, const char *s);

#endif
