/*
 * The parts of luoshi that need a large library are built as modules:
 * shared objects loaded with dlopen the first time they are used, so that
 * a command such as `luoshi board` starts with SQLite, libsodium and
 * jansson only (2 ms) instead of the 75 libraries the whole program links
 * (19 ms). Each module is one or a few of our own source files and the
 * library it wraps:
 *
 *   http      src/http/ and the web UI        libmicrohttpd (gnutls)
 *   pdf       doc/doc_pdf.c                   cairo, pango
 *   xlsx      doc/doc_xlsx.c                  libxlsxwriter
 *   xlsxread  util/sheet_xlsx.c               libzip, expat
 *   send      notify/send.c                   libcurl
 *   pg        store/pg.c                      libpq
 *
 * A module calls back into the program (which exports its symbols with
 * -rdynamic); it answers one table, whose type its caller knows. Modules
 * are looked for in $LUOSHI_MODULES, then beside the binary in lib/luoshi
 * (the build directory) and ../lib/luoshi (an installed prefix). The
 * tests and fuzzers link them in instead (tests/builtin-modules.c). A
 * module from another build is refused: each carries a hash of every
 * header.
 */
#ifndef LUOSHI_MODULE_H
#define LUOSHI_MODULE_H

#include "abi.h"
#include "util/err.h"

enum module_id {
	MODULE_HTTP,
	MODULE_PDF,
	MODULE_XLSX,
	MODULE_XLSXREAD,
	MODULE_SEND,
	MODULE_PG,
	MODULE_N
};

struct module {
	const char *abi;	/* LUOSHI_ABI of the build it belongs to */
	enum module_id id;
	const void *api;	/* the table; its type is the caller's */
};

/* Defines module NAME's descriptor, luoshi_module_NAME. */
#define MODULE(name, mid, table) \
	const struct module luoshi_module_##name = { LUOSHI_ABI, mid, table }

/* The modules linked in (tests/builtin-modules.c), NULL in the program. */
extern const struct module *const module_builtin[] __attribute__((weak));

/*
 * Module id's table, loaded on first use (once per process, any thread),
 * or NULL with LS_EFAIL in e naming what is missing and where it looked.
 */
const void *module_api(enum module_id id, struct err *e);

/* "pdf" ... : the file name's stem. */
const char *module_name(enum module_id id);

#endif
