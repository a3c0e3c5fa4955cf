/*
 * The tests and fuzzers link every module in rather than loading it
 * (src/util/module.h): module_api() answers these tables, so each suite
 * runs the same code without lib/luoshi beside it.
 */
#include "util/module.h"

#include <stddef.h>

extern const struct module luoshi_module_http, luoshi_module_pdf,
	luoshi_module_xlsx, luoshi_module_xlsxread, luoshi_module_send;
#ifdef HAVE_LIBPQ
extern const struct module luoshi_module_pg;
#endif

const struct module *const module_builtin[] = {
	&luoshi_module_http,
	&luoshi_module_pdf,
	&luoshi_module_xlsx,
	&luoshi_module_xlsxread,
	&luoshi_module_send,
#ifdef HAVE_LIBPQ
	&luoshi_module_pg,
#endif
	NULL,
};
