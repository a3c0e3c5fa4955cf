/*
 * The program's side of XLSX reading: sheet_xlsx hands the workbook to
 * the xlsxread module (util/sheet_xlsx.c, libzip and expat), loaded on
 * the first import of an XLSX file.
 */
#include "util/module.h"
#include "util/sheet.h"

enum lserr sheet_xlsx(const void *data, size_t len, sheet_row_fn fn,
		      void *arg, struct err *e)
{
	const struct sheet_xlsx_module *m = module_api(MODULE_XLSXREAD, e);

	return m ? m->read(data, len, fn, arg, e) : e->code;
}
